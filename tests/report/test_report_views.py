"""report.html and report.md in each view: documents side by side, groups (chosen by size or by the user), and the
spread across many documents (distributions per measure, the most extreme documents named)."""

from __future__ import annotations

import re
from dataclasses import replace
from types import SimpleNamespace

import numpy as np
import pandas as pd
import pytest

from framing.report import DOCUMENT_LIST_ROWS, figure_caption, number, report_context, write_report
from framing.views import SPREAD_MEASURES, View, choose_view

from .test_html import Page, build_report, plain_text, write_hostile_corpus

N = 200


def many_documents(n: int = N) -> SimpleNamespace:
    """An analysis-like run of ``n`` documents with known per-document numbers (what the report reads).

    Most documents have 4 sentences, so documents need 4 to be ranked; ``short-high`` and ``short-low`` have one
    sentence and the most extreme mean compound, and must not be named. ``mean_compound`` rises with the
    document's number; ``share_negative`` is 0 for all but the first ten documents (a tie at the low end).
    """
    ids = [f"d{i:03d}" for i in range(n - 2)] + ["short-high", "short-low"]
    compound = np.r_[np.linspace(-0.9, 0.9, n - 2), 0.99, -0.99]
    negative = np.r_[np.linspace(1.0, 0.1, 10), np.zeros(n - 10)]
    documents = pd.DataFrame({
        "doc_id": ids, "title": ids, "outlet": "", "kind": "", "published": "", "source": "",
        "n_sentences": [4] * (n - 2) + [1, 1], "n_words": 80,
        "mean_compound": compound, "share_negative": negative,
        "loaded_authorial_per_1000": np.arange(n) % 7 * 2.5, "loaded_reported_per_1000": 0.0,
        "share_named": 0.25, "share_anonymous": 0.0, "quote_sentence_share": 0.5, "hedges_per_100": 0.0,
        "share_agent_stated": 0.5,
    })
    corpus = SimpleNamespace(documents=pd.DataFrame({
        "doc_id": ids, "title": ids, "text": [f"Text of {i} <b>begins</b> here. " * 20 for i in ids]}))
    return SimpleNamespace(documents=documents, corpus=corpus, order=ids, sections=("body",), group_by=None,
                           lexicon=SimpleNamespace(entries=pd.DataFrame({"term": []})), terms=pd.DataFrame(),
                           labels=pd.DataFrame())


@pytest.fixture(scope="module")
def spread_run(tmp_path_factory):
    analysis = many_documents()
    out = tmp_path_factory.mktemp("spread")
    view = choose_view(analysis.documents)
    write_report(out, analysis, view=view)
    return SimpleNamespace(analysis=analysis, view=view, html=(out / "report.html").read_text(encoding="utf-8"),
                           md=(out / "report.md").read_text(encoding="utf-8"))


def section(html: str, anchor: str) -> str:
    """The page from ``<section id="anchor">`` to the next top-level section."""
    start = html.index(f'<section id="{anchor}">')
    return html[start:html.index("\n<section id=", start)]


def test_spread_view_is_chosen_for_many_documents_without_groups(spread_run, tmp_path):
    assert spread_run.view.kind == "spread" and spread_run.view.chosen_by == "size"
    # Old calls (no view) choose the same view.
    assert report_context(tmp_path, spread_run.analysis)["view"]["kind"] == "spread"


def test_spread_summary_has_one_row_per_measure(spread_run):
    summary = section(spread_run.html, "summary")
    assert "Across documents" in summary and '<table class="summary">' not in spread_run.html
    rows = re.findall(r"<tr>\s*<th scope=\"row\">(.*?)</th>(.*?)</tr>", summary, re.DOTALL)
    assert [label for label, _ in rows] == [m.label.replace("'", "&#39;") for m in SPREAD_MEASURES]
    cells = dict((label, re.findall(r"<td[^>]*>(.*?)</td>", body)) for label, body in rows)
    assert all(len(values) == 4 for values in cells.values())
    compound = spread_run.analysis.documents["mean_compound"]
    q1, q3 = np.quantile(compound, [0.25, 0.75])
    assert cells[SPREAD_MEASURES[0].label] == [
        number(compound.median(), 3), f"{number(q1, 3)} to {number(q3, 3)}", f"{number(-0.99, 3)} to 0.990",
        "200"]
    assert cells[SPREAD_MEASURES[1].label][0] == "0%"  # share_negative: median document has none


def test_spread_names_the_extreme_documents_long_enough_to_rank(spread_run):
    extremes = section(spread_run.html, "extremes")
    shown = plain_text(extremes)
    assert "fewer than 4 summarised sentences are not ranked" in shown
    assert "(198 of 200 documents are long enough)" in shown
    assert "documents.csv" in shown
    first = extremes[:extremes.index('<section class="extreme">', extremes.index('<section class="extreme">') + 1)]
    highest, lowest = first.split("<h4>Lowest</h4>")
    named = lambda fragment: re.findall(r'<span class="doc-id">([^<]+)</span>', fragment)  # noqa: E731
    assert named(highest) == ["d197", "d196", "d195", "d194", "d193"]
    assert named(lowest) == ["d000", "d001", "d002", "d003", "d004"]
    assert "short-high" not in spread_run.html and "short-low" not in spread_run.html
    assert f'<span class="value">{number(0.9, 3)}</span> <span class="n">4 sentences</span>' in highest
    # Each named document says what it is: the start of its text, escaped, cut at a word.
    assert "Text of d197 &lt;b&gt;begins&lt;/b&gt; here." in highest and "…" in highest


