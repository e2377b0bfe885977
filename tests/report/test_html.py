"""report.html and report.md: escaping of hostile documents, self-containment, contents; the marks and numbers."""

from __future__ import annotations

import html as html_lib
import re
from dataclasses import replace
from html.parser import HTMLParser
from pathlib import Path

import pandas as pd
import pytest

from framing.figures import FIGURES
from framing.report import (
    Span,
    SpanIndex,
    accuracy,
    full_texts,
    highlight,
    inline_svg,
    markdown_escape,
    number,
    write_report,
)

from ..conftest import SEEDS

HOSTILE = (
    "Regime <script>alert(1)</script> claims\n\n"
    "Qasem Soleimani was killed near Baghdad airport <script>alert(1)</script> by a <b>bold</b> American drone "
    "strike in January 2020, and a spokesman called the regime \"terrorists <img src=x onerror=alert(3)>\" in a "
    "statement.\n\n"
    "Critics said the \" onmouseover=alert(2) x=\" trick and <a href=\"https://evil.example/\">a link</a> "
    "were reportedly planned by the Quds Force in Kerman.\n\n"
    "<style>body { display: none }</style> The ministry denied the claims & said the move was lawful.\n"
)
PLAIN = (
    "Ministry rejects claims\n\n"
    "Qasem Soleimani was killed near Baghdad airport by an American drone strike in January 2020, a spokesman "
    "said in a statement.\n\n"
    "Critics said the plan was reportedly made by the Quds Force in Kerman.\n"
)
MANIFEST = (
    "doc_id,file,title,outlet,kind,published,source,notes\n"
    "hostile,hostile.txt,\"<img src=x onerror=alert(4)> Title & more\",<i>Outlet</i>,tabloid,2020,"
    "https://evil.example/feed.js,\"<script>alert(5)</script>\"\n"
    "plain,plain.txt,A plain account,Wire,wire,2020,,\n"
)
ON_ATTRIBUTE = re.compile(r"^on", re.IGNORECASE)
REMOTE = re.compile(r"^\s*(?:https?:)?//", re.IGNORECASE)


def write_hostile_corpus(folder: Path) -> Path:
    """Two documents and a manifest whose text, title, outlet and notes are full of HTML."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "hostile.txt").write_text(HOSTILE, encoding="utf-8")
    (folder / "plain.txt").write_text(PLAIN, encoding="utf-8")
    (folder / "manifest.csv").write_text(MANIFEST, encoding="utf-8")
    return folder


def build_report(paths, out: Path, **options) -> Path:
    from framing.pipeline import analyze
    from framing.report import write_analysis

    analysis = analyze(paths, **options)
    write_analysis(out, analysis, options={"sections": "body"})
    return out


class Page(HTMLParser):
    """The elements, attributes and text of an HTML page, as a browser's parser sees them."""

    def __init__(self, text: str):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []
        self.text: list[str] = []
        self.feed(text)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_startendtag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)

    @property
    def all_text(self) -> str:
        return re.sub(r"\s+", " ", "".join(self.text))


def plain_text(fragment: str) -> str:
    """Text of an HTML fragment with tags dropped, entities decoded and whitespace collapsed."""
    return re.sub(r"\s+", " ", html_lib.unescape(re.sub(r"<[^>]+>", "", fragment))).strip()


def remote_references(text: str, page: Page) -> list[str]:
    """Everything in a page that would make a browser fetch from the network when the page opens."""
    found = [f"<{tag} {name}={value}>" for tag, attrs in page.tags for name, value in attrs.items()
             if name in ("src", "href", "xlink:href", "srcset", "poster", "data", "action", "background")
             and value and REMOTE.match(value)]
    found += re.findall(r"@import[^;]*", text)
    found += re.findall(r"url\(\s*['\"]?\s*(?:https?:)?//[^)]*\)", text, re.IGNORECASE)
    return found


# ---------------------------------------------------------------------------------------------------------
# A hostile document


