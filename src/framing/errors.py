"""One error type for user mistakes and one warning type for usable-but-suspicious input.

The CLI turns a :class:`FramingError` into one line on stderr and a non-zero exit; anything else is a bug and
keeps its traceback.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any, NamedTuple


class FramingError(Exception):
    """A problem with the user's input that they can fix (bad file, bad manifest, bad option)."""


class FramingWarning(UserWarning):
    """Input that was used, but not as-is (fallback encoding, stripped markup, duplicate lines...)."""


def input_error(path: str | Path | None, problem: str, *, line: int | None = None) -> FramingError:
    """Build the error message every module uses: ``<file>[:<line>]: <problem>``."""
    where = "" if path is None else str(path)
    if line is not None:
        where = f"{where}:{line}"
    return FramingError(f"{where}: {problem}" if where else problem)


def warn(path: str | Path | None, message: str) -> None:
    """Emit a :class:`FramingWarning` naming the file."""
    prefix = f"{path}: " if path is not None else ""
    warnings.warn(f"{prefix}{message}", FramingWarning, stacklevel=3)


class Recorded(NamedTuple):
    """What a call made in another process returned, and the warnings it raised as ``(category, message)``."""

    value: Any
    warnings: list[tuple[type[Warning], str]]


def recording_warnings(function: Callable, *args, **kwargs) -> Recorded:
    """Call ``function`` and record every warning it raises instead of showing it: for work done in a worker or
    a forked child, whose warnings are shown by the process that waits for it (:func:`raise_again`), in the
    order the run would have shown them in one process."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        value = function(*args, **kwargs)
    return Recorded(value, [(warning.category, str(warning.message)) for warning in caught])


def raise_again(recorded: Recorded) -> Any:
    """Raise the recorded warnings again, in their order, here; return the recorded value."""
    for category, message in recorded.warnings:
        warnings.warn(message, category, stacklevel=2)
    return recorded.value


def require_columns(table, columns, what: str) -> None:
    """Raise a :class:`FramingError` naming every column of ``columns`` missing from the DataFrame ``table``
    (``what`` names the table in the message: "sentences", "terms" …)."""
    missing = [column for column in columns if column not in table.columns]
    if missing:
        raise input_error(None, f"{what} table lacks column(s) {', '.join(missing)}; "
                                f"has {', '.join(map(str, table.columns))}")
