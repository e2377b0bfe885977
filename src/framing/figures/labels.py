"""Figure 9: who is called what — the actors most often labelled, with their loaded labels by category and voice.

It reads ``labels`` (``doc_id, actor, category, voice, n``: one row per document × actor × label category × voice,
only loaded-term hits tied to an actor). Rows are the same actors in every panel (the most labelled across the
run), each followed by the label categories applied to it anywhere in the run, so a reader compares one actor
across documents along a line. The writer's own voice is solid, reported uses hatched (as in figures 2 and 3).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from ..lexicons import CATEGORIES
from ._common import (fmt_int, get_ax, n_sentences_text, no_data, nothing_to_show, require_columns, resolve_order,
                      selected, set_title, short_label)
from .loaded import voice_bar_style, voice_legend_handles
from .spread import POINT_COLOUR
from .style import FIG_WIDTH, STYLE, TEXT_GREY, category_label, colours_for

LABEL_COLUMNS = ("doc_id", "actor", "category", "voice", "n")
VOICES = ("authorial", "reported")
#: Actors drawn: the most labelled across the run, so every panel has the same rows.
TOP_ACTORS = 6
ACTOR_LABEL = 24  # characters of an actor's name on its row label (the full name is in labels.csv)
SLOT_INCHES = 0.15  # printed height of one row (an actor's name, or one of its categories)
NOTHING = "no loaded label is tied to an actor in any {unit}; figure 9 (who is called what) has nothing to show"


class Slot(NamedTuple):
    """One row of the figure: an actor's name (``category`` "") or one category of labels applied to it."""

    actor: str
    category: str
    y: float


def labels_with_targets(labels: pd.DataFrame, unit: str = "document") -> pd.DataFrame:
    """The rows of ``labels`` with an actor and a positive count; raises ``NothingToShow`` when there are none.

    An empty table without columns (a run made before actors were found) counts as "nothing to show", not as a
    malformed table.
    """
    if not isinstance(labels, pd.DataFrame) or (labels.empty and not len(labels.columns)):
        raise nothing_to_show(NOTHING.format(unit=unit))
    require_columns(labels, LABEL_COLUMNS, "labels table")
    kept = labels[(labels["actor"].fillna("").astype(str) != "") & (pd.to_numeric(labels["n"]) > 0)]
    if kept.empty:
        raise nothing_to_show(NOTHING.format(unit=unit))
    return kept.assign(doc_id=kept["doc_id"].astype(str), actor=kept["actor"].astype(str))


def top_actors(labels: pd.DataFrame, *, top: int = TOP_ACTORS, by_documents: bool = False) -> list[str]:
    """The ``top`` actors with most labels (``by_documents``: labelled by most documents), ties by name."""
    grouped = labels.groupby("actor")
    weight = grouped["doc_id"].nunique() if by_documents else grouped["n"].sum()
    ranked = pd.DataFrame({"actor": weight.index, "weight": weight.to_numpy()})
    return ranked.sort_values(["weight", "actor"], ascending=[False, True]).head(top)["actor"].tolist()


def actor_slots(labels: pd.DataFrame, actors: Sequence[str]) -> list[Slot]:
    """Rows for ``actors`` in order: each actor's name, then every category applied to it (lexicon order)."""
    present = labels.groupby("actor")["category"].agg(lambda values: set(map(str, values)))
    slots, y = [], 0.0
    for actor in actors:
        slots.append(Slot(actor, "", y))
        known = [c for c in CATEGORIES if c in present.get(actor, set())]
        unknown = sorted(present.get(actor, set()) - set(CATEGORIES))
        for offset, category in enumerate([*known, *unknown], start=1):
            slots.append(Slot(actor, category, y + offset))
        y += len(known) + len(unknown) + 1.3  # a little air between actors
    return slots


def _counts_by_slot(table: pd.DataFrame, slots: Sequence[Slot], value: str) -> dict[str, np.ndarray]:
    """Per voice, ``value`` summed for each category slot (name rows get nothing)."""
    wanted = [(s.actor, s.category) for s in slots if s.category]
    pivot = (table.pivot_table(index=["actor", "category"], columns="voice", values=value, aggfunc="sum",
                               fill_value=0)
             .reindex(pd.MultiIndex.from_tuples(wanted, names=["actor", "category"]), fill_value=0))
    return {voice: pivot[voice].to_numpy(float) if voice in pivot else np.zeros(len(wanted)) for voice in VOICES}


