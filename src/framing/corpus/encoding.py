"""How an input's bytes become text: one rule for documents, manifests and corpus tables.

UTF-8 (with or without a byte order mark) and UTF-16 with a mark are read as such; anything else that is not
UTF-8 is read as cp1252 (Word's and Excel's export on Windows), or latin-1 where cp1252 leaves a byte undefined,
with a warning. A file that announces UTF-8 or UTF-16 with a mark and then breaks it is refused: it is damaged,
and guessing would turn its valid part into mojibake.

Text that was decoded wrongly before it reached us (students paste "donâ€™t" and "cafÃ©" from the web) is
repaired line by line with ftfy's encoding fixers alone (:func:`repair_mojibake`); the cleaner records each
repair.
"""

from __future__ import annotations

import codecs
import difflib
import gzip
import io
import re
import zlib
from functools import cache
from pathlib import Path
from typing import BinaryIO, Literal, NamedTuple, TextIO

import ftfy
from ftfy.badness import BADNESS_RE, is_bad

from ..errors import input_error, warn

# How a document's text was got from its bytes: a text encoding, or "docx" for a Word document's XML.
Encoding = Literal["utf-8", "utf-8-sig", "utf-16", "cp1252", "latin-1", "docx"]
UTF16_MARKS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
GZIP_MAGIC = b"\x1f\x8b"
# Password-protected Office files and the old binary .doc and .xls are OLE2 compound files, not ZIP archives.
OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# Bytes per read when a streamed file's encoding is decided (the whole file is checked, a chunk at a time).
CHUNK_BYTES = 1 << 20


class DecodedText(NamedTuple):
    """What :func:`decode_text` returns: the text and how its bytes were decoded."""

    text: str
    encoding: Encoding


