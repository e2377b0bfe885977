"""Align documents on the events they share, so framing is compared like with like.

Data flow::

    sentences ──Aligner──▶ pairs ──events()──▶ Events(members, labels) ──event_comparison()──▶ comparison
                              │                                                                    │
                              └──────────────word_choice(pairs, loaded-term hits)     omissions() ◀┘

**Similarity.** Each sentence becomes a TF-IDF vector of its content words (counts from scikit-learn's
``CountVectorizer``; sublinear term frequency; IDF ``log((1 + n) / (1 + df))`` over the corpus's sentences,
squared so that the rare, event-specific word counts most). Stop words and reporting verbs are dropped (they say
who said it, not what happened); words are stemmed (Snowball) after folding British spellings (-ise, -tre).
Proper names — words the corpus itself capitalises mid-sentence at least 80% of the time — are one feature per
name, demonyms folded into their place ("Kurdish"/"Kurds", "Iraqi"/"Iraq", "Syrian"/"Syria"), given names and
titles folded into the name after them ("Qasem Soleimani" → Soleimani), weighted by ``name_weight``; four-digit
years 1800–2099 are features weighted by ``year_weight``. Similarity is the cosine of the vectors. Two sentences
that both give years, none within a year of the other's, usually tell different events ("sanctioned in 2007" /
"sanctioned again in 2011"), so their similarity is multiplied by ``year_conflict``.

**Short runs.** A fact is sometimes split over two sentences ("…met Hill and Odierno." "Hill and Odierno denied
the meeting."). Runs of up to ``max_run`` adjacent sentences of one section are compared with the other
documents' sentences (never run with run); a run counts only when it is more similar to that sentence than each
of its own sentences alone, and then each of its sentences is paired with it at the run's similarity.

**Which pairs.** A pair is proposed when its similarity reaches ``threshold``, the two sides share at least
``min_shared`` features (one shared word between two short captions is coincidence, not an event), and it is
among the ``top_k`` best partners, in that document, of at least one of its two sentences (so a sentence about a
busy topic does not pair with every sentence that shares a name).

**Where the numbers come from.** The feature design and weights were compared on the hand-made gold pairs in
``tests/data/alignment_gold.csv``; the threshold 0.18 was chosen with those pairs *and* a hand audit of what the
aligner proposes beyond them (the gold set's 57 negatives are hard cases; the ~21,000 easy negatives of the
seeds decide how low a threshold can go). ``benchmarks/alignment.py`` re-measures everything; the numbers are in
``benchmarks/RESULTS.md`` (gold precision 0.82, recall 0.51 at 0.18 — below the 0.8 recall hoped for).

All pair scores come from sparse matrix products, a block of rows at a time, keeping only entries at or above
the threshold: nothing loops over all pairs in Python. Verbatim copies (wire copy repeats whole sentences across
articles) are featurized and multiplied once, and their pairs handed to every copy with the same partner cap and
tie order as if each copy had been compared (:mod:`framing.align_pairs`).
"""

from __future__ import annotations

import re
import sys
import tomllib
from collections import Counter
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib.resources import files
from pathlib import Path
from typing import Literal, NamedTuple

import numpy as np
import pandas as pd
import scipy.sparse as sp
from nltk.stem.snowball import SnowballStemmer
from scipy.cluster.hierarchy import fcluster, linkage
from scipy.sparse.csgraph import connected_components
from scipy.spatial.distance import squareform
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, CountVectorizer
from sklearn.preprocessing import normalize

from . import align_pairs as pairs_module
from .align_pairs import MAX_PARTNERS, YEAR_IN_TEXT  # noqa: F401  (part of this module's names)
from .errors import input_error

PAIR_COLUMNS = ["doc_a", "sent_a", "doc_b", "sent_b", "similarity"]
EVENT_COLUMNS = ["event_id", "doc_id", "sent_id", "similarity"]
LABEL_COLUMNS = ["event_id", "label", "n_documents", "n_sentences", "source"]
COMPARISON_COLUMNS = ["event_id", "label", "doc_id", "n_sentences", "mean_compound", "loaded_authorial",
                      "loaded_reported", "share_attributed", "sentences"]
OMISSION_COLUMNS = ["event_id", "label", "covered_by", "missing_from"]
WORD_CHOICE_COLUMNS = ["doc_a", "sent_a", "doc_b", "sent_b", "loaded_doc", "term", "lemma", "neutral",
                       "other_side_text"]
EventSource = Literal["events file", "clustered"]
SEED_EVENTS = "events_seeds.toml"

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


# ---------------------------------------------------------------------------------------------------------
# Vectors


@lru_cache(maxsize=65536)
def _stem(word: str) -> str:
    for pattern, replacement in BRITISH:
        word = pattern.sub(replacement, word)
    return _STEMMER.stem(word)


_STEMMER = SnowballStemmer("english")


class Words(NamedTuple):
    """A sentence's words, compactly: a corpus keeps one of these per sentence, so no object per word.

    The first word is capitalised whatever it is (the sentence's initial); ``joined`` has bit ``k`` set when only
    spaces separate word ``k`` from the next ("Qasem Soleimani", not "Iran–Iraq" or "Iran, Iraq").
    """

    texts: tuple[str, ...]  # interned: a corpus has millions of words but a vocabulary of thousands
    joined: int

    def is_joined(self, k: int) -> bool:
        return bool(self.joined >> k & 1)


def _words(text: str) -> Words:
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
    return _find_names([_words(text) for text in texts])


def _find_names(sentences: list[Words], copies=None) -> Names:
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


class _Copies(NamedTuple):
    """The words of a distinct text and the number of sentences with that text."""

    words: Words
    n: int


class _Analyzer:
    """Turn a text into feature strings: ``N:name``, ``Y:year`` or a word stem (picklable, unlike a lambda).

    With ``written`` set, it also counts, per feature, the written forms behind it (for labels); a text given as
    :class:`_Copies` counts once per copy.
    """

    def __init__(self, names: Names, *, written: dict[str, Counter] | None = None):
        self.names = names.names
        self.given = names.given
        self.folded = _demonyms(names.names)
        self.written = written
        self._feature: dict[str, str | None] = {}  # lower-case word → its feature out of context

    def __call__(self, words: Words | _Copies | str) -> list[str]:
        weight = 1
        if isinstance(words, _Copies):
            words, weight = words.words, words.n
        if isinstance(words, str):
            words = _words(words)
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


