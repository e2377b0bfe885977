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

from __future__ import annotations

from ..lazy_exports import lazy_exports

# Imported when first asked for (framing.lazy_exports): reading the registry (which figures read the alignment)
# must not import matplotlib in the process that aligns.
__getattr__, __dir__, __all__ = lazy_exports(__name__, {
    "_common": ("NothingToShow",),
    "agency": ("agency_figure", "agency_spread_figure", "harm_shares"),
    "attribution": ("attribution_figure", "attribution_rates", "attribution_shares"),
    "build": ("build_figures", "default_pair"),
    "events": ("event_figure", "event_grid"),
    "labels": ("labels_figure", "labels_spread_figure"),
    "loaded": ("loaded_rates", "loaded_terms_figure", "term_label", "top_terms", "top_terms_figure"),
    "registry": ("FIGURES", "FigureInfo"),
    "rewrites": ("rewrite_figure", "rewrite_shifts", "rewrite_spread_figure"),
    "sentiment": ("sentiment_arc", "sentiment_arc_figure", "sentiment_distribution_figure", "sentiment_strip"),
    "shift": ("word_shift", "word_shift_figure"),
    "style": ("CATEGORY_LABELS", "FIG_WIDTH", "OKABE_ITO", "STYLE", "category_label", "palette"),
})
