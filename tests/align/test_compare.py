"""Which events are shown first when there are more than a figure or a report can hold."""

from __future__ import annotations

import pandas as pd

from framing.align.compare import most_covered_events


def comparison_of(cells: dict[str, dict[str, int]]) -> pd.DataFrame:
    """An event comparison (only the columns the ranking reads) from {event_id: {doc_id: n_sentences}}, events
    in the given order and a row for every document, covered or not."""
    docs = sorted({doc for row in cells.values() for doc in row})
    return pd.DataFrame([{"event_id": event, "doc_id": doc, "n_sentences": row.get(doc, 0)}
                         for event, row in cells.items() for doc in docs])


# E4 and E2 are told by all three documents (E4 with more sentences), E1 and E5 by two (E5 with more), E3 by one.
CELLS = {"E1": {"a": 1, "b": 1}, "E2": {"a": 1, "b": 1, "c": 1}, "E3": {"a": 5},
         "E4": {"a": 2, "b": 2, "c": 2}, "E5": {"a": 3, "c": 3}}


def test_every_event_in_order_when_within_the_limit():
    comparison = comparison_of(CELLS)
    assert most_covered_events(comparison) == ["E1", "E2", "E3", "E4", "E5"]
    assert most_covered_events(comparison, limit=5) == ["E1", "E2", "E3", "E4", "E5"]


def test_most_documents_first_then_most_sentences_kept_in_story_order():
    comparison = comparison_of(CELLS)
    assert most_covered_events(comparison, limit=1) == ["E4"]
    assert most_covered_events(comparison, limit=2) == ["E2", "E4"]
    assert most_covered_events(comparison, limit=3) == ["E2", "E4", "E5"]
    # A single document's five sentences (E3) rank below any event two documents tell.
    assert most_covered_events(comparison, limit=4) == ["E1", "E2", "E4", "E5"]


def test_ties_go_to_the_earlier_event():
    comparison = comparison_of({"E1": {"a": 1, "b": 1}, "E2": {"a": 1, "b": 1}, "E3": {"a": 1, "b": 1}})
    assert most_covered_events(comparison, limit=2) == ["E1", "E2"]


def test_only_the_documents_shown_count():
    comparison = comparison_of(CELLS)
    # Among a and b alone, E1, E2 and E4 are told by both; E4 has the most sentences, then E1 and E2 tie.
    assert most_covered_events(comparison, ["a", "b"], limit=2) == ["E1", "E4"]
    # Among c alone, E5's three sentences come first.
    assert most_covered_events(comparison, ["c"], limit=1) == ["E5"]