@pytest.fixture(scope="module")
def hostile_report(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("hostile")
    return build_report([write_hostile_corpus(root / "docs")], root / "out")


def test_hostile_document_is_shown_as_text(hostile_report):
    text = (hostile_report / "report.html").read_text(encoding="utf-8")
    page = Page(text)
    tags = [tag for tag, _ in page.tags]
    assert "script" not in tags and "img" not in tags and "b" not in tags and "i" not in tags
    assert tags.count("style") == 1 + tags.count("svg")  # the page's own stylesheet and one in each figure
    assert "<style>body" not in text
    assert "<script" not in text.lower()
    handlers = [(tag, name) for tag, attrs in page.tags for name in attrs if ON_ATTRIBUTE.match(name)]
    assert handlers == []
    shown = page.all_text
    # Markup in a document's body is stripped by the cleaner (README, bad input); markup in metadata and text
    # that only looks like an attribute stay, and must show as text.
    for hostile in ("\" onmouseover=alert(2) x=\"", "<img src=x onerror=alert(4)> Title & more", "<i>Outlet</i>"):
        assert hostile in shown, hostile
    assert "&lt;i&gt;Outlet&lt;/i&gt;" in text  # metadata markup is escaped, not rendered
    assert remote_references(text, page) == []


def test_hostile_marks_keep_their_attributes_closed(hostile_report):
    page = Page((hostile_report / "report.html").read_text(encoding="utf-8"))
    marks = [attrs for tag, attrs in page.tags if tag == "mark"]
    assert marks, "the hostile document's loaded terms (regime, terrorists) are marked"
    for attrs in marks:
        assert set(attrs) == {"class", "title"}
        assert attrs["class"].startswith("loaded cat-")


def test_hostile_markdown_is_escaped(hostile_report):
    text = (hostile_report / "report.md").read_text(encoding="utf-8")
    assert not re.search(r"(?<!\\)<", text), "every < of the documents' metadata is backslash-escaped"
    assert "\\<i\\>Outlet\\</i\\>" in text


# ---------------------------------------------------------------------------------------------------------
# The seeds


@pytest.fixture(scope="module")
def seeds():
    from framing.pipeline import analyze

    return analyze(SEEDS, events_file=SEEDS / "events.toml")


@pytest.fixture(scope="module")
def seed_report(seeds, tmp_path_factory) -> Path:
    from framing.report import write_analysis

    out = tmp_path_factory.mktemp("seeds") / "out"
    write_analysis(out, seeds, options={"sections": "body"})
    return out


def drawn_figures(out: Path) -> list[str]:
    """The stems of the figures a run drew (a figure with nothing to show is left out)."""
    return [stem for stem in FIGURES if (out / "figures" / f"{stem}.svg").exists()]


@pytest.fixture(scope="module")
def seed_html(seed_report) -> str:
    return (seed_report / "report.html").read_text(encoding="utf-8")


def test_every_figure_is_inline(seed_report, seed_html):
    page = Page(seed_html)
    figures = [attrs for tag, attrs in page.tags if tag == "svg"]
    drawn = drawn_figures(seed_report)
    # Figure 9 needs loaded labels tied to actors; every other figure has something to show on the seeds.
    assert set(FIGURES) - set(drawn) <= {"09_who_is_called_what"}
    assert len(figures) == len(drawn) == seed_html.count("<svg")
    assert all(attrs.get("class") == "figure-svg" and attrs.get("role") == "img" for attrs in figures)
    for number_, (stem, info) in enumerate(FIGURES.items(), start=1):
        if stem not in drawn:
            continue
        assert f"Figure {number_}. {info.title}" in page.all_text
        assert info.caption in page.all_text
    assert "<?xml" not in seed_html and "<!DOCTYPE svg" not in seed_html
    ids = re.findall(r'\bid="([^"]+)"', seed_html)
    assert len(ids) == len(set(ids)), "ids are unique across the inlined figures"


def test_nothing_is_fetched_from_the_network(seed_html):
    page = Page(seed_html)
    assert remote_references(seed_html, page) == []
    assert [tag for tag, _ in page.tags if tag in ("script", "iframe", "object", "embed", "img")] == []
    links = [attrs for tag, attrs in page.tags if tag == "link"]
    assert links == [{"rel": "icon", "href": "data:,"}]


def test_every_link_inside_the_page_has_a_target(seed_html):
    page = Page(seed_html)
    ids = {attrs["id"] for _, attrs in page.tags if "id" in attrs}
    targets = {attrs["href"][1:] for tag, attrs in page.tags if tag == "a" and attrs.get("href", "").startswith("#")}
    assert targets and targets <= ids, sorted(targets - ids)[:5]


def test_summary_table_has_one_column_per_document(seeds, seed_html):
    table = re.search(r'<table class="summary">(.*?)</table>', seed_html, re.DOTALL).group(1)
    head, body = table.split("</thead>")
    assert re.findall(r"<th scope=\"col\"", head).__len__() == 1 + len(seeds.order)
    for doc_id in seeds.order:
        assert doc_id in head
    rows = re.findall(r"<tr.*?</tr>", body, re.DOTALL)
    assert len(rows) >= 10
    assert all(len(re.findall(r"<td\b", row)) == len(seeds.order) for row in rows)
    mean = [row for row in rows if "Mean compound [95% interval]" in row][0]
    documents = seeds.documents.set_index("doc_id")
    for doc_id in seeds.order:
        low, high = documents.loc[doc_id, ["ci_low", "ci_high"]]
        assert f"[{number(low, 3)}, {number(high, 3)}]" in mean


def test_reading_view_has_every_events_sentences(seeds, seed_html):
    sentences = seeds.sentences.set_index(["doc_id", "sent_id"])
    anchors = {doc_id: f"doc-{i}" for i, doc_id in enumerate(seeds.order, start=1)}
    starts = [m.start() for m in re.finditer(r'<section class="event" id="event-\d+">', seed_html)]
    assert len(starts) == len(seeds.event_labels)
    sections = [seed_html[a:b] for a, b in zip(starts, starts[1:] + [seed_html.index('<section id="texts">')])]
    for section, label in zip(sections, seeds.event_labels.itertuples()):
        assert f'<span class="event-id">{label.event_id}</span>' in section
        shown = plain_text(section)
        members = seeds.events[seeds.events["event_id"] == label.event_id]
        for member in members.itertuples():
            assert f'href="#{anchors[member.doc_id]}-s{member.sent_id}"' in section
            text = re.sub(r"\s+", " ", sentences.loc[(member.doc_id, member.sent_id), "text"]).strip()
            assert text in shown, (label.event_id, member.doc_id, member.sent_id)
        for doc_id in set(seeds.order) - set(members["doc_id"]):
            assert f"no sentence of {doc_id} was aligned" in shown


def test_full_texts_keep_every_character(seeds, seed_html):
    texts = seed_html[seed_html.index('<section id="texts">'):seed_html.index('<section id="how-to-read"')]
    documents = re.split(r'<section class="document"', texts)[1:]
    assert len(documents) == len(seeds.order)
    for fragment, row in zip(documents, seeds.corpus.documents.itertuples()):
        body = fragment[fragment.index('<div class="doc-text">'):fragment.index('<p class="back">')]
        # Labels, event links and the neutral rewrites under paragraphs (issue 19) are not the document's text.
        body = re.sub(r'<span class="section-tag">.*?</span>|<a class="ev-link".*?</a>'
                      r'|<details class="neutral">.*?</details>', "", body, flags=re.S)
        assert re.sub(r"\s+", "", plain_text(body)) == re.sub(r"\s+", "", row.text)


def test_rewritten_sentences_open_in_neutral_words_without_a_script(seeds, seed_html):
    rewrites = seeds.rewrites[seeds.rewrites["n_swapped"] > 0]
    details = re.findall(r'<details class="neutral"><summary>(.*?)</summary>(.*?)</details>', seed_html, flags=re.S)
    assert len(details) == len(rewrites)
    slaughtered = [body for _, body in details if "slaughtered → killed" in body]
    assert slaughtered and all("<ins>killed</ins>" in body for body in slaughtered)


def test_loaded_terms_are_marked_with_category_voice_and_neutral(seeds, seed_html):
    marks = re.findall(r'<mark class="([^"]+)" title="([^"]+)">', seed_html)
    classes = [c for c, _ in marks if "voice-" in c]
    assert any("voice-authorial" in c for c in classes) and any("voice-reported" in c for c in classes)
    lexicon = seeds.lexicon.entries.set_index("term")
    term = seeds.terms.iloc[0]
    neutral = lexicon.loc[term["lemma"], "neutral"]
    assert any(f"neutral: {html_lib.escape(neutral)}" in title for _, title in marks)
    for category in seeds.terms["category"].unique():
        assert f"cat-{category}" in seed_html
    # Hovering a label names who it is applied to and, when reported, who said it (issue 17).
    assert any("applied to: Qasem Soleimani" in title and "speaker: Khamenei" in title for _, title in marks)


def test_how_to_read_and_provenance(seeds, seed_report, seed_html):
    import json

    shown = Page(seed_html).all_text
    assert "0.49" in shown and "social-media" in shown and "English only" in shown and "Sarcasm" in shown
    assert "whole article" in shown and "Writer's own" in shown
    record = accuracy()
    assert f"{record['sentiment']['pearson_r']:.3f}" in shown
    run = json.loads((seed_report / "run.json").read_text(encoding="utf-8"))
    for item in run["inputs"]:
        assert item["sha256"][:12] in shown
    assert run["lexicon"]["sha256"][:12] in shown


def test_the_runs_warnings_are_listed_by_kind_in_both_reports(seeds, tmp_path):
    from framing.report.html import warning_kinds

    recorded = [{"where": None, "problem": "300 documents are too many to show side by side"},
                *({"where": f"export.csv:row {row}", "problem": f"looks like HTML: removed {row} tags"}
                  for row in range(2, 6)),
                {"where": "b.txt", "problem": "not valid UTF-8; read as cp1252"}]
    assert warning_kinds(recorded) == [
        {"count": 1, "first": "300 documents are too many to show side by side"},
        {"count": 4, "first": "export.csv:row 2: looks like HTML: removed 2 tags"},
        {"count": 1, "first": "b.txt: not valid UTF-8; read as cp1252"}]
    (tmp_path / "figures").mkdir()
    write_report(tmp_path, seeds, run={"warnings": recorded})
    shown = Page((tmp_path / "report.html").read_text(encoding="utf-8")).all_text
    assert "Warnings" in shown and "4 like this: export.csv:row 2: looks like HTML: removed 2 tags" in shown
    markdown = (tmp_path / "report.md").read_text(encoding="utf-8")
    assert "- 4 like this: export.csv:row 2: looks like HTML: removed 2 tags\n" in markdown
    assert "- b.txt: not valid UTF-8; read as cp1252\n" in markdown
    # No warnings, no section.
    write_report(tmp_path, seeds, run={"warnings": []})
    assert "Warnings" not in Page((tmp_path / "report.html").read_text(encoding="utf-8")).all_text


def test_markdown_report(seeds, seed_report):
    text = (seed_report / "report.md").read_text(encoding="utf-8")
    assert "| Measure | " + " | ".join(seeds.order) + " |" in text
    lines = [line for line in text.splitlines() if line.startswith("| Mean compound [95% interval] |")]
    assert len(lines) == 1 and lines[0].count("|") == len(seeds.order) + 2
    for stem in drawn_figures(seed_report):
        assert f"(figures/{stem}.png)" in text
    for event_id in seeds.event_labels["event_id"]:
        assert f"| {event_id} " in text


# ---------------------------------------------------------------------------------------------------------
# Pieces


def test_highlight_cuts_overlaps_into_pieces_and_escapes_each():
    text = 'He said "a <b> regime" & left.'
    spans = [Span(8, 22, ("quote",), "direct quotation", "quote"),
             Span(15, 21, ("loaded", "cat-pejorative_label", "voice-reported"), "pejorative label · <x>", "loaded"),
             Span(0, 2, ("source", "source-named"), "source: named", "source")]
    assert str(highlight(text, 0, len(text), spans)) == (
        '<span class="source source-named" title="source: named">He</span> said '
        '<span class="quote" title="direct quotation">&#34;a &lt;b&gt; </span>'
        '<mark class="loaded cat-pejorative_label voice-reported quote" '
        'title="pejorative label · &lt;x&gt; | direct quotation">regime</mark>'
        '<span class="quote" title="direct quotation">&#34;</span> &amp; left.')


def test_highlight_clips_spans_to_the_range():
    text = "One. Two <three>."
    spans = [Span(0, 8, ("quote",), "q", "quote")]
    assert str(highlight(text, 5, len(text), spans)) == '<span class="quote" title="q">Two</span> &lt;three&gt;.'
    assert str(highlight(text, 5, 8, [])) == "Two"


def random_spans(rng, length: int, count: int) -> list[Span]:
    """Short marks everywhere plus a few long ones (quotations over a paragraph) that nest the short ones."""
    kinds = ["loaded", "source", "cue", "hedge"]
    spans = []
    for _ in range(count):
        start = rng.randrange(length - 1)
        long = rng.random() < 0.05
        end = min(length, start + rng.randrange(1, 400 if long else 12))
        kind = "quote" if long else rng.choice(kinds)
        spans.append(Span(start, end, (kind,), f"{kind} {start}", kind))
    return spans


def test_span_index_finds_exactly_what_a_scan_finds():
    import random

    rng = random.Random(3)
    text = "".join(rng.choice("ab <&>\"'") for _ in range(3000))
    spans = random_spans(rng, len(text), 600)
    index = SpanIndex(spans)
    ranked = sorted(spans)
    for _ in range(500):
        start = rng.randrange(len(text))
        end = min(len(text), start + rng.randrange(0, 200))
        assert index.overlapping(start, end) == [s for s in ranked if s.start < end and s.end > start]
        assert highlight(text, start, end, index) == highlight(text, start, end, ranked)
    assert index.overlapping(0, len(text)) == ranked
    assert index.overlapping(len(text), len(text)) == []
    assert list(index) == ranked and len(index) == 600


def test_span_index_looks_only_near_the_range():
    # One sentence-sized query per 100 characters over 10,000 one-word marks and quotations of up to a
    # paragraph: the spans looked at in all stay proportional to the spans, not to spans × queries.
    import random
    from bisect import bisect_left, bisect_right

    rng = random.Random(4)
    length = 1_000_000
    spans = [Span(start, start + 8, ("loaded",), "", "loaded") for start in range(0, length, 100)]
    spans += [Span(start, start + 600, ("quote",), "", "quote") for start in range(50, length, 2_000)]
    index = SpanIndex(spans)
    looked_at = 0
    for start in range(0, length, 100):
        end = start + rng.randrange(50, 150)
        looked_at += bisect_left(index.starts, end) - bisect_right(index.reach, start)
    assert looked_at < 10 * len(spans)


def test_full_texts_put_each_sentence_in_its_paragraph():
    from types import SimpleNamespace

    import pandas as pd

    # Sentences 1-2 in paragraph 1 (0-15), 3 in paragraph 2 (17-37); sentence 4 runs past its paragraph's end,
    # so it belongs to none and its words are shown as unanchored text. Rows and paragraphs out of order.
    text = "One. Two three.\n\nFour five six. Seven\n\n"
    sentences = pd.DataFrame({
        "doc_id": ["d", "d", "d", "d"], "sent_id": [3, 1, 2, 4], "start": [17, 0, 5, 32],
        "end": [31, 4, 15, 38], "event_id": ["", "", "E1", ""],
    })
    paragraphs = pd.DataFrame({"doc_id": ["d", "d"], "start": [17, 0], "end": [37, 15],
                               "section": ["body", "headline"]})
    analysis = SimpleNamespace(order=["d"], sentences=sentences, event_labels=pd.DataFrame({"event_id": ["E1"]}),
                               corpus=SimpleNamespace(paragraphs=paragraphs))
    marks = SimpleNamespace(texts={"d": text}, spans={"d": SpanIndex([Span(9, 14, ("quote",), "q", "quote")])})
    [document] = full_texts(analysis, marks, {"d": "#000"})
    first, second = document["paragraphs"]
    assert first["section_name"] == "headline" and second["section_name"] == "body"
    assert [piece if isinstance(piece, str) else (piece["anchor"], str(piece["html"]), piece["event_anchor"])
            for piece in first["pieces"]] == [
        ("doc-1-s1", "One.", ""), " ",
        ("doc-1-s2", 'Two <span class="quote" title="q">three</span>.', "event-1")]
    assert [piece if isinstance(piece, str) else (piece["anchor"], str(piece["html"]))
            for piece in second["pieces"]] == [("doc-1-s3", "Four five six."), " Seven"]


def test_inline_svg_prefixes_ids_and_refuses_scripts():
    svg = ('<?xml version="1.0"?>\n<!DOCTYPE svg PUBLIC "x" "http://www.w3.org/x.dtd">\n'
           '<svg xmlns="http://www.w3.org/2000/svg" width="10pt" height="5pt" viewBox="0 0 10 5">'
           '<metadata><rdf:RDF/></metadata><!-- a comment --><defs><path id="g1"/><clipPath id="c1"/></defs>'
           '<use xlink:href="#g1"/><rect clip-path="url(#c1)"/></svg>')
    out = str(inline_svg(svg, prefix="f1-", label='Figure <1> "x"'))
    assert out.startswith('<svg class="figure-svg" role="img" aria-label="Figure &lt;1&gt; &#34;x&#34;"')
    assert 'width="10pt"' not in out and 'viewBox="0 0 10 5"' in out
    assert 'id="f1-g1"' in out and 'href="#f1-g1"' in out and "url(#f1-c1)" in out
    assert "comment" not in out and "metadata" not in out and "DOCTYPE" not in out
    assert inline_svg(svg.replace("<defs>", "<script>alert(1)</script><defs>"), prefix="p", label="x") is None
    assert inline_svg(svg.replace('<use xlink:href="#g1"/>', '<image href="https://x.example/a.png"/>'),
                      prefix="p", label="x") is None


def test_number_formats_for_people():
    assert number(-0.0945, 3) == "\u22120.095"
    assert number(1846, 0) == "1,846"
    assert number(0.125, 1, percent=True) == "12.5%"
    assert number(0.36, 2, signed=True) == "+0.36"
    assert number(0.0, 2, signed=True) == number(-0.001, 2, signed=True) == number(-0.001, 2) == "0.00"
    assert number(float("nan")) == "—"


def test_markdown_escape():
    assert markdown_escape("a|b <i>x</i> *y* [t](u)\nz") == "a\\|b \\<i\\>x\\</i\\> \\*y\\* [t\\](u) z"


# ---------------------------------------------------------------------------------------------------------
# Issue 20: intervals below five sentences, phone width, the accuracy table's data, readable event labels


def test_a_one_sentence_document_gets_its_mean_and_n_too_small(seeds, tmp_path):
    documents = seeds.documents.copy()
    first = documents["doc_id"] == seeds.order[0]
    documents.loc[first, ["ci_low", "ci_high"]] = float("nan")
    documents.loc[first, "n_sentences"] = 1
    write_report(tmp_path, replace(seeds, documents=documents))
    html = (tmp_path / "report.html").read_text(encoding="utf-8")
    table = re.search(r'<table class="summary">(.*?)</table>', html, re.DOTALL).group(1)
    mean = [row for row in re.findall(r"<tr.*?</tr>", table, re.DOTALL) if "Mean compound [95% interval]" in row][0]
    cells = re.findall(r"<td[^>]*>(.*?)</td>", mean)
    assert cells[0] == f"{number(documents.loc[first, 'mean_compound'].iloc[0], 3)} (n too small)"
    assert all("[" in cell for cell in cells[1:])
    assert "(n too small)" in (tmp_path / "report.md").read_text(encoding="utf-8")


def test_summary_cells_are_labelled_for_a_phone(seeds, seed_html):
    table = re.search(r'<table class="summary">(.*?)</table>', seed_html, re.DOTALL).group(1)
    labels = re.findall(r'<td data-label="([^"]+)"', table)
    assert labels[:len(seeds.order)] == seeds.order and len(labels) % len(seeds.order) == 0
    # At phone width each measure becomes a block of labelled lines instead of a table cut at the screen's edge.
    phone = seed_html[seed_html.index("@media (max-width: 40rem)"):]
    assert "table.summary td::before { content: attr(data-label)" in " ".join(phone.split())


def test_accuracy_table_says_where_it_was_measured(seed_html):
    text = plain_text(seed_html)
    assert "How accurate the measures are: measured on framing's development and test sets" in text
    assert "not from the documents in this report" in text
    assert "on framing's own seed texts (not the documents of this report)" in text


def test_clustered_events_have_a_readable_label_and_keywords_beside_it(seeds, seed_html, seed_report):
    labels = pd.read_csv(seed_report / "event_labels.csv")
    assert list(labels.columns) == ["event_id", "label", "n_documents", "n_sentences", "source", "keywords"]
    clustered = labels[labels["source"] == "clustered"].iloc[0]
    assert " · " in clustered["keywords"] and " · " not in clustered["label"]
    assert f"keywords: {clustered['keywords']}" in plain_text(seed_html)


# ---------------------------------------------------------------------------------------------------------
# A few long documents share thousands of events: the reading view shows the most widely covered


def test_reading_view_shows_the_most_widely_covered_events_when_there_are_many(seeds, tmp_path, monkeypatch):
    from framing.align.compare import most_covered_events
    from framing.report import reading

    monkeypatch.setattr(reading, "READING_EVENTS_LIMIT", 5)
    write_report(tmp_path, seeds)
    html = (tmp_path / "report.html").read_text(encoding="utf-8")
    markdown = (tmp_path / "report.md").read_text(encoding="utf-8")
    n_events = len(seeds.event_labels)
    assert n_events > 5
    shown = most_covered_events(seeds.comparison, seeds.order, 5)
    # The same five figure 6 would draw at five rows, in the story's order, each keeping its anchor: its place
    # among all the events.
    place = {event_id: i for i, event_id in enumerate(seeds.event_labels["event_id"], start=1)}
    sections = re.findall(r'<section class="event" id="(event-\d+)">\s*<h3><span class="event-id">(\w+)</span>', html)
    assert sections == [(f"event-{place[event_id]}", event_id) for event_id in shown]
    assert f"(5 of {n_events} events)" in html
    note = f"Shown: the 5 events (of {n_events}) covered by the most documents"
    assert note in Page(html).all_text and note in markdown
    # The full texts link each sentence of a shown event to it; the other events' ids are shown but not links.
    members = seeds.sentences[seeds.sentences["event_id"] != ""]
    linked = re.findall(r'<a class="ev-link" href="#(event-\d+)" title="event (\w+)">', html)
    unlinked = re.findall(r'<span class="ev-link" title="event (\w+):', html)
    assert sorted(event_id for _, event_id in linked) == sorted(members.loc[members["event_id"].isin(shown),
                                                                            "event_id"])
    assert all(anchor == f"event-{place[event_id]}" for anchor, event_id in linked)
    assert unlinked and sorted(unlinked) == sorted(members.loc[~members["event_id"].isin(shown), "event_id"])
    page = Page(html)
    ids = {attrs["id"] for _, attrs in page.tags if "id" in attrs}
    targets = {attrs["href"][1:] for tag, attrs in page.tags if tag == "a" and attrs.get("href", "").startswith("#")}
    assert targets <= ids, sorted(targets - ids)[:5]
    # The Markdown events table has the same five rows.
    assert re.findall(r"^\| (E\d+) ", markdown, flags=re.M) == shown


def test_reading_view_shows_every_event_within_the_limit(seeds, seed_html):
    assert f"({len(seeds.event_labels)} events)" in seed_html
    assert "Shown: the" not in seed_html and '<span class="ev-link"' not in seed_html
