"""A JSON document given as the corpus table: a list of articles, bare or inside a news API's response."""

import gzip
import json

import pytest

from framing import FramingError, FramingWarning
from framing.corpus.records import checked_table, read_records

TEXT = "The regime said the talks resumed on Monday. Officials called it a terrorist act."
ARTICLES = [
    {"source": {"id": "bbc-news", "name": "BBC News"}, "author": None, "title": "Talks resume",
     "url": "https://example.org/a", "publishedAt": "2020-01-03T10:00:00Z", "content": TEXT},
    {"source": {"id": None, "name": "The Sun"}, "author": "A. Writer", "title": "Talks fail!",
     "url": "https://example.org/b", "publishedAt": "2020-01-04T10:00:00Z", "content": "The talks failed."},
]
NEWS_API = dict(text_column="content", id_column="url", headline_column="title",
                meta_columns=("source.name", "publishedAt"))


def write_json(path, document, **dump):
    path.write_text(json.dumps(document, **dump), encoding="utf-8")
    return path


@pytest.mark.parametrize("shape", [
    lambda articles: articles,                                                          # a bare list
    lambda articles: {"status": "ok", "totalResults": 2, "errors": [], "articles": articles},  # News API
    lambda articles: {"articles": {"results": articles, "totalResults": 2}},               # one level deeper
])
def test_the_list_of_articles_is_found_and_nested_keys_are_dotted_columns(tmp_path, shape):
    path = write_json(tmp_path / "news.json", shape(ARTICLES), indent=2)
    records = list(read_records(path, **NEWS_API))
    assert [(r["doc_id"], r["path"], r["source.name"], r["publishedAt"]) for r in records] == [
        ("https://example.org/a", "news.json:item 1", "BBC News", "2020-01-03T10:00:00Z"),
        ("https://example.org/b", "news.json:item 2", "The Sun", "2020-01-04T10:00:00Z")]
    assert records[1]["raw_text"] == "Talks fail!\n\nThe talks failed."
    assert checked_table(path, **NEWS_API).n_characters == len(f"Talks resume\n\n{TEXT}") + len(
        "Talks fail!\n\nThe talks failed.")


def test_a_json_list_gives_the_records_of_the_same_rows_as_json_lines(tmp_path):
    rows = [{"id": "a1", "text": TEXT, "outlet": "BBC"}, {"id": 2, "text": "Line one.\nLine two.", "outlet": "Sun"}]
    as_list = list(read_records(write_json(tmp_path / "t.json", rows), meta_columns=("outlet",)))
    (tmp_path / "t.jsonl").write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    as_lines = list(read_records(tmp_path / "t.jsonl", meta_columns=("outlet",)))
    assert [r.pop("path") for r in as_list] == ["t.json:item 1", "t.json:item 2"]
    assert [r.pop("path") for r in as_lines] == ["t.jsonl:line 1", "t.jsonl:line 2"]
    assert as_list == as_lines


def test_gzipped_json_and_ids_by_item(tmp_path):
    path = tmp_path / "t.json.gz"
    path.write_bytes(gzip.compress(json.dumps([{"text": TEXT}, {"text": "Two."}]).encode("utf-8")))
    with pytest.warns(FramingWarning, match=r"has no 'id' column: each document is named by its item \(item1, item2"):
        assert [r["doc_id"] for r in read_records(path)] == ["item1", "item2"]


@pytest.mark.parametrize(("document", "problem"), [
    ({"a": [{"x": 1}], "b": {"c": [{"y": 2}]}},
     r"holds several lists of objects \(a, b\.c\); framing reads one list of articles: extract it, e\.g\. "
     r"jq -c '\.a\[\]' t\.json > articles\.jsonl"),
    ({"status": "error", "message": "rate limited"},
     r"holds a JSON object with no list of articles in it \(keys: status, message\)"),
    ("just a string", r"holds a single JSON value, not a list of articles"),
    ([{"id": "a", "text": TEXT}, None], r"item 2 of the list is not a JSON object \(\{\.\.\.\}\) but null"),
    # The object stays beside its dotted keys: a text given as an object is refused as one, with the key to use.
    ([{"id": "a", "text": {"body": TEXT}}], r"item 1: 'text' is a JSON object, not text"),
])
def test_what_is_not_a_list_of_articles_is_refused_with_what_it_holds(tmp_path, document, problem):
    with pytest.raises(FramingError, match=problem):
        list(read_records(write_json(tmp_path / "t.json", document)))
    if "body" in str(document):
        assert next(read_records(tmp_path / "t.json", text_column="text.body"))["raw_text"] == TEXT


def test_a_key_given_twice_is_refused(tmp_path):
    (tmp_path / "t.json").write_text('[{"id": "a", "text": "One.", "id": "b"}]', encoding="utf-8")
    with pytest.raises(FramingError, match=r"t\.json: key 'id' appears twice in one object; keep one"):
        list(read_records(tmp_path / "t.json"))


def test_json_lines_named_json_is_told_to_be_named_jsonl(tmp_path):
    path = tmp_path / "t.json"
    path.write_text('{"id": "a", "text": "One."}\n{"id": "b", "text": "Two."}\n', encoding="utf-8")
    with pytest.raises(FramingError, match=r"t\.json:2: not valid JSON \(Extra data, column 1\); it looks like JSON "
                                           r"Lines \(one object per line\): name the file \.jsonl$"):
        list(read_records(path))
