"""Handing freed memory back to the operating system between the long stages of a run.

CPython frees a stage's temporaries (a block of sparse products, a table's formatted CSV rows, a figure's
intermediate tables), but the C library's allocator keeps the freed pages for later use instead of returning them.
Over a corpus run those pages add up: at 10,000 articles grouped by outlet the process held about 400 MB more
than it used when the figures were drawn (benchmarks/RESULTS.md, "Corpus scale: session 11"), and that was the
run's peak of memory. ``malloc_trim`` returns them; it takes a few milliseconds. Distributed's workers do the same
for the same reason.
"""

from __future__ import annotations

import ctypes
import sys
from functools import cache


def release_freed_memory() -> None:
    """Return the memory the allocator holds free to the operating system (glibc only; elsewhere nothing)."""
    trim = _malloc_trim()
    if trim is not None:
        trim(0)


@cache
def _malloc_trim():
    if not sys.platform.startswith("linux"):
        return None
    try:
        return ctypes.CDLL(None).malloc_trim  # the C library the interpreter runs on
    except (OSError, AttributeError):  # musl and other C libraries have no malloc_trim
        return None
