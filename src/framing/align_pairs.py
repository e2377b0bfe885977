"""Aligned sentence pairs at corpus scale: verbatim copies compared once, their pairs expanded after.

Syndicated corpora repeat whole sentences: wire copy appears word for word in hundreds of articles, and one
article sometimes repeats a sentence of its own. Copies have identical vectors, so comparing every copy with every
other costs the square of the copies and yields the same numbers again and again. Here each *distinct* unit (a
sentence text, or a run: the texts of adjacent sentences in order) is multiplied once, and the similarities are
then handed to every copy.

The expansion reproduces the uncollapsed aligner exactly, including its partner cap: a sentence keeps its
:data:`MAX_PARTNERS` best partners (ties by unit position), counted over the copies it would have met. For each
sentence, the distinct partners are visited from most to least similar and only as many of their copies are
listed as can still make the cap; a few dozen distinct partners nearly always fill it. So the work grows with
sentences × a few dozen, not with copies², and the pairs table with sentences: each sentence lists at most
:data:`MAX_PARTNERS` units of at most ``max_run`` sentences, so at most ``MAX_PARTNERS × max_run`` pairs per
sentence (about 15 at 10,000 articles of wire copy).

Similarities are bit-for-bit those of the uncollapsed aligner: copies have identical vector rows (same entries in
the same order), and a sparse product entry depends only on its two rows.

Units are numbered as the uncollapsed aligner numbers them (the ``n`` sentences first, then runs by length and
start) because that number breaks ties at the cap.
"""

from __future__ import annotations

import re
from typing import NamedTuple

import numpy as np
import pandas as pd
import scipy.sparse as sp

YEAR_IN_TEXT = re.compile(r"(?<![\w.])(?:18|19|20)\d\d(?![\w.]\d)")
ROW_BLOCK = 2000  # most rows per sparse product
# Most entries one block's product may hold before its threshold is applied (about 16 bytes each: ~160 MB).
PRODUCT_ENTRIES = 10_000_000
# Most partners (sentences or runs in other documents) kept per sentence before the finer filters.
MAX_PARTNERS = 25
# Most (sentence, distinct partner) combinations expanded at once (about 60 bytes each: ~120 MB).
EXPANSION_ENTRIES = 2_000_000


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


def units(doc: np.ndarray, section: np.ndarray, text_key: np.ndarray, max_run: int) -> Units:
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
    row, column = _spans(units.start[chosen], length)
    return sp.csr_matrix((np.ones(len(row)), (row, column)), shape=(len(chosen), n_sentences))


