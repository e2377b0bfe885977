"""What :func:`framing.analyze` accepts as documents: paths, or texts already in memory.

Files and folders (and one corpus table: ``.csv``, ``.tsv``, ``.jsonl``, ``.json``, ``.xlsx``) go to
:mod:`framing.corpus` as before. Texts held in memory — a list of strings, a ``{doc_id: text}`` mapping, a pandas
DataFrame — become the same records a corpus table's rows become (:func:`framing.corpus.records.row_record`), so
they pass the same checks (an empty text, a repeated id, a NUL character, a cell that is not text) and the same
cleaning; nothing is written to disk.

A string is read as a path when it names an existing file or folder, or looks like one (a single word, or ending
in a document suffix or a slash); any other string in a list is a text. A single string is always a path: a text
passed on its own is refused with the hint to wrap it in a list.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from .arguments import PATH_TYPES, comma_separated
from .corpus.reading import DOCUMENT_SUFFIXES
from .corpus.records import RowSource, near_columns, row_record, table_suffix
from .errors import input_error

# A string longer than this is never a path (and asking the file system about it would fail).
MAX_PATH_CHARS = 4096
# How much of a string a message quotes.
SHOWN_CHARS = 60
SKIP_HINT = "pass skip_bad_rows=True"
LIST_SOURCE = RowSource("texts", "texts", "item", SKIP_HINT)
FRAME_SOURCE = RowSource("DataFrame", "DataFrame", "index", SKIP_HINT)


@dataclass(frozen=True)
class TableOptions:
    """How to read a corpus table (``.csv``, ``.tsv``, ``.jsonl``, ``.json``, ``.xlsx``) or a DataFrame: see
    :func:`framing.corpus.records.read_records`. ``id_column=None``: ``id`` for a file (as on the command line);
    for a DataFrame its ``id`` column when it has one, else the ids ``doc1, doc2, …`` in row order.
    ``headline_column``: a column holding each article's headline, read as its first paragraph (``headline``).
    ``sheet``: the sheet of an Excel workbook to read (default: its first)."""

    text_column: str = "text"
    id_column: str | None = None
    meta_columns: tuple[str, ...] = ()
    skip_bad_rows: bool = False
    headline_column: str | None = None
    sheet: str | None = None


def table_options(table: TableOptions | None, *, text_column: str = "text", id_column: str | None = None,
                  meta_columns=(), skip_bad_rows: bool = False, headline_column: str | None = None,
                  sheet: str | None = None) -> TableOptions:
    """The options given as keywords, or the older ``table=TableOptions(...)``; not both."""
    keywords = TableOptions(text_column, id_column, comma_separated(meta_columns, "meta_columns"), skip_bad_rows,
                            headline_column, sheet)
    if table is None:
        return keywords
    if keywords != TableOptions():
        raise input_error(None, "give the corpus table's columns either as keywords (text_column=, id_column=, "
                                "meta_columns=, skip_bad_rows=, headline_column=, sheet=) or as "
                                "table=TableOptions(...), not both")
    # Its meta columns checked like the keyword's: a string is split at commas, not into letters.
    return TableOptions(table.text_column, table.id_column, comma_separated(table.meta_columns, "meta_columns"),
                        table.skip_bad_rows, table.headline_column, table.sheet)


def in_memory_records(documents, options: TableOptions) -> list[dict] | None:
    """The records of texts held in memory (as :func:`framing.corpus.records.read_records` yields them), or
    ``None`` when ``documents`` are paths.

    Raises :class:`TypeError` for a text that is not a string and :class:`~framing.errors.FramingError` for a
    single string naming no file or folder, a list mixing texts and paths, a DataFrame lacking a named column,
    an empty mapping or DataFrame, or a bad row (as a corpus table's).
    """
    records = _records_in_memory(documents, options)
    if records is not None and options.sheet is not None:
        raise input_error(None, f"sheet={options.sheet!r} names a sheet of an Excel workbook given as the corpus "
                                "table; texts in memory have none")
    return records


def _records_in_memory(documents, options: TableOptions) -> list[dict] | None:
    if isinstance(documents, pd.DataFrame):
        return _frame_records(documents, options)
    if isinstance(documents, Mapping):
        _refuse_columns_for_texts(options, "a mapping")
        if not documents:
            raise input_error(None, "no texts given: the mapping is empty")
        for key, text in documents.items():
            if not isinstance(key, (str, int)) or isinstance(key, bool):
                raise TypeError(f"a mapping of texts needs doc_ids as keys (strings); got a key of type "
                                f"{type(key).__name__}")
            _require_text(text, f"the text of {key!r}")
        return _records(LIST_SOURCE, enumerate(documents.items(), start=1), options)
    if isinstance(documents, str):
        if not _exists(documents):
            raise input_error(None, f"no such file or folder: {_shown(documents)!r}; to analyse a text held in "
                                    "memory, pass a list of texts: framing.analyze([text])")
        return None
    if isinstance(documents, (list, tuple)) and documents and any(_is_text(item) for item in documents):
        _refuse_columns_for_texts(options, "a list of texts")
        for number, item in enumerate(documents, start=1):
            _require_text(item, f"item {number} of the list")
            if not _is_text(item):
                raise input_error(None, f"the list mixes texts and paths: item {number} ({_shown(item)!r}) is a "
                                        "file or folder; pass either texts or paths")
        ids = (f"doc{number}" for number in range(1, len(documents) + 1))
        return _records(LIST_SOURCE, enumerate(zip(ids, documents), start=1), options)
    return None


def _records(source: RowSource, numbered, options: TableOptions) -> list[dict]:
    """Records of ``(number, (doc_id, text))`` pairs, checked like a corpus table's rows."""
    seen: dict = {}
    rows = ((number, {"id": doc_id, "text": text}) for number, (doc_id, text) in numbered)
    records = [row_record(source, number, row, text_column="text", id_column="id", meta_columns=(), seen=seen,
                          skip_bad_rows=options.skip_bad_rows) for number, row in rows]
    return _non_empty([record for record in records if record is not None], source)


def _frame_records(frame: pd.DataFrame, options: TableOptions) -> list[dict]:
    """Records of a DataFrame's rows, named by their index labels in messages."""
    id_column = options.id_column or ("id" if "id" in frame.columns else None)
    wanted = list(dict.fromkeys(name for name in (id_column, options.text_column, options.headline_column,
                                                  *options.meta_columns) if name))
    missing = [name for name in wanted if name not in frame.columns]
    if missing:
        raise input_error(None, f"the DataFrame has no column {', '.join(map(repr, missing))} (columns: "
                                f"{', '.join(map(str, frame.columns)) or 'none'}); choose them with text_column= / "
                                f"id_column= / meta_columns={near_columns(missing, frame.columns)}")
    repeated = [name for name in wanted if (frame.columns == name).sum() > 1]
    if repeated:
        raise input_error(None, f"the DataFrame has column {repeated[0]!r} more than once; rename all but one")
    if frame.empty:
        raise input_error(None, "the DataFrame has no rows")
    cells = frame[wanted].astype(object)
    cells = cells.where(cells.notna(), None)
    if id_column is None:
        id_column = "id"
        cells.insert(0, id_column, [f"doc{number}" for number in range(1, len(frame) + 1)])
    seen: dict = {}
    records = []
    for label, row in zip(frame.index, cells.to_dict("records")):
        record = row_record(FRAME_SOURCE, label, {name: _plain(value) for name, value in row.items()},
                            text_column=options.text_column, id_column=id_column,
                            meta_columns=options.meta_columns, seen=seen, skip_bad_rows=options.skip_bad_rows,
                            headline_column=options.headline_column)
        if record is not None:
            records.append(record)
    return _non_empty(records, FRAME_SOURCE)


def _plain(value):
    """A cell as the plain value a CSV or JSON row would hold: numpy scalars as Python numbers, dates and other
    objects as their text (a JSON object or list is kept, for the row check to refuse as a text)."""
    if value is None or isinstance(value, (str, int, float, bool, dict, list)):
        return value
    if hasattr(value, "item") and not hasattr(value, "__len__"):  # a numpy scalar
        return value.item()
    return str(value)


def _non_empty(records: list[dict], source: RowSource) -> list[dict]:
    if not records:
        raise input_error(source.path, "no row has any text")
    return records


def _refuse_columns_for_texts(options: TableOptions, what: str) -> None:
    if options.meta_columns or options.id_column is not None or options.text_column != "text":
        raise input_error(None, f"text_column=, id_column= and meta_columns= name columns of a DataFrame or a "
                                f"corpus file; {what} has none")


def _require_text(value, what: str) -> None:
    if not isinstance(value, str):
        raise TypeError(f"texts must be strings: {what} is {'None' if value is None else type(value).__name__}")


def _is_text(value) -> bool:
    """Whether a list item is a text rather than a path (see the module's docstring)."""
    if not isinstance(value, str):
        return not isinstance(value, PATH_TYPES)
    stripped = value.strip()
    if not stripped:
        return True  # nothing can be a path; refused as an empty text with its item number
    if _exists(value) or not any(character.isspace() for character in stripped):
        return False
    one_line = "\n" not in stripped
    names_a_file = one_line and (Path(stripped).suffix.lower() in DOCUMENT_SUFFIXES
                                 or table_suffix(stripped) is not None)
    return not (names_a_file or stripped.endswith(("/", os.sep)))


def _exists(value: str) -> bool:
    # os.path.exists answers False for a name the file system refuses (too long, a NUL character).
    return len(value) <= MAX_PATH_CHARS and "\n" not in value and os.path.exists(value)


def _shown(value: str) -> str:
    return value if len(value) <= SHOWN_CHARS else value[:SHOWN_CHARS] + "…"