class Featurized(NamedTuple):
    """What :meth:`Aligner.featurize` returns: the sentences' feature counts, computed once per corpus and shared
    by :meth:`Aligner.align` and :func:`events`."""

    counts: sp.csr_matrix  # sentences × features
    features: np.ndarray
    display: dict[str, str]  # feature → the form most often written ("sanction" → "sanctions", "N:iraq" → "Iraq")


class Vectors(NamedTuple):
    """What :meth:`Aligner.vectors` returns: unit-length rows, one per sentence, and how to read the columns."""

    matrix: sp.csr_matrix
    features: np.ndarray
    weights: np.ndarray
    display: dict[str, str] | None


# ---------------------------------------------------------------------------------------------------------
# Aligner


@dataclass(frozen=True)
class Aligner:
    """Find sentences (or short runs of sentences) in different documents that tell the same event.

    Call it with a sentences table (``doc_id, sent_id, section, text``; from :func:`framing.sentences`).

    Parameters
    ----------
    threshold
        Lowest similarity of a proposed pair. Default chosen on held-out halves of the gold pairs together with
        an audit of non-gold proposals (``benchmarks/RESULTS.md``).
    max_run
        Longest run of adjacent sentences compared as one unit (1 = sentences only).
    name_weight, year_weight
        Multipliers of the TF-IDF weight of proper-name and year features before the vectors are normalised.
    year_conflict
        Multiplier of the similarity of two sentences whose years all differ by more than one.
    top_k
        A pair must be among the ``top_k`` most similar partners, in the other document, of at least one of its
        sentences. ``None`` switches the guard off.
    idf_power
        Exponent of the IDF (2: rare words dominate).
    min_shared
        Features two units must share to be compared at all.
    """

    threshold: float = 0.18
    max_run: int = 2
    name_weight: float = 1.5
    year_weight: float = 1.5
    year_conflict: float = 0.5
    top_k: int | None = 3
    idf_power: float = 2.0
    min_shared: int = 2

    def __post_init__(self):
        if not 0 < self.threshold <= 1:
            raise input_error(None, f"alignment threshold must be in (0, 1], got {self.threshold}")
        if self.max_run < 1:
            raise input_error(None, f"max_run must be at least 1, got {self.max_run}")
        if self.top_k is not None and self.top_k < 1:
            raise input_error(None, f"top_k must be at least 1 or None, got {self.top_k}")

    def __call__(self, sentences: pd.DataFrame) -> pd.DataFrame:
        return self.align(sentences)

    def featurize(self, sentences: pd.DataFrame) -> Featurized:
        """Count every sentence's features (``N:`` names, ``Y:`` years, word stems) and find their written forms.

        The counts depend only on the texts, so one featurization serves :meth:`align` and :func:`events` of the
        same sentences (pass it as ``featurized=``). Each distinct text is read once (wire copy repeats sentences
        word for word); names and written forms are counted once per copy, as if every copy had been read.
        """
        text_key, distinct = pd.factorize(sentences["text"].astype(str))
        copies = np.bincount(text_key, minlength=len(distinct))
        words = [_words(text) for text in distinct]
        written: dict[str, Counter] = {}
        counter = CountVectorizer(analyzer=_Analyzer(_find_names(words, copies.tolist()), written=written))
        try:
            # Distinct texts in order of first appearance: the vocabulary, and so every row, is as if each copy
            # had been counted.
            counts = counter.fit_transform([_Copies(w, int(c)) for w, c in zip(words, copies)]).tocsr()
            features = counter.get_feature_names_out().astype(str)
        except ValueError:  # no sentence has a content word, name or year: nothing to align, not an error
            return Featurized(sp.csr_matrix((len(sentences), 0)), np.array([], dtype=str), {})
        display = {feature: forms.most_common(1)[0][0] for feature, forms in written.items()}
        return Featurized(counts[text_key], features, display)

    def vectors(self, sentences: pd.DataFrame, *, runs: sp.spmatrix | None = None,
                display: bool = False, featurized: Featurized | None = None) -> Vectors:
        """TF-IDF vectors of the sentences, or of runs of them.

        Term frequencies are sublinear (1 + log count); the IDF is ``log((1 + n) / (1 + df))`` over the sentences,
        raised to ``idf_power`` and multiplied by ``name_weight`` / ``year_weight`` for name and year features.

        Parameters
        ----------
        runs
            Optional 0/1 matrix (units × sentences): each row's vector counts the words of its sentences.
        display
            Also map features to a written form, for labels.
        featurized
            :meth:`featurize` of these sentences, when already computed.

        Returns
        -------
        Vectors(matrix, features, weights, display): ``matrix`` is a CSR matrix with one unit-length row per
        sentence (or run); ``features`` names its columns (``N:`` names, ``Y:`` years, word stems); ``weights``
        are the column weights; ``display`` maps a feature to the form most often written (or ``None``).
        """
        featurized = featurized or self.featurize(sentences)
        counts, features = featurized.counts, featurized.features
        if len(features) == 0:
            empty = sp.csr_matrix((counts.shape[0] if runs is None else runs.shape[0], 0))
            return Vectors(empty, features, np.zeros(0), {} if display else None)
        document_frequency = np.bincount(counts.indices, minlength=len(features))
        # scikit-learn's TfidfTransformer adds 1 to every IDF so that words in every sentence keep some weight;
        # here they should not: "Soleimani" in half the sentences of a profile says nothing about which event a
        # sentence tells. Squaring the IDF (idf_power 2) lets the rare, event-specific word dominate: at equal
        # numbers of proposals it found more gold pairs (benchmarks/RESULTS.md).
        idf = np.log((1.0 + counts.shape[0]) / (1.0 + document_frequency))
        kind = np.where(np.char.startswith(features, "N:"), self.name_weight,
                        np.where(np.char.startswith(features, "Y:"), self.year_weight, 1.0))
        weights = kind * idf ** self.idf_power
        if runs is not None:
            counts = sp.csr_matrix(runs @ counts)
        tf = counts.astype(float)
        tf.data = 1.0 + np.log(tf.data)
        matrix = normalize(sp.csr_matrix(tf @ sp.diags(weights)))
        return Vectors(matrix, features, weights, featurized.display if display else None)

    def align(self, sentences: pd.DataFrame, *, threshold: float | None = None,
              featurized: Featurized | None = None) -> pd.DataFrame:
        """Propose the aligned sentence pairs of every pair of documents.

        Parameters
        ----------
        sentences
            From :func:`framing.sentences`; needs ``doc_id, sent_id, section, text``.
        threshold
            Overrides the aligner's threshold for this call.
        featurized
            :meth:`featurize` of these sentences, when already computed.

        Returns
        -------
        DataFrame with one row per aligned sentence pair: ``doc_a, sent_a, doc_b, sent_b`` (``doc_a`` comes
        before ``doc_b`` in the sentences table's document order; ``sent_*`` are ``sent_id``) and ``similarity``
        (cosine in [0, 1] after the year-conflict factor). Sorted by ``doc_a, sent_a, doc_b, sent_b``. Every copy
        of a repeated sentence has its own rows, as if each had been compared on its own; the partner cap keeps
        the table linear in sentences (:mod:`framing.align_pairs`).
        """
        aligner = self if threshold is None else replace(self, threshold=threshold)
        return aligner._align(_require(sentences, ("doc_id", "sent_id", "section", "text"), "sentences"),
                              featurized)

    def _align(self, sentences: pd.DataFrame, featurized: Featurized | None) -> pd.DataFrame:
        sentences = sentences.reset_index(drop=True)
        if sentences["doc_id"].nunique() < 2:
            return _empty(PAIR_COLUMNS)
        doc = pd.factorize(sentences["doc_id"])[0]
        text_key = pd.factorize(sentences["text"].astype(str))[0]
        units = pairs_module.units(doc, sentences["section"].to_numpy(), text_key, self.max_run)
        # One vector per distinct unit: copies of a sentence or run are compared once (align_pairs).
        distinct = pairs_module.membership(units, pairs_module.representatives(units), len(sentences))
        matrix = self.vectors(sentences, runs=distinct, featurized=featurized).matrix
        pairs = pairs_module.sentence_pairs(matrix, units, self.threshold, self.min_shared)
        conflict = pairs_module.year_conflicts(sentences["text"], text_key, pairs.i, pairs.j)
        pairs = pairs._replace(similarity=pairs.similarity * np.where(conflict, self.year_conflict, 1.0))
        kept = pairs.similarity >= self.threshold
        if self.top_k is not None:
            kept &= pairs_module.top_k(pairs, doc, self.top_k)
        return _pairs_table(sentences, pairs_module.Pairs(*(column[kept] for column in pairs)))


