"""--format xlsx: one workbook, a sheet per table, written in chunks of rows; every kind of cell value lands as
the spreadsheet type a reader expects, and text a sheet cannot hold is cleaned or cut with one warning."""

import datetime
import math

import pandas as pd
import pytest

import framing
from framing.report import workbook
from framing.report.workbook import WORKBOOK, sheet_names, write_workbook

openpyxl = pytest.importorskip("openpyxl")


def _rows(path, sheet):
    return list(openpyxl.load_workbook(path)[sheet].iter_rows(values_only=True))


def test_sheet_names_fit_excel_and_long_tables_continue_on_more_sheets(tmp_path, monkeypatch):
    assert sheet_names("group_event_comparison.csv", 10) == ["group_event_comparison"]
    assert sheet_names("a_table_name_longer_than_excel_allows.csv", 10) == ["a_table_name_longer_than_excel_"]
    assert all(len(name) <= 31 for name in sheet_names("a_table_name_longer_than_excel_allows.csv", 3 * 2 ** 20))
    monkeypatch.setattr(workbook, "MAX_SHEET_ROWS", 3)  # two data rows per sheet
    table = pd.DataFrame({"n": range(5), "text": ["a", "b\x07c", "x" * 40_000, "d", "e"]})
    with pytest.warns(framing.FramingWarning, match=r"^2 cell\(s\) held control characters or more than 32,767 "
                                                    r"characters.*\(t 2\); --format csv or parquet"):
        write_workbook(tmp_path / WORKBOOK, {"t.csv": table})
    book = openpyxl.load_workbook(tmp_path / WORKBOOK)
    assert book.sheetnames == ["t", "t_2", "t_3"]
    assert list(book["t_2"].iter_rows(values_only=True))[1:] == [(2, "x" * 32_767), (3, "d")]
    assert book["t"]["B3"].value == "bc"
    assert list(book["t_3"].iter_rows(values_only=True)) == [("n", "text"), (4, "e")]


def test_each_value_is_written_as_its_spreadsheet_type(tmp_path):
    table = pd.DataFrame({
        "text": ["=1+1", "plain", None],
        "count": pd.array([3, None, 0], dtype="Int64"),
        "share": [0.25, math.nan, math.inf],
        "flag": [True, False, True],
        "when": pd.to_datetime(["2020-01-03 12:00", None, "2019-12-31 00:00"]),
        "meta": [["a", "b"], {"k": 1}, 7],
    })
    write_workbook(tmp_path / WORKBOOK, {"t.csv": table})
    rows = _rows(tmp_path / WORKBOOK, "t")
    assert rows[0] == ("text", "count", "share", "flag", "when", "meta")
    assert rows[1] == ("'=1+1", 3, 0.25, True, datetime.datetime(2020, 1, 3, 12), "['a', 'b']")
    # Missing values are empty cells; infinity, which no cell holds, is its text, as in the CSV.
    assert rows[2] == ("plain", None, None, False, None, "{'k': 1}")
    assert rows[3] == (None, 0, "inf", True, datetime.datetime(2019, 12, 31), 7)
    cell = openpyxl.load_workbook(tmp_path / WORKBOOK)["t"]["A2"]
    assert cell.data_type == "s"  # text, never a formula


def test_rows_are_written_in_chunks_and_every_cell_is_counted(tmp_path, monkeypatch):
    monkeypatch.setattr(workbook, "CHUNK_ROWS", 4)
    tables = {"a.csv": pd.DataFrame({"n": range(10), "t": [f"s{k}" for k in range(10)]}),
              "empty.csv": pd.DataFrame({"x": pd.Series([], dtype=float)})}
    counted = []
    write_workbook(tmp_path / WORKBOOK, tables, counted.append)
    assert counted == [8, 8, 4]  # three chunks of a; the empty table has no cells
    assert _rows(tmp_path / WORKBOOK, "a")[1:] == [(k, f"s{k}") for k in range(10)]
    assert _rows(tmp_path / WORKBOOK, "empty") == [("x",)]
