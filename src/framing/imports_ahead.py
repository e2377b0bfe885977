"""Importing, while the workers score the documents, the libraries this process needs once they are done.

A run's heavy libraries are imported where first used, so that ``framing --help`` and a bad input cost nothing.
In a run with worker processes that put about 1 CPU second on the critical path after the map: scipy.stats
(0.45 s, the summaries' bootstrap), scikit-learn's text features (the alignment), and matplotlib with the figure
modules (0.25 s here and again in every forked child that draws). During the map this process only hands out
batches and collects results, so it imports them then, one module at a time whenever the next result is not ready
(:func:`framing.executor.in_order`'s ``meanwhile``). At 1,000 articles importing beside the map made the map
about 0.4 s longer and the stages after it about 0.9 s shorter (summaries 0.7 → 0.25 s, alignment 2.6 → 2.1 s);
the figure children inherit matplotlib instead of importing it each.

Not in a thread beside the map, as it was until 2026-12: Python's warning filters are process-wide, and importing
scipy, pandas, matplotlib or tqdm enters ``warnings.catch_warnings`` blocks (and ``simplefilter("ignore")``) dozens
of times, so a warning this process raised again from a batch at that moment was dropped — 2 of 19 runs of 1,000
articles lost 1 or 2 of their 42 warnings from ``run.json`` and the report — and two threads entering and leaving
such blocks out of step can leave the filters of one in place for the rest of the run.

Only with worker processes (in a one-process run the map holds the interpreter and nothing would overlap), and
only up to :data:`MAX_CHARACTERS` of text: at 10,000 articles, importing beside the map raised the run's peak
resident size by 50–130 MB (1.84–1.86 GB → 1.91–1.97 GB in three runs; the modules' objects lie among the batches'
and keep freed memory from going back), while the imports are under 1% of such a run. An import that fails here
is left to fail where the module is used, with its message.
"""

from __future__ import annotations

import importlib
from collections import deque
from collections.abc import Callable, Sequence

# What every run with workers needs after the map, in steps of under a second each (scipy.stats, the longest: 0.8 s),
# so that the workers, which hold two batches each, are not left long without work while this process imports.
AFTER_MAP = ("scipy.stats", "sklearn.feature_extraction.text", "framing.align.features", "framing.align.grouping")
# Most text a corpus may hold for its imports to be made beside the map (about 3,000 articles of 25 sentences).
MAX_CHARACTERS = 10_000_000


def pays(n_characters: int, *, workers: bool) -> bool:
    """Whether importing ahead pays for a run of ``n_characters`` characters of text (module docstring)."""
    return workers and n_characters <= MAX_CHARACTERS


class ImportsAhead:
    """The imports of ``modules``, made one :meth:`step` at a time; pass :meth:`step` as ``map_batches``'s
    ``meanwhile``.

    Use as a context manager around the map: leaving the block makes the imports not yet made (not on an error).
    """

    def __init__(self, modules: Sequence[str] = AFTER_MAP, *, enabled: bool = True):
        steps: list[Callable[[], object]] = [lambda name=name: importlib.import_module(name) for name in modules]
        self._steps = deque(steps if enabled else ())

    def __enter__(self) -> ImportsAhead:
        return self

    def __exit__(self, kind, error, trace) -> None:
        if kind is None:  # an error is not held up by imports it no longer needs
            self.finish()

    def step(self) -> bool:
        """Make the next import; ``False`` when none was left."""
        if not self._steps:
            return False
        step = self._steps.popleft()
        try:
            step()
        except Exception:  # noqa: BLE001 — imported again where used, which raises with the user-facing message
            pass
        return True

    def finish(self) -> None:
        """Make every import not yet made."""
        while self.step():
            pass
