"""Figures for many documents: what is drawn for 3, 13 and 200 documents, and the spread tables behind them."""

from types import SimpleNamespace

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest

from framing.figures import FIGURES, NothingToShow, build_figures
from framing.figures.spread import (Row, arc_table, corpus_terms, loaded_spread_figure, sentiment_spread_figure,
                                    spread_rows)
from framing.scorers.agency import CONSTRUCTIONS
from framing.views import choose_view

from . import labelled
from .helpers import texts

CATEGORIES = ["pejorative_label", "honorific_label", "violent_dramatic", "hyperbole", "euphemism",
              "delegitimising", "legitimising"]


def many(n: int, *, sentences_per_doc: int = 12) -> SimpleNamespace:
    """The tables build_figures reads, for ``n`` documents d000, d001, … whose mean compound rises with the id."""
    rng = np.random.default_rng(n)
    ids = [f"d{i:03d}" for i in range(n)]
    means = np.linspace(-0.6, 0.6, n)
    rows = [(doc_id, s, "body", float(np.clip(mean + rng.normal(0, 0.1), -1, 1)), 20)
            for doc_id, mean in zip(ids, means) for s in range(1, sentences_per_doc + 1)]
    sentences = pd.DataFrame(rows, columns=["doc_id", "sent_id", "section", "compound", "n_words"])
    sentences["in_summary"] = True
    documents = sentences.groupby("doc_id", sort=False).agg(n_sentences=("compound", "size"),
                                                           mean_compound=("compound", "mean"),
                                                           median_compound=("compound", "median")).reset_index()
    documents["mean_compound_unattributed"] = documents["mean_compound"]
    documents["mean_compound_attributed"] = np.nan
    for column in ("share_named", "share_anonymous"):
        documents[column] = rng.uniform(0, 0.3, n)
    documents["share_none"] = 1 - documents["share_named"] - documents["share_anonymous"]
    for column in ("quote_sentence_share",):
        documents[column] = rng.uniform(0, 0.4, n)
    for column in ("scare_quotes_per_100", "hedges_per_100", "citations_per_100"):
        documents[column] = rng.uniform(0, 10, n)
    # How harm is told: every third document reports none (NaN shares), the others split over the constructions.
    documents["n_harms"] = [0 if i % 3 == 0 else 1 + i % 7 for i in range(n)]
    shares = rng.dirichlet(np.ones(len(CONSTRUCTIONS)), n)
    for k, construction in enumerate(CONSTRUCTIONS):
        documents[f"share_{construction}"] = np.where(documents["n_harms"] > 0, shares[:, k], np.nan)
    documents["share_agent_stated"] = np.where(documents["n_harms"] > 0, rng.uniform(0, 1, n), np.nan)
    # The neutral rewrite: every fourth document has no rewritten sentence (NaN means).
    documents["n_rewritten"] = documents["swapped_terms"] = [0 if i % 4 == 0 else 1 + i % 3 for i in range(n)]
    before = np.where(documents["n_rewritten"] > 0, rng.uniform(-0.8, 0.3, n), np.nan)
    documents["rewritten_compound_before"] = before
    documents["rewritten_compound_after"] = before - rng.uniform(0, 0.2, n)
    documents["rewritten_compound_shift"] = documents["rewritten_compound_after"] - before
    loaded = pd.DataFrame([(doc_id, c, v, float(i % 5) if c == "hyperbole" and v == "authorial" else 0.0)
                           for i, doc_id in enumerate(ids) for c in CATEGORIES for v in ("authorial", "reported")],
                          columns=["doc_id", "category", "voice", "per_1000_words"])
    terms = pd.DataFrame({"doc_id": ids, "lemma": ["regime" if i % 2 else "slaughter" for i in range(n)],
                          "neutral": ["government" if i % 2 else "kill" for i in range(n)],
                          "authorial": [1] * n, "reported": [i % 3 == 0 for i in range(n)]}).astype({"reported": int})
    comparison = pd.DataFrame([("E01", "the strike", doc_id, 2, float(m), 1, 0) for doc_id, m in zip(ids, means)],
                              columns=["event_id", "label", "doc_id", "n_sentences", "mean_compound",
                                       "loaded_authorial", "loaded_reported"])
    contributions = pd.DataFrame({"doc_id": ids[:2], "sent_id": [1, 1], "token": ["killed", "hero"], "start": 0,
                                  "end": 1, "contribution": [-2.0, 1.5]})
    sentiment_summary = documents[["doc_id", "n_sentences", "mean_compound"]].assign(
        ci_low=documents["mean_compound"] - 0.1, ci_high=documents["mean_compound"] + 0.1)
    # Every fourth document has a one-sentence headline, 0.3 below its body.
    by_section = pd.concat([
        documents.assign(section="body", loaded_authorial_per_1000=2.0),
        documents[::4].assign(section="headline", n_sentences=1, mean_compound=documents["mean_compound"] - 0.3,
                              loaded_authorial_per_1000=10.0)])
    by_section = by_section.assign(loaded_reported_per_1000=0.0, ci_low=np.nan, ci_high=np.nan)
    return SimpleNamespace(order=ids, documents=documents, sentences=sentences, summary_sentences=sentences,
                           sentiment_summary=sentiment_summary, loaded_summary=loaded,
                           term_counts=terms, attribution_summary=documents, contributions=contributions,
                           comparison=comparison, group_by=None, labels=labelled.spread_labels(n, prefix="d"),
                           by_section=by_section)