def actor_labels(labels: pd.DataFrame, *, doc_id: str, slots: Sequence[Slot], ax: Axes | None = None,
                 colour: str = POINT_COLOUR) -> Axes:
    """One document's (or group's) labels per actor and category: own voice solid, reported hatched, stacked.

    Parameters
    ----------
    labels
        ``doc_id, actor, category, voice, n`` (see :func:`labels_with_targets`); only ``doc_id``'s rows are drawn.
    slots
        The rows (:func:`actor_slots`), the same in every panel.

    Returns
    -------
    The Axes drawn on; each bar (only counts above 0 get one) carries ``gid``
    ``"<doc_id>|<actor>|<category>|<voice>"``; the total of each row is written at its end.
    """
    ax = get_ax(ax)
    bar_slots = [s for s in slots if s.category]
    counts = _counts_by_slot(labels[labels["doc_id"] == doc_id], slots, "n")
    left = np.zeros(len(bar_slots))
    for voice in VOICES:
        _bars(ax, bar_slots, counts[voice], left=left, height=0.72, style=voice_bar_style(colour, voice),
              gid=f"{doc_id}|{{}}|{voice}")
        left = left + counts[voice]
    for slot, total in zip(bar_slots, left):
        if total:
            ax.annotate(fmt_int(total), xy=(total, slot.y), xytext=(2, 0), textcoords="offset points", va="center",
                        fontsize=8, color=TEXT_GREY)
    _row_labels(ax, slots)
    ax.grid(axis="x")
    ax.xaxis.get_major_locator().set_params(integer=True)
    if not left.any():
        no_data(ax, "no label tied\nto these actors")
    return ax


def _bars(ax: Axes, slots: Sequence[Slot], counts: np.ndarray, *, left: np.ndarray | float = 0.0,
          shift: float = 0.0, height: float, style: dict, gid: str) -> None:
    """Bars for the slots whose count is above 0 (a zero-length bar still draws its edge as a tick);
    ``gid`` has a ``{}`` for ``actor|category``."""
    left = np.broadcast_to(left, counts.shape)
    for slot, count, start in zip(slots, counts, left):
        if count > 0:
            ax.barh(slot.y + shift, count, left=start, height=height, gid=gid.format(f"{slot.actor}|{slot.category}"),
                    **style)


def _row_labels(ax: Axes, slots: Sequence[Slot]) -> None:
    """Actor names in bold, their categories under them; the axis runs top to bottom."""
    ax.set_yticks([s.y for s in slots], [category_label(s.category) if s.category else short_label(s.actor, ACTOR_LABEL)
                                         for s in slots])
    for tick, slot in zip(ax.get_yticklabels(), slots):
        if not slot.category:
            tick.set_fontweight("bold")
    ax.tick_params(axis="y", length=0)
    ax.set_ylim(slots[-1].y + 0.6, slots[0].y - 0.6)


