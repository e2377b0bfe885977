"""Helpers every figure module uses: checking input tables, document order, titles and "no data" notes."""

from __future__ import annotations

import re
import textwrap
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Literal

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.legend import Legend
from matplotlib.lines import Line2D
from matplotlib.patches import Patch
from matplotlib.text import Text
from matplotlib.transforms import offset_copy

from ..errors import FramingError, input_error
from ..scorers.sentiment import LARGE_SAMPLE_SENTENCES
from .style import NEUTRAL_GREY, TEXT_GREY

TITLE_WIDTH = 88  # characters per suptitle line at 9 pt on a 6.3 in figure (measured on rendered PNGs)


class NothingToShow(FramingError):
    """A figure's input has no rows to draw (a :class:`FramingError`; ``build_figures`` leaves the figure out)."""


def nothing_to_show(problem: str) -> NothingToShow:
    """The error every composer raises on empty input, with the shared message format."""
    return NothingToShow(str(input_error(None, problem)))


def require_columns(table: pd.DataFrame, columns: Iterable[str], what: str) -> None:
    """Raise :class:`FramingError` naming the missing columns of ``table`` (``what`` names the table)."""
    if not isinstance(table, pd.DataFrame):
        raise input_error(None, f"{what} must be a pandas DataFrame, got {type(table).__name__}")
    missing = [column for column in columns if column not in table.columns]
    if missing:
        raise input_error(None, f"{what} is missing column(s) {', '.join(missing)}")


def require_rows(table: pd.DataFrame, problem: str) -> None:
    """Raise :class:`NothingToShow` (a :class:`FramingError`) with ``problem`` when ``table`` has no rows."""
    if table.empty:
        raise nothing_to_show(problem)


def resolve_order(doc_ids: Iterable[str], order: Sequence[str] | None) -> list[str]:
    """The documents to draw, in order.

    ``order=None`` → the documents present, sorted by doc_id (the same for every table of one corpus, however
    its rows are sorted, so colours agree across figures). A given ``order`` selects and orders documents, as in
    seaborn: documents missing from it are left out; documents in it with no rows are drawn as empty.
    """
    if order is None:
        return sorted({str(doc_id) for doc_id in doc_ids})
    if isinstance(order, str):
        raise input_error(None, "order must be a list of doc_ids, not a single string")
    order = [str(doc_id) for doc_id in order]
    duplicated = sorted(doc_id for doc_id, count in Counter(order).items() if count > 1)
    if duplicated:
        raise input_error(None, f"order lists {', '.join(duplicated)} more than once")
    if not order:
        raise input_error(None, "order is empty; give at least one doc_id")
    return order


def selected(table: pd.DataFrame, docs: Sequence[str]) -> pd.DataFrame:
    """The rows of ``table`` whose ``doc_id`` is one of ``docs``."""
    return table[table["doc_id"].astype(str).isin(list(docs))]


def get_ax(ax: Axes | None) -> Axes:
    """The axes to draw on: ``ax`` or the current axes (like seaborn)."""
    return ax if ax is not None else plt.gca()


def fmt_int(n) -> str:
    """``6824`` → ``6,824``."""
    return f"{int(n):,}"


def fmt_signed(x: float, digits: int = 2) -> str:
    """``0.05`` → ``+0.05``; ``-0.05`` → ``−0.05`` (typographic minus)."""
    return f"{x:+.{digits}f}".replace("-", "\u2212")


#: Fewer sentences than this and no interval is drawn or printed: a bootstrap over one to four values says nothing
#: about the document (a one-sentence document printed [−0.60, −0.60]). The summary leaves ``ci_low, ci_high``
#: NaN there too; both are checked, so a table from before that rule reads the same.
MIN_INTERVAL_SENTENCES = 5
TOO_FEW = "n too small"


