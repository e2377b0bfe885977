"""What a pronoun source stands for: the one antecedent rule of the package ("Pronouns" in its docstring).

A pronoun source ("he said", "it added", "which they described as") refers to, in this order:

1. the nearest source cited before it in its own sentence that **agrees** with it (:func:`agrees`): in "Human
   rights groups say … in what they call …" *they* are the groups;
2. the noun phrase that opens its sentence as subject, when it agrees, comes before the pronoun and before the
   sentence's first quotation mark (:func:`opening_subject`): in "The United States, the United Kingdom and France
   responded …, which they described as …" *they* are the three states, not the previous sentence's source; in
   "'…,' he said" the names are the quotation's, not the speaker;
3. a source of the previous ``lookback`` sentences, nearest sentence first and, within one, a named source before
   an anonymous one, then reading order — the first that agrees; a pronoun there stands for what it refers to
   ("He said … . He added …").

None of these: no antecedent (the ``sources`` table's ``refers_to`` stays ""). A quantifier source ("many accuse
…", "what one called") is no pronoun: it stands only for a plural source of its own sentence
(:func:`.discourse.quantified_source`).

**Agreement** reads the source phrase's words only (:func:`referent`): *they* wants a plural or coordinated source
("Monitors", "Protest leaders", "The United States and France"), the others a singular one; *he* and *she* no
body (an institution, document or broadcaster noun, an acronym, a name written after "the": "the ministry",
"BBC", "The New York Times"); *it* no person (a role, a title before a name, a person noun, two to four
capitalised words with no institution word: "the spokesman", "Gen. Soleimani", "Hamid Rezaei"). A lone
capitalised word ("Iran", "Reuters", "Soleimani") may be either.
"""

from __future__ import annotations

from typing import Literal

from ...phrases.tokens import Token, is_cap, is_plural, is_quote_mark, is_word, tokenize
from ...phrases.walkers import Phrase, PhraseWalker
from ...phrases.words import (ADVERBS, COLLECTIVE, DEFINITE, INSTITUTIONS, MODIFIER_PARTICIPLES, POSSESSIVE,
                              PREPOSITIONS, RELATIVE, ROLES, TIME_WORDS, TITLE_ABBREVIATIONS, VAGUE_PEOPLE)
from .kinds import core_and_appositive, head_index
from .parser import SourceWalker
from .records import Found
from .vocabulary import BROADCASTERS, DOCUMENT_SUBJECTS

PERSON_PRONOUNS = frozenset({"he", "she"})
THING_PRONOUNS = frozenset({"it"})
PLURAL_PRONOUNS = frozenset({"they"})
# A quantifier as a cue's subject ("many accuse the police …", "what one called …"): some of the people its
# sentence has just cited (:func:`.discourse.quantified_source`).
QUANTIFIER_SOURCES = frozenset({"many", "some", "most", "several", "others", "one", "few"})
SOURCE_PRONOUNS = PERSON_PRONOUNS | THING_PRONOUNS | PLURAL_PRONOUNS

Referent = Literal["person", "body", "either"]
_BODY_HEADS = INSTITUTIONS | DOCUMENT_SUBJECTS | BROADCASTERS | COLLECTIVE
_TITLES = ROLES | {t.lower() for t in TITLE_ABBREVIATIONS} | {t.lower() + "." for t in TITLE_ABBREVIATIONS}
# A person's name is two to four capitalised words ("Moussa Garba", "Carla Méndez"); longer runs are bodies' names.
_MAX_NAME_WORDS = 4


def is_pronoun(source: str) -> bool:
    """A source that is a third-person subject pronoun as written ("He", "they")."""
    return source.strip().casefold() in SOURCE_PRONOUNS


def agrees(pronoun: str, source: str) -> bool:
    """Whether ``source`` (a source phrase as written, not a pronoun) may be what ``pronoun`` stands for (the
    agreement rule of the module docstring)."""
    pronoun = pronoun.strip().casefold()
    tokens = tokenize(source, [])
    core, _ = core_and_appositive(tokens)
    if not core:
        return False
    if (pronoun in PLURAL_PRONOUNS) != (_coordinated(tokens) or _plural(core)):
        return False
    if pronoun in PLURAL_PRONOUNS:
        return True
    kind = referent(core)
    return kind != "body" if pronoun in PERSON_PRONOUNS else kind != "person"


def names_people(source: str) -> bool:
    """Whether a source phrase names people who can witness: a plural or coordinated source, or a person by the
    agreement rule ("Survivors", "Residents who fled", "a nurse"; not "it", "the report", "the ministry")."""
    tokens = tokenize(source, [])
    core, _ = core_and_appositive(tokens)
    if not core or is_pronoun(source):
        return False
    return _coordinated(tokens) or _plural(core) or referent(core) == "person"


def referent(core: list[Token]) -> Referent:
    """What a singular source phrase's core words (before any comma or relative clause) name: a ``person``, a
    ``body``, or ``either`` when its words do not tell (rules in the module docstring)."""
    head = core[head_index(core)]
    if head.lower in _BODY_HEADS:
        return "body"
    if head.lower in ROLES or head.lower in VAGUE_PEOPLE:
        return "person"
    if not is_cap(head):
        return "either"
    if len(head.text) > 1 and head.text.isupper():
        return "body"  # an acronym: "BBC", "SANA"
    name = _name_words(core)
    if any(t.lower in _TITLES for t in core[:len(core) - len(name)]):
        return "person"  # "President Maduro", "Gen. Soleimani"
    if core[0].lower in DEFINITE or any(t.lower in _BODY_HEADS for t in name):
        return "body"  # a person's name takes no "the": "The United States", "the Pentagon"
    return "person" if 2 <= len(name) <= _MAX_NAME_WORDS else "either"


