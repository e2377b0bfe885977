"""Figure 11: headline and bullet lines against the body, per document (or group), and across many documents.

Reads the per-section table (``sections.csv``, :func:`framing.section_summary.summarise_sections`) and, for many
documents, its headline-vs-body contrast (:func:`framing.section_summary.headline_contrast`); nothing here
scores, counts or averages sentences.
"""

from __future__ import annotations

from collections.abc import Sequence

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from ._common import (MIN_INTERVAL_SENTENCES, fmt_int, interval_name, legend_rows, nothing_to_show, plural,
                      require_columns, resolve_order, selected, set_title)
from .loaded import voice_bar_style
from .sentiment import NEUTRAL_BAND
from .spread import rows_from, spread_legend, spread_rows
from .style import FIG_WIDTH, NEUTRAL_GREY, SECTION_MARKERS, STYLE, TEXT_GREY, colours_for

SECTION_TABLE_COLUMNS = ("doc_id", "section", "n_sentences", "mean_compound", "ci_low", "ci_high",
                         "loaded_authorial_per_1000", "loaded_reported_per_1000")
#: The sections drawn, top to bottom in each document's block: the framing devices above the text they frame.
DRAWN_SECTIONS = ("headline", "bullet", "body")
SECTION_NAMES = {"headline": "headline", "bullet": "bullet lines", "body": "body"}
ROW_INCHES = 0.24  # printed height of one row (a section, or a document's name)
#: Twelve documents with headline, bullets and body make 48 rows: they share this height (0.15 in, still above
#: an 8 pt label), so the figure stays on one printed page with its caption.
MAX_ROWS_INCHES = 7.0
NOT_DRAWN_LISTED = 6  # documents named in the "no headline" note before "and N more"


def headline_body_figure(by_section: pd.DataFrame, *, order: Sequence[str] | None = None,
                         entity: str = "document") -> Figure:
    """Figure 11: for each document (or group, ``entity="group"``) with a headline, its headline, bullet lines and
    body side by side: the mean VADER compound of each (left, with its interval when the section has
    one, else "n too small") and loaded terms per 1,000 words, writer's own and reported (right).

    Documents without a headline are named under the title, not drawn. No document with a headline raises
    :class:`~framing.figures.NothingToShow`.
    """
    table = _drawn_rows(by_section, "figure 11")
    docs = resolve_order(table["doc_id"], order)
    table = selected(table, docs).assign(doc_id=lambda rows: rows["doc_id"].astype(str))
    with_headline = [doc for doc in docs if ((table["doc_id"] == doc) & (table["section"] == "headline")).any()]
    if not with_headline:
        raise nothing_to_show(f"no {entity} has a headline; figure 11 (headline vs body) has nothing to show")
    colours = colours_for(docs, None)
    rows = _layout(table, with_headline)
    with plt.rc_context(STYLE):
        fig, (tone, loaded) = plt.subplots(1, 2, sharey=True, width_ratios=(3, 2), layout="constrained",
                                           figsize=(FIG_WIDTH, 1.5 + min(ROW_INCHES * len(rows), MAX_ROWS_INCHES)))
        _tone_panel(tone, rows, colours)
        _loaded_panel(loaded, rows, colours)
        _label_rows(tone, rows)
        drawn = sum(row["n_sentences"] for row in rows if row["section"] is not None)
        set_title(fig, "Headline and bullet lines against the body: mean VADER compound (−1 to +1) and loaded "
                       "terms per 1,000 words, per section",
                  f"n = {plural(drawn, 'sentence')} in {plural(len(with_headline), entity)} with a headline"
                  f"{_not_drawn(docs, with_headline)}; bar = "
                  f"{interval_name(row['n_sentences'] for row in rows if row['section'] is not None)} "
                  f"({MIN_INTERVAL_SENTENCES} sentences or more)")
        legend_rows(fig, [_section_handles(rows), _voice_handles()])
    return fig


