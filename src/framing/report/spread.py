"""The spread view's part of the report: each measure's distribution and the documents at its two ends."""

from __future__ import annotations

import re

import pandas as pd

from ..views import extremes, min_sentences_to_rank, ranked_documents, spread_table
from .format import cell_text, number

#: Characters of a document's text quoted beside its doc_id when the spread view names it.
EXCERPT_CHARACTERS = 120


def spread_context(documents: pd.DataFrame, texts: pd.DataFrame) -> dict:
    """The spread view's numbers as text: each measure's distribution and the documents at its two ends.

    ``documents`` is the per-document table (``documents.csv``), ``texts`` the corpus documents (``doc_id,
    title, text``), used only for the documents named.

    Returns
    -------
    dict with ``rows`` (per measure: ``label, median, middle, range, n_documents``), ``extremes`` (per
    measure: ``label``, ``highest`` and ``lowest``, see :func:`_ranked_end`), ``min_sentences`` (the length a
    document needs to be ranked), ``n_ranked`` and ``n_documents``.
    """
    table = spread_table(documents)
    rows = [{"label": row.label, "median": _measure(row.median, row),
             "middle": f"{_measure(row.q1, row)} to {_measure(row.q3, row)}",
             "range": f"{_measure(row.minimum, row)} to {_measure(row.maximum, row)}",
             "n_documents": f"{row.n_documents:,}"}
            for row in table.itertuples(index=False)]
    least = min_sentences_to_rank(documents)
    # The documents extremes() ranks (long enough), to count how many share a value with those it names.
    ranked = ranked_documents(documents)
    named = extremes(documents)
    excerpts = document_excerpts(texts, set(named["doc_id"]))
    formats = {row.column: row for row in table.itertuples(index=False)}
    ends = []
    for (column, label), rows_of_measure in named.groupby(["column", "label"], sort=False):
        values = pd.to_numeric(ranked[column], errors="coerce").dropna()
        ends.append({"label": label, **{end: _ranked_end(rows_of_measure[rows_of_measure["end"] == end],
                                                         values, formats[column], excerpts)
                                        for end in ("highest", "lowest")}})
    return {"rows": rows, "extremes": ends, "min_sentences": least, "n_ranked": len(ranked),
            "n_documents": len(documents)}


def _measure(value, measure) -> str:
    """A value of a spread measure printed as the measure says (``digits``, ``percent``)."""
    return number(value, int(measure.digits), percent=bool(measure.percent))


def _ranked_end(rows: pd.DataFrame, values: pd.Series, measure, excerpts: dict[str, str]) -> dict:
    """One end of a measure (its highest or lowest documents).

    Returns
    -------
    dict with ``documents`` (per document: ``doc_id, value, sentences`` ("3 sentences") and ``excerpt``) and
    ``tied`` and ``tied_value``: how many ranked documents share the last value shown, and that value (0 and ""
    when all of them are shown): five documents at 100% picked by doc_id out of hundreds say nothing alone;
    ``all_tied`` when every document shown has that value.
    """
    shown = [{"doc_id": row.doc_id, "value": _measure(row.value, measure),
              "sentences": _sentences(row.n_sentences), "excerpt": excerpts.get(row.doc_id, "")}
             for row in rows.itertuples(index=False)]
    tied, tied_value, all_tied = 0, "", False
    if len(rows):
        last = rows["value"].iloc[-1]
        same = int((values == last).sum())
        if same > int((rows["value"] == last).sum()):
            tied, tied_value, all_tied = same, _measure(last, measure), bool(rows["value"].iloc[0] == last)
    return {"documents": shown, "tied": tied, "tied_value": tied_value, "all_tied": all_tied}


def _sentences(count) -> str:
    if count is None or pd.isna(count):
        return ""
    count = int(count)
    return f"{count:,} sentence{'s' if count != 1 else ''}"


def document_excerpts(texts: pd.DataFrame, doc_ids: set[str]) -> dict[str, str]:
    """A line that says what each of ``doc_ids`` is: its title when it has one of its own, else the start of
    its text (at most :data:`EXCERPT_CHARACTERS`, cut at a word). Only the named documents are read."""
    wanted = texts[texts["doc_id"].astype(str).isin(doc_ids)]
    titles = wanted["title"] if "title" in wanted.columns else pd.Series("", index=wanted.index)
    bodies = wanted["text"] if "text" in wanted.columns else pd.Series("", index=wanted.index)
    out = {}
    for doc_id, title, text in zip(wanted["doc_id"].astype(str), titles, bodies):
        title = cell_text(title).strip()
        # Table inputs get their doc_id as title; that says nothing beside the doc_id itself.
        out[doc_id] = title if title and title != doc_id else _excerpt(cell_text(text))
    return out


def _excerpt(text: str, limit: int = EXCERPT_CHARACTERS) -> str:
    text = re.sub(r"\s+", " ", text).strip()
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", 0, limit)
    return text[:cut if cut > limit // 2 else limit].rstrip(" ,;:") + "…"
