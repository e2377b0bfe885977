"""``--format xlsx``: every table in one workbook, :data:`WORKBOOK`, a sheet per table named after it.

Written with XlsxWriter in its constant-memory mode: each row goes to disk once the next one begins, and the
tables are turned into Python values :data:`CHUNK_ROWS` rows at a time, so memory stays flat however large the
corpus. A workbook is still the slowest format (about 3.7 s per million cells here, against under 0.5 s for
CSV), so the writer reports its progress in cells.

The cells are neutralised against formulas exactly as the CSV writer does (:mod:`.formula_cells`); a table longer
than a sheet holds continues on ``name_2``, ``name_3`` …; text a sheet cannot hold (control characters, more
than :data:`MAX_CELL_CHARS` characters) is cleaned or cut with a warning — the CSV and Parquet files keep it
whole.
"""

from __future__ import annotations

import datetime
import math
import numbers
import re
from collections.abc import Callable
from pathlib import Path

import pandas as pd

from ..corpus.records import EXCEL_CELL_CHARS
from ..errors import warn
from .formula_cells import neutralise_formulas

WORKBOOK = "framing.xlsx"
# Excel's limits: rows per sheet (the header takes one), characters per cell, characters per sheet name.
MAX_SHEET_ROWS = 1_048_576
MAX_CELL_CHARS = EXCEL_CELL_CHARS
MAX_SHEET_NAME = 31
# Characters XML 1.0 cannot hold, which a sheet therefore cannot either (the C0 controls but tab and line breaks).
ILLEGAL_CHARACTERS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")
# Rows turned into Python values at once: enough that pandas' per-call cost vanishes, few enough that a
# 260,000-row sentences table never exists as Python objects whole.
CHUNK_ROWS = 20_000
WORKBOOK_OPTIONS = {
    "constant_memory": True,
    "default_date_format": "yyyy-mm-dd hh:mm:ss",
    "remove_timezone": True,
}


def sheet_names(csv_name: str, n_rows: int) -> list[str]:
    """The sheets a table of ``n_rows`` rows fills: its name without ``.csv`` (cut to Excel's 31 characters),
    then ``_2``, ``_3`` … for the rows a sheet cannot hold."""
    stem = Path(csv_name).stem
    n_sheets = max(1, -(-n_rows // (MAX_SHEET_ROWS - 1)))
    suffixes = [""] + [f"_{number}" for number in range(2, n_sheets + 1)]
    return [stem[:MAX_SHEET_NAME - len(suffix)] + suffix for suffix in suffixes]


def write_workbook(path: Path, tables: dict[str, pd.DataFrame],
                   advance: Callable[[int], object] = lambda cells: None) -> dict[str, int]:
    """Write every table (by CSV name) into one workbook at ``path``, calling ``advance`` with the number of cells
    written after each chunk of rows. Returns the neutralised cells per table; warns once about cells cut."""
    import xlsxwriter

    neutralised, cut = {}, {}
    # The last chunk is counted once the workbook is saved: compressing it takes a tenth of the time, which the
    # bar would otherwise spend at 100%.
    held = _HeldBack(advance)
    with xlsxwriter.Workbook(str(path), WORKBOOK_OPTIONS) as workbook:
        for name, table in tables.items():
            written, neutralised[name] = neutralise_formulas(table)
            written, cut[name] = _fit_cells(written)
            rows_per_sheet = MAX_SHEET_ROWS - 1
            for number, sheet_name in enumerate(sheet_names(name, len(written))):
                _write_sheet(workbook.add_worksheet(sheet_name),
                             written.iloc[number * rows_per_sheet:(number + 1) * rows_per_sheet], held)
    held.release()
    cut = {Path(name).stem: count for name, count in cut.items() if count}
    if cut:
        warn(None, f"{sum(cut.values())} cell(s) held control characters or more than {MAX_CELL_CHARS:,} "
                   f"characters, which a spreadsheet cell cannot hold; in {WORKBOOK} they were cleaned or cut "
                   f"({', '.join(f'{name} {count}' for name, count in cut.items())}); --format csv or parquet "
                   "keeps the whole text")
    return neutralised


class _HeldBack:
    """Passes each count on when the next one comes, and the last on :meth:`release`."""

    def __init__(self, advance: Callable[[int], object]):
        self.advance, self.pending = advance, 0

    def __call__(self, cells: int) -> None:
        if self.pending:
            self.advance(self.pending)
        self.pending = cells

    def release(self) -> None:
        if self.pending:
            self.advance(self.pending)
        self.pending = 0


def _write_sheet(sheet, table: pd.DataFrame, advance: Callable[[int], object]) -> None:
    """The header, then one row per table row; a missing value (NaN, NA, None) is an empty cell."""
    sheet.write_row(0, 0, [str(name) for name in table.columns])
    for start in range(0, len(table), CHUNK_ROWS):
        chunk = table.iloc[start:start + CHUNK_ROWS]
        cells = chunk.astype(object).where(chunk.notna(), None)
        for row, values in enumerate(cells.itertuples(index=False, name=None), start=start + 1):
            for column, value in enumerate(values):
                if value is not None:
                    _write_cell(sheet, row, column, value)
        advance(chunk.size)


def _write_cell(sheet, row: int, column: int, value) -> None:
    # Each type by its own method: XlsxWriter's generic write() would turn text such as "=A1" into a formula.
    if isinstance(value, str):
        sheet.write_string(row, column, value)
    elif isinstance(value, bool):
        sheet.write_boolean(row, column, value)
    elif isinstance(value, numbers.Real) and math.isfinite(value):
        sheet.write_number(row, column, value)
    elif isinstance(value, numbers.Real):  # no cell holds infinity: its text, as the CSV has it
        sheet.write_string(row, column, str(float(value)))
    elif isinstance(value, (datetime.date, datetime.time, datetime.timedelta)):
        sheet.write_datetime(row, column, value)
    else:  # a list or mapping from a JSON Lines metadata field, say: its text
        sheet.write_string(row, column, str(value))


def _fit_cells(table: pd.DataFrame) -> tuple[pd.DataFrame, int]:
    """``table`` with every text cell a sheet can hold: control characters removed, text longer than a cell holds
    cut. Returns the table (the same object when nothing changed) and the cells changed."""
    copy, changed = table, 0
    for position in range(table.shape[1]):
        values = table.iloc[:, position]
        if pd.api.types.is_numeric_dtype(values.dtype) or pd.api.types.is_bool_dtype(values.dtype):
            continue
        text = values.map(lambda value: isinstance(value, str))
        if not text.any():  # dates, or metadata that are not text
            continue
        cleaned = values[text].str.replace(ILLEGAL_CHARACTERS, "", regex=True).str.slice(0, MAX_CELL_CHARS)
        differs = cleaned.ne(values[text])
        if differs.any():
            copy = table.copy() if copy is table else copy
            copy.iloc[text.to_numpy().nonzero()[0], position] = cleaned.to_numpy()
            changed += int(differs.sum())
    return copy, changed
