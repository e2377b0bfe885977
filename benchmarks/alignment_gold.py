"""Evaluating the aligner against hand-made gold pairs (``tests/data/alignment_gold.csv``): used by
``benchmarks/alignment.py`` and the tests, not by the package."""

from __future__ import annotations

import re
from typing import NamedTuple

import pandas as pd

from framing.errors import input_error

GOLD_COLUMNS = ["pair_id", "doc_a", "sent_a", "doc_b", "sent_b", "label", "event"]


def _normalise(text: str) -> str:
    text = text.replace("“", '"').replace("”", '"').replace("‘", "'").replace("’", "'")
    return re.sub(r"\s+", " ", text).strip()


def resolve_gold(sentences: pd.DataFrame, gold: pd.DataFrame) -> pd.DataFrame:
    """Turn gold pairs given as text (``doc_a, text_a, doc_b, text_b, label``) into sentence ids.

    Each text is a verbatim piece of one sentence: it resolves to the sentence that contains it once whitespace
    and quotes are normalised, or, when Punkt split it differently, to the sentence holding its start.

    Returns
    -------
    DataFrame with ``pair_id, doc_a, sent_a, doc_b, sent_b, label, event`` (``event`` empty when absent).
    """
    by_doc = {doc: group for doc, group in sentences.groupby("doc_id")}
    normalised = {doc: [_normalise(t) for t in group["text"]] for doc, group in by_doc.items()}

    def find(doc: str, piece: str) -> int:
        if doc not in by_doc:
            raise input_error(None, f"gold pair names unknown document {doc!r}")
        piece = _normalise(piece)
        texts = normalised[doc]
        ids = by_doc[doc]["sent_id"].tolist()
        for text, sent_id in zip(texts, ids):
            if piece in text:
                return int(sent_id)
        joined, starts, position = "", [], 0
        for text in texts:
            starts.append(position)
            joined += text + " "
            position = len(joined)
        at = joined.find(piece)
        if at < 0:
            raise input_error(None, f"gold text not found in {doc}: {piece[:60]!r}")
        return int(ids[max(k for k, start in enumerate(starts) if start <= at)])

    rows = [(r["pair_id"], r["doc_a"], find(r["doc_a"], r["text_a"]), r["doc_b"], find(r["doc_b"], r["text_b"]),
             r["label"], r.get("event", "")) for r in gold.to_dict("records")]
    return pd.DataFrame(rows, columns=GOLD_COLUMNS)


def gold_scores(pairs: pd.DataFrame, gold: pd.DataFrame) -> pd.Series:
    """The proposed similarity of each resolved gold pair (0 when not proposed), in either document order."""
    found = {}
    for row in pairs.itertuples(index=False):
        found[(row.doc_a, row.sent_a, row.doc_b, row.sent_b)] = row.similarity
        found[(row.doc_b, row.sent_b, row.doc_a, row.sent_a)] = row.similarity
    return pd.Series([found.get((r.doc_a, r.sent_a, r.doc_b, r.sent_b), 0.0) for r in gold.itertuples()],
                     index=gold.index, name="similarity")


class PrecisionRecall(NamedTuple):
    """What :func:`precision_recall` returns."""

    precision: float
    recall: float


def precision_recall(pairs: pd.DataFrame, gold: pd.DataFrame) -> PrecisionRecall:
    """Precision (over gold pairs proposed) and recall (of gold ``aligned`` pairs) of proposed pairs."""
    proposed = gold_scores(pairs, gold) > 0
    aligned = gold["label"].eq("aligned")
    true_positive = int((proposed & aligned).sum())
    precision = true_positive / int(proposed.sum()) if proposed.any() else float("nan")
    return PrecisionRecall(precision, true_positive / int(aligned.sum()))