def labels_figure(labels: pd.DataFrame, *, sentences: pd.DataFrame, order: Sequence[str] | None = None,
                  top: int = TOP_ACTORS, unit: str = "document") -> Figure:
    """Figure 9: per document (or group, ``unit="group"``) side by side, the ``top`` actors labelled most across
    them and the labels applied to each, by category and voice, on one count scale.

    ``order`` gives the panels and colours (as every figure: pass the corpus's doc_ids); ``sentences`` (any
    per-sentence table with ``doc_id``) gives the title its n. A run where no label is tied to an actor raises
    :class:`~framing.figures.NothingToShow`; a document without any gets a panel with a note.
    """
    require_columns(sentences, ("doc_id",), "sentences")
    table = labels_with_targets(labels, unit)
    docs = resolve_order(table["doc_id"], order)
    table = selected(table, docs)
    if table.empty:
        raise nothing_to_show(NOTHING.format(unit=unit))
    actors = top_actors(table, top=top)
    slots = actor_slots(table[table["actor"].isin(actors)], actors)
    colours = colours_for(docs, None)
    ncols = min(len(docs), 3 if len(docs) <= 6 else 4)
    nrows = -(-len(docs) // ncols)
    height = 1.5 + nrows * (0.55 + SLOT_INCHES * (slots[-1].y + 1.2))
    with plt.rc_context(STYLE):
        fig, axes = plt.subplots(nrows, ncols, sharex=True, sharey=True, squeeze=False, layout="constrained",
                                 figsize=(FIG_WIDTH, height))
        for ax, doc_id in zip(axes.flat, docs):
            actor_labels(table, doc_id=doc_id, slots=slots, ax=ax, colour=colours[doc_id])
            ax.set_title(short_label(doc_id, 28))
            ax.tick_params(axis="x", labelbottom=True)
        for ax in axes.flat[len(docs):]:
            ax.remove()
        longest = _longest_bar(table, slots)
        axes.flat[0].set_xlim(0, longest * 1.25)  # shared: one scale in every panel
        for index, ax in enumerate(axes.flat[:len(docs)]):
            if index + ncols >= len(docs):  # the lowest panel of its column
                ax.set_xlabel("labels (count)")
        set_title(fig, f"Who is called what: the {_actors(actors)} most often labelled, with the loaded labels "
                       "applied to them, by category and voice",
                  f"{_n_text(table, sentences, docs, unit)}; solid = the writer's own words, hatched = quoted or "
                  "attributed")
        # Each panel is titled with its document, so the legend only explains the voices (as figure 3).
        fig.legend(handles=voice_legend_handles(), loc="outside lower center", ncols=2)
    return fig


def _actors(actors: Sequence[str]) -> str:
    return f"{len(actors)} actor{'s' if len(actors) != 1 else ''}"


def _longest_bar(table: pd.DataFrame, slots: Sequence[Slot]) -> float:
    wanted = {(s.actor, s.category) for s in slots if s.category}
    totals = table.groupby(["doc_id", "actor", "category"])["n"].sum()
    totals = totals[[key[1:] in wanted for key in totals.index]]
    return float(totals.max()) if len(totals) else 1.0


def _n_text(table: pd.DataFrame, sentences: pd.DataFrame, docs: Sequence[str] | None, unit: str) -> str:
    """``n = 260 sentences in 3 documents, 14 labels tied to an actor`` (``docs`` None: every document of
    ``sentences``)."""
    ids = sentences["doc_id"].astype(str)
    counts = ids.value_counts()
    counts = counts.reindex(list(docs), fill_value=0) if docs is not None else counts
    text = n_sentences_text(counts).replace(" document", f" {unit}")
    labels = int(table["n"].sum())
    return f"{text}, {fmt_int(labels)} label{'s' if labels != 1 else ''} tied to an actor"


def documents_labelling(labels: pd.DataFrame) -> pd.DataFrame:
    """How many documents label each actor with each category, per voice.

    Returns
    -------
    DataFrame ``actor, category, voice, documents`` (documents with at least one such label).
    """
    return (labels.groupby(["actor", "category", "voice"], as_index=False)["doc_id"].nunique()
            .rename(columns={"doc_id": "documents"}))


def labels_spread_figure(labels: pd.DataFrame, *, sentences: pd.DataFrame, top: int = TOP_ACTORS,
                         unit: str = "document") -> Figure:
    """Figure 9 for many documents: one panel across all of them — for the ``top`` actors labelled by most
    documents (or groups), how many label it with each category, in the writer's own voice (solid) and reported
    (hatched). No bar or legend entry is per document; ``sentences`` gives the title its n."""
    require_columns(sentences, ("doc_id",), "sentences")
    table = labels_with_targets(labels, unit)
    actors = top_actors(table, top=top, by_documents=True)
    chosen = table[table["actor"].isin(actors)]
    per_actor = documents_labelling(chosen).assign(doc_id="all")
    slots = actor_slots(chosen, actors)
    n_docs = sentences["doc_id"].nunique()
    with plt.rc_context(STYLE):
        fig, ax = plt.subplots(figsize=(FIG_WIDTH, 1.7 + SLOT_INCHES * 1.3 * (slots[-1].y + 1.2)),
                               layout="constrained")
        _voice_pairs(per_actor, slots, ax)
        ax.set_xlabel(f"{unit}s using such labels for the actor (count)")
        set_title(fig, f"Who is called what across {fmt_int(n_docs)} {unit}s: the {_actors(actors)} labelled in "
                       f"most {unit}s, by label category and voice",
                  f"{_n_text(table, sentences, None, unit)}; bars count {unit}s, solid = the writer's own words, "
                  "hatched = quoted or attributed")
        fig.legend(handles=voice_legend_handles(), loc="outside lower center", ncols=2)
    return fig


def _voice_pairs(per_actor: pd.DataFrame, slots: Sequence[Slot], ax: Axes) -> None:
    """Two thin bars per category row, own voice above reported: a document may use both, so they never stack."""
    bar_slots = [s for s in slots if s.category]
    counts = _counts_by_slot(per_actor, slots, "documents")
    for shift, voice in zip((-0.19, 0.19), VOICES):
        _bars(ax, bar_slots, counts[voice], shift=shift, height=0.36, style=voice_bar_style(POINT_COLOUR, voice),
              gid=f"all|{{}}|{voice}")
        for slot, count in zip(bar_slots, counts[voice]):
            if count:
                ax.annotate(fmt_int(count), xy=(count, slot.y + shift), xytext=(2, 0), textcoords="offset points",
                            va="center", fontsize=8, color=TEXT_GREY)
    _row_labels(ax, slots)
    longest = max(float(values.max()) for values in counts.values())
    ax.set_xlim(0, max(longest, 1) * 1.15)
    ax.grid(axis="x")
    ax.xaxis.get_major_locator().set_params(integer=True)


__all__ = ["LABEL_COLUMNS", "Slot", "actor_labels", "actor_slots", "documents_labelling", "labels_figure",
           "labels_spread_figure", "labels_with_targets", "top_actors"]
