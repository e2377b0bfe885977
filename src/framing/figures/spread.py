"""Figures for many documents: each measure's spread across documents, the most extreme documents named.

Beyond a dozen documents a panel, bar or legend entry per document cannot be read (see :mod:`framing.views`).
These composers draw every document as one point in a distribution (a box for the middle half and the whiskers,
the points themselves jittered, rasterised when there are many so the SVG stays small) and name the few
documents at each end. What they draw is a fixed number of rows, so their cost does not grow with the number of
documents beyond drawing the points.

Every function reads per-document tables the summaries stage already built (``documents``, ``loaded_summary``,
``term_counts``, ``comparison``, sentences with ``compound``); nothing here scores text.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from ..lexicons import CATEGORIES
from ._common import fmt_int, get_ax, n_sentences_text, nothing_to_show, plural, require_columns, set_title
from .loaded import term_label, voice_bar_style, voice_legend_handles
from .sentiment import NEUTRAL_BAND
from .style import FIG_WIDTH, NEUTRAL_GREY, STYLE, TEXT_GREY, category_label

POINT_COLOUR = "#0072B2"  # Okabe–Ito blue: one colour for "a document", since no document has its own here
#: Beyond this many points a strip is rasterised inside the SVG: a vector file with ten thousand markers is
#: megabytes and slow to open, a raster of the same strip is a fixed size.
RASTER_POINTS = 500
# The faintest dots: one document alone in a tail still shows.
MIN_ALPHA = 0.04
NAMED = 2  # documents named at each end of a row
JITTER = 0.22  # half-height of a row's strip, in rows
ARC_BINS = 10  # positions along a document for the average arc


class Row(NamedTuple):
    """One row of a spread panel: its label, the per-document values, and the doc_ids they belong to."""

    label: str
    values: np.ndarray
    doc_ids: np.ndarray


def rows_from(table: pd.DataFrame, columns: Sequence[tuple[str, str]], *, factor: float = 1.0) -> list[Row]:
    """One :class:`Row` per ``(column, label)`` of a one-row-per-document ``table`` (missing values dropped)."""
    rows = []
    for column, label in columns:
        if column not in table.columns:
            continue
        values = pd.to_numeric(table[column], errors="coerce") * factor
        keep = values.notna().to_numpy()
        rows.append(Row(label, values.to_numpy(float)[keep], table["doc_id"].astype(str).to_numpy()[keep]))
    return rows


def spread_rows(rows: Sequence[Row], *, ax: Axes | None = None, xlim: tuple[float, float] | None = None,
                named: int = NAMED, ends: Sequence[str] = ("lowest", "highest"), counts: bool = True,
                seed: int = 0) -> Axes:
    """Each row's values as a box (middle half, whiskers to 1.5 IQR) over jittered points, extremes named.

    Parameters
    ----------
    rows
        The rows to draw, top to bottom (see :func:`rows_from`).
    xlim
        Fixed x limits (e.g. ``(-1, 1)`` for compound scores); default from the data.
    named, ends
        How many documents to name at each of ``ends`` (``lowest``, ``highest``) of each row; a named document's
        point sits on the row's line with a black ring, its doc_id above it.
    counts
        Add "n = … documents" to each row's label (leave out when every row has every document).

    Returns
    -------
    The Axes drawn on. Row ``i`` is at ``y = i``; its points carry ``gid`` ``"points:<label>"``, its box
    ``"box:<label>"``; named documents are text artists with ``gid`` ``"named:<doc_id>"``.
    """
    ax = get_ax(ax)
    rng = np.random.default_rng(seed)  # fixed: the same table always draws the same picture
    labels = []
    for y, row in enumerate(rows):
        labels.append(f"{row.label}\nn = {fmt_int(len(row.values))} documents" if counts else row.label)
        if len(row.values) == 0:
            ax.text(0.5, y, "no values", transform=ax.get_yaxis_transform(), ha="center", va="center",
                    color=TEXT_GREY, fontsize=8)
            continue
        picked = _extremes(row, named, ends)
        jitter = rng.uniform(-JITTER, JITTER, size=len(row.values))
        jitter[picked] = 0.0
        ax.scatter(row.values, y + jitter, s=7, color=POINT_COLOUR, alpha=_alpha(len(row.values)),
                   linewidths=0, zorder=2, rasterized=len(row.values) > RASTER_POINTS, gid=f"points:{row.label}")
        box = ax.boxplot(row.values, positions=[y], orientation="horizontal", widths=0.5, showfliers=False, patch_artist=True,
                         medianprops={"color": "black", "linewidth": 1.4},
                         boxprops={"facecolor": "none", "edgecolor": "black", "linewidth": 0.8},
                         whiskerprops={"color": "black", "linewidth": 0.8}, capprops={"color": "black"},
                         manage_ticks=False)
        box["boxes"][0].set_gid(f"box:{row.label}")
        _name(ax, row, y, picked)
    ax.set_yticks(range(len(rows)), labels)
    ax.set_ylim(len(rows) - 0.4, -0.6)  # room for two names stacked above the first row and below the last
    if xlim is not None:
        ax.set_xlim(*xlim)
    ax.grid(axis="x")
    ax.tick_params(axis="y", length=0)
    return ax


def used_text(share: float) -> str:
    """"used in 12% of documents"; a share that would round to 0% or 100% without being either says "under 1%"
    or "over 99%" (at 40,000 documents, 0.3% is 120 of them)."""
    if 0 < share < 0.01:
        return "used in under 1% of documents"
    if 0.99 < share < 1:
        return "used in over 99% of documents"
    return f"used in {share:.0%} of documents"


def _alpha(n: int) -> float:
    """Dot opacity: solid for a few documents, fainter as they pile up so dense stretches still show shape.

    Beyond 1,000 documents it falls with the square root of their number (0.08 at 10,000, 0.04 at 40,000): at
    a fixed 0.25 the middle of a row of 10,000 dots was one solid band that hid the box inside it."""
    if n <= 50:
        return 0.8
    if n <= 1000:
        return 0.45
    return max(MIN_ALPHA, 0.25 * (1000 / n) ** 0.5)


def _extremes(row: Row, named: int, ends: Sequence[str]) -> np.ndarray:
    """Positions of the ``named`` lowest and/or highest values (ties broken by doc_id: always the same names).

    A lowest value that is also the row's minimum of 0 in a row of rates is still a real extreme, but naming one
    of many documents at 0 says nothing, so only values that differ from the median are named."""
    if named < 1 or len(row.values) < 3:
        return np.array([], dtype=int)
    order = np.lexsort((row.doc_ids, row.values))
    median = np.median(row.values)
    picks = []
    if "lowest" in ends:
        picks += [i for i in order[:named] if row.values[i] != median]
    if "highest" in ends:
        picks += [i for i in order[::-1][:named] if row.values[i] != median]
    return np.array(list(dict.fromkeys(picks)), dtype=int)


def _name(ax: Axes, row: Row, y: float, picked: np.ndarray) -> None:
    """Ring the picked points and write their doc_ids beside them, stacked when two sit at one end: the highest
    above the row, the lowest below it, so that the two ends' names never meet however narrow the spread (the
    means of 300 groups span a tenth of the axis)."""
    if not len(picked):
        return
    ax.scatter(row.values[picked], np.full(len(picked), float(y)), s=22, facecolor="none", edgecolor="black",
               linewidths=0.8, zorder=3)
    middle = np.median(row.values)
    stacked = {True: 0, False: 0}
    for i in picked:
        high = bool(row.values[i] > middle)
        offset = 6 + 8 * stacked[high]
        ax.annotate(str(row.doc_ids[i]), xy=(row.values[i], y), xytext=(0, offset if high else -offset),
                    textcoords="offset points", ha="right" if high else "left", va="bottom" if high else "top",
                    fontsize=7, color=TEXT_GREY, gid=f"named:{row.doc_ids[i]}", annotation_clip=False,
                    bbox={"boxstyle": "square,pad=0.1", "facecolor": "white", "edgecolor": "none", "alpha": 0.85})
        stacked[high] += 1


def rows_figure(n_rows: int, *, panels: int = 1, width_ratios=None) -> tuple[Figure, list[Axes]]:
    """A figure for ``n_rows`` rows of :func:`spread_rows` in ``panels`` side-by-side axes."""
    fig, axes = plt.subplots(1, panels, figsize=(FIG_WIDTH, 1.6 + 0.62 * n_rows), layout="constrained",
                             squeeze=False, width_ratios=width_ratios)
    return fig, list(axes.flat)


def spread_legend(fig: Figure, extra: Sequence = ()) -> None:
    """The legend every spread figure shares: a document, a named document, the middle half (plus ``extra``)."""
    handles = [Line2D([], [], ls="", marker="o", color=POINT_COLOUR, markersize=4, label="one document"),
               Line2D([], [], ls="", marker="o", markerfacecolor="none", markeredgecolor="black", markersize=5,
                      label="named document"),
               Patch(facecolor="none", edgecolor="black", label="middle half of the documents (line = median)"),
               *extra]
    fig.legend(handles=handles, loc="outside lower center", ncols=min(3, len(handles)))


def scope_text(documents: pd.DataFrame) -> str:
    """``n = 1,596 sentences in 133 documents`` for the documents a spread figure draws."""
    sentences = pd.to_numeric(documents.get("n_sentences", pd.Series(dtype=float)), errors="coerce").fillna(0)
    return f"n = {fmt_int(sentences.sum())} sentences in {fmt_int(len(documents))} documents"


def sentiment_spread_figure(documents: pd.DataFrame) -> Figure:
    """Figure 1 for many documents: each document's mean (and median) sentence compound, and the writer's own
    sentences against attributed ones, as points across documents.

    ``documents`` is the per-document table (``doc_id, n_sentences, mean_compound, median_compound,
    mean_compound_unattributed, mean_compound_attributed``). No document with a mean raises
    :class:`~framing.figures.NothingToShow`.
    """
    require_columns(documents, ("doc_id", "mean_compound"), "documents")
    columns = [("mean_compound", "mean compound"), ("median_compound", "median compound"),
               ("mean_compound_unattributed", "mean, writer's own\nsentences"),
               ("mean_compound_attributed", "mean, attributed\nsentences")]
    if "median_compound" in documents.columns and documents["median_compound"].equals(documents["mean_compound"]):
        columns.pop(1)  # documents of one or two sentences: the median row would repeat the mean row
    rows = rows_from(documents, columns)
    if not len(rows[0].values):
        raise nothing_to_show("no document has a scored sentence; figure 1 (sentiment) has nothing to show")
    with plt.rc_context(STYLE):
        fig, (ax,) = rows_figure(len(rows))
        ax.axvspan(-NEUTRAL_BAND, NEUTRAL_BAND, color=NEUTRAL_GREY, alpha=0.35, lw=0, zorder=0)
        spread_rows(rows, ax=ax, xlim=(-1.05, 1.05))
        ax.set_xlabel("VADER compound per document (mean or median of its sentences; −1 … +1)")
        set_title(fig, "Sentence sentiment across documents: each document's mean and median VADER compound",
                  f"{scope_text(documents)}; one dot per document; the two most extreme documents at each end are "
                  "named; grey band = neutral (±0.05)")
        spread_legend(fig)
    return fig


def loaded_spread_figure(loaded_summary: pd.DataFrame, documents: pd.DataFrame) -> Figure:
    """Figure 2 for many documents: loaded terms per 1,000 words by category and voice, one point per document.

    Documents without a term of a category count as 0 (absence is a finding); each row says the share of
    documents that use the category at all.
    """
    require_columns(loaded_summary, ("doc_id", "category", "voice", "per_1000_words"), "loaded-term summary")
    doc_ids = documents["doc_id"].astype(str)
    rates = (loaded_summary.assign(doc_id=loaded_summary["doc_id"].astype(str))
             .pivot_table(index="doc_id", columns=["category", "voice"], values="per_1000_words", aggfunc="sum")
             .reindex(index=doc_ids, columns=pd.MultiIndex.from_product([CATEGORIES, ["authorial", "reported"]]))
             .fillna(0.0))
    if not len(rates):
        raise nothing_to_show("no documents; figure 2 (loaded terms) has nothing to show")
    with plt.rc_context(STYLE):
        fig, axes = rows_figure(len(CATEGORIES), panels=2)
        for ax, voice in zip(axes, ("authorial", "reported")):
            rows = [Row(category_label(c), rates[(c, voice)].to_numpy(float), rates.index.to_numpy())
                    for c in CATEGORIES]
            spread_rows(rows, ax=ax, named=1, ends=("highest",), counts=False)
            for y, row in enumerate(rows):
                used = float(np.mean(row.values > 0)) if len(row.values) else 0.0
                ax.text(0.99, y + 0.42, used_text(used), transform=ax.get_yaxis_transform(),
                        ha="right", va="center", fontsize=7, color=TEXT_GREY)
            ax.set_title("writer's own words" if voice == "authorial" else "reported (quoted or attributed)")
            ax.set_xlabel("loaded terms per 1,000 words")
        # One scale for both voices, so a longer spread means more use, whoever's words they are.
        top = max(1.0, float(rates.to_numpy().max()) * 1.05)
        for ax in axes:
            ax.set_xlim(0, top)
        axes[1].set_yticklabels([])
        set_title(fig, "Loaded terms per 1,000 words across documents, by category and voice",
                  f"{scope_text(documents)}; one dot per document (0 = no such term); the most loaded document of "
                  "each row is named")
        spread_legend(fig)
    return fig


def attribution_spread_figure(documents: pd.DataFrame) -> Figure:
    """Figure 4 for many documents: shares of sentences by kind of source (left) and quotation, scare-quote,
    hedge and citation rates per 100 sentences (right), one point per document."""
    require_columns(documents, ("doc_id", "share_named", "share_anonymous", "share_none"), "documents")
    shares = rows_from(documents, [("share_named", "named source"), ("share_anonymous", "anonymous source"),
                                   ("share_none", "no source given")], factor=100)
    rates = rows_from(documents, [("scare_quotes_per_100", "scare quotes"), ("hedges_per_100", "hedges"),
                                  ("citations_per_100", "citations")])
    rates = rows_from(documents, [("quote_sentence_share", "sentences with\na quotation")], factor=100) + rates
    if not any(len(row.values) for row in shares):
        raise nothing_to_show("no document has attribution data; figure 4 (attribution) has nothing to show")
    with plt.rc_context(STYLE):
        fig, (left, right) = rows_figure(max(len(shares), len(rates)), panels=2)
        spread_rows(shares, ax=left, xlim=(-3, 103), named=1, ends=("highest",), counts=False)
        left.set_xlabel("% of the document's sentences")
        left.set_title("Who is given as the source")
        spread_rows(rates, ax=right, named=1, ends=("highest",), counts=False)
        right.set_xlim(left=0)
        right.set_xlabel("per 100 sentences")
        right.set_title("Quotes, hedges, citations")
        set_title(fig, "Attribution across documents: % of sentences by source; quotes, hedges, citations per 100 "
                       "sentences", f"{scope_text(documents)}; one dot per document; the document with the highest value "
                                    "of each row is named")
        spread_legend(fig)
    return fig


def corpus_terms(term_counts: pd.DataFrame, *, top: int = 15) -> pd.DataFrame:
    """The corpus's most used loaded terms: hits summed over documents.

    Returns
    -------
    DataFrame with ``lemma, neutral, authorial, reported, total, n_documents`` (documents using the term), the
    ``top`` largest totals first (ties: more authorial, then alphabetical).
    """
    require_columns(term_counts, ("doc_id", "lemma", "neutral", "authorial", "reported"), "term counts")
    counts = term_counts.assign(authorial=term_counts["authorial"].fillna(0), reported=term_counts["reported"]
                                .fillna(0))
    counts = counts[(counts["authorial"] + counts["reported"]) > 0]
    table = counts.groupby("lemma", sort=True).agg(neutral=("neutral", "first"), authorial=("authorial", "sum"),
                                                   reported=("reported", "sum"), n_documents=("doc_id", "nunique"))
    table["total"] = table["authorial"] + table["reported"]
    table = table.reset_index().sort_values(["total", "authorial", "lemma"], ascending=[False, False, True])
    return table.head(top)[["lemma", "neutral", "authorial", "reported", "total", "n_documents"]]


def corpus_terms_figure(term_counts: pd.DataFrame, documents: pd.DataFrame, *, top: int = 15) -> Figure:
    """Figure 3 for many documents: the loaded terms used most across the corpus, by voice, each with the
    number of documents that use it and a neutral alternative."""
    table = corpus_terms(term_counts, top=top)
    if table.empty:
        raise nothing_to_show("no loaded terms found in any document; figure 3 (top loaded terms) has nothing "
                              "to show")
    with plt.rc_context(STYLE):
        fig, ax = plt.subplots(figsize=(FIG_WIDTH, 1.5 + 0.3 * len(table)), layout="constrained")
        y = np.arange(len(table))
        left = np.zeros(len(table))
        for voice in ("authorial", "reported"):
            bars = ax.barh(y, table[voice], left=left, height=0.7, **voice_bar_style(POINT_COLOUR, voice))
            for bar, lemma in zip(bars, table["lemma"]):
                bar.set_gid(f"{lemma}|{voice}")
            left = left + table[voice].to_numpy(float)
        for yi, total, docs in zip(y, left, table["n_documents"]):
            ax.annotate(f"{int(total):,} hits in {int(docs):,} doc.", xy=(total, yi), xytext=(3, 0),
                        textcoords="offset points", va="center", fontsize=8, color=TEXT_GREY)
        ax.set_yticks(y, [term_label(lemma, neutral, width=40) for lemma, neutral in
                          zip(table["lemma"], table["neutral"])])
        ax.set_ylim(len(table) - 0.5, -0.5)
        ax.set_xlim(0, float(left.max()) * 1.25)
        ax.set_xlabel("hits across all documents (count)")
        ax.grid(axis="x")
        ax.tick_params(axis="y", length=0)
        set_title(fig, f"Most used loaded terms across the corpus (hits, top {len(table)}), with a neutral "
                       "alternative", f"{scope_text(documents)}; labels: loaded term → neutral wording; "
                                      "“in N doc.” = documents using the term")
        fig.legend(handles=voice_legend_handles(), loc="outside lower center", ncols=2)
    return fig


def events_spread_figure(comparison: pd.DataFrame, *, max_events: int = 12) -> Figure:
    """Figure 6 for many documents: for the events most documents cover, each covering document's mean
    sentence compound on the event, one point per document.

    ``comparison`` is the event comparison (``event_id, label, doc_id, n_sentences, mean_compound``); rows with
    ``n_sentences`` 0 (not covered) are not points. Events are ordered by how many documents cover them.
    """
    require_columns(comparison, ("event_id", "label", "doc_id", "n_sentences", "mean_compound"), "event comparison")
    covered = comparison[comparison["n_sentences"].fillna(0) > 0]
    if covered.empty:
        raise nothing_to_show("no document covers any event; figure 6 (events) has nothing to show")
    stats = covered.groupby("event_id", sort=False).agg(label=("label", "first"), documents=("doc_id", "nunique"),
                                                        sentences=("n_sentences", "sum"))
    stats["position"] = np.arange(len(stats))
    chosen = stats.sort_values(["documents", "sentences", "position"], ascending=[False, False, True]).head(max_events)
    # Only the chosen events' rows are split: a corpus can have thousands of events.
    by_event = {event_id: table for event_id, table in
                covered[covered["event_id"].isin(chosen.index)].groupby("event_id", sort=False)}
    rows = []
    for event_id, stat in chosen.iterrows():
        table = by_event[event_id]
        label = f"{event_id} {stat['label']}"
        rows.append(Row(label if len(label) <= 34 else label[:33] + "…",
                        pd.to_numeric(table["mean_compound"], errors="coerce").to_numpy(float),
                        table["doc_id"].astype(str).to_numpy()))
    rows = [row._replace(doc_ids=row.doc_ids[np.isfinite(row.values)], values=row.values[np.isfinite(row.values)])
            for row in rows]
    n_events = comparison["event_id"].nunique()
    with plt.rc_context(STYLE):
        fig, (ax,) = rows_figure(len(rows))
        ax.axvspan(-NEUTRAL_BAND, NEUTRAL_BAND, color=NEUTRAL_GREY, alpha=0.35, lw=0, zorder=0)
        spread_rows(rows, ax=ax, xlim=(-1.05, 1.05), named=0)
        ax.set_xlabel("mean VADER compound of the document's sentences on the event (−1 … +1)")
        set_title(fig, "Same events across documents: how each covering document tells the event (mean sentence "
                       "sentiment)", f"{len(rows)} of {fmt_int(n_events)} events (those most documents cover); "
                                     f"{plural(covered['doc_id'].nunique(), 'document')} cover at least one; one "
                                     "dot per covering document; all events are in event_comparison.csv")
        spread_legend(fig)
    return fig


def arc_table(sentences: pd.DataFrame, *, bins: int = ARC_BINS) -> pd.DataFrame:
    """Sentence sentiment by relative position in the document, across documents.

    Each sentence's position is ``(rank in its document − 0.5) / sentences in the document``, cut into ``bins``
    equal parts; each document's mean per part is one value.

    Returns
    -------
    DataFrame, one row per part: ``part`` (0-based), ``middle`` (the part's centre, 0–1), ``n_documents``,
    ``mean`` (of the documents' means), ``q1, q3`` (their middle half).
    """
    require_columns(sentences, ("doc_id", "sent_id", "compound"), "sentences")
    data = sentences[["doc_id", "sent_id", "compound"]].dropna(subset=["compound"])
    data = data.sort_values(["doc_id", "sent_id"], kind="stable")
    grouped = data.groupby("doc_id", sort=False)
    position = (grouped.cumcount().to_numpy() + 0.5) / grouped["sent_id"].transform("size").to_numpy()
    data = data.assign(part=np.minimum((position * bins).astype(int), bins - 1))
    per_doc = data.groupby(["part", "doc_id"])["compound"].mean()
    table = per_doc.groupby("part").agg(n_documents="size", mean="mean", q1=lambda v: v.quantile(0.25),
                                        q3=lambda v: v.quantile(0.75)).reset_index()
    table.insert(1, "middle", (table["part"] + 0.5) / bins)
    return table


def arc_spread_figure(sentences: pd.DataFrame, *, min_sentences: int = ARC_BINS) -> Figure:
    """Figure 7 for many documents: the average arc — sentence sentiment by relative position in the document,
    mean across documents with their middle half as a band. Documents shorter than ``min_sentences`` sentences
    are left out (they have no arc); none long enough raises :class:`~framing.figures.NothingToShow`."""
    require_columns(sentences, ("doc_id", "sent_id", "compound"), "sentences")
    lengths = sentences.groupby("doc_id")["compound"].count()
    long_enough = lengths.index[lengths >= min_sentences]
    if long_enough.empty:
        raise nothing_to_show(f"no document has {min_sentences} or more sentences, so there is no arc to follow; "
                              "figure 7 (sentiment arc) has nothing to show")
    table = arc_table(sentences[sentences["doc_id"].isin(long_enough)])
    with plt.rc_context(STYLE):
        fig, ax = plt.subplots(figsize=(FIG_WIDTH, 3.2), layout="constrained")
        ax.axhspan(-NEUTRAL_BAND, NEUTRAL_BAND, color=NEUTRAL_GREY, alpha=0.35, lw=0, zorder=0)
        ax.axhline(0, color=TEXT_GREY, lw=0.6, zorder=1)
        ax.fill_between(table["middle"] * 100, table["q1"], table["q3"], color=POINT_COLOUR, alpha=0.2, lw=0,
                        zorder=2, gid="arc:band")
        ax.plot(table["middle"] * 100, table["mean"], color=POINT_COLOUR, marker="o", markersize=4, zorder=3,
                gid="arc:mean")
        ax.set_xlim(0, 100)
        limit = max(0.25, float(np.nanmax(np.abs(table[["q1", "q3", "mean"]].to_numpy()))) * 1.15)
        ax.set_ylim(-min(1.05, limit), min(1.05, limit))
        ax.set_xlabel("position in the document (% of its sentences, start → end)")
        ax.set_ylabel("VADER compound (−1 to +1)")
        ax.grid(axis="y")
        set_title(fig, "Sentiment along the documents: mean sentence compound by position, across documents",
                  f"{n_sentences_text(lengths[long_enough])} of {min_sentences}+ sentences; each document's mean "
                  "per tenth of its length, averaged")
        fig.legend(handles=[Line2D([], [], color=POINT_COLOUR, marker="o", markersize=4,
                                   label="mean over documents"),
                            Patch(facecolor=POINT_COLOUR, alpha=0.2, label="middle half of the documents")],
                   loc="outside lower center", ncols=2)
    return fig

