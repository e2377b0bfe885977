"""Where the per-document map runs: this process, local worker processes, or a local Dask cluster.

Scoring is a map over batches of documents whose results must come back in input order, with a streamed corpus
never read ahead in full. This module knows nothing of what the work is; :mod:`framing.pipeline` hands it a
function and batches. Nothing here imports another module of framing except :mod:`framing.errors`.
"""

from __future__ import annotations

import collections
import concurrent.futures
import gc
import logging
import multiprocessing
import os
import threading
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from pathlib import Path
from typing import Literal, TypeVar, get_args

from .errors import FramingError, input_error

Engine = Literal["local", "dask"]
ENGINES: tuple[str, ...] = get_args(Engine)
# Below this many documents, and this many characters of text, one process is faster: starting workers and
# sending them batches costs about a second, which a few hundred articles do not pay back (measured on 2 cores).
# BABE's 3,674 one-sentence documents are 680,000 characters and took 6.4 s to score on one core of two; three
# documents of 8,000 sentences (3.2 million characters, a batch each) score on two workers 1.5 s faster.
AUTO_JOBS_DOCUMENTS = 200
AUTO_JOBS_CHARACTERS = 1_000_000

# What a run's processes are called where the system lists them (``top``, ``ps -o comm``): the run itself keeps
# its command's name. At most 15 characters (Linux keeps no more).
WORKER_NAME = "framing-worker"
FIGURES_NAME = "framing-figures"

Batch = TypeVar("Batch")
Result = TypeVar("Result")


def check_engine(engine: str, jobs: int | None) -> None:
    """Refuse an unknown engine or a ``jobs`` that is not a whole number of at least 1."""
    if engine not in ENGINES:
        raise input_error(None, f"unknown engine {engine!r}; choose from {', '.join(ENGINES)}")
    if jobs is not None and (not isinstance(jobs, int) or jobs < 1):
        raise input_error(None, f"jobs must be a whole number of at least 1, got {jobs!r}")


def available_cores() -> int:
    """The cores this process may run on (its CPU affinity where the system tells it, else the machine's)."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def auto_jobs(n_documents: int, n_characters: int, engine: Engine) -> int:
    """Worker processes when the user did not say: one per core for a corpus large enough to pay for starting
    them (:data:`AUTO_JOBS_DOCUMENTS` documents or :data:`AUTO_JOBS_CHARACTERS` characters of text, as
    :func:`framing.pipeline.document_batches` counts them before any work), else one; every core for Dask."""
    cores = available_cores()
    if engine == "dask" or n_documents >= AUTO_JOBS_DOCUMENTS or n_characters >= AUTO_JOBS_CHARACTERS:
        return cores
    return 1


def map_batches(work: Callable[[Batch], Result], batches: Iterable[Batch], *, jobs: int = 1,
                engine: Engine = "local", pool: ProcessPoolExecutor | None = None,
                meanwhile: Callable[[], bool] | None = None) -> Iterator[Result]:
    """``work`` over every batch, results in input order: in this process (``jobs=1``), in ``jobs`` processes
    with at most ``2 × jobs`` batches in flight (so a streamed corpus is never read ahead in full) — those of
    ``pool`` when given (:func:`worker_pool`), else a pool made for this map — or on a local Dask cluster.
    ``meanwhile``: work of this process's own, done a step at a time while it waits for the workers' next result
    (see :func:`in_order`)."""
    if engine == "dask":
        yield from dask_map(work, batches, jobs=jobs)
    elif jobs == 1:
        yield from map(work, batches)
    elif pool is not None:
        yield from in_order(lambda batch: pool.submit(work, batch), batches, in_flight=2 * jobs,
                            meanwhile=meanwhile)
    else:
        with worker_pool(jobs, engine) as own:
            yield from in_order(lambda batch: own.submit(work, batch), batches, in_flight=2 * jobs,
                                meanwhile=meanwhile)


def _ready() -> None:
    """Nothing: submitted to start a pool's workers."""


def _worker_started() -> None:
    """In each worker, once: it takes its name (:func:`name_process`), and what it inherited from this process
    (modules, the lexicon) is set aside from garbage collection. Those objects live as long as the worker, yet each
    full collection walked them all again: 0.31 of a worker's 4.3 CPU seconds at 1,000 articles, 0.09 once they are
    set aside. Not walking them also leaves their pages shared with this process instead of copied."""
    name_process(WORKER_NAME)
    gc.freeze()


def name_process(name: str) -> None:
    """Call this process ``name`` where the system lists processes (Linux: ``top``, ``ps -o comm``; elsewhere
    nothing), so that a user watching a run — and ``benchmarks/scale.py``, which counts each kind's CPU time —
    tells the scoring workers and the figure processes from the run itself."""
    try:
        Path("/proc/self/comm").write_text(name[:15], encoding="ascii")
    except OSError:
        pass


