"""The marks of the reading view: which stretches of a document are loaded terms, sources, cues, quotations,
scare quotes and hedges, and the HTML of a stretch of text with those marks (:func:`highlight`).

Every piece of document text reaches the page through markupsafe escaping: a sentence's marks are built by
cutting the text at span boundaries and escaping each piece, never by pasting text into HTML.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING, Literal, NamedTuple

from markupsafe import Markup, escape

from ..figures.style import category_label
from ..span_index import SpanIndex
from ..rows import table_rows

if TYPE_CHECKING:
    from ..tables import Analysis

SpanKind = Literal["loaded", "source", "cue", "quote", "scare_quote", "hedge", "harm"]


class Offsets(NamedTuple):
    """Where a stretch of a document starts and ends (document offsets, end exclusive)."""

    start: int
    end: int


class SentenceScore(NamedTuple):
    """What the reading view prints beside a sentence: its section and its VADER compound."""

    section: str
    compound: float


class Span(NamedTuple):
    """A marked stretch of a document: document offsets, CSS classes, a note for the tooltip, and its kind."""

    start: int
    end: int
    classes: tuple[str, ...]
    note: str
    kind: SpanKind


class MarkedCorpus:
    """Every document's marks (loaded terms, sources, cues, quotations, hedges), built once per report.

    ``spans`` maps each doc_id to a :class:`SpanIndex`; ``bounds`` maps ``(doc_id, sent_id)`` to the
    sentence's ``(start, end)`` and ``scores`` to its ``(section, compound)``, so per-sentence lookups are
    dictionary hits rather than DataFrame indexing (tens of microseconds each, and there is one per source and
    per sentence shown in the events).
    """

    def __init__(self, analysis: Analysis):
        self.texts = _document_texts(analysis)
        sentences = analysis.sentences
        self.bounds = _sentence_bounds(sentences)
        keys = zip(sentences["doc_id"], (int(s) for s in sentences["sent_id"]))
        self.scores: dict[tuple[str, int], SentenceScore] = dict(zip(
            keys, (SentenceScore(*pair) for pair in table_rows(sentences, "section", "compound"))))
        found: dict[str, list[Span]] = {doc_id: [] for doc_id in self.texts}
        for spans_by_document in (_table_spans(analysis), _attribution_spans(analysis)):
            for doc_id, spans in spans_by_document.items():
                if doc_id in found:
                    found[doc_id].extend(span for span in spans if span.end > span.start)
        self.spans: dict[str, SpanIndex] = {doc_id: SpanIndex(spans) for doc_id, spans in found.items()}

    def sentence_html(self, doc_id: str, sent_id: int) -> Markup:
        """The marked HTML of one sentence."""
        start, end = self.bounds.get((doc_id, int(sent_id)), (0, 0))
        return highlight(self.texts[doc_id], start, end, self.spans[doc_id])


def _document_texts(analysis: Analysis) -> dict[str, str]:
    return dict(zip(analysis.corpus.documents["doc_id"], analysis.corpus.documents["text"]))


def _sentence_bounds(sentences) -> dict[tuple[str, int], Offsets]:
    """``(doc_id, sent_id)`` to the sentence's offsets, in the order of the sentences table."""
    keys = zip(sentences["doc_id"], (int(s) for s in sentences["sent_id"]))
    return dict(zip(keys, (Offsets(int(s), int(e)) for s, e in table_rows(sentences, "start", "end"))))


def _table_spans(analysis: Analysis) -> dict[str, list[Span]]:
    """The marks whose offsets the scorers' tables give: loaded terms (``terms``) and sources (``sources``)."""
    spans: dict[str, list[Span]] = {}
    neutral = dict(zip(analysis.lexicon.entries["term"].str.lower(), analysis.lexicon.entries["neutral"]))
    for row in analysis.terms.itertuples(index=False):
        spans.setdefault(row.doc_id, []).append(loaded_span(row, neutral.get(
            str(row.lemma).lower(), neutral.get(str(row.term).lower(), ""))))
    for row in analysis.sources.itertuples(index=False):
        spans.setdefault(row.doc_id, []).append(source_span(row))
    for row in analysis.harms.itertuples(index=False):
        spans.setdefault(row.doc_id, []).append(harm_span(row))
    return spans


def _attribution_spans(analysis: Analysis) -> dict[str, list[Span]]:
    """The marks of the attribution parse's spans (``Analysis.spans``): cues, quotations, scare quotes, hedges.

    Attributed clauses are not marked: their source and cue are, and a whole clause in colour would drown the
    loaded terms inside it.
    """
    spans: dict[str, list[Span]] = {}
    texts = _document_texts(analysis)
    table = analysis.spans
    for doc_id, kind, start, end, label in table_rows(table, "doc_id", "kind", "start", "end", "label"):
        mark = attribution_span(kind, int(start), int(end), _text(label), texts.get(doc_id, ""))
        if mark is not None:
            spans.setdefault(doc_id, []).append(mark)
    return spans