def test_spread_says_when_the_documents_named_are_a_few_of_many_tied(spread_run):
    negative = section(spread_run.html, "extremes").split('<section class="extreme">')[2]
    lowest = plain_text(negative.split("<h4>Lowest</h4>")[1])
    assert lowest.startswith("188 documents share 0%; the first by doc_id:")  # the two short ones not ranked
    highest = plain_text(negative.split("<h4>Lowest</h4>")[0])
    assert "share" not in highest  # ten distinct values at the top: no tie


def test_spread_lists_a_few_documents_not_all(spread_run):
    page = Page(spread_run.html)
    header = spread_run.html[:spread_run.html.index('<nav class="contents"')]
    assert header.count('<span class="doc-id">') == DOCUMENT_LIST_ROWS
    assert f"… and {N - DOCUMENT_LIST_ROWS} more" in plain_text(header)
    assert "d150" not in spread_run.html  # neither listed nor extreme
    assert "<title>How the texts frame the story: 200 documents</title>" in spread_run.html
    # Every element id is unique, and every in-page link has a target.
    ids = [attrs["id"] for _, attrs in page.tags if "id" in attrs]
    assert len(ids) == len(set(ids))
    targets = {attrs["href"][1:] for tag, attrs in page.tags if tag == "a" and attrs.get("href", "").startswith("#")}
    assert targets <= set(ids)


def test_spread_notice_gives_the_reason(spread_run):
    notice = re.search(r'<aside class="notice"[^>]*>(.*?)</aside>', spread_run.html, re.DOTALL).group(1)
    assert plain_text(notice) == "About this view. " + spread_run.view.reason
    assert "<code>--group-by</code>" in notice and "<code>documents.csv</code>" in notice


def test_alignment_shortlist_is_said_in_both_reports(tmp_path):
    note = ("26,000 sentences: sentence pairs were compared only where their less common words alone reach half "
            "the alignment threshold; 615 words are each in more than 2,982 sentences or runs (e.g. said, Iran). "
            "Every pair is compared with --exact-alignment")
    analysis = many_documents(20)
    analysis.alignment_note = note
    write_report(tmp_path, analysis, view=choose_view(analysis.documents))
    html = (tmp_path / "report.html").read_text(encoding="utf-8")
    aside = re.search(r'<aside class="notice" aria-label="About the alignment">(.*?)</aside>', html, re.DOTALL)
    assert plain_text(aside.group(1)) == "About the alignment. " + note
    assert "<code>--exact-alignment</code>" in aside.group(1)
    assert f"> **About the alignment.** {note}" in (tmp_path / "report.md").read_text(encoding="utf-8")


def test_no_alignment_notice_when_every_pair_was_compared(spread_run):
    assert "About the alignment" not in spread_run.html and "About the alignment" not in spread_run.md


def test_spread_markdown(spread_run):
    md = spread_run.md
    assert "> **About this view.** 200 documents are too many" in md
    assert "## Across documents" in md and "## Most and least" in md and "| Measure | d000 |" not in md
    across = md[md.index("## Across documents"):md.index("## Most and least")]
    table = [line for line in across.splitlines() if line.startswith("| ")][1:]
    assert len(table) == len(SPREAD_MEASURES)
    assert table[0].startswith(f"| Mean sentence compound (VADER, −1 to +1) | "
                               f"{number(spread_run.analysis.documents['mean_compound'].median(), 3)} |")
    [compound] = [line for line in md.splitlines() if line.startswith("| Mean sentence compound") and "d197" in line]
    assert "d197 (0.900), d196" in compound and "d000 (−0.900)" in compound
    assert "188 documents share 0%" in md
    assert len(re.findall(r"^- \*\*", md, re.MULTILINE)) == DOCUMENT_LIST_ROWS
    assert f"… and {N - DOCUMENT_LIST_ROWS} more" in md


def test_spread_report_is_written_in_linear_time(tmp_path):
    # 20,000 documents: building the page must stay far from anything per pair of documents.
    import time

    analysis = many_documents(20_000)
    start = time.perf_counter()
    context = report_context(tmp_path, analysis, choose_view(analysis.documents))
    assert time.perf_counter() - start < 5
    assert len(context["documents"]) == DOCUMENT_LIST_ROWS and context["summary"] == []


# ---------------------------------------------------------------------------------------------------------
# Groups and documents


@pytest.fixture(scope="module")
def two_outlets(tmp_path_factory):
    from framing.pipeline import analyze

    root = tmp_path_factory.mktemp("outlets")
    return analyze([write_hostile_corpus(root / "docs")])