@contextmanager
def worker_pool(jobs: int, engine: Engine) -> Iterator[ProcessPoolExecutor | None]:
    """Local worker processes for the maps of one run (``None`` for one process or Dask).

    The workers start at once, while this process holds little more than the lexicon, and serve
    every later map (word contributions, made beside the alignment; :func:`end_when_done` ends them after it).
    Forking a new pool once the corpus is in memory made each worker share the parent's gigabytes and copy them
    as Python touched their objects: at 10,000 articles the process tree's summed resident size went to 3.2 GB
    while the parent held 1.6 GB.
    """
    if engine != "local" or jobs == 1:
        yield None
        return
    context = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else None)
    pool = ProcessPoolExecutor(max_workers=jobs, mp_context=context, initializer=_worker_started)
    # Forked now, all of them (the fork context starts every worker at the first submit), while this process is
    # still small, before it reads the corpus and imports what it needs after the map (framing.imports_ahead).
    pool.submit(_ready)
    try:
        yield pool
    except BaseException:
        # Ctrl-C or SIGTERM (framing.signals) or a failure: leaving the block would otherwise wait for every
        # batch already queued.
        stop_workers(pool)
        raise
    end_workers(pool)


# Two shutdowns of one pool at once (a watcher thread of end_when_done and the end of the run's block) both close
# its result queue, and the second close fails (EBADF): every shutdown here takes this lock.
_SHUTDOWN = threading.Lock()


def end_workers(pool: ProcessPoolExecutor) -> None:
    """End ``pool``'s worker processes once their work is done (``shutdown``, one at a time; a second call does
    nothing more)."""
    with _SHUTDOWN:
        pool.shutdown(wait=True)


def end_when_done(pool: ProcessPoolExecutor, futures: list) -> None:
    """End ``pool``'s worker processes as soon as ``futures`` (its last work) are done, without waiting here.

    The workers' last map (word contributions) runs beside the alignment, the run's peak of memory: ended the
    moment they finish, their 150–200 MB each are not held through the rest of it. The futures keep their
    results; a later :func:`end_workers` does nothing more.
    """
    def end() -> None:
        concurrent.futures.wait(futures)
        end_workers(pool)

    threading.Thread(target=end, name="end workers", daemon=True).start()


def stop_workers(pool: ProcessPoolExecutor) -> None:
    """Cancel the pool's queued batches and end its worker processes now, not after their current batch."""
    # No public handle on the processes before Python 3.14 (terminate_workers); shutdown() forgets them.
    processes = list((pool._processes or {}).values())
    with _SHUTDOWN:
        pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        process.terminate()
    for process in processes:
        process.join(timeout=5)


def in_order(submit: Callable, items: Iterable, *, in_flight: int,
             meanwhile: Callable[[], bool] | None = None) -> Iterator:
    """Submit ``items`` one by one and yield their results in order, with at most ``in_flight`` outstanding, so
    a streamed input is never read ahead in full. ``submit`` returns anything with ``.result()`` (a
    ``concurrent.futures`` or Dask future).

    ``meanwhile`` is called, one step at a time, whenever the next result is not ready yet, until it returns
    False (nothing left to do): this thread's own work fills the wait, instead of another thread's, which would
    race with this one on Python's process-wide warning filters (:mod:`framing.imports_ahead`)."""
    pending: collections.deque = collections.deque()
    for item in items:
        pending.append(submit(item))
        if len(pending) >= in_flight:
            yield _when_done(pending.popleft(), meanwhile)
    while pending:
        yield _when_done(pending.popleft(), meanwhile)


def _when_done(future, meanwhile: Callable[[], bool] | None):
    while meanwhile is not None and not future.done() and meanwhile():
        pass
    return future.result()


def dask_map(work: Callable, batches: Iterable, *, jobs: int = 1) -> Iterator:
    """``work`` over every batch on a local Dask cluster of ``jobs`` single-threaded worker processes, started
    for the map and closed after it; results in input order, identical to the single-process path.

    Optional (``pip install framing[dask]``): the map needs nothing from Dask but somewhere to run.
    """
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError:
        raise FramingError("--engine dask needs the optional extra: pip install 'framing[dask]'") from None
    with LocalCluster(n_workers=jobs, threads_per_worker=1, processes=True, dashboard_address=None,
                      silence_logs=logging.ERROR) as cluster, Client(cluster) as client:
        yield from in_order(lambda batch: client.submit(work, batch, pure=False), batches, in_flight=2 * jobs)
