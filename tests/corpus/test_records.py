"""Corpus tables: CSV and JSON Lines read row by row, bad rows named by their row number."""

import gzip
import hashlib
import json
import warnings

import pytest

from framing.errors import FramingError, FramingWarning
from framing.corpus.reading import is_table
from framing.corpus.records import checked_table, read_records, table_suffix


def write_csv(path, rows, header="id,outlet,text"):
    import csv

    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header.split(","))
        writer.writerows(rows)
    return path


def write_jsonl(path, rows):
    path.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    return path


def test_csv_rows_become_documents_with_metadata(tmp_path):
    path = write_csv(tmp_path / "c.csv", [("a1", "Daily Planet", "He said so. It rained."),
                                          ("a2", "Bugle", "Officials said it was over.")])
    records = list(read_records(path, meta_columns=("outlet",)))
    assert [r["doc_id"] for r in records] == ["a1", "a2"]
    assert [r["outlet"] for r in records] == ["Daily Planet", "Bugle"]
    assert records[0]["raw_text"] == "He said so. It rained."
    assert records[0]["path"].endswith("c.csv:row 2") and records[1]["path"].endswith("c.csv:row 3")
    assert records[0]["kind"] == "unknown" and records[0]["title"] == "a1"
    assert len(records[0]["sha256"]) == 64


def test_unknown_meta_column_becomes_an_extra_column(tmp_path):
    path = write_csv(tmp_path / "c.csv", [("a1", "x", "Text here.", "2020-01-03")], header="id,outlet,text,day")
    record = next(read_records(path, meta_columns=("day",)))
    assert record["day"] == "2020-01-03" and record["outlet"] == ""


def test_multiline_cells_keep_spreadsheet_row_numbers(tmp_path):
    path = write_csv(tmp_path / "c.csv", [("a1", "x", "First paragraph.\n\nSecond paragraph."),
                                          ("a2", "x", "")])
    with pytest.raises(FramingError, match=r"c\.csv: row 3: empty 'text' \(document 'a2'\)"):
        list(read_records(path))


def test_repeated_id_names_both_rows(tmp_path):
    path = write_csv(tmp_path / "c.csv", [("a1", "x", "One."), ("a2", "x", "Two."), ("a1", "x", "Three.")])
    with pytest.raises(FramingError, match=r"row 4: id 'a1' repeats row 2"):
        list(read_records(path))


def test_skip_bad_rows_warns_and_keeps_the_rest(tmp_path):
    path = write_csv(tmp_path / "c.csv", [("a1", "x", "One."), ("a2", "x", "  "), ("a1", "x", "Again.")])
    with pytest.warns(FramingWarning) as caught:
        records = list(read_records(path, skip_bad_rows=True))
    assert [r["doc_id"] for r in records] == ["a1"]
    messages = [str(w.message) for w in caught]
    assert any("row 3: empty 'text'" in m for m in messages) and any("row 4: id 'a1' repeats" in m for m in messages)


def test_missing_columns_are_named_with_the_ones_present(tmp_path):
    path = write_csv(tmp_path / "c.csv", [("a1", "x", "One.")], header="id,outlet,body")
    with pytest.raises(FramingError, match=r"no column 'text' \(columns: id, outlet, body\)"):
        list(read_records(path))


@pytest.mark.parametrize(("header", "hint"), [
    ("ID,outlet,Text", "did you mean 'ID' for 'id', 'Text' for 'text' (the names differ in case or spaces)?"),
    ("id, outlet, text", "did you mean ' text' for 'text' (the names differ in case or spaces)?"),
])
def test_a_column_that_differs_only_in_case_or_spaces_is_suggested(tmp_path, header, hint):
    path = write_csv(tmp_path / "c.csv", [("a1", "x", "One.")], header=header)
    with pytest.raises(FramingError) as error:
        list(read_records(path))
    assert str(error.value).endswith(hint)


def test_a_text_of_exactly_excels_cell_limit_is_named_as_probably_cut(tmp_path):
    long = ("The talks resumed on Monday. " * 1200)
    path = write_csv(tmp_path / "c.csv", [("a1", "x", long[:32_767]), ("a2", "x", long[:32_766]),
                                          ("a3", "x", long[:32_768])])
    with pytest.warns(FramingWarning) as caught:
        records = list(read_records(path))
    assert len(records) == 3
    assert [str(w.message) for w in caught] == [
        f"{path}: row 2: the text is exactly 32,767 characters, Excel's limit for a cell: it was probably cut when the "
        "table was saved from Excel"]


