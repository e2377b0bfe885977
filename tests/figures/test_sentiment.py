import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest
from matplotlib.collections import LineCollection

from framing.errors import FramingError
from framing.figures import sentiment_arc, sentiment_arc_figure, sentiment_distribution_figure, sentiment_strip

from .helpers import ytick_labels


def test_strip_draws_every_sentence_at_its_score(scores, docs):
    fig, ax = plt.subplots()
    assert sentiment_strip(scores, order=docs, ax=ax) is ax
    for doc_id in docs:
        dots = next(c for c in ax.collections if c.get_gid() == f"sentences:{doc_id}")
        drawn = np.sort(dots.get_offsets()[:, 0])
        assert list(drawn) == pytest.approx(list(np.sort(scores.loc[scores["doc_id"] == doc_id, "compound"])))


def test_strip_marks_mean_and_interval(scores, sentiment_summary, docs):
    fig, ax = plt.subplots()
    sentiment_strip(scores, summary=sentiment_summary, order=docs, ax=ax)
    means = [line.get_xdata()[0] for line in ax.lines if line.get_marker() == "D"]
    assert means == pytest.approx(list(sentiment_summary.set_index("doc_id").loc[docs, "mean_compound"]))
    labels = ytick_labels(ax)
    assert labels[0].startswith(docs[0]) and "n = 12" in labels[0]


def test_strip_uses_current_axes_when_no_ax_given(scores):
    fig, (left, right) = plt.subplots(1, 2)
    plt.sca(right)
    assert sentiment_strip(scores) is right
    assert not left.collections


def test_order_selects_and_orders_documents(scores):
    fig, ax = plt.subplots()
    sentiment_strip(scores, order=["dailymail-2020", "wikipedia-2025"], ax=ax)
    assert [label.split("\n")[0] for label in ytick_labels(ax)] == ["dailymail-2020", "wikipedia-2025"]


def test_document_without_scores_gets_a_note(scores):
    fig, ax = plt.subplots()
    sentiment_strip(scores, order=["wikipedia-2025", "ghost"], ax=ax)
    assert "no scored sentences" in [t.get_text() for t in ax.texts]


def test_distribution_figure_has_one_axes_and_title_with_n(scores, sentiment_summary, docs):
    fig = sentiment_distribution_figure(scores, sentiment_summary, order=docs)
    assert len(fig.axes) == 1
    assert f"n = {len(scores)} sentences" in fig.get_suptitle()


@pytest.mark.parametrize("make", [
    lambda scores: sentiment_distribution_figure(scores.iloc[0:0]),
    lambda scores: sentiment_arc_figure(scores.iloc[0:0]),
    lambda scores: sentiment_distribution_figure(scores, order=["ghost"]),
])
def test_no_scores_raises(scores, make):
    with pytest.raises(FramingError, match="no scored sentences"):
        make(scores)


def test_missing_column_is_named(scores):
    with pytest.raises(FramingError, match="compound"):
        sentiment_distribution_figure(scores.drop(columns="compound"))


def test_arc_has_one_panel_per_document_sharing_y(scores, sentences, docs):
    fig = sentiment_arc_figure(scores, sentences, order=docs)
    assert len(fig.axes) == 3
    assert [ax.get_title(loc="left").split(" (")[0] for ax in fig.axes] == docs
    assert fig.axes[0].get_shared_y_axes().joined(fig.axes[0], fig.axes[2])


def test_arc_marks_sections_and_draws_rolling_mean(scores, sentences):
    fig, ax = plt.subplots()
    assert sentiment_arc(scores, doc_id="dailymail-2020", sentences=sentences, window=3, ax=ax) is ax
    gids = {c.get_gid(): c for c in ax.collections}
    assert {"headline:dailymail-2020", "bullet:dailymail-2020", "caption:dailymail-2020"} <= set(gids)
    headline = gids["headline:dailymail-2020"].get_offsets()
    assert list(headline[:, 0]) == [1]
    doc = scores[scores["doc_id"] == "dailymail-2020"].sort_values("sent_id")
    rolling = next(line for line in ax.lines if line.get_gid() == "rolling:dailymail-2020")
    expected = doc["compound"].rolling(3, center=True, min_periods=1).mean()
    assert list(rolling.get_ydata()) == pytest.approx(list(expected))


def long_and_short_scores(lengths: dict[str, int]) -> pd.DataFrame:
    """Scores of documents of the given lengths: a slow wave plus noise, fixed seed."""
    rng = np.random.default_rng(3)
    frames = []
    for doc_id, n in lengths.items():
        position = np.arange(1, n + 1)
        compound = np.clip(0.4 * np.sin(position / n * 2 * np.pi) + rng.normal(0, 0.4, n), -1, 1)
        frames.append(pd.DataFrame({"doc_id": doc_id, "sent_id": position, "compound": compound}))
    return pd.concat(frames, ignore_index=True)


