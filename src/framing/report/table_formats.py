"""The formats a run's tables are written in: CSV files, one Excel workbook, or Parquet files.

* ``csv`` (default): one file per table, neutralised against spreadsheet formulas (:mod:`.formula_cells`).
* ``xlsx``: one workbook, :data:`WORKBOOK`, a sheet per table named after it (openpyxl, ``framing[xlsx]``). The
  cells are neutralised exactly as the CSV writer does (openpyxl itself would store ``=…`` text as a formula); a
  table longer than a sheet holds continues on ``name_2``, ``name_3`` …; text a sheet cannot hold (control
  characters, more than :data:`MAX_CELL_CHARS` characters) is cleaned or cut with a warning — the CSV and
  Parquet files keep it whole.
* ``parquet``: one file per table (pyarrow, ``framing[parquet]``), typed and with the true text: Parquet is
  read by programs, not spreadsheets, so nothing in it is run as a formula.

A missing extra is refused by :func:`check_format` with the pip command, before any work.
"""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path
from typing import Literal, NamedTuple, get_args

import pandas as pd

from ..arguments import one_of
from ..errors import input_error, warn
from ..heap import release_freed_memory
from .formula_cells import formula_warning, neutralise_formulas, write_csv_table

TableFormat = Literal["csv", "xlsx", "parquet"]
TABLE_FORMATS: tuple[str, ...] = get_args(TableFormat)
WORKBOOK = "framing.xlsx"
# The library each format needs, and the extra that installs it.
FORMAT_LIBRARIES = {"xlsx": "openpyxl", "parquet": "pyarrow"}
# Excel's limits: rows per sheet (the header takes one), characters per cell, characters per sheet name.
MAX_SHEET_ROWS = 1_048_576
MAX_CELL_CHARS = 32_767
MAX_SHEET_NAME = 31


def check_format(table_format: str) -> str:
    """``table_format`` when it is known and its library is installed; else one
    :class:`~framing.errors.FramingError` (naming the choices, or the pip command for the missing extra)."""
    one_of(table_format, TABLE_FORMATS, "format")
    library = FORMAT_LIBRARIES.get(table_format)
    if library is not None and importlib.util.find_spec(library) is None:
        raise input_error(None, f"format {table_format!r} needs {library}, which is not installed: "
                                f"pip install 'framing[{table_format}]'")
    return table_format


def table_file_names(csv_names, table_format: str) -> list[str]:
    """The files the tables named ``csv_names`` (``documents.csv`` …) are written to in ``table_format``."""
    if table_format == "xlsx":
        return [WORKBOOK]
    if table_format == "parquet":
        return [str(Path(name).with_suffix(".parquet")) for name in csv_names]
    return list(csv_names)


def where_written(csv_name: str, table_format: str) -> str:
    """Where the table ``csv_name`` (``documents.csv`` …) is in a run written in ``table_format``, as a reader
    is told: ``documents.csv``, ``documents.parquet``, or ``framing.xlsx (sheet documents)``."""
    if table_format == "xlsx":
        return f"{WORKBOOK} (sheet {sheet_names(csv_name, 1)[0]})"
    return table_file_names([csv_name], table_format)[0]


_TABLE_MENTION = re.compile(r"\b[a-z_]+\.csv\b")


def in_format(text: str, table_format: str) -> str:
    """``text`` (a message naming tables as ``name.csv``) with each table named where ``table_format`` wrote
    it (:func:`where_written`): the views and the report say "documents.csv" before the format is known."""
    return _TABLE_MENTION.sub(lambda match: where_written(match.group(), table_format), text)


class WrittenTables(NamedTuple):
    """What :func:`write_tables` wrote: the relative file names, and how many cells per table it neutralised."""

    files: list[str]
    neutralised: dict[str, int]


