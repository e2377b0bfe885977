"""Figures 2 and 3: loaded terms by category and voice, and each document's most used loaded terms.

Every count keeps its **voice**: the author's own words are solid bars, words inside quotations or attributed
clauses (reported) are light hatched bars stacked on them, so a document that only *quotes* "terrorist" never looks
like one that says it.
"""

from __future__ import annotations

import textwrap
from collections.abc import Mapping, Sequence

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.patches import Patch

from ..errors import input_error
from ..lexicons import CATEGORIES
from ._common import (BAR_END_GAP, Entity, document_key, fmt_int, get_ax, legend_rows, mark_bar_end, n_sentences_text,
                      no_data, nothing_to_show, plural, require_columns, require_rows, resolve_order, selected,
                      set_title)
from .style import FIG_WIDTH, STYLE, TEXT_GREY, category_label, colours_for, lighten, markers

NEEDED_SUMMARY_COLUMNS = ("doc_id", "category", "voice", "per_1000_words")
TERM_COLUMNS = ("doc_id", "lemma", "neutral", "authorial", "reported")
REPORTED_HATCH = "////"
LABEL_WIDTH = 30  # characters per line of a "term → neutral" label in a third of a 6.3 in figure, at 8 pt
BAR_INCHES = 0.13  # printed height of a term's bar; its label lines sit above it
LINE_INCHES = 0.135  # printed height of one 8 pt label line
#: Added to the label of a term VADER's lexicon gives no valence (``vader_blind`` in the term counts).
VADER_BLIND_TAG = "  [VADER:\u00a00]"


def voice_bar_style(colour: str, voice: str) -> dict:
    """Bar keyword arguments for one voice: authorial solid, reported light with hatching in the same hue."""
    if voice == "reported":
        return {"facecolor": lighten(colour, 0.65), "edgecolor": colour, "hatch": REPORTED_HATCH, "linewidth": 0.6}
    return {"facecolor": colour, "edgecolor": colour, "linewidth": 0.6}


VOICE_KEY_COLOUR = "black"  # no document's colour prints this dark, so the voice key never reads as a document


def voice_legend_handles() -> list[Patch]:
    """Legend entries explaining the voice styles (in black, since each document has its own hue)."""
    return [Patch(label="authorial (the writer's own words)", **voice_bar_style(VOICE_KEY_COLOUR, "authorial")),
            Patch(label="reported (quoted or attributed)", **voice_bar_style(VOICE_KEY_COLOUR, "reported"))]


def display_term(lemma: str) -> str:
    """A lexicon entry as readers say it: ``blood * on <poss> hands`` → ``blood … on one's hands``."""
    return str(lemma).replace("<poss>", "one's").replace(" * ", " … ").replace("*", "…")


def term_label(lemma: str, neutral: object, *, width: int | None = None, tag: str = "") -> str:
    """Label naming the loaded term and its neutral alternative: ``regime → government``, then ``tag``.

    ``width`` wraps the label into lines of at most that many characters (words are not split); a missing
    alternative leaves the term alone.
    """
    lemma = display_term(lemma)
    if neutral is None or (isinstance(neutral, float) and np.isnan(neutral)) or not str(neutral).strip():
        label = lemma
    else:
        label = f"{lemma} → {str(neutral).strip()}"
    label += tag
    return textwrap.fill(label, width, break_long_words=False, break_on_hyphens=False) if width else label


def _categories(present) -> list[str]:
    """Every lexicon category in canonical order, then any unknown ones found in the table."""
    unknown = sorted({str(c) for c in present} - set(CATEGORIES))
    return [*CATEGORIES, *unknown]


