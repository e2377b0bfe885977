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
    """Return the memory the allocators hold free to the operating system: the C library's (glibc only;
    elsewhere nothing) and, once pyarrow is in use, Arrow's pool, which holds the text of pandas' string columns
    and keeps freed blocks as the C library does (128 MB of them after the groups' pairs at 10,000 articles)."""
    trim = _malloc_trim()
    if trim is not None:
        trim(0)
    arrow = sys.modules.get("pyarrow")  # never imported for this: a run without Arrow strings has nothing there
    if arrow is not None and hasattr(arrow, "default_memory_pool"):
        arrow.default_memory_pool().release_unused()


@cache
def _malloc_trim():
    if not sys.platform.startswith("linux"):
        return None
    try:
        return ctypes.CDLL(None).malloc_trim  # the C library the interpreter runs on
    except (OSError, AttributeError):  # musl and other C libraries have no malloc_trim
        return None
