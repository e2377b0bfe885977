"""The per-document sentiment summary: means, shares and the bootstrap interval (scipy.stats.bootstrap)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import stats

from framing.scorers import sentiment
from framing.scorers.document_groups import DocumentGroups
from framing.scorers.sentiment import (
    DEFAULT_SEED,
    MIN_SENTENCES_FOR_INTERVAL,
    NEUTRAL_BAND,
    SENTIMENT_SUMMARY_COLUMNS,
    bootstrap_mean_interval,
    length_rng,
    mean_intervals,
    score_sentiment,
    summarise_sentiment,
)


def scores_of(values, doc_id="d"):
    return pd.DataFrame({"doc_id": doc_id, "sent_id": range(1, len(values) + 1), "compound": values})


def test_summary_values_and_shares():
    summary = summarise_sentiment(scores_of([0.5, 0.05, -0.05, -0.3, 0.0]))
    assert list(summary.columns) == SENTIMENT_SUMMARY_COLUMNS
    row = summary.iloc[0]
    assert row["n_sentences"] == 5
    assert row["mean_compound"] == pytest.approx(0.04)
    assert row["median_compound"] == 0.0
    # ±0.05 itself is neutral: only "beyond" counts.
    assert (row["share_positive"], row["share_neutral"], row["share_negative"]) == (0.2, 0.6, 0.2)


def test_bootstrap_is_reproducible_and_seeded():
    scores = scores_of(np.linspace(-0.9, 0.8, 40))
    first = summarise_sentiment(scores, seed=1)
    assert first.equals(summarise_sentiment(scores, seed=1))
    assert not first.equals(summarise_sentiment(scores, seed=2))


def test_bootstrap_interval_matches_theory():
    # Half 0s, half 1s: mean 0.5, standard error 0.05 → about [0.40, 0.60].
    low, high = bootstrap_mean_interval(np.repeat([0.0, 1.0], 50), n_boot=4000, rng=np.random.default_rng(0))
    assert low == pytest.approx(0.402, abs=0.02)
    assert high == pytest.approx(0.598, abs=0.02)


def test_no_interval_below_five_sentences():
    # A one-sentence document used to print the "interval" [-0.69, -0.69] (issue 20).
    assert MIN_SENTENCES_FOR_INTERVAL == 5
    for n in range(1, MIN_SENTENCES_FOR_INTERVAL):
        row = summarise_sentiment(scores_of(np.linspace(-0.6908, 0.5, n))).iloc[0]
        assert row["mean_compound"] == pytest.approx(np.linspace(-0.6908, 0.5, n).mean())
        assert np.isnan(row["ci_low"]) and np.isnan(row["ci_high"]), n
    row = summarise_sentiment(scores_of(np.linspace(-0.6908, 0.5, 5))).iloc[0]
    assert -0.6908 < row["ci_low"] < row["mean_compound"] < row["ci_high"] < 0.5
    assert np.isnan(bootstrap_mean_interval([0.1, 0.5, -0.2, 0.3], n_boot=100, rng=np.random.default_rng(0))).all()


def test_interval_is_scipys_percentile_bootstrap():
    values = np.array([0.4019, -0.6908, 0.0, 0.0, 0.2023, -0.296, 0.5106, -0.4767])
    expected = stats.bootstrap((values,), np.mean, n_resamples=500, method="percentile", rng=length_rng(3, 8))
    low, high = bootstrap_mean_interval(values, n_boot=500, rng=length_rng(3, 8))
    # Equal but for the last bit: a lone document is summed as it is beside others (see _percentile_intervals).
    assert (low, high) == pytest.approx(tuple(expected.confidence_interval), abs=1e-15)
    assert -0.4 < low < values.mean() < high < 0.35


def test_large_samples_get_the_t_interval_which_agrees_with_the_bootstrap():
    # Compound-like values: many near 0, long tails, skewed negative.
    rng = np.random.default_rng(7)
    n = sentiment.LARGE_SAMPLE_SENTENCES
    values = np.round(np.clip(rng.normal(-0.05, 0.45, n) + (rng.random(n) < 0.3) * rng.normal(0, 0.3, n), -1, 1), 4)
    low, high = bootstrap_mean_interval(values, n_boot=2000, rng=length_rng(0, n))
    t = stats.t.ppf(0.975, n - 1) * values.std(ddof=1) / np.sqrt(n)
    assert (low, high) == pytest.approx((values.mean() - t, values.mean() + t), abs=1e-12)
    boot = stats.bootstrap((values,), np.mean, n_resamples=2000, method="percentile", rng=length_rng(0, n))
    assert (low, high) == pytest.approx(tuple(boot.confidence_interval), abs=0.0006)
    # One sentence fewer: still the bootstrap, bit for bit as scipy gives it.
    below = values[:-1]
    expected = stats.bootstrap((below,), np.mean, n_resamples=300, method="percentile", rng=length_rng(0, n - 1))
    assert bootstrap_mean_interval(below, n_boot=300, rng=length_rng(0, n - 1)) == pytest.approx(
        tuple(expected.confidence_interval), abs=1e-15)


def test_interval_does_not_depend_on_other_documents():
    # b has a's length, so the two are resampled in one call with the same draws.
    a = scores_of([0.1, -0.4, 0.7, 0.0, -0.2], "a")
    b = scores_of([0.3, 0.3, -0.9, 0.0, 0.5], "b")
    alone = summarise_sentiment(a)
    together = summarise_sentiment(pd.concat([b, a]))
    assert together["doc_id"].tolist() == ["b", "a"]
    assert together.iloc[[1]].reset_index(drop=True).equals(alone)
    assert not np.isnan(alone["ci_low"]).any()


def test_intervals_do_not_depend_on_the_memory_bound(monkeypatch):
    rng = np.random.default_rng(1)
    matrix = np.round(rng.uniform(-1, 1, (7, 12)), 4)
    whole = mean_intervals(matrix, n_boot=300, seed=5)
    monkeypatch.setattr(sentiment, "_MAX_DRAWS", 12 * 300 * 2)  # two documents per scipy call
    assert np.array_equal(mean_intervals(matrix, n_boot=300, seed=5), whole)
    one_by_one = [bootstrap_mean_interval(row, n_boot=300, rng=length_rng(5, 12)) for row in matrix]
    assert np.array_equal(np.array(one_by_one).T, whole)


def summary_one_document_at_a_time(scores, n_boot=2000, seed=DEFAULT_SEED):
    """The summary as a plain loop over documents: what the per-batch version must give bit for bit."""
    rows = []
    for doc_id, compound in scores.groupby("doc_id", sort=False)["compound"]:
        values = compound.to_numpy(dtype=float)
        low, high = bootstrap_mean_interval(values, n_boot=n_boot, rng=length_rng(seed, len(values)))
        rows.append((doc_id, len(values), values.mean(), low, high, float(np.median(values)),
                     float(np.mean(values > NEUTRAL_BAND)), float(np.mean(np.abs(values) <= NEUTRAL_BAND)),
                     float(np.mean(values < -NEUTRAL_BAND))))
    return pd.DataFrame(rows, columns=SENTIMENT_SUMMARY_COLUMNS)


def assert_same_bits(got, expected):
    pd.testing.assert_frame_equal(got, expected, check_exact=True)
    for column in got.columns[got.dtypes == float]:
        # equals() takes -0.0 for 0.0; the CSV does not.
        assert np.array_equal(np.signbit(got[column]), np.signbit(expected[column])), column


# Interleaved documents: "one" has a single sentence and "four" four (no interval), "even" an even count (median
# between two), "same" equal values, "nan" a missing compound, "zero" negative zeros, "long" more than numpy's
# 8-value summation unroll.
MIXED = pd.DataFrame({
    "doc_id": ["even", "one", "even", "same", "even", "nan", "same", "even", "nan", "zero", "zero", "even", "even"]
              + ["same"] * 3 + ["nan"] * 3 + ["zero"] * 3 + ["four"] * 4 + ["long"] * 20,
    "compound": [0.5, -0.6908, 0.1, 0.3, -0.2, 0.4, 0.3, 0.0, np.nan, -0.0, -0.0, 0.3, -0.1]
                + [0.3] * 3 + [0.2, 0.1, -0.3] + [-0.0] * 3 + [0.2, -0.4, 0.6, 0.0]
                + list(np.linspace(-0.95, 0.9, 20)),
})


def test_summary_of_mixed_documents_has_known_values():
    summary = summarise_sentiment(MIXED).set_index("doc_id")
    assert summary.index.tolist() == ["even", "one", "same", "nan", "zero", "four", "long"]
    assert summary["n_sentences"].tolist() == [6, 1, 5, 5, 5, 4, 20]
    even = summary.loc["even"]
    assert even["mean_compound"] == pytest.approx(0.1) and even["median_compound"] == pytest.approx(0.05)
    assert (even["share_positive"], even["share_neutral"], even["share_negative"]) == (0.5, 1 / 6, 2 / 6)
    assert even["ci_low"] < even["mean_compound"] < even["ci_high"]
    assert summary.loc["one", ["mean_compound", "median_compound"]].tolist() == [-0.6908] * 2
    assert summary.loc[["one", "four"], ["ci_low", "ci_high"]].isna().all().all()
    assert summary.loc["same", ["ci_low", "ci_high"]].tolist() == [0.3, 0.3]
    assert summary.loc["nan", ["mean_compound", "ci_low", "ci_high", "median_compound"]].isna().all()
    assert summary.loc["nan", "share_positive"] == 0.6  # a missing compound counts in no share
    assert summary.loc["zero", "ci_low"] == 0.0 and np.signbit(summary.loc["zero", "ci_low"])
    long = summary.loc["long"]
    assert long["ci_low"] < long["mean_compound"] < long["ci_high"]


def test_summary_equals_a_loop_over_documents_bit_for_bit():
    assert_same_bits(summarise_sentiment(MIXED, n_boot=300), summary_one_document_at_a_time(MIXED, n_boot=300))


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.sampled_from("abcdefg"),
                          st.sampled_from([0.0, -0.0, 0.05, -0.05, 0.4019, -0.6908, 0.9999, np.nan])),
                min_size=1, max_size=60))
def test_summary_equals_a_loop_over_documents_on_any_table(rows):
    scores = pd.DataFrame(rows, columns=["doc_id", "compound"])
    assert_same_bits(summarise_sentiment(scores, n_boot=50), summary_one_document_at_a_time(scores, n_boot=50))


def test_document_groups_sum_and_mean_as_pandas_does_per_group():
    rng = np.random.default_rng(0)
    sizes = [1, 2, 5, 7, 8, 9, 16, 17, 128, 129, 300, 1, 9]
    keys = np.repeat([f"d{i}" for i in range(len(sizes))], sizes)
    values = rng.standard_normal(len(keys)) * 10.0 ** rng.integers(-6, 6, len(keys))
    values[[3, 40]] = np.nan
    order = rng.permutation(len(keys))  # interleave the documents
    table = pd.DataFrame({"doc_id": keys[order], "value": values[order]})
    groups = DocumentGroups.of(table["doc_id"])
    expected = table.groupby("doc_id", sort=False)["value"]
    assert groups.keys == table["doc_id"].drop_duplicates().tolist()
    assert groups.sizes.tolist() == expected.size().tolist()
    assert groups.sum(table["value"]).tolist() == [group.sum() for _, group in expected]
    assert groups.mean(table["value"]).tolist() == [group.mean() for _, group in expected]


def test_document_groups_keep_empty_groups_and_skip_rows_without_one():
    groups = DocumentGroups(np.array([1, -1, 1, 0]), ["x", "y", "z"])
    assert groups.sizes.tolist() == [1, 2, 0]
    assert groups.sum([1.0, 100.0, 2.0, 5.0]).tolist() == [5.0, 3.0, 0.0]
    assert groups.count(np.array([True, True, False, True])).tolist() == [1, 1, 0]
    means = groups.mean([1.0, 100.0, 2.0, np.nan])
    assert means[1] == 1.5 and np.isnan(means[0]) and np.isnan(means[2])


def test_empty_scores_give_an_empty_summary():
    summary = summarise_sentiment(pd.DataFrame({"doc_id": [], "compound": []}))
    assert summary.empty and list(summary.columns) == SENTIMENT_SUMMARY_COLUMNS


def test_shares_sum_to_one_on_seeds(seed_sentences):
    summary = summarise_sentiment(score_sentiment(seed_sentences), n_boot=200)
    shares = summary[["share_positive", "share_neutral", "share_negative"]].sum(axis=1)
    assert shares.to_numpy() == pytest.approx(1.0)


def test_seed_summaries(seed_sentences):
    summary = summarise_sentiment(score_sentiment(seed_sentences)).set_index("doc_id")
    assert sorted(summary.index) == ["dailymail-2020", "wikipedia-2017", "wikipedia-2025"]
    assert summary["mean_compound"].between(-1, 1).all()
    assert (summary["ci_low"] <= summary["mean_compound"]).all()
    assert (summary["mean_compound"] <= summary["ci_high"]).all()
    # Measured 2026-11-21: dailymail-2020 -0.116, wikipedia-2017 -0.029 (all sections).
    assert summary.loc["dailymail-2020", "mean_compound"] < summary.loc["wikipedia-2017", "mean_compound"]
    assert summary.loc["dailymail-2020", "n_sentences"] == (seed_sentences["doc_id"] == "dailymail-2020").sum()