def loaded_rates(summary: pd.DataFrame, *, order: Sequence[str] | None = None, ax: Axes | None = None,
                 colours: Mapping[str, str] | None = None, annotate: bool = True) -> Axes:
    """Loaded terms per 1,000 words by category: one bar per document, authorial + reported stacked.

    Parameters
    ----------
    summary
        Long table ``doc_id, category, voice, per_1000_words`` (from ``summarise_loaded``). Every lexicon
        category is drawn, in the lexicon's order, even when all its rates are 0 (absence is a finding).
    order, colours
        Document order (top to bottom inside each category) and colours.
    annotate
        Write each bar's total rate at its end.

    Returns
    -------
    The Axes drawn on; bars carry ``gid`` ``"<doc_id>|<category>|<voice>"``; each non-empty bar ends in its
    document's marker (:func:`~framing.figures.style.markers`, ``gid`` ``"marker:<doc_id>|<category>"``).
    """
    require_columns(summary, NEEDED_SUMMARY_COLUMNS, "loaded-term summary")
    ax = get_ax(ax)
    docs = resolve_order(summary["doc_id"], order)
    colours = colours_for(docs, colours)
    shapes = markers(docs)
    categories = _categories(summary["category"])
    rates = (summary.assign(doc_id=summary["doc_id"].astype(str))
             .pivot_table(index=["category", "doc_id"], columns="voice", values="per_1000_words", aggfunc="sum",
                          fill_value=0.0))
    height = 0.8 / len(docs)
    top = float(np.nanmax(rates.sum(axis=1))) if len(rates) else 0.0
    for i, category in enumerate(categories):
        for j, doc_id in enumerate(docs):
            y = i - 0.4 + height * (j + 0.5)
            left = 0.0
            for voice in ("authorial", "reported"):
                value = float(rates[voice].get((category, doc_id), 0.0)) if voice in rates else 0.0
                ax.barh(y, value, left=left, height=height * 0.92, gid=f"{doc_id}|{category}|{voice}",
                        **voice_bar_style(colours[doc_id], voice))
                left += value
            if left > 0:
                mark_bar_end(ax, left, y, colour=colours[doc_id], marker=shapes[doc_id],
                             gid=f"marker:{doc_id}|{category}")
            if annotate and left > 0:
                ax.annotate(f"{left:.1f}", xy=(left, y), xytext=(BAR_END_GAP, 0), textcoords="offset points",
                            va="center", ha="left", fontsize=8, color=TEXT_GREY)
    ax.set_yticks(range(len(categories)), [category_label(c) for c in categories])
    ax.set_ylim(len(categories) - 0.5, -0.5)
    ax.set_xlim(0, top * 1.16 if top > 0 else 1)  # room for marker and value
    ax.set_xlabel("loaded terms per 1,000 words")
    ax.grid(axis="x")
    ax.tick_params(axis="y", length=0)
    if top == 0:
        no_data(ax, "no loaded terms found in any document (every rate is 0)")
    return ax


def loaded_terms_figure(summary: pd.DataFrame, *, sentences: pd.DataFrame,
                        order: Sequence[str] | None = None, entity: Entity = "document") -> Figure:
    """Figure 2: loaded terms per 1,000 words by category, split by voice, documents side by side.

    ``sentences`` (any per-sentence table with ``doc_id``: sentences or sentiment scores) gives the title its
    n; it is required because every figure says how many sentences it covers. An empty
    summary raises :class:`~framing.errors.FramingError`; a summary whose rates are all 0 is drawn with a
    "no loaded terms found" note, because zero is a result worth showing.
    """
    require_columns(summary, NEEDED_SUMMARY_COLUMNS, "loaded-term summary")
    require_columns(sentences, ("doc_id",), "sentences")
    docs = resolve_order(summary["doc_id"], order)
    require_rows(selected(summary, docs),
                 "the loaded-term summary is empty; figure 2 (loaded terms by voice) has nothing to show")
    colours = colours_for(docs, None)
    n_categories = len(_categories(summary["category"]))
    with plt.rc_context(STYLE):
        fig, ax = plt.subplots(figsize=(FIG_WIDTH, 1.5 + n_categories * (0.1 + 0.13 * len(docs))),
                               layout="constrained")
        loaded_rates(summary, order=docs, ax=ax, colours=colours)
        set_title(fig, "Loaded terms per 1,000 words, by category and voice",
                  f"{_n_text(summary, sentences, docs, entity)}; solid = the writer's own words, "
                  "hatched = inside quotations or attributed clauses")
        shapes = markers(docs)
        handles = [document_key(d, colours[d], shapes[d]) for d in docs]
        # Three documents a row: a row of four beside the two long voice entries overflowed the page.
        legend_rows(fig, [handles[i:i + 3] for i in range(0, len(handles), 3)] + [voice_legend_handles()])
    return fig


