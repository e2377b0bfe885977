"""Every figure of a run, from an :class:`~framing.tables.Analysis`, keyed by the stems in :data:`FIGURES`.

This is the one place that knows which table of a run feeds which figure. It returns Figures and never saves
them (``report.drawing.save_figure`` does, and closes them).
"""

from __future__ import annotations

import dataclasses
import warnings
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

import pandas as pd
from matplotlib.figure import Figure

from ..errors import FramingWarning
from ..views import check_pair, default_pair, ranked_documents
from ._common import NothingToShow, nothing_to_show, say_groups, short_names
from .agency import agency_figure, agency_spread_figure
from .attribution import attribution_figure
from .events import event_figure
from .labels import labels_figure, labels_spread_figure
from .loaded import loaded_terms_figure, top_terms_figure
from .registry import FIGURES
from .sections import headline_body_figure, headline_body_spread_figure
from .rewrites import rewrite_figure, rewrite_spread_figure
from .sentiment import sentiment_arc_figure, sentiment_distribution_figure
from .shift import word_shift_figure
from .spread import (arc_spread_figure, attribution_spread_figure, corpus_terms_figure, events_spread_figure,
                     loaded_spread_figure, sentiment_spread_figure)

if TYPE_CHECKING:
    from ..tables import Analysis
    from ..views import View


def build_figures(analysis: Analysis, *, pair: tuple[str, str] | None = None, view: View | None = None
                  ) -> dict[str, Figure]:
    """Draw every registered figure for one run (all at once; :func:`iter_figures` draws them one by one).

    Parameters
    ----------
    analysis
        A :class:`~framing.tables.Analysis` (for the ``groups`` view, its :func:`~framing.groups.group_view`).
        Figures 1–6 use the summarised sections (``analysis.summary_sentences``); figure 7 uses every sentence so
        headlines, bullets and captions show.
    pair
        ``(doc_a, doc_b)`` for the word shift (figure 5); default :func:`default_pair`.
    view
        A :class:`~framing.views.View`; default :func:`~framing.views.choose_view` of the analysis. The
        ``spread`` view draws the many-document figures of :mod:`framing.figures.spread`.

    Returns
    -------
    dict from file stem (``01_sentiment_distribution`` …, see :data:`FIGURES`) to Figure, in stem order. A
    figure with nothing to show (e.g. no loaded terms anywhere, one document only for the word shift) is left
    out with a :class:`~framing.errors.FramingWarning` saying why. A ``pair`` naming an unknown document
    raises :class:`~framing.errors.FramingError`.
    """
    return dict(iter_figures(analysis, pair=pair, view=view))


def iter_figures(analysis: Analysis, *, pair: tuple[str, str] | None = None, view: View | None = None
                 ) -> Iterator[tuple[str, Figure]]:
    """The figures of :func:`build_figures`, drawn one at a time as the iterator advances, so a caller can save
    and close each before the next is drawn. The pair is checked before anything is drawn."""
    for stem, make in figure_makers(analysis, pair=pair, view=view).items():
        figure = drawn(stem, make)
        if figure is not None:
            yield stem, figure


def figure_makers(analysis: Analysis, *, pair: tuple[str, str] | None = None, view: View | None = None
                  ) -> dict[str, Callable[[], Figure]]:
    """For each stem of :data:`FIGURES`, in order, a function that draws that figure (nothing is drawn yet).
    The pair is checked here, so a bad pair is refused before any figure is drawn; a maker may raise
    :class:`~._common.NothingToShow` (see :func:`drawn`)."""
    from ..views import choose_view

    order = analysis.order
    view = view or getattr(analysis, "view", None)
    if view is None:
        documents = getattr(analysis, "documents", None)
        view = choose_view(pd.DataFrame({"doc_id": order}) if documents is None else documents,
                           getattr(analysis, "group_by", None))
    if pair is not None:
        check_pair(pair, order)
    # The pipeline decides the default pair (it computes the contributions the word shift reads).
    pair = pair or getattr(analysis, "word_shift_pair", None)
    analysis, pair = _with_short_names(analysis, pair)
    makers = _spread_makers(analysis, pair) if view.kind == "spread" else _side_by_side_makers(analysis, pair)
    assert list(makers) == list(FIGURES), "the figure makers and FIGURES must list the same stems"
    return makers


