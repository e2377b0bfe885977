"""Importing, while the workers score the documents, the libraries this process needs once they are done.

A run's heavy libraries are imported where first used, so that ``framing --help`` and a bad input cost nothing.
In a run with worker processes that put about 1.5 CPU seconds on the critical path after the map: scipy.stats
(0.45 s, the summaries' bootstrap), the rest of NLTK for the stemmer (0.25–0.5 s, the alignment), scikit-learn's
text features, and matplotlib with the figure modules (0.25 s here and again in every forked child that draws).
Meanwhile, during the map, this process only hands out batches and collects results, and the workers leave part
of the cores idle (starting up, and the last batches). A thread imports them then, so later stages and the
children forked to draw the figures find them loaded.

Only with worker processes: in a one-process run the map holds the interpreter and nothing would overlap. The
thread is started once the workers are forked (a fork while another thread holds an import lock can leave the
child waiting on it forever) and joined before this process forks again or imports on its own, so no two
threads import at once. An import that fails here is left to fail where the module is used, with its message.
"""

from __future__ import annotations

import importlib
import threading
from collections.abc import Callable, Sequence

# What every run with workers needs after the map.
AFTER_MAP = ("scipy.stats", "framing.align.features", "framing.align.grouping")


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
