"""Documents from a corpus export: one CSV, JSON or Excel file with one article per row.

News archives (Media Cloud, GDELT full-text exports, a spreadsheet kept by a class) hand over thousands of articles
as one table, not as thousands of files. :func:`read_records` streams such a file row by row — it never holds the
whole table, but for a JSON document, which is parsed whole — and yields the same records
:func:`framing.corpus.load_documents` makes from files, so everything after reading is shared.

Row numbers in messages are those a spreadsheet shows: the CSV header is row 1, the first article row 2; in JSON
Lines, the line number; in a JSON list, the item's (:mod:`.json_rows`). A workbook's first sheet is read as a CSV
would be (:mod:`.workbook_rows`). The file is decoded like a document (:mod:`.encoding`: not UTF-8 means cp1252
with a warning); a cell that could not be text (a NUL character, a JSON object or list as the text or id) and a
column name given twice are refused with the row, so nothing is analysed that is not what the user meant.
"""

from __future__ import annotations

import csv
import hashlib
import itertools
import json
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Literal, NamedTuple

from ..errors import FramingWarning, input_error, warn
from .csv_lines import UNCLOSED_QUOTE, RowLines, UnclosedQuote
from .encoding import Encoding, is_gzipped, open_text, stream_encoding
from .json_rows import json_document_rows, json_folder_rows, json_lines_rows
from .manifest import METADATA_COLUMNS
from .paths import require_regular_file, shown_path
from .workbook_rows import WORKBOOK_SUFFIXES, other_sheets_hint, workbook_rows

TABLE_SUFFIXES = (".csv", ".tsv", ".jsonl", ".ndjson", ".json")  # each also gzip-compressed, with ".gz" after it
# Separated values: each suffix's separator; ".csv" is comma-separated (another separator gets a hint).
SEPARATORS = {".csv": ",", ".tsv": "\t"}
# Articles longer than this are almost always a whole page or feed pasted into one cell; csv's default limit
# (128 KiB) is too small for long-form articles, so raise it to something that still catches runaway fields.
MAX_FIELD_CHARS = 50_000_000
# What messages and the ``path`` column call a table's rows: a line of JSON Lines, an item of a JSON list.
ROW_WORDS = {".jsonl": "line", ".ndjson": "line", ".json": "item"}
# Excel keeps at most this many characters in a cell and cuts the rest without a word when it saves.
EXCEL_CELL_CHARS = 32_767


def table_suffix(path: str | Path) -> str | None:
    """The table format a file's name gives (one of :data:`TABLE_SUFFIXES` — ``export.csv.gz`` is ``.csv`` — or
    of :data:`~framing.corpus.workbook_rows.WORKBOOK_SUFFIXES`), or ``None``."""
    path = Path(path)
    if path.suffix.lower() in WORKBOOK_SUFFIXES:
        return path.suffix.lower()
    suffix = (path.with_suffix("") if is_gzipped(path) else path).suffix.lower()
    return suffix if suffix in TABLE_SUFFIXES else None


# What a record holds beside its id and metadata: left out of checked_table's rows, which are kept for every row.
NOT_METADATA = ("raw_text", "path", "sha256", "encoding", "headline_first")


class CheckedTable(NamedTuple):
    """What :func:`checked_table` says of a corpus table: each document's ``doc_id`` and metadata columns, and
    how many characters of text there are in all."""

    metadata: list[dict]
    n_characters: int


def checked_table(path: str | Path, **options) -> CheckedTable:
    """Read a corpus table once through, checking every row as :func:`read_records` does (``options`` are its
    keyword arguments), keeping every document's metadata and no text.

    Called before any document is scored, so that a bad row near the end of a large export, or a metadata column
    a ``--group-by`` or ``--pair`` needs, is refused at once instead of after minutes of work (10,000 articles:
    0.26 s). Its warnings (an encoding fallback, the rows ``skip_bad_rows`` skips) are left to the pass that
    reads the documents, which says them again.
    """
    metadata, n_characters = [], 0
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", FramingWarning)
        for record in read_records(path, **options):
            n_characters += len(record["raw_text"])
            metadata.append({key: value for key, value in record.items() if key not in NOT_METADATA})
    return CheckedTable(metadata, n_characters)


