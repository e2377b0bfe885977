"""The neutral rewrite: sentences with the writer's own loaded words swapped for the lexicon's neutral ones.

:mod:`.swaps` reads the lexicon's ``neutral`` column, :mod:`.inflection` gives a swap the hit's ending, case and
article, :mod:`.sentence` rewrites one sentence, :mod:`.scorer` makes the ``rewrites`` table and its per-document
summary.
"""

from __future__ import annotations

from .scorer import (REWRITE_COLUMNS, REWRITE_SUMMARY_COLUMNS, NeutralRewriter, empty_rewrites, shown_spans,
                     summarise_rewrites)
from .sentence import Hit, Rewrite, rewrite_sentence
from .swaps import Swap, swap_for

__all__ = ["Hit", "NeutralRewriter", "REWRITE_COLUMNS", "REWRITE_SUMMARY_COLUMNS", "Rewrite", "Swap",
           "empty_rewrites", "rewrite_sentence", "shown_spans", "summarise_rewrites", "swap_for"]
