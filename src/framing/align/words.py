"""Words of a sentence, the corpus's proper names and the features a sentence is compared on.

A feature is ``N:name`` (a proper name, demonyms folded into their place), ``Y:year`` (1800–2099) or a word stem
(Snowball, after folding British spellings); stop words and reporting verbs give none.
"""

from __future__ import annotations

import re
import sys
import threading
from collections import Counter
from functools import lru_cache
from typing import NamedTuple

from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

# Attribution and reporting words say who told the story, not what happened in it; left in, they pair
# "X said A" with "Y said B".
REPORTING_WORDS = frozenset({
    "according", "reportedly", "reported", "reports", "report", "said", "says", "say", "told", "tells",
    "added", "claimed", "stated", "described", "also", "including", "mr", "ms",
})
STOP_WORDS = frozenset(ENGLISH_STOP_WORDS) | REPORTING_WORDS
MONTHS = frozenset("january february march april may june july august september october november december "
                   "monday tuesday wednesday thursday friday saturday sunday".split())
TOKEN = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
YEAR = re.compile(r"^(?:18|19|20)\d\d$")
# Share of a word's mid-sentence occurrences that must be capitalised for it to count as a proper name.
NAME_SHARE = 0.8
# Suffixes that turn a place or people into its adjective or plural: folded only when the shorter form is a
# name in the same corpus ("Iraqi" → "Iraq", "Syrian" → "Syria" via "Syri" + "a").
DEMONYM_SUFFIXES = ("ians", "ian", "ish", "ese", "is", "i", "an", "n", "s")
BRITISH = ((re.compile(r"is(e|ed|es|ing|ation|ations)$"), r"iz\1"), (re.compile(r"tre$"), "ter"))


@lru_cache(maxsize=65536)
def _stem(word: str) -> str:
    for pattern, replacement in BRITISH:
        word = pattern.sub(replacement, word)
    return _english_stemmer().stemWord(word)


# One per thread: a PyStemmer object keeps a cache of its own and is not documented as safe to share.
_STEMMERS = threading.local()


def _english_stemmer():
    """The Snowball project's English stemmer (PyStemmer 3.1 or later, in C: Snowball 3's English algorithm).

    Not NLTK's Snowball stemmer, which framing used until 2026-12: that one needs the whole of NLTK imported
    (2.6 s of CPU in a fresh process, 0.25–0.5 s after scipy.stats and scikit-learn), stems five times slower, and
    follows an older version of the algorithm that gives "international" the stem of "intern", "organization"
    that of "organ" and "emergency" that of "emerge" (42 of 22,403 words of the seeds, the benchmark datasets and
    1,000 synthetic articles stem differently: benchmarks/RESULTS.md, session 24).
    """
    stemmer = getattr(_STEMMERS, "english", None)
    if stemmer is None:
        import Stemmer

        stemmer = _STEMMERS.english = Stemmer.Stemmer("english")
    return stemmer


class Words(NamedTuple):
    """A sentence's words, compactly: a corpus keeps one of these per sentence, so no object per word.

    The first word is capitalised whatever it is (the sentence's initial); ``joined`` has bit ``k`` set when only
    spaces separate word ``k`` from the next ("Qasem Soleimani", not "Iran–Iraq" or "Iran, Iraq").
    """

    texts: tuple[str, ...]  # interned: a corpus has millions of words but a vocabulary of thousands
    joined: int

    def is_joined(self, k: int) -> bool:
        return bool(self.joined >> k & 1)


def split_words(text: str) -> Words:
    """The words of a text; "Iran–Iraq" gives two words, "Soleimani's" gives "Soleimani"."""
    matches = list(TOKEN.finditer(text))
    texts, joined = [], 0
    for index, match in enumerate(matches):
        word = match.group().replace("’", "'")
        if word.lower().endswith("'s"):
            word = word[:-2]
        if index + 1 < len(matches) and not text[match.end():matches[index + 1].start()].strip():
            joined |= 1 << index
        texts.append(sys.intern(word))
    return Words(tuple(texts), joined)


