"""framing.analyze reads texts held in memory — a list, a {doc_id: text} mapping, a DataFrame — through the same
row checks as a corpus table, and refuses what it cannot read with one clear sentence."""

import pandas as pd
import pytest

import framing
from framing import FramingError
from framing.inputs import TableOptions, in_memory_records

from .memory_texts import TEXTS


@pytest.fixture(scope="module")
def from_list():
    return framing.analyze(list(TEXTS.values()))


def test_a_list_of_texts_gets_numbered_ids(from_list):
    assert from_list.documents["doc_id"].tolist() == ["doc1", "doc2"]
    assert from_list.documents["path"].tolist() == ["texts:item 1", "texts:item 2"]
    assert from_list.corpus.documents["text"].iloc[1].startswith("The butcher was slaughtered")
    assert set(from_list.terms["doc_id"]) == {"doc1", "doc2"}


def test_analyze_writes_no_file(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    framing.analyze(["The regime said the talks would resume. Officials gave no date."])
    assert list(tmp_path.iterdir()) == []


def test_a_mapping_gives_its_keys_as_ids_and_the_same_scores_as_the_list(from_list):
    mapped = framing.analyze(TEXTS)
    assert mapped.documents["doc_id"].tolist() == ["wire", "tabloid"]
    assert mapped.sentences["compound"].tolist() == from_list.sentences["compound"].tolist()
    assert mapped.documents["sha256"].tolist() == from_list.documents["sha256"].tolist()


def test_a_dataframe_keeps_its_ids_and_metadata(from_list):
    frame = pd.DataFrame({"url": ["a/1", "b/2"], "body": list(TEXTS.values()), "outlet": ["Wire", "Tabloid"],
                          "year": [2020, 2021]}, index=[10, 11])
    analysis = framing.analyze(frame, text_column="body", id_column="url", meta_columns="outlet,year")
    documents = analysis.documents
    assert documents["doc_id"].tolist() == ["a/1", "b/2"]
    assert documents["outlet"].tolist() == ["Wire", "Tabloid"]
    assert documents["year"].tolist() == ["2020", "2021"]  # metadata is text, as from a CSV file
    assert documents["path"].tolist() == ["DataFrame:index 10", "DataFrame:index 11"]
    assert analysis.sentences["compound"].tolist() == from_list.sentences["compound"].tolist()


def test_a_dataframe_without_ids_is_numbered_and_its_id_column_used_when_present():
    records = in_memory_records(pd.DataFrame({"text": ["One text here.", "Another text."]}), TableOptions())
    assert [record["doc_id"] for record in records] == ["doc1", "doc2"]
    records = in_memory_records(pd.DataFrame({"id": [7, 8], "text": ["One text.", "Two."]}), TableOptions())
    assert [record["doc_id"] for record in records] == ["7", "8"]


def test_a_dataframe_row_is_checked_like_a_csv_row():
    frame = pd.DataFrame({"id": ["a", "b", "a"], "text": ["Some text here.", None, "More text."]})
    with pytest.raises(FramingError, match=r"^DataFrame: index 1: empty 'text' \(document 'b'\) \(fix the row, "
                                           r"or pass skip_bad_rows=True\)$"):
        framing.analyze(frame)
    with pytest.warns(framing.FramingWarning, match=r"index 2: id 'a' repeats index 0; skipped"):
        records = in_memory_records(frame, TableOptions(skip_bad_rows=True))
    assert [record["doc_id"] for record in records] == ["a"]  # the empty row and the repeated id skipped


@pytest.mark.parametrize(("documents", "options", "message"), [
    (pd.DataFrame({"id": ["a"], "text": ["x y"]}), {"text_column": "body"},
     r"^the DataFrame has no column 'body' \(columns: id, text\); choose them with text_column= / id_column= / "
     r"meta_columns=$"),
    (pd.DataFrame({"text": ["x y"]}), {"meta_columns": ["outlet", "year"]}, r"no column 'outlet', 'year'"),
    (pd.DataFrame({"Text": ["x y"]}), {}, r"no column 'text' \(columns: Text\); .* meta_columns=; did you mean "
                                           r"'Text' for 'text' \(the names differ in case or spaces\)\?$"),
    (pd.DataFrame({"text": []}), {}, r"^the DataFrame has no rows$"),
    ({}, {}, r"^no texts given: the mapping is empty$"),
    ([], {}, r"^no paths given"),
    (["The talks resumed on Monday.", "seeds"], {}, r"^the list mixes texts and paths: item 2 \('seeds'\)"),
    (["Some text here.", "  "], {}, r"^texts: item 2: empty 'text' \(document 'doc2'\)"),
    (["The talks resumed on Monday."], {"meta_columns": "outlet"}, r"name columns of a DataFrame or a corpus file; "
                                                                   r"a list of texts has none$"),
])
def test_bad_input_gets_one_sentence(documents, options, message):
    with pytest.raises(FramingError, match=message):
        framing.analyze(documents, **options)


def test_a_single_text_is_refused_with_the_hint_to_pass_a_list():
    with pytest.raises(FramingError, match=r"^no such file or folder: 'The regime said the talks would resume\. "
                                           r"Officials gave no da…'; to analyse a text held in memory, pass a list "
                                           r"of texts: framing\.analyze\(\[text\]\)$"):
        framing.analyze("The regime said the talks would resume. Officials gave no date, and more besides.")


@pytest.mark.parametrize(("documents", "message"), [
    (["A text here.", 3], r"^texts must be strings: item 2 of the list is int$"),
    (["A text here.", None], r"^texts must be strings: item 2 of the list is None$"),
    ({"a": b"bytes here"}, r"^texts must be strings: the text of 'a' is bytes$"),
    ({("a", 1): "A text."}, r"needs doc_ids as keys \(strings\); got a key of type tuple$"),
])
def test_a_text_that_is_not_a_string_is_a_type_error(documents, message):
    with pytest.raises(TypeError, match=message):
        framing.analyze(documents)


def test_a_string_that_looks_like_a_path_is_not_taken_for_a_text():
    """A mistyped file name in a list of paths must not be analysed as a one-line text."""
    with pytest.raises(FramingError, match="no such file or folder"):
        framing.analyze(["my articles/a.txt", "my articles/b.txt"])
    with pytest.raises(FramingError, match=r"my export\.csv\.gz: corpus file not found"):
        framing.analyze(["my export.csv.gz"])


def test_paths_still_work(two_documents):
    assert framing.analyze(two_documents).documents["doc_id"].tolist() == ["denial", "talks"]