def grouped_report(analysis, view: View, out) -> str:
    from framing.groups import group_view

    write_report(out, group_view(replace(analysis, group_by="outlet")), view=view)
    return (out / "report.html").read_text(encoding="utf-8")


def test_groups_chosen_by_size_show_the_notice(two_outlets, tmp_path):
    reason = "2,000 documents are too many to show side by side, so figures and report compare them by outlet."
    html = grouped_report(two_outlets, View("groups", "outlet", 2000, "size", reason), tmp_path)
    notice = re.search(r'<aside class="notice"[^>]*>(.*?)</aside>', html, re.DOTALL).group(1)
    assert plain_text(notice) == "About this view. " + reason
    table = html[html.index('<table class="summary">'):html.index("</table>")]
    assert "Groups side by side" in html and table.count('<th scope="col"') == 3
    assert ">Kind<" not in table and "1 document</span>" in table  # group size under each group's name
    assert "&lt;i&gt;Outlet&lt;/i&gt;" in table and "<i>" not in html  # group names are escaped
    assert "no single text to show" in html and "Full texts, marked" not in html
    md = (tmp_path / "report.md").read_text(encoding="utf-8")
    assert "> **About this view.** 2,000 documents" in md and "## Groups side by side" in md


def test_groups_chosen_by_the_user_have_no_notice(two_outlets, tmp_path):
    html = grouped_report(two_outlets, View("groups", "outlet", 2, "user", "2 documents compared by outlet."),
                          tmp_path)
    assert 'class="notice"' not in html and "About this view" not in html
    assert "Groups side by side" in html and "compared by outlet" in html


def test_documents_view_has_no_notice(tmp_path):
    out = build_report([write_hostile_corpus(tmp_path / "docs")], tmp_path / "out")
    html = (out / "report.html").read_text(encoding="utf-8")
    assert "About this view" not in html and ".notice" not in html
    assert "Documents side by side" in html and "Full texts, marked" in html
    assert "About this view" not in (out / "report.md").read_text(encoding="utf-8")


def test_figure_caption_follows_the_view():
    info = SimpleNamespace(caption="One row per document.", captions={"spread": "One point per document."})
    spread, groups = View("spread", None, 900, "size", "…"), View("groups", "outlet", 900, "size", "…")
    assert figure_caption(info, spread) == "One point per document."
    assert figure_caption(info, None) == "One row per document."
    # A grouped run says "group" where the caption, written for documents, says "document" (issue 20).
    assert figure_caption(info, groups) == "One row per group."
    assert figure_caption(SimpleNamespace(caption="Plain."), spread) == "Plain."


def test_spread_report_in_chromium_fits_a_phone(spread_run, tmp_path):
    from .test_browser import failures, tool

    if tool.browser_missing():
        pytest.skip(tool.browser_missing())
    (tmp_path / "report.html").write_text(spread_run.html, encoding="utf-8")
    for width in (400, 1280):
        result = tool.check_page(tmp_path / "report.html", width=width)
        assert result.ok, failures(result)
        assert result.page["width"] <= width, f"the page scrolls sideways at {width} px"
        assert "Most and least" in result.page["text"]


def test_a_grouped_report_says_groups_and_does_not_suggest_group_by(two_outlets, tmp_path):
    html = grouped_report(two_outlets, View("groups", "outlet", 2, "user", "2 documents compared by outlet."),
                          tmp_path)
    figures = section(html, "figures")
    assert "Figure 8. How harm is told" in figures
    assert "Each group's reports of killing" in plain_text(figures)
    assert "Figure 1. Sentence sentiment per group" in plain_text(figures)
    assert "--group-by" not in html


def test_grouped_figures_count_groups(two_outlets):
    from framing.figures import build_figures
    from framing.groups import group_view

    grouped = group_view(replace(two_outlets, group_by="outlet"))
    with pytest.warns(Warning):  # figure 7 follows single documents: left out for groups
        figures = build_figures(grouped, view=View("groups", "outlet", 2, "user", ""))
    n_groups = len(grouped.order)
    for stem in ("01_sentiment_distribution", "04_attribution_profile"):
        title = " ".join(figures[stem].get_suptitle().split())
        assert f"in {n_groups} groups" in title and "documents" not in title, title


@pytest.mark.parametrize(("table_format", "named"), [
    ("parquet", "documents.parquet"),
    ("xlsx", "framing.xlsx (sheet documents)"),
])
def test_spread_report_names_the_table_files_of_the_format_written(spread_run, tmp_path, table_format, named):
    write_report(tmp_path, spread_run.analysis, view=spread_run.view, table_format=table_format)
    html = (tmp_path / "report.html").read_text(encoding="utf-8")
    md = (tmp_path / "report.md").read_text(encoding="utf-8")
    for page in (plain_text(section(html, "extremes")), plain_text(html[:html.index('<nav class="contents"')]), md):
        assert named in page and "documents.csv" not in page
    notice = re.search(r'<aside class="notice"[^>]*>(.*?)</aside>', html, re.DOTALL).group(1)
    assert named in plain_text(notice)
