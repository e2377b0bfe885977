"""Freed memory is handed back to the operating system between stages (glibc's malloc_trim)."""

import sys

import pytest

from framing import heap


def resident_mb() -> int:
    return int(open("/proc/self/status").read().split("VmRSS:")[1].split()[0]) // 1024


@pytest.mark.skipif(heap._malloc_trim() is None, reason="needs glibc's malloc_trim")
def test_freed_blocks_the_allocator_kept_are_returned():
    raised = bytearray(40_000_000)  # once freed, glibc serves blocks up to this size from its heap
    del raised
    blocks = [bytearray(100_000) for _ in range(2000)]  # 200 MB on the heap
    del blocks[:-1]  # the last block pins the heap's top: free() alone returns nothing
    kept = resident_mb()
    heap.release_freed_memory()
    assert resident_mb() < kept - 150


def test_does_nothing_without_glibc(monkeypatch):
    heap._malloc_trim.cache_clear()
    monkeypatch.setattr(sys, "platform", "darwin")
    try:
        assert heap._malloc_trim() is None
        heap.release_freed_memory()  # no error
    finally:
        heap._malloc_trim.cache_clear()
