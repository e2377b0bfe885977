"""What every composer promises: print width, readable fonts, an honest title, no global state."""

import matplotlib
import pytest
from matplotlib.figure import Figure

import framing.figures as F
from framing.figures.sections import headline_body_figure

from . import labelled
from . import synthetic as s
from .helpers import texts

DOCS = s.DOCS


def make(name):
    scores, sentences = s.scores(), s.sentences()
    return {
        "01_sentiment_distribution": lambda: F.sentiment_distribution_figure(scores, s.sentiment_summary(scores),
                                                                             order=DOCS),
        "02_loaded_terms_by_voice": lambda: F.loaded_terms_figure(s.loaded_summary(), sentences=sentences,
                                                                  order=DOCS),
        "03_top_loaded_terms": lambda: F.top_terms_figure(s.term_counts(), sentences=sentences, order=DOCS),
        "04_attribution_profile": lambda: F.attribution_figure(s.attribution_summary(), order=DOCS),
        "05_word_shift": lambda: F.word_shift_figure(s.word_shift(), doc_a=DOCS[2], doc_b=DOCS[0],
                                                     sentences=sentences, order=DOCS),
        "06_events": lambda: F.event_figure(s.event_comparison(), order=DOCS),
        "07_sentiment_arc": lambda: F.sentiment_arc_figure(scores, sentences, order=DOCS),
        "08_harm_agency": lambda: F.agency_figure(s.harm_summary(), order=DOCS),
        "09_who_is_called_what": lambda: F.labels_figure(labelled.seed_labels(), sentences=sentences, order=DOCS),
        "10_neutral_rewrite": lambda: F.rewrite_figure(s.rewrite_summary(), order=DOCS),
        "11_headline_vs_body": lambda: headline_body_figure(s.by_section(), order=DOCS),
    }[name]()


# What each title must name: the measure's unit.
UNITS = {
    "01_sentiment_distribution": "VADER compound",
    "02_loaded_terms_by_voice": "per 1,000 words",
    "03_top_loaded_terms": "hits",
    "04_attribution_profile": "per 100 sentences",
    "05_word_shift": "per sentence",
    "06_events": "VADER compound",
    "07_sentiment_arc": "VADER compound",
    "08_harm_agency": "% of each document's harm expressions",
    "09_who_is_called_what": "labels tied to an actor",
    "10_neutral_rewrite": "VADER compound",
    "11_headline_vs_body": "VADER compound",
}


@pytest.fixture(params=list(F.FIGURES))
def stem(request):
    return request.param


def test_composer_returns_a_print_width_figure(stem):
    fig = make(stem)
    assert isinstance(fig, Figure)
    assert fig.get_size_inches()[0] == pytest.approx(F.FIG_WIDTH)
    assert fig.get_size_inches()[1] < 9  # fits a printed page with its caption


def test_every_text_is_at_least_8_points(stem):
    fig = make(stem)
    small = [(t.get_text(), t.get_fontsize()) for t in texts(fig) if t.get_fontsize() < 8]
    assert small == []


def test_title_says_measure_unit_and_n_sentences(stem):
    title = " ".join(make(stem).get_suptitle().split())  # lines are wrapped to the printed width
    assert UNITS[stem] in title
    assert "n = " in title and "sentences" in title


def test_no_global_rcparams_change(stem):
    before = dict(matplotlib.rcParams)
    make(stem)
    after = dict(matplotlib.rcParams)
    assert {k: (before[k], after[k]) for k in before if before[k] != after[k]} == {}


def test_registry_has_a_title_and_two_sentence_caption_per_stem():
    assert list(F.FIGURES) == ["01_sentiment_distribution", "02_loaded_terms_by_voice", "03_top_loaded_terms",
                               "04_attribution_profile", "05_word_shift", "06_events", "07_sentiment_arc",
                               "08_harm_agency", "09_who_is_called_what", "10_neutral_rewrite",
                               "11_headline_vs_body"]
    for info in F.FIGURES.values():
        assert info.title and len(info.title) < 50
        assert info.caption.count(". ") + info.caption.count(": ") >= 1 and info.caption.endswith(".")


