"""Tokens of one sentence and the tests the phrase walkers ask of a single token.

A token is a word (letters, digits, inner hyphens and apostrophes: "al-Sadr", "Iran's"), a title abbreviation
with its full stop ("Gen."), an initialism ("U.S."), or one punctuation character. Offsets are into the sentence.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from .words import (BOUNDARY, COLLECTIVE, DEFINITE, DEMONYMS, FIRST_PERSON, INDEFINITE, INSTITUTIONS, MID_LOWER,
                    MID_UPPER, MONTHS_AND_DAYS, NEGATIVE, POSSESSIVE, PREPOSITIONS, PRONOUNS, ROLES,
                    TITLE_ABBREVIATIONS, VAGUE_PEOPLE, orthography)


class Token(NamedTuple):
    """One token of a sentence."""

    text: str
    lower: str  # lower case, with a curly apostrophe made straight
    start: int  # offset in the sentence
    end: int
    quoted: bool  # inside a quotation (not a scare quote)


TOKEN = re.compile(
    r"(?:%s)\.|(?:[A-Za-z]\.){2,}|\w+(?:[-'’/]\w+)*|[^\w\s]" % "|".join(TITLE_ABBREVIATIONS)
)
_QUOTE_MARKS = "\"'"
# A wire story's dateline: "BRASILIA, Brazil (AP) - …", "PARIS, March 23, 2023 (AFP) - …".
DATELINE = re.compile(r"[A-Z][A-Z .'’-]+,[^()\n]{0,60}\((?P<agency>[^()\n]{1,30})\)[ \t]*[-—–]")


def tokenize(text: str, quoted: list[tuple[int, int]]) -> list[Token]:
    """The tokens of ``text``; ``quoted`` holds the ``(start, end)`` sentence offsets of its quotations (marks
    included): a token inside one, other than a quotation mark, is ``quoted``."""
    # This runs for every token of a corpus: build the tuples without the NamedTuple constructor's extra call,
    # and skip the span test in the many sentences that quote nothing.
    make = tuple.__new__
    out = []
    for match in TOKEN.finditer(text):
        word = match.group()
        start, end = match.span()
        inside = bool(quoted) and word not in _QUOTE_MARKS and any(s <= start and end <= e for s, e in quoted)
        out.append(make(Token, (word, word.lower().replace("’", "'"), start, end, inside)))
    if "'" in text or "’" in text:
        out = _plural_possessives(text, out)
    return out


def _plural_possessives(text: str, tokens: list[Token]) -> list[Token]:
    """``tokens`` with each plural possessive made one token ("the students' leaders": ``students'``), as
    "the student's" is: a word in -s with an apostrophe right after it and a word after a space. Such an
    apostrophe closes a single quotation instead when one is open ("the so-called 'rebels' said"): a quotation
    opens at an apostrophe after a space (or the start) and right before a word."""
    out: list[Token] = []
    open_single = False
    for index, token in enumerate(tokens):
        if token.text not in ("'", "’"):
            out.append(token)
            continue
        previous = out[-1] if out else None
        attached = previous is not None and previous.end == token.start
        if not attached:
            following = tokens[index + 1] if index + 1 < len(tokens) else None
            open_single = open_single or (following is not None and following.start == token.end)
        elif open_single:
            open_single = False
        elif previous.lower.endswith("s") and is_word(previous) and _word_after_space(text, token.end):
            out[-1] = previous._replace(text=previous.text + token.text, lower=previous.lower + "'", end=token.end)
            continue
        out.append(token)
    return out


def _word_after_space(text: str, k: int) -> bool:
    return k + 1 < len(text) and text[k].isspace() and text[k + 1].isalnum()


def is_word(token: Token) -> bool:
    """Starts with a letter or digit (not punctuation)."""
    return token.text[:1].isalnum()


_NAME_PARTICLE = re.compile(r"(?:al|el|ad|an|ar|as|at|ash|az|bin|ibn|abu|abd)-[A-Z]")


def is_cap(token: Token) -> bool:
    """Capitalised, counting Arabic names written with a lower-case particle ("al-Sadr", "bin-Salman")."""
    return token.text[:1].isupper() or bool(_NAME_PARTICLE.match(token.text))


def is_quote_mark(token: Token) -> bool:
    """A straight quotation mark (the cleaner has made every quotation mark straight)."""
    return token.text in _QUOTE_MARKS


def looks_common(token: Token, index: int) -> bool:
    """A capitalised word that is an ordinary word in lower case: a closed-class or source word anywhere, or —
    at the start of a sentence (``index`` 0) — a word news text mostly writes in lower case ("Witnesses")."""
    lower = token.lower
    if lower in VAGUE_PEOPLE or lower in INDEFINITE or lower in DEFINITE or lower in POSSESSIVE \
            or lower in COLLECTIVE or lower in INSTITUTIONS or lower in ROLES or lower in NEGATIVE \
            or lower in PRONOUNS or lower in FIRST_PERSON or lower in BOUNDARY or lower in PREPOSITIONS:
        return True
    if index != 0:
        return False
    flags = orthography().get(lower, 0)
    return bool(flags & MID_LOWER) and not flags & MID_UPPER


def is_proper(token: Token, index: int) -> bool:
    """A capitalised name word: not a demonym, month or title abbreviation, not a common word at the start
    (``index`` is the token's position in its sentence)."""
    if not is_cap(token) or not is_word(token):
        return False
    if token.lower in DEMONYMS or token.text in MONTHS_AND_DAYS or token.text.rstrip(".") in TITLE_ABBREVIATIONS:
        return False
    if plural_demonym(token.lower):
        return False
    return not (index == 0 and looks_common(token, 0))


_PLURAL_PEOPLE = re.compile(r"[a-z]+(?:ians|eans|ese)")


def plural_demonym(lower: str) -> bool:
    """A word for the people of a place or group ("Iraqis", "Americans", "Lebanese"). An "-is" plural counts only
    when its singular is a demonym ("Iraqis", "Saudis"): most words ending in "-is" are names ("Harris", "Morris",
    "Davis") or singular nouns ("crisis")."""
    if lower.endswith("is"):
        return lower[:-1] in DEMONYMS
    return lower in DEMONYMS and lower.endswith("s") or bool(_PLURAL_PEOPLE.fullmatch(lower))


def is_plural(lower: str) -> bool:
    """A plural noun by its ending, or one of the plurals without -s that sources use (people, media …)."""
    return lower.endswith("s") and not lower.endswith(("ss", "us", "is", "'s")) or lower in {"people", "media",
                                                                                            "police", "many"}


def is_participle(lower: str) -> bool:
    """A past participle by its ending or one of the irregular ones of reporting ("said", "told", "seen" …).
    Plurals in "-men" and "-dren" ("gunmen", "women", "children") end like one but are nouns."""
    if lower.endswith(("men", "dren")):
        return False
    return (lower.endswith(("ed", "en")) or lower in {"seen", "said", "told", "shown", "found", "thought",
                                                      "held", "known", "written"})