def align(sentences: pd.DataFrame, *, threshold: float | None = None,
          featurized: Featurized | None = None) -> pd.DataFrame:
    """``Aligner().align(sentences, threshold=threshold)``; see :meth:`Aligner.align` for the columns."""
    return Aligner().align(sentences, threshold=threshold, featurized=featurized)


def _pairs_table(sentences: pd.DataFrame, pairs: pairs_module.Pairs) -> pd.DataFrame:
    """The pairs table (:data:`PAIR_COLUMNS`) of sentence pairs sorted by row positions ``i, j``."""
    doc_id, sent_id = sentences["doc_id"].to_numpy(), sentences["sent_id"].to_numpy()
    table = pd.DataFrame({
        "doc_a": doc_id[pairs.i], "sent_a": sent_id[pairs.i], "doc_b": doc_id[pairs.j], "sent_b": sent_id[pairs.j],
        "similarity": pairs.similarity.round(4),
    })
    return table[PAIR_COLUMNS].astype({"sent_a": "int64", "sent_b": "int64", "similarity": "float64"})


# ---------------------------------------------------------------------------------------------------------
# Helpers shared by the tables


def _require(table: pd.DataFrame, columns, what: str) -> pd.DataFrame:
    missing = [column for column in columns if column not in table.columns]
    if missing:
        raise ValueError(f"{what} table needs column(s) {', '.join(missing)}; has {', '.join(table.columns)}")
    return table


def _empty(columns) -> pd.DataFrame:
    return pd.DataFrame({column: pd.Series(dtype="object") for column in columns})


# ---------------------------------------------------------------------------------------------------------
# Events


class EventSpec(NamedTuple):
    """One event of an events file: its name, cue terms (lower case) and years."""

    name: str
    terms: tuple[str, ...]
    years: tuple[int, ...]


class Events(NamedTuple):
    """What :func:`events` returns.

    Attributes
    ----------
    members
        One row per sentence that belongs to an event: ``event_id`` (``E01``, ``E02``… in order of the event's
        first sentence in the sentences table), ``doc_id, sent_id`` and ``similarity`` (the sentence's best
        alignment similarity to a sentence of another document in the same event; for a sentence seeded by an
        events file and aligned to nothing there, its best cosine to such a sentence; NaN when the event has no
        other document).
    labels
        One row per event: ``event_id, label`` (the events-file name, or the event's three most distinctive
        terms joined by " · "), ``n_documents, n_sentences`` and ``source`` ("events file" or "clustered").
    """

    members: pd.DataFrame
    labels: pd.DataFrame


EVENT_KEYS = {"name", "terms", "years"}


