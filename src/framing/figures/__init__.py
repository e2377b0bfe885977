"""Figures: axes-level plot functions and one figure-level composer per comparison.

Axes-level functions (``sentiment_strip``, ``loaded_rates``, ``top_terms``, ``attribution_shares``,
``attribution_rates``, ``word_shift``, ``event_grid``, ``sentiment_arc``, ``harm_shares``) draw one precomputed
table on ``ax`` (default: the current axes) and return it. Composers (``*_figure``) own a Figure 6.3 in (16 cm)
wide, give every document the colour :func:`palette` assigns to its position in ``order``, title it with what is
measured, the unit and n, and return it. Nothing here saves, shows or changes ``matplotlib.rcParams``: style is
applied with ``plt.rc_context(STYLE)``; saving is the caller's job (``framing.report``, the CLI, ``analysis/``).

Pass the same ``order`` (e.g. the corpus's doc_ids) to every composer so each document keeps its colour; the
default order is the doc_ids present, sorted.
"""

from ._common import NothingToShow
from .agency import agency_figure, agency_spread_figure, harm_shares
from .attribution import attribution_figure, attribution_rates, attribution_shares
from .build import build_figures, default_pair
from .events import event_figure, event_grid
from .labels import labels_figure, labels_spread_figure
from .loaded import loaded_rates, loaded_terms_figure, term_label, top_terms, top_terms_figure
from .registry import FIGURES, FigureInfo
from .rewrites import rewrite_figure, rewrite_shifts, rewrite_spread_figure
from .sentiment import sentiment_arc, sentiment_arc_figure, sentiment_distribution_figure, sentiment_strip
from .shift import word_shift, word_shift_figure
from .style import CATEGORY_LABELS, FIG_WIDTH, OKABE_ITO, STYLE, category_label, palette

__all__ = [
    "CATEGORY_LABELS", "FIGURES", "FIG_WIDTH", "FigureInfo", "NothingToShow", "OKABE_ITO", "STYLE", "agency_figure",
    "agency_spread_figure", "attribution_figure", "attribution_rates", "attribution_shares", "build_figures",
    "category_label", "default_pair", "event_figure", "event_grid", "harm_shares", "labels_figure", "labels_spread_figure", "loaded_rates",
    "loaded_terms_figure", "palette", "sentiment_arc", "sentiment_arc_figure", "sentiment_distribution_figure",
    "sentiment_strip", "term_label", "top_terms", "top_terms_figure", "word_shift", "word_shift_figure",
    "rewrite_figure", "rewrite_shifts", "rewrite_spread_figure",
]
