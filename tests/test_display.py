"""How an Analysis shows itself: a few lines for repr(), a compact table in a notebook."""

import re

import pytest

import framing
from framing.views import MANY_DOCUMENTS

from .memory_texts import TEXTS


@pytest.fixture(scope="module")
def analysis():
    return framing.analyze(TEXTS)


def test_repr_is_a_few_lines(analysis):
    text = repr(analysis)
    assert len(text) < 600 and len(text.splitlines()) == 3
    assert text.startswith("<framing.Analysis: 2 documents, 6 sentences (6 in body), ")
    assert "measures" in text and ".write(out" in text


def body_rows(page: str) -> list[list[str]]:
    """The cells of each row of the page's table body, as text."""
    body = page.split("<tbody>")[1].split("</tbody>")[0]
    return [re.findall(r"<td>(.*?)</td>", row) for row in body.split("</tr>") if "<td>" in row]


def test_notebook_display_shows_each_documents_headline_numbers(analysis):
    page = analysis._repr_html_()
    rows = body_rows(page)
    assert [row[0] for row in rows] == ["wire", "tabloid"]
    assert [row[1] for row in rows] == ["3", "3"]
    assert [row[2] for row in rows] == [f"{value:.2f}" for value in analysis.documents["mean_compound"]]
    assert "<th>loaded, own voice /1,000 words</th>" in page
    assert "more documents" not in page


def test_notebook_display_stops_after_twelve_documents():
    texts = [f"Police arrested {n} protesters on Monday. The minister said the talks would resume."
             for n in range(2, 2 + MANY_DOCUMENTS + 3)]
    page = framing.analyze(texts, contributions="none")._repr_html_()
    assert len(body_rows(page)) == MANY_DOCUMENTS
    assert "… and 3 more documents" in page


def test_text_in_the_display_is_escaped():
    page = framing.analyze({"<b>x</b>": "The regime said the talks would resume. Officials gave no date."}
                           )._repr_html_()
    assert "<b>x</b>" not in page and "&lt;b&gt;x&lt;/b&gt;" in page


def test_figures_are_the_runs_matplotlib_figures(analysis):
    from matplotlib.figure import Figure

    figures = analysis.figures()
    assert list(figures)[:2] == ["01_sentiment_distribution", "02_loaded_terms_by_voice"]
    assert all(isinstance(figure, Figure) for figure in figures.values())
    labels = [label.get_text() for label in figures["02_loaded_terms_by_voice"].axes[0].get_yticklabels()]
    assert "violent / dramatic" in labels
