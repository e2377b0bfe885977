"""Figures that print: every document told apart in greyscale (issue 20), by its grey and by its marker."""

from itertools import combinations

import matplotlib.pyplot as plt
import pytest
from matplotlib.lines import Line2D

from framing.figures import attribution_figure, loaded_terms_figure, palette, word_shift_figure
from framing.figures.style import DOCUMENT_MARKERS, grey_level, markers

from .helpers import bars

GREY_STEP = 30  # luma levels (of 255) two documents' greys differ by at least, for print


def marker_of(fig, prefix):
    """The marker shape drawn at the end of each bar whose gid starts with ``marker:<prefix>``."""
    return {line.get_gid(): line.get_marker() for ax in fig.axes for line in ax.lines
            if str(line.get_gid()).startswith("marker:")}


def test_the_first_three_documents_print_as_three_greys(docs):
    greys = [grey_level(colour) for colour in palette(docs).values()]
    assert all(abs(a - b) >= GREY_STEP for a, b in combinations(greys, 2)), greys


def test_every_document_of_a_dozen_has_its_own_marker():
    shapes = markers([f"d{i}" for i in range(12)])
    assert len(set(shapes.values())) == 12 == len(DOCUMENT_MARKERS)
    assert markers(["b", "a"]) == {"b": "o", "a": "s"}  # by position, as colours are


def test_figure_2_documents_differ_in_grey_and_marker_and_the_voice_key_matches_none(loaded_summary, sentences,
                                                                                     docs):
    fig = loaded_terms_figure(loaded_summary, sentences=sentences, order=docs)
    ax = fig.axes[0]
    drawn = bars(ax)
    greys = {doc: grey_level(drawn[f"{doc}|pejorative_label|authorial"].get_facecolor()) for doc in docs}
    assert all(abs(greys[a] - greys[b]) >= GREY_STEP for a, b in combinations(docs, 2)), greys
    shapes = marker_of(fig, "")
    for doc, shape in zip(docs, ("o", "s", "^")):
        ends = {gid: marker for gid, marker in shapes.items() if gid.startswith(f"marker:{doc}|")}
        assert ends and set(ends.values()) == {shape}
    # The "authorial" swatch of the legend is black: no document prints as its grey.
    legend = fig.legends[0]
    authorial = next(handle for handle, text in zip(legend.legend_handles, legend.get_texts())
                     if text.get_text().startswith("authorial"))
    assert all(abs(grey_level(authorial.get_facecolor()) - grey) >= 60 for grey in greys.values())
    # Each document's legend key shows its marker beside its colour.
    keys = {line.get_marker() for line in legend.findobj(Line2D) if line.get_marker() not in (None, "None", "")}
    assert {"o", "s", "^"} <= keys
    plt.close(fig)


def test_figure_4_rates_end_in_each_documents_marker(attribution_summary, docs):
    fig = attribution_figure(attribution_summary, order=docs)
    shapes = marker_of(fig, "")
    assert {shapes[f"marker:{doc}|hedges_per_100"] for doc in docs} == {"o", "s", "^"}
    plt.close(fig)


def test_figure_5_marks_which_document_a_bar_pulls_down(shift, sentences, docs):
    fig = word_shift_figure(shift, doc_a=docs[0], doc_b=docs[2], sentences=sentences, order=docs)
    ax = fig.axes[0]
    ends = [line for line in ax.lines if line.get_marker() in ("o", "^")]
    left = {line.get_marker() for line in ends if line.get_xdata()[0] < 0}
    right = {line.get_marker() for line in ends if line.get_xdata()[0] > 0}
    assert left <= {"o"} and right <= {"^"} and (left or right)
    plt.close(fig)


@pytest.mark.parametrize("column", ["share_named"])
def test_figure_4_source_key_is_not_a_documents_grey(attribution_summary, docs, column):
    fig = attribution_figure(attribution_summary, order=docs)
    legend = fig.legends[0]
    named = next(handle for handle, text in zip(legend.legend_handles, legend.get_texts())
                 if text.get_text() == "named source")
    document_greys = [grey_level(colour) for colour in palette(docs).values()]
    assert all(abs(grey_level(named.get_facecolor()) - grey) >= 60 for grey in document_greys)
    plt.close(fig)