def _n_text(table: pd.DataFrame, sentences: pd.DataFrame, docs: list[str], entity: Entity = "document") -> str:
    """``n = 260 sentences in 3 documents (6,824 words)``; words from ``table`` when it has ``n_words``."""
    require_columns(sentences, ("doc_id",), "sentences")
    counts = sentences["doc_id"].astype(str).value_counts().reindex(docs, fill_value=0)
    text = n_sentences_text(counts, entity=entity)
    if "n_words" in table.columns:
        words = table.assign(doc_id=table["doc_id"].astype(str)).drop_duplicates("doc_id").set_index("doc_id")
        return f"{text} ({fmt_int(words['n_words'].reindex(docs).fillna(0).sum())} words)"
    if "n_words" in sentences.columns:
        return f"{text} ({fmt_int(sentences.loc[sentences['doc_id'].astype(str).isin(docs), 'n_words'].sum())} words)"
    return text


def top_terms(term_counts: pd.DataFrame, *, doc_id: str, top: int = 10, order: Sequence[str] | None = None,
              ax: Axes | None = None, colours: Mapping[str, str] | None = None,
              label_width: int = LABEL_WIDTH) -> Axes:
    """One document's most used loaded terms: hits per term, authorial + reported stacked.

    Each term's label ("term → neutral alternative") is written above its bar inside the panel, so several
    panels fit side by side at print width whatever the labels' length.

    Parameters
    ----------
    term_counts
        ``doc_id, lemma, neutral, authorial, reported`` (from ``term_counts``); ``total`` is recomputed as
        authorial + reported.
    doc_id
        The document to draw.
    top
        How many terms (most hits first; ties by more authorial hits, then alphabetically).
    order, colours
        Document order (picks this document's colour) and colours.
    label_width
        Characters per label line before wrapping.

    Returns
    -------
    The Axes drawn on; its y tick labels are the term labels, in the order drawn (most used on top); bars
    carry ``gid`` ``"<doc_id>|<lemma>|<voice>"``. A document without loaded terms gets a "no loaded terms" note.
    """
    require_columns(term_counts, TERM_COLUMNS, "term counts")
    if top < 1:
        raise input_error(None, f"top must be at least 1, got {top}")
    ax = get_ax(ax)
    docs = resolve_order(term_counts["doc_id"], order)
    if doc_id not in docs:
        docs = [*docs, doc_id]
    colour = colours_for(docs, colours)[doc_id]
    data = _top(term_counts, doc_id, top)
    ax.set_title(doc_id)
    ax.set_xlabel("hits (count)")
    ax.grid(axis="x")
    ax.spines["left"].set_visible(False)
    if data.empty:
        ax.set_yticks([])
        no_data(ax, "no loaded terms\nin this document")
        return ax
    labels = _labels(data, label_width)
    label_part = _label_share(max(label.count("\n") + 1 for label in labels))
    rows = np.arange(len(data))
    bar_y = rows - 0.5 + label_part + (1 - label_part) / 2
    left = np.zeros(len(data))
    for voice in ("authorial", "reported"):
        bars = ax.barh(bar_y, data[voice], left=left, height=(1 - label_part) * 0.85,
                       **voice_bar_style(colour, voice))
        for bar, lemma in zip(bars, data["lemma"]):
            bar.set_gid(f"{doc_id}|{lemma}|{voice}")
        left = left + data[voice].to_numpy()
    for yi, total in zip(bar_y, left):
        ax.annotate(f"{int(total)}", xy=(total, yi), xytext=(2, 0), textcoords="offset points", va="center",
                    fontsize=8, color=TEXT_GREY)
    # Labels as y tick labels drawn inside the panel, left-aligned above their bar.
    ax.set_yticks(rows - 0.5 + label_part * 0.97, labels)
    ax.tick_params(axis="y", length=0, pad=-1)
    for tick in ax.get_yticklabels():
        tick.set_horizontalalignment("left")
        tick.set_verticalalignment("bottom")  # sits on its bar, whatever its number of lines
        tick.set_linespacing(1.0)
    ax.set_ylim(max(top, len(data)) - 0.5, -0.5)
    ax.set_xlim(0, float(left.max()) * 1.18)  # room for the count label
    ax.xaxis.get_major_locator().set_params(integer=True)
    return ax


