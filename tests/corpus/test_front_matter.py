"""A header of metadata at the top of a document (front matter, as trafilatura writes it): read, not analysed."""

import pytest

from framing import analyze, clean_text, load_documents
from framing.corpus.front_matter import read_front_matter

BODY = ("Iran vowed harsh revenge on Friday after a US air strike killed its top general. Officials called the "
        "strike an act of terrorism.\n\nThe supreme leader declared three days of mourning.\n")
# trafilatura --with-metadata: values unquoted, a title may hold a colon.
HEADER = """---
title: Iran: revenge vowed after US strike kills top general
author: Jane Doe
url: https://example.org/news/iran-revenge
hostname: example.org
description: Tehran promised a harsh response.
sitename: Example News
date: 2020-01-03
---
"""


def test_a_scrapers_header_gives_fields_and_metadata():
    header = read_front_matter(HEADER + BODY)
    assert header.fields["title"] == "Iran: revenge vowed after US strike kills top general"
    assert header.metadata() == {
        "title": "Iran: revenge vowed after US strike kills top general", "outlet": "Example News",
        "published": "2020-01-03", "source": "https://example.org/news/iran-revenge", "author": "Jane Doe",
        "description": "Tehran promised a harsh response."}
    assert (HEADER + BODY)[header.end:] == BODY and header.block == HEADER


def test_markdown_front_matter_with_quotes_lists_windows_lines_and_a_mark():
    text = '\ufeff---\r\ntitle: "Talks: day two"\r\ntags:\r\n  - iran\r\n  - usa\r\npublisher: Wire\r\n...\r\nBody.'
    header = read_front_matter(text)
    assert header.fields == {"title": "Talks: day two", "tags": "iran usa", "publisher": "Wire"}
    assert header.metadata() == {"title": "Talks: day two", "outlet": "Wire", "tags": "iran usa"}
    assert text[header.end:] == "Body."


@pytest.mark.parametrize("text", [
    "---\nThis essay opens with a rule.\n---\nBody.",           # prose between rules
    "Body first.\n---\ntitle: x\n---\n",                        # not at the top
    "---\n---\nBody.",                                          # nothing in it
    "---\ntitle: x\nauthor: y\n" + "note: z\n" * 80 + "---\n",  # never closed within 60 lines
    "---\ntitle: never closed",
])
def test_what_is_not_a_header_stays_text(text):
    assert read_front_matter(text) is None


def test_the_cleaner_takes_the_header_out_and_makes_its_title_the_headline():
    cleaned = clean_text(HEADER + BODY)
    assert cleaned.text.startswith("Iran: revenge vowed after US strike kills top general\n\nIran vowed harsh")
    assert "example.org" not in cleaned.text and "Jane Doe" not in cleaned.text
    assert cleaned.paragraphs["section"].tolist() == ["headline", "body", "body"]
    removal = cleaned.removals.iloc[0]
    assert (removal["kind"], removal["text"], removal["position"]) == ("front_matter", HEADER.strip(), 0)


def test_a_files_header_fills_the_metadata_a_manifest_leaves_empty(tmp_path):
    (tmp_path / "a.txt").write_text(HEADER + BODY, encoding="utf-8")
    (tmp_path / "b.txt").write_text(BODY, encoding="utf-8")
    table = load_documents([tmp_path]).set_index("doc_id")
    assert table.loc["a", ["title", "outlet", "published", "source", "author"]].tolist() == [
        "Iran: revenge vowed after US strike kills top general", "Example News", "2020-01-03",
        "https://example.org/news/iran-revenge", "Jane Doe"]
    assert table.loc["b", ["title", "outlet", "author"]].tolist() == ["b", "", ""]  # no header: as before
    (tmp_path / "manifest.csv").write_text("doc_id,file,outlet\na,a.txt,The Example\nb,b.txt,\n", encoding="utf-8")
    table = load_documents([tmp_path]).set_index("doc_id")
    assert table.loc["a", ["title", "outlet"]].tolist() == [
        "Iran: revenge vowed after US strike kills top general", "The Example"]  # the manifest wins


def test_a_header_gives_no_sentences_and_its_title_is_the_headline(tmp_path):
    other = ("Markets rose on Monday as oil prices fell. Traders said the mood was calm.\n\n"
             "Analysts expect a quiet week.\n")
    (tmp_path / "a.txt").write_text(HEADER + BODY, encoding="utf-8")
    (tmp_path / "b.txt").write_text(HEADER.replace("Iran: revenge vowed", "Oil falls").replace("Jane Doe", "Ann Lee")
                                    + other, encoding="utf-8")
    analysis = analyze(tmp_path, jobs=1)
    # Before, each of the header's lines was a caption sentence of its document, and neither had a headline.
    assert not analysis.sentences["text"].str.contains("hostname|sitename|https://").any()
    assert analysis.sentences.query("sent_id == 1")["section"].tolist() == ["headline", "headline"]
    assert analysis.documents["outlet"].tolist() == ["Example News", "Example News"]
    assert analysis.pairs.empty
