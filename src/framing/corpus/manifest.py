"""The manifest: a CSV or TOML file listing the documents with their metadata, checked row by row."""

from __future__ import annotations

import csv
import io
import tomllib
from pathlib import Path
from typing import Literal, NamedTuple, get_args

import pandas as pd

from ..errors import input_error
from .csv_lines import UNCLOSED_QUOTE, RowLines, UnclosedQuote
from .encoding import decode_text
from .paths import MentionedIn, is_inside, require_regular_file

DocumentKind = Literal["encyclopedic", "tabloid", "wire", "broadsheet", "state media", "opinion", "other", "unknown"]
KINDS: tuple[str, ...] = get_args(DocumentKind)
MANIFEST_NAMES = ("manifest.csv", "manifest.toml")
MANIFEST_REQUIRED = ("doc_id", "file")
METADATA_COLUMNS = ("title", "outlet", "kind", "published", "source", "notes")


class ManifestRow(NamedTuple):
    """One document's row as written, with where it is for messages (a CSV line, or a TOML table's number)."""

    line: int
    fields: dict


def read_manifest(path: Path) -> pd.DataFrame:
    """Read a manifest (CSV with a header, or TOML with a ``[[document]]`` array).

    Returns one row per document with ``doc_id, file`` (resolved path) and the metadata columns
    ``title, outlet, kind, published, source, notes`` (empty when absent).
    """
    path = Path(path)
    require_regular_file(path, "manifest")
    # Decoded like a document: a manifest saved by Excel on Windows is cp1252, read with a warning.
    with path.open("rb") as handle:
        text = decode_text(path, handle.read()).text
    rows = _read_manifest_toml(path, text) if path.suffix.lower() == ".toml" else _read_manifest_csv(path, text)
    base = path.parent.resolve()
    seen: dict[str, int] = {}
    records = []
    for line, row in rows:
        missing = [column for column in MANIFEST_REQUIRED if not str(row.get(column) or "").strip()]
        if missing:
            raise input_error(path, f"row has no {', '.join(missing)}", line=line)
        doc_id = str(row["doc_id"]).strip()
        if doc_id in seen:
            raise input_error(path, f"duplicate doc_id {doc_id!r} (first on line {seen[doc_id]})", line=line)
        seen[doc_id] = line
        file = (base / str(row["file"]).strip()).resolve()
        if not is_inside(file, base):
            raise input_error(path, f"file {row['file']!r} is outside the manifest's folder", line=line)
        if not file.exists():
            raise input_error(path, f"names a missing file {row['file']!r}", line=line)
        require_regular_file(file, mentioned=MentionedIn(path, line, str(row["file"]).strip()))
        kind = str(row.get("kind") or "unknown").strip().lower()
        if kind not in KINDS:
            raise input_error(path, f"unknown kind {kind!r}; use one of: {', '.join(KINDS)}", line=line)
        record = {column: str(row.get(column) or "").strip() for column in METADATA_COLUMNS}
        record.update(doc_id=doc_id, file=file, kind=kind, title=record["title"] or doc_id)
        records.append(record)
    if not records:
        raise input_error(path, "manifest lists no documents")
    return pd.DataFrame.from_records(records, columns=["doc_id", "file", *METADATA_COLUMNS])


def _read_manifest_csv(path: Path, text: str) -> list[ManifestRow]:
    lines = RowLines(io.StringIO(text, newline=""))
    reader = csv.DictReader(lines)
    try:
        header = reader.fieldnames or []
        missing = [column for column in MANIFEST_REQUIRED if column not in header]
        if missing:
            raise input_error(path, f"missing required column(s) {', '.join(missing)}; has {', '.join(header)}",
                              line=1)
        return [ManifestRow(reader.line_num, row) for row in lines.rows(reader)]
    except UnclosedQuote as unclosed:
        raise input_error(path, UNCLOSED_QUOTE, line=unclosed.line) from None
    except csv.Error as error:
        raise input_error(path, f"not a readable CSV file: {error}", line=reader.line_num) from None


def _read_manifest_toml(path: Path, text: str) -> list[ManifestRow]:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise input_error(path, f"not valid TOML ({error})") from None
    documents = data.get("document")
    if not isinstance(documents, list):
        raise input_error(path, "expected a [[document]] array of tables")
    # TOML has no line numbers per table; number the documents instead.
    rows = [ManifestRow(index, row) for index, row in enumerate(documents, start=1)]
    for number, row in rows:
        _check_toml_document(path, number, row)
    return rows


def _check_toml_document(path: Path, number: int, row) -> None:
    """A ``[[document]]`` entry must be a table of plain values (``document = [1, 2]`` is not)."""
    if not isinstance(row, dict):
        raise input_error(path, f"document {number} is {row!r}, not a table; write each document as a "
                                "[[document]] table")
    for key, value in row.items():
        if isinstance(value, (dict, list)):
            shape = "a table" if isinstance(value, dict) else "a list"
            raise input_error(path, f"document {number}: {key!r} is {shape}, expected text")
