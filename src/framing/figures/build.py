"""Every figure of a run, from an :class:`~framing.pipeline.Analysis`, keyed by the stems in :data:`FIGURES`.

This is the one place that knows which table of a run feeds which figure. It returns Figures and never saves
them (``report.save_figure`` does, and closes them).
"""

from __future__ import annotations

import itertools
import warnings
from collections.abc import Callable

import pandas as pd
from matplotlib.figure import Figure

from ..errors import FramingWarning, input_error
from ._common import NothingToShow, nothing_to_show
from .attribution import attribution_figure
from .events import event_figure
from .loaded import loaded_terms_figure, top_terms_figure
from .registry import FIGURES
from .sentiment import sentiment_arc_figure, sentiment_distribution_figure
from .shift import word_shift_figure


def default_pair(sentiment_summary: pd.DataFrame, order: list[str]) -> tuple[str, str] | None:
    """The two documents whose mean sentence compound differs most (earlier in ``order`` first; ties → the
    pair met first in ``order``); ``None`` with fewer than two documents."""
    means = (sentiment_summary.assign(doc_id=sentiment_summary["doc_id"].astype(str))
             .set_index("doc_id")["mean_compound"].reindex(order).dropna())
    pairs = list(itertools.combinations(means.index, 2))
    if not pairs:
        return None
    return max(pairs, key=lambda p: (abs(means[p[0]] - means[p[1]]), -order.index(p[0]), -order.index(p[1])))


def build_figures(analysis, *, pair: tuple[str, str] | None = None) -> dict[str, Figure]:
    """Draw figures 1–7 for one run.

    Parameters
    ----------
    analysis
        A :class:`~framing.pipeline.Analysis`. Figures 1–6 use the summarised sections
        (``analysis.summary_sentences``); figure 7 uses every sentence so headlines, bullets and captions show.
    pair
        ``(doc_a, doc_b)`` for the word shift (figure 5); default :func:`default_pair`.

    Returns
    -------
    dict from file stem (``01_sentiment_distribution`` …, see :data:`FIGURES`) to Figure, in stem order. A
    figure with nothing to show (e.g. no loaded terms anywhere, one document only for the word shift) is left
    out with a :class:`~framing.errors.FramingWarning` saying why. A ``pair`` naming an unknown document
    raises :class:`~framing.errors.FramingError`.
    """
    order = analysis.order
    summary = analysis.summary_sentences
    if pair is not None:
        unknown = [doc_id for doc_id in pair if doc_id not in order]
        if unknown or len(pair) != 2 or pair[0] == pair[1]:
            raise input_error(None, f"--pair needs two different doc_ids from: {', '.join(order)}; got "
                                    f"{', '.join(map(str, pair))}")
    pair = pair or default_pair(analysis.sentiment_summary, order)

    def word_shift() -> Figure:
        if pair is None:
            raise nothing_to_show("a word shift needs two documents; figure 5 has nothing to show")
        if not getattr(analysis, "with_contributions", True):
            raise nothing_to_show("word contributions were skipped (--no-contributions); figure 5 (word shift) "
                                  "needs them")
        from ..scorers.sentiment import word_shift as shift_table

        keys = summary[["doc_id", "sent_id"]]
        contributions = analysis.contributions.merge(keys, on=["doc_id", "sent_id"])
        return word_shift_figure(shift_table(contributions, summary, *pair), doc_a=pair[0], doc_b=pair[1],
                                 sentences=summary, order=order)

    def sentiment_arc() -> Figure:
        if getattr(analysis, "group_by", None) is not None:
            raise nothing_to_show(f"the sentiment arc follows one document from start to end; documents are "
                                  f"grouped by {analysis.group_by}, so figure 7 has nothing to show")
        return sentiment_arc_figure(analysis.sentences, analysis.sentences, order=order)

    makers: dict[str, Callable[[], Figure]] = {
        "01_sentiment_distribution": lambda: sentiment_distribution_figure(
            summary, analysis.sentiment_summary, order=order),
        "02_loaded_terms_by_voice": lambda: loaded_terms_figure(analysis.loaded_summary, sentences=summary,
                                                                order=order),
        "03_top_loaded_terms": lambda: top_terms_figure(analysis.term_counts, sentences=summary, order=order),
        "04_attribution_profile": lambda: attribution_figure(analysis.attribution_summary, order=order),
        "05_word_shift": word_shift,
        "06_events": lambda: event_figure(analysis.comparison, order=order),
        "07_sentiment_arc": sentiment_arc,
    }
    assert list(makers) == list(FIGURES), "build_figures and FIGURES must list the same stems"
    figures = {}
    for stem, make in makers.items():
        try:
            figures[stem] = make()
        except NothingToShow as error:
            warnings.warn(f"figure {stem} left out: {error}", FramingWarning, stacklevel=2)
    return figures
