"""Unnamed office-holders: "the president", "the prime minister" in a document that never names the holder.

News names a head of state or government once ("President Ana Ruiz") and then writes "the president"; the
context rule ties that description to the named person. Coverage of a country whose leader it never names
("the president", "the acting president", "His regime") still means one person throughout: the holder of the
office, an actor of his own keyed by the office ("the president", "the acting president"; never merged with a
named person's surname). So in a document that writes
the office nowhere before a name ("President Ruiz") nor beside one ("the president, Ana Ruiz"), each definite
mention of the office is a person mention — a slot's actor, an appositive's, and a pronoun's antecedent.
"""

from __future__ import annotations

import re

from .mentions import OFFICES, Mention

_OFFICE = "|".join(OFFICES)
# "the (acting) president", not "the president of Belarus" (a mention of its own) nor "the president Ana Ruiz"
_DEFINITE_OFFICE = re.compile(
    rf"\b[Tt]he[ \t]+(?P<office>(?:acting[ \t]+|deputy[ \t]+)?(?:{_OFFICE}))\b(?![ \t]+(?:of\b|[A-Z]))")
# The office written as a title before a name ("President Ruiz") or a name beside it ("the president, Ana
# Ruiz"): the document names the holder.
_NAMED_HOLDER = re.compile(r"\b(?:%s)[ \t]+[A-Z]|\b[Tt]he[ \t]+(?:%s),[ \t]+[A-Z]"
                           % ("|".join(office.title() for office in OFFICES), _OFFICE))

# The offices' last words: a substring test on the document before any regular expression (most name none).
_OFFICE_WORDS = tuple({office.split()[-1] for office in OFFICES})


def with_unnamed_offices(texts: list[str], found: list[list[Mention]]) -> list[list[Mention]]:
    """``found`` (each sentence's mentions, sentence offsets) with a person mention for each definite office of a
    document that never names its holder (module docstring)."""
    joined = "\n".join(texts)
    if not any(word in joined for word in _OFFICE_WORDS) or _DEFINITE_OFFICE.search(joined) is None \
            or _NAMED_HOLDER.search(joined) is not None:
        return found
    out = []
    for text, mentions in zip(texts, found):
        added = [Mention(match.start(), match.end(), match.group(), _office_key(match.group("office")), "person",
                         text.count(" ", 0, match.start()) < 3)
                 for match in _DEFINITE_OFFICE.finditer(text)
                 if not any(m.start < match.end() and match.start() < m.end for m in mentions)]
        out.append(sorted(mentions + added) if added else mentions)
    return out


def _office_key(office: str) -> str:
    """The key of an unnamed office-holder: the definite office in lower case ("the acting president")."""
    return "the " + " ".join(office.lower().split())


def is_unnamed_office(mention: Mention) -> bool:
    """Whether a mention is an unnamed office-holder of this module (its key is the definite office)."""
    return mention.shape == "person" and mention.key.startswith("the ")
