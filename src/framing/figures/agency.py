"""Figure 8: how harm is told — who killed, who was killed, who just "died".

For each document, its harm expressions (killing, death, wounding, arrest …; :mod:`framing.scorers.agency`) split
by construction: the agent as subject ("police killed"), a passive with the agent ("was killed by police"), a
passive without one ("were killed"), no agent possible ("died"), a noun ("the killing", "deaths") or an adjective
("the dead"). The constructions run from "says who did it" (dark) to "cannot say" (light), each with its own hatch
so the figure reads in greyscale.
"""

from __future__ import annotations

from collections.abc import Sequence

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.patches import Patch

from ._common import Entity, fmt_int, get_ax, nothing_to_show, plural, require_columns, resolve_order, set_title
from .spread import rows_figure, rows_from, scope_text, spread_legend, spread_rows
from .style import FIG_WIDTH, STYLE, TEXT_GREY, text_colour_on

#: (construction, legend label, fill, hatch): from "the agent is stated" to "no agent can be".
CONSTRUCTIONS: tuple[tuple[str, str, str, str], ...] = (
    ("active", "agent as subject (“police killed”)", "#08306b", ""),
    ("passive_agent", "passive with agent (“killed by police”)", "#2171b5", "///"),
    ("agentless_passive", "passive, no agent (“were killed”)", "#6baed6", "..."),
    ("nominal", "noun (“the killing”, “deaths”)", "#c6dbef", "xx"),
    ("adjectival", "adjective (“the dead”)", "#e8e8e8", "\\\\\\"),
    ("intransitive", "no agent possible (“died”)", "#ffffff", ""),
)
SHARE_COLUMNS = tuple(f"share_{name}" for name, *_ in CONSTRUCTIONS)
MIN_LABELLED_SHARE = 0.12  # a segment narrower than this (of 100%) cannot hold "34%" at 8 pt


def harm_shares(documents: pd.DataFrame, *, order: Sequence[str] | None = None, ax: Axes | None = None,
                entity: Entity = "document") -> Axes:
    """One stacked bar per document: the share of its harm expressions in each construction.

    Parameters
    ----------
    documents
        One row per document with ``doc_id, n_harms`` and ``share_<construction>`` (0–1; NaN when the
        document has no harm expression), as in ``documents.csv``.
    order
        Document order, top to bottom.

    Returns
    -------
    The Axes drawn on; x is percent of the document's harm expressions; bars carry ``gid``
    ``"<doc_id>|<construction>"``.
    """
    require_columns(documents, ("doc_id", "n_harms", *SHARE_COLUMNS), "documents")
    ax = get_ax(ax)
    docs = resolve_order(documents["doc_id"], order)
    table = documents.assign(doc_id=documents["doc_id"].astype(str)).drop_duplicates("doc_id").set_index("doc_id")
    table = table.reindex(docs)
    for row, doc_id in enumerate(docs):
        if not table.loc[doc_id, "n_harms"] > 0:
            ax.text(50, row, "no harm expressions", ha="center", va="center", color=TEXT_GREY, fontsize=8)
            continue
        left = 0.0
        for name, _label, fill, hatch in CONSTRUCTIONS:
            value = 100 * float(np.nan_to_num(table.loc[doc_id, f"share_{name}"]))
            ax.barh(row, value, left=left, height=0.7, facecolor=fill, edgecolor="#333333", linewidth=0.5,
                    hatch=hatch, gid=f"{doc_id}|{name}")
            if value >= 100 * MIN_LABELLED_SHARE:
                ax.text(left + value / 2, row, f"{value:.0f}%", ha="center", va="center", fontsize=8,
                        color=text_colour_on(fill),
                        bbox={"boxstyle": "square,pad=0.1", "facecolor": fill, "linewidth": 0} if hatch else None)
            left += value
    counts = table["n_harms"].fillna(0).astype(int)
    stated = table["share_agent_stated"] if "share_agent_stated" in table else pd.Series(np.nan, index=docs)
    ax.set_yticks(range(len(docs)), [f"{d}\n{_count_line(counts[d], stated[d])}" for d in docs])
    ax.set_ylim(len(docs) - 0.5, -0.5)
    ax.set_xlim(0, 100)
    ax.set_xticks([0, 25, 50, 75, 100])
    ax.set_xlabel(f"% of the {entity}'s harm expressions")
    ax.tick_params(axis="y", length=0)
    return ax