def drawn(stem: str, make: Callable[[], Figure]) -> Figure | None:
    """The figure ``make`` draws, or ``None`` with a :class:`~framing.errors.FramingWarning` saying why when it
    has nothing to show."""
    try:
        return make()
    except NothingToShow as error:
        warnings.warn(f"figure {stem} left out: {error}", FramingWarning, stacklevel=3)
        return None


def _with_short_names(analysis: Analysis, pair: tuple[str, str] | None
                      ) -> tuple[Analysis, tuple[str, str] | None]:
    """The analysis and pair with each doc_id (or group) longer than :data:`~._common.MAX_LABEL` written as its
    short label in every table the figures read: a 5,000-character id collapsed every axis. The run's own tables
    keep the full ids."""
    short = short_names(analysis.order) if dataclasses.is_dataclass(analysis) else {}
    if not short:
        return analysis, pair

    def renamed(value):
        if isinstance(value, pd.DataFrame) and "doc_id" in value.columns:
            return value.assign(doc_id=value["doc_id"].map(lambda name: short.get(str(name), name)))
        return value

    changes = {field.name: renamed(getattr(analysis, field.name)) for field in dataclasses.fields(analysis)}
    changes["corpus"] = dataclasses.replace(analysis.corpus, documents=renamed(analysis.corpus.documents))
    rename_pair = (lambda names: tuple(short.get(str(name), name) for name in names) if names else names)
    changes["word_shift_pair"] = rename_pair(analysis.word_shift_pair)
    return dataclasses.replace(analysis, **changes), rename_pair(pair)


def _word_shift(analysis: Analysis, pair: tuple[str, str] | None, order: list[str]) -> Callable[[], Figure]:
    entity = _unit(analysis)

    def draw() -> Figure:
        if pair is None:
            raise nothing_to_show("a word shift needs two documents; figure 5 has nothing to show")
        if not getattr(analysis, "with_contributions", True):
            raise nothing_to_show("word contributions were skipped (--no-contributions); figure 5 (word shift) "
                                  "needs them")
        from ..tables import word_shift_table

        # The run's table when the pair is the run's own; another pair (a caller's choice) is computed by the
        # tables module, never here.
        table = getattr(analysis, "word_shift", None)
        if table is None or tuple(pair) != tuple(getattr(analysis, "word_shift_pair", None) or ()):
            table = word_shift_table(analysis, pair)
        summary = analysis.summary_sentences
        return word_shift_figure(table, doc_a=pair[0], doc_b=pair[1], sentences=summary[summary["doc_id"].isin(pair)],
                                 order=order, entity=entity)
    return draw


def _side_by_side_makers(analysis: Analysis, pair: tuple[str, str] | None) -> dict[str, Callable[[], Figure]]:
    """Figures with one row, bar or panel per document (or group): for up to a dozen of them."""
    order = analysis.order
    summary = analysis.summary_sentences
    pair = pair or default_pair(analysis.sentiment_summary, order)
    entity = _unit(analysis)

    def sentiment_arc() -> Figure:
        if getattr(analysis, "group_by", None) is not None:
            raise nothing_to_show(f"the sentiment arc follows one document from start to end; documents are "
                                  f"grouped by {analysis.group_by}, so figure 7 has nothing to show")
        return sentiment_arc_figure(analysis.sentences, analysis.sentences, order=order)

    return {
        "01_sentiment_distribution": lambda: sentiment_distribution_figure(
            summary, analysis.sentiment_summary, order=order, entity=entity),
        "02_loaded_terms_by_voice": lambda: loaded_terms_figure(analysis.loaded_summary, sentences=summary,
                                                                order=order, entity=entity),
        "03_top_loaded_terms": lambda: top_terms_figure(analysis.term_counts, sentences=summary, order=order,
                                                        entity=entity),
        "04_attribution_profile": lambda: attribution_figure(analysis.attribution_summary, order=order,
                                                             entity=entity),
        "05_word_shift": _word_shift(analysis, pair, order),
        "06_events": lambda: event_figure(analysis.comparison, order=order, entity=entity),
        "07_sentiment_arc": sentiment_arc,
        "08_harm_agency": lambda: agency_figure(analysis.documents, order=order, entity=entity),
        "09_who_is_called_what": lambda: labels_figure(analysis.labels, sentences=analysis.sentences,
                                                         order=order, unit=entity),
        "10_neutral_rewrite": lambda: rewrite_figure(_with_rewrites(analysis.documents), order=order,
                                                      entity=entity),
        "11_headline_vs_body": lambda: headline_body_figure(_by_section(analysis), order=order, entity=entity),
    }


