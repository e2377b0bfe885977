"""Figures 1 and 7: sentence sentiment per document, as a distribution and along the text.

Both plot VADER compound scores already computed per sentence (``doc_id, sent_id, neg, neu, pos, compound``);
nothing here scores text. A whole-article compound is never shown (it saturates on long texts).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from ..errors import input_error
from ._common import (MIN_INTERVAL_SENTENCES, TOO_FEW, Entity, fmt_int, fmt_signed, get_ax, has_interval,
                      interval_name, legend_rows, n_sentences_text, no_data, require_columns, require_rows,
                      resolve_order, selected as _selected, set_title)
from .style import (FIG_WIDTH, NEUTRAL_GREY, SECTION_LABELS, SECTION_MARKERS, STYLE, TEXT_GREY, colours_for)

NEEDED_SCORE_COLUMNS = ("doc_id", "sent_id", "compound")
NEEDED_SUMMARY_COLUMNS = ("doc_id", "n_sentences", "mean_compound", "ci_low", "ci_high")
NEUTRAL_BAND = 0.05  # VADER's documented threshold: |compound| < 0.05 is neutral
JITTER = 0.28  # half-height of the strip, in rows
#: Beyond this many dots in one row or panel the dots are rasterised inside the SVG (a grouped corpus puts tens of
#: thousands of sentences in a row: as vectors that is megabytes of SVG and seconds to save and to open).
RASTER_POINTS = 2000
ROLLING_WINDOW = 5  # sentences; short enough to follow a 30-sentence excerpt, long enough to smooth single quotes
#: A long document's rolling mean spans this fraction of its sentences instead (1/40): over 5 sentences, a
#: transcript or book of 8,000 sentences drew a solid black band, not an arc. Each document's line then shows its
#: arc at the same resolution, whatever its length; below 240 sentences the window stays ROLLING_WINDOW.
ARC_PARTS = 40


def sentiment_strip(scores: pd.DataFrame, *, summary: pd.DataFrame | None = None, order: Sequence[str] | None = None,
                    ax: Axes | None = None, colours: Mapping[str, str] | None = None) -> Axes:
    """Every sentence's compound score as a jittered dot, one row per document, with mean and interval.

    Parameters
    ----------
    scores
        Sentiment scores, one row per sentence: ``doc_id, sent_id, compound`` (other columns ignored).
    summary
        Optional per-document summary with ``doc_id, n_sentences, mean_compound, ci_low, ci_high``; when given,
        each row gets a black diamond (mean) with a bar (bootstrap interval) and the numbers at the right.
    order, colours
        Document order (top to bottom) and colours; default sorted doc_ids and :func:`palette` of them.

    Returns
    -------
    The Axes drawn on. Documents in ``order`` with no scores get an explicit "no scored sentences" note.
    """
    require_columns(scores, NEEDED_SCORE_COLUMNS, "sentiment scores")
    ax = get_ax(ax)
    docs = resolve_order(scores["doc_id"], order)
    colours = colours_for(docs, colours)
    stats = None
    if summary is not None:
        require_columns(summary, NEEDED_SUMMARY_COLUMNS, "sentiment summary")
        stats = summary.assign(doc_id=summary["doc_id"].astype(str)).drop_duplicates("doc_id").set_index("doc_id")
    rng = np.random.default_rng(0)  # fixed: the same table always draws the same picture

    ax.axvspan(-NEUTRAL_BAND, NEUTRAL_BAND, color=NEUTRAL_GREY, alpha=0.35, lw=0, zorder=0)
    ax.axvline(0, color=TEXT_GREY, lw=0.6, zorder=1)
    labels = []
    for row, doc_id in enumerate(docs):
        values = scores.loc[scores["doc_id"].astype(str) == doc_id, "compound"].dropna().to_numpy(float)
        labels.append(f"{doc_id}\nn = {fmt_int(len(values))}")
        if len(values) == 0:
            ax.text(0, row, "no scored sentences", ha="center", va="center", color=TEXT_GREY, fontsize=8)
            continue
        jitter = rng.uniform(-JITTER, JITTER, size=len(values))
        # Fainter when thousands of sentences share a row (a group), so dense stretches still show their shape.
        ax.scatter(values, row + jitter, s=9, color=colours[doc_id], alpha=0.6 if len(values) <= 1000 else 0.2,
                   linewidths=0, zorder=2,
                   label=f"_{doc_id}", gid=f"sentences:{doc_id}", rasterized=len(values) > RASTER_POINTS)
        if stats is not None and doc_id in stats.index:
            _mark_mean(ax, stats.loc[doc_id], row)

    ax.set_yticks(range(len(docs)), labels)
    ax.set_ylim(len(docs) - 0.5, -0.5)  # first document on top
    ax.set_xlim(-1.05, 1.05)
    ax.set_xticks([-1, -0.5, 0, 0.5, 1])
    ax.set_xlabel("VADER compound score per sentence (−1 most negative … +1 most positive)")
    ax.grid(axis="x")
    ax.tick_params(axis="y", length=0)
    return ax


def _mark_mean(ax: Axes, stats: pd.Series, row: int) -> None:
    """The mean as a black diamond with its interval as a bar, the numbers at the right; below
    :data:`MIN_INTERVAL_SENTENCES` sentences the diamond alone, and "n too small" where the interval would be."""
    mean = stats["mean_compound"]
    if has_interval(stats["n_sentences"], stats["ci_low"], stats["ci_high"]):
        error = [[mean - stats["ci_low"]], [stats["ci_high"] - mean]]
        numbers = f"[{fmt_signed(stats['ci_low'])}, {fmt_signed(stats['ci_high'])}]"
    else:
        error, numbers = None, TOO_FEW
    drawn = ax.errorbar([mean], [row], xerr=error, fmt="D", color="black", markersize=5, markerfacecolor="black",
                        markeredgecolor="white", markeredgewidth=0.6, elinewidth=1.6, capsize=3, capthick=1.2,
                        zorder=4)
    drawn.lines[0].set_gid(f"mean:{stats.name}")  # the diamond; its bar and caps (if any) are drawn.lines[1:]
    ax.annotate(f"mean {fmt_signed(mean)}\n{numbers}", xy=(1, row), xycoords=("axes fraction", "data"),
                xytext=(6, 0), textcoords="offset points", ha="left", va="center", fontsize=8,
                gid=f"mean-text:{stats.name}")


def sentiment_distribution_figure(scores: pd.DataFrame, summary: pd.DataFrame | None = None, *,
                                  order: Sequence[str] | None = None, ci_level: int = 95,
                                  entity: Entity = "document") -> Figure:
    """Figure 1: the distribution of sentence sentiment in each document, with mean and its interval.

    ``entity`` says what a row is in the title: a document, or a group of documents (``--group-by``). Raises :class:`~framing.errors.FramingError` when there are no scored sentences at all.
    """
    require_columns(scores, NEEDED_SCORE_COLUMNS, "sentiment scores")
    docs = resolve_order(scores["doc_id"], order)
    require_rows(_selected(scores, docs).dropna(subset=["compound"]),
                 "no scored sentences in any document; figure 1 (sentiment distribution) has nothing to show")
    counts = scores.groupby(scores["doc_id"].astype(str))["compound"].count().reindex(docs, fill_value=0)
    with plt.rc_context(STYLE):
        fig, ax = plt.subplots(figsize=(FIG_WIDTH, 1.2 + 0.75 * len(docs)), layout="constrained")
        sentiment_strip(scores, summary=summary, order=docs, ax=ax)
        set_title(fig, f"Sentiment of each sentence, per {entity} (VADER compound, −1 to +1)",
                  f"{n_sentences_text(counts, entity=entity)}; one dot per sentence; grey band = neutral (±0.05)"
                  + (f"; no interval below {MIN_INTERVAL_SENTENCES} sentences (“{TOO_FEW}”)"
                     if summary is not None else ""))
        handles = [Line2D([], [], ls="", marker="o", color=TEXT_GREY, markersize=4, alpha=0.6,
                          label="one sentence"),
                   Patch(facecolor=NEUTRAL_GREY, alpha=0.35, label="neutral band (±0.05)")]
        if summary is not None:
            interval = interval_name(_selected(summary, docs)["n_sentences"], ci_level)
            handles.insert(1, Line2D([], [], marker="D", color="black", markersize=5, lw=1.6,
                                     label=f"mean with {interval}"))
        fig.legend(handles=handles, loc="outside lower center", ncols=len(handles))
    return fig


def arc_window(n_sentences: int) -> int:
    """Sentences in a document's rolling mean: :data:`ROLLING_WINDOW`, or 1/:data:`ARC_PARTS` of a long
    document's ``n_sentences`` (rounded down)."""
    return max(ROLLING_WINDOW, n_sentences // ARC_PARTS)


def sentiment_arc(scores: pd.DataFrame, *, doc_id: str, sentences: pd.DataFrame | None = None,
                  order: Sequence[str] | None = None, ax: Axes | None = None,
                  colours: Mapping[str, str] | None = None, window: int | None = None) -> Axes:
    """One document's sentence scores in text order, sections marked, with a rolling mean.

    Parameters
    ----------
    scores
        Sentiment scores: ``doc_id, sent_id, compound``.
    doc_id
        The document to draw.
    sentences
        Optional sentences table (``doc_id, sent_id, section``) to mark headline, bullet, subhead and caption
        sentences with their own markers; without it every sentence is a plain dot.
    order, colours
        Document order (picks this document's colour) and colours.
    window
        Sentences in the centred rolling mean (partial windows at the ends); default :func:`arc_window` of the
        document's scored sentences. The panel's title gives it when it is not :data:`ROLLING_WINDOW`.

    Returns
    -------
    The Axes drawn on; x is ``sent_id`` (sentence number in the document), y the compound score.
    """
    require_columns(scores, NEEDED_SCORE_COLUMNS, "sentiment scores")
    ax = get_ax(ax)
    docs = resolve_order(scores["doc_id"], order)
    if doc_id not in docs:
        docs = [*docs, doc_id]
    colour = colours_for(docs, colours)[doc_id]
    data = scores.loc[scores["doc_id"].astype(str) == doc_id, ["sent_id", "compound"]].dropna()
    if sentences is not None and not data.empty:
        require_columns(sentences, ("doc_id", "sent_id", "section"), "sentences")
        sections = sentences.loc[sentences["doc_id"].astype(str) == doc_id, ["sent_id", "section"]]
        data = data.merge(sections.drop_duplicates("sent_id"), on="sent_id", how="left")
    if "section" not in data.columns:
        data["section"] = "body"
    data["section"] = data["section"].fillna("body").astype(str)
    data = data.sort_values("sent_id", kind="stable")

    ax.axhspan(-NEUTRAL_BAND, NEUTRAL_BAND, color=NEUTRAL_GREY, alpha=0.35, lw=0, zorder=0)
    ax.axhline(0, color=TEXT_GREY, lw=0.6, zorder=1)
    ax.set_ylim(-1.05, 1.05)
    window = arc_window(len(data)) if window is None else window
    shown_window = "" if window == ROLLING_WINDOW else f"\nline: mean of {fmt_int(window)} sentences"
    ax.set_title(f"{doc_id} (n = {fmt_int(len(data))}){shown_window}")
    ax.set_xlabel("sentence number")
    ax.grid(axis="y")
    if data.empty:
        no_data(ax, "no scored sentences")
        return ax

    body = data["section"].eq("body") | ~data["section"].isin(SECTION_MARKERS)
    # Thousands of dots at full strength hide the line; fainter, they still show where the scores lie.
    ax.scatter(data.loc[body, "sent_id"], data.loc[body, "compound"], s=10, color=colour,
               alpha=0.55 if int(body.sum()) <= 1000 else 0.2,
               linewidths=0, zorder=2, label=SECTION_LABELS["body"], gid=f"body:{doc_id}",
               rasterized=int(body.sum()) > RASTER_POINTS)
    for section, marker in SECTION_MARKERS.items():
        chosen = data["section"].eq(section)
        if section == "body" or not chosen.any():
            continue
        size = 70 if marker == "*" else 26
        ax.scatter(data.loc[chosen, "sent_id"], data.loc[chosen, "compound"], s=size, marker=marker,
                   facecolor=colour, edgecolor="black", linewidths=0.7, zorder=3, label=SECTION_LABELS[section],
                   gid=f"{section}:{doc_id}")
    rolling = data["compound"].rolling(window, center=True, min_periods=1).mean()
    ax.plot(data["sent_id"], rolling, color="black", lw=1.1, zorder=4,
            label=f"rolling mean ({fmt_int(window)} sentences)", gid=f"rolling:{doc_id}")
    return ax


def sentiment_arc_figure(scores: pd.DataFrame, sentences: pd.DataFrame | None = None, *,
                         order: Sequence[str] | None = None, window: int | None = None) -> Figure:
    """Figure 7: sentence sentiment along each document, one panel per document, sharing the y axis.

    ``window``: sentences in every panel's rolling mean; default :func:`arc_window` per document (5 sentences,
    or a fortieth of a long document, which its panel's title gives). A document with no scored sentences gets an
    empty panel with a note; no scores at all raises :class:`~framing.errors.FramingError`.
    """
    require_columns(scores, NEEDED_SCORE_COLUMNS, "sentiment scores")
    if window is not None and window < 1:
        raise input_error(None, f"window must be at least 1 sentence, got {window}")
    docs = resolve_order(scores["doc_id"], order)
    require_rows(_selected(scores, docs).dropna(subset=["compound"]),
                 "no scored sentences in any document; figure 7 (sentiment arc) has nothing to show")
    colours = colours_for(docs, None)
    counts = scores.groupby(scores["doc_id"].astype(str))["compound"].count().reindex(docs, fill_value=0)
    ncols = min(len(docs), 3)
    nrows = -(-len(docs) // ncols)
    with plt.rc_context(STYLE):
        fig, axes = plt.subplots(nrows, ncols, sharey=True, squeeze=False, layout="constrained",
                                 figsize=(FIG_WIDTH, 0.9 + 2.3 * nrows))
        for ax, doc_id in zip(axes.flat, docs):
            sentiment_arc(scores, doc_id=doc_id, sentences=sentences, order=docs, ax=ax, colours=colours,
                          window=window)
        for ax in axes.flat[len(docs):]:
            ax.remove()
        for ax in axes[:, 0]:
            ax.set_ylabel("VADER compound (−1 to +1)")
        span = _window_text(window, counts)
        set_title(fig, "Sentiment along each document: VADER compound per sentence (−1 to +1), in text order",
                  f"{n_sentences_text(counts)}; line = rolling mean over {span}; "
                  "larger outlined markers = headline, bullets, subheads, captions")
        handles = _arc_legend(scores, sentences, docs, span)
        legend_rows(fig, [handles[:3], handles[3:]] if len(handles) > 4 else [handles])
    return fig


def _window_text(window: int | None, counts: pd.Series) -> str:
    """The rolling means' span as the title and legend say it: "5 sentences", "1/40 of each document" or, when
    only some documents are long, "5 sentences, or 1/40 of a long document" (each long document's panel title
    gives its own)."""
    if window is not None:
        return f"{fmt_int(window)} sentences"
    long = [arc_window(int(n)) != ROLLING_WINDOW for n in counts if n > 0]
    share = f"1/{ARC_PARTS}"
    if not any(long):
        return f"{ROLLING_WINDOW} sentences"
    return f"{share} of each document" if all(long) else f"{ROLLING_WINDOW} sentences, or {share} of a long document"


def _arc_legend(scores, sentences, docs, window: str) -> list:
    present = {"body"}
    if sentences is not None:
        keys = scores[["doc_id", "sent_id"]].astype({"doc_id": str})
        merged = keys.merge(sentences[["doc_id", "sent_id", "section"]].astype({"doc_id": str}),
                            on=["doc_id", "sent_id"])
        present |= set(merged.loc[merged["doc_id"].isin(docs), "section"].astype(str))
    handles = []
    for section, marker in SECTION_MARKERS.items():
        if section not in present:
            continue
        handles.append(Line2D([], [], ls="", marker=marker, markersize=9 if marker == "*" else 5,
                              markerfacecolor="white" if section != "body" else TEXT_GREY,
                              markeredgecolor="black" if section != "body" else TEXT_GREY,
                              label=SECTION_LABELS[section]))
    handles.append(Line2D([], [], color="black", lw=1.1, label=f"rolling mean ({window})"))
    return handles
