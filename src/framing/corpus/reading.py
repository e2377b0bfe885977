"""Finding the documents' files and decoding each one: its bytes are read once, then hashed and decoded."""

from __future__ import annotations

import hashlib
import os
import re
import warnings
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import NamedTuple

from ..errors import FramingError, input_error, warn
from ..executor import available_cores, map_batches
from .encoding import GZIP_MAGIC, OLE2_MAGIC, Encoding, decode_text
from .manifest import MANIFEST_NAMES
from .paths import is_inside, is_passed_over, require_regular_file
from .json_rows import json_files_in
from .records import table_suffix
from .word_files import WORD_SUFFIXES, is_word_document, read_word_file

# Documents read from files: plain text and Markdown, and Word documents (framing.corpus.word_files).
DOCUMENT_SUFFIXES = (".txt", ".md", *WORD_SUFFIXES)


class NamedPath(NamedTuple):
    """One path the user named, as :func:`find_files` found it — or one subfolder of a named folder read as its
    subfolders — : the path, the manifest of a folder that has one, the text files it gives (a folder's sorted by
    name; with a manifest, the folder's own, for reference), and for a subfolder the named folder (``base``:
    outputs name its files from there, ``bbc/a.txt``)."""

    path: Path
    manifest: Path | None
    files: list[Path]
    base: Path | None = None


class FoundFiles(NamedTuple):
    """What :func:`find_files` returns: the text files in the order given, the first manifest found in a named
    folder (if any), and what each named path gave (``named``: :class:`NamedPath`, in order)."""

    files: list[Path]
    manifest: Path | None
    named: tuple[NamedPath, ...] = ()


def find_files(paths: list[str | Path]) -> FoundFiles:
    """Expand folders into their ``.txt``/``.md`` files; also return the manifests found in folders.

    A folder holding no document of its own but subfolders that do (a corpus laid out one folder per outlet) is
    read as those subfolders, one level down, each in turn and with its own manifest if it has one
    (:func:`folder_labels` then tells the documents apart by folder). Refuses (before reading anything) anything named or found that is not a regular file
    (reading a FIFO would block the run forever) and a folder's symbolic link that leads outside it, as a
    manifest's row naming it would be. A folder with its own manifest leaves these checks to
    :func:`read_manifest`, which makes them for the files it lists (the others are not read); one without names
    what its scan passes over (documents in subfolders beside its own, corpus tables, Word, PDF or HTML files):
    in the error when it holds no document, else in a warning. A named file in a format that is neither text nor
    a corpus table (an old spreadsheet, a Parquet file, a ZIP archive) is refused.
    """
    named = []
    for raw in paths:
        path = Path(raw)
        if not path.exists():
            raise input_error(path, "no such file or folder")
        if path.is_dir():
            own_manifest = _own_manifest(path)
            # With a manifest, the manifest says which files are documents (subfolders' too) and checks those.
            named += [NamedPath(path, own_manifest, _documents_in(path))] if own_manifest else _scanned(path)
        else:
            _refuse_other_formats(path)
            require_regular_file(path)
            named.append(NamedPath(path, None, [path]))
    manifest = next((item.manifest for item in named if item.manifest is not None), None)
    return FoundFiles([file for item in named for file in item.files], manifest, tuple(named))


def _own_manifest(folder: Path) -> Path | None:
    return next((folder / name for name in MANIFEST_NAMES if (folder / name).exists()), None)


def _scanned(folder: Path) -> list[NamedPath]:
    """A folder without a manifest: its own documents, else its subfolders' (one level down), each subfolder with
    its own manifest if it has one; what the scan passes over is named (an error when nothing is left to read)."""
    found = _documents_in(folder)
    subfolders = [] if found else _document_subfolders(folder)
    hints = _unread_hints(folder, subfolders=not subfolders)
    parts = [NamedPath(folder, None, found)] if found else []
    for subfolder in subfolders:
        manifest = _own_manifest(subfolder)
        parts.append(NamedPath(subfolder, manifest, _documents_in(subfolder), base=folder))
        if manifest is None:  # else the manifest says which of its files are read
            hints += _unread_hints(subfolder)
    if not parts:
        deeper = _deeper_documents(folder)
        if deeper is not None:
            hints.append(f"its documents lie deeper (e.g. in {deeper}), and only a folder's own files or its "
                         "subfolders' are read: name the folders that hold them, or list the files in a manifest")
        raise input_error(folder, "; ".join(["folder has no .txt, .md or .docx files", *hints]))
    for hint in hints:
        warn(folder, hint)
    for part in parts:
        for file in part.files if part.manifest is None else ():
            _refuse_link_out_of(folder, file)
            require_regular_file(file)
    return parts