def read_records(path: str | Path, *, text_column: str = "text", id_column: str | None = None,
                 meta_columns: tuple[str, ...] = (), skip_bad_rows: bool = False,
                 headline_column: str | None = None, sheet: str | None = None) -> Iterator[dict]:
    """Stream the articles of a CSV, TSV, JSON Lines, JSON or Excel corpus file.

    Parameters
    ----------
    text_column, id_column
        Columns (keys) holding the article text and a unique id. ``id_column=None``: ``id``, or, when the table
        has no ``id`` column, each document named by its row (``row2, row3, …``; ``line1, …`` in JSON Lines,
        ``item1, …`` in a JSON list; a row's number does not change when another is skipped), with a warning.
    meta_columns
        Further columns to keep as document metadata (e.g. ``outlet``, ``published``; ``source.name`` for a JSON
        object's nested key); ``title, outlet, kind, published, source, notes`` fill the standard columns, any
        other name becomes an extra column.
    skip_bad_rows
        Skip a bad row (no text or id, a repeated id, a cell that cannot be text) with a warning, instead of
        stopping with an error.
    headline_column
        A column holding each article's headline (an export's ``title``): put before the text as its first
        paragraph, which the cleaner labels ``headline`` whatever its punctuation (``headline_first``). An empty
        cell adds nothing.
    sheet
        An Excel workbook's sheet to read, by name (default: the first); only for a workbook.

    Yields
    ------
    dict with ``doc_id, title, outlet, kind, published, source, notes`` (plus any extra metadata column),
    ``path`` (``file:row N``, the file named as in :func:`~framing.corpus.paths.shown_path`), ``sha256`` (of
    ``raw_text``'s UTF-8 bytes), ``encoding``, ``raw_text`` and ``headline_first`` (whether ``raw_text`` starts
    with the headline cell).

    Raises
    ------
    FramingError
        Missing columns (naming the ones the file has, with a hint when the file looks separated by another
        character), a column name given twice, a quoted cell never closed, an empty text, a repeated id, a NUL
        character or a JSON object or list as the text or id (with the row number), malformed JSON, or not
        a regular file.
    """
    path = Path(path)
    if not path.is_dir():  # a folder of JSON files, one article each, is read as a table too
        require_regular_file(path, "corpus file")
    numbered_if_missing = id_column is None
    id_column = id_column or "id"
    wanted = _unique([id_column, text_column, headline_column, *meta_columns])
    encoding, rows = _table_rows(path, wanted, sheet, skip_bad_rows)
    source = RowSource(path, shown_path(path), "file" if path.is_dir() else ROW_WORDS.get(table_suffix(path), "row"))
    seen: dict[str, int] = {}
    checked, numbered = False, False
    for number, row in rows:
        if not checked:
            # Not when a column is "id" but for case or spaces ("ID"): that one is meant, and the error says so.
            numbered = (numbered_if_missing and id_column not in row and id_column not in meta_columns
                        and not near_columns([id_column], row))
            _check_columns(path, row, [name for name in wanted if not (numbered and name == id_column)], encoding,
                           sheet, text_column)
            if numbered:
                # As a DataFrame without ids gets doc1, doc2, …: a class's spreadsheet of texts often has no ids.
                first = (_numbered_id(source, number) if source.row_word == "file"
                         else f"{_numbered_id(source, number)}, {_numbered_id(source, number + 1)}")
                warn(path, f"has no {id_column!r} column: each document is named by its {source.row_word} "
                           f"({first}, …); pass --id-column to name them by a column")
            checked = True
        if numbered:
            row = {**row, id_column: _numbered_id(source, number)}
        record = row_record(source, number, row, text_column=text_column, id_column=id_column,
                            meta_columns=meta_columns, seen=seen, skip_bad_rows=skip_bad_rows,
                            headline_column=headline_column)
        if record is not None:
            yield record
    if not checked:
        raise input_error(path, f"the corpus file holds no rows{other_sheets_hint(path, sheet)}")
    if not seen:
        raise input_error(path, f"no row has any text{other_sheets_hint(path, sheet)}")


def _numbered_id(source: RowSource, number) -> str:
    """A document's id from its place: ``row2``, ``line1``, ``item1``; a file's name without ``.json``."""
    if source.row_word == "file":
        return str(number).replace(".json #", "#").removesuffix(".json")
    return f"{source.row_word}{number}"


def _table_rows(path: Path, wanted: list[str], sheet: str | None, skip_bad_rows: bool
                ) -> tuple[Encoding, Iterator[tuple[int, dict]]]:
    """How the file is decoded, and its ``(number, row)`` pairs, by its format (a folder: of JSON files)."""
    suffix = None if path.is_dir() else table_suffix(path)
    if sheet is not None and suffix not in WORKBOOK_SUFFIXES:
        raise input_error(path, f"--sheet {sheet!r} names a sheet of an Excel workbook (.xlsx); this is not one")
    if path.is_dir():
        return "utf-8", json_folder_rows(path, skip_bad_files=skip_bad_rows)
    if suffix in WORKBOOK_SUFFIXES:
        return "utf-8", workbook_rows(path, lambda header: _refuse_repeated_columns(path, header, wanted),
                                      sheet=sheet)
    encoding = stream_encoding(path)
    separator = SEPARATORS.get(suffix)
    if separator is not None:
        rows = _csv_rows(path, encoding, wanted, separator)
    else:
        rows = json_document_rows(path, encoding) if suffix == ".json" else json_lines_rows(path, encoding)
    return encoding, _undecodable_as_error(path, encoding, rows)


