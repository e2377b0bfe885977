"""VADER read the way ``SentimentIntensityAnalyzer.polarity_scores`` reads a sentence, with its word valences kept.

The sentence scores (:mod:`framing.scorers.sentiment`) and the word contributions
(:mod:`framing.scorers.contributions`) both read each sentence through :class:`VaderReading`, so a corpus is read
by VADER once; the class makes VADER's own calls in VADER's order, so its scores are ``polarity_scores``'s.
"""

from __future__ import annotations

import string
from functools import cache
from typing import NamedTuple

import pandas as pd
from vaderSentiment.vaderSentiment import (
    BOOSTER_DICT,
    SPECIAL_CASES,
    SentimentIntensityAnalyzer,
    NEGATE,
    SentiText,
    allcap_differential,
)

# Contributions are differences of VADER's 4-decimal compounds; anything smaller is float noise.
ZERO = 1e-9


@cache
def analyzer() -> SentimentIntensityAnalyzer:
    """The VADER analyzer, built once (it parses a 7,500-entry lexicon and 3,500 emojis from disk)."""
    return SentimentIntensityAnalyzer()


def texts_of(sentences: pd.DataFrame) -> list[str]:
    # A missing text is an empty sentence (compound 0), not the string "nan".
    return ["" if pd.isna(text) else str(text) for text in sentences["text"]]


class VaderToken(NamedTuple):
    """A whitespace token of a sentence as VADER reads it."""

    raw: str  # the whitespace token; removed whole when re-scoring
    word: str  # surrounding punctuation stripped, unless that leaves 2 characters or fewer (VADER's rule)
    start: int  # offset of ``word`` in the sentence
    end: int


def vader_tokens(text: str) -> list[VaderToken]:
    """Split a sentence the way VADER does: ``str.split()`` then strip surrounding punctuation per token."""
    tokens = []
    position = 0
    for raw in text.split():
        raw_start = text.index(raw, position)
        position = raw_start + len(raw)
        # VADER's own (private) rule, so the tokens are exactly the ones its lexicon lookups see.
        word = SentiText._strip_punc_if_word(raw)
        lead = 0 if word == raw else len(raw) - len(raw.lstrip(string.punctuation))
        tokens.append(VaderToken(raw, word, raw_start + lead, raw_start + lead + len(word)))
    return tokens


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

    def contributions(self) -> list[tuple[VaderToken, float]]:
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


def _candidates(tokens: list[VaderToken], lower: list[str], context: list[bool], lexicon: dict) -> set[int]:
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


def _caps_switches(tokens: list[VaderToken], lower: list[str], lexicon: dict) -> list[int]:
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
