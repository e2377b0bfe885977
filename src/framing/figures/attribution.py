"""Figure 4: who is given as the source — named, anonymous or nobody — and how much is quoted, hedged, cited."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.patches import Patch

from ._common import (BAR_END_GAP, Entity, document_key, fmt_int, get_ax, legend_rows, mark_bar_end, n_sentences_text,
                      require_columns, require_rows, resolve_order, selected, set_title)
from .style import FIG_WIDTH, NEUTRAL_GREY, STYLE, TEXT_GREY, colours_for, lighten, markers, text_colour_on

SHARE_COLUMNS = ("doc_id", "n_sentences", "share_named", "share_anonymous", "share_none")

#: (column, label, style) for the stacked shares; the document's hue marks attributed sentences.
SHARES: tuple[tuple[str, str], ...] = (
    ("share_named", "named source"),
    ("share_anonymous", "anonymous source"),
    ("share_none", "no source given"),
)

#: (column, label, factor to per-100-sentences) for the rates panel, drawn when the column is present.
RATES: tuple[tuple[str, str, float], ...] = (
    ("quote_sentence_share", "sentences with\na quotation", 100.0),
    ("scare_quotes_per_100", "scare quotes", 1.0),
    ("hedges_per_100", "hedges", 1.0),
    ("citations_per_100", "citations", 1.0),
)
MIN_LABELLED_SHARE = 0.12  # segments narrower than this (of 100%) are too thin to hold "34%" at 8 pt


def share_style(colour: str, column: str) -> dict:
    """Named: solid document colour; anonymous: light, hatched; none: pale grey (same for every document)."""
    if column == "share_named":
        return {"facecolor": colour, "edgecolor": colour}
    if column == "share_anonymous":
        return {"facecolor": lighten(colour, 0.6), "edgecolor": colour, "hatch": "...."}
    return {"facecolor": lighten(NEUTRAL_GREY, 0.5), "edgecolor": NEUTRAL_GREY}


def _by_doc(summary: pd.DataFrame, docs: list[str]) -> pd.DataFrame:
    table = summary.assign(doc_id=summary["doc_id"].astype(str)).drop_duplicates("doc_id").set_index("doc_id")
    return table.reindex(docs)


def attribution_shares(summary: pd.DataFrame, *, order: Sequence[str] | None = None, ax: Axes | None = None,
                       colours: Mapping[str, str] | None = None) -> Axes:
    """Share of sentences with a named source, an anonymous source or none: one stacked bar per document.

    Parameters
    ----------
    summary
        Attribution summary, one row per document: ``doc_id, n_sentences, share_named, share_anonymous,
        share_none`` (shares of sentences, 0–1).
    order, colours
        Document order (top to bottom) and colours.

    Returns
    -------
    The Axes drawn on; x is percent of sentences; bars carry ``gid`` ``"<doc_id>|<column>"``.
    """
    require_columns(summary, SHARE_COLUMNS, "attribution summary")
    ax = get_ax(ax)
    docs = resolve_order(summary["doc_id"], order)
    colours = colours_for(docs, colours)
    table = _by_doc(summary, docs)
    for row, doc_id in enumerate(docs):
        left = 0.0
        if table.loc[doc_id, list(dict(SHARES))].isna().all():
            ax.text(50, row, "no attribution data", ha="center", va="center", color=TEXT_GREY, fontsize=8)
            continue
        for column, _label in SHARES:
            value = 100 * float(np.nan_to_num(table.loc[doc_id, column]))
            style = share_style(colours[doc_id], column)
            ax.barh(row, value, left=left, height=0.7, linewidth=0.6, gid=f"{doc_id}|{column}", **style)
            if value >= 100 * MIN_LABELLED_SHARE:
                ax.text(left + value / 2, row, f"{value:.0f}%", ha="center", va="center", fontsize=8,
                        color=text_colour_on(style["facecolor"]) if column != "share_anonymous" else "black",
                        bbox={"boxstyle": "square,pad=0.1", "facecolor": style["facecolor"], "linewidth": 0}
                        if column == "share_anonymous" else None)
            left += value
    n = table["n_sentences"].fillna(0).astype(int)
    ax.set_yticks(range(len(docs)), [f"{d}\nn = {fmt_int(n[d])}" for d in docs])
    ax.set_ylim(len(docs) - 0.5, -0.5)
    ax.set_xlim(0, 100)
    ax.set_xticks([0, 25, 50, 75, 100])
    ax.set_xlabel("% of sentences")
    ax.set_title("Who is given as the source")
    ax.tick_params(axis="y", length=0)
    return ax


def attribution_rates(summary: pd.DataFrame, *, order: Sequence[str] | None = None, ax: Axes | None = None,
                      colours: Mapping[str, str] | None = None) -> Axes:
    """Quotation, scare-quote, hedge and citation rates per 100 sentences: grouped bars, one per document.

    Parameters
    ----------
    summary
        Attribution summary with ``doc_id`` and any of ``quote_sentence_share`` (0–1, drawn ×100 as sentences
        with a quotation per 100 sentences), ``scare_quotes_per_100``, ``hedges_per_100``, ``citations_per_100``.
    order, colours
        Document order (top to bottom inside each group) and colours.

    Returns
    -------
    The Axes drawn on; bars carry ``gid`` ``"<doc_id>|<column>"`` and heights in per 100 sentences, each ending
    in its document's marker (``gid`` ``"marker:<doc_id>|<column>"``) so interleaved bars read in greyscale.
    """
    require_columns(summary, ("doc_id",), "attribution summary")
    rates = [r for r in RATES if r[0] in summary.columns]
    if not rates:
        require_columns(summary, [RATES[0][0], RATES[2][0], RATES[3][0]], "attribution summary")
    ax = get_ax(ax)
    docs = resolve_order(summary["doc_id"], order)
    colours = colours_for(docs, colours)
    shapes = markers(docs)
    table = _by_doc(summary, docs)
    height = 0.8 / len(docs)
    values = {(d, c): factor * float(np.nan_to_num(table.loc[d, c])) for d in docs for c, _, factor in rates}
    top = max(values.values(), default=0.0)
    for i, (column, _label, _factor) in enumerate(rates):
        for j, doc_id in enumerate(docs):
            y = i - 0.4 + height * (j + 0.5)
            value = values[(doc_id, column)]
            ax.barh(y, value, height=height * 0.9, color=colours[doc_id], gid=f"{doc_id}|{column}")
            mark_bar_end(ax, value, y, colour=colours[doc_id], marker=shapes[doc_id], gid=f"marker:{doc_id}|{column}")
            ax.annotate(f"{value:.0f}" if value >= 10 else f"{value:.1f}", xy=(value, y), xytext=(BAR_END_GAP, 0),
                        textcoords="offset points", va="center", fontsize=8, color=TEXT_GREY)
    ax.set_yticks(range(len(rates)), [label for _, label, _ in rates])
    ax.set_ylim(len(rates) - 0.5, -0.5)
    ax.set_xlim(0, top * 1.2 if top > 0 else 1)  # room for marker and value
    ax.set_xlabel("per 100 sentences")
    ax.set_title("Quotes, hedges, citations")
    ax.grid(axis="x")
    ax.tick_params(axis="y", length=0)
    return ax


def attribution_figure(summary: pd.DataFrame, *, order: Sequence[str] | None = None,
                       entity: Entity = "document") -> Figure:
    """Figure 4: attribution profile — source shares (left) and quote / hedge / citation rates (right).

    An empty summary raises :class:`~framing.errors.FramingError`.
    """
    require_columns(summary, SHARE_COLUMNS, "attribution summary")
    docs = resolve_order(summary["doc_id"], order)
    require_rows(selected(summary, docs),
                 "the attribution summary is empty; figure 4 (attribution profile) has nothing to show")
    colours = colours_for(docs, None)
    counts = _by_doc(summary, docs)["n_sentences"].fillna(0)
    n_rates = sum(r[0] in summary.columns for r in RATES)
    height = 1.5 + max(0.55 * len(docs), n_rates * (0.12 + 0.16 * len(docs)))
    with plt.rc_context(STYLE):
        fig, (left, right) = plt.subplots(1, 2, figsize=(FIG_WIDTH, height), layout="constrained",
                                          width_ratios=[1.15, 1])
        attribution_shares(summary, order=docs, ax=left, colours=colours)
        attribution_rates(summary, order=docs, ax=right, colours=colours)
        set_title(fig, "Attribution: % of sentences by source; quotes, hedges, citations per 100 sentences",
                  f"{n_sentences_text(counts, entity=entity)}")
        # Keyed in black: no document's colour prints that dark, so "named source" never reads as a document.
        kinds = [Patch(label=label, linewidth=0.6, **share_style("black", column)) for column, label in SHARES]
        shapes = markers(docs)
        documents = [document_key(d, colours[d], shapes[d]) for d in docs]
        legend_rows(fig, [kinds] + [documents[i:i + 4] for i in range(0, len(documents), 4)])
    return fig