def read_events_file(path: str | Path | None = None) -> list[EventSpec]:
    """Read and check an events file (TOML); ``None`` reads the one shipped for the seed corpus.

    Format::

        [[event]]
        name = "1999 letter to Khatami"          # required, unique
        terms = ["Khatami", "student", "letter"]  # required: words or phrases, any case
        years = [1999]                            # optional

    Raises :class:`~framing.errors.FramingError` naming the file and line for invalid TOML, a missing or empty
    ``name``/``terms``, wrong types, duplicate names and unknown keys.
    """
    if path is None:
        text = files("framing.data").joinpath(SEED_EVENTS).read_text(encoding="utf-8")
        where: str | Path = f"framing/data/{SEED_EVENTS}"
    else:
        where = Path(path)
        if not where.exists():
            raise input_error(where, "events file not found")
        text = where.read_text(encoding="utf-8")
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        line = re.search(r"line (\d+)", str(error))
        raise input_error(where, f"not valid TOML ({error})", line=int(line.group(1)) if line else None) from None
    lines = text.splitlines()
    unknown = sorted(set(data) - {"event"})
    if unknown:
        raise input_error(where, f"unknown key {unknown[0]!r}; an events file holds only [[event]] tables",
                          line=_key_line(lines, unknown[0], 0, len(lines)))
    tables = data.get("event")
    if not isinstance(tables, list) or not tables:
        raise input_error(where, "expected one or more [[event]] tables")
    headers = [k for k, line in enumerate(lines) if re.match(r"\s*\[\[\s*event\s*\]\]", line)] + [len(lines)]
    specs, seen = [], {}
    for index, table in enumerate(tables):
        start, end = (headers[index], headers[index + 1]) if index + 1 < len(headers) else (0, len(lines))
        line = start + 1
        extra = sorted(set(table) - EVENT_KEYS)
        if extra:
            raise input_error(where, f"event {index + 1} has unknown key {extra[0]!r}; allowed: name, terms, years",
                              line=_key_line(lines, extra[0], start, end) or line)
        name = table.get("name")
        if not isinstance(name, str) or not name.strip():
            raise input_error(where, f"event {index + 1} needs a name (a non-empty string)", line=line)
        if name in seen:
            raise input_error(where, f"duplicate event name {name!r} (first in event {seen[name]})", line=line)
        seen[name] = index + 1
        terms = table.get("terms")
        if not isinstance(terms, list) or not terms or not all(isinstance(t, str) and t.strip() for t in terms):
            raise input_error(where, f"event {name!r} needs terms = [...], a list of non-empty strings",
                              line=_key_line(lines, "terms", start, end) or line)
        years = table.get("years", [])
        if not isinstance(years, list) or not all(isinstance(y, int) and 1000 <= y <= 2999 for y in years):
            raise input_error(where, f"event {name!r}: years must be a list of four-digit numbers, e.g. [1999]",
                              line=_key_line(lines, "years", start, end) or line)
        specs.append(EventSpec(name.strip(), tuple(t.strip().lower() for t in terms), tuple(years)))
    return specs


def _key_line(lines: list[str], key: str, start: int, end: int) -> int | None:
    for number in range(start, end):
        if re.match(rf"\s*{re.escape(key)}\s*=", lines[number]) or re.match(rf"\s*\[+\s*{re.escape(key)}\b",
                                                                             lines[number]):
            return number + 1
    return None


def _cue_pattern(term: str) -> re.Pattern:
    # A cue matches whole words, any case, with regular endings ("sanction" finds "sanctions", "sanctioned").
    words = [re.escape(word) for word in re.split(r"[\s\-–]+", term) if word]
    return re.compile(r"\b" + r"[\s\-–]+".join(words) + r"(?:s|es|ed|d|ing|'s)?\b", re.IGNORECASE)


def match_events(sentences: pd.DataFrame, specs: list[EventSpec], *, min_terms: int = 2) -> pd.Series:
    """Index of the event (position in ``specs``) each sentence is seeded into, or -1.

    A sentence matches an event when it contains at least ``min_terms`` of its cue terms, or one of its years and
    one cue term. A sentence matching several events goes to the one with most cues (terms plus years), the
    first in the file on a tie.
    """
    texts = sentences["text"].astype(str)
    best = np.full(len(sentences), -1)
    best_hits = np.zeros(len(sentences))
    for index, spec in enumerate(specs):
        terms = sum(texts.str.contains(_cue_pattern(term)).to_numpy().astype(int) for term in spec.terms)
        years = sum(texts.str.contains(rf"\b{year}\b").to_numpy().astype(int) for year in spec.years) \
            if spec.years else np.zeros(len(sentences), dtype=int)
        match = (terms >= min_terms) | ((years > 0) & (terms > 0))
        hits = np.where(match, terms + years, 0)
        better = hits > best_hits
        best[better] = index
        best_hits[better] = hits[better]
    return pd.Series(best, index=sentences.index)


def events(sentences: pd.DataFrame, pairs: pd.DataFrame, *, events_file: str | Path | None = None,
           aligner: Aligner | None = None, min_terms: int = 2, max_size: int | None = None,
           featurized: Featurized | None = None) -> Events:
    """Group aligned sentences into events across documents.

    Parameters
    ----------
    sentences
        The sentences the pairs were made from.
    pairs
        From :meth:`Aligner.align`.
    events_file
        Optional events file (see :func:`read_events_file`); its events are seeded first: every sentence that
        matches an event's cues joins it, whether aligned or not, and an aligned sentence whose strongest link
        to seeded sentences points into an event joins that event too if it holds at least one of its cues.
    aligner
        Whose vectors measure similarity inside a group and give the labels; default ``Aligner()``.
    min_terms
        Cue terms a sentence needs to match an event of the file (a year and one term also do).
    max_size
        Largest clustered event, in sentences; default three per document.
    featurized
        :meth:`Aligner.featurize` of these sentences, when already computed (the pipeline shares it with
        :meth:`Aligner.align`).

    The remaining aligned sentences are grouped by connected components of the pair graph (scipy.sparse.csgraph),
    each component split by average-linkage clustering on cosine similarity cut at the aligner's threshold, so a
    chain A~B~C with A and C unrelated does not become one event. Groups smaller than two documents are dropped.

    Returns
    -------
    :class:`Events` ``(members, labels)``: ``members`` has ``event_id, doc_id, sent_id, similarity``; ``labels``
    has ``event_id, label, n_documents, n_sentences, source``.
    """
    aligner = aligner or Aligner()
    sentences = _require(sentences, ("doc_id", "sent_id", "text"), "sentences").reset_index(drop=True)
    if "section" not in sentences.columns:
        sentences = sentences.assign(section="body")
    n = len(sentences)
    doc = pd.factorize(sentences["doc_id"])[0]
    position = pd.Series(np.arange(n), index=pd.MultiIndex.from_arrays([sentences["doc_id"], sentences["sent_id"]]))
    i = position.reindex(pd.MultiIndex.from_arrays([pairs["doc_a"], pairs["sent_a"]])).to_numpy()
    j = position.reindex(pd.MultiIndex.from_arrays([pairs["doc_b"], pairs["sent_b"]])).to_numpy()
    known = ~(np.isnan(i.astype(float)) | np.isnan(j.astype(float)))
    i, j = i[known].astype(int), j[known].astype(int)
    weight = pairs["similarity"].to_numpy(dtype=float)[known]
    graph = sp.coo_matrix((weight, (i, j)), shape=(n, n)).tocsr()
    graph = graph.maximum(graph.T)
    vectors = aligner.vectors(sentences, display=True, featurized=featurized)

    group = np.full(n, -1)  # group number per sentence
    sources: list[EventSource] = []
    names: list[str | None] = []
    if events_file is not None:
        specs = read_events_file(events_file)
        seeded = match_events(sentences, specs, min_terms=min_terms).to_numpy()
        group[:] = seeded
        sources = ["events file"] * len(specs)
        names = [spec.name for spec in specs]
        # One hop from seeded sentences, along the strongest link (no chaining through newcomers), and only for a
        # sentence that names at least one cue of that event: an alignment link alone can be a coincidence.
        free = np.flatnonzero((group < 0) & (np.asarray(graph.getnnz(axis=1)) > 0))
        seeded_mask = sp.diags((group >= 0).astype(float))
        links = (graph[free] @ seeded_mask).tocsr()
        texts = sentences["text"].astype(str).to_numpy()
        for row, sentence in enumerate(free):
            start, end = links.indptr[row], links.indptr[row + 1]
            if end > start:
                target = group[links.indices[start + np.argmax(links.data[start:end])]]
                if any(_cue_pattern(term).search(texts[sentence]) for term in specs[target].terms):
                    group[sentence] = target

    rest = np.flatnonzero((group < 0) & (np.asarray(graph.getnnz(axis=1)) > 0))
    if len(rest):
        _, component = connected_components(graph[rest][:, rest], directed=False)
        splitter = _Splitter.of(vectors.matrix, graph, max_size or 3 * int(doc.max() + 1),
                                pd.factorize(sentences["text"].astype(str))[0], rest)
        for members in _grouped(rest, component):
            for cluster in _split(members, aligner.threshold, splitter):
                if len(np.unique(doc[cluster])) >= 2:
                    group[cluster] = len(sources)
                    sources.append("clustered")
                    names.append(None)
    return _events_tables(sentences, group, sources, names, graph, vectors, doc)