def _drawn_rows(by_section: pd.DataFrame, figure: str) -> pd.DataFrame:
    if by_section.empty:
        raise nothing_to_show(f"no per-section table; {figure} (headline vs body) has nothing to show")
    require_columns(by_section, SECTION_TABLE_COLUMNS, "sections table")
    return by_section[by_section["section"].isin(DRAWN_SECTIONS)]


def _layout(table: pd.DataFrame, docs: list[str]) -> list[dict]:
    """One row per drawn line, top to bottom: each document's name (``section`` None), then its sections."""
    rows = []
    rank = {section: i for i, section in enumerate(DRAWN_SECTIONS)}
    for doc in docs:
        rows.append({"doc_id": doc, "section": None})
        sections = table[table["doc_id"] == doc].sort_values("section", key=lambda s: s.map(rank), kind="stable")
        rows += [{**record, "doc_id": doc} for record in sections.to_dict("records")]
    return rows


def _not_drawn(docs: list[str], drawn: list[str]) -> str:
    missing = [doc for doc in docs if doc not in drawn]
    if not missing:
        return ""
    named = ", ".join(missing[:NOT_DRAWN_LISTED])
    more = f" and {len(missing) - NOT_DRAWN_LISTED} more" if len(missing) > NOT_DRAWN_LISTED else ""
    return f" (no headline, not drawn: {named}{more})"


def _tone_panel(ax: Axes, rows: list[dict], colours: dict[str, str]) -> None:
    ax.axvspan(-NEUTRAL_BAND, NEUTRAL_BAND, color=NEUTRAL_GREY, alpha=0.35, lw=0, zorder=0)
    ax.axvline(0, color=TEXT_GREY, lw=0.6, zorder=1)
    for y, row in enumerate(rows):
        if row["section"] is None:
            continue
        mean, colour = row["mean_compound"], colours[row["doc_id"]]
        if np.isnan(row["ci_low"]):
            # Too few sentences to resample: the dot alone, and the reason there is no bar.
            ax.annotate("n too small", xy=(mean, y), xytext=(-7 if mean > 0.4 else 7, 0), textcoords="offset points",
                        ha="right" if mean > 0.4 else "left", va="center", fontsize=8, color=TEXT_GREY)
        else:
            bar = ax.errorbar([mean], [y], xerr=[[mean - row["ci_low"]], [row["ci_high"] - mean]], fmt="none",
                              ecolor="black", elinewidth=1.2, capsize=2.5, zorder=3)
            bar.lines[2][0].set_gid(f"interval:{row['section']}:{row['doc_id']}")
        marker = SECTION_MARKERS.get(row["section"], "o")
        ax.scatter([mean], [y], s=70 if marker == "*" else 26, marker=marker, facecolor=colour, edgecolor="black",
                   linewidths=0.7, zorder=4, gid=f"{row['section']}:{row['doc_id']}")
    ax.set_xlim(-1.05, 1.05)
    ax.set_xticks([-1, -0.5, 0, 0.5, 1])
    ax.set_xlabel("mean VADER compound (−1 … +1)")
    ax.set_title("Tone")
    ax.grid(axis="x")


def _loaded_panel(ax: Axes, rows: list[dict], colours: dict[str, str]) -> None:
    drawn = [(y, row) for y, row in enumerate(rows) if row["section"] is not None]
    top = max((row["loaded_authorial_per_1000"] + row["loaded_reported_per_1000"] for _, row in drawn), default=0)
    for y, row in drawn:
        own, reported = row["loaded_authorial_per_1000"], row["loaded_reported_per_1000"]
        colour = colours[row["doc_id"]]
        ax.barh(y, own, height=0.62, **voice_bar_style(colour, "authorial"))
        ax.barh(y, reported, left=own, height=0.62, **voice_bar_style(colour, "reported"))
        ax.annotate(f"{own:.1f} + {reported:.1f}", xy=(own + reported, y), xytext=(3, 0),
                    textcoords="offset points", ha="left", va="center", fontsize=8, color=TEXT_GREY)
    # Room at the right for the numbers beside the longest bar.
    ax.set_xlim(0, max(1.0, top) * 1.55)
    ax.set_xlabel("per 1,000 words (own + reported)")
    ax.set_title("Loaded terms")
    ax.grid(axis="x")
    ax.tick_params(axis="y", length=0)