def _name_words(core: list[Token]) -> list[Token]:
    """The capitalised words that end the core ("Hamid Rezaei" of "Iran's envoy Hamid Rezaei")."""
    k = len(core)
    while k > 0 and is_cap(core[k - 1]) and core[k - 1].lower not in _TITLES:
        k -= 1
    return core[k:]


def _coordinated(tokens: list[Token]) -> bool:
    """Several parties joined by "and" before any relative clause ("The United States, the United Kingdom and
    France", "Larijani and Rezaei")."""
    for token in tokens:
        if token.lower in RELATIVE:
            return False
        if token.lower in {"and", "&"}:
            return True
    return False


def _plural(core: list[Token]) -> bool:
    """A plural head noun. A capitalised head after other words is a name ("the United States", "The Los Angeles
    Times"), singular whatever its ending; a one-word source is capitalised by its place ("Monitors said")."""
    head = core[head_index(core)]
    return is_plural(head.lower) and (not is_cap(head) or len(core) == 1 or head is core[0])


def opening_subject(sentence: str) -> tuple[str, Phrase, PhraseWalker] | None:
    """The noun phrase that opens ``sentence`` as its subject, after an introductory phrase ("In 2022 the federal
    government …", "On Monday, the ministry …"), as written, with its token range and the walker; ``None`` when
    the sentence opens otherwise or a quotation mark comes first."""
    walker = SourceWalker(sentence, tokenize(sentence, []))  # its cue verbs end a subject ("the guild said")
    if not walker.n or is_quote_mark(walker.tokens[0]):
        return None
    start = _after_introduction(walker)
    phrase = walker.np_right(start, allow_appositive=True) if start else walker.main_subject()
    if phrase is None or phrase.end <= phrase.start:
        return None
    phrase = _coordination(walker, Phrase(phrase.start, _before_verb(walker, phrase)))
    return walker.text_of(phrase.start, phrase.end).strip(" ,"), phrase, walker


def _before_verb(walker: PhraseWalker, phrase: Phrase) -> int:
    """Where a subject walked rightwards ends: before a lower-case past form after a noun ("the federal
    government launched …"); one after a determiner is an adjective ("the armed forces")."""
    for k in range(phrase.start + 1, phrase.end):
        word, before = walker.low(k), walker.low(k - 1)
        if word.endswith("ed") and "-" not in word and word not in MODIFIER_PARTICIPLES \
                and not is_cap(walker.tokens[k]) and before not in DEFINITE | POSSESSIVE | ADVERBS:
            return k
    return phrase.end


def _coordination(walker: PhraseWalker, phrase: Phrase) -> Phrase:
    """A subject with the phrases coordinated after it: "The United States, the United Kingdom and France"
    (a list must end with "and": "Iran, the main backer, …" is an appositive, already in ``phrase``)."""
    end, k = phrase.end, phrase.end
    while k < walker.n and walker.low(k) in {",", "and"}:
        final = walker.low(k) == "and" or walker.low(k + 1) == "and"
        nxt = walker.np_right(k + 2 if walker.low(k + 1) == "and" else k + 1, allow_appositive=False)
        if nxt is None:
            break
        k = _before_verb(walker, nxt)
        if final or any(walker.low(j) == "and" for j in range(nxt.start, k)):
            end = k
            break
    return Phrase(phrase.start, end)


def _after_introduction(walker: PhraseWalker) -> int:
    """Where the subject starts after a short time phrase with no comma ("In 2022", "On Tuesday"); 0 when the
    sentence opens otherwise (:meth:`~framing.phrases.PhraseWalker.main_subject` reads a comma-ended one)."""
    if walker.low(0) not in PREPOSITIONS or walker.n < 3:
        return 0
    second = walker.tokens[1]
    if (second.text.isdigit() or second.lower in TIME_WORDS) and walker.tokens[2].text != ",":
        return 2
    return 0


def refer(pronoun: Found, earlier: list[Found], sentence: str, sentence_start: int,
          previous: list[tuple[Found, ...]]) -> tuple[str, Found | None]:
    """The antecedent of ``pronoun`` as written and the source it is (``None`` for an opening subject that is no
    source), or ``("", None)``: ``earlier`` are the sources of its sentence before it, ``previous`` the sources of
    the previous sentences, nearest first (rule of the module docstring)."""
    word = pronoun.source
    for found in sorted(earlier, key=lambda f: f.start, reverse=True):
        if not is_pronoun(found.source) and agrees(word, found.source):
            return found.source, found
    opening = opening_subject(sentence)
    if opening is not None:
        text, phrase, walker = opening
        first_quote = next((t.start for t in walker.tokens if is_quote_mark(t)), len(sentence))
        starts, ends = walker.tokens[phrase.start].start, walker.tokens[phrase.end - 1].end
        if ends + sentence_start <= pronoun.start and starts < first_quote and not is_pronoun(text) \
                and any(is_word(t) for t in walker.tokens[phrase.start:phrase.end]) and agrees(word, text):
            return text, None
    for sources in previous:
        for found in sorted(sources, key=lambda f: (f.kind != "named", f.start)):
            if is_pronoun(found.source):
                if found.refers_to and _same_class(word, found.source):
                    return found.refers_to, found
            elif agrees(word, found.source):
                return found.source, found
    return "", None


def _same_class(pronoun: str, other: str) -> bool:
    """Two pronouns that can stand for the same source ("he … he", "it … it", "they … they")."""
    a, b = pronoun.strip().casefold(), other.strip().casefold()
    return any(a in group and b in group for group in (PERSON_PRONOUNS, THING_PRONOUNS, PLURAL_PRONOUNS))
