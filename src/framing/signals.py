"""SIGTERM taken the way Ctrl-C is: ``kill``, a CI time-out or ``docker stop`` ends a run through the same
cleanup as an interrupt (the staging folder removed, the worker processes ended, exit status 1).

Python's default for SIGTERM ends the process at once, with no ``finally`` run: the ``.framing-*`` staging folder
stayed beside ``--out`` and the pool's workers lived on, waiting for batches that would never come.
"""

from __future__ import annotations

import os
import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager


class Terminated(KeyboardInterrupt):
    """Raised in the main process on SIGTERM: a :class:`KeyboardInterrupt`, so every cleanup for Ctrl-C runs."""


@contextmanager
def terminate_as_interrupt() -> Iterator[None]:
    """While inside, SIGTERM raises :class:`Terminated` in this process; the previous handler is restored after.

    A second SIGTERM during the cleanup ends the process at once, as the default would. Worker processes forked
    meanwhile inherit the handler but not the interrupt: in them SIGTERM keeps its default meaning. Outside the
    main thread (where Python cannot install handlers) this does nothing.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    owner = os.getpid()

    def on_terminate(signum, frame):
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        if os.getpid() != owner:
            os.kill(os.getpid(), signal.SIGTERM)
            return
        raise Terminated()

    previous = signal.signal(signal.SIGTERM, on_terminate)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)
