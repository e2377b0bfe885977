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

from dataclasses import dataclass
from typing import NamedTuple

import numpy as np
import pandas as pd

from ..errors import input_error, require_columns
from ..memo import per_text
from .contributions import contribution_table
from .document_groups import DocumentGroups
from .vader import VaderReading, texts_of
from ..rows import typed_table

_SCORES = ["neg", "neu", "pos", "compound"]
SENTIMENT_COLUMNS = ["doc_id", "sent_id", *_SCORES]
SENTIMENT_SUMMARY_COLUMNS = [
    "doc_id", "n_sentences", "mean_compound", "ci_low", "ci_high", "median_compound",
    "share_positive", "share_neutral", "share_negative",
]
# Hutto & Gilbert's README classifies a text as positive/negative beyond a compound of ±0.05 (it includes the
# boundary; we follow the project's "beyond ±0.05", which only differs for a compound of exactly ±0.0500).
NEUTRAL_BAND = 0.05
# The date of the seed story (2020-01-03): a fixed default seed so every run reports the same interval.
DEFAULT_SEED = 20200103
CONFIDENCE_LEVEL = 0.95
# Below this many sentences a bootstrap interval mostly restates the few values there are (one sentence gives
# the "interval" [x, x]); the summary leaves it out (NaN) and the figures and report say "n too small".
MIN_SENTENCES_FOR_INTERVAL = 5
# From this many sentences on (a group of documents, a corpus-wide section), the interval is Student's t interval
# of the mean instead of the bootstrap: resampling 2,000 × 50,000 sentences took 3 s per group at 10,000 articles,
# and at this size the two agree to within the bootstrap's own resampling noise (largest endpoint difference over
# samples of real compounds: 0.0034 at 500 sentences, 0.0008 at 2,000, 0.0003 at 5,000, 0.0002 at 20,000;
# benchmarks/RESULTS.md, "Corpus scale: session 8").
LARGE_SAMPLE_SENTENCES = 5_000
# Upper bound on resampled values held at once (documents × resamples × sentences), to keep memory near 32 MB.
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
            if self.with_contributions:
                reading = VaderReading(text)
                scores.append(_score_row(reading))
                found.append(reading.contributions())
            else:
                scores.append(sentence_scores(text))
        table = typed_table(scores, _SCORES, dict.fromkeys(_SCORES, float))
        table.insert(0, "doc_id", sentences["doc_id"].to_numpy())
        table.insert(1, "sent_id", sentences["sent_id"].to_numpy())
        read = sentences if self.with_contributions else sentences.iloc[:0]
        return SentimentTables(table[SENTIMENT_COLUMNS], contribution_table(read, found))


@per_text
def sentence_scores(text: str) -> tuple[float, float, float, float]:
    """``neg, neu, pos, compound`` of ``polarity_scores(text)``, read once per distinct text
    (:mod:`framing.memo`)."""
    return _score_row(VaderReading(text))


def _score_row(reading: VaderReading) -> tuple[float, float, float, float]:
    scores = reading.scores()
    return tuple(scores[column] for column in _SCORES)


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
        From :class:`SentimentScorer` (needs ``doc_id, compound``). Any hashable ``doc_id`` works, e.g. a
        ``(doc_id, section)`` tuple for a summary per section.
    n_boot
        Number of bootstrap resamples of each document's sentences.
    seed
        Seeds the resampling (see :func:`mean_intervals`): re-runs agree, and a document's interval does not
        change when other documents are added or removed.

    Returns
    -------
    DataFrame with one row per document (in order of first appearance) and columns
        ``doc_id``; ``n_sentences``; ``mean_compound``; ``ci_low, ci_high`` (95% percentile bootstrap interval of
        the mean, by :func:`scipy.stats.bootstrap`; Student's t interval from :data:`LARGE_SAMPLE_SENTENCES`
        sentences on, where the two agree; NaN below :data:`MIN_SENTENCES_FOR_INTERVAL` sentences or with a
        missing compound; equal to the mean when every sentence has the same compound);
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
    low, high = np.empty(groups.n), np.empty(groups.n)
    for members, matrix in zip(*groups.matrices(values)):
        low[members], high[members] = mean_intervals(matrix, n_boot=n_boot, seed=seed)
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