def is_json_folder(path: str | Path) -> bool:
    """Whether ``path`` is a folder read as a corpus table of JSON files, one article each
    (:func:`~framing.corpus.json_rows.json_folder_rows`): it holds ``.json`` files (down to six levels) and no
    document a folder scan reads, nor a manifest."""
    folder = Path(path)
    if not folder.is_dir() or any((folder / name).exists() for name in MANIFEST_NAMES):
        return False
    return not _documents_in(folder) and not _document_subfolders(folder) and bool(json_files_in(folder))


def is_table(path: str | Path) -> bool:
    """True for a file whose suffix marks a corpus table (``.csv``, ``.tsv``, ``.jsonl``, ``.ndjson``, ``.json``,
    each also followed by ``.gz``; an Excel workbook, ``.xlsx`` or ``.xlsm``:
    :func:`~framing.corpus.records.table_suffix`) and for a folder of JSON files, one article each
    (:func:`is_json_folder`)."""
    path = Path(path)
    return is_json_folder(path) if path.is_dir() else table_suffix(path) is not None


def scanned_folders(folder: Path) -> list[Path]:
    """The folders whose files a scan of ``folder`` (without a manifest) reads: itself, or its subfolders when it
    holds no document of its own."""
    return [folder] if _documents_in(folder) else (_document_subfolders(folder) or [folder])


def _document_subfolders(folder: Path) -> list[Path]:
    return [folder / name for name in _unread_subfolders(folder)]


def folder_labels(files: list[Path]) -> list[str] | None:
    """Each file's folder, named as the user laid the corpus out (``bbc``, ``sun``; ``a/bbc`` and ``b/bbc`` when
    two folders share a name): the path from the folders' common ancestor. ``None`` when every file lies in one
    folder, where the label would say nothing."""
    parents = [Path(os.path.abspath(file)).parent for file in files]
    distinct = set(parents)
    if len(distinct) < 2:
        return None
    common = Path(os.path.commonpath(list(distinct)))
    label = {parent: parent.relative_to(common).as_posix() for parent in distinct}
    # A named folder that also holds another's documents' folder (corpus and corpus/bbc) is "." from their
    # common ancestor: its own name says which it is.
    label = {parent: parent.name if name == "." else name for parent, name in label.items()}
    return [label[parent] for parent in parents]


# Files named on the command line are read as plain text whatever their suffix (a .text, a .html, a file without
# one), except formats that hold a table or a document framing does not read: a JSON array or an .xlsx export
# read as one article's text would give a wrong analysis without a word.
_SAVE_AS_CSV = ("save it as CSV (UTF-8) and give the .csv, or in Python pass the DataFrame to framing.analyze "
                "(pandas.{reader}(...))")
OTHER_FORMATS: dict[str, str] = {
    **{suffix: "is a spreadsheet framing does not read; save it as .xlsx (Excel) or as CSV (UTF-8) and give "
               "that, or in Python pass the DataFrame to framing.analyze (pandas.read_excel(...))"
       for suffix in (".xls", ".ods")},
    **{suffix: "is a Parquet or Arrow file, not text; " + _SAVE_AS_CSV.format(reader=reader)
       for suffix, reader in ((".parquet", "read_parquet"), (".feather", "read_feather"))},
    ".zip": "is a ZIP archive; unzip it and give the folder (or the files inside)",
}


def _refuse_other_formats(path: Path) -> None:
    problem = OTHER_FORMATS.get(path.suffix.lower())
    if problem is not None:
        raise input_error(path, problem)


def _documents_in(folder: Path) -> list[Path]:
    """A folder's documents: its own ``.txt``, ``.md`` and ``.docx`` files (not a ``README.md``, not hidden or
    lock files: :func:`~framing.corpus.paths.is_passed_over`), sorted by name."""
    return sorted(p for p in folder.iterdir() if p.suffix.lower() in DOCUMENT_SUFFIXES and not is_passed_over(p)
                  and not p.is_dir() and p.name.lower() != "readme.md")


# Documents in formats a folder scan passes over: named, so that a folder of Word files is not just "empty" and
# a folder of .txt and .docx files is not read in half without a word.
WORD_PROCESSOR_SUFFIXES = (".doc", ".odt", ".rtf", ".pages")
UNREAD_SUFFIXES = (*WORD_PROCESSOR_SUFFIXES, ".pdf", ".html", ".htm")


