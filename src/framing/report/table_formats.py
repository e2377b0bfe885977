"""The formats a run's tables are written in: CSV files, one Excel workbook, or Parquet files.

* ``csv`` (default): one file per table, neutralised against spreadsheet formulas (:mod:`.formula_cells`).
* ``xlsx``: one workbook, a sheet per table (XlsxWriter, ``framing[xlsx]``; :mod:`.workbook`).
* ``parquet``: one file per table (pyarrow, ``framing[parquet]``), typed and with the true text: Parquet is
  read by programs, not spreadsheets, so nothing in it is run as a formula.

A missing extra is refused by :func:`check_format` with the pip command, before any work. Every format counts
the cells it has written on one progress bar: 10,000 articles make 38 million, about 9 s as CSV and over two
minutes as a workbook.
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
from ..progress import counted
from .formula_cells import formula_warning, write_csv_table
from .workbook import WORKBOOK, sheet_names, write_workbook

TableFormat = Literal["csv", "xlsx", "parquet"]
TABLE_FORMATS: tuple[str, ...] = get_args(TableFormat)
# The library each format needs, and the extra that installs it.
FORMAT_LIBRARIES = {"xlsx": "xlsxwriter", "parquet": "pyarrow"}


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


def write_tables(folder: Path, tables: dict[str, pd.DataFrame], table_format: str, *,
                 progress: bool = False) -> WrittenTables:
    """Write ``tables`` (by CSV name) into ``folder`` in ``table_format``; warn once about neutralised cells.
    ``progress``: a bar of the cells written, on a terminal."""
    check_format(table_format)
    total = sum(table.size for table in tables.values())
    with counted(f"writing tables ({table_format})", total=total, unit="cell", shown=progress) as advance:
        if table_format == "xlsx":
            neutralised = write_workbook(folder / WORKBOOK, tables, advance)
        elif table_format == "parquet":
            neutralised = {}
            for name, table in tables.items():
                # Object columns may mix types (metadata numbers beside text); Parquet needs one type per column.
                _as_parquet_types(table).to_parquet(folder / Path(name).with_suffix(".parquet"), index=False)
                advance(table.size)
        else:
            neutralised = {}
            for name, table in tables.items():
                neutralised[name] = write_csv_table(folder / name, table, advance)
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
