"""Figure 6: the same events across documents — mean sentiment per cell, loaded terms counted, omissions shown.

The table comes from alignment: ``event_id, label, doc_id, n_sentences, mean_compound, loaded_authorial,
loaded_reported`` (``share_attributed`` and ``sentences`` are not drawn). A row with ``n_sentences`` 0 means the
document does not cover that event; it is drawn as a hatched grey "not covered" cell, never as neutral sentiment.

Cell text is fitted to the cell: each cell has a few wordings, fullest first ("−0.78 · 1 sent." / "1 loaded (1
rep.)" down to the mean alone), and the first that fits the drawn cell is shown, so the grid reads at any number of
columns without going below 8 pt; the title says what a shortened cell holds, and every number is in
``event_comparison.csv``.
"""

from __future__ import annotations

import math
import textwrap
import weakref
from collections.abc import Mapping, Sequence

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.cm import ScalarMappable
from matplotlib.colors import Normalize
from matplotlib.figure import Figure
from matplotlib.patches import Patch, Rectangle
from matplotlib.text import Text

from ..align.compare import most_covered_events
from ._common import (Entity, fmt_int, fmt_signed, get_ax, plural, require_columns, require_rows, resolve_order,
                      selected, set_title)
from .style import FIG_WIDTH, NEUTRAL_GREY, STYLE, TEXT_GREY, colours_for, text_colour_on

EVENT_COLUMNS = ("event_id", "label", "doc_id", "n_sentences", "mean_compound", "loaded_authorial",
                 "loaded_reported")
CMAP = "RdBu"  # diverging red (negative) – blue (positive); readable with red-green colour blindness
LABEL_WRAP = 26  # characters per line of an event label
NOT_COVERED = "— not covered"
MAX_EVENTS = 15  # rows that fit a printed page with title and caption
CELL_MARGIN = 0.9  # share of a cell's width and height its text may fill
#: What each level of shortened cell text holds, as the figure title says it (level 0, the full text, needs no
#: note beyond "rep.").
SHORTENED: dict[int, str] = {
    1: "cells: mean, then sentences and loaded terms",
    2: "cells: mean, then sentences · loaded terms",
    3: "cells too narrow for counts show the mean only",
}
# The wordings each cell text can take, fullest first (see fit_cell_texts); weak keys, so a closed figure's texts
# are forgotten with it.
_WORDINGS: weakref.WeakKeyDictionary[Text, tuple[str, ...]] = weakref.WeakKeyDictionary()


def colour_limit(values) -> float:
    """Symmetric colour-scale limit: the largest |mean| rounded up to 0.25 (at least 0.25, at most 1)."""
    values = np.abs(np.asarray(values, float))
    values = values[np.isfinite(values)]
    biggest = values.max() if len(values) else 0.0
    return min(1.0, max(0.25, math.ceil(biggest / 0.25 - 1e-9) * 0.25))


def _events(comparison: pd.DataFrame) -> pd.DataFrame:
    """Event ids and labels in first-appearance order (alignment lists events in the story's order)."""
    return comparison.drop_duplicates("event_id")[["event_id", "label"]].reset_index(drop=True)


