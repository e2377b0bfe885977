"""The reading view: events side by side (one column per document) and each document's full marked text."""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

import pandas as pd
from markupsafe import Markup, escape

from ..align.compare import most_covered_events
from ..scorers.rewrites import shown_spans
from ..views import View
from .format import number
from .marks import MarkedCorpus, highlight
from .table_formats import where_written
from ..rows import table_rows

if TYPE_CHECKING:
    from ..tables import Analysis

#: Most documents the reading view shows side by side.
READING_VIEW_LIMIT = 12
#: Most events the reading view (and the Markdown report's events table) shows. A few long documents can share
#: thousands (three of 8,000 sentences each: 4,989 events, 13 MB of HTML); beyond this many, the most widely
#: covered are shown (as figure 6 chooses them) and the rest are left to events.csv and event_comparison.csv.
READING_EVENTS_LIMIT = 50
SECTION_NAMES = {"headline": "headline", "bullet": "bullet line", "caption": "image caption",
                 "subhead": "subheading", "body": "body"}


class ReadingChoice(NamedTuple):
    """Whether the report shows the reading view, and the note saying why not ("" when it does)."""

    shown: bool
    note: str


def reading_view(analysis: Analysis, view: View) -> ReadingChoice:
    """Whether the report shows the reading view (events side by side, full marked texts), and why not.

    It is for a handful of documents read closely: for groups there are no single texts to show, and beyond
    :data:`READING_VIEW_LIMIT` documents the columns would be unreadable and the file huge.
    """
    if view.group_by is not None:
        return ReadingChoice(False, f"Documents are compared by {view.group_by}, so there is no single text to "
                             "show. Every sentence with its scores and event is in sentences.csv; the events per "
                             "group are in group_event_comparison.csv.")
    if len(analysis.order) > READING_VIEW_LIMIT:
        return ReadingChoice(False, f"{len(analysis.order):,} documents are too many to read side by side (the "
                             f"reading view is made for up to {READING_VIEW_LIMIT}). Every sentence with its scores "
                             "and event is in sentences.csv; the events per document are in event_comparison.csv.")
    return ReadingChoice(True, "")


def shown_events(analysis: Analysis, limit: int | None = None) -> list[str]:
    """The event ids the reading view shows: every event, or the ``limit`` (default
    :data:`READING_EVENTS_LIMIT`) most widely covered (:func:`~framing.align.compare.most_covered_events`), in the
    story's order."""
    limit = READING_EVENTS_LIMIT if limit is None else limit
    if len(analysis.event_labels) <= limit:
        return list(analysis.event_labels["event_id"])
    return most_covered_events(analysis.comparison, analysis.order, limit)


def events_note(n_shown: int, n_events: int, table_format: str = "csv") -> str:
    """What the reading view leaves out, for its introduction and the Markdown events table ("" when it shows
    every event), naming the tables as ``table_format`` wrote them."""
    if n_shown >= n_events:
        return ""
    return (f"Shown: the {n_shown:,} events (of {n_events:,}) covered by the most documents, then with the most "
            f"sentences, in the story's order. Every event is in {where_written('events.csv', table_format)} (its "
            f"sentences) and {where_written('event_comparison.csv', table_format)} (its numbers per document).")


def event_anchors(analysis: Analysis) -> dict[str, str]:
    """Each event's anchor in the report, ``event-N`` (N: its place among all events, so that an event keeps its
    anchor whichever are shown)."""
    return {event_id: f"event-{i}" for i, event_id in enumerate(analysis.event_labels["event_id"], start=1)}


def reading_events(analysis: Analysis, marks: MarkedCorpus, colours: dict[str, str],
                   shown: list[str] | None = None) -> list[dict]:
    """Each shown event (default :func:`shown_events`) with one column per document: its sentences, marked, and
    the event's numbers for that document."""
    order = analysis.order
    shown = set(shown_events(analysis) if shown is None else shown)
    event_anchor = event_anchors(analysis)
    anchors = {doc_id: f"doc-{i + 1}" for i, doc_id in enumerate(order)}
    # One pass over the members and the comparison instead of a boolean filter per event and per cell: a few
    # long documents can share thousands of events.
    members: dict[tuple, list[int]] = {}
    for event_id, doc_id, sent_id in table_rows(analysis.events, "event_id", "doc_id", "sent_id"):
        members.setdefault((event_id, doc_id), []).append(int(sent_id))
    comparison = {}
    if len(analysis.comparison):
        comparison = dict(zip(zip(analysis.comparison["event_id"], analysis.comparison["doc_id"]),
                              analysis.comparison.to_dict("records")))
    events = []
    for label in analysis.event_labels.itertuples(index=False):
        if label.event_id not in shown:
            continue
        columns = []
        for doc_id in order:
            sent_ids = sorted(members.get((label.event_id, doc_id), []))
            numbers = {}
            if (label.event_id, doc_id) in comparison:
                row = comparison[(label.event_id, doc_id)]
                numbers = {"mean_compound": number(row["mean_compound"], 2, signed=True),
                           **{name: int(row[name]) if pd.notna(row[name]) else 0
                              for name in ("loaded_authorial", "loaded_reported")}}
            columns.append({
                "doc_id": doc_id, "colour": colours[doc_id],
                "sentences": [_event_sentence(marks, doc_id, s, anchors[doc_id]) for s in sent_ids],
                **numbers,
            })
        events.append({"event_id": label.event_id, "anchor": event_anchor[label.event_id], "label": label.label,
                       "source": label.source, "keywords": getattr(label, "keywords", ""),
                       "n_documents": int(label.n_documents),
                       "n_sentences": int(label.n_sentences), "columns": columns})
    return events


