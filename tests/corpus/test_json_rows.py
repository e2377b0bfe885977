"""A JSON document given as the corpus table: a list of articles, bare or inside a news API's response."""

import gzip
import json

import pandas as pd
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
    with pytest.warns(FramingWarning, match=r"has no 'id' column: each document is named by its item \(item1, item2, …\)"):
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


def news_please_folder(root):
    """Articles as news-please stores them: one JSON file each, by date and site; beside them, an earlier run's
    output and a hidden folder."""
    for site, name, text in (("bbc.co.uk", "a", TEXT), ("bbc.co.uk", "b", "The talks failed."),
                             ("thesun.co.uk", "c", "Mullahs vow revenge.")):
        folder = root / "2020" / "01" / "03" / site
        folder.mkdir(parents=True, exist_ok=True)
        write_json(folder / f"{name}.json", {"title": name.upper(), "maintext": text, "source_domain": site,
                                             "authors": ["A. Writer"]})
    (root / "out").mkdir()
    write_json(root / "out" / "run.json", {"outputs": []})
    write_json(root / "out" / "stray.json", {"maintext": "Not an article."})
    (root / ".cache").mkdir()
    write_json(root / ".cache" / "x.json", {"maintext": "Not an article either."})
    # macOS's companion of a file copied to a USB stick or zipped: binary, hidden, no article.
    (root / "2020" / "01" / "03" / "bbc.co.uk" / "._a.json").write_bytes(b"\x00\x05\x16\x07\x00\x02Mac OS X")
    return root


def test_a_folder_of_json_files_is_read_one_article_per_file(tmp_path):
    from framing.corpus.reading import is_json_folder

    root = news_please_folder(tmp_path / "data")
    assert is_json_folder(root)
    with pytest.warns(FramingWarning, match=r"has no 'id' column: each document is named by its file "
                                            r"\(2020/01/03/bbc\.co\.uk/a, …\)"):
        records = list(read_records(root, text_column="maintext", meta_columns=("source_domain",)))
    assert [(r["doc_id"], r["path"], r["source_domain"]) for r in records] == [
        ("2020/01/03/bbc.co.uk/a", "data/2020/01/03/bbc.co.uk/a.json", "bbc.co.uk"),
        ("2020/01/03/bbc.co.uk/b", "data/2020/01/03/bbc.co.uk/b.json", "bbc.co.uk"),
        ("2020/01/03/thesun.co.uk/c", "data/2020/01/03/thesun.co.uk/c.json", "thesun.co.uk")]
    # The text column missing: the longest text of the first article is named.
    with pytest.raises(FramingError, match=r"no column 'text' \(columns: title, maintext\); "
                                           r".*the first row's longest text is in 'maintext' \(--text-column "
                                           r"maintext\)$"):
        write_json(root / "2020" / "01" / "03" / "bbc.co.uk" / "a.json", {"title": "A", "maintext": TEXT * 3})
        list(read_records(root, id_column="title"))


def test_a_json_file_of_a_folder_may_hold_a_page_of_results(tmp_path):
    write_json(tmp_path / "page1.json", [{"id": "a1", "text": TEXT}, {"id": "a2", "text": "Two."}])
    write_json(tmp_path / "page2.json", [{"id": "a3", "text": "Three."}])
    assert [(r["doc_id"], r["path"]) for r in read_records(tmp_path)] == [
        ("a1", f"{tmp_path.name}/page1.json #1"), ("a2", f"{tmp_path.name}/page1.json #2"),
        ("a3", f"{tmp_path.name}/page2.json #1")]
    (tmp_path / "page3.json").write_text("[1, 2]", encoding="utf-8")
    with pytest.raises(FramingError, match=r"page3\.json: item 1 of the list is not a JSON object"):
        list(read_records(tmp_path))


def test_a_folder_with_documents_or_a_manifest_is_no_json_folder(tmp_path):
    from framing.corpus.reading import is_json_folder

    write_json(tmp_path / "a.json", {"text": TEXT})
    (tmp_path / "notes.txt").write_text(TEXT, encoding="utf-8")
    assert not is_json_folder(tmp_path)
    (tmp_path / "notes.txt").unlink()
    (tmp_path / "manifest.csv").write_text("doc_id,file\n", encoding="utf-8")
    assert not is_json_folder(tmp_path)
    assert not is_json_folder(tmp_path / "a.json")


def test_the_command_line_reads_a_folder_of_json_files(tmp_path):
    from click.testing import CliRunner

    from framing.cli import main

    root = news_please_folder(tmp_path / "data")
    out = tmp_path / "results"
    result = CliRunner().invoke(main, ["analyze", str(root), "--text-column", "maintext", "--headline-column",
                                       "title", "--meta-columns", "source_domain", "--out", str(out)])
    assert result.exit_code == 0, result.output
    documents = pd.read_csv(out / "documents.csv")
    assert documents["source_domain"].tolist() == ["bbc.co.uk", "bbc.co.uk", "thesun.co.uk"]
    sentences = pd.read_csv(out / "sentences.csv")
    assert sentences.loc[sentences["sent_id"] == 1, "section"].tolist() == ["headline"] * 3


def test_a_json_file_cut_short_is_refused_or_skipped(tmp_path):
    root = news_please_folder(tmp_path / "data")
    cut = root / "2020" / "01" / "03" / "bbc.co.uk" / "z.json"
    cut.write_text('{"title": "Z", "maintext": "The talks', encoding="utf-8")  # a scraper stopped mid-write
    with pytest.raises(FramingError, match=r"z\.json:1: not valid JSON \(Unterminated string starting at, column "
                                           r"\d+\) \(fix or remove the file, or pass --skip-bad-rows\)$"):
        list(read_records(root, text_column="maintext", id_column="title"))
    with pytest.warns(FramingWarning, match=r"z\.json: line 1: not valid JSON \(Unterminated string starting at, "
                                            r"column \d+\); skipped$"):
        records = list(read_records(root, text_column="maintext", id_column="title", skip_bad_rows=True))
    assert [record["doc_id"] for record in records] == ["A", "B", "C"]
