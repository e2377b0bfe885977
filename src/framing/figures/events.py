"""Figure 6: the same events across documents — mean sentiment per cell, loaded terms counted, omissions shown.

The table comes from alignment: ``event_id, label, doc_id, n_sentences, mean_compound, loaded_authorial,
loaded_reported`` (``share_attributed`` and ``sentences`` are not drawn). A row with ``n_sentences`` 0 means the
document does not cover that event; it is drawn as a hatched grey "not covered" cell, never as neutral sentiment.
"""

from __future__ import annotations

import math
import textwrap
from collections.abc import Mapping, Sequence

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.cm import ScalarMappable
from matplotlib.colors import Normalize
from matplotlib.figure import Figure
from matplotlib.patches import Patch, Rectangle

from ._common import fmt_int, fmt_signed, get_ax, require_columns, require_rows, resolve_order, selected, set_title
from .style import FIG_WIDTH, NEUTRAL_GREY, STYLE, TEXT_GREY, colours_for, text_colour_on

EVENT_COLUMNS = ("event_id", "label", "doc_id", "n_sentences", "mean_compound", "loaded_authorial",
                 "loaded_reported")
CMAP = "RdBu"  # diverging red (negative) – blue (positive); readable with red-green colour blindness
LABEL_WRAP = 26  # characters per line of an event label
NOT_COVERED = "— not covered"
MAX_EVENTS = 15  # rows that fit a printed page with title and caption


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
                ax.text(j, i, NOT_COVERED, ha="center", va="center", fontsize=8, color=TEXT_GREY,
                        bbox={"boxstyle": "round,pad=0.2", "facecolor": "#F2F2F2", "linewidth": 0})
                continue
            mean = float(row["mean_compound"])
            face = cmap(norm(mean)) if np.isfinite(mean) else "white"
            ax.add_patch(Rectangle((j - 0.5, i - 0.5), 1, 1, facecolor=face, edgecolor="white" if np.isfinite(mean)
                                   else NEUTRAL_GREY, linewidth=1.5 if np.isfinite(mean) else 0.6,
                                   gid=f"{event_id}|{doc_id}"))
            lines = [f"{fmt_signed(mean) if np.isfinite(mean) else 'no score'} · {fmt_int(row['n_sentences'])} sent."]
            if pd.notna(row["loaded_authorial"]) and pd.notna(row["loaded_reported"]):
                authorial, reported = int(row["loaded_authorial"]), int(row["loaded_reported"])
                lines.append(f"{authorial + reported} loaded" + (f" ({reported} rep.)" if reported else ""))
            ax.text(j, i, "\n".join(lines), ha="center", va="center", fontsize=8, color=text_colour_on(face),
                    linespacing=1.2)
    # Document colour strips above the columns tie the grid to the other figures.
    for j, doc_id in enumerate(docs):
        ax.add_patch(Rectangle((j - 0.45, -0.62), 0.9, 0.08, facecolor=colours[doc_id], edgecolor="none",
                               clip_on=False, gid=f"strip:{doc_id}"))
    ax.set_xlim(-0.5, len(docs) - 0.5)
    ax.set_ylim(len(events) - 0.5, -0.5)
    ax.set_xticks(range(len(docs)), docs)
    ax.xaxis.tick_top()
    ax.set_yticks(range(len(events)), [textwrap.fill(str(label), LABEL_WRAP) for label in events["label"]])
    ax.tick_params(length=0)
    ax.tick_params(axis="x", pad=7)
    for spine in ax.spines.values():
        spine.set_visible(False)
    return ax


def busiest_events(comparison: pd.DataFrame, docs: Sequence[str], max_events: int | None) -> list:
    """The event ids to draw: all of them, or the ``max_events`` covered by the most documents, then with the
    most sentences (ties: earlier event first) — kept in their original order."""
    chosen = selected(comparison, docs)
    events = list(_events(comparison)["event_id"])
    if max_events is None or len(events) <= max_events:
        return events
    covered = chosen[chosen["n_sentences"].fillna(0) > 0]
    stats = pd.DataFrame({"documents": covered.groupby("event_id")["doc_id"].nunique(),
                          "sentences": covered.groupby("event_id")["n_sentences"].sum()}).reindex(events).fillna(0)
    stats["position"] = range(len(events))
    keep = set(stats.sort_values(["documents", "sentences", "position"], ascending=[False, False, True])
               .head(max_events).index)
    return [event_id for event_id in events if event_id in keep]


def event_figure(comparison: pd.DataFrame, *, order: Sequence[str] | None = None,
                 max_events: int | None = MAX_EVENTS) -> Figure:
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
    kept = busiest_events(comparison, docs, max_events)
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
        bar = fig.colorbar(ScalarMappable(Normalize(-limit, limit), CMAP), ax=ax, shrink=0.8, aspect=25, pad=0.02)
        bar.set_label("mean VADER compound (−1 to +1)")
        bar.outline.set_linewidth(0.5)
        set_title(fig, "Same events across documents: mean sentence sentiment (VADER compound), loaded terms",
                  f"n = {fmt_int(n)} sentences in {len(docs)} documents on {scope}; "
                  "'rep.' = loaded terms quoted or attributed")
        fig.legend(handles=[Patch(facecolor="#F2F2F2", edgecolor=NEUTRAL_GREY, hatch="////",
                                  label="— not covered: the document does not report this event")],
                   loc="outside lower center")
    return fig