class Names(NamedTuple):
    """Proper names of a corpus (lower case) and the given names and titles among them."""

    names: frozenset[str]
    given: frozenset[str]


def proper_names(texts) -> Names:
    """Find the corpus's proper names, and which of them are given names or titles.

    A name is a word the texts capitalise in at least 80% of its non-initial occurrences. A given name (or title)
    is a name followed directly by another name in at least 80% of its occurrences ("Qasem" Soleimani, "Ryan"
    Crocker, "Supreme Leader" Khamenei): the name after it carries the identity, and a profile's subject would
    otherwise tie every sentence that spells the full name ("Qasem Soleimani") to every other.
    """
    return find_names([split_words(text) for text in texts])


def find_names(sentences: list[Words], copies=None) -> Names:
    """Names of ``sentences``; ``copies`` (default 1 each) says how many sentences each stands for."""
    copies = [1] * len(sentences) if copies is None else copies
    capitalised, lower = Counter(), Counter()
    for words, weight in zip(sentences, copies):
        for text in words.texts[1:]:
            if text[:1].isalpha():
                (capitalised if text[:1].isupper() else lower)[text.lower()] += weight
    names = frozenset(word for word, count in capitalised.items()
                      if count >= NAME_SHARE * (count + lower[word]) and word not in STOP_WORDS
                      and word not in MONTHS and len(word) > 1)
    before_name, seen = Counter(), Counter()
    for words, weight in zip(sentences, copies):
        keys = [text.lower() for text in words.texts]
        for k, key in enumerate(keys):
            if key in names:
                seen[key] += weight
                if words.is_joined(k) and k + 1 < len(keys) and keys[k + 1] in names:
                    before_name[key] += weight
    given = frozenset(word for word, count in seen.items() if before_name[word] >= NAME_SHARE * count)
    return Names(names, given)


def _demonyms(names: frozenset[str]) -> dict[str, str]:
    folded = {}
    for name in names:
        for suffix in DEMONYM_SUFFIXES:
            stem = name[:-len(suffix)]
            if name.endswith(suffix) and len(stem) >= 4:
                if stem in names:
                    folded[name] = stem
                    break
                if stem + "a" in names:
                    folded[name] = stem + "a"
                    break
    return folded


class TextCopies(NamedTuple):
    """The words of a distinct text and the number of sentences with that text."""

    words: Words
    n: int


class FeatureAnalyzer:
    """Turn a text into feature strings: ``N:name``, ``Y:year`` or a word stem (picklable, unlike a lambda).

    With ``written`` set, it also counts, per feature, the written forms behind it (for labels); a text given as
    :class:`TextCopies` counts once per copy.
    """

    def __init__(self, names: Names, *, written: dict[str, Counter] | None = None):
        self.names = names.names
        self.given = names.given
        self.folded = _demonyms(names.names)
        self.written = written
        self._feature: dict[str, str | None] = {}  # lower-case word → its feature out of context

    def __call__(self, words: Words | TextCopies | str) -> list[str]:
        weight = 1
        if isinstance(words, TextCopies):
            words, weight = words.words, words.n
        if isinstance(words, str):
            words = split_words(words)
        features = []
        texts = words.texts
        for k, text in enumerate(texts):
            lower = text.lower()
            feature = self._feature.get(lower, False)
            if feature is False:
                feature = self._feature[lower] = self._word_feature(lower)
            if feature is None:
                continue
            if self.written is not None:
                self.written.setdefault(feature, Counter())[text if feature.startswith("N:") else lower] += weight
            if lower in self.given and words.is_joined(k) and k + 1 < len(texts) \
                    and texts[k + 1].lower() in self.names:
                continue  # a given name or title: the name after it carries the identity
            features.append(feature)
        return features

    def _word_feature(self, lower: str) -> str | None:
        if YEAR.match(lower):
            return "Y:" + lower
        if lower in STOP_WORDS or len(lower) < 2 or lower.isdigit() and len(lower) < 3:
            return None
        if lower in self.names:
            return "N:" + self.folded.get(lower, lower)
        return _stem(lower)
