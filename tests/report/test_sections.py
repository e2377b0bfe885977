"""The report's headline-vs-body lines (HTML and Markdown) and the run-level sentence for many documents."""

from types import SimpleNamespace

import numpy as np
import pandas as pd

from framing.report.sections import headline_body_context, run_sentence
from framing.section_summary import headline_contrast
from framing.views import View

COLUMNS = ["doc_id", "section", "n_sentences", "mean_compound", "ci_low", "ci_high", "loaded_authorial_per_1000",
           "loaded_reported_per_1000"]


def analysis(rows, order) -> SimpleNamespace:
    return SimpleNamespace(by_section=pd.DataFrame(rows, columns=COLUMNS), order=order)


DOCUMENTS = View("documents", None, 3, "size", "")
TABLE = [
    ("tabloid", "headline", 1, -0.61, np.nan, np.nan, 97.56, 0.0),
    ("tabloid", "body", 27, -0.19, -0.25, -0.13, 8.667, 3.79),
    ("encyclopedia", "body", 40, 0.02, -0.03, 0.07, 1.0, 2.0),
    ("broadsheet", "headline", 6, 0.3, 0.1, 0.5, 0.0, 0.0),
    ("broadsheet", "body", 10, 0.3, 0.2, 0.4, 2.0, 0.0),
]


def test_one_line_per_document_with_a_headline():
    context = headline_body_context(analysis(TABLE, ["tabloid", "encyclopedia", "broadsheet"]), DOCUMENTS,
                                    {"tabloid": "#0072B2"})
    assert [line["doc_id"] for line in context["lines"]] == ["tabloid", "broadsheet"]
    tabloid = context["lines"][0]
    assert tabloid["colour"] == "#0072B2"
    assert tabloid["tone"] == ("the headline is more negative than the body by 0.42 (compound −0.61 vs −0.19; "
                               "1 headline sentence, 27 body sentences; too few headline sentences for an interval; "
                               "body 95% interval −0.25 to −0.13)")
    assert tabloid["loaded"] == ("loaded terms per 1,000 words: 97.6 in the headline vs 8.7 in the body in the "
                                 "writer's own words, 0.0 vs 3.8 reported")
    assert context["without"] == "encyclopedia has no headline (or no body), so no line."
    assert context["run"] == "" and context["none"] == ""


def test_both_intervals_when_both_sections_are_long_enough_and_equal_tone_said_so():
    line = headline_body_context(analysis(TABLE, ["broadsheet"]), DOCUMENTS, {})["lines"][0]
    assert line["tone"] == ("the headline is as negative as the body (compound 0.30 vs 0.30; 6 headline sentences, "
                            "10 body sentences; headline 95% interval 0.10 to 0.50; body 95% interval 0.20 to 0.40)")


def test_groups_are_worded_in_the_plural():
    view = View("groups", "outlet", 2, "user", "")
    line = headline_body_context(analysis(TABLE[:2], ["tabloid"]), view, {})["lines"][0]
    assert line["tone"].startswith("the headlines are more negative than the body by 0.42")


def test_no_headline_anywhere_says_so():
    context = headline_body_context(analysis(TABLE[2:3], ["encyclopedia"]), DOCUMENTS, {})
    assert context["lines"] == [] and context["none"].startswith("No document has both a headline and a body")


def test_many_documents_get_one_sentence():
    rows = []
    for i, difference in enumerate([-0.9, 0.5, -0.1, 0.0, -0.3, 0.2, 0.7]):
        rows += [(f"d{i}", "headline", 1, difference, np.nan, np.nan, 0.0, 0.0),
                 (f"d{i}", "body", 20, 0.0, -0.1, 0.1, 0.0, 0.0)]
    rows += [("d7", "body", 20, 0.0, -0.1, 0.1, 0.0, 0.0)]
    order = [f"d{i}" for i in range(8)]
    context = headline_body_context(analysis(rows, order), View("spread", None, 8, "size", ""), {})
    assert context["lines"] == []
    assert context["run"] == ("7 of 8 documents have a headline and a body; the median headline − body difference "
                              "in mean compound is 0.00 (below 0: the headline is more negative); the largest "
                              "differences: d0 (−0.90), d6 (+0.70), d1 (+0.50).")
    table = pd.DataFrame(rows, columns=COLUMNS)
    assert run_sentence(headline_contrast(table), 8) == context["run"]


def test_the_report_of_a_run_has_the_line_and_sections_csv(headline_documents, tmp_path):
    from framing.pipeline import analyze
    from framing.report import write_analysis

    out = tmp_path / "out"
    write_analysis(out, analyze(headline_documents, jobs=1), options={})
    sections = pd.read_csv(out / "sections.csv")
    assert sections[["doc_id", "section"]].values.tolist() == [["tabloid", "headline"], ["tabloid", "body"],
                                                              ["wire", "body"]]
    md = (out / "report.md").read_text(encoding="utf-8")
    assert "- **tabloid**: the headline is more negative than the body by" in md
    assert "wire has no headline (or no body), so no line." in md
    html = (out / "report.html").read_text(encoding="utf-8")
    assert '<section id="headline-body">' in html and "too few headline sentences for an interval" in html
    assert (out / "figures" / "11_headline_vs_body.png").exists()
