"""The attribution scorer: one parse of every sentence, three tables (scores, sources, spans)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

import numpy as np
import pandas as pd

from ...corpus import clean_text
from ...errors import input_error, require_columns
from ...segment import split_spans
from ...span_index import SpanIndex
from ..quotes import quote_spans
from .discourse import continue_report, propagate_quotations, resolve
from .records import REPORTED_KINDS, AttributionTables, SentenceAnalysis, hedge_column
from .sentence import parse_sentence, primary_source
from ...rows import table_rows, typed_table

ATTRIBUTION_COLUMNS = ["doc_id", "sent_id", "source", "source_kind", "cue", "stance", "quote", "quoted_share",
                 "scare_quotes", "hedged", "hedge"]
DETAIL_COLUMNS = ["doc_id", "sent_id", "source", "source_kind", "cue", "stance", "start", "end", "refers_to"]
# The reported-spans table (reported_spans(), the loaded-term scorer's input).
SPAN_COLUMNS = ["doc_id", "sent_id", "start", "end", "kind"]
# The spans table of every kind (AttributionTables.spans).
SPAN_TABLE_COLUMNS = ["doc_id", "sent_id", "kind", "start", "end", "label"]
_SENTENCE_COLUMNS = ("doc_id", "sent_id", "start", "end", "text")


@dataclass(frozen=True)
class Attribution:
    """Source, source kind, cue, stance, quotation and hedges per sentence, and every span found.

    ``lookback`` is how many earlier sentences a pronoun ("he said"), a cue-less quotation or a continued report
    ("It added the …", within its paragraph) may look back to for its source.
    """

    lookback: int = 2

    def __call__(self, sentences: pd.DataFrame, documents: pd.DataFrame) -> AttributionTables:
        """Score every sentence.

        Parameters
        ----------
        sentences
            From :func:`framing.sentences` (needs ``doc_id, sent_id, start, end, text``).
        documents
            ``corpus.documents`` (needs ``doc_id, text``: the cleaned texts the offsets point into).

        Returns
        -------
        :class:`AttributionTables` ``(scores, sources, spans)``.

        ``scores``: one row per input sentence in input order, with ``doc_id, sent_id``; ``source`` (the cited
        source as written, "" when none; a pronoun stays a pronoun); ``source_kind`` (named / anonymous / none);
        ``cue`` (the reporting verb or phrase as written, lower case: "said", "according to", "described as";
        "" when none — :func:`cue_lemma` gives its lemma); ``stance`` (neutral / distancing / endorsing, "" when
        no cue); ``quote`` (bool: a direct quotation covers at least one word); ``quoted_share`` (0–1, share of
        the sentence's words inside quotations, scare quotes not counted); ``scare_quotes`` (bool: one- or
        two-word quotes, also inside a quotation, unless a cue governs them); ``hedged`` (bool) and ``hedge``
        (the hedges as written, joined by "; ").

        ``sources``: every source found (see :func:`attribution_details`).

        ``spans``: one row per span, ``doc_id, sent_id``; ``kind`` — ``quotation`` (inside quotation marks, marks
        included), ``scare_quote``, ``attributed`` (the content of an attributed clause; these three are
        :func:`reported_spans`), ``cue`` (the words of a source's cue; a cue whose words are apart, "described
        him as", is the verb's words) and ``hedge`` (a hedge phrase as found); ``start, end`` (document offsets
        within the sentence, ``start < end``); ``label`` (a cue's stance, a hedge's kind from hedges.tsv; "" for
        the other kinds). Rows are sorted by sentence, then ``start, end, kind``; spans may overlap.
        """
        items = self.analyse(sentences, documents)
        return AttributionTables(_score_table(items), _details_table(items), _spans_table(items))

    def analyse(self, sentences: pd.DataFrame, documents: pd.DataFrame) -> list[SentenceAnalysis]:
        """The full analysis behind the public tables, one :class:`SentenceAnalysis` per sentence."""
        require_columns(sentences, _SENTENCE_COLUMNS, "sentences")
        if sentences.empty:
            return []
        texts = dict(zip(documents["doc_id"], documents["text"]))
        # One sort for the batch, not one per document (a batch may hold hundreds of one-sentence documents):
        # documents in order of first appearance, each one's sentences by sent_id.
        codes, doc_ids = pd.factorize(sentences["doc_id"])
        order = np.lexsort((sentences["sent_id"].to_numpy(), codes))
        rows = list(zip(sentences.index.to_numpy()[order].tolist(), sentences["sent_id"].to_numpy()[order].tolist(),
                        sentences["start"].to_numpy()[order].tolist(), sentences["end"].to_numpy()[order].tolist()))
        bounds = [0, *(np.flatnonzero(np.diff(codes[order])) + 1).tolist(), len(rows)]
        results: dict[int, SentenceAnalysis] = {}
        for first, last in zip(bounds[:-1], bounds[1:]):
            doc_id = doc_ids[codes[order[first]]]
            if doc_id not in texts:
                raise input_error(None, f"no document text for doc_id {doc_id!r}")
            for index, item in self._document(doc_id, rows[first:last], texts[doc_id]):
                results[index] = item
        return [results[index] for index in sentences.index]

    def _document(self, doc_id: str, rows: list[tuple], text: str) -> list[tuple[int, SentenceAnalysis]]:
        """The sentences of one document (``(row index, sent_id, start, end)`` in sentence order), parsed, then
        linked across sentences."""
        spans = quote_spans(text)
        by_position = SpanIndex(spans)
        parsed = []
        for index, sent_id, start, end in rows:
            start, end = int(start), int(end)
            parsed.append((index, parse_sentence(doc_id, int(sent_id), start, end, text,
                                                 by_position.overlapping(start, end))))
        items = propagate_quotations([item for _, item in parsed], spans, text)
        history: list[SentenceAnalysis] = []
        out = []
        for (index, _), item in zip(parsed, items):
            recent = history[-self.lookback:] if self.lookback else []
            item = resolve(continue_report(item, recent, text), recent, text)
            history.append(item)
            out.append((index, item))
        return out


def attribution_tables(sentences: pd.DataFrame, documents: pd.DataFrame, *, lookback: int = 2
                       ) -> AttributionTables:
    """``Attribution(lookback)(sentences, documents)``: scores, sources and spans from one parse."""
    return Attribution(lookback=lookback)(sentences, documents)


def score_attribution(sentences: pd.DataFrame, documents: pd.DataFrame) -> pd.DataFrame:
    """The per-sentence table of ``Attribution()(sentences, documents)`` (see :meth:`Attribution.__call__`)."""
    return Attribution()(sentences, documents).scores


def attribution_details(sentences: pd.DataFrame, documents: pd.DataFrame) -> pd.DataFrame:
    """Every source found, several per sentence when a sentence cites several.

    Returns
    -------
    DataFrame with ``doc_id, sent_id, source, source_kind`` (named / anonymous), ``cue, stance`` ("" for a
    source inherited by a cue-less quotation), ``start, end`` (document offsets of the source text; for an
    inherited source, those of the sentence it came from), ``refers_to`` (for a pronoun source — "he", "it",
    "they" — the source it stands for as written, by the one antecedent rule of :mod:`.antecedents`; "" for any
    other source and for a pronoun with no antecedent).
    """
    return _details_table(Attribution().analyse(sentences, documents))


def reported_spans(sentences: pd.DataFrame, documents: pd.DataFrame) -> pd.DataFrame:
    """Spans of text not in the writer's own voice (rules in the package docstring).

    Returns
    -------
    DataFrame with ``doc_id, sent_id, start, end`` (document offsets, within the sentence) and ``kind``
    (``quotation`` — inside quotation marks, marks included; ``scare_quote``; ``attributed`` — the content of an
    attributed clause). Spans may overlap (a quotation inside an attributed clause).
    """
    return reported_only(_spans_table(Attribution().analyse(sentences, documents)))


def reported_only(spans: pd.DataFrame) -> pd.DataFrame:
    """The rows of a spans table (:attr:`AttributionTables.spans`) whose text is not in the writer's voice
    (``quotation, scare_quote, attributed``), with the columns of :func:`reported_spans`."""
    require_columns(spans, SPAN_TABLE_COLUMNS, "spans")
    return spans.loc[spans["kind"].isin(REPORTED_KINDS), SPAN_COLUMNS].reset_index(drop=True)


class _Stretch(NamedTuple):
    start: int
    end: int


class ReportedVoice:
    """The voice of any stretch of a document: ``reported`` when it overlaps a reported span (``quotation``,
    ``scare_quote``, ``attributed``), else ``authorial`` — the one rule the loaded terms and the harm expressions
    share.

    ``spans`` is a spans table (:attr:`AttributionTables.spans`; other kinds are left out) or the reported table
    of :func:`reported_spans`, in document offsets; ``None`` or empty makes everything ``authorial``. Spans lie
    inside their sentence, so overlap by document offsets is overlap within the sentence.
    """

    def __init__(self, spans: pd.DataFrame | None = None) -> None:
        self._by_document: dict[str, SpanIndex[_Stretch]] = {}
        if spans is None or spans.empty:
            return
        require_columns(spans, ("doc_id", "start", "end"), "spans")
        if "kind" in spans.columns:
            spans = spans[spans["kind"].isin(REPORTED_KINDS)]
        found: dict[str, list[_Stretch]] = {}
        for doc_id, start, end in table_rows(spans, "doc_id", "start", "end"):
            found.setdefault(doc_id, []).append(_Stretch(int(start), int(end)))
        self._by_document = {doc_id: SpanIndex(stretches) for doc_id, stretches in found.items()}

    def of(self, doc_id: str, start: int, end: int) -> str:
        """``reported`` or ``authorial`` for ``[start, end)`` of document ``doc_id``."""
        index = self._by_document.get(doc_id)
        return "reported" if index is not None and index.overlapping(start, end) else "authorial"


def _score_table(items: list[SentenceAnalysis]) -> pd.DataFrame:
    rows = []
    for item in items:
        primary = primary_source(item.found)
        rows.append((
            item.doc_id, item.sent_id,
            primary.source if primary else "",
            primary.kind if primary else "none",
            primary.cue if primary else "",
            primary.stance if primary else "",
            item.quote, item.quoted_share, item.scare, bool(item.hedges), hedge_column(item.hedges),
        ))
    return typed_table(rows, ATTRIBUTION_COLUMNS, {"sent_id": "int64", "quote": bool, "quoted_share": float,
                                                   "scare_quotes": bool, "hedged": bool})


def _details_table(items: list[SentenceAnalysis]) -> pd.DataFrame:
    rows = [(item.doc_id, item.sent_id, found.source, found.kind, found.cue, found.stance, found.start, found.end,
             found.refers_to) for item in items for found in item.found]
    return typed_table(rows, DETAIL_COLUMNS, {"sent_id": "int64", "start": "int64", "end": "int64"})


def _spans_table(items: list[SentenceAnalysis]) -> pd.DataFrame:
    rows = [(item.doc_id, item.sent_id, span.kind, span.start, span.end, span.label)
            for item in items for span in item.spans]
    return typed_table(rows, SPAN_TABLE_COLUMNS, {"sent_id": "int64", "start": "int64", "end": "int64"})


def attribute_text(sentence: str, *, context: str = "") -> pd.DataFrame:
    """Score one sentence given as text, after an optional context (the sentences before it).

    The text is cleaned like a document (curly quotes made straight …); context and sentence form one paragraph,
    so a quotation opened in the context can close in the sentence and "he said" can find its antecedent.

    Returns
    -------
    One-row DataFrame with the columns of the ``scores`` table of :meth:`Attribution.__call__` (``doc_id``
    "text").
    """
    context_text = clean_text(context).text if context.strip() else ""
    sentence_text = clean_text(sentence).text
    text = f"{context_text} {sentence_text}" if context_text else sentence_text
    offset = len(text) - len(sentence_text)
    rows = []
    if context_text:
        for start, end in split_spans(context_text):
            rows.append((start, end))
    rows.append((offset, len(text)))
    table = pd.DataFrame({"doc_id": "text", "sent_id": range(1, len(rows) + 1),
                          "start": [s for s, _ in rows], "end": [e for _, e in rows],
                          "text": [text[s:e] for s, e in rows]})
    documents = pd.DataFrame({"doc_id": ["text"], "text": [text]})
    return Attribution()(table, documents).scores.tail(1).reset_index(drop=True)