def _event_sentence(marks: MarkedCorpus, doc_id: str, sent_id: int, anchor: str) -> dict:
    section, compound = marks.scores[(doc_id, sent_id)]
    return {"sent_id": sent_id, "anchor": f"{anchor}-s{sent_id}", "html": marks.sentence_html(doc_id, sent_id),
            "section": str(section), "compound": number(compound, 2, signed=True)}


def full_texts(analysis: Analysis, marks: MarkedCorpus, colours: dict[str, str],
               shown: list[str] | None = None) -> list[dict]:
    """Each document's full cleaned text, paragraph by paragraph, every sentence marked and anchored; a sentence
    in one of the ``shown`` events (default :func:`shown_events`) links to it (``event_anchor``, else ``""``).

    A paragraph holds the sentences that lie wholly inside it, each anchored; the text between them is shown
    marked but unanchored. ``neutral`` lists the paragraph's rewritten sentences (:func:`neutral_forms`), which the
    template shows under it, each in a ``<details>`` element.
    """
    rewritten = neutral_forms(getattr(analysis, "rewrites", None))
    shown = set(shown_events(analysis) if shown is None else shown)
    event_anchor = {event_id: anchor for event_id, anchor in event_anchors(analysis).items() if event_id in shown}
    by_doc = {doc_id: table for doc_id, table in analysis.sentences.groupby("doc_id", sort=False)}
    paragraphs = {doc_id: table for doc_id, table in analysis.corpus.paragraphs.groupby("doc_id", sort=False)}
    texts = []
    for index, doc_id in enumerate(analysis.order, start=1):
        text, spans = marks.texts[doc_id], marks.spans[doc_id]
        sentences = by_doc.get(doc_id, analysis.sentences.iloc[:0]).sort_values("start")
        rows = list(sentences.itertuples(index=False))
        starts = sentences["start"].to_numpy()
        ends = sentences["end"].to_numpy()
        out = []
        for para in paragraphs.get(doc_id, analysis.corpus.paragraphs.iloc[:0]).sort_values("start") \
                .itertuples(index=False):
            # Sentences are sorted by start, so those inside the paragraph lie between the first starting at or
            # after its start and the last starting at or before its end; each is still checked for its end.
            first = int(starts.searchsorted(para.start, side="left"))
            last = int(starts.searchsorted(para.end, side="right"))
            pieces, position, neutral = [], int(para.start), []
            for i in range(first, last):
                if ends[i] > para.end:
                    continue
                sent = rows[i]
                if sent.start > position:
                    pieces.append(highlight(text, position, int(sent.start), spans))
                pieces.append({"anchor": f"doc-{index}-s{sent.sent_id}", "sent_id": int(sent.sent_id),
                               "html": highlight(text, int(sent.start), int(sent.end), spans),
                               "event_id": sent.event_id,
                               "event_anchor": event_anchor.get(sent.event_id, "")})
                if (doc_id, int(sent.sent_id)) in rewritten:
                    neutral.append({"anchor": f"doc-{index}-s{sent.sent_id}", "sent_id": int(sent.sent_id),
                                    **rewritten[(doc_id, int(sent.sent_id))]})
                position = int(sent.end)
            if para.end > position:
                pieces.append(highlight(text, position, int(para.end), spans))
            out.append({"section": para.section, "section_name": SECTION_NAMES.get(para.section, para.section),
                        "pieces": pieces, "neutral": neutral})
        texts.append({"doc_id": doc_id, "anchor": f"doc-{index}", "colour": colours[doc_id], "paragraphs": out})
    return texts


def neutral_forms(rewrites: pd.DataFrame | None) -> dict[tuple[str, int], dict]:
    """Each rewritten sentence (``rewrites`` rows with a swap) by ``(doc_id, sent_id)``: ``html`` (the neutral
    text, swapped-in words in ``<ins>``), ``swaps`` (what was swapped), ``before`` and ``after`` (its VADER
    compound as written and in neutral words, signed, 2 decimals)."""
    if rewrites is None or "n_swapped" not in rewrites.columns:
        return {}
    changed = rewrites[rewrites["n_swapped"] > 0]
    return {(doc_id, int(sent_id)): {"html": _marked(text, spans), "swaps": swaps,
                                     "before": number(before, 2, signed=True), "after": number(after, 2, signed=True)}
            for doc_id, sent_id, text, spans, swaps, before, after in zip(
                changed["doc_id"], changed["sent_id"], changed["neutral_text"], changed["neutral_spans"],
                changed["swaps"], changed["compound"], changed["neutral_compound"])}


def _marked(text: str, spans: object) -> Markup:
    pieces, position = [], 0
    for start, end in shown_spans(spans):
        pieces += [escape(text[position:start]), Markup("<ins>{}</ins>").format(text[start:end])]
        position = end
    pieces.append(escape(text[position:]))
    return Markup("").join(pieces)
