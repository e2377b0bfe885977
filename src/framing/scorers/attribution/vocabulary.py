"""What the attribution scorer reads: the cue and hedge lists (package data), its word classes and its limits.

``data/attribution_cues.tsv`` lists the reporting verbs and phrases (surface form, lemma, stance, pattern type),
``data/hedges.tsv`` the hedges, ``data/word_classes.toml`` the word classes. The classes the phrase walkers use
are named in :mod:`framing.phrases.words`; those only the cue rules need are named here, from the same file.
Per-lemma special cases (:data:`INFINITIVE_CUES`, :data:`CLAUSE_ONLY`, :data:`DOCUMENT_ONLY`,
:data:`NO_PASSIVE_SOURCE`) are word classes rather than cue-file columns: they are properties of a lemma, and the
cue file has one row per surface form.
"""

from __future__ import annotations

import csv
import io
import re
from functools import cache
from importlib.resources import files
from typing import Literal, NamedTuple, get_args

from ...errors import input_error
from ...phrases.walkers import MAX_PHRASE_WORDS
from ...phrases.words import word_class

SourceKind = Literal["named", "anonymous", "none"]
SOURCE_KINDS: tuple[str, ...] = ("named", "anonymous", "none")
Stance = Literal["neutral", "distancing", "endorsing"]
STANCES: tuple[str, ...] = ("neutral", "distancing", "endorsing")
PatternType = Literal["verb", "verb_as", "verb_complement", "verb_of", "verb_for", "verb_from", "prep", "put_it",
                      "viewpoint"]
PATTERN_TYPES: tuple[str, ...] = get_args(PatternType)
HedgeKind = Literal["adverb", "adjective", "passive_report", "passive_view", "appearance", "impersonal",
                    "unverified"]
HEDGE_KINDS: tuple[str, ...] = ("adverb", "adjective", "passive_report", "passive_view", "appearance",
                                "impersonal", "unverified")

CUE_COLUMNS = ["cue", "lemma", "stance", "pattern_type", "note"]
HEDGE_COLUMNS = ["hedge", "kind", "note"]
CUES_FILE = "attribution_cues.tsv"
HEDGES_FILE = "hedges.tsv"

# A mostly quoted sentence with no cue of its own inherits a nearby source above this share of quoted words.
INHERIT_QUOTED_SHARE = 0.5
# "described Y as Z": "as" must come within this many tokens of the verb.
AS_WINDOW = 8
# Words that may follow a sentence-final frame (", a senior Iraqi official told the New Yorker for a long
# profile of Soleimani." has 9); a longer tail means the verb has content of its own.
MAX_FRAME_TAIL = 12
# A source phrase longer than this (in words) is not a noun phrase but a clause; fall back to its name run.
MAX_SOURCE_WORDS = MAX_PHRASE_WORDS

REFUSALS = word_class("REFUSALS")
POST_MODIFIERS = word_class("POST_MODIFIERS")
SPEECH_START_PREPOSITIONS = word_class("SPEECH_START_PREPOSITIONS")
DOCUMENT_SUBJECTS = word_class("DOCUMENT_SUBJECTS")
ISSUING = word_class("ISSUING")
BROADCASTERS = word_class("BROADCASTERS")
NOUN_LIKE = word_class("NOUN_LIKE")
INFINITIVE_CUES = word_class("INFINITIVE_CUES")
CLAUSE_ONLY = word_class("CLAUSE_ONLY")
CLAUSE_STARTS = word_class("CLAUSE_STARTS")
MEANS_OF_SPEAKING = word_class("MEANS_OF_SPEAKING")
DOCUMENT_ONLY = word_class("DOCUMENT_ONLY")
NO_PASSIVE_SOURCE = word_class("NO_PASSIVE_SOURCE")
OTHER_SENSE_BEFORE_TO = word_class("OTHER_SENSE_BEFORE_TO")
FACT_PRONOUNS = word_class("FACT_PRONOUNS")
FACT_QUANTIFIERS = word_class("FACT_QUANTIFIERS")
PLURAL_BODIES = word_class("PLURAL_BODIES")
ANONYMITY = re.compile(r"\b(?:anonymous|anonymity|unnamed|unidentified|not authori[sz]ed|asked not to be named|"
                       r"declined to be (?:named|identified)|familiar with|who requested anonymity)\b",
                       re.IGNORECASE)


class Cue(NamedTuple):
    """One row of the cue list: a surface form (``cue``, lower case, words separated by spaces)."""

    cue: str
    lemma: str
    stance: Stance
    pattern_type: PatternType


class Hedge(NamedTuple):
    """One row of the hedge list with its compiled pattern."""

    hedge: str
    kind: HedgeKind
    pattern: re.Pattern
    keyword: str = ""  # a word every match contains (lower case): a cheap test before the pattern runs


