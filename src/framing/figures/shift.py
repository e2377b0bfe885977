"""Figure 5: a word-shift chart — which words make one document more negative than the other.

The table comes from the tables stage: ``term, contribution_a, contribution_b, difference, rank`` where
``difference = contribution_a − contribution_b``, each contribution being the term's summed VADER valence per
scored sentence of that document. A negative difference pulls document A below B; a positive one pulls B below A.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from ..errors import input_error
from ._common import (Entity, document_key, fmt_int, get_ax, mark_bar_end, plural, require_columns, require_rows,
                      resolve_order, set_title)
from .style import FIG_WIDTH, STYLE, TEXT_GREY, colours_for, markers

SHIFT_COLUMNS = ("term", "difference")


def _top_shift(shift: pd.DataFrame, top: int) -> pd.DataFrame:
    data = shift.dropna(subset=["difference"])
    data = data[data["difference"] != 0]
    data = data.assign(_size=data["difference"].abs(), term=data["term"].astype(str))
    return data.sort_values(["_size", "term"], ascending=[False, True]).head(top)


def word_shift(shift: pd.DataFrame, *, doc_a: str, doc_b: str, top: int = 15, order: Sequence[str] | None = None,
               ax: Axes | None = None, colours: Mapping[str, str] | None = None) -> Axes:
    """Horizontal bars of the ``top`` terms by absolute ``difference`` (largest on top), coloured by the
    document they pull down: ``doc_a``'s colour for negative differences, ``doc_b``'s for positive ones.

    Parameters
    ----------
    shift
        Word-shift table with ``term, difference`` (``contribution_a, contribution_b, rank`` are not needed).
    doc_a, doc_b
        The two documents compared (A − B).
    top
        Number of terms drawn.
    order, colours
        Document order for the colours (pass the corpus order so A and B keep their colours from the other
        figures; default ``[doc_a, doc_b]`` sorted) and colours.

    Returns
    -------
    The Axes drawn on; bar widths equal ``difference``; bars carry ``gid`` ``"<term>"`` and end in the marker of the
    document they pull down (as in the other figures), so the two documents differ in greyscale too.
    """
    require_columns(shift, SHIFT_COLUMNS, "word-shift table")
    if top < 1:
        raise input_error(None, f"top must be at least 1, got {top}")
    if doc_a == doc_b:
        raise input_error(None, f"a word shift needs two different documents, got {doc_a!r} twice")
    ax = get_ax(ax)
    docs = resolve_order([doc_a, doc_b], order)
    for doc_id in (doc_a, doc_b):
        if doc_id not in docs:
            raise input_error(None, f"{doc_id!r} is not in order ({', '.join(docs)})")
    colours = colours_for(docs, colours)
    data = _top_shift(shift, top)
    ax.axvline(0, color="black", lw=0.8)
    ax.set_xlabel(f"difference in VADER valence per sentence ({doc_a} − {doc_b})")
    ax.grid(axis="x")
    ax.tick_params(axis="y", length=0)
    if data.empty:
        ax.set_yticks([])
        ax.text(0.5, 0.5, "no term changes sentiment between the two documents", transform=ax.transAxes,
                ha="center", va="center", color=TEXT_GREY)
        return ax
    y = np.arange(len(data))
    values = data["difference"].to_numpy(float)
    bars = ax.barh(y, values, height=0.72,
                   color=[colours[doc_a] if v < 0 else colours[doc_b] for v in values])
    shapes = markers(docs)
    for bar, term, value in zip(bars, data["term"], values):
        bar.set_gid(term)
        pulled = doc_a if value < 0 else doc_b
        mark_bar_end(ax, value, bar.get_y() + bar.get_height() / 2, colour=colours[pulled], marker=shapes[pulled])
    ax.set_yticks(y, data["term"])
    ax.set_ylim(len(data) - 0.5, -0.5)
    # Terms sit beside the axis line (not at the figure edge) so each label is next to its bar.
    limit = float(np.abs(values).max()) * 1.15  # room for the markers
    ax.set_xlim(-limit, limit)
    ax.annotate(f"← pulls {doc_a} lower", xy=(0, 1), xycoords="axes fraction", xytext=(0, 4),
                textcoords="offset points", ha="left", va="bottom", fontsize=8, color=TEXT_GREY)
    ax.annotate(f"pulls {doc_b} lower →", xy=(1, 1), xycoords="axes fraction", xytext=(0, 4),
                textcoords="offset points", ha="right", va="bottom", fontsize=8, color=TEXT_GREY)
    return ax


# Inches: the shortest word-shift figure that lays out (title, subtitle, legend and one bar).
MIN_HEIGHT = 3.0


def word_shift_figure(shift: pd.DataFrame, *, doc_a: str, doc_b: str, sentences: pd.DataFrame, top: int = 15,
                      order: Sequence[str] | None = None, entity: Entity = "document") -> Figure:
    """Figure 5: the ``top`` words that make ``doc_a`` more negative than ``doc_b`` or vice versa.

    ``sentences`` (any per-sentence table with ``doc_id``: sentences or sentiment scores) gives the title its
    n per document. An empty table, or one where no term's difference is non-zero, raises
    :class:`~framing.errors.FramingError`.
    """
    require_columns(shift, SHIFT_COLUMNS, "word-shift table")
    require_columns(sentences, ("doc_id",), "sentences")
    require_rows(_top_shift(shift, 1), f"no term changes sentiment between {doc_a} and {doc_b}; figure 5 "
                 "(word shift) has nothing to show")
    docs = resolve_order([doc_a, doc_b], order)
    colours = colours_for(docs, None)
    counts = sentences["doc_id"].astype(str).value_counts()
    n_a, n_b = int(counts.get(doc_a, 0)), int(counts.get(doc_b, 0))
    shown = len(_top_shift(shift, top))
    with plt.rc_context(STYLE):
        # At least MIN_HEIGHT: the title, its second line and the two-row legend need that much whatever the bars
        # (a word or two gave a figure too short to lay out, and matplotlib warned).
        fig, ax = plt.subplots(figsize=(FIG_WIDTH, max(MIN_HEIGHT, 1.5 + 0.2 * shown)), layout="constrained")
        word_shift(shift, doc_a=doc_a, doc_b=doc_b, top=top, order=docs, ax=ax, colours=colours)
        set_title(fig, f"Word shift: which words make {doc_a} or {doc_b} more negative (difference in VADER "
                  "valence per sentence)",
                  f"n = {plural(n_a, 'sentence')} ({doc_a}) vs {fmt_int(n_b)} ({doc_b}); top {plural(shown, 'word')} "
                  f"by size of difference; a bar points to the {entity} it pulls lower")
        shapes = markers(docs)
        keys = [document_key(f"makes {a} more negative than {b}", colours[a], shapes[a])
                for a, b in ((doc_a, doc_b), (doc_b, doc_a))]
        fig.legend(handles=keys, labels=[key[0].get_label() for key in keys], loc="outside lower center", ncols=1)
    return fig