def _spread_makers(analysis: Analysis, pair: tuple[str, str] | None) -> dict[str, Callable[[], Figure]]:
    """Figures for many documents: each measure's spread across documents (:mod:`framing.figures.spread`)."""
    documents = analysis.documents
    if pair is None:
        # The two most different documents among those long enough to rank, as the report names them.
        pair = default_pair(analysis.sentiment_summary, ranked_documents(documents)["doc_id"].astype(str).tolist())
    makers = {
        "01_sentiment_distribution": lambda: sentiment_spread_figure(documents),
        "02_loaded_terms_by_voice": lambda: loaded_spread_figure(analysis.loaded_summary, documents),
        "03_top_loaded_terms": lambda: corpus_terms_figure(analysis.term_counts, documents),
        "04_attribution_profile": lambda: attribution_spread_figure(documents),
        "05_word_shift": _word_shift(analysis, pair, list(pair or ())),
        "06_events": lambda: events_spread_figure(analysis.comparison),
        "07_sentiment_arc": lambda: _arc_of_documents(analysis),
        "08_harm_agency": lambda: agency_spread_figure(documents),
        "09_who_is_called_what": lambda: labels_spread_figure(analysis.labels, sentences=analysis.sentences,
                                                                unit=_unit(analysis)),
        "10_neutral_rewrite": lambda: rewrite_spread_figure(_with_rewrites(documents)),
        "11_headline_vs_body": lambda: _headline_spread(analysis),
    }
    if getattr(analysis, "group_by", None) is None:
        return makers
    # Too many groups for side by side: each point of the spread figures is a group.
    return {stem: (lambda make=make: say_groups(make())) for stem, make in makers.items()}


def _by_section(analysis: Analysis) -> pd.DataFrame:
    """The run's per-section table; empty for an analysis made without one (figure 11 then says so)."""
    table = getattr(analysis, "by_section", None)
    return pd.DataFrame() if table is None else table


def _headline_spread(analysis: Analysis) -> Figure:
    from ..section_summary import headline_contrast

    by_section = _by_section(analysis)
    if by_section.empty:
        raise nothing_to_show("no per-section table; figure 11 (headline vs body) has nothing to show")
    return headline_body_spread_figure(headline_contrast(by_section), len(analysis.order))


def _with_rewrites(documents: pd.DataFrame) -> pd.DataFrame:
    """``documents`` when it has the neutral rewrite's columns (a run's table); else figure 10 has nothing to show
    (an Analysis built without the pipeline)."""
    if "n_rewritten" not in documents.columns:
        raise nothing_to_show("the documents table has no neutral-rewrite columns; figure 10 has nothing to show")
    return documents


def _arc_of_documents(analysis: Analysis) -> Figure:
    if getattr(analysis, "group_by", None) is not None:
        raise nothing_to_show(f"the sentiment arc follows documents from start to end; documents are grouped by "
                              f"{analysis.group_by}, so figure 7 has nothing to show")
    return arc_spread_figure(analysis.sentences)


def _unit(analysis: Analysis) -> str:
    """What a run's "documents" are in its figures: documents, or groups of them."""
    return "document" if getattr(analysis, "group_by", None) is None else "group"