# Largest group clustered by average linkage (its dense distance matrix: 3,000² × 8 bytes = 72 MB).
LINKAGE_LIMIT = 3000


def _grouped(members: np.ndarray, label: np.ndarray) -> list[np.ndarray]:
    """``members`` split by ``label``, labels in increasing order, members in their order: one sort instead of one
    scan of all members per label (thousands of components)."""
    order = np.argsort(label, kind="stable")
    return np.split(members[order], np.flatnonzero(np.diff(label[order])) + 1)


class _Splitter(NamedTuple):
    """What :func:`_split` needs besides the members: sentence vectors, the pair graph, the largest event, and, so
    that copies of one text need no linkage, each sentence's text number and the distance between two copies."""

    matrix: sp.csr_matrix
    graph: sp.csr_matrix | None
    limit: int
    text_key: np.ndarray
    copy_distance: np.ndarray  # per text number; NaN where not computed

    @classmethod
    def of(cls, matrix, graph, limit, text_key, rows) -> _Splitter:
        """For the sentences ``rows`` (the ones to split)."""
        keys, first = np.unique(text_key[rows], return_index=True)
        copy_distance = np.full(int(text_key.max()) + 1 if len(text_key) else 0, np.nan)
        copy_distance[keys] = _copy_distance(matrix, rows[first])
        return cls(matrix, graph, limit, text_key, copy_distance)


def _copy_distance(matrix: sp.csr_matrix, rows: np.ndarray) -> np.ndarray:
    """Per row: the distance average linkage sees between two copies of it (1 - cosine, at least 0).

    Computed by the same sparse product as :func:`_split`'s similarity matrix, so rounded the same to the last
    bit: each row is put on columns of its own (one per entry, in the row's order), so the product is diagonal
    and each diagonal entry is summed in the order a copy × copy entry of the full product is."""
    sub = matrix[rows]
    own = sp.csr_matrix((sub.data, np.arange(sub.nnz), sub.indptr), shape=(len(rows), max(sub.nnz, 1)))
    return np.clip(1.0 - (own @ own.T).diagonal(), 0.0, None)


def _split(members: np.ndarray, threshold: float, how: _Splitter) -> list[np.ndarray]:
    """Average-linkage clusters of ``members`` whose mean cosine stays at or above ``threshold``.

    Average linkage needs all pairwise distances, so a component larger than :data:`LINKAGE_LIMIT` (wire copy
    repeated across hundreds of articles) is first cut on the sparse pair graph: links weaker than a raised
    threshold are dropped and the pieces are split in turn. Memory and time stay bounded by the limit. Members
    that are all copies of one text need no linkage (:func:`_copies_linkage`).
    """
    if len(members) <= 2:
        return [members]
    if len(members) > LINKAGE_LIMIT and how.graph is not None and threshold < 0.99:
        tighter = min(1.0, threshold * 1.5)
        sub = how.graph[members][:, members].tocsr()
        sub.data[sub.data < tighter] = 0.0
        sub.eliminate_zeros()
        _, component = connected_components(sub, directed=False)
        return [cluster for piece in _grouped(members, component) for cluster in _split(piece, tighter, how)]
    clusters = _copies_linkage(members, threshold, how)
    if clusters is None:
        similarity = (how.matrix[members] @ how.matrix[members].T).toarray()
        distance = np.clip(1.0 - similarity, 0.0, None)
        np.fill_diagonal(distance, 0.0)
        tree = linkage(squareform(distance, checks=False), method="average")
        clusters = _grouped(members, fcluster(tree, t=1.0 - threshold, criterion="distance"))
    out = []
    for cluster in clusters:
        if len(cluster) > how.limit:  # a topic, not an event: cut it tighter
            out.extend(_split(cluster, min(1.0, threshold * 1.5), how) if threshold < 0.99 else [cluster])
        else:
            out.append(cluster)
    return out


def _copies_linkage(members: np.ndarray, threshold: float, how: _Splitter) -> list[np.ndarray] | None:
    """``[members]`` when they are all copies of one text and average linkage would keep them together; ``None``
    (run the linkage) otherwise.

    Every pairwise distance between copies is the same ``d`` (0, or a rounding error of about 1e-16), so every
    merge happens at ``d`` give or take rounding in the averaging, which stays exactly 0 when ``d`` is 0: the
    copies form one cluster when ``d`` is 0 or clearly below the cut. Too close to call (a cut at 0 with ``d`` a
    rounding error above it): the linkage decides."""
    keys = how.text_key[members]
    if (keys != keys[0]).any():
        return None
    distance = how.copy_distance[keys[0]]
    return [members] if distance == 0.0 or distance < (1.0 - threshold) - 1e-9 else None


