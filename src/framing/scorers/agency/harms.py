"""Finding harm expressions in one sentence: which words report harm, in which sense and part of speech.

A form of ``data/harm_words.tsv`` is a harm expression unless its neighbours give it another sense ("strike a
deal", "a shooting star", "heart attack", "made a killing"), it is capitalised inside the sentence (a name: "the
Killing Fields", "Death Valley") or, for a euphemism, its victim names no people ("eliminated tariffs"). The
construction, agent and victim of each are decided in :mod:`.construction`.

Senses left out on purpose: sport and markets ("beat the odds", "shot down the idea"), verbal attacks on things
("attack the problem", "attacked the decision"), labour strikes ("on strike", "general strike"), medical
attacks ("heart attack"), the death penalty as an institution, and executing a plan or an order.
"""

from __future__ import annotations

from typing import NamedTuple

from ...phrases import PhraseWalker, is_cap
from ...phrases.words import DEFINITE, INDEFINITE, POSSESSIVE, PREPOSITIONS, ROLES, VAGUE_PEOPLE
from .vocabulary import POSSESSIVE_SLOT, HarmForm, HarmWord, harm_forms, is_past_participle

DETERMINERS = DEFINITE | INDEFINITE | POSSESSIVE
NUMBER_WORDS = frozenset({"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
                          "twelve", "twenty", "thirty", "forty", "fifty", "hundred", "hundreds", "dozens", "dozen",
                          "thousands", "scores", "many", "several", "few", "more", "no", "least"})
# Before a noun-or-verb form, these make it a verb: "they attack", "to strike", "would arrest".
VERB_BEFORE = frozenset({"i", "we", "you", "he", "she", "they", "it", "who", "to", "will", "would", "could", "can",
                         "may", "might", "must", "should", "shall", "did", "does", "do", "not", "n't", "also",
                         "then", "reportedly", "allegedly"})
# After a noun-or-verb form, these make it a verb with an object: "strikes Gaza", "attack them".
OBJECT_STARTS = frozenset({"him", "her", "them", "us", "me", "it", "people", "civilians", "protesters"})
# Victims that are people, for the words that are harm only when done to people ("eliminated the commander"):
# the phrase walkers' people and role words (less the sources that are no people: "eliminated the claims"), and
# the people of reports of violence.
NOT_PEOPLE = frozenset({"accounts", "reports", "rumours", "rumors", "claims", "outlets", "voices", "states",
                        "countries", "nations", "governments"})
PEOPLE_HEADS = (VAGUE_PEOPLE - NOT_PEOPLE) | ROLES | frozenset({
    "him", "her", "them", "us", "me", "he", "she", "they", "we", "man", "men", "woman", "women", "child", "children",
    "boy", "boys", "girl", "girls", "persons", "civilian", "civilians", "soldier", "soldiers", "troops",
    "terrorist", "terrorists", "target", "targets", "enemy", "enemies", "insurgent", "insurgents", "suspect",
    "suspects", "gunman", "gunmen", "protester", "general", "generals", "officer", "officers", "dissident",
    "dissidents", "hostage", "hostages", "prisoner", "prisoners", "chief",
})


class HarmWordAt(NamedTuple):
    """A harm form found in a sentence, its sense decided: tokens ``start`` to ``end`` (exclusive)."""

    start: int
    end: int
    word: HarmWord


def _matches(walker: PhraseWalker, i: int, words: tuple[str, ...]) -> bool:
    for offset, word in enumerate(words):
        low = walker.low(i + offset)
        if word == POSSESSIVE_SLOT:
            if low not in POSSESSIVE:
                return False
        elif low != word:
            return False
    return True


def _matching_forms(walker: PhraseWalker, i: int) -> list[HarmForm]:
    """The longest forms starting at token i (a form may belong to a noun row and a verb row)."""
    forms = [form for form in harm_forms().get(walker.low(i), ()) if _matches(walker, i, form.words)]
    if not forms:
        return []
    longest = max(len(form.words) for form in forms)
    return [form for form in forms if len(form.words) == longest]