def test_a_long_documents_arc_is_a_mean_over_a_fortieth_of_it():
    scores = long_and_short_scores({"book": 8000, "article": 40, "report": 479})
    fig = sentiment_arc_figure(scores, order=["book", "article", "report"])
    windows = {"book": 200, "article": 5, "report": 11}
    for ax, (doc_id, window) in zip(fig.axes, windows.items()):
        doc = scores[scores["doc_id"] == doc_id]
        rolling = next(line for line in ax.lines if line.get_gid() == f"rolling:{doc_id}")
        expected = doc["compound"].rolling(window, center=True, min_periods=1).mean()
        assert list(rolling.get_ydata()) == pytest.approx(list(expected))
    titles = [ax.get_title(loc="left") for ax in fig.axes]
    assert titles == ["book (n = 8,000)\nline: mean of 200 sentences", "article (n = 40)",
                      "report (n = 479)\nline: mean of 11 sentences"]
    assert "rolling mean over 5 sentences, or 1/40 of a long document" in " ".join(fig.get_suptitle().split())
    # Thousands of dots are drawn fainter, so that the line stands out.
    alphas = {ax.get_title(loc="left").split(" (")[0]: ax.collections[0].get_alpha() for ax in fig.axes}
    assert alphas == {"book": 0.2, "article": 0.55, "report": 0.55}


def test_the_arc_window_stays_five_sentences_below_240_and_can_be_set():
    from framing.figures.sentiment import arc_window

    assert [arc_window(n) for n in (1, 40, 239, 240, 400, 8000)] == [5, 5, 5, 6, 10, 200]
    short = sentiment_arc_figure(long_and_short_scores({"a": 200, "b": 30}))
    assert "rolling mean over 5 sentences;" in " ".join(short.get_suptitle().split())
    every_long = sentiment_arc_figure(long_and_short_scores({"a": 800, "b": 1200}))
    assert "rolling mean over 1/40 of each document;" in " ".join(every_long.get_suptitle().split())
    fixed = sentiment_arc_figure(long_and_short_scores({"a": 8000}), window=7)
    assert "rolling mean over 7 sentences;" in " ".join(fixed.get_suptitle().split())
    assert fixed.axes[0].get_title(loc="left") == "a (n = 8,000)\nline: mean of 7 sentences"


def test_arc_panel_for_document_without_scores_says_so(scores, sentences):
    fig = sentiment_arc_figure(scores, sentences, order=["wikipedia-2025", "ghost"])
    assert len(fig.axes) == 2
    assert any("no scored sentences" in t.get_text() for t in fig.axes[1].texts)


def test_arc_without_sentences_table_draws_plain_dots(scores):
    fig = sentiment_arc_figure(scores)
    assert all((c.get_gid() or "").startswith("body:") for ax in fig.axes for c in ax.collections)


def test_a_one_sentence_document_shows_its_mean_and_n_too_small(scores, sentiment_summary, docs):
    # The summary leaves the interval NaN below five sentences; the figure draws no bar and says why.
    summary = sentiment_summary.copy()
    one = summary["doc_id"] == docs[2]
    summary.loc[one, ["ci_low", "ci_high"]] = float("nan")
    summary.loc[one, "n_sentences"] = 1
    fig = sentiment_distribution_figure(scores, summary, order=docs)
    ax = fig.axes[0]
    notes = {t.get_gid(): t.get_text() for t in ax.texts if str(t.get_gid()).startswith("mean-text:")}
    assert notes[f"mean-text:{docs[2]}"].endswith("n too small")
    assert "[" in notes[f"mean-text:{docs[0]}"]
    # Error bars are LineCollections, one per document that has an interval: two of the three.
    assert len([c for c in ax.collections if isinstance(c, LineCollection)]) == 2
    means = {line.get_gid(): line.get_xdata()[0] for line in ax.lines if str(line.get_gid()).startswith("mean:")}
    assert means[f"mean:{docs[2]}"] == pytest.approx(float(summary.loc[one, "mean_compound"].iloc[0]))
    plt.close(fig)


def test_a_summary_before_the_nan_rule_still_gets_no_interval_below_five_sentences(scores, sentiment_summary, docs):
    summary = sentiment_summary.copy()
    summary.loc[summary["doc_id"] == docs[0], "n_sentences"] = 4  # interval present, n too small
    fig = sentiment_distribution_figure(scores, summary, order=docs)
    texts = [t.get_text() for t in fig.axes[0].texts if str(t.get_gid()).startswith("mean-text:")]
    assert texts[0].endswith("n too small") and not texts[1].endswith("n too small")
    plt.close(fig)


def _legend_texts(fig):
    return [text.get_text() for legend in fig.legends for text in legend.get_texts()]


def test_the_legend_names_the_bootstrap_for_documents_of_a_few_sentences(scores, sentiment_summary, docs):
    fig = sentiment_distribution_figure(scores, sentiment_summary, order=docs)
    assert "mean with 95% bootstrap interval" in _legend_texts(fig)


def test_the_legend_names_students_t_for_groups_of_5000_sentences_or_more(scores, sentiment_summary, docs):
    # The summary's rule: from 5,000 sentences the interval is Student's t (scorers.sentiment).
    large = sentiment_summary.assign(n_sentences=5_000)
    assert "mean with 95% Student's t interval" in _legend_texts(
        sentiment_distribution_figure(scores, large, order=docs))
    mixed = sentiment_summary.assign(n_sentences=[5_000] + [40] * (len(sentiment_summary) - 1))
    assert "mean with 95% interval (bootstrap; Student's t from 5,000 sentences)" in _legend_texts(
        sentiment_distribution_figure(scores, mixed, order=docs))