def _unread_hints(folder: Path, *, subfolders: bool = True) -> list[str]:
    """What a scan of ``folder`` leaves unread, each as one sentence: its subfolders' documents (unless
    ``subfolders`` is false: they are read), its corpus tables, and its own files in other document formats."""
    hints = []
    unread = _unread_subfolders(folder) if subfolders else {}
    if unread:
        hints.append(_subfolder_hint(folder, unread))
    files = [p for p in folder.iterdir() if not p.is_dir() and not is_passed_over(p)]
    tables = sorted(p for p in files if table_suffix(p) is not None and p.name.lower() not in MANIFEST_NAMES)
    if tables:
        hints.append(_table_hint(folder, tables))
    other = Counter(p.suffix.lower() for p in files if p.suffix.lower() in UNREAD_SUFFIXES)
    if other:
        ordered = sorted(other.items(), key=lambda item: (-item[1], item[0]))
        counts = ", ".join(f"{count:,} {suffix}" for suffix, count in ordered)
        pages = ""
        if other.keys() & {".html", ".htm"}:
            pages = "; a web page (.html) may also be given by name, its markup stripped"
        # A word processor's own file keeps its title and lists when saved as Word; a PDF or a page only as text.
        kept = other.keys() & set(WORD_PROCESSOR_SUFFIXES)
        saved_as = "Word (.docx) or Plain Text (.txt)" if kept else "Plain Text (.txt)"
        hints.append(f"it holds {counts} file(s), which are not read: save them as {saved_as}{pages}")
    return hints


def _table_hint(folder: Path, tables: list[Path]) -> str:
    """A folder's corpus tables are read only when named; JSON files, one article each, only in a folder of their
    own (where :func:`is_json_folder` reads them), not beside documents."""
    json_files = [table for table in tables if table_suffix(table) == ".json"]
    if len(json_files) > 1:
        return (f"it holds {len(json_files):,} .json files, which are not read beside its documents: give the JSON "
                "files, one article each, a folder of their own to read them")
    names = ", ".join(table.name for table in tables[:3]) + (" …" if len(tables) > 3 else "")
    return (f"it holds the corpus table(s) {names}, which a folder scan does not read: give a table by name to "
            f"read its rows as documents, e.g. framing analyze {tables[0]}")


# How far down a folder without documents is searched for some, to say where they are (news archives nest them
# by date and site: data/2020/01/03/bbc.co.uk/…).
DEEPER_LEVELS = 6


def _deeper_documents(folder: Path) -> Path | None:
    """The first folder below ``folder`` (beyond one level, up to :data:`DEEPER_LEVELS`) holding documents."""
    level = [folder]
    for _ in range(DEEPER_LEVELS):
        level = sorted(sub for parent in level for sub in _listed_subfolders(parent))
        for sub in level:
            if _documents_in(sub) and not (sub / "run.json").exists():
                return sub
    return None


def _listed_subfolders(folder: Path) -> list[Path]:
    try:
        return [p for p in folder.iterdir() if p.is_dir() and not is_passed_over(p)]
    except OSError:
        return []


def _unread_subfolders(folder: Path) -> dict[str, int]:
    """The folder's subfolders (one level down) that hold documents, with how many: a corpus laid out one folder
    per outlet is otherwise read as its top level alone, without a word. A subfolder holding a framing run's
    ``run.json`` (an ``--out`` inside the corpus folder) and hidden ones are not documents."""
    unread = {}
    for sub in sorted(p for p in folder.iterdir() if p.is_dir() and not is_passed_over(p)):
        try:
            count = 0 if (sub / "run.json").exists() else len(_documents_in(sub))
        except OSError:  # a subfolder this user may not list is no corpus of theirs
            continue
        if count:
            unread[sub.name] = count
    return unread


def _subfolder_hint(folder: Path, unread: dict[str, int]) -> str:
    names = list(unread)
    shown = ", ".join(names[:5]) + (f" and {len(names) - 5} more" if len(names) > 5 else "")
    example = " ".join(str(p) for p in [folder, *(folder / name for name in names[:2])]) + (
        " …" if len(names) > 2 else "")
    return (f"its subfolders {shown} hold {sum(unread.values()):,} documents, which are not read beside the "
            f"folder's own: name the folder and its subfolders to read them all (each document's folder is then a "
            f"metadata column, folder), e.g. framing analyze {example}")


def _refuse_link_out_of(folder: Path, file: Path) -> None:
    """The folder-scan form of the manifest's rule that every document lies inside its corpus folder."""
    if file.is_symlink() and not is_inside(file, folder):
        raise input_error(file, f"is a symbolic link to a file outside the folder {str(folder)!r}; "
                                "copy the file into the folder instead")