def attribution_span(kind: str, start: int, end: int, label: str, text: str) -> Span | None:
    """The mark of one row of the spans table (``None`` for kinds that are not marked)."""
    if kind == "quotation":
        return Span(start, end, ("quote",), "direct quotation", "quote")
    if kind == "scare_quote":
        return Span(start, end, ("scare",), "scare quotes (a word or two quoted as a label)", "scare_quote")
    if kind == "cue":
        stance = f", {label} stance" if label not in ("", "neutral") else ""
        return Span(start, end, ("cue",), f"attribution cue{stance}", "cue")
    if kind == "hedge":
        return Span(start, end, ("hedge",), f"hedge: {text[start:end]}", "hedge")
    return None


def loaded_span(row, neutral: str) -> Span:
    """The mark of one loaded-term hit (a row of ``Analysis.terms``)."""
    voice = "reported (quoted or attributed)" if row.voice == "reported" else "writer's own words"
    note = f"{category_label(row.category)} · {voice}"
    if neutral:
        note += f" · neutral: {neutral}"
    if _text(getattr(row, "target", "")):
        note += f" · applied to: {row.target}"
    if _text(getattr(row, "speaker", "")):
        note += f" · speaker: {row.speaker}"
    return Span(int(row.start), int(row.end), ("loaded", f"cat-{_css_name(row.category)}",
                                               f"voice-{_css_name(row.voice)}"), note, "loaded")


# How each construction reads in a tooltip: what the wording says, and does not say, about who did it.
HARM_NOTES = {
    "active": "the agent is the subject (“police killed”)",
    "passive_agent": "passive, the agent named (“killed by police”)",
    "agentless_passive": "passive without an agent: who did it is not said (“were killed”)",
    "intransitive": "no agent possible (“died”)",
    "nominal": "a noun (“the killing”, “deaths”)",
    "adjectival": "an adjective (“the dead”)",
}


def harm_span(row) -> Span:
    """The mark of a harm expression (a row of ``Analysis.harms``): its construction, agent and victim."""
    note = f"harm: {HARM_NOTES.get(row.construction, row.construction)}"
    if _text(row.agent):
        note += f" · agent: {row.agent}"
    if _text(row.victim):
        note += f" · victim: {row.victim}"
    return Span(int(row.start), int(row.end), ("harm", f"harm-{_css_name(row.construction)}"), note, "harm")


def source_span(row) -> Span:
    """The mark of a source (a row of ``Analysis.sources``); empty when the source has no words of its own."""
    return Span(int(row.start), int(row.end), ("source", f"source-{_css_name(row.source_kind)}"),
                f"source: {row.source_kind}" + (f" · cue “{row.cue}”" if _text(row.cue) else ""), "source")


_KIND_ORDER: dict[SpanKind, int] = {"loaded": 0, "source": 1, "cue": 2, "hedge": 3, "harm": 4, "quote": 5,
                                     "scare_quote": 6}


def highlight(text: str, start: int, end: int, spans: SpanIndex | Iterable[Span]) -> Markup:
    """``text[start:end]`` as HTML with ``spans`` marked: cut at every span boundary, each piece escaped.

    Overlapping or nested spans become non-overlapping pieces that carry the classes (and notes) of every span
    covering them (loaded term first, then source, cue, hedge, quotation), so a loaded term inside a quotation is
    ``<mark class="loaded cat-… voice-reported quote" title="…">``; any other marked piece is a ``<span>``.
    ``spans`` is a :class:`SpanIndex` (looked up by bisection) or any iterable of spans (scanned).
    """
    if isinstance(spans, SpanIndex):
        relevant = spans.overlapping(start, end)
    else:
        relevant = [s for s in spans if s.start < end and s.end > start]
    cuts = sorted({start, end} | {max(start, s.start) for s in relevant} | {min(end, s.end) for s in relevant})
    pieces = []
    for a, b in zip(cuts, cuts[1:]):
        active = [s for s in relevant if s.start <= a and s.end >= b]
        if not active:
            pieces.append(escape(text[a:b]))
            continue
        active.sort(key=lambda s: _KIND_ORDER.get(s.kind, len(_KIND_ORDER)))
        classes = " ".join(dict.fromkeys(c for s in active for c in s.classes))
        note = " | ".join(dict.fromkeys(s.note for s in active))
        tag = "mark" if any(s.kind == "loaded" for s in active) else "span"
        # The same as Markup('<{0} class="{1}" …').format(…), which escapes every argument, at a third of the
        # cost: a long document has one such piece per mark, and string.Formatter dominated report writing.
        pieces.append(Markup(f'<{tag} class="{escape(classes)}" title="{escape(note)}">{escape(text[a:b])}</{tag}>'))
    return Markup("").join(pieces)


def _text(value) -> str:
    """A table cell as text: "" for missing values (NaN, None)."""
    return value if isinstance(value, str) else ""


def _css_name(value) -> str:
    return re.sub(r"[^a-z0-9_-]+", "-", str(value).lower()).strip("-") or "other"