def _read_tsv(name: str, columns: list[str]) -> list[dict]:
    text = files("framing.data").joinpath(name).read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    rows = list(csv.DictReader(io.StringIO("\n".join(lines)), delimiter="\t", quoting=csv.QUOTE_NONE))
    if not rows or list(rows[0].keys()) != columns:
        raise input_error(name, f"expected columns {', '.join(columns)}")
    return rows


@cache
def load_cues() -> tuple[Cue, ...]:
    """The packaged attribution cues (``data/attribution_cues.tsv``), read once."""
    cues = []
    for line, row in enumerate(_read_tsv(CUES_FILE, CUE_COLUMNS), start=2):
        if row["stance"] not in STANCES or row["pattern_type"] not in PATTERN_TYPES:
            raise input_error(CUES_FILE, f"bad stance or pattern_type in row {row}", line=line)
        cues.append(Cue(row["cue"].strip().lower(), row["lemma"].strip(), row["stance"], row["pattern_type"]))
    return tuple(cues)


_BE = (r"(?:(?:is|are|was|were)\s+being|is|are|was|were|be|been|being|'s|(?:has|have|had)\s+been|"
       r"(?:will|would|may|might|could|can|must)\s+be)"
       r"(?:\s+(?:also|widely|often|long|still|generally|commonly|now|once|even|later|sometimes|[a-z]+ly))?")
_PP = r"(?P<pp>\s+(?:in|among|by|within|across)(?:\s+[\w'-]+){1,4}?)?"
_VAGUE_AGENTS = r"(?:many|some|most|others|several|few)"
# A negated auxiliary: "could not (be verified)", "has not (been confirmed)", "cannot".
_NOT = (r"(?:(?:could|can|would|will|has|have|had|is|are|was|were|did|do|does)\s+not|cannot|couldn't|can't|"
        r"hasn't|haven't|hadn't|isn't|aren't|wasn't|weren't|didn't|won't|wouldn't)")


def _hedge_pattern(hedge: str) -> re.Pattern:
    parts = []
    for word in hedge.split():
        if word == "{be}":
            parts.append(r"\s+" + _BE)
        elif word == "{pp}":
            parts.append(_PP)
        elif word == "{vague}":
            parts.append(r"\s+" + _VAGUE_AGENTS)
        elif word == "{not}":
            parts.append(r"\s+" + _NOT)
        else:
            parts.append(r"\s+" + re.escape(word))
    body = "".join(parts)
    body = body[3:] if body.startswith(r"\s+") else body
    return re.compile(rf"(?<![\w'-]){body}(?![\w'-])", re.IGNORECASE)


@cache
def load_hedges() -> tuple[Hedge, ...]:
    """The packaged hedges (``data/hedges.tsv``) with compiled patterns, read once."""
    hedges = []
    for line, row in enumerate(_read_tsv(HEDGES_FILE, HEDGE_COLUMNS), start=2):
        if row["kind"] not in HEDGE_KINDS:
            raise input_error(HEDGES_FILE, f"unknown hedge kind {row['kind']!r}", line=line)
        phrase = row["hedge"].strip()
        words = [word for word in phrase.split() if not word.startswith("{")]
        hedges.append(Hedge(phrase, row["kind"], _hedge_pattern(phrase), max(words, key=len).lower()))
    return tuple(hedges)


@cache
def cue_index() -> dict[str, list[tuple[tuple[str, ...], Cue]]]:
    index: dict[str, list[tuple[tuple[str, ...], Cue]]] = {}
    for cue in load_cues():
        words = tuple(cue.cue.split())
        index.setdefault(words[0], []).append((words, cue))
    for entries in index.values():
        entries.sort(key=lambda entry: -len(entry[0]))
    return index


@cache
def cue_lemmas() -> dict[str, str]:
    """Map every ``cue`` value the scorer can output (lower case) to its lemma: "said" → "say",
    "described as" → "describe as", "according to" → "according to"."""
    lemmas = {}
    for cue in load_cues():
        surface = f"{cue.cue} as" if cue.pattern_type == "verb_as" else cue.cue
        lemmas.setdefault(surface, cue.lemma)
    lemmas.setdefault("reports", "report")
    return lemmas


def cue_lemma(cue: str) -> str:
    """The lemma of an output ``cue`` ("told" → "tell"); "" for ""."""
    return cue_lemmas().get(cue.lower(), cue.lower()) if cue else ""



@cache
def clause_verbs() -> frozenset[str]:
    """Cue words that are verbs, not nouns: a noun phrase stops before them ("a move analysts said")."""
    return frozenset(word for word in cue_lemmas() if word not in NOUN_LIKE)