def _phrase_after(walker: PhraseWalker, end: int, phrase: tuple[str, ...]) -> bool:
    if _matches(walker, end, phrase):
        return True
    skip = end
    while walker.low(skip) in DETERMINERS:
        skip += 1
    return skip > end and _matches(walker, skip, phrase)


def _phrase_before(walker: PhraseWalker, start: int, phrase: tuple[str, ...]) -> bool:
    return start - len(phrase) >= 0 and _matches(walker, start - len(phrase), phrase)


def other_sense(walker: PhraseWalker, start: int, end: int, word: HarmWord) -> bool:
    """Whether the neighbours make the form at tokens ``start:end`` a word of another sense."""
    return any(_phrase_after(walker, end, phrase) for phrase in word.not_next) \
        or any(_phrase_before(walker, start, phrase) for phrase in word.not_previous)


def is_name_word(walker: PhraseWalker, i: int) -> bool:
    """Capitalised inside the sentence, not after a quotation mark or colon: part of a name."""
    if i == 0 or not is_cap(walker.tokens[i]):
        return False
    return walker.tokens[i - 1].text not in {'"', "'", ":", "(", "—", "–"}


def looks_like_noun(walker: PhraseWalker, start: int, end: int) -> bool:
    """For a form that is a noun and a verb ("attack", "strikes", "killing"): is it the noun here?"""
    before, after = walker.low(start - 1), walker.low(end)
    if before in VERB_BEFORE:
        return False
    if before in DETERMINERS or before in NUMBER_WORDS or before.endswith("'s") or before.isdigit():
        return True
    if after == "of":
        return True
    if before in PREPOSITIONS:
        return True
    if walker.low(start).endswith("ing"):
        # "killing three soldiers" is a verb with its object; "American bombing, …" a noun
        return not (after in DETERMINERS or after in OBJECT_STARTS or after in NUMBER_WORDS or after.isdigit()
                    or (end < walker.n and is_cap(walker.tokens[end])))
    if after in DETERMINERS or after in OBJECT_STARTS or after in NUMBER_WORDS or after.isdigit() \
            or (end < walker.n and is_cap(walker.tokens[end])):
        return False
    return True


def _choose(walker: PhraseWalker, start: int, end: int, forms: list[HarmForm]) -> HarmWord | None:
    """The harm word a form is here, by the part of speech its context asks for; None when it asks for a noun
    the file has no harm row for ("roadside bombs" are weapons, "beating the president" in a poll)."""
    nouns = [form.word for form in forms if form.word.pos == "noun"]
    others = [form.word for form in forms if form.word.pos != "noun"]
    first = walker.low(start)
    if not nouns:
        plain_verb = others[0].pos == "verb" and not first.endswith("ing") and not is_past_participle(first)
        return None if plain_verb and looks_like_noun(walker, start, end) else others[0]
    if not others:
        return None if first.endswith("ing") and not looks_like_noun(walker, start, end) else nouns[0]
    return nouns[0] if looks_like_noun(walker, start, end) else others[0]


def harm_words_in(walker: PhraseWalker) -> list[HarmWordAt]:
    """Every harm form of the sentence in its harm sense, in order, without overlaps."""
    first_words = harm_forms()
    # Most sentences report no harm: one set lookup per token before anything else.
    starts = [i for i, token in enumerate(walker.tokens) if token.lower in first_words]
    found: list[HarmWordAt] = []
    covered = 0
    for i in starts:
        if i < covered:
            continue
        forms = _matching_forms(walker, i)
        if not forms:
            continue
        end = i + len(forms[0].words)
        word = _choose(walker, i, end, forms)
        if word is not None and not is_name_word(walker, i) and not other_sense(walker, i, end, word):
            found.append(HarmWordAt(i, end, word))
        covered = end
    return found


def names_people(text: str) -> bool:
    """Whether a victim phrase names people: a name, a pronoun or a word for people as its head."""
    words = text.replace("'s", "").split()
    if not words:
        return False
    head = words[-1].lower().strip(",.")
    return head in PEOPLE_HEADS or words[-1][:1].isupper()