def test_same_document_same_colour_across_figures():
    """The document's colour in figure 1's dots, figure 3's bars and figure 6's strip is palette()'s."""
    from matplotlib.colors import to_hex

    expected = F.palette(DOCS)
    fig1 = make("01_sentiment_distribution")
    dots = {c.get_gid().split(":")[1]: to_hex(c.get_facecolor()[0]) for c in fig1.axes[0].collections
            if (c.get_gid() or "").startswith("sentences:")}
    fig3 = make("03_top_loaded_terms")
    bars = {}
    for ax in fig3.axes:
        for p in ax.patches:
            if p.get_gid() and p.get_gid().endswith("|authorial"):
                bars[p.get_gid().split("|")[0]] = to_hex(p.get_facecolor())
    fig6 = make("06_events")
    strips = {p.get_gid().split(":")[1]: to_hex(p.get_facecolor()) for p in fig6.axes[0].patches
              if (p.get_gid() or "").startswith("strip:")}
    fig7 = make("07_sentiment_arc")
    arc = {c.get_gid().split(":")[1]: to_hex(c.get_facecolor()[0]) for ax in fig7.axes for c in ax.collections
           if (c.get_gid() or "").startswith("body:")}
    fig9 = make("09_who_is_called_what")
    labels = {p.get_gid().split("|")[0]: to_hex(p.get_facecolor()) for ax in fig9.axes for p in ax.patches
              if (p.get_gid() or "").endswith("|authorial")}
    for doc_id, colour in expected.items():
        assert dots[doc_id] == bars[doc_id] == strips[doc_id] == arc[doc_id] == labels[doc_id] == colour.lower()


def test_wording_for_documents_is_said_of_groups():
    from framing.figures._common import for_groups

    assert for_groups("Each document's mean, one dot per document; Documents named") == \
        "Each group's mean, one dot per group; Groups named"
    assert for_groups("documentary evidence") == "documentary evidence"  # whole words only


@pytest.mark.parametrize(("counts", "name"), [
    ([5, 40, 4_999], "95% bootstrap interval"),
    ([5_000, 52_000], "95% Student's t interval"),
    ([2, 5_000], "95% Student's t interval"),  # a row below 5 sentences draws no interval at all
    ([40, 5_000], "95% interval (bootstrap; Student's t from 5,000 sentences)"),
])
def test_interval_name_follows_the_summarys_rule(counts, name):
    from framing.figures._common import interval_name

    assert interval_name(counts) == name


def test_a_spread_of_groups_counts_groups_in_its_row_labels_but_keeps_quoted_words():
    import matplotlib.pyplot as plt
    import numpy as np

    from framing.figures._common import say_groups
    from framing.figures.spread import Row, spread_rows

    fig, ax = plt.subplots()
    values = np.linspace(-1, 1, 40)
    names = np.array([f"g{k}" for k in range(40)])
    spread_rows([Row("mean compound", values, names), Row("E0001 Leaked documents show", values, names)], ax=ax)
    say_groups(fig)  # as the figures are made: before they are drawn
    fig.canvas.draw()  # tick labels are made again from their formatter here
    assert [tick.get_text() for tick in ax.get_yticklabels()] == [
        "mean compound\nn = 40 groups", "E0001 Leaked documents show\nn = 40 groups"]
    plt.close(fig)


def test_n_sentences_text_counts_one_sentence_and_one_document_in_the_singular():
    from framing.figures._common import n_sentences_text

    assert n_sentences_text({"a": 1}) == "n = 1 sentence in 1 document"
    assert n_sentences_text({"a": 250, "b": 10}, entity="group") == "n = 260 sentences in 2 groups"
