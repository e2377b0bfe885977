"""The per-document map on Dask: the same :func:`framing.pipeline.score_batch`, on a local distributed cluster.

Optional (``pip install framing[dask]``): scoring is a map over batches of documents, so it needs nothing from
Dask but somewhere to run. A local cluster of ``jobs`` single-threaded worker processes is started for the run
and closed after it; batches are submitted a few at a time, so a streamed corpus table is not read ahead in
full, and results come back in input order, identical to the single-process path.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator

from .errors import FramingError
from .pipeline import in_order


def dask_map(work: Callable, batches: Iterable, *, jobs: int = 1) -> Iterator:
    """``work`` over every batch on a local Dask cluster with ``jobs`` worker processes; results in order."""
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError:
        raise FramingError("--engine dask needs the optional extra: pip install 'framing[dask]'") from None
    with LocalCluster(n_workers=jobs, threads_per_worker=1, processes=True, dashboard_address=None,
                      silence_logs=logging.ERROR) as cluster, Client(cluster) as client:
        yield from in_order(lambda batch: client.submit(work, batch, pure=False), batches, in_flight=2 * jobs)
