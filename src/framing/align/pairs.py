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

The products themselves (:mod:`framing.align.products`) are of every pair of distinct units that share a
feature, or, in a large corpus, of those its less common words put on a shortlist.

When every pair is compared, similarities are bit-for-bit those of the uncollapsed aligner: copies have
identical vector rows (same entries in the same order), and a sparse product entry depends only on its two rows.

Units (:mod:`framing.align.units`) are numbered as the uncollapsed aligner numbers them: that number breaks ties at
the cap. The aligner numbers the sentences sorted by ``doc_id, sent_id`` (:func:`canonical_order`), so that the
ties, and which document is "later", do not depend on the order of the input's rows.
"""

from __future__ import annotations

from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from functools import partial
from typing import NamedTuple

import numpy as np
import scipy.sparse as sp

from ..progress import steps
from .products import PRODUCT_ENTRIES, RowBlock, Shortlist, row_blocks, rowdot
from .units import Units, representatives, spans

# Most partners (sentences or runs in other documents) kept per sentence before the finer filters.
MAX_PARTNERS = 25
# Most (sentence, distinct partner) combinations expanded at once (about 60 bytes each: ~120 MB).
EXPANSION_ENTRIES = 2_000_000


# ---------------------------------------------------------------------------------------------------------
# The order pairs are looked for in


def canonical_order(doc_id: np.ndarray, sent_id: np.ndarray) -> np.ndarray:
    """Row positions sorted by ``doc_id`` (as text) and then ``sent_id``: the order the aligner numbers units in."""
    return np.lexsort((np.asarray(sent_id), np.asarray(doc_id).astype(str)))


def in_input_order(pairs: Pairs, order: np.ndarray, doc: np.ndarray) -> Pairs:
    """Pairs found among the rows ``order`` as row positions of the input (``doc``: each row's document number,
    in input order), ``i``'s document first, sorted by ``i, j``."""
    i, j = order[pairs.i], order[pairs.j]
    swap = doc[i] > doc[j]
    i, j = np.where(swap, j, i), np.where(swap, i, j)
    # One stable sort of a combined code (rows² fits in 64 bits below three billion rows): the order of
    # np.lexsort((j, i)), in less than half its time for the millions of pairs of 10,000 articles.
    sort = np.argsort(i * len(doc) + j, kind="stable")
    return Pairs(i[sort], j[sort], pairs.similarity[sort])


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

    def around(self, key: np.ndarray, doc: np.ndarray) -> Stretch:
        """Positions in ``by_doc`` where key's copies in ``doc`` begin and end."""
        tag = key * self.n_docs + doc
        return Stretch(np.searchsorted(self.by_doc, tag, "left"), np.searchsorted(self.by_doc, tag, "right"))


class Stretch(NamedTuple):
    """Positions ``left`` (first) and ``right`` (one past the last) of a stretch of a sorted array."""

    left: np.ndarray
    right: np.ndarray


# ---------------------------------------------------------------------------------------------------------
# Products of distinct units


class Pairs(NamedTuple):
    """Sentence pairs: row positions ``i, j`` (``i``'s document first), sorted by ``i, j``, and ``similarity``."""

    i: np.ndarray
    j: np.ndarray
    similarity: np.ndarray


