"""Figure 10: how far the neutral rewrite moves sentiment.

Each document's sentences that have loaded words in the writer's own voice are rewritten with the lexicon's
neutral alternatives (:mod:`framing.scorers.rewrites`); this figure shows their mean VADER compound as written
(hollow ring) and in neutral words (filled dot), joined by an arrow. A short arrow on a loaded text is the point:
VADER's lexicon has no entry for most loaded words, so swapping them out barely moves it, and where a neutral
word is in VADER's lexicon ("killed" for "slaughtered") the rewrite can even read more negative.
"""

from __future__ import annotations

from collections.abc import Sequence

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from ._common import (fmt_int, fmt_signed, get_ax, nothing_to_show, plural, require_columns, resolve_order,
                      set_title)
from .sentiment import NEUTRAL_BAND
from .spread import rows_figure, rows_from, spread_legend, spread_rows
from .style import FIG_WIDTH, NEUTRAL_GREY, STYLE, TEXT_GREY, colours_for

COLUMNS = ("doc_id", "n_rewritten", "swapped_terms", "rewritten_compound_before", "rewritten_compound_after")


def rewrite_shifts(documents: pd.DataFrame, *, order: Sequence[str] | None = None, ax: Axes | None = None) -> Axes:
    """One row per document: mean compound of its rewritten sentences as written (ring) → in neutral words (dot).

    Parameters
    ----------
    documents
        One row per document with ``doc_id, n_rewritten, swapped_terms, rewritten_compound_before,
        rewritten_compound_after`` (``documents.csv``).
    order
        Document order, top to bottom (colours follow it).

    Returns
    -------
    The Axes drawn on; x is the mean VADER compound (−1 to +1); each arrow carries ``gid`` ``"shift:<doc_id>"``.
    """
    require_columns(documents, COLUMNS, "documents")
    ax = get_ax(ax)
    docs = resolve_order(documents["doc_id"], order)
    colours = colours_for(docs, None)
    table = documents.assign(doc_id=documents["doc_id"].astype(str)).drop_duplicates("doc_id").set_index("doc_id")
    table = table.reindex(docs)
    ax.axvspan(-NEUTRAL_BAND, NEUTRAL_BAND, color=NEUTRAL_GREY, alpha=0.35, linewidth=0, zorder=0)
    ax.axvline(0, color=TEXT_GREY, linewidth=0.6, zorder=1)
    labels = []
    for row, doc_id in enumerate(docs):
        n = int(np.nan_to_num(table.loc[doc_id, "n_rewritten"]))
        labels.append(f"{doc_id}\n{_count_line(n, int(np.nan_to_num(table.loc[doc_id, 'swapped_terms'])))}")
        if n == 0:
            ax.text(0, row, "no sentence rewritten", ha="center", va="center", color=TEXT_GREY, fontsize=8)
            continue
        before, after = (float(table.loc[doc_id, column]) for column in ("rewritten_compound_before",
                                                                        "rewritten_compound_after"))
        _dumbbell(ax, row, before, after, colours[doc_id], gid=f"shift:{doc_id}")
    ax.set_yticks(range(len(docs)), labels)
    ax.set_ylim(len(docs) - 0.5, -0.5)
    ax.set_xlim(-1, 1)
    ax.set_xlabel("mean VADER compound of the rewritten sentences (−1 to +1)")
    ax.grid(axis="x")
    ax.tick_params(axis="y", length=0)
    return ax


def _dumbbell(ax: Axes, row: int, before: float, after: float, colour: str, *, gid: str) -> None:
    ax.annotate("", xy=(after, row), xytext=(before, row), gid=gid,
                arrowprops={"arrowstyle": "-|>", "color": colour, "linewidth": 1.4, "shrinkA": 4, "shrinkB": 4})
    ax.scatter([before], [row], s=46, facecolor="white", edgecolor=colour, linewidths=1.6, zorder=3)
    ax.scatter([after], [row], s=46, color=colour, edgecolor="black", linewidths=0.6, zorder=3)
    ax.annotate(fmt_signed(after - before), xy=(max(before, after), row), xytext=(8, 0), textcoords="offset points",
                va="center", fontsize=8, color=TEXT_GREY)