def _undecodable_as_error(path: Path, encoding: Encoding, rows: Iterator) -> Iterator:
    """Only a file with a UTF-16 mark can still fail to decode once its encoding was chosen (a UTF-16 file is
    not checked up front): say so in one line."""
    try:
        yield from rows
    except UnicodeDecodeError:
        raise input_error(path, f"starts with a {encoding.upper()} mark but is not valid {encoding.upper()}; "
                                "save it as UTF-8") from None


def _unique(names) -> list[str]:
    return list(dict.fromkeys(name for name in names if name))


class RowSource(NamedTuple):
    """Where rows come from: as messages (``path``) and outputs (``shown``) name it, what its rows are called,
    and how a caller skips a bad row (``skip_hint``; the Python API says it its own way)."""

    path: Path | str
    shown: str
    row_word: Literal["row", "line", "item", "index", "file"]
    skip_hint: str = "pass --skip-bad-rows"


def _csv_rows(path: Path, encoding: Encoding, wanted: list[str], separator: str) -> Iterator[tuple[int, dict]]:
    csv.field_size_limit(MAX_FIELD_CHARS)
    try:
        with open_text(path, encoding, newline="") as handle:
            lines = RowLines(handle)
            reader = csv.DictReader(lines, delimiter=separator)
            if not reader.fieldnames:
                raise input_error(path, "the corpus file is empty (no header row)")
            _refuse_repeated_columns(path, reader.fieldnames, wanted)
            # DictReader's line_num counts physical lines; a text cell with line breaks spans several, so count
            # rows the way a spreadsheet does instead.
            number = 1
            for number, row in enumerate(lines.rows(reader), start=2):
                if None in row:
                    raise input_error(path, f"row {number} has more cells than the header "
                                            f"({len(reader.fieldnames)} columns){_delimiter_hint(path, encoding)}")
                yield number, row
    except UnclosedQuote as unclosed:
        # The row after the last one read (row 2 when none was).
        raise input_error(path, f"row {number + 1} (line {unclosed.line}): {UNCLOSED_QUOTE}") from None
    except csv.Error as error:
        raise input_error(path, f"not a readable CSV file: {error}") from None


def _refuse_repeated_columns(path: Path, header: list[str], wanted: list[str]) -> None:
    """csv.DictReader keeps the last of two same-named columns without a word; refuse a read column given twice.
    (Unread repeats, such as the empty names of a spreadsheet's trailing columns, are harmless.)"""
    for name in wanted:
        positions = [index for index, column in enumerate(header, start=1) if column == name]
        if len(positions) > 1:
            raise input_error(path, f"row 1: column {name!r} appears {len(positions)} times (columns "
                                    f"{', '.join(map(str, positions))}); rename or remove all but one")


DELIMITERS = {";": "';'", "\t": "tab", "|": "'|'"}
# Lines the delimiter guess looks at: enough for the sniffer to see a pattern, few enough to stay instant.
SNIFF_LINES = 20


def _delimiter_hint(path: Path, encoding: Encoding) -> str:
    """A hint when the file looks separated by another character than a comma (Excel in many locales writes
    ``;``), else nothing (nothing for a ``.tsv``, whose separator is a tab)."""
    if table_suffix(path) != ".csv":
        return ""
    try:
        with open_text(path, encoding, newline="") as handle:
            sample = "".join(itertools.islice(handle, SNIFF_LINES))
        delimiter = csv.Sniffer().sniff(sample, delimiters="," + "".join(DELIMITERS)).delimiter
    except (csv.Error, OSError, UnicodeDecodeError):
        return ""
    if delimiter not in DELIMITERS:
        return ""
    if delimiter == "\t":
        return "; looks like tab-separated; framing reads a .csv as comma-separated — name it .tsv"
    return (f"; looks like {DELIMITERS[delimiter]}-separated; framing reads comma-separated CSV — save it as "
            "CSV with commas (or as JSON Lines)")


def _check_columns(path: Path, row: dict, wanted: list[str], encoding: Encoding, sheet: str | None,
                   text_column: str) -> None:
    missing = [name for name in wanted if name not in row]
    if missing:
        have = ", ".join(map(str, row)) or "none"
        hint = (near_columns(missing, row) or _delimiter_hint(path, encoding) or other_sheets_hint(path, sheet)
                or (_longest_text_hint(row) if text_column in missing else ""))
        raise input_error(path, f"no column {', '.join(repr(m) for m in missing)} (columns: {have}); "
                                f"choose them with --text-column / --id-column / --meta-columns{hint}")


# A cell this long is prose, not a title or a name: the likely text column of an export that calls it otherwise.
PROSE_CHARS = 200


