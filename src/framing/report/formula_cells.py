"""Writing tables as CSV that a spreadsheet opens as data: no text cell is run as a formula.

Excel and LibreOffice run a cell that begins with ``=``, ``+``, ``-`` or ``@`` (and, after a tab or a carriage
return, what follows) as a formula: ``=HYPERLINK("http://…","x")`` in a scraped article becomes a link, and
``+1+cmd|' /C calc'!A0`` a command, the moment a student opens ``sentences.csv``. OWASP's advice, followed here:
prefix such a *text* cell with ``'``, which spreadsheets show as text and do not display. Only the written
files change; the tables in memory and the report keep the true text, and numbers (``-0.4``) are numbers.

Recovering the true text from a written cell: strip one leading ``'`` from a cell that begins with one or more
``'`` followed by one of the prefixes. A cell that already began with ``'`` and a prefix gets one ``'`` more
for the same reason, so that rule undoes every change exactly.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

import pandas as pd

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
# The cells the rule above changes: any number of quotes, then a prefix.
FORMULA_CELL = re.compile("'*[" + re.escape("".join(FORMULA_PREFIXES)) + "]")
QUOTE = "'"
CARRIAGE_RETURN = re.compile("\r")
# Rows written at once: the progress bar moves between chunks.
CHUNK_ROWS = 50_000


class NeutralisedTable(NamedTuple):
    """What :func:`neutralise_formulas` returns: the table to write and how many cells (headers included) it
    changed."""

    table: pd.DataFrame
    changed: int


def neutralise_formulas(table: pd.DataFrame) -> NeutralisedTable:
    """``table`` with a ``'`` before every text cell and column name a spreadsheet would run as a formula.

    The same table object comes back, untouched, when no cell needs it, so such a table is written exactly as
    before.
    """
    changed = 0
    copy = table
    for position in range(table.shape[1]):
        hits = _formula_cells(table.iloc[:, position])
        if hits.any():
            if copy is table:
                copy = table.copy(deep=False)  # copy-on-write: only the columns changed below are copied
            values = copy.iloc[:, position]
            copy.iloc[hits.to_numpy(), position] = (QUOTE + values[hits].astype(str)).to_numpy()
            changed += int(hits.sum())
    names = [_quoted(name) for name in table.columns]
    # Compared by value: a pandas string Index hands out a new str object on every iteration.
    renamed = sum(new != old for new, old in zip(names, table.columns))
    if renamed:
        copy = copy.set_axis(names, axis=1)
    return NeutralisedTable(copy, changed + renamed)


def _formula_cells(values: pd.Series) -> pd.Series:
    """True for each cell of ``values`` that is text beginning like a formula; all False for numbers."""
    return _text_cells(values, FORMULA_CELL, anywhere=False)


def _text_cells(values: pd.Series, pattern: re.Pattern, *, anywhere: bool) -> pd.Series:
    """True for each text cell of ``values`` that ``pattern`` matches at its start (or ``anywhere``)."""
    if _is_numeric(values.dtype):
        return pd.Series(False, index=values.index)
    if isinstance(values.dtype, pd.StringDtype):
        found = values.str.contains(pattern) if anywhere else values.str.match(pattern)
        return found.eq(True)
    find = pattern.search if anywhere else pattern.match
    return values.map(lambda value: isinstance(value, str) and find(value) is not None).astype(bool)


def _is_numeric(dtype) -> bool:
    return pd.api.types.is_numeric_dtype(dtype) or pd.api.types.is_datetime64_any_dtype(dtype)


def _quoted(name):
    return QUOTE + name if isinstance(name, str) and FORMULA_CELL.match(name) else name


def write_csv_table(path: Path, table: pd.DataFrame,
                    advance: Callable[[int], object] = lambda cells: None) -> int:
    """Write ``table`` to ``path`` as CSV (no index, ``\\n`` line ends), neutralised; return how many cells
    were changed. ``advance`` is called with the number of cells written after each :data:`CHUNK_ROWS` rows.

    Python's csv writer quotes a cell holding a line break only when the break is part of the line ending, so
    a lone carriage return (``\\r``) would go out bare: spreadsheets and csv readers end the row there, and
    the text after it — ``=cmd`` — would start a cell of its own, un-neutralised. A table with such a cell is
    written with every text cell quoted; every other table exactly as before.
    """
    written, changed = neutralise_formulas(table)
    quoting = csv.QUOTE_NONNUMERIC if _holds_carriage_return(written) else csv.QUOTE_MINIMAL
    # In chunks only to report progress: each chunk is formatted as the whole table would be, so the bytes are
    # the same. An empty table still gets its header.
    with open(path, "w", encoding="utf-8", newline="") as file:
        for start in range(0, max(len(written), 1), CHUNK_ROWS):
            chunk = written.iloc[start:start + CHUNK_ROWS]
            chunk.to_csv(file, index=False, header=start == 0, lineterminator="\n", quoting=quoting)
            advance(chunk.size)
    return changed


def _holds_carriage_return(table: pd.DataFrame) -> bool:
    names = any(isinstance(name, str) and "\r" in name for name in table.columns)
    return names or any(_text_cells(table.iloc[:, position], CARRIAGE_RETURN, anywhere=True).any()
                        for position in range(table.shape[1]))


def formula_warning(changed: dict[str, int]) -> str:
    """The run's one warning about neutralised cells, naming how many and in which files."""
    files = ", ".join(f"{name} {count}" for name, count in changed.items())
    return (f"{sum(changed.values())} cell(s) began with =, +, -, @, a tab or a carriage return and were written "
            f"with a leading ' so that spreadsheets show them as text instead of running them as formulas "
            f"({files}); the tables in memory and the report keep the true text (README: Formula cells)")
