"""Progress on stderr for the stages of a run that can take more than a second.

Bars and stage lines appear only when asked for (the CLI asks) and only on a terminal, as tqdm decides, so logs,
tests and notebooks stay quiet.
"""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager

from tqdm.auto import tqdm


def progress_bar(iterable: Iterable | None = None, *, shown: bool, **options) -> tqdm:
    """A tqdm bar (``options`` as tqdm's) that stays on screen when done, shown only when asked and on a terminal —
    and drawn at ``COLUMNS`` × ``LINES`` or 80 × 24 (:func:`shutil.get_terminal_size`'s fallback) where the
    terminal reports a size of 0: a new pseudo-terminal, ``script``, some editors' consoles, on which tqdm fits its
    bars to no width and hides them below row 0, so drew nothing at all."""
    return tqdm(iterable, disable=None if shown else True, leave=True, **(_size_fallback() if shown else {}),
                **options)


def _size_fallback() -> dict[str, int]:
    """tqdm's ``ncols`` and ``nrows`` when stderr is a terminal that reports a size of 0; empty otherwise (tqdm
    asks the terminal)."""
    try:
        reported = os.get_terminal_size(sys.stderr.fileno())
    except (OSError, ValueError, AttributeError):  # not a terminal, or no stderr: tqdm shows nothing anyway
        return {}
    if reported.columns and reported.lines:
        return {}
    fallback = shutil.get_terminal_size()
    return {"ncols": reported.columns or fallback.columns, "nrows": reported.lines or fallback.lines}


@contextmanager
def stage(label: str, shown: bool) -> Iterator[None]:
    """One line for a stage with no countable steps: its name while it runs, then how long it took."""
    bar = progress_bar(total=1, desc=label, bar_format="{desc}: {elapsed}", shown=shown)
    try:
        yield
        bar.update(1)
    finally:
        bar.close()


# Seconds a step within a stage runs before its bar shows (``steps(..., delayed=True)``): such steps are over at
# once on most corpora and take minutes on a few (the alignment of 10,000 articles whose sentences share many
# words), and a bar for each on every run would be noise.
DELAY_SECONDS = 1.0


def steps(items: Iterable, label: str, *, total: int | None, unit: str, shown: bool,
          delayed: bool = False, done: int = 0) -> Iterable:
    """``items`` with a progress bar named ``label``; ``delayed``: shown only once :data:`DELAY_SECONDS` have
    passed; ``done``: steps finished before ``items`` (counted at the start, and not in the rate)."""
    return progress_bar(items, desc=label, total=total, unit=unit, delay=DELAY_SECONDS if delayed else 0,
                        initial=done, shown=shown)


@contextmanager
def counted(label: str, *, total: int, unit: str, shown: bool) -> Iterator[Callable[[int], object]]:
    """A bar for work measured in units rather than steps (cells written, say): yields the function that adds
    to the count."""
    bar = progress_bar(total=total, desc=label, unit=unit, unit_scale=True, shown=shown)
    try:
        yield bar.update
    finally:
        bar.close()