def sentence_pairs(matrix: sp.csr_matrix, units: Units, threshold: float, min_shared: int, *,
                   threads: int = 1, progress: bool = False, shortlist: Shortlist | None = None) -> Pairs:
    """Sentence pairs of different documents whose unit similarity reaches ``threshold``, as the uncollapsed
    aligner finds them.

    ``matrix`` has one unit-length row per key of ``units``. For each sentence: its partners (sentences of later
    documents and runs of any other document) with cosine >= threshold, capped at :data:`MAX_PARTNERS`; of
    those, pairs sharing at least ``min_shared`` features, and with a run only when the run beats each of its
    own sentences; a run pair counts for each sentence of the run. A sentence pair met through several units
    keeps its best similarity (at most 1).

    ``threads``: row blocks worked on at once. Each block is independent, and its work — the sparse product,
    sorts and searches — runs in scipy's and numpy's compiled code, which lets go of the interpreter lock, so a
    second thread uses a second core. The blocks are made smaller by as much, so that the products held at once
    stay within :data:`PRODUCT_ENTRIES`. The pairs are the same for any number of threads.

    ``progress``: a bar over the row blocks on a terminal, once the comparison has taken a second
    (:data:`framing.progress.DELAY_SECONDS`).

    ``shortlist``: compare only the pairs it lists (:class:`~.products.Shortlist` of ``matrix``); by default
    every pair of units that share a feature.
    """
    binary = matrix.copy()
    binary.data[:] = 1.0
    # The transposed matrix in CSR, as the product wants it: converted once, not once per block.
    transposed = matrix.T.tocsr() if shortlist is None else None
    context = _Context(matrix, binary, units, Copies.of(units), representatives(units), min_shared, transposed,
                       shortlist)
    blocks = row_blocks(matrix if shortlist is None else shortlist.uncommon, units.n_texts,
                        PRODUCT_ENTRIES // threads)
    shown = partial(steps, label="comparing sentences", total=len(blocks), unit="block", shown=progress,
                    delayed=True)
    if threads > 1 and len(blocks) > 1:
        with ThreadPoolExecutor(threads) as pool:
            found = [pairs for block in shown(pool.map(partial(_block_pairs, context, threshold), blocks))
                     for pairs in block]
    else:
        found = [pairs for block in shown(blocks) for pairs in _block_pairs(context, threshold, block)]
    if not found:
        return Pairs(np.zeros(0, np.int64), np.zeros(0, np.int64), np.zeros(0))
    best = _max_by_code(*map(np.concatenate, zip(*found)))
    n = max(units.n_sentences, 1)
    return Pairs(best.code // n, best.code % n, best.similarity)


def _block_pairs(context: _Context, threshold: float, block: RowBlock) -> list[_CodedPairs]:
    """The kept sentence pairs of one row block (its rows' products with every unit)."""
    if context.shortlist is None:
        entries = _Entries.of(context.matrix[block.start:block.stop] @ context.transposed, block.start, threshold)
    else:
        entries = _Entries.sorted(*context.shortlist.entries(block, threshold))
    found = []
    for kept in _capped_partners(context, _rows_with_partners(context, entries, block), entries):
        passed = _passes(context, entries.a[kept.entry], entries.b[kept.entry], kept.similarity)
        found.append(_to_sentences(context.units, kept.row[passed], kept.unit[passed], kept.similarity[passed]))
    return found


class _Context(NamedTuple):
    matrix: sp.csr_matrix
    binary: sp.csr_matrix  # the matrix with every entry 1: counts shared features
    units: Units
    copies: Copies
    first: np.ndarray  # first unit of each key
    min_shared: int
    transposed: sp.csr_matrix | None  # the matrix transposed, in CSR (None: compared through the shortlist)
    shortlist: Shortlist | None


class _Entries(NamedTuple):
    """A block's products at or above the threshold: distinct sentence ``a`` × distinct unit ``b`` with cosine
    ``value``, sorted by ``a`` and then by ``value``, largest first."""

    a: np.ndarray
    b: np.ndarray
    value: np.ndarray

    @classmethod
    def of(cls, block: sp.csr_matrix, start: int, threshold: float) -> _Entries:
        """From a block's product (CSR): the rows of the kept entries only are looked up in its row pointers. Most
        entries fall below the threshold (99% for a corpus of distinct sentences: two sentences sharing one
        common word), and converting the product to COO wrote a row number for each of them."""
        keep = np.flatnonzero(block.data >= threshold)
        # int64: keys are combined into codes (key × number of keys) that overflow 32 bits at 10,000 articles.
        a = np.searchsorted(block.indptr, keep, side="right").astype(np.int64) - 1 + start
        return cls.sorted(a, block.indices[keep].astype(np.int64), block.data[keep])

    @classmethod
    def sorted(cls, a: np.ndarray, b: np.ndarray, value: np.ndarray) -> _Entries:
        order = np.lexsort((-value, a))
        return cls(a[order], b[order], value[order])


class _Candidates(NamedTuple):
    """Sentences with partners: ``entries[first[k]:end[k]]`` are sentence ``rows[k]``'s."""

    rows: np.ndarray
    first: np.ndarray
    end: np.ndarray


class _Partners(NamedTuple):
    """Kept partners, one per item: sentence ``row``, partner ``unit``, ``similarity`` (at most 1) and ``entry``,
    the index into the block's entries it came from."""

    row: np.ndarray
    unit: np.ndarray
    similarity: np.ndarray
    entry: np.ndarray


class _Look(NamedTuple):
    """:func:`_partners_in`'s answer: the partners kept, and per row whether its entries looked at suffice."""

    partners: _Partners
    settled: np.ndarray


class _CodedPairs(NamedTuple):
    """Sentence pairs as codes ``i * n + j`` (``n`` sentences) with their ``similarity``."""

    code: np.ndarray
    similarity: np.ndarray


def _rows_with_partners(context: _Context, entries: _Entries, block: RowBlock) -> _Candidates:
    """The sentences whose texts are keys ``start … stop-1`` of ``block`` and have partners, and each one's first
    and end index into ``entries``."""
    start, stop = block
    keys = np.arange(start, stop)
    entry_first, entry_end = np.searchsorted(entries.a, keys), np.searchsorted(entries.a, keys, "right")
    copies = context.copies
    rows = copies.unit[copies.ptr[start]:copies.ptr[stop]]  # keys below n_texts are sentences
    local = context.units.key[rows] - start
    has = entry_end[local] > entry_first[local]
    return _Candidates(rows[has], entry_first[local[has]], entry_end[local[has]])


def _capped_partners(context: _Context, candidates: _Candidates, entries: _Entries) -> Iterator[_Partners]:
    """Each row's partners as the uncollapsed aligner keeps them: the copies of its key's distinct partners that
    it may pair with, the :data:`MAX_PARTNERS` most similar, ties by unit number.

    A row's distinct partners are taken most similar first, a few at a time: nearly always the first few dozen
    fill the cap, so a text with hundreds of partners costs dozens per copy, not hundreds. Rows the first look
    does not settle are looked at again with four times as many.

    Yields the kept partners a chunk at a time."""
    rows, first, end = candidates
    look = 2 * MAX_PARTNERS
    while len(rows):
        unsettled = []
        for chunk in _chunks(np.minimum(end - first, look)):
            stop = np.minimum(end[chunk], first[chunk] + look)
            found = _partners_in(context, rows[chunk], first[chunk], stop, stop == end[chunk], entries)
            unsettled.append(chunk[~found.settled])
            yield found.partners
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


def _partners_in(context: _Context, rows, first, stop, complete, entries: _Entries) -> _Look:
    """:func:`_capped_partners` of ``rows`` from their entries ``first … stop-1`` (all of them where
    ``complete``); ``settled`` says for which rows those entries suffice."""
    units, copies = context.units, context.copies
    owner, e = spans(first, stop - first)
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
    which, position = spans(lo, hi - lo)
    c = copies.unit[position]
    ok = np.where(is_sentence[which], units.doc[c] > d[which], units.doc[c] != d[which])
    which, c = which[ok], c[ok]
    listed = _rank_in_group(which) < take[which]
    which, c = which[listed], c[listed]
    r, v, e = r[which], v[which], e[which]
    best = _best_partners(r, c, v, MAX_PARTNERS)
    return _Look(_Partners(r[best], c[best], np.minimum(v[best], 1.0), e[best]), settled)


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


def _to_sentences(units: Units, r, c, v) -> _CodedPairs:
    """Unit pairs as sentence pairs, code ``i * n + j`` with ``i``'s document first: a run
    pairs each of its sentences; the best similarity per pair."""
    which, j = spans(units.start[c], units.length[c])
    i, value = r[which], v[which]
    swap = units.doc[i] > units.doc[j]
    i, j = np.where(swap, j, i), np.where(swap, i, j)
    return _max_by_code(i * units.n_sentences + j, value)


def _max_by_code(code: np.ndarray, value: np.ndarray) -> _CodedPairs:
    """Each distinct ``code`` once, with its largest ``value``; sorted by code."""
    if len(code) == 0:
        return _CodedPairs(code, value)
    order = np.argsort(code, kind="stable")
    code, value = code[order], value[order]
    start = np.flatnonzero(np.r_[True, code[1:] != code[:-1]])
    return _CodedPairs(code[start], np.maximum.reduceat(value, start))