class TextFile(NamedTuple):
    """What :func:`read_text_file` returns: the decoded text, how it was decoded, the SHA-256 of the bytes and,
    when the file marks its first paragraph as its title (a Word document's Title style), that title."""

    text: str
    encoding: Encoding
    sha256: str
    title: str = ""


def read_text_file(path: Path) -> TextFile:
    """Read a text file's bytes once, then hash and decode them.

    Decoded by :func:`~framing.corpus.encoding.decode_text` (UTF-8, UTF-16 with a mark, else cp1252 with a
    warning); a ``.docx`` file's paragraphs are read by :func:`~framing.corpus.word_files.read_word_file`.
    Anything but a regular file, and empty, whitespace-only and binary files are refused.
    """
    if not path.exists():
        raise input_error(path, "no such file or folder")
    if path.is_dir():
        raise input_error(path, "is a folder, expected a .txt, .md or .docx file")
    require_regular_file(path)
    data = path.read_bytes()
    if path.suffix.lower() in WORD_SUFFIXES and data:
        word = read_word_file(path, data)
        if not word.text:
            raise input_error(path, "is a Word document with no text in its paragraphs (a scanned page or a picture "
                                    "of the article has none to read)")
        return TextFile(word.text, "docx", hashlib.sha256(data).hexdigest(), word.title)
    if is_word_document(data):
        raise input_error(path, "is a Word document (.docx) named otherwise; rename it .docx to read it as one")
    for magic, problem in NOT_TEXT_FORMATS:
        if data.startswith(magic):
            raise input_error(path, problem)
    text, encoding = decode_text(path, data)
    if not text or text.isspace():  # not strip(): that would copy a large file's text
        raise input_error(path, "is empty" if not data else "contains only whitespace")
    if _looks_binary(text):
        raise input_error(path, "looks like a binary file, not text (control characters or NUL bytes)")
    return TextFile(text, encoding, hashlib.sha256(data).hexdigest())


# A run reading at least this many Word documents parses them in forked processes, one per core: python-docx takes
# 5-13 ms a file, so 1,000 of them held a run 5 s in one process before anything was scored.
PARALLEL_WORD_FILES = 50


# Files one task of those processes reads.
FILES_PER_TASK = 16


def read_text_files(paths: list[Path], *, jobs: int | None = None) -> Iterator[TextFile | FramingError]:
    """:func:`read_text_file` of each path, in order, the error that refuses a file given instead of raised.

    With :data:`PARALLEL_WORD_FILES` Word documents or more, the files are read by ``jobs`` worker processes
    (default one per core: :func:`~framing.executor.map_batches`, which ends them when the caller stops at a
    refused file). What reading a file warns is raised again here, in file order, so a run warns the same way
    either way."""
    words = sum(path.suffix.lower() in WORD_SUFFIXES for path in paths)
    processes = (jobs or available_cores()) if words >= PARALLEL_WORD_FILES else 1
    tasks = (paths[start:start + FILES_PER_TASK] for start in range(0, len(paths), FILES_PER_TASK))
    for task in map_batches(_read_recording, tasks, jobs=processes):
        for read, caught in task:
            for message in caught:
                warnings.warn(message, stacklevel=2)
            yield read


def _read_recording(paths: list[Path]) -> list[tuple[TextFile | FramingError, list[Warning]]]:
    """Each file read (or the error refusing it), with the warnings reading it raised."""
    read = []
    for path in paths:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            try:
                file = read_text_file(path)
            except FramingError as error:
                file = error
        read.append((file, [warning.message for warning in caught]))
    return read


# Documents people rename to .txt, by their first bytes, with what to do instead. RTF is plain ASCII and would
# otherwise be "read" as a text full of control words; the others would be refused as binary without advice.
NOT_TEXT_FORMATS: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "is a PDF, not text; export it to .txt first (e.g. `pdftotext`)"),
    (b"{\\rtf", "is an RTF document, not plain text; save it as Word (.docx) or Plain Text (.txt)"),
    (b"PK\x03\x04", "is a ZIP archive (an .odt or .pages file?), not text; save it as Word (.docx) or Plain Text "
                    "(.txt)"),
    (OLE2_MAGIC, "is an old Word file (.doc), not text; save it as Word (.docx) or Plain Text (.txt)"),
    (GZIP_MAGIC, "is gzip-compressed; decompress it first (gunzip); a corpus table may be given compressed, "
                  "named .csv.gz or .jsonl.gz"),
)


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


def _looks_binary(text: str) -> bool:
    sample = text[:8192]
    return "\x00" in sample or len(_CONTROL.findall(sample)) > max(2, len(sample) // 100)

