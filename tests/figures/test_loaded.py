import matplotlib.pyplot as plt
import pandas as pd
import pytest

from framing.errors import FramingError
from framing.figures import loaded_rates, loaded_terms_figure, term_label, top_terms, top_terms_figure
from framing.figures.style import lighten

from .helpers import bars, ytick_labels


def test_rates_bar_widths_equal_the_table(loaded_summary, docs):
    fig, ax = plt.subplots()
    assert loaded_rates(loaded_summary, order=docs, ax=ax) is ax
    drawn = bars(ax)
    for row in loaded_summary.itertuples():
        assert drawn[f"{row.doc_id}|{row.category}|{row.voice}"].get_width() == pytest.approx(row.per_1000_words)


def test_reported_is_stacked_on_authorial_hatched_and_light(loaded_summary, docs):
    fig, ax = plt.subplots()
    loaded_rates(loaded_summary, order=docs, ax=ax)
    drawn = bars(ax)
    authorial = drawn["dailymail-2020|pejorative_label|authorial"]
    reported = drawn["dailymail-2020|pejorative_label|reported"]
    assert reported.get_x() == pytest.approx(authorial.get_width())
    assert reported.get_hatch() and not authorial.get_hatch()
    assert reported.get_facecolor() != authorial.get_facecolor()


def test_rates_show_every_category_with_readable_labels(loaded_summary):
    fig, ax = plt.subplots()
    loaded_rates(loaded_summary, ax=ax)
    assert ytick_labels(ax) == ["pejorative label", "honorific label", "violent / dramatic", "hyperbole",
                                "euphemism", "delegitimising", "legitimising"]
    assert ax.get_xlabel() == "loaded terms per 1,000 words"


def test_all_zero_rates_are_drawn_with_a_note(loaded_summary, sentences):
    zero = loaded_summary.assign(n_hits=0, per_1000_words=0.0)
    fig = loaded_terms_figure(zero, sentences=sentences)
    assert any("no loaded terms found" in t.get_text() for t in fig.axes[0].texts)


def test_empty_summary_raises(loaded_summary, sentences):
    with pytest.raises(FramingError, match="figure 2"):
        loaded_terms_figure(loaded_summary.iloc[0:0], sentences=sentences)


def test_loaded_terms_figure_title_counts_words_and_sentences(loaded_summary, sentences):
    title = loaded_terms_figure(loaded_summary, sentences=sentences).get_suptitle()
    assert "6,824 words" in title and f"n = {len(sentences)} sentences in 3 documents" in title


@pytest.mark.parametrize("lemma, neutral, expected", [
    ("regime", "government", "regime → government"),
    ("martyr", "(omit)", "martyr → (omit)"),
    ("blood * on <poss> hands", "responsible for", "blood … on one's hands → responsible for"),
    ("hero", None, "hero"),
    ("hero", float("nan"), "hero"),
])
def test_term_label(lemma, neutral, expected):
    assert term_label(lemma, neutral) == expected


def test_term_label_wraps_without_splitting_words():
    assert term_label("terrorist", "militant / attacker (or name the group)", width=30) == \
        "terrorist → militant /\nattacker (or name the group)"


def test_top_terms_panel_names_the_neutral_alternative(term_counts):
    fig, ax = plt.subplots()
    assert top_terms(term_counts, doc_id="dailymail-2020", ax=ax) is ax
    labels = ytick_labels(ax)
    assert labels[0] == "terrorist → (name the group)"  # most hits first
    assert "regime → government" in labels
    drawn = bars(ax)
    assert drawn["dailymail-2020|terrorist|authorial"].get_width() == 5
    assert drawn["dailymail-2020|terrorist|reported"].get_width() == 3
    assert drawn["dailymail-2020|terrorist|reported"].get_x() == 5


def test_top_limits_the_terms(term_counts):
    fig, ax = plt.subplots()
    top_terms(term_counts, doc_id="dailymail-2020", top=2, ax=ax)
    assert len(ytick_labels(ax)) == 2


def test_top_terms_figure_one_panel_per_document_shared_scale(term_counts, sentences, docs):
    fig = top_terms_figure(term_counts, sentences=sentences, order=docs)
    assert len(fig.axes) == 3
    assert [ax.get_title(loc="left").split("\n")[0] for ax in fig.axes] == docs
    assert len({ax.get_xlim() for ax in fig.axes}) == 1
    assert "regime → government" in ytick_labels(fig.axes[0])


def test_document_without_terms_gets_a_note(term_counts, sentences):
    fig = top_terms_figure(term_counts, sentences=sentences, order=["dailymail-2020", "other"])
    assert any("no loaded terms" in t.get_text() for t in fig.axes[1].texts)


def test_no_terms_anywhere_raises(term_counts, sentences):
    with pytest.raises(FramingError, match="no loaded terms found in any document; figure 3"):
        top_terms_figure(term_counts.iloc[0:0], sentences=sentences)
    with pytest.raises(FramingError, match="figure 3"):
        top_terms_figure(term_counts.assign(authorial=0, reported=0), sentences=sentences)


def test_reported_colour_is_the_documents_hue_lightened(term_counts, docs):
    from matplotlib.colors import to_hex

    from framing.figures import palette

    fig, ax = plt.subplots()
    top_terms(term_counts, doc_id="wikipedia-2025", order=docs, ax=ax)
    reported = bars(ax)["wikipedia-2025|martyr|reported"]
    assert to_hex(reported.get_facecolor()) == lighten(palette(docs)["wikipedia-2025"], 0.65)


def test_terms_vader_cannot_see_are_tagged_in_figure_3(term_counts, sentences):
    from framing.figures.loaded import VADER_BLIND_TAG

    counts = term_counts.assign(vader_blind=term_counts["lemma"].eq("slaughter"))
    fig = top_terms_figure(counts, sentences=sentences)
    labels = [tick.get_text() for ax in fig.axes for tick in ax.get_yticklabels()]
    tagged = [label for label in labels if VADER_BLIND_TAG.strip() in label]
    assert tagged and all(label.startswith("slaughter") for label in tagged)
    assert "VADER's lexicon gives the term no valence" in fig._suptitle.get_text().replace("\n", " ")


def test_a_one_sentence_document_panel_says_sentence(term_counts, sentences):
    lone = pd.concat([sentences[sentences["doc_id"] != "dailymail-2020"],
                      sentences[sentences["doc_id"] == "dailymail-2020"].head(1)])
    fig = top_terms_figure(term_counts, sentences=lone, order=["dailymail-2020", "wikipedia-2025"])
    titles = [ax.get_title(loc="left") for ax in fig.axes]
    assert titles[0] == "dailymail-2020\n(n = 1 sentence)" and titles[1].endswith("sentences)")