def _longest_text_hint(row: dict) -> str:
    """Name the column holding the first row's longest text, when it is long enough to be an article (news-please
    calls it ``maintext``, News API ``content``, other exports ``body``)."""
    texts = {name: value for name, value in row.items() if isinstance(value, str) and len(value) >= PROSE_CHARS}
    if not texts:
        return ""
    name = max(texts, key=lambda column: len(texts[column]))
    return f"; the first row's longest text is in {name!r} (--text-column {name})"


def spelling_key(name) -> str:
    """What is left of a name once case and spaces are set aside: two names with one key differ only in those
    (``ID`` and ``id``, ``BBC`` and ``bbc``, ``the  sun`` and ``The Sun``)."""
    return " ".join(str(name).split()).casefold()


def near_columns(missing: list[str], columns) -> str:
    """A hint naming the columns that differ from a missing one only in case or spaces (:func:`spelling_key`:
    an export's ``ID, Text`` or ``id, text`` with a space after the comma, which the column list hides), else
    nothing."""
    near = [(column, name) for name in missing for column in columns
            if spelling_key(column) == spelling_key(name) and column != name]
    if not near:
        return ""
    return ("; did you mean " + ", ".join(f"{column!r} for {name!r}" for column, name in near)
            + " (the names differ in case or spaces)?")


def row_record(source: RowSource, number, row: dict, *, text_column: str, id_column: str,
               meta_columns: tuple[str, ...], seen: dict, skip_bad_rows: bool,
               headline_column: str | None = None) -> dict | None:
    """One row as a document record (see :func:`read_records`), or ``None`` for a bad row skipped with a
    warning; a bad row not skipped raises :class:`~framing.errors.FramingError` naming it (``number``). ``seen``
    maps each doc_id used so far to its row and is updated. Shared by corpus files and in-memory tables."""
    where = f"{source.row_word} {number}"
    text = _as_text(row.get(text_column))
    doc_id = _as_text(row.get(id_column)).strip()
    problem = _cell_problem(row, (id_column, text_column, *meta_columns, *filter(None, [headline_column])),
                            text_column=text_column, id_column=id_column)
    if problem:
        problem = f"{where}: {problem}"
    elif not doc_id:
        problem = f"{where}: empty {id_column!r}"
    elif not text.strip():
        problem = f"{where}: empty {text_column!r} (document {doc_id!r})"
    elif doc_id in seen:
        problem = f"{where}: id {doc_id!r} repeats {source.row_word} {seen[doc_id]}"
    if problem:
        if skip_bad_rows:
            warn(source.path, f"{problem}; skipped")
            return None
        raise input_error(source.path, f"{problem} (fix the row, or {source.skip_hint})")
    seen[doc_id] = number
    if len(text) == EXCEL_CELL_CHARS:
        warn(source.path, f"{where}: the text is exactly {EXCEL_CELL_CHARS:,} characters, Excel's limit for a cell: "
                          "it was probably cut when the table was saved from Excel")
    record = {column: "" for column in METADATA_COLUMNS}
    record.update(doc_id=doc_id, title=doc_id, kind="unknown")
    for column in meta_columns:
        record[column] = _as_text(row.get(column)).strip()
    # One line: a headline cell's line breaks are layout, and its own paragraph must stay one.
    headline = " ".join(_as_text(row.get(headline_column)).split()) if headline_column else ""
    if headline:
        text = f"{headline}\n\n{text}"
    # A folder's article is named by its file, as a file of a folder of documents is.
    shown = f"{source.shown}/{number}" if source.row_word == "file" else f"{source.shown}:{where}"
    record.update(path=shown, sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
                  encoding="utf-8", raw_text=text, headline_first=bool(headline))
    return record


def _cell_problem(row: dict, columns: tuple[str, ...], *, text_column: str, id_column: str) -> str | None:
    """Why a cell of the row cannot be read, if it cannot: a NUL character (binary residue that would pass into
    every output), a text that is not a string or an id that is neither a string nor a number (a JSON object
    or list would be analysed, or named, as its JSON). Other metadata may be any JSON value, kept as its JSON."""
    for column in dict.fromkeys(columns):
        value = row.get(column)
        if isinstance(value, str):
            if "\x00" in value:
                return f"{column!r} holds a NUL character (binary data?); remove it or export the corpus again"
        elif column == text_column and value is not None:
            return f"{column!r} is {_json_kind(value)}, not text"
        elif column == id_column and isinstance(value, (dict, list, bool)):
            return f"{column!r} is {_json_kind(value)}, not text or a number"
    return None


def _json_kind(value) -> str:
    if isinstance(value, dict):
        return "a JSON object"
    if isinstance(value, list):
        return "a JSON list"
    return f"the {type(value).__name__} {value!r}"


def _as_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    return json.dumps(value, ensure_ascii=False)
