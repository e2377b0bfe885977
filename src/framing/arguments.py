"""Checks of the public functions' arguments: a wrong type or an empty list gets one clear sentence, not a
traceback from deep inside pandas.

Only :mod:`framing.errors` is imported here, so that every module may check its arguments with these.
"""

from __future__ import annotations

import os

from .errors import input_error

PATH_TYPES = (str, os.PathLike)


def path_list(paths, what: str = "paths") -> list:
    """``paths`` as a list: one file or folder path, or a non-empty list or tuple of them.

    Raises :class:`TypeError` for anything else (``None``, a number) and :class:`~framing.errors.FramingError`
    for an empty list.
    """
    if isinstance(paths, PATH_TYPES):
        return [paths]
    if not isinstance(paths, (list, tuple)) or not all(isinstance(path, PATH_TYPES) for path in paths):
        raise TypeError(f"{what} must be a file or folder path, or a list of them; got {_described(paths)}")
    if not paths:
        raise input_error(None, f"no {what} given: name at least one file or folder")
    return list(paths)


def optional_path(path, what: str) -> None:
    """Refuse (:class:`TypeError`) a ``path`` that is neither ``None`` nor a path."""
    if path is not None and not isinstance(path, PATH_TYPES):
        raise TypeError(f"{what} must be a file path or None; got {_described(path)}")


def require_type(value, expected: type, what: str) -> None:
    """Refuse (:class:`TypeError`) a ``value`` that is not an ``expected``; ``what`` says what was expected."""
    if not isinstance(value, expected):
        raise TypeError(f"{what}; got {_described(value)}")


def _described(value) -> str:
    if isinstance(value, (list, tuple)):
        kinds = sorted({type(item).__name__ for item in value if not isinstance(item, PATH_TYPES)})
        return f"a {type(value).__name__} holding {', '.join(kinds)}" if kinds else f"an empty {type(value).__name__}"
    return "None" if value is None else f"a value of type {type(value).__name__}"