def test_a_table_without_ids_names_each_document_by_its_row(tmp_path):
    path = write_csv(tmp_path / "c.csv", [("x", "One."), ("y", "  "), ("z", "Three.")], header="outlet,text")
    with pytest.warns(FramingWarning) as caught:
        records = list(read_records(path, meta_columns=("outlet",), skip_bad_rows=True))
    assert [(r["doc_id"], r["outlet"]) for r in records] == [("row2", "x"), ("row4", "z")]  # row 3 skipped
    assert str(caught[0].message) == (f"{path}: has no 'id' column: each document is named by its row (row2, row3, "
                                      "…); pass --id-column to name them by a column")
    assert checked_table(path, meta_columns=("outlet",), skip_bad_rows=True).metadata[1]["doc_id"] == "row4"
    jsonl = write_jsonl(tmp_path / "c.jsonl", [{"text": "One."}, {"text": "Two."}])
    with pytest.warns(FramingWarning, match=r"named by its line \(line1, line2, …\)"):
        assert [r["doc_id"] for r in read_records(jsonl)] == ["line1", "line2"]
    # A column named on purpose must be there.
    with pytest.raises(FramingError, match=r"no column 'id' \(columns: outlet, text\)"):
        list(read_records(path, id_column="id"))


def test_a_headline_column_becomes_the_first_paragraph(tmp_path):
    path = write_csv(tmp_path / "c.csv", [("a1", "Iran vows\nrevenge!", "The regime said so."),
                                          ("a2", "  ", "No title.")], header="id,title,text")
    first, second = read_records(path, headline_column="title")
    assert first["raw_text"] == "Iran vows revenge!\n\nThe regime said so." and first["headline_first"]
    assert second["raw_text"] == "No title." and not second["headline_first"]
    assert first["sha256"] == hashlib.sha256(first["raw_text"].encode()).hexdigest()
    assert "headline_first" not in checked_table(path, headline_column="title").metadata[0]
    with pytest.raises(FramingError, match=r"no column 'headline' \(columns: id, title, text\)"):
        list(read_records(path, headline_column="headline"))


def test_jsonl_reads_objects_and_names_the_bad_line(tmp_path):
    path = write_jsonl(tmp_path / "c.jsonl", [{"id": 1, "text": "One.", "outlet": "A"},
                                               {"id": 2, "text": "Two.", "outlet": "B"}])
    records = list(read_records(path, meta_columns=("outlet",)))
    assert [(r["doc_id"], r["outlet"]) for r in records] == [("1", "A"), ("2", "B")]
    path.write_text(path.read_text() + "{not json\n", encoding="utf-8")
    with pytest.raises(FramingError, match=r"c\.jsonl:3: not valid JSON"):
        list(read_records(path))


def test_jsonl_missing_text_gives_the_line(tmp_path):
    path = write_jsonl(tmp_path / "c.jsonl", [{"id": "a", "text": "One."}, {"id": "b", "text": None}])
    with pytest.raises(FramingError, match=r"line 2: empty 'text' \(document 'b'\)"):
        list(read_records(path))


def test_not_utf8_is_read_as_cp1252_with_a_warning_and_empty_files_are_refused(tmp_path):
    # Issue 21: a cp1252 table is read like a cp1252 .txt (it was refused); see tests/test_hostile_csv.py.
    bad = tmp_path / "c.csv"
    bad.write_bytes("id,text\na,caf\xe9 \x93quoted\x94\n".encode("latin-1"))
    with pytest.warns(FramingWarning, match="not valid UTF-8; read as cp1252"):
        assert next(read_records(bad))["raw_text"] == "caf\xe9 \u201cquoted\u201d"
    empty = tmp_path / "e.csv"
    empty.write_text("", encoding="utf-8")
    with pytest.raises(FramingError, match="empty"):
        list(read_records(empty))
    header_only = tmp_path / "h.csv"
    header_only.write_text("id,text\n", encoding="utf-8")
    with pytest.raises(FramingError, match="no rows"):
        list(read_records(header_only))


def test_rows_are_streamed_not_read_up_front(tmp_path):
    path = write_csv(tmp_path / "c.csv", [("a1", "x", "One."), ("a1", "x", "Dup.")])
    records = read_records(path)
    assert next(records)["doc_id"] == "a1"  # the bad second row is only met when it is reached
    with pytest.raises(FramingError):
        next(records)


def test_is_table_knows_the_suffixes(tmp_path):
    assert is_table(tmp_path / "a.csv") and is_table(tmp_path / "a.JSONL") and is_table(tmp_path / "a.ndjson")
    assert is_table(tmp_path / "a.csv.gz") and is_table(tmp_path / "export.2020.JSONL.GZ") and is_table("a.tsv")
    assert not is_table(tmp_path / "a.txt") and not is_table(tmp_path / "a.gz") and not is_table(tmp_path / "a.txt.gz")
    assert table_suffix("export.2020.csv.gz") == ".csv" and table_suffix("a.tar.gz") is None


