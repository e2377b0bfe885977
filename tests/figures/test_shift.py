from io import BytesIO

import matplotlib.pyplot as plt
import pytest
from matplotlib.colors import to_hex

from framing.errors import FramingError
from framing.figures import palette, word_shift, word_shift_figure

from .helpers import bars, ytick_labels

A, B = "dailymail-2020", "wikipedia-2025"


def test_bars_are_the_top_differences_largest_first(shift, docs):
    fig, ax = plt.subplots()
    assert word_shift(shift, doc_a=A, doc_b=B, top=5, order=docs, ax=ax) is ax
    expected = shift.reindex(shift["difference"].abs().sort_values(ascending=False).index).head(5)
    assert ytick_labels(ax) == list(expected["term"])
    drawn = bars(ax)
    for term, difference in zip(expected["term"], expected["difference"]):
        assert drawn[term].get_width() == pytest.approx(difference)


def test_bars_take_the_colour_of_the_document_they_pull_lower(shift, docs):
    fig, ax = plt.subplots()
    word_shift(shift, doc_a=A, doc_b=B, order=docs, ax=ax)
    colours = palette(docs)
    for term, bar in bars(ax).items():
        difference = shift.set_index("term").loc[term, "difference"]
        assert to_hex(bar.get_facecolor()) == (colours[A] if difference < 0 else colours[B]).lower()


def test_figure_title_names_both_documents_and_n(shift, sentences, docs):
    fig = word_shift_figure(shift, doc_a=A, doc_b=B, sentences=sentences, order=docs, top=15)
    title = fig.get_suptitle()
    assert len(fig.axes) == 1
    assert "n = 16 sentences (dailymail-2020) vs 12 (wikipedia-2025)" in title
    assert len(ytick_labels(fig.axes[0])) == 15


def test_empty_or_flat_shift_raises(shift, sentences):
    with pytest.raises(FramingError, match="figure 5"):
        word_shift_figure(shift.iloc[0:0], doc_a=A, doc_b=B, sentences=sentences)
    with pytest.raises(FramingError, match="figure 5"):
        word_shift_figure(shift.assign(difference=0.0), doc_a=A, doc_b=B, sentences=sentences)


def test_documents_must_differ_and_be_in_order(shift):
    with pytest.raises(FramingError, match="two different"):
        word_shift(shift, doc_a=A, doc_b=A)
    with pytest.raises(FramingError, match="not in order"):
        word_shift(shift, doc_a=A, doc_b=B, order=[A, "wikipedia-2017"])


def test_a_shift_of_one_word_lays_out_without_a_warning(shift, sentences, docs):
    # 1.5 + 0.2 inches per bar left one word too little height for the title, its second line and the legend:
    # matplotlib warned that constrained layout collapsed the axes (a two-document corpus showed that warning).
    import warnings

    one = shift.reindex(shift["difference"].abs().sort_values(ascending=False).index).head(1)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        fig = word_shift_figure(one, doc_a=A, doc_b=B, sentences=sentences, order=docs)
        fig.savefig(BytesIO(), format="png", dpi=100)
    assert fig.get_size_inches()[1] >= 3.0 and len(ytick_labels(fig.axes[0])) == 1
    many = word_shift_figure(shift, doc_a=A, doc_b=B, sentences=sentences, order=docs, top=15)
    assert many.get_size_inches()[1] == pytest.approx(1.5 + 0.2 * 15)  # taller figures as before


def test_a_title_counts_one_sentence_and_one_word_in_the_singular(shift, sentences, docs):
    one = shift.reindex(shift["difference"].abs().sort_values(ascending=False).index).head(1)
    lone_sentence = sentences[sentences["doc_id"] == A].head(1)
    title = word_shift_figure(one, doc_a=A, doc_b=B, sentences=lone_sentence, order=docs).get_suptitle()
    assert "n = 1 sentence (dailymail-2020) vs 0 (wikipedia-2025); top 1 word by size" in title
    plural_title = word_shift_figure(shift, doc_a=A, doc_b=B, sentences=sentences, order=docs, top=2).get_suptitle()
    assert "top 2 words by size" in plural_title
