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


# ---------------------------------------------------------------------------------------------------------
# Option values shared by the command line and the Python API: one check, one message, whichever way they come.


def comma_separated(value, what: str) -> tuple[str, ...]:
    """Names given as one comma-separated string (``"outlet,published"``, as on the command line) or as a list
    or tuple of names, as a tuple of their stripped, non-empty parts. A string is never split into letters."""
    if value is None:
        return ()
    if isinstance(value, str):
        parts = value.split(",")
    elif isinstance(value, (list, tuple)) and all(isinstance(part, str) for part in value):
        parts = value
    else:
        raise TypeError(f"{what} must be a comma-separated string or a list of names; got {_described(value)}")
    return tuple(part.strip() for part in parts if part.strip())


def section_choice(value) -> tuple[str, ...] | None:
    """The sections the summaries use: ``None`` or ``"all"`` for every section, else the names (a comma-separated
    string or a list), each one of :data:`framing.corpus.SECTIONS`. Raises
    :class:`~framing.errors.FramingError` naming the unknown ones."""
    from .corpus.tables import SECTIONS

    if value is None or (isinstance(value, str) and value.strip().lower() == "all"):
        return None
    chosen = comma_separated(value, "sections")
    unknown = [part for part in chosen if part not in SECTIONS]
    if unknown or not chosen:
        raise input_error(None, f"unknown section {', '.join(unknown) or value!r}; choose from "
                                f"{', '.join(SECTIONS)} or 'all'")
    return chosen


def one_of(value, choices: tuple[str, ...], what: str) -> str:
    """``value`` when it is one of ``choices``; else :class:`~framing.errors.FramingError` listing them."""
    if value not in choices:
        raise input_error(None, f"unknown {what} {value!r}; choose from {', '.join(choices)}")
    return value


PAIR_EXAMPLE = "dailymail-2020,wikipedia-2017"


def pair_choice(value) -> tuple[str, str] | None:
    """Two doc_ids (or groups) for the word shift: ``"a,b"`` as on the command line, or a pair ``("a", "b")``;
    ``None`` or ``""`` for the default."""
    if value is None or value == "":
        return None
    parts = [part.strip() for part in value.split(",")] if isinstance(value, str) else value
    if not isinstance(parts, (list, tuple)) or len(parts) != 2 \
            or not all(isinstance(part, str) and part for part in parts):
        raise input_error(None, f"give two doc_ids separated by a comma, e.g. {PAIR_EXAMPLE}")
    return parts[0], parts[1]