def gzipped(path):
    packed = path.with_name(path.name + ".gz")
    packed.write_bytes(gzip.compress(path.read_bytes()))
    return packed


def test_gzipped_tables_give_the_records_of_the_plain_ones(tmp_path):
    csv_path = write_csv(tmp_path / "c.csv", [("a1", "x", "First paragraph.\n\nSecond paragraph."),
                                              ("a2", "y", "\"Quoted\", she said.")])
    jsonl_path = write_jsonl(tmp_path / "c.jsonl", [{"id": "a1", "text": "One."}, {"id": "a2", "text": "Two."}])
    for path in (csv_path, jsonl_path):
        plain, packed = list(read_records(path)), list(read_records(gzipped(path)))
        assert [(r["doc_id"], r["raw_text"], r["sha256"]) for r in packed] == \
            [(r["doc_id"], r["raw_text"], r["sha256"]) for r in plain]
        assert packed[1]["path"].endswith(path.name + ".gz:" + ("row 3" if path.suffix == ".csv" else "line 2"))
    assert checked_table(gzipped(csv_path)).n_characters == 35 + 19


def test_a_gzipped_table_is_decoded_by_the_rule_of_a_plain_one(tmp_path):
    path = tmp_path / "c.csv"
    path.write_bytes("id,text\na,He called it a \u201cmassacre\u201d.\n".encode("cp1252"))
    with pytest.warns(FramingWarning, match=r"c\.csv\.gz: not valid UTF-8; read as cp1252"):
        assert next(read_records(gzipped(path)))["raw_text"] == "He called it a \u201cmassacre\u201d."


def test_a_gz_that_is_not_gzip_or_is_cut_short_is_refused(tmp_path):
    plain = write_csv(tmp_path / "c.csv", [(f"a{i}", "x", f"Sentence {i} of the export.") for i in range(2000)])
    named = tmp_path / "named.csv.gz"
    named.write_bytes(plain.read_bytes())
    with pytest.raises(FramingError, match=r"named\.csv\.gz: is named \.gz but is not gzip-compressed; rename"):
        list(read_records(named))
    cut = tmp_path / "cut.csv.gz"
    cut.write_bytes(gzipped(plain).read_bytes()[:-200])
    with pytest.raises(FramingError, match=r"cut\.csv\.gz: is a damaged or incomplete gzip file \(Compressed file "
                                           r"ended"):
        checked_table(cut)


def test_checked_table_keeps_each_documents_metadata_and_counts_characters(tmp_path):
    csv_path = write_csv(tmp_path / "c.csv", [("a1", "x", "First paragraph.\n\nSecond paragraph."),
                                              ("a2", "x", "One line."), ("a3", "y", "\"Quoted\", she said.")])
    checked = checked_table(csv_path, meta_columns=("outlet",))
    assert [(row["doc_id"], row["outlet"]) for row in checked.metadata] == [("a1", "x"), ("a2", "x"), ("a3", "y")]
    assert checked.n_characters == 35 + 9 + 19
    assert all(set(row) == {"doc_id", "title", "outlet", "kind", "published", "source", "notes"}
               for row in checked.metadata)
    jsonl_path = write_jsonl(tmp_path / "c.jsonl", [{"id": "a1", "text": "One."}, {"id": "a2", "text": "Two."}])
    jsonl_path.write_text(jsonl_path.read_text(encoding="utf-8") + "\n\n", encoding="utf-8")
    checked = checked_table(jsonl_path)
    assert [row["doc_id"] for row in checked.metadata] == ["a1", "a2"] and checked.n_characters == 8


def test_checked_table_checks_every_row_as_reading_does(tmp_path):
    rows = [("a1", "x", "One."), ("a2", "x", "Two."), ("a1", "y", "A repeated id, last.")]
    path = write_csv(tmp_path / "c.csv", rows)
    with pytest.raises(FramingError, match="row 4: id 'a1' repeats row 2"):
        checked_table(path)
    # Skipped rows are left out, and their warnings are left to the pass that reads the documents.
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        checked = checked_table(path, skip_bad_rows=True)
    assert [row["doc_id"] for row in checked.metadata] == ["a1", "a2"] and checked.n_characters == 8
    with pytest.warns(FramingWarning, match="row 4: id 'a1' repeats row 2"):
        assert len(list(read_records(path, skip_bad_rows=True))) == 2