def _spans(starts: np.ndarray, lengths: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Positions ``start … start + length - 1`` of every span, and which span each belongs to."""
    lengths = np.asarray(lengths, dtype=np.int64)
    owner = np.repeat(np.arange(len(lengths)), lengths)
    offset = np.arange(int(lengths.sum())) - np.repeat(np.cumsum(lengths) - lengths, lengths)
    return owner, np.repeat(np.asarray(starts, dtype=np.int64), lengths) + offset


# ---------------------------------------------------------------------------------------------------------
# Copies


class Copies(NamedTuple):
    """Where each key's copies are: ``unit[ptr[k]:ptr[k + 1]]`` are key ``k``'s units in unit order.

    ``by_doc`` is the same segments' documents sorted, tagged with the key (``key * n_docs + doc``), so that one
    ``searchsorted`` counts a key's copies before, in or after a document.
    """

    ptr: np.ndarray
    unit: np.ndarray
    by_doc: np.ndarray
    n_docs: int
    # Every key's copies are in document order (each document's sentences together and documents in order of
    # first appearance, as the pipeline's tables are): then a copy list can be entered at a document.
    ordered: bool

    @classmethod
    def of(cls, units: Units) -> Copies:
        order = np.argsort(units.key, kind="stable")
        ptr = np.r_[0, np.cumsum(np.bincount(units.key, minlength=units.n_keys))]
        n_docs = int(units.doc.max()) + 1 if len(units.doc) else 1
        tagged = units.key[order] * n_docs + units.doc[order]
        ordered = bool((np.diff(tagged) >= 0).all())
        return cls(ptr, order, tagged if ordered else np.sort(tagged), n_docs, ordered)

    def around(self, key: np.ndarray, doc: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Positions in ``by_doc`` where key's copies in ``doc`` begin and end."""
        tag = key * self.n_docs + doc
        return np.searchsorted(self.by_doc, tag, "left"), np.searchsorted(self.by_doc, tag, "right")


# ---------------------------------------------------------------------------------------------------------
# Products of distinct units


def row_blocks(matrix: sp.csr_matrix, n_rows: int) -> list[tuple[int, int]]:
    """Consecutive ``(start, stop)`` row ranges of the first ``n_rows`` rows whose products with all rows hold at
    most :data:`PRODUCT_ENTRIES` entries (at most :data:`ROW_BLOCK` rows each).

    A row's product has at most as many entries as the summed document frequencies of its features: in a corpus
    where a common word ("Iran") is in half the sentences, one row meets half the corpus, and a fixed block of
    rows would grow with the corpus (2,000 rows × 500,000 units = 12 GB).
    """
    if n_rows == 0:
        return []
    frequency = np.bincount(matrix.indices, minlength=matrix.shape[1]).astype(np.int64)
    head = matrix[:n_rows].copy()
    head.data = np.ones_like(head.data)
    cost = np.asarray(head @ frequency).ravel().astype(np.int64)
    # A block ends before the row that would take it past the entry budget or the row limit.
    blocks, start, used = [], 0, 0
    for row in range(n_rows):
        if row > start and (used + cost[row] > PRODUCT_ENTRIES or row - start >= ROW_BLOCK):
            blocks.append((start, row))
            start, used = row, 0
        used += int(cost[row])
    blocks.append((start, n_rows))
    return blocks


def rowdot(matrix: sp.csr_matrix, a: np.ndarray, b: np.ndarray, other: sp.csr_matrix | None = None, *,
           batch: int = 200_000) -> np.ndarray:
    """Dot products of rows ``matrix[a[k]]`` and ``other[b[k]]`` (default ``matrix``) for every k, without the
    full product, a batch of pairs at a time so that memory stays bounded."""
    other = matrix if other is None else other
    out = np.zeros(len(a))
    for start in range(0, len(a), batch):
        stop = start + batch
        out[start:stop] = np.asarray(matrix[a[start:stop]].multiply(other[b[start:stop]]).sum(axis=1)).ravel()
    return out


class Pairs(NamedTuple):
    """Sentence pairs: row positions ``i, j`` (``i``'s document first), sorted by ``i, j``, and ``similarity``."""

    i: np.ndarray
    j: np.ndarray
    similarity: np.ndarray


def sentence_pairs(matrix: sp.csr_matrix, units: Units, threshold: float, min_shared: int) -> Pairs:
    """Sentence pairs of different documents whose unit similarity reaches ``threshold``, as the uncollapsed
    aligner finds them.

    ``matrix`` has one unit-length row per key of ``units``. For each sentence: its partners (sentences of later
    documents and runs of any other document) with cosine >= threshold, capped at :data:`MAX_PARTNERS`; of
    those, pairs sharing at least ``min_shared`` features, and with a run only when the run beats each of its
    own sentences; a run pair counts for each sentence of the run. A sentence pair met through several units
    keeps its best similarity (at most 1).
    """
    binary = matrix.copy()
    binary.data[:] = 1.0
    context = _Context(matrix, binary, units, Copies.of(units), representatives(units), min_shared)
    transposed = matrix.T.tocsr()  # CSR, as the product wants it: converted once, not once per block
    found = []
    for start, stop in row_blocks(matrix, units.n_texts):
        entries = _Entries.of((matrix[start:stop] @ transposed).tocoo(), start, threshold)
        rows, first, end = _rows_with_partners(context, entries, start, stop)
        for r, c, v, e in _capped_partners(context, rows, first, end, entries):
            passed = _passes(context, entries.a[e], entries.b[e], v)
            found.append(_to_sentences(units, r[passed], c[passed], v[passed]))
    if not found:
        return Pairs(np.zeros(0, np.int64), np.zeros(0, np.int64), np.zeros(0))
    code, value = _max_by_code(*map(np.concatenate, zip(*found)))
    n = max(units.n_sentences, 1)
    return Pairs(code // n, code % n, value)


class _Context(NamedTuple):
    matrix: sp.csr_matrix
    binary: sp.csr_matrix  # the matrix with every entry 1: counts shared features
    units: Units
    copies: Copies
    first: np.ndarray  # first unit of each key
    min_shared: int


class _Entries(NamedTuple):
    """A block's products at or above the threshold: distinct sentence ``a`` × distinct unit ``b`` with cosine
    ``value``, sorted by ``a`` and then by ``value``, largest first."""

    a: np.ndarray
    b: np.ndarray
    value: np.ndarray

    @classmethod
    def of(cls, block: sp.coo_matrix, start: int, threshold: float) -> _Entries:
        keep = block.data >= threshold
        # int64: keys are combined into codes (key × number of keys) that overflow 32 bits at 10,000 articles.
        a, b, value = block.row[keep].astype(np.int64) + start, block.col[keep].astype(np.int64), block.data[keep]
        order = np.lexsort((-value, a))
        return cls(a[order], b[order], value[order])


def _rows_with_partners(context: _Context, entries: _Entries, start: int, stop: int):
    """The sentences whose texts are keys ``start … stop-1`` and have partners, and each one's first and end
    index into ``entries``."""
    keys = np.arange(start, stop)
    entry_first, entry_end = np.searchsorted(entries.a, keys), np.searchsorted(entries.a, keys, "right")
    copies = context.copies
    rows = copies.unit[copies.ptr[start]:copies.ptr[stop]]  # keys below n_texts are sentences
    local = context.units.key[rows] - start
    has = entry_end[local] > entry_first[local]
    return rows[has], entry_first[local[has]], entry_end[local[has]]


def _capped_partners(context: _Context, rows: np.ndarray, first: np.ndarray, end: np.ndarray, entries: _Entries):
    """Each row's partners as the uncollapsed aligner keeps them: the copies of its key's distinct partners that
    it may pair with, the :data:`MAX_PARTNERS` most similar, ties by unit number.

    A row's distinct partners are taken most similar first, a few at a time: nearly always the first few dozen
    fill the cap, so a text with hundreds of partners costs dozens per copy, not hundreds. Rows the first look
    does not settle are looked at again with four times as many.

    Yields, a chunk at a time, ``r`` (sentence), ``c`` (partner unit), ``v`` (similarity, at most 1) and ``e``
    (entry index)."""
    look = 2 * MAX_PARTNERS
    while len(rows):
        unsettled = []
        for chunk in _chunks(np.minimum(end - first, look)):
            stop = np.minimum(end[chunk], first[chunk] + look)
            r, c, v, e, settled = _partners_in(context, rows[chunk], first[chunk], stop, stop == end[chunk], entries)
            unsettled.append(chunk[~settled])
            yield r, c, v, e
        unsettled = np.concatenate(unsettled)
        rows, first, end, look = rows[unsettled], first[unsettled], end[unsettled], 4 * look


def _chunks(cost: np.ndarray) -> list[np.ndarray]:
    """Consecutive index ranges whose summed ``cost`` stays within :data:`EXPANSION_ENTRIES` (or one item)."""
    total = np.cumsum(cost)
    chunks, done = [], 0
    while done < len(cost):
        last = max(done + 1, int(np.searchsorted(total, (total[done - 1] if done else 0) + EXPANSION_ENTRIES,
                                                 "right")))
        chunks.append(np.arange(done, last))
        done = last
    return chunks


def _partners_in(context: _Context, rows, first, stop, complete, entries: _Entries):
    """:func:`_capped_partners` of ``rows`` from their entries ``first … stop-1`` (all of them where
    ``complete``); ``settled`` says for which rows those entries suffice."""
    units, copies = context.units, context.copies
    owner, e = _spans(first, stop - first)
    r, partner, v = rows[owner], entries.b[e], entries.value[e]
    d = units.doc[r]
    is_sentence = partner < units.n_texts
    left, right = copies.around(partner, d)
    lowest, end = copies.ptr[partner], copies.ptr[partner + 1]
    # A sentence pairs with the sentences of later documents (so each sentence pair is met once) and with the
    # runs of any other document.
    available = np.where(is_sentence, end - right, (end - lowest) - (right - left))
    before = _before_level(r, v, available)  # items are sorted by row and falling similarity
    # A row is settled when its entries run out or reach a similarity level that starts with the cap full:
    # nothing at or after that level can be kept.
    last = np.r_[owner[1:] != owner[:-1], True]
    settled = complete | (before[last] >= MAX_PARTNERS)
    keep = np.flatnonzero((available > 0) & (before < MAX_PARTNERS) & settled[owner])
    r, v, e, d, is_sentence = r[keep], v[keep], e[keep], d[keep], is_sentence[keep]
    take = MAX_PARTNERS - before[keep]
    if copies.ordered:
        # Copies are in document order: the sentences after document d are one stretch, and the runs outside d
        # all but one stretch, so at most ``take`` plus the copies inside d need looking at.
        left, right, lowest, end = left[keep], right[keep], lowest[keep], end[keep]
        lo = np.where(is_sentence, right, lowest)
        hi = np.minimum(end, lo + take + np.where(is_sentence, 0, right - left))
    else:
        lo, hi = lowest[keep], end[keep]
    which, position = _spans(lo, hi - lo)
    c = copies.unit[position]
    ok = np.where(is_sentence[which], units.doc[c] > d[which], units.doc[c] != d[which])
    which, c = which[ok], c[ok]
    listed = _rank_in_group(which) < take[which]
    which, c = which[listed], c[listed]
    r, v, e = r[which], v[which], e[which]
    best = _best_partners(r, c, v, MAX_PARTNERS)
    return r[best], c[best], np.minimum(v[best], 1.0), e[best], settled


def _before_level(r: np.ndarray, v: np.ndarray, count: np.ndarray) -> np.ndarray:
    """Per item, items sorted by ``r`` and falling ``v``: the summed ``count`` of the same row's items with a
    larger ``v``."""
    if len(r) == 0:
        return np.zeros(0, dtype=np.int64)
    total = np.cumsum(count) - count  # count of all earlier items
    new_row = np.r_[True, r[1:] != r[:-1]]
    new_level = new_row | np.r_[True, v[1:] != v[:-1]]
    index = np.arange(len(r))
    row_start = np.maximum.accumulate(np.where(new_row, index, 0))
    level_start = np.maximum.accumulate(np.where(new_level, index, 0))
    return total[level_start] - total[row_start]


def _rank_in_group(group: np.ndarray) -> np.ndarray:
    """0, 1, 2… within each run of equal values of ``group`` (which is sorted)."""
    if len(group) == 0:
        return np.zeros(0, dtype=np.int64)
    index = np.arange(len(group))
    return index - np.maximum.accumulate(np.where(np.r_[True, group[1:] != group[:-1]], index, 0))


def _best_partners(rows: np.ndarray, cols: np.ndarray, values: np.ndarray, limit: int) -> np.ndarray:
    """Indices of at most ``limit`` partners per row, the most similar, ties by column; sorted that way.

    Three documents never come near the limit; in a corpus where wire copy repeats across hundreds of
    articles, it keeps the pair list (and memory) linear in the number of sentences instead of growing with the
    square of the copies."""
    order = np.lexsort((cols, -values, rows))
    return order[_rank_in_group(rows[order]) < limit]


def _passes(context: _Context, a: np.ndarray, b: np.ndarray, v: np.ndarray) -> np.ndarray:
    """The finer filters, on distinct sentence ``a`` and distinct unit ``b`` with similarity ``v``: at least
    ``min_shared`` shared features, and a run only when it is more similar than each of its own sentences."""
    units, n_keys = context.units, context.units.n_keys
    distinct, inverse = np.unique(a * n_keys + b, return_inverse=True)
    inverse = inverse.ravel()
    a, b = distinct // n_keys, distinct % n_keys
    ok = np.ones(len(distinct), dtype=bool)
    if context.min_shared > 1:
        ok &= rowdot(context.binary, a, b) >= context.min_shared
    beaten = np.zeros(len(distinct))  # a run's best single sentence (0: not a run)
    run = np.flatnonzero(ok & (b >= units.n_texts))
    unit = context.first[b[run]]  # every copy of a run key holds the same texts
    for offset in range(int(units.length[unit].max()) if len(run) else 0):
        inside = offset < units.length[unit]
        part = units.key[units.start[unit[inside]] + offset]
        beaten[run[inside]] = np.maximum(beaten[run[inside]], rowdot(context.matrix, part, a[run[inside]]))
    is_run = b >= units.n_texts
    return ok[inverse] & (~is_run[inverse] | (v > beaten[inverse]))


def _to_sentences(units: Units, r, c, v):
    """Unit pairs as sentence pairs ``(code, similarity)``, code ``i * n + j`` with ``i``'s document first: a run
    pairs each of its sentences; the best similarity per pair."""
    which, j = _spans(units.start[c], units.length[c])
    i, value = r[which], v[which]
    swap = units.doc[i] > units.doc[j]
    i, j = np.where(swap, j, i), np.where(swap, i, j)
    return _max_by_code(i * units.n_sentences + j, value)


def _max_by_code(code: np.ndarray, value: np.ndarray):
    """Each distinct ``code`` once, with its largest ``value``; sorted by code."""
    if len(code) == 0:
        return code, value
    order = np.argsort(code, kind="stable")
    code, value = code[order], value[order]
    start = np.flatnonzero(np.r_[True, code[1:] != code[:-1]])
    return code[start], np.maximum.reduceat(value, start)


# ---------------------------------------------------------------------------------------------------------
# After the pairs


def year_conflicts(texts: pd.Series, text_key: np.ndarray, i: np.ndarray, j: np.ndarray) -> np.ndarray:
    """True where both sentences give years and no two of them are within a year of each other.

    Years are read from the distinct texts once (``text_key`` numbers each sentence's text)."""
    distinct = texts.iloc[first_of_each(text_key)].astype(str)
    found = distinct.str.findall(YEAR_IN_TEXT.pattern)
    rows = np.repeat(np.arange(len(found)), found.map(len).to_numpy())
    years = np.array([int(y) for ys in found for y in ys], dtype=np.int64)
    has = np.bincount(rows, minlength=len(found)) > 0
    ki, kj = text_key[i], text_key[j]
    both = np.flatnonzero(has[ki] & has[kj])
    conflict = np.zeros(len(i), dtype=bool)
    if len(both) == 0:
        return conflict
    pair, inverse = np.unique(ki[both] * len(found) + kj[both], return_inverse=True)
    shape = (len(found), 2101)
    exact = sp.csr_matrix((np.ones(len(years)), (rows, years)), shape=shape)
    widened = sp.csr_matrix((np.ones(3 * len(years)), (np.tile(rows, 3),
                                                        np.concatenate([years - 1, years, years + 1]))), shape=shape)
    near = rowdot(exact, pair // len(found), pair % len(found), widened)
    conflict[both] = (near == 0)[inverse.ravel()]
    return conflict


def top_k(pairs: Pairs, doc: np.ndarray, k: int) -> np.ndarray:
    """Which pairs are among the ``k`` most similar partners, in the other document, of at least one of their
    sentences (rank with ties at the better place, as ``rank(method="min")``)."""
    n_docs = int(doc.max()) + 1 if len(doc) else 1
    return (_min_rank(pairs.i * n_docs + doc[pairs.j], pairs.similarity) <= k) | \
        (_min_rank(pairs.j * n_docs + doc[pairs.i], pairs.similarity) <= k)


def _min_rank(group: np.ndarray, value: np.ndarray) -> np.ndarray:
    """Rank of each ``value`` within its ``group`` (largest first, ties share the best rank)."""
    if len(group) == 0:
        return np.zeros(0, dtype=np.int64)
    order = np.lexsort((-value, group))
    g, v = group[order], value[order]
    index = np.arange(len(g))
    new_group = np.r_[True, g[1:] != g[:-1]]
    new_tie = new_group | np.r_[True, v[1:] != v[:-1]]
    rank = np.empty(len(g), dtype=np.int64)
    rank[order] = np.maximum.accumulate(np.where(new_tie, index, 0)) - \
        np.maximum.accumulate(np.where(new_group, index, 0)) + 1
    return rank
