"""Importing, while the workers score the documents, the libraries this process needs once they are done.

A run's heavy libraries are imported where first used, so that ``framing --help`` and a bad input cost nothing.
In a run with worker processes that put about 1.5 CPU seconds on the critical path after the map: scipy.stats
(0.45 s, the summaries' bootstrap), the rest of NLTK for the stemmer (0.25–0.5 s, the alignment), scikit-learn's
text features, and matplotlib with the figure modules (0.25 s here and again in every forked child that draws).
During the map this process only hands out batches and collects results, so a thread imports them then. At
1,000 articles that made the map about 0.4 s longer and the stages after it about 0.9 s shorter (summaries
0.7 → 0.25 s, alignment 2.6 → 2.1 s); the figure children inherit matplotlib instead of importing it each.

Only with worker processes (in a one-process run the map holds the interpreter and nothing would overlap), and
only up to :data:`MAX_CHARACTERS` of text: at 10,000 articles, importing beside the map raised the run's peak
resident size by 50–130 MB (1.84–1.86 GB → 1.91–1.97 GB in three runs; the modules' objects lie among the batches'
and keep freed memory from going back), while the imports are under 1% of such a run. The thread is started once
the workers are forked (a fork while another thread holds an import lock can leave the child waiting on it
forever) and joined before this process forks again or imports on its own, so no two threads import at once. An
import that fails here is left to fail where the module is used, with its message.
"""

from __future__ import annotations

import importlib
import threading
from collections.abc import Callable, Sequence

# What every run with workers needs after the map.
AFTER_MAP = ("scipy.stats", "framing.align.features", "framing.align.grouping")
# Most text a corpus may hold for its imports to be made beside the map (about 3,000 articles of 25 sentences).
MAX_CHARACTERS = 10_000_000


def pays(n_characters: int, *, workers: bool) -> bool:
    """Whether importing ahead pays for a run of ``n_characters`` characters of text (module docstring)."""
    return workers and n_characters <= MAX_CHARACTERS


def _complete_nltk() -> None:
    from .nltk_parts import snowball_stemmer

    snowball_stemmer("english")


class ImportsAhead:
    """A thread importing ``modules`` (and completing NLTK for the stemmer); :meth:`wait` joins it.

    Use as a context manager around the map: leaving the block waits for the imports (not on an error).
    """

    def __init__(self, modules: Sequence[str] = AFTER_MAP, *, enabled: bool = True):
        steps: list[Callable[[], object]] = [_complete_nltk]
        steps += [lambda name=name: importlib.import_module(name) for name in modules]
        self._thread = threading.Thread(target=_run_all, args=(steps,), name="framing-imports", daemon=True) \
            if enabled else None

    def __enter__(self) -> ImportsAhead:
        if self._thread is not None:
            self._thread.start()
        return self

    def __exit__(self, kind, error, trace) -> None:
        if kind is None:  # an error is not held up by imports it no longer needs
            self.wait()

    def wait(self) -> None:
        """Return once every import is done (at once when the thread was never started or is done)."""
        if self._thread is not None and self._thread.is_alive():
            self._thread.join()


def _run_all(steps: list[Callable[[], object]]) -> None:
    for step in steps:
        try:
            step()
        except Exception:  # noqa: BLE001 — imported again where used, which raises with the user-facing message
            pass
