"""The report's headline-vs-body lines: one per document (or group) with a headline, or one sentence for the run.

Everything is read from the per-section table (:func:`framing.section_summary.summarise_sections`) through its
headline contrast (:func:`framing.section_summary.headline_contrast`); this module only words it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd

from ..section_summary import MIN_SENTENCES_FOR_INTERVAL, headline_contrast
from .format import number

if TYPE_CHECKING:
    from ..tables import Analysis
    from ..views import View

#: Documents named in the run-level sentence of the spread view.
MOST_EXTREME = 3


def headline_body_context(analysis: Analysis, view: View, colours: dict[str, str]) -> dict:
    """What the report says about headlines against bodies.

    Returns
    -------
    dict with ``lines`` (one per document or group with a headline and a body, in the run's order:
    ``doc_id, colour, tone, loaded``; empty in the spread view), ``without`` (the others, named: "wikipedia-2017
    has no headline."; "" when none or in the spread view), ``run`` (the spread view's one sentence about every
    document, else "") and ``none`` (a sentence saying no document has a headline, else "").
    """
    # An analysis made without the per-section table (older callers' stand-ins) reads as one without headlines.
    by_section = getattr(analysis, "by_section", None)
    by_section = pd.DataFrame() if by_section is None else by_section
    contrast = headline_contrast(by_section) if not by_section.empty else pd.DataFrame(columns=["doc_id"])
    unit = "groups" if view.group_by is not None else "documents"
    none = "" if len(contrast) else (f"No {unit[:-1]} has both a headline and a body (see the section column of "
                                     "sentences.csv), so there is no headline to compare.")
    if view.kind == "spread":
        return {"lines": [], "without": "",
                "run": run_sentence(contrast, len(analysis.order), unit) if len(contrast) else "", "none": none}
    intervals = by_section.set_index(["doc_id", "section"])[["ci_low", "ci_high"]] if len(contrast) else None
    rows = contrast.set_index("doc_id")
    lines = [{"doc_id": doc_id, "colour": colours.get(doc_id, ""),
              "tone": tone_sentence(rows.loc[doc_id], intervals, plural=unit == "groups"),
              "loaded": loaded_sentence(rows.loc[doc_id])}
             for doc_id in analysis.order if doc_id in rows.index]
    return {"lines": lines, "without": _without(analysis.order, rows.index), "run": "", "none": none}


def _without(order: list[str], with_headline) -> str:
    missing = [doc_id for doc_id in order if doc_id not in set(with_headline)]
    if not missing:
        return ""
    verb = "has" if len(missing) == 1 else "have"
    return f"{', '.join(missing)} {verb} no headline (or no body), so no line."


def tone_sentence(row: pd.Series, intervals: pd.DataFrame, *, plural: bool = False) -> str:
    """``the headline is more negative than the body by 0.42 (compound −0.61 vs −0.19; 1 headline sentence, 27
    body sentences; …)``, the last part the body's interval, or why a section has none."""
    headline = "the headlines" if plural else "the headline"
    verb = "are" if plural else "is"
    difference = row["compound_difference"]
    if number(difference, 2) == "0.00":
        comparison = f"{headline} {verb} as negative as the body"
    else:
        direction = "more negative" if difference < 0 else "more positive"
        comparison = f"{headline} {verb} {direction} than the body by {number(abs(difference), 2)}"
    counts = (f"{_sentences(row['n_headline'], 'headline')}, {_sentences(row['n_body'], 'body')}")
    spans = "; ".join(_interval(intervals, row.name, section, row[f"n_{section}"]) for section in ("headline", "body"))
    return (f"{comparison} (compound {number(row['headline_compound'], 2)} vs {number(row['body_compound'], 2)}; "
            f"{counts}; {spans})")


def loaded_sentence(row: pd.Series) -> str:
    """``loaded terms per 1,000 words: 97.6 in the headline vs 8.7 in the body in the writer's own words, 0.0
    vs 3.8 reported``."""
    return (f"loaded terms per 1,000 words: {number(row['headline_authorial_per_1000'], 1)} in the headline vs "
            f"{number(row['body_authorial_per_1000'], 1)} in the body in the writer's own words, "
            f"{number(row['headline_reported_per_1000'], 1)} vs {number(row['body_reported_per_1000'], 1)} reported")


def _interval(intervals: pd.DataFrame, doc_id: str, section: str, n: int) -> str:
    if n < MIN_SENTENCES_FOR_INTERVAL:
        return f"too few {section} sentences for an interval"
    low, high = intervals.loc[(doc_id, section)]
    return f"{section} 95% interval {number(low, 2)} to {number(high, 2)}"


def _sentences(n: int, section: str) -> str:
    return f"{int(n):,} {section} sentence{'s' if int(n) != 1 else ''}"


def run_sentence(contrast: pd.DataFrame, n_documents: int, unit: str = "documents") -> str:
    """One sentence for a run too large for a line per document: how many have a headline, the median
    headline − body difference in mean compound, and the :data:`MOST_EXTREME` largest differences (ties by
    doc_id)."""
    difference = contrast["compound_difference"]
    ranked = contrast.assign(size=difference.abs(), doc_id=contrast["doc_id"].astype(str)).sort_values(
        ["size", "doc_id"], ascending=[False, True], kind="stable").head(MOST_EXTREME)
    named = ", ".join(f"{row.doc_id} ({number(row.compound_difference, 2, signed=True)})"
                      for row in ranked.itertuples(index=False))
    return (f"{len(contrast):,} of {n_documents:,} {unit} have a headline and a body; the median headline − body "
            f"difference in mean compound is {number(difference.median(), 2, signed=True)} (below 0: the headline "
            f"is more negative); the largest differences: {named}.")