def event_grid(comparison: pd.DataFrame, *, order: Sequence[str] | None = None, ax: Axes | None = None,
               colours: Mapping[str, str] | None = None, limit: float | None = None) -> Axes:
    """Events (rows) × documents (columns): cell colour = mean compound, text = mean, sentences, loaded terms.

    Parameters
    ----------
    comparison
        Event comparison table (see the module docstring). Missing (event, document) rows count as not covered.
    order, colours
        Document order (left to right) and colours (a strip above each column).
    limit
        Colour-scale limit (symmetric around 0); default :func:`colour_limit` of the data.

    Returns
    -------
    The Axes drawn on. Covered cells are ``Rectangle`` patches with ``gid`` ``"<event_id>|<doc_id>"``; omitted
    ones have ``gid`` ``"<event_id>|<doc_id>|not covered"`` and the text "— not covered". For a colour bar, pass
    ``limit`` and build ``ScalarMappable(Normalize(-limit, limit), CMAP)`` (as :func:`event_figure` does).
    """
    require_columns(comparison, EVENT_COLUMNS, "event comparison")
    ax = get_ax(ax)
    docs = resolve_order(comparison["doc_id"], order)
    colours = colours_for(docs, colours)
    events = _events(comparison)
    table = comparison.assign(doc_id=comparison["doc_id"].astype(str)).drop_duplicates(["event_id", "doc_id"])
    table = table.set_index(["event_id", "doc_id"])
    covered = table["n_sentences"].fillna(0) > 0
    limit = limit or colour_limit(table.loc[covered, "mean_compound"])
    norm = Normalize(-limit, limit)
    cmap = plt.get_cmap(CMAP)

    for i, event_id in enumerate(events["event_id"]):
        for j, doc_id in enumerate(docs):
            key = (event_id, doc_id)
            row = table.loc[key] if key in table.index else None
            if row is None or not row["n_sentences"] > 0:
                ax.add_patch(Rectangle((j - 0.5, i - 0.5), 1, 1, facecolor="#F2F2F2", edgecolor=NEUTRAL_GREY,
                                       hatch="////", linewidth=0.0, gid=f"{event_id}|{doc_id}|not covered"))
                note = ax.text(j, i, NOT_COVERED, ha="center", va="center", fontsize=8, color=TEXT_GREY,
                               bbox={"boxstyle": "round,pad=0.2", "facecolor": "#F2F2F2", "linewidth": 0},
                               gid=f"text:{event_id}|{doc_id}")
                _WORDINGS[note] = (NOT_COVERED, "not\ncovered", "—", "—")
                continue
            mean = float(row["mean_compound"])
            face = cmap(norm(mean)) if np.isfinite(mean) else "white"
            ax.add_patch(Rectangle((j - 0.5, i - 0.5), 1, 1, facecolor=face, edgecolor="white" if np.isfinite(mean)
                                   else NEUTRAL_GREY, linewidth=1.5 if np.isfinite(mean) else 0.6,
                                   gid=f"{event_id}|{doc_id}"))
            wordings = cell_wordings(mean, row["n_sentences"], row["loaded_authorial"], row["loaded_reported"])
            text = ax.text(j, i, wordings[0], ha="center", va="center", fontsize=8, color=text_colour_on(face),
                           linespacing=1.2, gid=f"text:{event_id}|{doc_id}")
            _WORDINGS[text] = wordings
    # Document colour strips above the columns tie the grid to the other figures.
    for j, doc_id in enumerate(docs):
        ax.add_patch(Rectangle((j - 0.45, -0.62), 0.9, 0.08, facecolor=colours[doc_id], edgecolor="none",
                               clip_on=False, gid=f"strip:{doc_id}"))
    ax.set_xlim(-0.5, len(docs) - 0.5)
    ax.set_ylim(len(events) - 0.5, -0.5)
    ax.set_xticks(range(len(docs)), docs)
    ax.xaxis.tick_top()
    # Column heads turn when they are wider than their column (8 documents with long ids).
    if max(len(doc_id) for doc_id in docs) * 5.2 > 0.9 * _cell_size(ax, len(docs), len(events))[0]:
        ax.tick_params(axis="x", labelrotation=30)
        for label in ax.get_xticklabels():
            label.set_horizontalalignment("left")
            label.set_rotation_mode("anchor")
    ax.set_yticks(range(len(events)), [textwrap.fill(str(label), LABEL_WRAP) for label in events["label"]])
    ax.tick_params(length=0)
    ax.tick_params(axis="x", pad=7)
    for spine in ax.spines.values():
        spine.set_visible(False)
    fit_cell_texts(ax)
    return ax


def cell_wordings(mean: float, n_sentences, authorial, reported) -> tuple[str, ...]:
    """A covered cell's text at each level of shortening: ``"−0.78 · 1 sent.\\n1 loaded (1 rep.)"``, ``"−0.78\\n1
    sent.\\n1 loaded"``, ``"−0.78\\n1 · 1"``, ``"−0.78"`` (see :data:`SHORTENED`)."""
    score = fmt_signed(mean) if np.isfinite(mean) else "no score"
    sentences = fmt_int(n_sentences)
    if pd.isna(authorial) or pd.isna(reported):
        return (f"{score} · {sentences} sent.", f"{score}\n{sentences} sent.", f"{score}\n{sentences}", score)
    loaded, reported = int(authorial) + int(reported), int(reported)
    full = f"{score} · {sentences} sent.\n{loaded} loaded" + (f" ({reported} rep.)" if reported else "")
    return (full, f"{score}\n{sentences} sent.\n{loaded} loaded", f"{score}\n{sentences} · {loaded}", score)


