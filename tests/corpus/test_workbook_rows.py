"""An Excel workbook given as the corpus table: its first sheet read as a CSV would be."""

import datetime
import sys
import warnings

import openpyxl
import pandas as pd
import pytest
import xlsxwriter

from framing import FramingError, FramingWarning
from framing.corpus.reading import is_table
from framing.corpus.records import checked_table, read_records

TEXT = "The regime said the talks resumed on Monday. Officials called it a terrorist act."


def workbook(path, rows, *, more_sheets=()):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Articles"
    for row in rows:
        sheet.append(row)
    for name in more_sheets:
        book.create_sheet(name).append(["notes"])
    book.save(path)
    return path


def test_rows_are_read_with_spreadsheet_numbers_dates_as_iso_and_numbers_as_ids(tmp_path):
    path = workbook(tmp_path / "class.xlsx", [
        ["id", "text", "published", "outlet", "title"],
        [1, TEXT, datetime.datetime(2020, 1, 3), "BBC", "Talks resume"],
        [],  # a blank row: passed over, and the rows after it keep their spreadsheet numbers
        ["b2", "The talks failed.", datetime.datetime(2020, 1, 4, 9, 30), " Sun ", None],
    ])
    records = list(read_records(path, meta_columns=("outlet", "published"), headline_column="title"))
    assert [(r["doc_id"], r["path"], r["published"], r["outlet"], r["headline_first"]) for r in records] == [
        ("1", "class.xlsx:row 2", "2020-01-03", "BBC", True),
        ("b2", "class.xlsx:row 4", "2020-01-04 09:30:00", "Sun", False)]
    assert records[0]["raw_text"] == f"Talks resume\n\n{TEXT}"
    assert is_table(path) and checked_table(path).n_characters == len(TEXT) + len("The talks failed.")


def test_a_table_that_starts_lower_down_keeps_the_spreadsheets_row_numbers(tmp_path):
    path = workbook(tmp_path / "lower.xlsx", [[], [], ["id", "text"], ["a1", TEXT]])
    assert [(r["doc_id"], r["path"]) for r in read_records(path)] == [("a1", "lower.xlsx:row 4")]


def test_a_workbook_gives_the_records_of_the_same_table_as_csv(tmp_path):
    table = pd.DataFrame({"id": ["a1", "a2", "a3"], "outlet": ["BBC", "Sun", "BBC"],
                          "text": [TEXT, "Line one.\nLine two, with \"quotes\" and a comma.", "@newsdesk wrote: talks resumed."]})
    table.to_csv(tmp_path / "export.csv", index=False)
    table.to_excel(tmp_path / "export.xlsx", index=False)
    options = dict(meta_columns=("outlet",))
    from_csv = list(read_records(tmp_path / "export.csv", **options))
    from_workbook = list(read_records(tmp_path / "export.xlsx", **options))
    for record in from_csv + from_workbook:
        record.pop("path")
    assert from_workbook == from_csv


def test_a_formula_gives_the_value_excel_computed(tmp_path):
    path = tmp_path / "formulas.xlsx"
    book = xlsxwriter.Workbook(path)
    sheet = book.add_worksheet()
    sheet.write_row(0, 0, ["id", "text", "outlet"])
    sheet.write_row(1, 0, ["a1", TEXT])
    sheet.write_formula(1, 2, '=UPPER("bbc")', None, "BBC")  # the value Excel saved beside the formula
    book.close()
    assert next(read_records(path, meta_columns=("outlet",)))["outlet"] == "BBC"


def test_the_first_sheet_is_read_unless_another_is_named(tmp_path):
    path = workbook(tmp_path / "book.xlsx", [["id", "text"], ["a1", TEXT]], more_sheets=["Notes", "Codes"])
    with pytest.warns(FramingWarning, match=r"book\.xlsx: has 3 sheets; framing reads the first, 'Articles' "
                                            r"\(not 'Notes', 'Codes'\): name another with --sheet \(sheet= in "
                                            r"Python\)$"):
        assert [r["doc_id"] for r in read_records(path)] == ["a1"]
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # named: no warning
        assert [r["doc_id"] for r in read_records(path, sheet="Articles")] == ["a1"]
    with pytest.raises(FramingError, match=r"book\.xlsx: has no sheet 'Nope' \(sheets: 'Articles', 'Notes', "
                                           r"'Codes'\)"):
        list(read_records(path, sheet="Nope"))


