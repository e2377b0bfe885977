"""Where the map runs: results in input order whatever the engine, a bounded number of batches in flight."""

import os
import threading
from pathlib import Path

import pytest

from framing.errors import FramingError
from framing.executor import WORKER_NAME, auto_jobs, check_engine, in_order, map_batches


def square(x):
    return x * x


class Done:
    """A finished future."""

    def __init__(self, value):
        self.value = value

    def result(self):
        return self.value


def test_in_order_keeps_order_and_bounds_what_is_outstanding():
    submitted, outstanding, most = [], [0], [0]

    def submit(item):
        submitted.append(item)
        outstanding[0] += 1
        most[0] = max(most[0], outstanding[0])

        class Future:
            def result(self_inner):
                outstanding[0] -= 1
                return item * 10
        return Future()

    assert list(in_order(submit, range(7), in_flight=3)) == [0, 10, 20, 30, 40, 50, 60]
    assert submitted == list(range(7)) and most[0] == 3


def test_in_order_never_reads_a_stream_ahead_in_full():
    read = []

    def stream():
        for k in range(100):
            read.append(k)
            yield k

    results = in_order(Done, stream(), in_flight=2)
    assert next(results) == 0
    assert len(read) == 2  # one result asked for: only the in-flight window was read


@pytest.mark.parametrize("jobs", [1, 2])
def test_map_batches_gives_results_in_input_order(jobs):
    assert list(map_batches(square, iter(range(9)), jobs=jobs)) == [k * k for k in range(9)]


def test_map_batches_runs_in_this_process_for_one_job():
    threads = list(map_batches(lambda _: threading.get_ident(), range(3), jobs=1))
    assert set(threads) == {threading.get_ident()}


def test_unknown_engine_and_bad_jobs_are_input_errors():
    with pytest.raises(FramingError, match="unknown engine 'spark'; choose from local, dask"):
        check_engine("spark", None)
    for jobs in (0, -1, 1.5):
        with pytest.raises(FramingError, match="jobs must be a whole number of at least 1"):
            check_engine("local", jobs)
    check_engine("dask", 2)  # no error


def test_worker_processes_only_for_corpora_large_enough():
    cores = len(os.sched_getaffinity(0))
    assert auto_jobs(10, 50_000, "local") == 1
    assert auto_jobs(199, 999_999, "local") == 1
    # Many short documents are worth the workers (BABE: 3,674 sentences, 680,000 characters) ...
    assert auto_jobs(200, 1_000, "local") == cores
    # ... and so are a few long ones (each is a batch of its own).
    assert auto_jobs(3, 1_000_000, "local") == cores
    assert auto_jobs(1, 10, "dask") == cores


def test_the_pool_ends_as_soon_as_its_last_work_is_done():
    import time

    from framing.executor import end_when_done, worker_pool

    with worker_pool(2, "local") as pool:
        futures = [pool.submit(square, x) for x in range(6)]
        processes = list(pool._processes.values())
        end_when_done(pool, futures)
        deadline = time.monotonic() + 30
        while any(process.is_alive() for process in processes) and time.monotonic() < deadline:
            time.sleep(0.05)
        # the workers are gone while the run is still inside the pool's block; the results stay
        assert not any(process.is_alive() for process in processes)
        assert [future.result() for future in futures] == [0, 1, 4, 9, 16, 25]


def test_the_block_may_end_while_the_watcher_ends_the_pool():
    # The end of the run's block and end_when_done's thread both shut the pool down; unserialised, the second
    # closed the result queue again and failed with EBADF (seen when the workers' last work finished just as the
    # run left the block). Many short pools make the race likely.
    from framing.executor import end_when_done, worker_pool

    for _ in range(12):
        with worker_pool(2, "local") as pool:
            futures = [pool.submit(square, 3)]
            end_when_done(pool, futures)
            assert futures[0].result() == 9
        assert pool._processes is None  # ended, once


def process_name(_):
    return Path("/proc/self/comm").read_text(encoding="ascii").strip()


@pytest.mark.skipif(not Path("/proc/self/comm").exists(), reason="process names are read from Linux's /proc")
def test_workers_are_named_and_this_process_keeps_its_name():
    own = process_name(None)
    assert set(map_batches(process_name, range(4), jobs=2)) == {WORKER_NAME}
    assert process_name(None) == own != WORKER_NAME


class Later:
    """A future that is done once ``steps`` of the caller's own work have been made."""

    def __init__(self, value, log, steps):
        self.value, self.log, self.steps = value, log, steps

    def done(self):
        return self.log.count("step") >= self.steps

    def result(self):
        self.log.append(f"result {self.value}")
        return self.value


def test_in_order_does_its_own_work_while_a_result_is_not_ready_and_only_then():
    log, work = [], iter(range(3))

    def meanwhile():
        if next(work, None) is None:
            return False
        log.append("step")
        return True

    results = list(in_order(lambda x: Later(x, log, steps=2 if x == "b" else 0), ["a", "b", "c"], in_flight=1,
                            meanwhile=meanwhile))
    assert results == ["a", "b", "c"]
    # "a" was ready: no step; "b" waited for two; "c" was ready; the third step was never needed
    assert log == ["result a", "step", "step", "result b", "result c"]