def _events_tables(sentences, group, sources, names, graph, vectors, doc) -> Events:
    # Whole-array operations instead of one pass per event: corpora have thousands of events.
    grouped = np.flatnonzero(group >= 0)
    first = pd.Series(grouped).groupby(group[grouped]).min()
    order = first.sort_values(kind="stable").index.to_numpy()  # events numbered by their first sentence
    rank = np.full(len(sources), -1)
    rank[order] = np.arange(len(order))
    width = max(2, len(str(len(order))))
    ids = np.array([f"E{k:0{width}d}" for k in range(1, len(order) + 1)], dtype=object)
    members = grouped[np.lexsort((grouped, rank[group[grouped]]))]
    event_of = rank[group[members]]  # per member, its event's position in ``order``
    similarity = _member_similarity(members, group, graph, vectors, doc)
    members_table = pd.DataFrame({
        "event_id": ids[event_of], "doc_id": sentences["doc_id"].to_numpy()[members],
        "sent_id": sentences["sent_id"].to_numpy()[members],
        # Python's round (correctly rounded decimals), as every other 4-decimal column of the tables.
        "similarity": [round(float(value), 4) if np.isfinite(value) else np.nan for value in similarity],
    }).astype({"sent_id": "int64", "similarity": "float64"})
    labels = _labels(vectors, members, event_of, len(order))
    n_documents = pd.Series(doc[members]).groupby(event_of).nunique().to_numpy()
    n_sentences = np.bincount(event_of, minlength=len(order))
    labels_table = pd.DataFrame({
        "event_id": ids, "label": [names[g] if names[g] is not None else label for g, label in zip(order, labels)],
        "n_documents": n_documents, "n_sentences": n_sentences, "source": [sources[g] for g in order],
    }, columns=LABEL_COLUMNS).astype({"n_documents": "int64", "n_sentences": "int64"})
    return Events(members_table[EVENT_COLUMNS], labels_table)


def _member_similarity(members: np.ndarray, group: np.ndarray, graph: sp.csr_matrix, vectors: Vectors,
                       doc: np.ndarray) -> np.ndarray:
    """Per member: its strongest alignment link inside its event or, without one (a sentence seeded from the
    events file), its best cosine with a member of another document; NaN when it has neither."""
    links = graph.tocoo()
    inside = (group[links.row] >= 0) & (group[links.row] == group[links.col])
    best_link = np.zeros(len(group))
    np.maximum.at(best_link, links.row[inside], links.data[inside])
    similarity = best_link[members].astype(float)
    unlinked = np.flatnonzero(similarity <= 0)
    if len(unlinked) == 0:
        return similarity
    # One product per event that has unlinked members (events-file events), not one per member.
    event_of = group[members]
    event_members = dict(zip(np.unique(event_of), _grouped(np.arange(len(members)), event_of)))
    for rows in _grouped(unlinked, event_of[unlinked]):
        event = members[event_members[event_of[rows[0]]]]
        similarity[rows] = _best_other_document(vectors.matrix, event, members[rows], doc)
    return similarity