def legend_labels(fig) -> list[str]:
    return [t.get_text() for legend in fig.legends for t in legend.get_texts() if t.get_text()]


@pytest.mark.parametrize("n, kind", [(3, "documents"), (13, "spread"), (200, "spread")])
def test_views_by_size(n, kind):
    assert choose_view(many(n).documents).kind == kind


@pytest.mark.parametrize("n", [13, 200])
def test_many_documents_get_one_row_per_measure_and_no_legend_entry_per_document(n):
    analysis = many(n)
    figures = build_figures(analysis)
    assert list(figures) == list(FIGURES)
    sentiment = figures["01_sentiment_distribution"]
    assert len(sentiment.axes) == 1
    assert len(sentiment.axes[0].get_yticks()) == 4  # mean, median, writer's own, attributed: not one per document
    assert len(figures["02_loaded_terms_by_voice"].axes) == 2
    assert len(figures["10_neutral_rewrite"].axes[0].get_yticks()) == 3  # before, after, shift
    assert len(figures["02_loaded_terms_by_voice"].axes[0].get_yticks()) == len(CATEGORIES)
    assert len(figures["03_top_loaded_terms"].axes) == 1
    assert len(figures["07_sentiment_arc"].axes) == 1
    # One row per construction and one for "agent stated", not one per document.
    assert len(figures["08_harm_agency"].axes[0].get_yticks()) == len(CONSTRUCTIONS) + 1
    # Headline − body: one row for the tone, two for the loaded terms, not one per document.
    assert [len(ax.get_yticks()) for ax in figures["11_headline_vs_body"].axes] == [1, 2]
    for stem, fig in figures.items():
        labels = legend_labels(fig)
        assert len(labels) <= 4, (stem, labels)
        assert not any(label in analysis.order for label in labels), (stem, labels)
    plt.close("all")


def test_few_documents_keep_one_row_per_document():
    analysis = many(3)
    figures = build_figures(analysis)
    assert len(figures["01_sentiment_distribution"].axes[0].get_yticks()) == 3
    assert len(figures["07_sentiment_arc"].axes) == 3  # one panel per document
    plt.close("all")


def test_the_most_extreme_documents_are_named():
    analysis = many(200)
    fig = sentiment_spread_figure(analysis.documents)
    named = {t.get_gid().split(":", 1)[1] for t in texts(fig) if (t.get_gid() or "").startswith("named:")}
    # Means rise with the doc_id (plus noise): the lowest come from the start, the highest from the end.
    assert any(doc_id < "d010" for doc_id in named) and any(doc_id > "d189" for doc_id in named)
    assert len(named) <= 16  # at most two per end of four rows


def test_the_lowest_are_named_below_the_row_and_the_highest_above_so_close_ends_never_meet():
    fig, ax = plt.subplots()
    values = np.linspace(-0.05, 0.05, 300)  # a narrow spread, as the means of 300 groups are
    spread_rows([Row("mean", values, np.array([f"g{k:03d}" for k in range(300)]))], ax=ax)
    offsets = {t.get_text(): t.xyann[1] for t in ax.texts if (t.get_gid() or "").startswith("named:")}
    assert offsets == {"g000": -6, "g001": -14, "g299": 6, "g298": 14}
    fig.canvas.draw()
    boxes = {name: t.get_window_extent() for name, t in
             ((t.get_text(), t) for t in ax.texts if (t.get_gid() or "").startswith("named:"))}
    assert not any(boxes[low].overlaps(boxes[high]) for low in ("g000", "g001") for high in ("g298", "g299"))
    inside = ax.get_window_extent()
    assert all(inside.y0 <= box.y0 and box.y1 <= inside.y1 for box in boxes.values())  # within the axes
    plt.close(fig)