def mean_intervals(matrix: np.ndarray, *, n_boot: int, seed: int = DEFAULT_SEED, level: float = CONFIDENCE_LEVEL
                   ) -> tuple[np.ndarray, np.ndarray]:
    """Percentile bootstrap intervals ``(low, high)`` of the row means of a ``(documents, sentences)`` matrix:
    one :func:`scipy.stats.bootstrap` call per block of rows rather than one per document (Student's t intervals
    for rows of :data:`LARGE_SAMPLE_SENTENCES` or more).

    All documents of one length are resampled with the same draws, from a Generator seeded by ``seed`` and the
    length alone. So a document's interval depends only on its own values (not on which documents share the
    run or the block), and equals :func:`bootstrap_mean_interval` with ``rng=length_rng(seed, length)`` bit for
    bit. NaN for rows with fewer than :data:`MIN_SENTENCES_FOR_INTERVAL` values or with a NaN.
    """
    matrix = np.atleast_2d(np.asarray(matrix, dtype=float))
    low, high = np.full(len(matrix), np.nan), np.full(len(matrix), np.nan)
    length = matrix.shape[1]
    rows_per_call = max(1, _MAX_DRAWS // (_resamples_per_batch(length, n_boot) * max(1, length)))
    for first in range(0, len(matrix), rows_per_call):
        block = slice(first, first + rows_per_call)
        low[block], high[block] = _percentile_intervals(
            matrix[block], n_boot=n_boot, rng=length_rng(seed, length), level=level)
    return low, high


def bootstrap_mean_interval(values: np.ndarray, *, n_boot: int, rng: np.random.Generator,
                            level: float = CONFIDENCE_LEVEL) -> tuple[float, float]:
    """Percentile bootstrap interval ``(low, high)`` of the mean of ``values`` (:func:`scipy.stats.bootstrap`;
    Student's t from :data:`LARGE_SAMPLE_SENTENCES` values on); ``(nan, nan)`` with fewer than
    :data:`MIN_SENTENCES_FOR_INTERVAL` values or with a NaN."""
    low, high = _percentile_intervals(np.asarray(values, dtype=float)[None, :], n_boot=n_boot, rng=rng, level=level)
    return float(low[0]), float(high[0])


def length_rng(seed: int, length: int) -> np.random.Generator:
    """The Generator that resamples every document of ``length`` sentences (see :func:`mean_intervals`)."""
    return np.random.default_rng([seed, length])


def _percentile_intervals(matrix: np.ndarray, *, n_boot: int, rng: np.random.Generator, level: float
                          ) -> tuple[np.ndarray, np.ndarray]:
    """The intervals of a ``(rows, n)`` matrix's row means; rows share the resampling draws."""
    low, high = np.full(len(matrix), np.nan), np.full(len(matrix), np.nan)
    n = matrix.shape[1]
    if n < MIN_SENTENCES_FOR_INTERVAL:
        return low, high
    finite = np.isfinite(matrix).all(axis=1)
    # Every resample of a constant row is that row; answering exactly avoids a mean that differs in the last bit.
    constant = finite & (matrix == matrix[:, :1]).all(axis=1)
    low[constant] = high[constant] = matrix[constant, 0]
    varied = np.flatnonzero(finite & ~constant)
    if len(varied) and n >= LARGE_SAMPLE_SENTENCES:
        low[varied], high[varied] = _t_intervals(matrix[varied], level)
    elif len(varied):
        # numpy sums the resamples of several documents column by column but a lone document's pairwise, which
        # differs in the last bit: a lone document goes in with a twin so that it is summed as it is beside others.
        rows = matrix[np.repeat(varied, 2) if len(varied) == 1 else varied]
        # Imported here: scipy.stats takes about a second to import, and the workers that score never need it.
        from scipy import stats

        result = stats.bootstrap((rows,), np.mean, n_resamples=n_boot, vectorized=True, axis=-1,
                                 batch=_resamples_per_batch(n, n_boot), confidence_level=level,
                                 method="percentile", rng=rng)
        low[varied] = result.confidence_interval.low[:len(varied)]
        high[varied] = result.confidence_interval.high[:len(varied)]
    return low, high


def _t_intervals(matrix: np.ndarray, level: float) -> tuple[np.ndarray, np.ndarray]:
    """Student's t intervals of the row means of a ``(rows, n)`` matrix (rows of at least
    :data:`LARGE_SAMPLE_SENTENCES` values, where they agree with the percentile bootstrap)."""
    from scipy import stats

    n = matrix.shape[1]
    mean = matrix.mean(axis=1)
    half = stats.t.ppf(0.5 + level / 2, n - 1) * matrix.std(axis=1, ddof=1) / np.sqrt(n)
    return mean - half, mean + half


def _resamples_per_batch(n: int, n_boot: int) -> int:
    # A function of the length alone, never of how many rows share a call: the draws (and so the intervals) must
    # not depend on the other documents.
    return max(1, min(n_boot, _MAX_DRAWS // max(1, n)))