def write_tables(folder: Path, tables: dict[str, pd.DataFrame], table_format: str) -> WrittenTables:
    """Write ``tables`` (by CSV name) into ``folder`` in ``table_format``; warn once about neutralised cells."""
    check_format(table_format)
    if table_format == "xlsx":
        neutralised = _write_workbook(folder / WORKBOOK, tables)
    elif table_format == "parquet":
        for name, table in tables.items():
            # Object columns may mix types (metadata numbers beside text); Parquet needs one type per column.
            _as_parquet_types(table).to_parquet(folder / Path(name).with_suffix(".parquet"), index=False)
        neutralised = {}
    else:
        neutralised = {}
        for name, table in tables.items():
            neutralised[name] = write_csv_table(folder / name, table)
            release_freed_memory()  # the rows pandas formatted
    # The warning names the files, or in a workbook its sheets.
    changed = {name if table_format == "csv" else Path(name).stem: count for name, count in neutralised.items()
               if count}
    if changed:
        warn(None, formula_warning(changed))
    return WrittenTables(table_file_names(tables, table_format), neutralised)


def _as_parquet_types(table: pd.DataFrame) -> pd.DataFrame:
    mixed = [name for name in table.columns
             if table[name].dtype == object and table[name].map(type).nunique(dropna=True) > 1]
    return table.astype({name: "string" for name in mixed}) if mixed else table


def sheet_names(csv_name: str, n_rows: int) -> list[str]:
    """The sheets a table of ``n_rows`` rows fills: its name without ``.csv`` (cut to Excel's 31 characters),
    then ``_2``, ``_3`` … for the rows a sheet cannot hold."""
    stem = Path(csv_name).stem
    n_sheets = max(1, -(-n_rows // (MAX_SHEET_ROWS - 1)))
    suffixes = [""] + [f"_{number}" for number in range(2, n_sheets + 1)]
    return [stem[:MAX_SHEET_NAME - len(suffix)] + suffix for suffix in suffixes]


def _write_workbook(path: Path, tables: dict[str, pd.DataFrame]) -> dict[str, int]:
    """Write every table into one workbook, streamed (openpyxl's write-only mode: rows go to disk as they are
    appended, so memory stays flat however large the corpus). Returns the neutralised cells per table."""
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    neutralised, cut = {}, {}
    for name, table in tables.items():
        written, neutralised[name] = neutralise_formulas(table)
        written, cut[name] = _fit_cells(written)
        rows_per_sheet = MAX_SHEET_ROWS - 1
        for number, sheet_name in enumerate(sheet_names(name, len(written))):
            _append_table(workbook.create_sheet(sheet_name),
                          written.iloc[number * rows_per_sheet:(number + 1) * rows_per_sheet])
    workbook.save(path)
    cut = {Path(name).stem: count for name, count in cut.items() if count}
    if cut:
        warn(None, f"{sum(cut.values())} cell(s) held control characters or more than {MAX_CELL_CHARS:,} "
                   f"characters, which a spreadsheet cell cannot hold; in {WORKBOOK} they were cleaned or cut "
                   f"({', '.join(f'{name} {count}' for name, count in cut.items())}); --format csv or parquet "
                   "keeps the whole text")
    return neutralised


def _append_table(sheet, table: pd.DataFrame) -> None:
    """The header, then one row per table row; a missing value (NaN, NA) is an empty cell."""
    sheet.append([str(name) for name in table.columns])
    cells = table.astype(object)
    for row in cells.where(table.notna(), None).itertuples(index=False, name=None):
        sheet.append(row)


def _fit_cells(table: pd.DataFrame) -> tuple[pd.DataFrame, int]:
    """``table`` with every text cell a sheet can hold: control characters openpyxl refuses removed, text longer
    than a cell holds cut. Returns the table (the same object when nothing changed) and the cells changed."""
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    copy, changed = table, 0
    for position in range(table.shape[1]):
        values = table.iloc[:, position]
        if pd.api.types.is_numeric_dtype(values.dtype) or pd.api.types.is_bool_dtype(values.dtype):
            continue
        text = values.map(lambda value: isinstance(value, str))
        cleaned = values[text].str.replace(ILLEGAL_CHARACTERS_RE, "", regex=True).str.slice(0, MAX_CELL_CHARS)
        differs = cleaned.ne(values[text])
        if differs.any():
            copy = table.copy() if copy is table else copy
            copy.iloc[text.to_numpy().nonzero()[0], position] = cleaned.to_numpy()
            changed += int(differs.sum())
    return copy, changed
