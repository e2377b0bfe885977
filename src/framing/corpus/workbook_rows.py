"""The rows of an Excel workbook (``.xlsx``, ``.xlsm``) given as a corpus table: a class's spreadsheet of articles
read as it is, without a round trip through CSV (where Excel's CSV export picks the locale's separator and a
legacy encoding in many installations).

The first sheet is read (or the one ``--sheet`` names), its first row with a value as the header (row 1, as
:func:`pandas.read_excel` reads it, unless the table starts lower down); formulas give the values Excel last
computed. Rows are streamed by openpyxl's read-only mode (the optional ``xlsx`` extra), so a
large workbook is parsed row by row — though openpyxl holds the workbook's shared strings (the texts) in memory
while it reads, as the file does on disk.
"""

from __future__ import annotations

import datetime
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path

from ..errors import input_error, warn
from .encoding import OLE2_MAGIC

WORKBOOK_SUFFIXES = (".xlsx", ".xlsm")
_SAVE_AGAIN = "save it again from the spreadsheet as .xlsx, or as CSV (UTF-8)"


def workbook_rows(path: Path, check_header: Callable[[list[str]], None], *, sheet: str | None = None
                  ) -> Iterator[tuple[int, dict]]:
    """``(row number, {column: value})`` for every row of the sheet named ``sheet`` (by default the first) below
    the header (its first row with a value), numbered as the spreadsheet shows them; rows with no value at all
    are passed over. ``check_header`` is called with the header's names first (to refuse a column given twice).

    Values are as openpyxl reads them — text, whole numbers as ``int``, other numbers as ``float`` — except
    dates and times, given as ISO text (``2020-01-03``; with the time when it is not midnight), so that a
    ``published`` column reads as it looks. Cells under a column without a header are not read."""
    workbook = _opened(path)
    try:
        chosen = _chosen_sheet(path, workbook.worksheets, sheet)
        # Blank rows above the header (a sheet that starts lower down) are passed over.
        rows = enumerate(chosen.iter_rows(values_only=True), start=1)
        _, header = next(((number, values) for number, values in rows
                          if any(value is not None for value in values)), (None, None))
        if header is None:
            others = [] if sheet is not None else [other.title for other in workbook.worksheets[1:]]
            raise input_error(path, f"the sheet {chosen.title!r} is empty (no header row){_others(others)}")
        names = [None if value is None else str(_plain(value)).strip() for value in header]
        check_header([name for name in names if name is not None])
        for number, values in rows:
            if all(value is None for value in values):
                continue
            yield number, {name: _plain(value) for name, value in zip(names, values) if name is not None}
    finally:
        workbook.close()


def other_sheets_hint(path: Path, sheet: str | None) -> str:
    """For a message about the first sheet of a workbook with several, the others' names and how to choose one
    (the warning that says so is not shown when the table's first pass stops the run); else nothing."""
    if sheet is not None or path.suffix.lower() not in WORKBOOK_SUFFIXES:
        return ""
    workbook = _opened(path)
    try:
        titles = [chosen.title for chosen in workbook.worksheets]
    finally:
        workbook.close()
    return _others(titles[1:], first=titles[0])


def _others(titles: list[str], first: str | None = None) -> str:
    if not titles:
        return ""
    read = f"; read from the first sheet, {first!r}:" if first is not None else ";"
    return f"{read} name another with --sheet ({', '.join(map(repr, titles))})"


def _chosen_sheet(path: Path, sheets: list, name: str | None):
    """The sheet named ``name``, or the first (saying so when there are others)."""
    titles = [sheet.title for sheet in sheets]
    if not sheets:
        raise input_error(path, "the workbook has no sheet of cells")
    if name is not None:
        if name not in titles:
            raise input_error(path, f"has no sheet {name!r} (sheets: {', '.join(map(repr, titles))})")
        return sheets[titles.index(name)]
    if len(sheets) > 1:
        others = ", ".join(map(repr, titles[1:4])) + (" …" if len(titles) > 4 else "")
        warn(path, f"has {len(sheets)} sheets; framing reads the first, {titles[0]!r} (not {others}): name "
                   "another with --sheet (sheet= in Python)")
    return sheets[0]


def _opened(path: Path):
    """The workbook opened for streaming, or one clear message: openpyxl missing, or not a workbook."""
    try:
        import openpyxl
        from openpyxl.utils.exceptions import InvalidFileException
    except ImportError:
        raise input_error(path, "reading an Excel workbook needs openpyxl: pip install 'framing[xlsx]', or save "
                                "the sheet as CSV (UTF-8)") from None
    with path.open("rb") as handle:
        start = handle.read(8)
    if start.startswith(OLE2_MAGIC):
        raise input_error(path, "is a password-protected workbook or an old .xls renamed .xlsx; remove the "
                                f"password, or {_SAVE_AGAIN}")
    try:
        return openpyxl.load_workbook(path, read_only=True, data_only=True)
    except zipfile.BadZipFile:
        problem = "is not an Excel workbook (an .xlsx file is a ZIP archive; this one is not)"
    except KeyError:
        problem = "is a ZIP archive but not an Excel workbook (it holds no workbook part)"
    except (InvalidFileException, ValueError, OSError) as error:
        problem = f"is not a readable Excel workbook ({error})"
    raise input_error(path, f"{problem}; {_SAVE_AGAIN}")


def _plain(value):
    """A cell's value as a CSV or JSON row would hold it: dates and times as ISO text."""
    if isinstance(value, datetime.datetime):
        return value.date().isoformat() if value.time() == datetime.time() else value.isoformat(sep=" ")
    if isinstance(value, (datetime.date, datetime.time)):
        return value.isoformat()
    if isinstance(value, datetime.timedelta):
        return str(value)
    return value