def _count_line(n: int, stated: float) -> str:
    if n == 0:
        return "n = 0"
    return f"n = {fmt_int(n)}, agent stated {100 * stated:.0f}%" if pd.notna(stated) else f"n = {fmt_int(n)}"


def agency_figure(documents: pd.DataFrame, *, order: Sequence[str] | None = None,
                  entity: Entity = "document") -> Figure:
    """Figure 8 side by side: :func:`harm_shares` for every document (or group: ``entity``), with the legend of
    constructions.

    A corpus with no harm expression at all raises :class:`~framing.figures._common.NothingToShow`.
    """
    require_columns(documents, ("doc_id", "n_harms"), "documents")
    if not (documents["n_harms"] > 0).any():
        raise nothing_to_show("no document reports a killing, death, wounding or arrest; figure 8 (how harm is "
                              "told) has nothing to show")
    docs = resolve_order(documents["doc_id"], order)
    with plt.rc_context(STYLE):
        fig, ax = plt.subplots(figsize=(FIG_WIDTH, 1.9 + 0.5 * len(docs)), layout="constrained")
        harm_shares(documents, order=docs, ax=ax, entity=entity)
        set_title(fig, f"How harm is told: % of each {entity}'s harm expressions by construction",
                  f"{_scope_line(documents, docs, entity)}; dark = who did it is said, light = it is not")
        fig.legend(handles=_legend_handles(), loc="outside lower center", ncols=2, fontsize=8, frameon=False)
    return fig


def _scope_line(documents: pd.DataFrame, docs: Sequence[str], entity: Entity = "document") -> str:
    """``n = 40 harm expressions (killing, death, wounding, arrest …) in 260 sentences of 3 documents`` (or
    groups), counting the shown documents."""
    shown = documents[documents["doc_id"].astype(str).isin(docs)]
    line = f"n = {fmt_int(int(shown['n_harms'].sum()))} harm expressions (killing, death, wounding, arrest …)"
    if "n_sentences" in shown:
        line += f" in {fmt_int(int(shown['n_sentences'].fillna(0).sum()))} sentences"
    return f"{line} of {plural(len(docs), entity)}"


def agency_spread_figure(documents: pd.DataFrame) -> Figure:
    """Figure 8 for many documents: each construction's share of a document's harm expressions, one dot per
    document that has any, with the middle half boxed (:func:`framing.figures.spread.spread_rows`)."""
    require_columns(documents, ("doc_id", "n_harms", *SHARE_COLUMNS), "documents")
    told = documents[documents["n_harms"] > 0]
    if told.empty:
        raise nothing_to_show("no document reports a killing, death, wounding or arrest; figure 8 (how harm is "
                              "told) has nothing to show")
    rows = rows_from(told, [(f"share_{name}", label.split(" (")[0]) for name, label, *_ in CONSTRUCTIONS]
                     + [("share_agent_stated", "agent stated")], factor=100)
    with plt.rc_context(STYLE):
        fig, (ax,) = rows_figure(len(rows))
        spread_rows(rows, ax=ax, xlim=(-3, 103), named=1, ends=("highest",), counts=False)
        ax.set_xlabel("% of the document's harm expressions")
        set_title(fig, "How harm is told across documents: % of each document's harm expressions by construction",
                  f"{scope_text(told)} that report harm; one dot per document; the highest of each row is named")
        spread_legend(fig)
    return fig


def _legend_handles() -> list[Patch]:
    return [Patch(facecolor=fill, edgecolor="#333333", hatch=hatch, linewidth=0.5, label=label)
            for _name, label, fill, hatch in CONSTRUCTIONS]
