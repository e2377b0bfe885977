"""One error type for user mistakes and one warning type for usable-but-suspicious input.

The CLI turns a :class:`FramingError` into one line on stderr and a non-zero exit; anything else is a bug and
keeps its traceback.
"""

from __future__ import annotations

import warnings
from pathlib import Path


class FramingError(Exception):
    """A problem with the user's input that they can fix (bad file, bad manifest, bad option)."""


class FramingWarning(UserWarning):
    """Input that was used, but not as-is (fallback encoding, stripped markup, duplicate lines...).

    ``where`` names the file, row or document it is about (``None`` for the run as a whole) and ``problem`` says
    what, so that warnings of one kind about many documents can be counted rather than each shown
    (:mod:`framing.warning_digest`); ``str()`` is the whole message, ``<where>: <problem>``."""

    def __init__(self, message: str, *, where: str | None = None, problem: str | None = None):
        super().__init__(message)
        self.where = where
        self.problem = message if problem is None else problem


def input_error(path: str | Path | None, problem: str, *, line: int | None = None) -> FramingError:
    """Build the error message every module uses: ``<file>[:<line>]: <problem>``."""
    where = "" if path is None else str(path)
    if line is not None:
        where = f"{where}:{line}"
    return FramingError(f"{where}: {problem}" if where else problem)


def warn(path: str | Path | None, message: str) -> None:
    """Emit a :class:`FramingWarning` naming the file."""
    prefix = f"{path}: " if path is not None else ""
    where = None if path is None else str(path)
    warnings.warn(FramingWarning(f"{prefix}{message}", where=where, problem=message), stacklevel=3)


def require_columns(table, columns, what: str) -> None:
    """Raise a :class:`FramingError` naming every column of ``columns`` missing from the DataFrame ``table``
    (``what`` names the table in the message: "sentences", "terms" …)."""
    missing = [column for column in columns if column not in table.columns]
    if missing:
        raise input_error(None, f"{what} table lacks column(s) {', '.join(missing)}; "
                                f"has {', '.join(map(str, table.columns))}")
