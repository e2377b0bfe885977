"""Where an input file is: a regular file, inside the folder it was found in, and how outputs name it.

Outputs are published (a report handed in, a ``run.json`` beside it), so they never carry the absolute path of
an input: that names the user's account and folder layout. :func:`shown_path` gives the name outputs use.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Sequence
from pathlib import Path
from typing import NamedTuple

from ..errors import input_error

# What a path is when it is not a regular file, for the refusal (reading one could block forever: a FIFO waits
# for a writer, a terminal device for typing).
_NOT_REGULAR = (
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISDIR, "a folder"),
)


class MentionedIn(NamedTuple):
    """The file and line that name a path (a manifest row) and the path as written there, for messages."""

    file: Path
    line: int
    written: str


def require_regular_file(path: Path, what: str = "file", *, mentioned: MentionedIn | None = None) -> None:
    """Raise a :class:`~framing.errors.FramingError` unless ``path`` (followed through links) is a regular file.

    Checked before anything is read. With ``mentioned``, the message names the manifest row instead of
    ``path``.
    """
    try:
        mode = os.stat(path).st_mode
    except OSError:
        raise _refusal(path, f"{what} not found", mentioned) from None
    if stat.S_ISREG(mode):
        return
    kind = next((name for test, name in _NOT_REGULAR if test(mode)), "not a regular file")
    raise _refusal(path, f"is {kind}, not a regular file; framing reads only regular files", mentioned)


def _refusal(path: Path, problem: str, mentioned: MentionedIn | None):
    if mentioned is None:
        return input_error(path, problem)
    return input_error(mentioned.file, f"{mentioned.written!r} {problem}", line=mentioned.line)


def is_passed_over(path: Path) -> bool:
    """A file or folder a folder scan does not read: a hidden one (a name starting with "."; macOS writes a
    ``._story.txt`` beside each file copied to a USB stick or zipped, which is no text), and an Office lock file
    (``~$essay.docx``, there while the document is open in Word)."""
    return path.name.startswith((".", "~$"))


def is_inside(file: Path, folder: Path) -> bool:
    """Whether ``file``, with every symbolic link followed, lies in ``folder`` (or below it)."""
    return Path(file).resolve().is_relative_to(Path(folder).resolve())


def shown_path(file: str | Path, folders: Sequence[str | Path] = ()) -> str:
    """How outputs name an input file: relative to the first of ``folders`` (the corpus folders) holding it;
    else relative to the current folder when under it; else just its name. ``/``-separated.

    Each comparison is tried as written (so a link inside the folder keeps its own name) and then with links
    followed (a manifest's files are resolved).
    """
    for base in [*folders, Path.cwd()]:
        relative = _relative(Path(file), Path(base))
        if relative is not None:
            return relative
    return Path(file).name


def _relative(file: Path, base: Path) -> str | None:
    for mapped in (os.path.abspath, os.path.realpath):
        absolute, root = Path(mapped(file)), Path(mapped(base))
        if absolute.is_relative_to(root):
            return absolute.relative_to(root).as_posix()
    return None
