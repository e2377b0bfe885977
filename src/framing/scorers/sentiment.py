"""VADER sentiment per sentence and its per-document summaries (the words behind it: :mod:`.contributions`).

Data flow: ``sentences`` (from :func:`framing.sentences`) → :class:`SentimentScorer` → ``scores`` (one row per
sentence) → :func:`summarise_sentiment` (one row per document). Separately ``sentences`` →
:func:`contributions` (one row per sentence token that moved the compound) → :func:`word_shift` (which terms
make one document read more negative than another, per sentence scored).

Why per sentence and never per document: VADER's compound is ``x / sqrt(x² + 15)`` where ``x`` is the sum of
the word valences, so it saturates as soon as a text holds more than a handful of sentiment words. An article
sums dozens of them and lands near ±1 whatever its tone. Measured on the seeds (body sentences of each
document joined with spaces and scored as one text, 2026-11-21): dailymail-2020 −0.9948, wikipedia-2017
−0.9906, wikipedia-2025 −0.9974 — a tabloid obituary of a "terrorist general" and two encyclopedia revisions
are indistinguishable, while their per-sentence means differ (``benchmarks/sentiment_nyt.py`` reprints
these numbers). Aggregate sentence scores instead: a mean with a bootstrap interval and the shares of
sentences beyond ±0.05.
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass
from typing import NamedTuple

import numpy as np
import pandas as pd

from ..errors import input_error, require_columns
from .contributions import contribution_table
from .document_groups import DocumentGroups
from .vader import VaderReading, texts_of

SENTIMENT_COLUMNS = ["doc_id", "sent_id", "neg", "neu", "pos", "compound"]
SENTIMENT_SUMMARY_COLUMNS = [
    "doc_id", "n_sentences", "mean_compound", "ci_low", "ci_high", "median_compound",
    "share_positive", "share_neutral", "share_negative",
]
# Hutto & Gilbert's README classifies a text as positive/negative beyond a compound of ±0.05 (it includes the
# boundary; we follow the project's "beyond ±0.05", which only differs for a compound of exactly ±0.0500).
NEUTRAL_BAND = 0.05
# The date of the seed story (2020-01-03): a fixed default seed so every run reports the same interval.
DEFAULT_SEED = 20200103
# Upper bound on resample indices drawn at once (n_boot × n_sentences), to keep memory near 32 MB.
_MAX_DRAWS = 4_000_000


# ---------------------------------------------------------------------------------------------------------
# Sentence scores


class SentimentTables(NamedTuple):
    """What one VADER reading of the sentences gives (see :class:`SentimentScorer`)."""

    scores: pd.DataFrame
    contributions: pd.DataFrame


@dataclass(frozen=True)
class SentimentScorer:
    """Score every sentence with VADER, exactly as ``SentimentIntensityAnalyzer.polarity_scores`` does, and
    (``with_contributions``) find the words behind each score in the same reading.

    VADER's rules and constants are used unchanged, so numbers compare with the literature.

    Call with a sentences table (needs ``doc_id, sent_id, text``; ``start`` for the contributions' document
    offsets; from :func:`framing.sentences`). Returns :class:`SentimentTables`:

    ``scores``
        In the input's row order: ``doc_id, sent_id``; ``neg, neu, pos`` (VADER's shares of the sentence's
        tokens that read negative, neutral, positive, rounded to 3 decimals; they sum to about 1); ``compound``
        (the normalised sum of valences in [-1, 1], rounded to 4 decimals).
    ``contributions``
        As :func:`framing.scorers.contributions.contributions`; empty unless ``with_contributions``.
    """

    with_contributions: bool = False

    def __call__(self, sentences: pd.DataFrame) -> SentimentTables:
        require_columns(sentences, ("doc_id", "sent_id", "text"), "sentences")
        scores, found = [], []
        for text in texts_of(sentences):
            reading = VaderReading(text)
            scores.append(reading.scores())
            if self.with_contributions:
                found.append(reading.contributions())
        table = pd.DataFrame.from_records(scores, columns=["neg", "neu", "pos", "compound"]).astype(float)
        table.insert(0, "doc_id", sentences["doc_id"].to_numpy())
        table.insert(1, "sent_id", sentences["sent_id"].to_numpy())
        read = sentences if self.with_contributions else sentences.iloc[:0]
        return SentimentTables(table[SENTIMENT_COLUMNS], contribution_table(read, found))


def score_sentiment(sentences: pd.DataFrame) -> pd.DataFrame:
    """``SentimentScorer()(sentences).scores``: columns ``doc_id, sent_id, neg, neu, pos, compound``."""
    return SentimentScorer()(sentences).scores


# ---------------------------------------------------------------------------------------------------------
# Per-document summary


def summarise_sentiment(scores: pd.DataFrame, *, n_boot: int = 2000, seed: int = DEFAULT_SEED) -> pd.DataFrame:
    """Summarise sentence compounds per document, with a bootstrap interval for the mean.

    Parameters
    ----------
    scores
        From :class:`SentimentScorer` (needs ``doc_id, compound``).
    n_boot
        Number of bootstrap resamples of each document's sentences.
    seed
        Seeds a numpy ``Generator`` per document (mixed with a checksum of its ``doc_id``), so re-runs agree
        and a document's interval does not change when other documents are added or removed.

    Returns
    -------
    DataFrame with one row per document (in order of first appearance) and columns
        ``doc_id``; ``n_sentences``; ``mean_compound``; ``ci_low, ci_high`` (95% percentile bootstrap interval of
        the mean; equal to the mean when every sentence has the same compound, e.g. a one-sentence document);
        ``median_compound``; ``share_positive`` (share of sentences with compound > 0.05), ``share_neutral``
        (within ±0.05 inclusive) and ``share_negative`` (< −0.05), which sum to 1.
    """
    require_columns(scores, ("doc_id", "compound"), "scores")
    if n_boot < 1:
        raise input_error(None, f"n_boot must be at least 1, got {n_boot}")
    groups = DocumentGroups.of(scores["doc_id"])
    if not groups.n:
        return pd.DataFrame([], columns=SENTIMENT_SUMMARY_COLUMNS)
    values = scores["compound"].to_numpy(dtype=float)
    n = groups.sizes
    low, high = _intervals(groups, values, n_boot=n_boot, seed=seed)
    return pd.DataFrame({
        "doc_id": groups.keys,
        "n_sentences": n,
        "mean_compound": groups.reduce(values, lambda matrix: matrix.mean(axis=1)),
        "ci_low": low,
        "ci_high": high,
        "median_compound": groups.reduce(values, lambda matrix: np.median(matrix, axis=1)),
        "share_positive": groups.count(values > NEUTRAL_BAND) / n,
        "share_neutral": groups.count(np.abs(values) <= NEUTRAL_BAND) / n,
        "share_negative": groups.count(values < -NEUTRAL_BAND) / n,
    }, columns=SENTIMENT_SUMMARY_COLUMNS)


def _intervals(groups: DocumentGroups, values: np.ndarray, *, n_boot: int, seed: int
               ) -> tuple[np.ndarray, np.ndarray]:
    """``(ci_low, ci_high)`` per group. A group whose values are all equal (every one-sentence document) is its
    own interval, found for all such groups at once; the others are resampled one document at a time, each with
    its own seeded Generator, so the draws do not depend on which documents share a batch."""
    low, high = np.empty(groups.n), np.empty(groups.n)
    for members, matrix in zip(*groups.matrices(values)):
        constant = (matrix == matrix[:, :1]).all(axis=1)  # False with a NaN, as in bootstrap_mean_interval
        low[members[constant]] = high[members[constant]] = matrix[constant, 0]
        for group, document in zip(members[~constant], matrix[~constant]):
            low[group], high[group] = bootstrap_mean_interval(
                document, n_boot=n_boot, rng=_document_rng(seed, groups.keys[group]))
    return low, high


def bootstrap_mean_interval(values: np.ndarray, *, n_boot: int, rng: np.random.Generator,
                            level: float = 0.95) -> tuple[float, float]:
    """Percentile bootstrap interval ``(low, high)`` of the mean of ``values``; ``(nan, nan)`` when empty.

    Resamples are drawn as index matrices, a block of resamples at a time, and averaged row-wise.
    """
    values = np.asarray(values, dtype=float)
    n = len(values)
    if n == 0:
        return float("nan"), float("nan")
    if np.all(values == values[0]):
        # Every resample is the same; answering exactly avoids a mean that differs in the last bit.
        return float(values[0]), float(values[0])
    means = np.empty(n_boot)
    block = max(1, _MAX_DRAWS // n)
    for first in range(0, n_boot, block):
        size = min(block, n_boot - first)
        means[first:first + size] = values[rng.integers(0, n, size=(size, n))].mean(axis=1)
    tail = (1 - level) / 2
    low, high = np.quantile(means, [tail, 1 - tail])
    return float(low), float(high)


def _document_rng(seed: int, doc_id: object) -> np.random.Generator:
    # crc32, not hash(): Python salts str hashes per process, which would break reproducibility.
    return np.random.default_rng([seed, zlib.crc32(str(doc_id).encode("utf-8"))])