def test_spread_rows_names_only_values_away_from_the_median():
    fig, ax = plt.subplots()
    row = Row("rate", np.array([0.0, 0.0, 0.0, 0.0, 5.0]), np.array(["a", "b", "c", "d", "e"]))
    spread_rows([row], ax=ax, named=1)
    named = [t.get_text() for t in ax.texts if (t.get_gid() or "").startswith("named:")]
    assert named == ["e"]  # "a" is at the bottom too, but so is the median: naming it says nothing


def test_spread_points_are_rasterised_when_there_are_many():
    fig, ax = plt.subplots()
    values = np.linspace(0, 1, 600)
    spread_rows([Row("many", values, np.array([str(i) for i in range(600)]))], ax=ax)
    points = [c for c in ax.collections if c.get_gid() == "points:many"]
    assert len(points) == 1 and points[0].get_rasterized()


@pytest.mark.parametrize(("n", "alpha"), [(50, 0.8), (1_000, 0.45), (1_001, 0.2499), (10_000, 0.0791),
                                          (40_000, 0.04), (1_000_000, 0.04)])
def test_dots_fade_as_documents_pile_up_but_never_vanish(n, alpha):
    fig, ax = plt.subplots()
    values = np.random.default_rng(0).normal(size=n)
    spread_rows([Row("row", values, np.array([f"d{i}" for i in range(n)]))], ax=ax)
    points = next(c for c in ax.collections if c.get_gid() == "points:row")
    assert points.get_alpha() == pytest.approx(alpha, abs=1e-4)
    plt.close(fig)


@pytest.mark.parametrize(("share", "text"), [(0.0, "used in 0% of documents"), (0.003, "used in under 1% of documents"),
                                           (0.012, "used in 1% of documents"), (0.5, "used in 50% of documents"),
                                           (0.996, "used in over 99% of documents"), (1.0, "used in 100% of documents")])
def test_a_share_that_would_round_to_none_or_all_says_so(share, text):
    from framing.figures.spread import used_text

    assert used_text(share) == text


def test_loaded_spread_says_how_many_documents_use_each_category():
    analysis = many(200)
    fig = loaded_spread_figure(analysis.loaded_summary, analysis.documents)
    shares = [t.get_text() for t in texts(fig) if t.get_text().startswith("used in")]
    # hyperbole, authorial: i % 5 > 0 → 80% of documents; everything else 0%.
    assert "used in 80% of documents" in shares
    assert shares.count("used in 0% of documents") == 2 * len(CATEGORIES) - 1


def test_corpus_terms_sum_over_documents():
    table = corpus_terms(many(200).term_counts)
    regime = table.set_index("lemma").loc["regime"]
    assert regime["authorial"] == 100 and regime["n_documents"] == 100
    slaughter = table.set_index("lemma").loc["slaughter"]
    assert slaughter["reported"] == sum(1 for i in range(0, 200, 2) if i % 3 == 0)
    assert list(table["lemma"]) == ["slaughter", "regime"]  # more hits first


def test_arc_table_averages_documents_by_relative_position():
    sentences = pd.DataFrame({"doc_id": ["a"] * 4 + ["b"] * 2, "sent_id": [1, 2, 3, 4, 1, 2],
                              "compound": [-1.0, -0.5, 0.5, 1.0, -0.2, 0.2]})
    table = arc_table(sentences, bins=2).set_index("part")
    assert table.loc[0, "mean"] == pytest.approx(((-1.0 - 0.5) / 2 + -0.2) / 2)
    assert table.loc[1, "mean"] == pytest.approx(((0.5 + 1.0) / 2 + 0.2) / 2)
    assert list(table["n_documents"]) == [2, 2]


def test_short_documents_have_no_arc():
    analysis = many(50, sentences_per_doc=1)
    with pytest.warns(UserWarning, match="07_sentiment_arc left out: no document has 10 or more sentences"):
        figures = build_figures(analysis)
    assert "07_sentiment_arc" not in figures
    plt.close("all")


def test_sentiment_spread_with_no_means_has_nothing_to_show():
    documents = pd.DataFrame({"doc_id": ["a", "b"], "mean_compound": [np.nan, np.nan], "n_sentences": [0, 0]})
    with pytest.raises(NothingToShow):
        sentiment_spread_figure(documents)
