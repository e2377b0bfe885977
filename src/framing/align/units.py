"""The units the aligner compares: sentences and runs of adjacent sentences, numbered by distinct text.

Units are numbered as the uncollapsed aligner numbers them (the ``n`` sentences first, then runs by length and
start) because that number breaks ties at the partner cap (:mod:`framing.align.pairs`).
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np
import scipy.sparse as sp


class Units(NamedTuple):
    """Sentences and runs of adjacent sentences, as arrays (one entry per unit).

    Units ``0 … n-1`` are the sentences, in table order; runs follow, by length and then start. ``key`` numbers
    the distinct units: sentences with the same text share a key (``0 … n_texts-1``, in order of first
    appearance), runs whose sentences have the same texts in the same order share one (from ``n_texts`` on).
    """

    start: np.ndarray  # row position of the unit's first sentence
    length: np.ndarray  # number of sentences
    doc: np.ndarray  # document number (order of first appearance)
    key: np.ndarray
    n_texts: int
    n_sentences: int

    @property
    def n_keys(self) -> int:
        return int(self.key.max()) + 1 if len(self.key) else 0


def find_units(doc: np.ndarray, section: np.ndarray, text_key: np.ndarray, max_run: int) -> Units:
    """Sentences and runs of up to ``max_run`` adjacent sentences of one document and section.

    ``doc`` and ``text_key`` number each sentence's document and text; ``section`` holds its section.
    """
    n = len(doc)
    n_texts = int(text_key.max()) + 1 if n else 0
    # same[k]: sentence k + 1 continues sentence k's document and section (``==`` as Python compares them).
    same = (doc[1:] == doc[:-1]) & np.asarray(section[1:] == section[:-1], dtype=bool)
    breaks = np.r_[0, np.cumsum(~same)]  # breaks[k]: section changes before sentence k
    starts, lengths, keys, next_key = [np.arange(n)], [np.ones(n, dtype=np.int64)], [text_key], n_texts
    for length in range(2, max_run + 1):
        start = np.flatnonzero(breaks[length - 1:] == breaks[:n - length + 1]) if n >= length else np.zeros(0, int)
        texts = text_key[start[:, None] + np.arange(length)]
        _, key = np.unique(texts, axis=0, return_inverse=True) if len(start) else (None, np.zeros(0, int))
        starts.append(start)
        lengths.append(np.full(len(start), length, dtype=np.int64))
        keys.append(next_key + key.ravel())
        next_key += int(key.max()) + 1 if len(key) else 0
    start = np.concatenate(starts).astype(np.int64)
    return Units(start, np.concatenate(lengths), doc[start], np.concatenate(keys).astype(np.int64), n_texts, n)


def representatives(units: Units) -> np.ndarray:
    """The first unit of each key (any copy would do: copies have identical vectors)."""
    return first_of_each(units.key)


def first_of_each(key: np.ndarray) -> np.ndarray:
    """Position of the first occurrence of each value ``0 … key.max()`` of ``key``."""
    first = np.full(int(key.max()) + 1 if len(key) else 0, len(key))
    np.minimum.at(first, key, np.arange(len(key)))
    return first


def membership(units: Units, chosen: np.ndarray, n_sentences: int) -> sp.csr_matrix:
    """0/1 matrix, ``chosen`` units × sentences: which sentences each chosen unit holds."""
    length = units.length[chosen]
    row, column = spans(units.start[chosen], length)
    return sp.csr_matrix((np.ones(len(row)), (row, column)), shape=(len(chosen), n_sentences))


class Spans(NamedTuple):
    """Every position of a set of spans: ``position`` and the span it belongs to (``owner``)."""

    owner: np.ndarray
    position: np.ndarray


def spans(starts: np.ndarray, lengths: np.ndarray) -> Spans:
    """Positions ``start … start + length - 1`` of every span, and which span each belongs to."""
    lengths = np.asarray(lengths, dtype=np.int64)
    owner = np.repeat(np.arange(len(lengths)), lengths)
    offset = np.arange(int(lengths.sum())) - np.repeat(np.cumsum(lengths) - lengths, lengths)
    return Spans(owner, np.repeat(np.asarray(starts, dtype=np.int64), lengths) + offset)
