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


def test_arrows_pool_is_emptied_too_once_pyarrow_is_in_use(monkeypatch):
    pa = pytest.importorskip("pyarrow")
    released = []

    class Pool:
        def release_unused(self):
            released.append(True)

    monkeypatch.setattr(pa, "default_memory_pool", lambda: Pool())
    heap.release_freed_memory()
    assert released == [True]
    monkeypatch.delitem(sys.modules, "pyarrow")
    heap.release_freed_memory()  # not imported for this
    assert released == [True] and "pyarrow" not in sys.modules


@pytest.mark.slow
def test_arrows_freed_blocks_are_returned():
    pa = pytest.importorskip("pyarrow")
    if pa.default_memory_pool().backend_name == "system":
        pytest.skip("Arrow allocates from the C library here")
    held = [pa.array(["x" * 1000] * 20_000) for _ in range(10)]  # 200 MB of text in Arrow's pool
    keep = held.pop()  # the last array stays, so the pool cannot simply be empty
    del held
    kept = resident_mb()
    heap.release_freed_memory()
    assert resident_mb() < kept - 100
    assert len(keep) == 20_000
