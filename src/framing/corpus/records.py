"""Documents from a corpus export: one CSV or JSON Lines file with one article per row.

News archives (Media Cloud, GDELT full-text exports, a spreadsheet kept by a class) hand over thousands of
articles as one table, not as thousands of files. :func:`read_records` streams such a file row by row — it never
holds the whole table — and yields the same records :func:`framing.corpus.load_documents` makes from files, so
everything after reading is shared.

Row numbers in messages are those a spreadsheet shows: the CSV header is row 1, the first article row 2; in JSON
Lines, the line number.
"""

from __future__ import annotations

import csv
import hashlib
import json
from collections.abc import Iterator
from pathlib import Path

from ..errors import input_error, warn
from .manifest import METADATA_COLUMNS

TABLE_SUFFIXES = (".csv", ".jsonl", ".ndjson")
# Articles longer than this are almost always a whole page or feed pasted into one cell; csv's default limit
# (128 KiB) is too small for long-form articles, so raise it to something that still catches runaway fields.
MAX_FIELD_CHARS = 50_000_000


def is_table(path: str | Path) -> bool:
    """True for a file whose suffix marks a corpus table (``.csv``, ``.jsonl``, ``.ndjson``)."""
    path = Path(path)
    return path.suffix.lower() in TABLE_SUFFIXES and not path.is_dir()


def read_records(path: str | Path, *, text_column: str = "text", id_column: str = "id",
                 meta_columns: tuple[str, ...] = (), skip_bad_rows: bool = False) -> Iterator[dict]:
    """Stream the articles of a CSV or JSON Lines corpus file.

    Parameters
    ----------
    text_column, id_column
        Columns (keys) holding the article text and a unique id.
    meta_columns
        Further columns to keep as document metadata (e.g. ``outlet``, ``published``); ``title, outlet, kind,
        published, source, notes`` fill the standard columns, any other name becomes an extra column.
    skip_bad_rows
        Skip a row with an empty text or a repeated id with a warning, instead of stopping with an error.

    Yields
    ------
    dict with ``doc_id, title, outlet, kind, published, source, notes`` (plus any extra metadata column),
    ``path`` (``file:row N``), ``sha256`` (of the text's UTF-8 bytes), ``encoding`` and ``raw_text``.

    Raises
    ------
    FramingError
        Missing columns (naming the ones the file has), an empty text or a repeated id (with the row number),
        a malformed JSON line, or bytes that are not UTF-8.
    """
    path = Path(path)
    if not path.is_file():
        raise input_error(path, "corpus file not found")
    wanted = _unique([id_column, text_column, *meta_columns])
    rows = _csv_rows(path) if path.suffix.lower() == ".csv" else _json_rows(path)
    seen: dict[str, int] = {}
    checked = False
    for number, row in rows:
        if not checked:
            _check_columns(path, row, wanted)
            checked = True
        record = _record(path, number, row, text_column=text_column, id_column=id_column,
                         meta_columns=meta_columns, seen=seen, skip_bad_rows=skip_bad_rows)
        if record is not None:
            yield record
    if not checked:
        raise input_error(path, "the corpus file holds no rows")
    if not seen:
        raise input_error(path, "no row has any text")


def _unique(names) -> list[str]:
    return list(dict.fromkeys(name for name in names if name))


def _csv_rows(path: Path) -> Iterator[tuple[int, dict]]:
    csv.field_size_limit(MAX_FIELD_CHARS)
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.DictReader(handle)
            if not reader.fieldnames:
                raise input_error(path, "the corpus file is empty (no header row)")
            # DictReader's line_num counts physical lines; a text cell with line breaks spans several, so count
            # rows the way a spreadsheet does instead.
            for number, row in enumerate(reader, start=2):
                if None in row:
                    raise input_error(path, f"row {number} has more cells than the header "
                                            f"({len(reader.fieldnames)} columns)")
                yield number, row
    except UnicodeDecodeError as error:
        raise input_error(path, f"not UTF-8 text (byte {error.start}); export the corpus as UTF-8 CSV") from None
    except csv.Error as error:
        raise input_error(path, f"not a readable CSV file: {error}") from None


def _json_rows(path: Path) -> Iterator[tuple[int, dict]]:
    try:
        with path.open(encoding="utf-8-sig") as handle:
            for number, line in enumerate(handle, start=1):
                if not line.strip():
                    continue
                try:
                    row = json.loads(line)
                except json.JSONDecodeError as error:
                    raise input_error(path, f"not valid JSON ({error.msg}, column {error.colno})",
                                      line=number) from None
                if not isinstance(row, dict):
                    raise input_error(path, "each line must be one JSON object ({...})", line=number)
                yield number, row
    except UnicodeDecodeError as error:
        raise input_error(path, f"not UTF-8 text (byte {error.start}); export the corpus as UTF-8") from None


def _check_columns(path: Path, row: dict, wanted: list[str]) -> None:
    missing = [name for name in wanted if name not in row]
    if missing:
        have = ", ".join(map(str, row)) or "none"
        raise input_error(path, f"no column {', '.join(repr(m) for m in missing)} (columns: {have}); "
                                "choose them with --text-column / --id-column / --meta-columns")


def _record(path: Path, number: int, row: dict, *, text_column: str, id_column: str,
            meta_columns: tuple[str, ...], seen: dict[str, int], skip_bad_rows: bool) -> dict | None:
    where = "line" if path.suffix.lower() != ".csv" else "row"
    text = _as_text(row.get(text_column))
    doc_id = _as_text(row.get(id_column)).strip()
    problem = None
    if not doc_id:
        problem = f"{where} {number}: empty {id_column!r}"
    elif not text.strip():
        problem = f"{where} {number}: empty {text_column!r} (document {doc_id!r})"
    elif doc_id in seen:
        problem = f"{where} {number}: id {doc_id!r} repeats {where} {seen[doc_id]}"
    if problem:
        if skip_bad_rows:
            warn(path, f"{problem}; skipped")
            return None
        raise input_error(path, f"{problem} (fix the row, or pass --skip-bad-rows)")
    seen[doc_id] = number
    record = {column: "" for column in METADATA_COLUMNS}
    record.update(doc_id=doc_id, title=doc_id, kind="unknown")
    for column in meta_columns:
        record[column] = _as_text(row.get(column)).strip()
    record.update(path=f"{path}:{where} {number}", sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
                  encoding="utf-8", raw_text=text)
    return record


def _as_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    return json.dumps(value, ensure_ascii=False)
