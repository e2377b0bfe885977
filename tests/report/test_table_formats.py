"""--format csv|xlsx|parquet: one workbook with a sheet per table, or a Parquet file per table; a missing extra is
refused with the pip command before any work."""

import importlib.util

import pandas as pd
import pytest
from click.testing import CliRunner

import framing
from framing import FramingError
from framing.report import table_formats
from framing.report.outdir import TABLE_NAMES, output_names
from framing.report.table_formats import write_tables
from framing.report.workbook import WORKBOOK

from ..memory_texts import TEXTS

openpyxl = pytest.importorskip("openpyxl")
pytest.importorskip("pyarrow")


@pytest.fixture(scope="module")
def analysis():
    # A sentence that a spreadsheet would run as a formula: the workbook must hold it as text.
    return framing.analyze({**TEXTS, "formula": "=HYPERLINK(\"http://x\",\"y\") was pasted here. Nothing else."})


def test_xlsx_is_one_workbook_with_a_sheet_per_table(analysis, tmp_path):
    written = analysis.write(tmp_path / "out", format="xlsx")
    out = tmp_path / "out"
    assert out / WORKBOOK in written
    assert not list(out.glob("*.csv"))
    workbook = openpyxl.load_workbook(out / WORKBOOK)
    assert workbook.sheetnames == [name.removesuffix(".csv") for name in TABLE_NAMES]
    documents = workbook["documents"]
    assert [cell.value for cell in documents[1][:3]] == ["doc_id", "title", "outlet"]
    assert documents["A3"].value == "tabloid"
    mean = list(analysis.documents.columns).index("mean_compound")
    assert documents.cell(row=2, column=mean + 1).value == pytest.approx(analysis.documents["mean_compound"][0])
    formula = next(row for row in workbook["sentences"].iter_rows() if str(row[4].value).startswith("'="))
    assert formula[4].data_type == "s" and formula[4].value.startswith("'=HYPERLINK(")


def test_parquet_is_a_file_per_table_that_reads_back_the_same(analysis, tmp_path):
    analysis.write(tmp_path / "out", format="parquet")
    for name in TABLE_NAMES:
        assert (tmp_path / "out" / name.replace(".csv", ".parquet")).is_file(), name
    documents = pd.read_parquet(tmp_path / "out" / "documents.parquet")
    pd.testing.assert_frame_equal(documents, analysis.documents, check_dtype=False)
    sentences = pd.read_parquet(tmp_path / "out" / "sentences.parquet")
    assert sentences["text"].tolist() == analysis.sentences["text"].tolist()  # the true text, not neutralised


def test_a_rerun_in_another_format_replaces_the_earlier_tables(analysis, tmp_path):
    analysis.write(tmp_path / "out")
    analysis.write(tmp_path / "out", format="parquet")
    assert not list((tmp_path / "out").glob("*.csv"))
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / WORKBOOK).write_bytes(b"the user's own workbook")
    with pytest.raises(FramingError, match="framing did not write and would overwrite: framing.xlsx"):
        analysis.write(tmp_path / "mine", format="csv")
    assert {"framing.xlsx", "documents.parquet", "measures.csv"} <= output_names()


def test_a_missing_extra_names_the_pip_command_before_any_work(analysis, tmp_path, monkeypatch):
    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None if name == "xlsxwriter" else real(name, *a))
    message = "format 'xlsx' needs xlsxwriter, which is not installed: pip install 'framing[xlsx]'"
    with pytest.raises(FramingError, match=r"^" + message.replace("[", r"\[").replace("]", r"\]") + "$"):
        analysis.write(tmp_path / "out", format="xlsx")
    assert not (tmp_path / "out").exists()
    from framing.cli import main

    result = CliRunner().invoke(main, ["analyze", "no-such-folder", "--format", "xlsx", "--out", str(tmp_path / "o")])
    assert result.exit_code == 1
    assert result.output.strip() == f"Error: Invalid value for '--format': {message}"
    assert not (tmp_path / "o").exists()


def test_an_unknown_format_is_refused():
    with pytest.raises(FramingError, match=r"^unknown format 'xls'; choose from csv, xlsx, parquet$"):
        table_formats.check_format("xls")


def test_the_command_line_writes_the_format_it_is_given(two_documents, tmp_path):
    import json

    from framing.cli import main

    result = CliRunner().invoke(main, ["analyze", str(two_documents), "--format", "parquet", "--out",
                                       str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    run = json.loads((tmp_path / "out" / "run.json").read_text())
    assert run["options"]["format"] == "parquet"
    assert "measures.parquet" in run["outputs"] and not any(name.endswith(".csv") for name in run["outputs"])
    measures = pd.read_parquet(tmp_path / "out" / "measures.parquet")
    assert sorted(measures["doc_id"].unique()) == ["denial", "talks"]


@pytest.mark.parametrize(("table_format", "where"), [
    ("csv", "documents.csv"), ("parquet", "documents.parquet"), ("xlsx", "framing.xlsx (sheet documents)")])
def test_where_a_table_was_written(table_format, where):
    from framing.report.table_formats import in_format, where_written

    assert where_written("documents.csv", table_format) == where
    assert in_format("see documents.csv; --group-by", table_format) == f"see {where}; --group-by"


@pytest.mark.parametrize("table_format", ["csv", "xlsx", "parquet"])
def test_the_progress_bar_counts_every_cell_written(analysis, tmp_path, monkeypatch, table_format):
    from contextlib import contextmanager

    from framing.report.write import analysis_tables

    bars = []

    @contextmanager
    def recorded(label, *, total, unit, shown):
        bars.append({"label": label, "total": total, "unit": unit, "shown": shown, "done": 0})

        def advance(cells):
            bars[-1]["done"] += cells
        yield advance

    monkeypatch.setattr(table_formats, "counted", recorded)
    tables = analysis_tables(analysis)
    write_tables(tmp_path, tables, table_format, progress=True)
    cells = sum(table.size for table in tables.values())
    assert cells > 1000
    assert bars == [{"label": f"writing tables ({table_format})", "total": cells, "unit": "cell", "shown": True,
                     "done": cells}]
