"""CSV tables are written in chunks of rows (for the progress bar) with exactly the bytes of one pandas
``to_csv`` call; the neutralising rules themselves are tested with hostile corpora in tests/test_hostile_csv.py."""

import csv

import numpy as np
import pandas as pd
import pytest

from framing.report import formula_cells
from framing.report.formula_cells import write_csv_table


def _one_call(table, quoting=csv.QUOTE_MINIMAL):
    return table.to_csv(index=False, lineterminator="\n", quoting=quoting).encode("utf-8")


@pytest.fixture
def table():
    return pd.DataFrame({
        "doc_id": ["a", "b", "c", "d", "e"],
        "text": ["plain", "comma, \"quoted\"", "line\nbreak", None, "naïve ünïcode"],
        "share": [0.1, np.nan, 1 / 3, 2.5e-12, -0.0],
        "n": pd.array([1, None, 3, 4, 5], dtype="Int64"),
        "flag": [True, False, True, False, True],
    })


def test_chunks_write_the_bytes_of_one_call_and_count_every_cell(table, tmp_path, monkeypatch):
    monkeypatch.setattr(formula_cells, "CHUNK_ROWS", 2)
    counted = []
    assert write_csv_table(tmp_path / "t.csv", table, counted.append) == 0
    assert (tmp_path / "t.csv").read_bytes() == _one_call(table)
    assert counted == [10, 10, 5]


def test_a_table_with_a_carriage_return_is_quoted_in_every_chunk(table, tmp_path, monkeypatch):
    monkeypatch.setattr(formula_cells, "CHUNK_ROWS", 2)
    table.loc[4, "text"] = "x\r=cmd"
    write_csv_table(tmp_path / "t.csv", table)
    assert (tmp_path / "t.csv").read_bytes() == _one_call(table, csv.QUOTE_NONNUMERIC)


def test_an_empty_table_keeps_its_header(tmp_path):
    counted = []
    write_csv_table(tmp_path / "t.csv", pd.DataFrame({"doc_id": [], "value": []}), counted.append)
    assert (tmp_path / "t.csv").read_text() == "doc_id,value\n"
    assert counted == [0]
