"""The agency scorer's vocabulary: harm words (``data/harm_words.tsv``) and participles (``data/participles.tsv``).

Both files are read once. A harm word's forms become :class:`HarmForm` entries keyed by their first word, so the
scorer looks up each token once and tries the (few) phrases that start with it, longest first.
"""

from __future__ import annotations

import csv
import io
from functools import cache
from importlib.resources import files
from typing import Literal, NamedTuple

from ...errors import input_error

HARM_WORDS_FILE = "harm_words.tsv"
PARTICIPLES_FILE = "participles.tsv"
HARM_COLUMNS = ["lemma", "pos", "harm_class", "forms", "not_next", "not_previous", "people_only"]

HarmPos = Literal["verb", "intransitive", "noun", "adjective"]
HARM_POS: tuple[str, ...] = ("verb", "intransitive", "noun", "adjective")
HarmClass = Literal["lethal", "violence", "detention"]
HARM_CLASSES: tuple[str, ...] = ("lethal", "violence", "detention")
# In a form, this word stands for any possessive determiner ("lost their lives").
POSSESSIVE_SLOT = "<poss>"

# The auxiliaries of the passive: "was killed", "got arrested", "being questioned".
# Negated forms are one token ("isn't"), or lose their apostrophe in copied text ("isn").
BE_PASSIVE = frozenset({"am", "is", "are", "was", "were", "be", "been", "being", "'s", "'re", "'m", "isn't",
                        "aren't", "wasn't", "weren't", "isn", "aren", "wasn", "weren"})
GET_PASSIVE = frozenset({"get", "gets", "got", "gotten", "getting"})
# Contractions the tokenizer keeps whole: a pronoun and a form of "be" ("it's", "they're"). Only pronouns: in
# "Iran's armed forces" the "'s" is a genitive.
BE_CONTRACTIONS = frozenset({"he's", "she's", "it's", "that's", "there's", "what's", "who's", "they're", "we're",
                             "you're", "i'm"})


class HarmWord(NamedTuple):
    """One row of the harm-word file: a lemma in one part of speech and the senses it does not have."""

    lemma: str
    pos: HarmPos
    harm_class: HarmClass
    not_next: tuple[tuple[str, ...], ...]  # phrases that, right after the form, make it another sense
    not_previous: tuple[tuple[str, ...], ...]  # phrases that, right before it, do the same
    people_only: bool  # harm only when its victim names people ("eliminated the commander")


class HarmForm(NamedTuple):
    """One written form of a harm word, as lower-case words ("lost", "<poss>", "lives")."""

    words: tuple[str, ...]
    word: HarmWord


def _phrases(cell: str) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(phrase.split()) for phrase in cell.split("|") if phrase.strip())


def _data_rows(name: str) -> list[dict[str, str]]:
    """The rows of a tab-separated data file, its ``#`` comment lines skipped."""
    text = files("framing.data").joinpath(name).read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    return list(csv.DictReader(io.StringIO("\n".join(lines)), delimiter="\t", quoting=csv.QUOTE_NONE))


def _harm_word(row: dict[str, str], line: int) -> HarmWord:
    if row["pos"] not in HARM_POS:
        raise input_error(HARM_WORDS_FILE, f"pos {row['pos']!r} is not one of {', '.join(HARM_POS)}", line=line)
    if row["harm_class"] not in HARM_CLASSES:
        raise input_error(HARM_WORDS_FILE, f"harm_class {row['harm_class']!r} is not one of "
                                           f"{', '.join(HARM_CLASSES)}", line=line)
    return HarmWord(row["lemma"], row["pos"], row["harm_class"], _phrases(row["not_next"] or ""),
                    _phrases(row["not_previous"] or ""), row["people_only"] == "yes")


@cache
def harm_forms() -> dict[str, tuple[HarmForm, ...]]:
    """Every form of every harm word, keyed by its first word, longest phrases first (read once)."""
    by_first: dict[str, list[HarmForm]] = {}
    for line, row in enumerate(_data_rows(HARM_WORDS_FILE), start=1):
        missing = [column for column in HARM_COLUMNS if row.get(column) is None]
        if missing:
            raise input_error(HARM_WORDS_FILE, f"row lacks {', '.join(missing)}", line=line)
        word = _harm_word(row, line)
        for form in row["forms"].split(","):
            words = tuple(form.lower().split())
            if words:
                by_first.setdefault(words[0], []).append(HarmForm(words, word))
    return {first: tuple(sorted(forms, key=lambda form: -len(form.words))) for first, forms in by_first.items()}


class Participles(NamedTuple):
    """The words of ``data/participles.tsv`` by kind."""

    irregular: frozenset[str]  # past participles not ending in -ed ("shot", "taken")
    adjectival: frozenset[str]  # -ed words that after "be" name a state ("tired", "located")
    not_participle: frozenset[str]  # -ed words that are no verb form ("need", "hundred")


PARTICIPLE_KINDS: tuple[str, ...] = Participles._fields


@cache
def participles() -> Participles:
    """The participle classes of ``data/participles.tsv`` (read once)."""
    kinds: dict[str, set[str]] = {kind: set() for kind in PARTICIPLE_KINDS}
    for line, row in enumerate(_data_rows(PARTICIPLES_FILE), start=1):
        if row.get("kind") not in kinds:
            raise input_error(PARTICIPLES_FILE, f"kind {row.get('kind')!r} is not one of "
                                                f"{', '.join(PARTICIPLE_KINDS)}", line=line)
        kinds[row["kind"]].add(row["word"].lower())
    return Participles(*(frozenset(kinds[kind]) for kind in PARTICIPLE_KINDS))


def is_past_participle(lower: str) -> bool:
    """A past participle: a regular -ed form or one of the irregular ones ("shot", "taken", "struck")."""
    words = participles()
    last = lower.rsplit("-", 1)[-1]  # "well-received", "long-awaited"
    if lower in words.irregular or last in words.irregular and last != lower:
        return True
    return len(last) > 3 and last.endswith("ed") and last.isalpha() and lower not in words.not_participle


def is_adjectival(lower: str) -> bool:
    """An -ed word that after "be" names a state ("tired", "located", "interested")."""
    return lower in participles().adjectival

