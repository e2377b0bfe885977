from types import SimpleNamespace

import pandas as pd
import pytest
from matplotlib.figure import Figure

from framing.errors import FramingError, FramingWarning
from framing.figures import FIGURES, build_figures, default_pair

from . import labelled
from . import synthetic as s


def fake_analysis(**overrides):
    """The attributes of framing.tables.Analysis that build_figures reads."""
    scores = s.scores()
    sentences = s.sentences().merge(scores, on=["doc_id", "sent_id"])
    sentences["in_summary"] = sentences["section"].eq("body")
    summary = sentences[sentences["in_summary"]]
    contributions = pd.DataFrame({
        "doc_id": ["dailymail-2020", "dailymail-2020", "wikipedia-2025", "wikipedia-2017"],
        "sent_id": [5, 6, 4, 2],
        "token": ["killed", "terrorist", "hero", "war"],
        "start": 0, "end": 1,
        "contribution": [-2.0, -1.5, 1.8, -1.0],
    })
    attributes = dict(
        order=list(s.DOCS), sentences=sentences, summary_sentences=summary,
        sentiment_summary=s.sentiment_summary(summary), loaded_summary=s.loaded_summary(),
        term_counts=s.term_counts(), attribution_summary=s.attribution_summary(),
        contributions=contributions, comparison=s.event_comparison(), documents=s.harm_summary().merge(s.rewrite_summary(), on="doc_id"),
        labels=labelled.seed_labels(),
        by_section=s.by_section(),
    )
    attributes.update(overrides)
    return SimpleNamespace(**attributes)


def test_builds_every_registered_figure_in_order():
    figures = build_figures(fake_analysis())
    assert list(figures) == list(FIGURES)
    assert all(isinstance(fig, Figure) for fig in figures.values())


def test_word_shift_uses_the_pair_given():
    figures = build_figures(fake_analysis(), pair=("wikipedia-2017", "dailymail-2020"))
    assert "wikipedia-2017 − dailymail-2020" in figures["05_word_shift"].axes[0].get_xlabel()


def test_unknown_pair_is_a_user_error():
    with pytest.raises(FramingError, match="--pair"):
        build_figures(fake_analysis(), pair=("wikipedia-2017", "nytimes"))


def test_figure_with_nothing_to_show_is_left_out_with_a_warning():
    analysis = fake_analysis(term_counts=s.term_counts().iloc[0:0])
    with pytest.warns(FramingWarning, match="03_top_loaded_terms left out: no loaded terms"):
        figures = build_figures(analysis)
    assert "03_top_loaded_terms" not in figures and len(figures) == len(FIGURES) - 1


def test_default_pair_is_the_most_different_means():
    summary = pd.DataFrame({"doc_id": ["a", "b", "c"], "mean_compound": [0.1, -0.3, 0.2]})
    assert default_pair(summary, ["a", "b", "c"]) == ("b", "c")
    assert default_pair(summary.iloc[:1], ["a"]) is None


def test_harm_figure_is_left_out_when_no_document_reports_harm():
    quiet = s.harm_summary().assign(n_harms=0)
    with pytest.warns(FramingWarning, match="08_harm_agency left out: no document reports a killing"):
        figures = build_figures(fake_analysis(documents=quiet))
    assert "08_harm_agency" not in figures


def test_long_names_get_short_unique_labels():
    from framing.figures._common import MAX_LABEL, short_label, short_names

    long_a, long_b = "a" * 5000, "a" * 4000
    labels = short_names(["short", long_a, long_b, "b" * 41])
    assert set(labels) == {long_a, long_b, "b" * 41}  # "short" is shown as it is
    assert len(set(labels.values())) == 3 and all(len(label) <= MAX_LABEL for label in labels.values())
    # The start and the end of the name: ids tend to differ at either end.
    assert short_label("x" * 30 + "-part-2-of-the-story") == "x" * 26 + "…" + "-of-the-story"
