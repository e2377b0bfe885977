"""VADER sentiment per sentence, the words behind it, per-document summaries and word shift.

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

import string
import zlib
from dataclasses import dataclass
from functools import cache
from typing import NamedTuple

import numpy as np
import pandas as pd
from vaderSentiment.vaderSentiment import (
    BOOSTER_DICT,
    SPECIAL_CASES,
    SentimentIntensityAnalyzer,
    NEGATE,
    SentiText,
    allcap_differential,
)

from ..errors import input_error, require_columns

SCORE_COLUMNS = ["doc_id", "sent_id", "neg", "neu", "pos", "compound"]
SUMMARY_COLUMNS = [
    "doc_id", "n_sentences", "mean_compound", "ci_low", "ci_high", "median_compound",
    "share_positive", "share_neutral", "share_negative",
]
CONTRIBUTION_COLUMNS = ["doc_id", "sent_id", "token", "start", "end", "contribution"]
SHIFT_COLUMNS = ["term", "contribution_a", "contribution_b", "difference", "rank"]

# Hutto & Gilbert's README classifies a text as positive/negative beyond a compound of ±0.05 (it includes the
# boundary; we follow the project's "beyond ±0.05", which only differs for a compound of exactly ±0.0500).
NEUTRAL_BAND = 0.05
# The date of the seed story (2020-01-03): a fixed default seed so every run reports the same interval.
DEFAULT_SEED = 20200103
# Contributions are differences of VADER's 4-decimal compounds; anything smaller is float noise.
ZERO = 1e-9
# Upper bound on resample indices drawn at once (n_boot × n_sentences), to keep memory near 32 MB.
_MAX_DRAWS = 4_000_000


@cache
def analyzer() -> SentimentIntensityAnalyzer:
    """The VADER analyzer, built once (it parses a 7,500-entry lexicon and 3,500 emojis from disk)."""
    return SentimentIntensityAnalyzer()


# ---------------------------------------------------------------------------------------------------------
# Sentence scores


@dataclass(frozen=True)
class SentimentScorer:
    """Score every sentence with VADER, exactly as ``SentimentIntensityAnalyzer.polarity_scores`` does.

    No settings: VADER's rules and constants are used unchanged so numbers compare with the literature.

    Call with a sentences table (needs ``doc_id, sent_id, text``; from :func:`framing.sentences`).

    Returns
    -------
    DataFrame in the input's row order with columns
        ``doc_id, sent_id``; ``neg, neu, pos`` (VADER's shares of the sentence's tokens that read negative,
        neutral, positive, rounded to 3 decimals; they sum to about 1); ``compound`` (the normalised sum of
        valences in [-1, 1], rounded to 4 decimals).
    """

    def __call__(self, sentences: pd.DataFrame) -> pd.DataFrame:
        return sentiment_tables(sentences, with_contributions=False)[0]


def score_sentiment(sentences: pd.DataFrame) -> pd.DataFrame:
    """``SentimentScorer()(sentences)``: columns ``doc_id, sent_id, neg, neu, pos, compound``."""
    return SentimentScorer()(sentences)


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
        return pd.DataFrame([], columns=SUMMARY_COLUMNS)
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
    }, columns=SUMMARY_COLUMNS)


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


class DocumentGroups:
    """The rows of a table in groups (one per document, or per document and voice), for per-group sums, means
    and counts without a pandas group per document.

    Reductions run once per distinct group length: the rows of the ``k`` groups with ``n`` rows form a
    ``(k, n)`` matrix, rows in table order, reduced along its rows. numpy reduces a contiguous row exactly as it
    reduces a 1-D array (pairwise summation), which is also what ``Series.sum``/``mean`` and ``np.median`` do
    for one group, so the results are bit for bit those of a loop over documents. (``groupby().sum()``, with its
    compensated summation, and ``np.add.reduceat`` can differ in the last bit.)

    Attributes
    ----------
    keys
        One key per group (e.g. the document ids), as plain Python values.
    n
        Number of groups.
    sizes
        Rows per group (``int64``; 0 for a group with no row).
    """

    def __init__(self, codes: np.ndarray, keys: list) -> None:
        """``codes``: the group number of each row (``-1``: in no group); ``keys``: one per group number."""
        self.keys = keys
        self.n = len(keys)
        self._codes = np.asarray(codes)
        rows = np.flatnonzero(self._codes >= 0)
        self.sizes = np.bincount(self._codes[rows], minlength=self.n).astype(np.int64)
        order = rows[np.argsort(self._codes[rows], kind="stable")]  # grouped; table order inside a group
        starts = np.cumsum(self.sizes) - self.sizes
        self._buckets = []
        for size in np.unique(self.sizes):
            members = np.flatnonzero(self.sizes == size)
            self._buckets.append((members, order[starts[members][:, None] + np.arange(size)]))

    @classmethod
    def of(cls, keys: pd.Series) -> DocumentGroups:
        """Groups of equal ``keys`` in first-seen order, rows with a missing key left out: the groups of
        ``groupby(keys, sort=False)``."""
        codes, uniques = pd.factorize(keys, sort=False)
        return cls(codes, list(uniques))

    def count(self, mask) -> np.ndarray:
        """Rows per group where ``mask`` (a boolean array over the table's rows) is true, as ``int64``."""
        mask = np.asarray(mask, dtype=bool) & (self._codes >= 0)
        return np.bincount(self._codes[mask], minlength=self.n).astype(np.int64)

    def matrices(self, values: np.ndarray) -> tuple[list[np.ndarray], list[np.ndarray]]:
        """``(groups, matrices)``: for each distinct length, the groups of that length and their values as a
        ``(groups, length)`` matrix."""
        values = np.asarray(values)
        return [members for members, _ in self._buckets], [values[rows] for _, rows in self._buckets]

    def reduce(self, values: np.ndarray, reduction) -> np.ndarray:
        """``reduction(matrix)`` (one value per row, e.g. ``lambda m: m.sum(axis=1)``) for every group."""
        result = np.empty(self.n)
        for members, matrix in zip(*self.matrices(values)):
            result[members] = reduction(matrix)
        return result

    def sum(self, values) -> np.ndarray:
        """Per-group sums that skip NaN, as ``Series.sum`` does for each group."""
        values = np.asarray(values, dtype=float)
        return self.reduce(np.where(np.isnan(values), 0.0, values), lambda matrix: matrix.sum(axis=1))

    def mean(self, values) -> np.ndarray:
        """Per-group means that skip NaN (NaN for a group with no value), as ``Series.mean`` does for each group."""
        values = np.asarray(values, dtype=float)
        present = self.count(~np.isnan(values))
        with np.errstate(invalid="ignore", divide="ignore"):
            return np.where(present > 0, self.sum(values) / present, np.nan)


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


# ---------------------------------------------------------------------------------------------------------
# Word contributions


class Token(NamedTuple):
    """A whitespace token of a sentence as VADER reads it."""

    raw: str  # the whitespace token; removed whole when re-scoring
    word: str  # surrounding punctuation stripped, unless that leaves 2 characters or fewer (VADER's rule)
    start: int  # offset of ``word`` in the sentence
    end: int


def vader_tokens(text: str) -> list[Token]:
    """Split a sentence the way VADER does: ``str.split()`` then strip surrounding punctuation per token."""
    tokens = []
    position = 0
    for raw in text.split():
        raw_start = text.index(raw, position)
        position = raw_start + len(raw)
        # VADER's own (private) rule, so the tokens are exactly the ones its lexicon lookups see.
        word = SentiText._strip_punc_if_word(raw)
        lead = 0 if word == raw else len(raw) - len(raw.lstrip(string.punctuation))
        tokens.append(Token(raw, word, raw_start + lead, raw_start + lead + len(word)))
    return tokens


def contributions(sentences: pd.DataFrame, *, exhaustive: bool = False) -> pd.DataFrame:
    """Which words made each sentence positive or negative, by leave-one-out re-scoring with VADER.

    A token's contribution is the sentence's compound minus the compound of the sentence with that whitespace
    token removed, so every VADER rule is respected: "not" in "not good" gets the (negative) effect of the
    negation, "very" the boost, "but" the reweighting of both halves, a token ending in "!" the emphasis.
    Contributions do not add up to the compound (the compound is not linear), and a plain word can have one
    when removing it moves a negation or booster into (or out of) VADER's three-word window.

    Only tokens that can change the score are re-scored: VADER lexicon words, tokens within VADER's window of
    a lexicon word when there is a modifier (booster, negation, "no", "least", idiom word, another lexicon
    word) near it, "but", tokens carrying "!" or "?", and the token whose removal would switch VADER's
    ALL-CAPS emphasis on or off. Sentences without a lexicon word are skipped (their compound is 0 with or
    without any token). A re-score recomputes only the valences near the removed token (see
    :class:`VaderReading`); sentences with an emoji are re-scored whole, token by token. ``exhaustive=True``
    re-scores every token of every sentence with ``polarity_scores`` on the shortened text (slow; it is the
    reference the shortcut is checked against, and gives the same table).

    Parameters
    ----------
    sentences
        Needs ``doc_id, sent_id, text``; ``start`` (the sentence's offset in its document) when present.

    Returns
    -------
    DataFrame with one row per token whose contribution is non-zero, in sentence and token order, columns
        ``doc_id, sent_id``; ``token`` (as VADER reads it: as written, surrounding punctuation stripped);
        ``start, end`` (offsets of ``token`` in the document's cleaned text: sentence start + offset in the
        sentence); ``contribution`` (compound with the token minus compound without it, 4 decimals).
    """
    if exhaustive:
        require_columns(sentences, ("doc_id", "sent_id", "text"), "sentences")
        return _contribution_table(sentences, [sentence_contributions(text, exhaustive=True)
                                               for text in _texts(sentences)])
    return sentiment_tables(sentences)[1]


def sentiment_tables(sentences: pd.DataFrame, *, with_contributions: bool = True
                     ) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The scores (as :class:`SentimentScorer`) and the word contributions (as :func:`contributions`; empty
    when ``with_contributions`` is false) of a sentences table, reading each sentence with VADER once."""
    require_columns(sentences, ("doc_id", "sent_id", "text"), "sentences")
    scores, found = [], []
    for text in _texts(sentences):
        reading = VaderReading(text)
        scores.append(reading.scores())
        if with_contributions:
            found.append(reading.contributions())
    table = pd.DataFrame.from_records(scores, columns=["neg", "neu", "pos", "compound"]).astype(float)
    table.insert(0, "doc_id", sentences["doc_id"].to_numpy())
    table.insert(1, "sent_id", sentences["sent_id"].to_numpy())
    return table[SCORE_COLUMNS], _contribution_table(sentences if with_contributions else sentences.iloc[:0], found)


def _contribution_table(sentences: pd.DataFrame, found: list[list[tuple[Token, float]]]) -> pd.DataFrame:
    starts = sentences["start"].to_numpy() if "start" in sentences else np.zeros(len(sentences), dtype=int)
    rows = [(doc_id, sent_id, token.word, int(offset) + token.start, int(offset) + token.end, contribution)
            for doc_id, sent_id, offset, tokens in zip(sentences["doc_id"], sentences["sent_id"], starts, found)
            for token, contribution in tokens]
    table = pd.DataFrame(rows, columns=CONTRIBUTION_COLUMNS)
    return table.astype({"sent_id": "int64", "start": "int64", "end": "int64", "contribution": "float64"})


def for_copies(by_text: pd.DataFrame, codes: np.ndarray, sentences: pd.DataFrame) -> pd.DataFrame:
    """Contributions computed once per distinct text, handed to every sentence with that text.

    Parameters
    ----------
    by_text
        :func:`contributions` of the distinct texts, scored with ``doc_id`` = ``sent_id`` = the text's number and
        ``start`` 0 (so offsets are within the text), in text-number order.
    codes
        For each sentence, the number of its text.
    sentences
        ``doc_id, sent_id, start`` of the sentences, in the order wanted.

    Returns
    -------
    The table :func:`contributions` gives for ``sentences`` (``doc_id, sent_id, token, start, end,
    contribution``; offsets into the document), in sentence order, with each text's rows in token order.
    """
    text_of_row = by_text["doc_id"].to_numpy(np.int64)
    counts = np.bincount(text_of_row, minlength=len(codes) and int(codes.max()) + 1)
    first = np.concatenate(([0], np.cumsum(counts)[:-1]))
    lengths = counts[codes]
    total = int(lengths.sum())
    # Row k of the result is row first[text] + (k − where this sentence's rows begin) of by_text.
    begins = np.repeat(np.cumsum(lengths) - lengths, lengths)
    rows = np.repeat(first[codes], lengths) + (np.arange(total) - begins)
    offset = np.repeat(sentences["start"].to_numpy(np.int64), lengths)
    table = pd.DataFrame({
        "doc_id": np.repeat(sentences["doc_id"].to_numpy(), lengths),
        "sent_id": np.repeat(sentences["sent_id"].to_numpy(np.int64), lengths),
        "token": by_text["token"].to_numpy()[rows],
        "start": by_text["start"].to_numpy(np.int64)[rows] + offset,
        "end": by_text["end"].to_numpy(np.int64)[rows] + offset,
        "contribution": by_text["contribution"].to_numpy(np.float64)[rows],
    })
    return table[CONTRIBUTION_COLUMNS]


def sentence_contributions(text: str, *, exhaustive: bool = False) -> list[tuple[Token, float]]:
    """``(token, contribution)`` for the tokens of one sentence whose contribution is non-zero."""
    if not exhaustive:
        return VaderReading(text).contributions()
    tokens = vader_tokens(text)
    polarity = analyzer().polarity_scores
    compound = polarity(text)["compound"]
    raws = [token.raw for token in tokens]
    out = []
    for index in range(len(tokens)):
        without = polarity(" ".join(raws[:index] + raws[index + 1:]))["compound"]
        contribution = round(compound - without, 4)
        if abs(contribution) > ZERO:
            out.append((tokens[index], contribution))
    return out


# A lexicon word's valence depends on the words from 3 before it to 2 after it (negations, boosters, idioms,
# "no", "kind of"): removing a token changes only the valences of words up to 2 before it and 3 after it.
_BEFORE, _AFTER = 3, 2
# After a removal a word's window can hold a word that stood 4 places away (one more on either side).
_REACH = _BEFORE + 1


class VaderReading:
    """One sentence read the way ``SentimentIntensityAnalyzer.polarity_scores`` reads it, kept for re-use.

    ``polarity_scores`` computes a valence per word (VADER's ``sentiment_valence`` with its window rules),
    applies the "but" rule to the list and turns it into scores (``score_valence``). This class makes the same
    calls in the same order, so :meth:`scores` equals ``polarity_scores(text)`` (tested on the seeds, the NYT
    snippets and generated sentences), but keeps the per-word valences: the sentence without one token then
    needs only the valences of the words near it recomputed, not the whole sentence re-read.
    Word contributions then cost about four to five VADER passes instead of about seven (the NYT snippets and the
    synthetic corpora of ``benchmarks/``, 2026-11-21).

    Sentences with an emoji are handed to ``polarity_scores`` whole (VADER replaces emojis by words first,
    which shifts every position).
    """

    def __init__(self, text: str):
        self.text = text
        self.vader = analyzer()
        self.has_emoji = _has_emoji(text)
        if self.has_emoji:
            self._scores = self.vader.polarity_scores(text)
        else:
            self.words = [SentiText._strip_punc_if_word(raw) for raw in text.split()]
            self.is_cap_diff = allcap_differential(self.words)
            self.valences = self._valences(self.words, self.is_cap_diff)
            self._scores = self._score(self.words, self.valences, text)

    def scores(self) -> dict:
        """``{"neg", "neu", "pos", "compound"}`` exactly as ``polarity_scores(text)``."""
        return dict(self._scores)

    def contributions(self) -> list[tuple[Token, float]]:
        """``(token, compound − compound without the token)`` for tokens where that is non-zero."""
        self.tokens = vader_tokens(self.text)  # offsets are only needed here
        self.raws = [token.raw for token in self.tokens]
        if self.has_emoji:
            indices = range(len(self.tokens))
        else:
            self.lower = [word.lower() for word in self.words]
            context = _context(self.lower, self.vader.lexicon)
            indices = sorted(_candidates(self.tokens, self.lower, context, self.vader.lexicon))
            self.buts = self.lower.count("but")
            self.settled = _settled(context)
        if not indices:
            return []
        compound = self._scores["compound"]
        out = []
        for index in indices:
            contribution = round(compound - self.compound_without(index), 4)
            if abs(contribution) > ZERO:
                out.append((self.tokens[index], contribution))
        return out

    def compound_without(self, index: int) -> float:
        """The compound of the sentence with its ``index``-th whitespace token removed."""
        shorter = " ".join(self.raws[:index] + self.raws[index + 1:])
        if self.has_emoji:
            return self.vader.polarity_scores(shorter)["compound"]
        words = self.words[:index] + self.words[index + 1:]
        is_cap_diff = allcap_differential(words)
        if is_cap_diff != self.is_cap_diff:
            valences = self._valences(words, is_cap_diff)  # ALL-CAPS emphasis switched: every valence changes
        else:
            valences = self.valences[:index] + self.valences[index + 1:]
            # New positions of the words that stood up to _AFTER before the token and _BEFORE after it.
            for i in range(max(0, index - _AFTER), min(len(words), index + _BEFORE)):
                if not self.settled[i if i < index else i + 1]:
                    valences[i] = self._valence(words, is_cap_diff, i)
        with_but = self.buts - (self.lower[index] == "but") > 0
        return self._score(words, valences, shorter, with_but=with_but)["compound"]

    def _valences(self, words: list[str], is_cap_diff: bool) -> list[float]:
        return [self._valence(words, is_cap_diff, i) for i in range(len(words))]

    def _valence(self, words: list[str], is_cap_diff: bool, i: int) -> float:
        """The valence ``polarity_scores`` gives word ``i`` (before the "but" rule)."""
        lower = words[i].lower()
        if lower not in self.vader.lexicon or lower in BOOSTER_DICT:
            return 0  # boosters score 0 themselves; a word outside the lexicon keeps the starting valence 0
        if lower == "kind" and i < len(words) - 1 and words[i + 1].lower() == "of":
            return 0
        # VADER lowercases the whole sentence in each of its window checks; handing it only the window (3 words
        # before, 2 after: all it reads) keeps a long sentence linear. Positions inside the window keep their
        # meaning: the word is at index min(i, 3), and the window ends where the sentence does when it does.
        first = max(0, i - 3)
        window = self._sentitext(words[first:i + 3], is_cap_diff)
        return self.vader.sentiment_valence(0, window, words[i], i - first, [])[-1]

    def _score(self, words: list[str], valences: list[float], text: str, *, with_but: bool = True) -> dict:
        # _but_check rewrites the list it is given, so it gets a copy; the kept valences stay pre-"but". Without
        # a "but" among the words it changes nothing, so the caller may skip it.
        if with_but:
            valences = self.vader._but_check(words, list(valences))
        return self.vader.score_valence(valences, text.strip())

    @staticmethod
    def _sentitext(words: list[str], is_cap_diff: bool) -> SentiText:
        # SentiText's constructor would split and strip the text again; the words are already VADER's.
        sentitext = SentiText.__new__(SentiText)
        sentitext.words_and_emoticons = words
        sentitext.is_cap_diff = is_cap_diff
        return sentitext


# Words that change a lexicon word's valence from a neighbouring position in vaderSentiment 3.3.2:
# boosters/dampeners (also the parts of "kind of", "sort of", "just enough"), the words of its special-case
# idioms ("the shit", "kiss of death"...), "no" (and "or"/"nor" after it), "least" (with "at"/"very"),
# "never so/this", "without doubt". Negations are VADER's NEGATE list and words containing "n't".
_MODIFIERS = frozenset(
    {word for phrase in [*BOOSTER_DICT, *SPECIAL_CASES] for word in phrase.split()}
    | {"no", "or", "nor", "least", "at", "very", "never", "so", "this", "without", "doubt", "kind", "of"}
)


_NEGATIONS = frozenset(NEGATE)


def _candidates(tokens: list[Token], lower: list[str], context: list[bool], lexicon: dict) -> set[int]:
    """Indices of the tokens whose removal can change VADER's compound; see :func:`contributions`.

    VADER reads the 3 words before a lexicon word (boosters, negations, idioms) and up to 2 after it (idioms,
    "no" + lexicon word, "kind of"). Removing a token only changes what a lexicon word sees when the token lies
    inside that neighbourhood, and only matters if something VADER reacts to is within one more word of it.
    Checked equal to re-scoring every token on the seeds, on the 5,190 NYT snippets of the VADER paper and on
    20,000 generated sentences of modifiers and fillers (2026-11-21; a smaller run is in the tests).
    """
    anchors = [i for i, word in enumerate(lower) if word in lexicon]
    if not anchors:
        return set()
    n = len(tokens)
    picked = set(anchors)
    picked.update(i for i, token in enumerate(tokens)
                  if lower[i] == "but" or "!" in token.raw or "?" in token.raw)
    for i in anchors:
        if _context_near(context, i, before=4, after=3):
            picked.update(k for k in range(max(0, i - 3), min(n, i + 3)) if k != i)
    picked.update(_caps_switches(tokens, lower, lexicon))
    return picked


def _settled(context: list[bool]) -> list[bool]:
    """Per word: is its valence beyond the reach of any removal? True for a word outside the lexicon (always 0,
    wherever it stands) and for a lexicon word with no word VADER reacts to (lexicon word, modifier, negation)
    within :data:`_REACH` words of it: removing a neighbour then only shifts plain words in and out of its
    window, so (unless ALL-CAPS emphasis switches) its valence stays the same."""
    return [not context[i] or not _context_near(context, i, before=_REACH, after=_REACH)
            for i in range(len(context))]


def _context_near(context: list[bool], i: int, *, before: int, after: int) -> bool:
    """Is there a word VADER reacts to among the ``before`` words before word ``i`` and the ``after`` after it?"""
    return any(context[k] for k in range(max(0, i - before), min(len(context), i + after + 1)) if k != i)


def _context(lower: list[str], lexicon: dict) -> list[bool]:
    """Per lowercased word: does VADER react to it (lexicon word, modifier, negation)?"""
    # VADER's ``negated([word])``: a word of its NEGATE list or any word containing "n't".
    return [word in lexicon or word in _MODIFIERS or word in _NEGATIONS or "n't" in word for word in lower]


def _caps_switches(tokens: list[Token], lower: list[str], lexicon: dict) -> list[int]:
    """The token whose removal turns VADER's ALL-CAPS emphasis off (it needs some but not all words in caps)."""
    upper = [token.word.isupper() for token in tokens]
    emphasised = any(up and (word in lexicon or word in BOOSTER_DICT) for up, word in zip(upper, lower))
    if not emphasised:
        return []
    switches = []
    if sum(upper) == 1:
        switches.append(upper.index(True))
    if len(upper) - sum(upper) == 1:
        switches.append(upper.index(False))
    return switches


def _has_emoji(text: str) -> bool:
    # polarity_scores replaces single characters found in its emoji lexicon; the set test runs in C.
    return not _emoji_characters().isdisjoint(text)


@cache
def _emoji_characters() -> frozenset[str]:
    return frozenset(analyzer().emojis)


# ---------------------------------------------------------------------------------------------------------
# Word shift


def word_shift(contribs: pd.DataFrame, scores: pd.DataFrame, doc_a: str, doc_b: str, *,
               top: int | None = None) -> pd.DataFrame:
    """Which terms make document A read more negative (or positive) than document B, per sentence scored.

    Each term's contributions (from :func:`contributions`, summed over the lowercased token) are divided by the
    number of sentences scored in that document (rows of ``scores``), so a long document does not win by
    length. ``difference`` is A − B: a negative difference means the term pulls A's sentences further
    towards negative than B's, per sentence (e.g. "terrorist" used often in A and never in B); a positive one
    means it makes A more positive than B (or B more negative than A).

    Parameters
    ----------
    contribs
        From :func:`contributions` (needs ``doc_id, token, contribution``).
    scores
        From :class:`SentimentScorer` (needs ``doc_id``): the sentences that were scored.
    doc_a, doc_b
        The two documents to compare.
    top
        Keep only the ``top`` terms by absolute difference; all terms when ``None``.

    Returns
    -------
    DataFrame with one row per term found in either document, sorted by ``rank``, columns
        ``term`` (lowercased token); ``contribution_a, contribution_b`` (summed contribution per sentence scored
        in A and in B; 0 where the term does not occur); ``difference`` (a − b); ``rank`` (1 = largest
        absolute difference; ties broken by term).
    """
    require_columns(contribs, ("doc_id", "token", "contribution"), "contributions")
    require_columns(scores, ("doc_id",), "scores")
    n_sentences = scores["doc_id"].value_counts()
    for doc_id in (doc_a, doc_b):
        if doc_id not in n_sentences.index:
            known = ", ".join(map(str, scores["doc_id"].unique()))
            raise input_error(None, f"unknown doc_id {doc_id!r}; the scores hold: {known}")
    per_sentence = [_term_totals(contribs, doc_id) / n_sentences[doc_id] for doc_id in (doc_a, doc_b)]
    table = pd.concat(per_sentence, axis=1, keys=["contribution_a", "contribution_b"]).fillna(0.0)
    table = table.rename_axis("term").reset_index()
    table["difference"] = table["contribution_a"] - table["contribution_b"]
    table["size"] = table["difference"].abs()
    table = table.sort_values(["size", "term"], ascending=[False, True], kind="stable", ignore_index=True)
    table["rank"] = np.arange(1, len(table) + 1)
    if top is not None:
        table = table.head(top)
    return table[SHIFT_COLUMNS]


def _term_totals(contribs: pd.DataFrame, doc_id: str) -> pd.Series:
    rows = contribs[contribs["doc_id"] == doc_id]
    return rows.groupby(rows["token"].str.lower())["contribution"].sum().astype(float)


# ---------------------------------------------------------------------------------------------------------
# Helpers


def _texts(sentences: pd.DataFrame) -> list[str]:
    # A missing text is an empty sentence (compound 0), not the string "nan".
    return ["" if pd.isna(text) else str(text) for text in sentences["text"]]