def _cell_size(ax: Axes, n_columns: int, n_rows: int) -> tuple[float, float]:
    """One cell's drawn width and height, in points."""
    box = ax.get_window_extent()
    scale = 72 / ax.figure.dpi
    return box.width * scale / max(n_columns, 1), box.height * scale / max(n_rows, 1)


def fit_cell_texts(ax: Axes) -> int:
    """Give every cell text of the grid on ``ax`` the fullest of its wordings that fits inside its cell (at the
    axes' present size; call again after the layout changes it). Returns the shortest level used (0 = none
    shortened), for the title to say what cells hold."""
    texts = [text for text in ax.texts if text in _WORDINGS]
    if not texts:
        return 0
    columns = len(ax.get_xticks())
    rows = len(ax.get_yticks())
    width, height = _cell_size(ax, columns, rows)
    renderer = ax.figure.canvas.get_renderer()
    scale = 72 / ax.figure.dpi
    deepest = 0
    for text in texts:
        wordings = _WORDINGS[text]
        for level, wording in enumerate(wordings):
            text.set_text(wording)
            box = text.get_window_extent(renderer)
            if box.width * scale <= CELL_MARGIN * width and box.height * scale <= CELL_MARGIN * height:
                break
        covered = wordings[0] != NOT_COVERED
        deepest = max(deepest, level if covered else 0)
    return deepest


def event_figure(comparison: pd.DataFrame, *, order: Sequence[str] | None = None,
                 max_events: int | None = MAX_EVENTS, entity: Entity = "document") -> Figure:
    """Figure 6: per-event comparison grid with a colour bar for mean sentence sentiment.

    With more than ``max_events`` events (default 15, a printed page), the events covered by the most documents
    (then with the most sentences) are drawn and the title says how many were left out; ``max_events=None``
    draws all. Raises :class:`~framing.errors.FramingError` when the table is empty or no document covers any
    event.
    """
    require_columns(comparison, EVENT_COLUMNS, "event comparison")
    require_rows(comparison, "the event comparison is empty; figure 6 (events) has nothing to show")
    docs = resolve_order(comparison["doc_id"], order)
    chosen = selected(comparison, docs)
    require_rows(chosen[chosen["n_sentences"].fillna(0) > 0],
                 "no document covers any event; figure 6 (events) has nothing to show")
    n_events = comparison["event_id"].nunique()
    kept = most_covered_events(comparison, docs, max_events)
    shown = comparison[comparison["event_id"].isin(kept)]
    events = _events(shown)
    label_lines = max(len(textwrap.wrap(str(label), LABEL_WRAP)) for label in events["label"])
    n = int(selected(shown, docs)["n_sentences"].fillna(0).sum())
    scope = (f"{len(kept)} events" if len(kept) == n_events else
             f"{len(kept)} of {n_events} events (the most widely covered)")
    with plt.rc_context(STYLE):
        fig, ax = plt.subplots(figsize=(FIG_WIDTH, 1.8 + len(events) * max(0.38, 0.15 * label_lines)),
                               layout="constrained")
        limit = colour_limit(chosen.loc[chosen["n_sentences"].fillna(0) > 0, "mean_compound"])
        event_grid(shown, order=docs, ax=ax, limit=limit)
        # Beyond four columns the colour bar goes under the grid, leaving the columns the full width.
        wide = len(docs) > 4
        bar = fig.colorbar(ScalarMappable(Normalize(-limit, limit), CMAP), ax=ax, shrink=0.8, aspect=25 if not wide
                           else 40, pad=0.02, location="bottom" if wide else "right")
        bar.set_label("mean VADER compound (−1 to +1)")
        bar.outline.set_linewidth(0.5)
        fig.legend(handles=[Patch(facecolor="#F2F2F2", edgecolor=NEUTRAL_GREY, hatch="////",
                                  label=f"— not covered: the {entity} does not report this event")],
                   loc="outside lower center")
        # Fit the cells once the layout has sized the grid (labels, colour bar, legend and title placed); the
        # title then says what shortened cells hold, which can change its height, so the cells are fitted again.
        shortened = 0
        for _ in range(2):
            legend = SHORTENED.get(shortened, "'rep.' = loaded terms quoted or attributed")
            set_title(fig, f"Same events across {entity}s: mean sentence sentiment (VADER compound), loaded terms",
                      f"n = {fmt_int(n)} sentences in {plural(len(docs), entity)} on {scope}; {legend}")
            fig.draw_without_rendering()
            shortened = fit_cell_texts(ax)
    return fig