def _count_line(n_sentences: int, n_swaps: int) -> str:
    return f"n = {plural(n_sentences, 'sentence')}, {plural(n_swaps, 'swap')}"


def rewrite_figure(documents: pd.DataFrame, *, order: Sequence[str] | None = None,
                   entity: str = "document") -> Figure:
    """Figure 10 side by side (documents or groups; ``entity`` names which in the title): :func:`rewrite_shifts`
    with its key.

    No rewritten sentence in any document raises :class:`~framing.figures._common.NothingToShow`.
    """
    require_columns(documents, COLUMNS, "documents")
    docs = resolve_order(documents["doc_id"], order)
    shown = documents[documents["doc_id"].astype(str).isin(docs)]
    if not (shown["n_rewritten"].fillna(0) > 0).any():
        raise nothing_to_show("no sentence has a loaded term in the writer's own voice that could be swapped; "
                              "figure 10 (neutral rewrite) has nothing to show")
    with plt.rc_context(STYLE):
        fig, ax = plt.subplots(figsize=(FIG_WIDTH, 1.9 + 0.5 * len(docs)), layout="constrained")
        rewrite_shifts(documents, order=docs, ax=ax)
        set_title(fig, "Neutral rewrite: mean VADER compound of the rewritten sentences, as written → neutral",
                  f"{_scope(shown, entity)}; the writer's own loaded words swapped for the lexicon's neutral "
                  "alternative, quoted words untouched; number = change in mean compound")
        fig.legend(handles=_legend_handles(), loc="outside lower center", ncols=2, frameon=False)
    return fig


def _scope(documents: pd.DataFrame, entity: str = "document") -> str:
    sentences = int(documents["n_rewritten"].fillna(0).sum())
    return f"n = {fmt_int(sentences)} rewritten sentences in {fmt_int(len(documents))} {entity}s"


def _legend_handles() -> list[Line2D]:
    return [Line2D([], [], ls="", marker="o", markerfacecolor="white", markeredgecolor=TEXT_GREY, markersize=7,
                   markeredgewidth=1.6, label="as written"),
            Line2D([], [], ls="", marker="o", color=TEXT_GREY, markeredgecolor="black", markersize=7,
                   label="in neutral words")]


def rewrite_spread_figure(documents: pd.DataFrame) -> Figure:
    """Figure 10 for many documents: the spread of the per-document means as written, in neutral words and their
    shift, one dot per document with a rewritten sentence; the most shifted documents named."""
    require_columns(documents, (*COLUMNS, "rewritten_compound_shift"), "documents")
    rewritten = documents[documents["n_rewritten"].fillna(0) > 0]
    if rewritten.empty:
        raise nothing_to_show("no sentence has a loaded term in the writer's own voice that could be swapped; "
                              "figure 10 (neutral rewrite) has nothing to show")
    rows = rows_from(rewritten, [("rewritten_compound_before", "as written"),
                                 ("rewritten_compound_after", "in neutral words"),
                                 ("rewritten_compound_shift", "shift (neutral − written)")])
    with plt.rc_context(STYLE):
        fig, (ax,) = rows_figure(len(rows))
        spread_rows(rows, ax=ax, xlim=(-1.05, 1.05), counts=False)
        ax.axvline(0, color=TEXT_GREY, linewidth=0.6, zorder=1)
        ax.set_xlabel("mean VADER compound of a document's rewritten sentences, and its shift")
        set_title(fig, "Neutral rewrite across documents: mean VADER compound of the rewritten sentences",
                  f"{_scope(rewritten)}; one dot per document with a rewritten sentence; the documents at each "
                  "end of each row are named (last row: the most shifted)")
        spread_legend(fig)
    return fig