def _label_rows(ax: Axes, rows: list[dict]) -> None:
    """Document names in bold on their own rows; each section with its number of sentences under them."""
    labels = [row["doc_id"] if row["section"] is None
              else f"{SECTION_NAMES.get(row['section'], row['section'])} (n = {fmt_int(row['n_sentences'])})"
              for row in rows]
    ax.set_yticks(range(len(rows)), labels)
    for label, row in zip(ax.get_yticklabels(), rows):
        if row["section"] is None:
            label.set_fontweight("bold")
    ax.set_ylim(len(rows) - 0.5, -0.6)
    ax.tick_params(axis="y", length=0)


def _section_handles(rows: list[dict]) -> list:
    present = {row["section"] for row in rows}
    handles = [Line2D([], [], ls="", marker=SECTION_MARKERS[section], markersize=9 if section == "headline" else 5,
                      markerfacecolor="white", markeredgecolor="black", label=SECTION_NAMES[section])
               for section in DRAWN_SECTIONS if section in present]
    return handles + [Line2D([], [], color="black", lw=1.2, label="95% interval")]


def _voice_handles() -> list[Patch]:
    # Shorter than voice_legend_handles(): a row of this legend also holds the section markers.
    return [Patch(label="writer's own words", **voice_bar_style(TEXT_GREY, "authorial")),
            Patch(label="reported words", **voice_bar_style(TEXT_GREY, "reported"))]


def headline_body_spread_figure(contrast: pd.DataFrame, n_documents: int) -> Figure:
    """Figure 11 for many documents: the headline − body differences of every document with a headline and a
    body (``contrast``, from :func:`framing.section_summary.headline_contrast`), as points across documents, the
    most extreme named: in mean compound (top) and in loaded terms per 1,000 words, own and reported (bottom).

    No document with a headline raises :class:`~framing.figures.NothingToShow`.
    """
    if contrast.empty:
        raise nothing_to_show("no document has both a headline and a body; figure 11 (headline vs body) has "
                              "nothing to show")
    require_columns(contrast, ("doc_id", "compound_difference", "authorial_difference", "reported_difference"),
                    "headline contrast")
    tone = rows_from(contrast, [("compound_difference", "mean compound")])
    loaded = rows_from(contrast, [("authorial_difference", "loaded terms,\nwriter's own"),
                                  ("reported_difference", "loaded terms,\nreported")])
    with plt.rc_context(STYLE):
        fig, (top, bottom) = plt.subplots(2, 1, height_ratios=(1, 2), layout="constrained",
                                          figsize=(FIG_WIDTH, 1.9 + 0.62 * 3))
        for ax, rows, unit in ((top, tone, "headline − body, mean VADER compound"),
                               (bottom, loaded, "headline − body, loaded terms per 1,000 words")):
            ax.axvline(0, color=TEXT_GREY, lw=0.8, zorder=1)
            spread_rows(rows, ax=ax, counts=False)
            ax.set_xlabel(unit)
        # Symmetric about 0, so which side a document falls on reads at a glance.
        reach = max(0.25, float(np.abs(tone[0].values).max(initial=0))) * 1.15
        top.set_xlim(-reach, reach)
        verb = "has" if len(contrast) == 1 else "have"
        set_title(fig, "Headline against body across documents: how much more negative or loaded the headline is",
                  f"{fmt_int(len(contrast))} of {plural(n_documents, 'document')} {verb} a headline and a body; one "
                  "dot per document; left of 0 = the headline is more negative (or less loaded) than the body; the two "
                  "most extreme at each end are named")
        spread_legend(fig)
    return fig