def test_a_first_sheet_without_the_articles_names_the_others(tmp_path):
    # A class's workbook often opens with a sheet of instructions; the warning about other sheets is not shown
    # when the check pass stops the run, so the error says it.
    book = openpyxl.Workbook()
    book.active.title = "README"
    book.active.append(["Articles are on the next sheet."])
    articles = book.create_sheet("Articles")
    articles.append(["id", "text"])
    articles.append(["a1", TEXT])
    book.save(tmp_path / "class.xlsx")
    with pytest.raises(FramingError, match=r"class\.xlsx: the corpus file holds no rows; read from the first sheet, "
                                           r"'README': name another with --sheet \('Articles'\)$"):
        checked_table(tmp_path / "class.xlsx")
    assert checked_table(tmp_path / "class.xlsx", sheet="Articles").n_characters == len(TEXT)


def test_a_sheet_is_refused_for_what_is_no_workbook(tmp_path):
    from framing import analyze

    (tmp_path / "t.csv").write_text(f"id,text\na1,{TEXT}\n", encoding="utf-8")
    with pytest.raises(FramingError, match=r"t\.csv: --sheet 'A' names a sheet of an Excel workbook \(\.xlsx\); this "
                                           r"is not one"):
        analyze(tmp_path / "t.csv", sheet="A")
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    with pytest.raises(FramingError, match=r"--sheet 'A' names a sheet of an Excel workbook given as the corpus "
                                           r"table \(\.xlsx\); files and folders of documents have none"):
        analyze(tmp_path / "a.txt", sheet="A")
    with pytest.raises(FramingError, match=r"sheet='A' names a sheet of an Excel workbook given as the corpus table; "
                                           r"texts in memory have none"):
        analyze(pd.DataFrame({"text": [TEXT]}), sheet="A")


def test_a_missing_column_is_named_with_the_columns_the_sheet_has(tmp_path):
    path = workbook(tmp_path / "book.xlsx", [["ID", "Text"], ["a1", TEXT]])
    with pytest.raises(FramingError, match=r"no column 'text' \(columns: ID, Text\); choose them with --text-column"
                                           r".*did you mean 'Text' for 'text'"):
        list(read_records(path, id_column="ID"))


def test_a_column_given_twice_and_an_empty_sheet_are_refused(tmp_path):
    path = workbook(tmp_path / "twice.xlsx", [["id", "text", "text"], ["a1", TEXT, "other"]])
    with pytest.raises(FramingError, match=r"row 1: column 'text' appears 2 times \(columns 2, 3\)"):
        list(read_records(path))
    with pytest.raises(FramingError, match=r"empty\.xlsx: the sheet 'Articles' is empty \(no header row\)$"):
        list(read_records(workbook(tmp_path / "empty.xlsx", [])))
    with pytest.raises(FramingError, match=r"header\.xlsx: the corpus file holds no rows"):
        list(read_records(workbook(tmp_path / "header.xlsx", [["id", "text"]])))


def test_a_bad_row_is_named_by_its_spreadsheet_row(tmp_path):
    path = workbook(tmp_path / "book.xlsx", [["id", "text"], ["a1", TEXT], ["a1", "Again."]])
    with pytest.raises(FramingError, match=r"book\.xlsx: row 3: id 'a1' repeats row 2"):
        list(read_records(path))


def test_without_openpyxl_the_message_says_what_to_install(tmp_path, monkeypatch):
    path = workbook(tmp_path / "book.xlsx", [["id", "text"], ["a1", TEXT]])
    monkeypatch.setitem(sys.modules, "openpyxl", None)  # import openpyxl now raises ImportError
    with pytest.raises(FramingError, match=r"reading an Excel workbook needs openpyxl: pip install "
                                           r"'framing\[xlsx\]', or save the sheet as CSV"):
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            list(read_records(path))