def interval_name(n_sentences: Iterable, level: int = 95) -> str:
    """What the drawn intervals are, for a legend or subtitle, from the sentence counts of the rows that get one:
    the percentile bootstrap below ``LARGE_SAMPLE_SENTENCES`` sentences, Student's t from there on (the summary's
    rule, :func:`framing.scorers.sentiment.summarise_sentiment`); both named when the rows mix the two."""
    counts = [n for n in n_sentences if n >= MIN_INTERVAL_SENTENCES]
    large = sum(n >= LARGE_SAMPLE_SENTENCES for n in counts)
    if large and large == len(counts):
        return f"{level}% Student's t interval"
    if large:
        return f"{level}% interval (bootstrap; Student's t from {LARGE_SAMPLE_SENTENCES:,} sentences)"
    return f"{level}% bootstrap interval"


def has_interval(n_sentences, low, high) -> bool:
    """Whether a mean over ``n_sentences`` with interval ``[low, high]`` gets its interval shown."""
    values = pd.to_numeric(pd.Series([n_sentences, low, high]), errors="coerce")
    return bool(values.notna().all() and values.iloc[0] >= MIN_INTERVAL_SENTENCES)


#: What a figure's rows, bars and panels stand for: documents, or groups of documents (``--group-by``).
Entity = Literal["document", "group"]


_DOCUMENT_WORD = re.compile(r"\b([Dd])ocument(s?)\b")


def for_groups(text: str) -> str:
    """``text`` written about documents, said of groups: "each document's mean" → "each group's mean".

    For wording written once for documents and shown for a grouped run (captions, the spread figures), where
    every row, point or column stands for a group; both words are nouns, so the sentence stays grammatical."""
    return _DOCUMENT_WORD.sub(lambda m: ("G" if m.group(1) == "D" else "g") + "roup" + m.group(2), text)


# The count a spread figure's row label ends with ("mean compound\nn = 300 documents").
_COUNT_LINE = re.compile(r"(n = [\d,]+ )document(s?)$")


def say_groups(fig: Figure) -> Figure:
    """``fig`` with every title, label and legend entry saying "group" for "document" (:func:`for_groups`),
    except the names of documents or groups it shows (``gid`` ``named:…``).

    Tick labels are made again from their formatter when the figure is drawn, so they are set anew, and only
    their counts change: a row label may quote an event ("Leaked documents show …")."""
    for text in fig.findobj(Text):
        if not str(text.get_gid() or "").startswith("named:"):
            text.set_text(for_groups(text.get_text()))
    for ax in fig.axes:
        for axis in (ax.xaxis, ax.yaxis):
            labels = [label.get_text() for label in axis.get_ticklabels()]
            if any(_COUNT_LINE.search(label) for label in labels):
                axis.set_ticks(axis.get_ticklocs(), [_COUNT_LINE.sub(r"\1group\2", label) for label in labels])
    return fig


def plural(n: int, entity: str) -> str:
    """``3 documents``, ``1 group``."""
    return f"{fmt_int(n)} {entity}{'s' if n != 1 else ''}"


def n_sentences_text(counts: dict[str, int] | pd.Series, *, unit: str = "sentence",
                     entity: Entity = "document") -> str:
    """``n = 260 sentences in 3 documents`` (or ``in 5 groups``, ``n = 1 sentence in 1 document``); the
    per-document n is on each panel or tick label."""
    counts = pd.Series(counts, dtype="float64").fillna(0)
    return f"n = {plural(int(counts.sum()), unit)} in {plural(len(counts), entity)}"


def set_title(fig: Figure, measure: str, detail: str) -> None:
    """Figure title: what is measured and its unit (``measure``), then n and how to read it (``detail``).

    One suptitle (so the layout engine makes room for all of it), wrapped to fit the printed width.
    """
    lines = textwrap.wrap(measure, TITLE_WIDTH) + textwrap.wrap(detail, TITLE_WIDTH)
    fig.suptitle("\n".join(lines), x=0.01, ha="left", linespacing=1.3)


