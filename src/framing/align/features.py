"""The :class:`Aligner`: sentence vectors (TF-IDF over :mod:`framing.align.words` features) and the aligned
sentence pairs they give (:mod:`framing.align.pairs`, :mod:`framing.align.filters`)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace
from typing import NamedTuple

import numpy as np
import pandas as pd
import scipy.sparse as sp
from sklearn.feature_extraction.text import CountVectorizer
from sklearn.preprocessing import normalize

from ..errors import input_error, require_columns, warn
from ..progress import steps
from .columns import PAIR_COLUMNS, empty_table
from .filters import top_k, year_conflicts
from .pairs import Pairs, canonical_order, in_input_order, sentence_pairs
from .products import Shortlist
from .units import find_units, membership, representatives
from .words import FeatureAnalyzer, TextCopies, find_names, split_words


class Featurized(NamedTuple):
    """What :meth:`Aligner.featurize` returns: the sentences' feature counts, computed once per corpus and shared
    by :meth:`Aligner.align` and :func:`events`."""

    counts: sp.csr_matrix  # sentences × features
    features: np.ndarray
    display: dict[str, str]  # feature → the form most often written ("sanction" → "sanctions", "N:iraq" → "Iraq")


class AlignedPairs(NamedTuple):
    """What :meth:`Aligner.aligned` returns: the pairs table, and how they were found."""

    table: pd.DataFrame  # see Aligner.align
    # Empty when every pair of sentences sharing a feature was compared; else what the shortlist left out, in
    # words (the warning's text; the report shows it).
    shortlist_note: str


class Vectors(NamedTuple):
    """What :meth:`Aligner.vectors` returns: unit-length rows, one per sentence, and how to read the columns."""

    matrix: sp.csr_matrix
    features: np.ndarray
    weights: np.ndarray
    display: dict[str, str] | None


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
    threads
        Blocks of sentences compared at once (threads of this process); the pairs do not depend on it.
    compare_all
        Compare every pair of sentences that share a feature, however large the corpus. By default a corpus
        whose exact comparison would exceed its budget (:func:`~framing.align.products.product_budget`; about
        1,700 articles of rarely repeated sentences) compares only the pairs its less common words bring to
        half the threshold, in time linear in the corpus, and warns (:class:`~framing.align.products.Shortlist`).
    progress
        Bars on a terminal for reading the words and comparing the sentences, shown when a step takes more than
        a second (minutes on a large corpus whose sentences share many words).
    """

    threshold: float = 0.18
    max_run: int = 2
    name_weight: float = 1.5
    year_weight: float = 1.5
    year_conflict: float = 0.5
    top_k: int | None = 3
    idf_power: float = 2.0
    min_shared: int = 2
    threads: int = 1
    progress: bool = False
    compare_all: bool = False

    def __post_init__(self):
        if not 0 < self.threshold <= 1:
            raise input_error(None, f"alignment threshold must be in (0, 1], got {self.threshold}")
        if self.max_run < 1:
            raise input_error(None, f"max_run must be at least 1, got {self.max_run}")
        if self.threads < 1:
            raise input_error(None, f"threads must be at least 1, got {self.threads}")
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
        words = [split_words(text) for text in steps(distinct, "reading words", total=len(distinct), unit="text",
                                                     shown=self.progress, delayed=True)]
        written: dict[str, Counter] = {}
        counter = CountVectorizer(analyzer=FeatureAnalyzer(find_names(words, copies.tolist()), written=written))
        try:
            # Distinct texts in order of first appearance: the vocabulary, and so every row, is as if each copy
            # had been counted.
            counts = counter.fit_transform([TextCopies(w, int(c)) for w, c in zip(words, copies)]).tocsr()
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
        the table linear in sentences (:mod:`framing.align.pairs`).
        """
        return self.aligned(sentences, threshold=threshold, featurized=featurized).table

    def aligned(self, sentences: pd.DataFrame, *, threshold: float | None = None,
                featurized: Featurized | None = None) -> AlignedPairs:
        """:meth:`align`'s table, and the note that says whether a large corpus was compared through its
        shortlist (:class:`AlignedPairs`); the note is also given as a warning, before the comparison."""
        aligner = self if threshold is None else replace(self, threshold=threshold)
        require_columns(sentences, ("doc_id", "sent_id", "section", "text"), "sentences")
        return aligner._align(sentences, featurized)

    def _align(self, sentences: pd.DataFrame, featurized: Featurized | None) -> AlignedPairs:
        sentences = sentences.reset_index(drop=True)
        if sentences["doc_id"].nunique() < 2:
            return AlignedPairs(empty_table(PAIR_COLUMNS), "")
        # Looked for in doc_id, sent_id order: the same pairs whatever the order of the rows (framing.align.pairs).
        order = canonical_order(sentences["doc_id"].to_numpy(), sentences["sent_id"].to_numpy())
        if featurized is not None:
            featurized = featurized._replace(counts=featurized.counts[order])
        pairs, note = self._pairs(sentences.iloc[order].reset_index(drop=True), featurized)
        doc = pd.factorize(sentences["doc_id"])[0]
        return AlignedPairs(_pairs_table(sentences, in_input_order(pairs, order, doc)), note)

    def _pairs(self, sentences: pd.DataFrame, featurized: Featurized | None) -> tuple[Pairs, str]:
        """The kept pairs of ``sentences`` (row positions, ``i``'s document first in table order), and the
        shortlist's note (empty when every pair was compared)."""
        doc = pd.factorize(sentences["doc_id"])[0]
        text_key = pd.factorize(sentences["text"].astype(str))[0]
        units = find_units(doc, sentences["section"].to_numpy(), text_key, self.max_run)
        # One vector per distinct unit: copies of a sentence or run are compared once (framing.align.pairs).
        distinct = membership(units, representatives(units), len(sentences))
        vectors = self.vectors(sentences, runs=distinct, featurized=featurized, display=True)
        shortlist = Shortlist.of(vectors.matrix, units.n_texts, compare_all=self.compare_all)
        note = "" if shortlist is None else _shortlist_note(vectors, shortlist, len(sentences))
        if note:  # said before the comparison, which takes minutes on such a corpus
            warn(None, note)
        pairs = sentence_pairs(vectors.matrix, units, self.threshold, self.min_shared, threads=self.threads,
                               progress=self.progress, shortlist=shortlist)
        conflict = year_conflicts(sentences["text"], text_key, pairs.i, pairs.j)
        pairs = pairs._replace(similarity=pairs.similarity * np.where(conflict, self.year_conflict, 1.0))
        kept = pairs.similarity >= self.threshold
        if self.top_k is not None:
            kept &= top_k(pairs, doc, self.top_k)
        return Pairs(*(column[kept] for column in pairs)), note


def align(sentences: pd.DataFrame, *, threshold: float | None = None,
          featurized: Featurized | None = None) -> pd.DataFrame:
    """``Aligner().align(sentences, threshold=threshold)``; see :meth:`Aligner.align` for the columns."""
    return Aligner().align(sentences, threshold=threshold, featurized=featurized)


def _shortlist_note(vectors: Vectors, shortlist: Shortlist, n_sentences: int) -> str:
    """That a large corpus was compared through its shortlist, naming its commonest words."""
    common = shortlist.common_features
    frequency = np.bincount(shortlist.common.indices, minlength=vectors.matrix.shape[1])[common]
    commonest = [vectors.display.get(feature, feature.removeprefix("N:"))
                 for feature in vectors.features[common[np.argsort(-frequency, kind="stable")[:4]]]]
    return (f"{n_sentences:,} sentences: sentence pairs were compared only where their less common words alone "
            f"reach half the alignment threshold; {len(common):,} words are each in more than "
            f"{shortlist.common_units:,} sentences or runs (e.g. {', '.join(commonest)}). Every pair is compared "
            "with --exact-alignment (Aligner(compare_all=True)), in time that grows with the square of the corpus.")


def _pairs_table(sentences: pd.DataFrame, pairs: Pairs) -> pd.DataFrame:
    """The pairs table (:data:`PAIR_COLUMNS`) of sentence pairs sorted by row positions ``i, j``."""
    # The ids are taken from the column as it is (text columns are Arrow-backed): building the table from NumPy
    # object arrays made pandas convert millions of strings back (2 s at 10,000 articles).
    doc_id, sent_id = sentences["doc_id"].reset_index(drop=True), sentences["sent_id"].to_numpy()
    table = pd.DataFrame({
        "doc_a": doc_id.take(pairs.i).to_numpy() if doc_id.dtype == object else doc_id.take(pairs.i).array,
        "sent_a": sent_id[pairs.i],
        "doc_b": doc_id.take(pairs.j).to_numpy() if doc_id.dtype == object else doc_id.take(pairs.j).array,
        "sent_b": sent_id[pairs.j],
        "similarity": pairs.similarity.round(4),
    })
    return table[PAIR_COLUMNS].astype({"sent_a": "int64", "sent_b": "int64", "similarity": "float64"})
