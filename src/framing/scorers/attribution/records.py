"""The records one parse produces: sources found, hedges, spans, and everything about one sentence."""

from __future__ import annotations

from typing import Literal, NamedTuple

import pandas as pd

ReportedKind = Literal["quotation", "scare_quote", "attributed"]
REPORTED_KINDS: tuple[str, ...] = ("quotation", "scare_quote", "attributed")
SpanKind = Literal["quotation", "scare_quote", "attributed", "cue", "hedge"]
SPAN_KINDS: tuple[str, ...] = (*REPORTED_KINDS, "cue", "hedge")


class Found(NamedTuple):
    """One source found in a sentence (offsets are sentence-relative until the end of the analysis)."""

    source: str
    kind: str  # named / anonymous / pronoun / inherited kinds resolved later
    cue: str
    stance: str
    start: int
    end: int
    content: tuple[tuple[int, int], ...]  # attributed spans
    cue_start: int  # where the cue's phrase starts: orders the sources of a sentence
    agent: bool  # the source is a passive agent ("by X")
    subordinate: bool = False  # the cue sits in a relative clause ("officials, who asked not to be named, …")
    outer: bool = False  # its content holds another cue of the sentence (", his office said.")
    cue_words: tuple[int, int] | None = None  # the cue's own words (a hedge's cue is one word of it)
    refers_to: str = ""  # a pronoun source's antecedent as written (:mod:`.antecedents`); "" otherwise


class HedgeHit(NamedTuple):
    """One hedge phrase as found in a sentence (document offsets once the sentence is parsed)."""

    start: int
    end: int
    phrase: str  # as written
    kind: str  # the hedge's kind in hedges.tsv


class AttributionSpan(NamedTuple):
    """One row of the spans table for a sentence (document offsets)."""

    start: int
    end: int
    kind: SpanKind
    label: str  # a cue's stance, a hedge's kind; "" for the other kinds


class SentenceAnalysis(NamedTuple):
    """Everything the public tables are built from, for one sentence (document offsets)."""

    doc_id: str
    sent_id: int
    start: int
    end: int
    found: tuple[Found, ...]
    quote: bool
    quoted_share: float
    scare: bool
    hedges: tuple[HedgeHit, ...]
    spans: tuple[AttributionSpan, ...]  # sorted; every kind, hedges included


class AttributionTables(NamedTuple):
    """The three tables of one parse (see :meth:`framing.scorers.attribution.Attribution.__call__`)."""

    scores: pd.DataFrame
    sources: pd.DataFrame
    spans: pd.DataFrame


def hedge_column(hedges: tuple[HedgeHit, ...]) -> str:
    """The per-sentence ``hedge`` value: the phrases as written, in reading order, joined by "; "."""
    return "; ".join(hit.phrase for hit in hedges)