def no_data(ax: Axes, message: str) -> None:
    """Write an explicit "no data" note in the middle of an otherwise empty panel."""
    ax.text(0.5, 0.5, message, transform=ax.transAxes, ha="center", va="center", color=TEXT_GREY,
            fontsize=8, wrap=True, bbox={"boxstyle": "round,pad=0.4", "facecolor": "white",
                                         "edgecolor": NEUTRAL_GREY})


def legend_rows(fig: Figure, rows: Sequence[Sequence]) -> Legend:
    """A legend under the figure with one row per group of handles (documents on one row, styles on the next).

    Matplotlib fills legend columns first, so rows are padded with blank entries and interleaved.
    """
    rows = [list(row) for row in rows if row]
    ncols = max(len(row) for row in rows)
    padded = [row + [Patch(visible=False, label="")] * (ncols - len(row)) for row in rows]
    handles = [row[i] for i in range(ncols) for row in padded]
    # A document's key is a (swatch, marker) pair drawn on top of each other; it carries its label on the swatch.
    labels = [(handle[0] if isinstance(handle, tuple) else handle).get_label() for handle in handles]
    return fig.legend(handles=handles, labels=labels, loc="outside lower center", ncols=ncols)


MARKER_SIZE = 4.5  # points: fits a bar of the thinnest grouped-bar figure (12 documents) and reads in print


def document_key(label: str, colour: str, marker: str) -> tuple[Patch, Line2D]:
    """A legend entry for one document: its colour swatch with its marker on top (a tuple handle, which
    matplotlib draws overlaid), so the key matches both channels of :func:`mark_bar_end`."""
    return (Patch(facecolor=colour, edgecolor=colour, label=label),
            Line2D([], [], ls="", marker=marker, markersize=MARKER_SIZE + 1, markerfacecolor=colour,
                   markeredgecolor="black", markeredgewidth=0.6))


def mark_bar_end(ax: Axes, x: float, y: float, *, colour: str, marker: str, gid: str | None = None) -> None:
    """The document's marker just past the end of a bar at ``(x, y)`` (data), so bars of documents whose colours
    print as one grey are still told apart in greyscale; a value label belongs :data:`BAR_END_GAP` points
    further out."""
    sign = -1 if x < 0 else 1
    shifted = offset_copy(ax.transData, fig=ax.figure, x=sign * (MARKER_SIZE / 2 + 1.5), units="points")
    ax.plot([x], [y], ls="", marker=marker, markersize=MARKER_SIZE, markerfacecolor=colour,
            markeredgecolor="black", markeredgewidth=0.5, transform=shifted, clip_on=False, zorder=3, gid=gid)


BAR_END_GAP = MARKER_SIZE + 4  # points from a bar's end to its value label, past the marker


# A doc_id or group name longer than this is shortened wherever a figure or a report heading shows it: a
# 5,000-character id made every axis collapse (the tables keep it whole).
MAX_LABEL = 40


def short_label(name: str, limit: int = MAX_LABEL) -> str:
    """``name`` itself, or at most ``limit`` characters of it: its start and its end around an ellipsis (ids
    tend to differ at either end: "reuters-2020-…-part-2")."""
    if len(name) <= limit:
        return name
    tail = (limit - 1) // 3
    return f"{name[:limit - 1 - tail]}…{name[len(name) - tail:]}"


def short_names(names: Iterable) -> dict[str, str]:
    """For each of ``names`` longer than :data:`MAX_LABEL`, its :func:`short_label`, made unique (``… #2``) where
    two would read the same; names short enough are left out (they are shown as they are)."""
    names = list(dict.fromkeys(map(str, names)))
    taken = {name for name in names if len(name) <= MAX_LABEL}
    short = {}
    for name in names:
        if name in taken or len(name) <= MAX_LABEL:
            continue
        label, copy = short_label(name), 1
        while label in taken:
            copy += 1
            label = short_label(name, MAX_LABEL - len(f" #{copy}")) + f" #{copy}"
        taken.add(label)
        short[name] = label
    return short
