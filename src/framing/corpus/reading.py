"""Finding the documents' files and decoding each one: its bytes are read once, then hashed and decoded."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path
from typing import Literal, NamedTuple

from ..errors import input_error, warn
from .manifest import MANIFEST_NAMES

TEXT_SUFFIXES = (".txt", ".md")
Encoding = Literal["utf-8", "utf-8-sig", "utf-16", "cp1252", "latin-1"]


class FoundFiles(NamedTuple):
    """What :func:`find_files` returns: the text files in the order given (a folder's sorted by name) and the
    manifest found in a named folder, if any."""

    files: list[Path]
    manifest: Path | None


def find_files(paths: list[str | Path]) -> FoundFiles:
    """Expand folders into their ``.txt``/``.md`` files; also return the manifest found in a folder."""
    files: list[Path] = []
    manifest = None
    for raw in paths:
        path = Path(raw)
        if not path.exists():
            raise input_error(path, "no such file or folder")
        if path.is_dir():
            for name in MANIFEST_NAMES:
                if (path / name).exists() and manifest is None:
                    manifest = path / name
            found = sorted(p for p in path.iterdir() if p.suffix.lower() in TEXT_SUFFIXES
                           and p.is_file() and p.name.lower() != "readme.md")
            if not found:
                raise input_error(path, "folder has no .txt or .md files")
            files.extend(found)
        else:
            files.append(path)
    return FoundFiles(files, manifest)


class TextFile(NamedTuple):
    """What :func:`read_text_file` returns: the decoded text, how it was decoded and the SHA-256 of the bytes."""

    text: str
    encoding: Encoding
    sha256: str


def read_text_file(path: Path) -> TextFile:
    """Read a text file's bytes once, then hash and decode them.

    UTF-8 (with or without BOM) and UTF-16 with a BOM are read as such; anything else that is not UTF-8 is read
    as cp1252 (Word's export on Windows) with a warning. Empty, whitespace-only and binary files are refused.
    """
    if not path.exists():
        raise input_error(path, "no such file or folder")
    if path.is_dir():
        raise input_error(path, "is a folder, expected a .txt or .md file")
    data = path.read_bytes()
    for magic, problem in NOT_TEXT_FORMATS:
        if data.startswith(magic):
            raise input_error(path, problem)
    text, encoding = _decode(path, data)
    if not text or text.isspace():  # not strip(): that would copy a large file's text
        raise input_error(path, "is empty" if not data else "contains only whitespace")
    if _looks_binary(text):
        raise input_error(path, "looks like a binary file, not text (control characters or NUL bytes)")
    return TextFile(text, encoding, hashlib.sha256(data).hexdigest())


# Documents people rename to .txt, by their first bytes, with what to do instead. RTF is plain ASCII and would
# otherwise be "read" as a text full of control words; the others would be refused as binary without advice.
NOT_TEXT_FORMATS: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "is a PDF, not text; export it to .txt first (e.g. `pdftotext`)"),
    (b"{\\rtf", "is an RTF document, not plain text; save it as Plain Text (.txt)"),
    (b"PK\x03\x04", "is a ZIP archive (a .docx, .odt or .pages file?), not text; save it as Plain Text (.txt)"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "is an old Word file (.doc), not text; save it as Plain Text (.txt)"),
)


def _decode(path: Path, data: bytes) -> tuple[str, Encoding]:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError:
            raise input_error(path, "starts with a UTF-16 mark but is not valid UTF-16") from None
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="strict"), "utf-8-sig"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    if b"\x00" in data[:4096]:
        raise input_error(path, "looks like a binary file, not text (NUL bytes)")
    try:
        text, encoding = data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        text, encoding = data.decode("latin-1"), "latin-1"
    warn(path, f"not valid UTF-8; read as {encoding} (save as UTF-8 to silence this)")
    return text, encoding


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


def _looks_binary(text: str) -> bool:
    sample = text[:8192]
    return "\x00" in sample or len(_CONTROL.findall(sample)) > max(2, len(sample) // 100)