def _best_other_document(matrix: sp.csr_matrix, event: np.ndarray, rows: np.ndarray, doc: np.ndarray,
                         entries: int = 4_000_000) -> np.ndarray:
    """Per sentence of ``rows``: its best cosine with a sentence of ``event`` in another document, NaN if none.

    Products are ``event × row``, rounded as one row at a time would be, a block of rows at a time (at most about
    ``entries`` dense values)."""
    out = np.full(len(rows), np.nan)
    block = max(1, entries // max(len(event), 1))
    for start in range(0, len(rows), block):
        chosen = rows[start:start + block]
        product = (matrix[event] @ matrix[chosen].T).toarray()
        other = doc[event][:, None] != doc[chosen][None, :]
        best = np.where(other, product, -np.inf).max(axis=0, initial=-np.inf)
        out[start:start + block] = np.where(other.any(axis=0), best, np.nan)
    return out


def _labels(vectors: Vectors, members: np.ndarray, event_of: np.ndarray, n_events: int, *,
            n_terms: int = 3) -> list[str]:
    """Each event's most distinctive terms: largest summed TF-IDF weights over its sentences, years last.

    ``members`` are sentence rows and ``event_of`` their event numbers (0 to ``n_events - 1``)."""
    indicator = sp.csr_matrix((np.ones(len(members)), (event_of, members)),
                              shape=(n_events, vectors.matrix.shape[0]))
    sums = sp.csr_matrix(indicator @ vectors.matrix)
    sums.sort_indices()
    labels = []
    for row in range(n_events):
        values = sums.data[sums.indptr[row]:sums.indptr[row + 1]]
        columns = sums.indices[sums.indptr[row]:sums.indptr[row + 1]]
        best = np.argsort(-values, kind="stable")[:n_terms]
        picked = [vectors.features[columns[k]] for k in best if values[k] > 0]
        picked.sort(key=lambda feature: feature.startswith("Y:"))
        labels.append(" · ".join(vectors.display.get(feature, feature.split(":")[-1]) for feature in picked))
    return labels


# ---------------------------------------------------------------------------------------------------------
# Comparison tables


def event_comparison(events: Events, sentences: pd.DataFrame, scores: pd.DataFrame | None = None,
                     terms: pd.DataFrame | None = None, *, covered_only: bool = False) -> pd.DataFrame:
    """Compare the documents event by event: like with like.

    Parameters
    ----------
    events
        From :func:`events`.
    sentences
        The sentences table (for texts and the list of documents).
    scores
        Optional per-sentence scores with ``doc_id, sent_id`` and any of ``compound`` (VADER), ``source_kind``
        and ``quote`` (attribution). A sentence counts as attributed when it has a quote or a source kind other
        than empty / "none".
    terms
        Optional loaded-term hits with ``doc_id, sent_id, voice`` (from the loaded-terms scorer).
    covered_only
        Leave out the rows with ``n_sentences`` 0. For a corpus of thousands of documents the full grid is
        events × documents rows, nearly all empty; :func:`omissions` then has nothing to report.

    Returns
    -------
    DataFrame with one row per event × document, documents in the sentences table's order, events by id — rows
    with ``n_sentences`` 0 included (unless ``covered_only``) so that omissions show: ``event_id, label``; ``doc_id``; ``n_sentences``;
    ``mean_compound`` (mean VADER compound of the event's sentences in that document; NaN without scores or
    sentences); ``loaded_authorial, loaded_reported`` (loaded-term hits in those sentences by voice; NaN without
    ``terms``); ``share_attributed`` (share of those sentences that are attributed; NaN without attribution
    columns or sentences); ``sentences`` (their texts in reading order, joined by newlines; "" when none).
    """
    members, labels = events
    documents = list(pd.unique(sentences["doc_id"]))
    keyed = members.merge(sentences[["doc_id", "sent_id", "text"]], on=["doc_id", "sent_id"], how="left")
    if scores is not None:
        score_columns = [c for c in ("compound", "source_kind", "quote") if c in scores.columns]
        keyed = keyed.merge(scores[["doc_id", "sent_id", *score_columns]].drop_duplicates(["doc_id", "sent_id"]),
                            on=["doc_id", "sent_id"], how="left")
    keyed = keyed.sort_values(["event_id", "doc_id", "sent_id"], kind="stable")
    if covered_only:
        rank = {doc_id: k for k, doc_id in enumerate(documents)}
        cells = keyed[["event_id", "doc_id"]].drop_duplicates()
        cells = cells.assign(_rank=cells["doc_id"].map(rank)).sort_values(["event_id", "_rank"], kind="stable")
        grid = pd.MultiIndex.from_frame(cells[["event_id", "doc_id"]])
    else:
        grid = pd.MultiIndex.from_product([labels["event_id"], documents], names=["event_id", "doc_id"])
    grouped = keyed.groupby(["event_id", "doc_id"], sort=False)
    table = pd.DataFrame(index=grid)
    table["n_sentences"] = grouped.size().reindex(grid, fill_value=0).astype("int64")
    table["mean_compound"] = (grouped["compound"].mean().reindex(grid) if "compound" in keyed.columns
                              else np.nan)
    if terms is not None:
        hits = terms.merge(members[["event_id", "doc_id", "sent_id"]], on=["doc_id", "sent_id"])
        voice = hits["voice"].astype(str)
        counts = hits.assign(authorial=voice.eq("authorial"), reported=~voice.eq("authorial"))
        counts = counts.groupby(["event_id", "doc_id"])[["authorial", "reported"]].sum()
        table["loaded_authorial"] = counts["authorial"].reindex(grid, fill_value=0).astype("int64")
        table["loaded_reported"] = counts["reported"].reindex(grid, fill_value=0).astype("int64")
    else:
        table["loaded_authorial"] = np.nan
        table["loaded_reported"] = np.nan
    if "source_kind" in keyed.columns or "quote" in keyed.columns:
        attributed = pd.Series(False, index=keyed.index)
        if "quote" in keyed.columns:
            attributed |= keyed["quote"].fillna(False).astype(bool)
        if "source_kind" in keyed.columns:
            kind = keyed["source_kind"].astype("string").str.strip().str.lower()
            attributed |= kind.notna() & ~kind.isin(["", "none", "nan"]).fillna(True)
        table["share_attributed"] = attributed.groupby([keyed["event_id"], keyed["doc_id"]]).mean().reindex(grid)
    else:
        table["share_attributed"] = np.nan
    table["sentences"] = _joined_texts(keyed).reindex(grid, fill_value="")
    table = table.reset_index().merge(labels[["event_id", "label"]], on="event_id", how="left")
    return table[COMPARISON_COLUMNS]


def _joined_texts(keyed: pd.DataFrame) -> pd.Series:
    """Per ``(event_id, doc_id)``: the texts of ``keyed`` (sorted by those and ``sent_id``) joined by newlines.

    One ``str.join`` per cell from the sorted rows; a groupby aggregation with a Python function costs a
    DataFrame slice per cell (most of ``event_comparison``'s time on a corpus of thousands of documents)."""
    event, doc = keyed["event_id"].to_numpy(dtype=object), keyed["doc_id"].to_numpy(dtype=object)
    texts = keyed["text"].to_numpy(dtype=object)
    start = np.flatnonzero(np.r_[True, (event[1:] != event[:-1]) | (doc[1:] != doc[:-1])]) if len(texts) \
        else np.zeros(0, dtype=int)
    end = np.r_[start[1:], len(texts)]
    joined = ["\n".join(texts[a:b]) for a, b in zip(start.tolist(), end.tolist())]
    index = pd.MultiIndex.from_arrays([event[start], doc[start]], names=["event_id", "doc_id"])
    return pd.Series(joined, index=index, dtype=keyed["text"].dtype)  # the dtype a groupby would keep


def omissions(comparison: pd.DataFrame) -> pd.DataFrame:
    """Events some documents cover and others leave out.

    Returns
    -------
    DataFrame with one row per event × document that has no sentence of an event another document covers:
    ``event_id, label``; ``covered_by`` (the documents that cover it, comma-separated in document order);
    ``missing_from`` (the document that leaves it out).
    """
    if not (comparison["n_sentences"] == 0).any():
        return _empty(OMISSION_COLUMNS)
    keys = ["event_id", "label"]
    table = comparison.dropna(subset=keys)
    # Whole-table operations, not one pass per event: one join per event of its covering documents.
    covered = table[table["n_sentences"] > 0].groupby(keys, sort=True)["doc_id"].agg(", ".join)
    missing = table[table["n_sentences"] == 0].join(covered.rename("covered_by"), on=keys, how="inner")
    if missing.empty:
        return _empty(OMISSION_COLUMNS)
    missing = missing.sort_values(keys, kind="stable").rename(columns={"doc_id": "missing_from"})
    return missing[OMISSION_COLUMNS].reset_index(drop=True)


def word_choice(pairs: pd.DataFrame, terms: pd.DataFrame, sentences: pd.DataFrame, *,
                lexicon: pd.DataFrame | None = None) -> pd.DataFrame:
    """Loaded words one side of an aligned pair uses where the other side does not.

    Parameters
    ----------
    pairs
        Aligned pairs (from :meth:`Aligner.align`).
    terms
        Loaded-term hits: ``doc_id, sent_id, term, lemma, category, direction, voice, start, end``.
    sentences
        For the other side's text.
    lexicon
        Optional table with ``term, neutral`` (e.g. ``load_lexicon().entries``): the neutral alternative of each
        lexicon entry, joined on the hit's ``lemma``.

    Returns
    -------
    DataFrame with one row per loaded-term hit in an aligned pair whose other sentence has no hit of the same
    lemma and does not contain the term: ``doc_a, sent_a, doc_b, sent_b`` (the pair); ``loaded_doc`` (the side
    that uses the term); ``term`` (as written), ``lemma``, ``neutral`` (NaN without a lexicon or entry);
    ``other_side_text`` (the other sentence, to read the wording it uses instead).
    """
    _require(terms, ("doc_id", "sent_id", "term", "lemma"), "terms")
    texts = sentences.set_index(["doc_id", "sent_id"])["text"]
    hits = terms[["doc_id", "sent_id", "term", "lemma"]]
    frames = []
    for side, other in (("a", "b"), ("b", "a")):
        joined = pairs.merge(hits, left_on=[f"doc_{side}", f"sent_{side}"], right_on=["doc_id", "sent_id"])
        joined = joined.assign(loaded_doc=joined[f"doc_{side}"], other_doc=joined[f"doc_{other}"],
                               other_sent=joined[f"sent_{other}"])
        frames.append(joined.drop(columns=["doc_id", "sent_id"]))
    found = pd.concat(frames, ignore_index=True)
    if found.empty:
        return _empty(WORD_CHOICE_COLUMNS)
    other_lemmas = set(zip(hits["doc_id"], hits["sent_id"], hits["lemma"]))
    found["other_side_text"] = texts.reindex(pd.MultiIndex.from_arrays([found["other_doc"],
                                                                        found["other_sent"]])).to_numpy()
    shares_lemma = [key in other_lemmas for key in zip(*(found[c].to_numpy(dtype=object).tolist()
                                                          for c in ("other_doc", "other_sent", "lemma")))]
    keep = ~np.array(shares_lemma, dtype=bool)
    keep[keep] = ~_contains_term(found["term"].to_numpy(dtype=object)[keep],
                                 found["other_side_text"].to_numpy(dtype=object)[keep])
    found = found[keep]
    if lexicon is not None:
        neutral = lexicon.drop_duplicates("term").set_index("term")["neutral"]
        found = found.assign(neutral=found["lemma"].map(neutral))
    else:
        found = found.assign(neutral=np.nan)
    found = found.drop_duplicates(["doc_a", "sent_a", "doc_b", "sent_b", "loaded_doc", "lemma", "term"])
    return found[WORD_CHOICE_COLUMNS].reset_index(drop=True)


def _contains_term(terms: np.ndarray, texts: np.ndarray) -> np.ndarray:
    """Per row: whether ``texts[k]`` contains ``terms[k]`` as a whole word, any case. Each distinct (term, text)
    is searched once: aligned pairs repeat the same wire copy on the other side many times."""
    seen: dict[tuple[str, str], bool] = {}
    out = np.zeros(len(terms), dtype=bool)
    for k, key in enumerate(zip(map(str, terms), map(str, texts))):
        found = seen.get(key)
        if found is None:
            found = seen[key] = bool(re.search(rf"\b{re.escape(key[0])}\b", key[1], re.IGNORECASE))
        out[k] = found
    return out


# ---------------------------------------------------------------------------------------------------------
# Evaluation against hand-made gold pairs


GOLD_COLUMNS = ["pair_id", "doc_a", "sent_a", "doc_b", "sent_b", "label", "event"]


def _normalise(text: str) -> str:
    text = text.replace("“", '"').replace("”", '"').replace("‘", "'").replace("’", "'")
    return re.sub(r"\s+", " ", text).strip()


def resolve_gold(sentences: pd.DataFrame, gold: pd.DataFrame) -> pd.DataFrame:
    """Turn gold pairs given as text (``doc_a, text_a, doc_b, text_b, label``) into sentence ids.

    Each text is a verbatim piece of one sentence: it resolves to the sentence that contains it once whitespace
    and quotes are normalised, or, when Punkt split it differently, to the sentence holding its start.

    Returns
    -------
    DataFrame with ``pair_id, doc_a, sent_a, doc_b, sent_b, label, event`` (``event`` empty when absent).
    """
    by_doc = {doc: group for doc, group in sentences.groupby("doc_id")}
    normalised = {doc: [_normalise(t) for t in group["text"]] for doc, group in by_doc.items()}

    def find(doc: str, piece: str) -> int:
        if doc not in by_doc:
            raise input_error(None, f"gold pair names unknown document {doc!r}")
        piece = _normalise(piece)
        texts = normalised[doc]
        ids = by_doc[doc]["sent_id"].tolist()
        for text, sent_id in zip(texts, ids):
            if piece in text:
                return int(sent_id)
        joined, starts, position = "", [], 0
        for text in texts:
            starts.append(position)
            joined += text + " "
            position = len(joined)
        at = joined.find(piece)
        if at < 0:
            raise input_error(None, f"gold text not found in {doc}: {piece[:60]!r}")
        return int(ids[max(k for k, start in enumerate(starts) if start <= at)])

    rows = [(r["pair_id"], r["doc_a"], find(r["doc_a"], r["text_a"]), r["doc_b"], find(r["doc_b"], r["text_b"]),
             r["label"], r.get("event", "")) for r in gold.to_dict("records")]
    return pd.DataFrame(rows, columns=GOLD_COLUMNS)


def gold_scores(pairs: pd.DataFrame, gold: pd.DataFrame) -> pd.Series:
    """The proposed similarity of each resolved gold pair (0 when not proposed), in either document order."""
    found = {}
    for row in pairs.itertuples(index=False):
        found[(row.doc_a, row.sent_a, row.doc_b, row.sent_b)] = row.similarity
        found[(row.doc_b, row.sent_b, row.doc_a, row.sent_a)] = row.similarity
    return pd.Series([found.get((r.doc_a, r.sent_a, r.doc_b, r.sent_b), 0.0) for r in gold.itertuples()],
                     index=gold.index, name="similarity")


def precision_recall(pairs: pd.DataFrame, gold: pd.DataFrame) -> tuple[float, float]:
    """Precision (over gold pairs proposed) and recall (of gold ``aligned`` pairs) of proposed pairs."""
    proposed = gold_scores(pairs, gold) > 0
    aligned = gold["label"].eq("aligned")
    true_positive = int((proposed & aligned).sum())
    precision = true_positive / int(proposed.sum()) if proposed.any() else float("nan")
    return precision, true_positive / int(aligned.sum())