def _labels(data: pd.DataFrame, width: int) -> list[str]:
    """Each term's label, tagged when VADER's lexicon gives it no valence (``vader_blind``, when present)."""
    blind = data["vader_blind"].fillna(False).astype(bool) if "vader_blind" in data else [False] * len(data)
    return [term_label(lemma, neutral, width=width, tag=VADER_BLIND_TAG if is_blind else "")
            for lemma, neutral, is_blind in zip(data["lemma"], data["neutral"], blind)]


def _label_share(lines: int) -> float:
    """The part of a term's row its label takes (the rest is the bar), from printed heights."""
    return lines * LINE_INCHES / (lines * LINE_INCHES + BAR_INCHES + 0.04)


def _top(term_counts: pd.DataFrame, doc_id: str, top: int) -> pd.DataFrame:
    data = term_counts.loc[term_counts["doc_id"].astype(str) == doc_id].copy()
    data[["authorial", "reported"]] = data[["authorial", "reported"]].fillna(0).astype(int)
    data["total"] = data["authorial"] + data["reported"]
    data = data[data["total"] > 0]
    return data.sort_values(["total", "authorial", "lemma"], ascending=[False, False, True]).head(top)


def top_terms_figure(term_counts: pd.DataFrame, *, sentences: pd.DataFrame, top: int = 10,
                     order: Sequence[str] | None = None, entity: Entity = "document") -> Figure:
    """Figure 3: each document's ``top`` loaded terms side by side, naming the neutral alternative.

    Panels share the x axis (hits), so longer bars mean more uses. ``sentences`` (any per-sentence table with
    ``doc_id``; with ``n_words`` for the word count) gives the title and panel titles their n. No loaded terms
    in any of the documents raises :class:`~framing.errors.FramingError`; a document without any gets a panel
    with a "no loaded terms" note.
    """
    require_columns(term_counts, TERM_COLUMNS, "term counts")
    require_columns(sentences, ("doc_id",), "sentences")
    if top < 1:
        raise input_error(None, f"top must be at least 1, got {top}")
    docs = resolve_order(term_counts["doc_id"], order)
    shown_terms = {doc_id: _top(term_counts, doc_id, top) for doc_id in docs}
    if all(table.empty for table in shown_terms.values()):
        raise nothing_to_show("no loaded terms found in any document; figure 3 (top loaded terms) has nothing "
                              "to show")
    colours = colours_for(docs, None)
    ncols = min(len(docs), 3)
    nrows = -(-len(docs) // ncols)
    shown = max(len(table) for table in shown_terms.values())
    longest = max(float((t["authorial"] + t["reported"]).max()) for t in shown_terms.values() if not t.empty)
    width = LABEL_WIDTH * 3 // ncols  # wider panels, longer lines
    lines = max(label.count("\n") + 1 for t in shown_terms.values() for label in _labels(t, width))
    row_height = lines * LINE_INCHES + BAR_INCHES + 0.04
    with plt.rc_context(STYLE):
        fig, axes = plt.subplots(nrows, ncols, sharex=True, squeeze=False, layout="constrained",
                                 figsize=(FIG_WIDTH, 1.3 + nrows * (0.55 + row_height * shown)))
        for ax, doc_id in zip(axes.flat, docs):
            top_terms(term_counts, doc_id=doc_id, top=shown, order=docs, ax=ax, colours=colours, label_width=width)
            n = int((sentences["doc_id"].astype(str) == doc_id).sum())
            ax.set_title(f"{doc_id}\n(n = {plural(n, 'sentence')})")
            ax.tick_params(axis="x", labelbottom=True)
        for ax in axes.flat[len(docs):]:
            ax.remove()
        axes.flat[0].set_xlim(0, longest * 1.18)  # shared: the same scale in every panel
        set_title(fig, f"Most used loaded terms per {entity} (hits, top {top}), with a neutral alternative",
                  f"{_n_text(term_counts, sentences, docs, entity)}; labels: loaded term → neutral wording"
                  + (f"; {VADER_BLIND_TAG.strip()}: VADER's lexicon gives the term no valence, so sentiment "
                     "scores do not see it" if "vader_blind" in term_counts and term_counts["vader_blind"].any()
                     else ""))
        fig.legend(handles=voice_legend_handles(), loc="outside lower center", ncols=2)
    return fig