def decode_text(path: Path, data: bytes) -> DecodedText:
    """Decode a whole file's bytes by the rule above (warning when it falls back to cp1252 / latin-1)."""
    if data.startswith(UTF16_MARKS):
        try:
            return DecodedText(data.decode("utf-16"), "utf-16")
        except UnicodeDecodeError:
            raise input_error(path, "starts with a UTF-16 mark but is not valid UTF-16") from None
    if data.startswith(codecs.BOM_UTF8):
        try:
            return DecodedText(data[len(codecs.BOM_UTF8):].decode("utf-8"), "utf-8-sig")
        except UnicodeDecodeError as error:
            raise _broken_utf8_mark(path, error.start + len(codecs.BOM_UTF8)) from None
    try:
        return DecodedText(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    if b"\x00" in data[:4096]:
        raise input_error(path, "looks like a binary file, not text (NUL bytes)")
    encoding: Encoding = "cp1252" if _decodes(data, "cp1252") else "latin-1"
    _warn_fallback(path, encoding)
    return DecodedText(data.decode(encoding), encoding)


def open_bytes(path: Path) -> BinaryIO:
    """``path`` opened for reading bytes; a ``.gz`` file's decompressed bytes (large exports travel compressed,
    and decompressing as it is read keeps the streaming)."""
    return gzip.open(path, "rb") if is_gzipped(path) else path.open("rb")


def open_text(path: Path, encoding: Encoding, *, newline: str | None = None) -> TextIO:
    """``path`` opened for reading text in ``encoding``, decompressed as it is read when it is a ``.gz``."""
    if is_gzipped(path):
        return io.TextIOWrapper(open_bytes(path), encoding=encoding, newline=newline)
    return path.open(encoding=encoding, newline=newline)


def is_gzipped(path: Path) -> bool:
    return path.suffix.lower() == ".gz"


def stream_encoding(path: Path) -> Encoding:
    """The encoding to stream ``path`` with (a corpus table too large to hold twice), by the same rule as
    :func:`decode_text`: the file is read once, a chunk at a time, before its rows are. A ``.gz`` file is read
    decompressed; one that is not gzip, or is cut short, is refused here, before its rows are read."""
    if not is_gzipped(path):
        return _stream_encoding(path)
    with path.open("rb") as handle:
        if handle.read(2) != GZIP_MAGIC:
            raise input_error(path, "is named .gz but is not gzip-compressed; rename it without the .gz")
    try:
        return _stream_encoding(path)
    except (OSError, EOFError, zlib.error) as error:
        raise input_error(path, f"is a damaged or incomplete gzip file ({error}); compress or download it "
                                "again") from None


def _stream_encoding(path: Path) -> Encoding:
    with open_bytes(path) as handle:
        start = handle.read(len(codecs.BOM_UTF8))
        if start.startswith(UTF16_MARKS):
            return "utf-16"  # checked as it is read; a broken one fails there
        marked = start == codecs.BOM_UTF8
        handle.seek(len(start) if marked else 0)
        fits_cp1252, bad_at = True, None
        carry, carry_at = b"", handle.tell()  # an incomplete UTF-8 sequence cut by the chunk, and its offset
        while chunk := handle.read(CHUNK_BYTES):
            fits_cp1252 = fits_cp1252 and _decodes(chunk, "cp1252")
            if bad_at is None:
                carry, carry_at, bad_at = _check_utf8(carry + chunk, carry_at)
        if bad_at is None and carry:
            bad_at = carry_at
    if bad_at is None:
        return "utf-8-sig" if marked else "utf-8"
    if marked:
        raise _broken_utf8_mark(path, bad_at)
    encoding: Encoding = "cp1252" if fits_cp1252 else "latin-1"
    _warn_fallback(path, encoding)
    return encoding


def _check_utf8(data: bytes, at: int) -> tuple[bytes, int, int | None]:
    """Check ``data`` (starting at byte ``at`` of the file) is UTF-8 up to a sequence its end may cut: return
    that tail with its offset, and the offset of the first bad byte (``None`` when none)."""
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as error:
        if error.reason == "unexpected end of data":
            return data[error.start:], at + error.start, None
        return b"", at + len(data), at + error.start
    return b"", at + len(data), None


def _decodes(data: bytes, encoding: str) -> bool:
    try:
        data.decode(encoding)
    except UnicodeDecodeError:
        return False
    return True


def _broken_utf8_mark(path: Path, byte: int):
    return input_error(path, f"starts with a UTF-8 byte order mark but byte {byte} is not UTF-8 "
                             "(two encodings in one file?); save it as UTF-8")


def _warn_fallback(path: Path, encoding: Encoding) -> None:
    warn(path, f"not valid UTF-8; read as {encoding} (save as UTF-8 to silence this)")


# ftfy's encoding repairs only (undoing a wrong decode, a lost 0xA0 byte, lossy sequences, stray cp1252 control
# characters). Its other fixers would change text that is not broken: curly quotes, full-width letters,
# ligatures, line breaks, HTML entities, Unicode normalisation. The cleaner makes its own recorded edits instead.
MOJIBAKE_ONLY = ftfy.TextFixerConfig(
    unescape_html=False, remove_terminal_escapes=False, fix_encoding=True, restore_byte_a0=True,
    replace_lossy_sequences=True, decode_inconsistent_utf8=True, fix_c1_controls=True, fix_latin_ligatures=False,
    fix_character_width=False, uncurl_quotes=False, fix_line_breaks=False, fix_surrogates=False,
    remove_control_chars=False, normalization=None, explain=False,
)


class Repair(NamedTuple):
    """One stretch of mojibake put right: what was there and where its repair starts in the repaired text."""

    text: str
    position: int


class RepairedText(NamedTuple):
    """What :func:`repair_mojibake` returns."""

    text: str
    repairs: list[Repair]


def repair_mojibake(text: str) -> RepairedText:
    """``text`` with mojibake undone by ftfy (:data:`MOJIBAKE_ONLY`), and each repaired stretch.

    ftfy says what it did as a whole-text plan, not where; the stretches are found by comparing the text before
    and after (only when something changed, which is rare)."""
    if text.isascii() or not may_hold_mojibake(text):  # mojibake always has a character beyond ASCII
        return RepairedText(text, [])
    fixed = ftfy.fix_text(text, MOJIBAKE_ONLY)
    if fixed == text:
        return RepairedText(text, [])
    matcher = difflib.SequenceMatcher(None, text, fixed, autojunk=False)
    return RepairedText(fixed, [Repair(text[before:before_end], after)
                                for tag, before, before_end, after, _ in matcher.get_opcodes() if tag != "equal"])


_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def may_hold_mojibake(text: str) -> bool:
    """Whether ftfy's test for mojibake (``ftfy.badness.is_bad``, which its encoding repairs pass first) finds
    any in ``text``: the same answer, searching only the stretches around characters beyond ASCII.

    ftfy searches the whole text, trying its patterns at every letter and space: 4% of the scoring workers' time on
    news text, where a paragraph's only such characters are a few curly quotes. Every one of its patterns needs such
    a character and spans a few at most (:func:`mojibake_reach`), so a match lies within that reach of one."""
    reach = mojibake_reach()
    if reach is None:
        return is_bad(text)
    start = end = -1  # the stretch being gathered: the reach of characters beyond ASCII that overlap
    for match in _NON_ASCII.finditer(text):
        low, high = max(0, match.start() - reach), match.start() + reach + 1
        if start >= 0 and low <= end:
            end = high
            continue
        if start >= 0 and BADNESS_RE.search(text, start, end):
            return True
        start, end = low, high
    return start >= 0 and BADNESS_RE.search(text, start, end) is not None


@cache
def mojibake_reach() -> int | None:
    """How far from a character beyond ASCII a match of ``ftfy.badness.BADNESS_RE`` can reach (its longest match,
    plus one for the anchors that look at a neighbour), read from the pattern itself; ``None`` when some pattern
    could match ASCII alone, or the pattern cannot be read (another ftfy or Python): then nothing is skipped."""
    try:
        from re import _parser  # Python's own reading of a pattern (sre_parse before 3.11)

        tree = _parser.parse(BADNESS_RE.pattern, BADNESS_RE.flags)
        (kind, (_, branches)), = tree.data
        if kind is not _parser.BRANCH or not all(any(_beyond_ascii(item) for item in branch) for branch in branches):
            return None
        return tree.getwidth()[1] + 1
    except Exception:  # noqa: BLE001 — any surprise in a private parser means: search the whole text
        return None


def _beyond_ascii(item) -> bool:
    """A pattern item that matches only characters beyond ASCII: one such literal, or a set of them."""
    from re import _parser

    kind, value = item
    if kind is _parser.LITERAL:
        return value > 0x7F
    if kind is not _parser.IN:
        return False
    return all((op is _parser.LITERAL and arg > 0x7F) or (op is _parser.RANGE and arg[0] > 0x7F)
               for op, arg in value)
