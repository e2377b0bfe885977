"""Sparse products of unit vectors at any corpus size: row blocks within a memory budget, row-by-row dot
products, and the shortlist that keeps a large corpus's comparison linear.

**Why a shortlist.** The aligner's similarity is the cosine of TF-IDF vectors, and a block's product holds an
entry for every pair of units sharing *any* feature. A word in ``df`` units makes ``df²`` entries, so the
product grows with the square of the corpus: at 10,000 articles of rarely repeated sentences it held 16 billion
entries, of which fewer than 1% reached the threshold (147 of the alignment's 180 s). Pairs that tell the same
event share words that are rare in the corpus (names, places, the event's own nouns); the common words add a
little to their similarity and make nearly all of the cost.

So the products may hold at most :func:`product_budget` entries: :data:`EXACT_PRODUCT_ENTRIES`, or
:data:`ENTRIES_PER_USE` per stored entry of the matrix (each use of a feature by a unit), whichever is more.
A corpus whose exact products fit is compared exactly, as is any corpus with ``compare_all``. Beyond, the
commonest features are set aside until the products of the others fit (:func:`common_limit`): a pair is then
compared only when its uncommon features alone give at least :data:`CANDIDATE_SHARE` of the threshold, and its
similarity is computed in full, common words included. The cost is linear in the corpus by construction; the
pairs lost are those whose similarity rests on common words. How many, against the exhaustive comparison, is
measured by ``benchmarks/alignment_scale.py`` (``benchmarks/RESULTS.md``): the budget was chosen there, on
corpora of 3,000 and 10,000 articles, where it keeps about 98% of the pairs.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np
import scipy.sparse as sp
from sklearn.utils.extmath import row_norms

ROW_BLOCK = 2000  # most rows per sparse product
# Most entries one block's product may hold before its threshold is applied (about 16 bytes each: ~160 MB).
PRODUCT_ENTRIES = 10_000_000
# Entries all the products together may hold, whatever the corpus's size (about 3 s on two cores). 1,000
# articles of rarely repeated sentences make 170 million when every pair is compared; 3,000 make 1.5 billion.
EXACT_PRODUCT_ENTRIES = 500_000_000
# Entries the products may hold per stored entry of the matrix, beyond EXACT_PRODUCT_ENTRIES: linear in the
# corpus. At 10,000 articles of rarely repeated sentences every pair makes 1,971 per stored entry.
ENTRIES_PER_USE = 200
# Share of the threshold a pair's uncommon features must give before its full similarity is computed.
CANDIDATE_SHARE = 0.5
# Rounding a bound on a similarity may be off by (unit vectors: a few 1e-16); far below any threshold's meaning.
BOUND_MARGIN = 1e-9


class RowBlock(NamedTuple):
    """Rows ``start … stop-1`` of a matrix."""

    start: int
    stop: int


def product_entries(matrix: sp.csr_matrix, n_rows: int) -> np.ndarray:
    """For each of the first ``n_rows`` rows, at most how many entries its product with all rows holds: the
    summed unit frequencies of its features."""
    frequency = np.bincount(matrix.indices, minlength=matrix.shape[1]).astype(np.int64)
    head = matrix[:n_rows].copy()
    head.data = np.ones_like(head.data)
    return np.asarray(head @ frequency).ravel().astype(np.int64)


def row_blocks(matrix: sp.csr_matrix, n_rows: int, budget: int | None = None) -> list[RowBlock]:
    """Consecutive row ranges of the first ``n_rows`` rows whose products with all rows hold at most ``budget``
    entries (default :data:`PRODUCT_ENTRIES`; at most :data:`ROW_BLOCK` rows each).

    A row's product has at most as many entries as the summed document frequencies of its features: in a corpus
    where a common word ("Iran") is in half the sentences, one row meets half the corpus, and a fixed block of
    rows would grow with the corpus (2,000 rows × 500,000 units = 12 GB).
    """
    if n_rows == 0:
        return []
    budget = PRODUCT_ENTRIES if budget is None else budget
    cost = product_entries(matrix, n_rows)
    # A block ends before the row that would take it past the entry budget or the row limit.
    blocks, start, used = [], 0, 0
    for row in range(n_rows):
        if row > start and (used + cost[row] > budget or row - start >= ROW_BLOCK):
            blocks.append(RowBlock(start, row))
            start, used = row, 0
        used += int(cost[row])
    blocks.append(RowBlock(start, n_rows))
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


class Shortlist(NamedTuple):
    """A matrix split by its common features (see the module's docstring)."""

    uncommon: sp.csr_matrix  # the matrix without the common features' entries
    transposed: sp.csr_matrix  # ``uncommon`` transposed, in CSR, as the product wants it
    common: sp.csr_matrix  # the common features' entries only
    common_features: np.ndarray  # their column numbers
    common_units: int  # a feature in more units than this is common
    common_norms: np.ndarray  # each row's length in the common features alone

    @classmethod
    def of(cls, matrix: sp.csr_matrix, n_rows: int, *, compare_all: bool = False) -> Shortlist | None:
        """The shortlist of ``matrix`` (unit-length rows; its first ``n_rows`` rows are multiplied with all), or
        ``None`` when every pair is compared: with ``compare_all``, or when the exact products stay within
        :func:`product_budget`."""
        if compare_all:
            return None
        frequency = np.bincount(matrix.indices, minlength=matrix.shape[1]).astype(np.int64)
        uses = np.bincount(matrix[:n_rows].indices, minlength=matrix.shape[1]).astype(np.int64)
        limit = common_limit(frequency, uses, product_budget(matrix))
        if limit is None:
            return None
        is_common = frequency > limit
        uncommon, common = _split_columns(matrix, is_common)
        return cls(uncommon, uncommon.T.tocsr(), common, np.flatnonzero(is_common), limit, row_norms(common))

    def entries(self, block: RowBlock, threshold: float) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Rows ``a`` of ``block``, their partners ``b`` and full similarities at or above ``threshold``, of
        the pairs on the shortlist (unsorted)."""
        product = self.uncommon[block.start:block.stop] @ self.transposed
        listed = np.flatnonzero(product.data >= CANDIDATE_SHARE * threshold)
        a = np.searchsorted(product.indptr, listed, side="right").astype(np.int64) - 1 + block.start
        b = product.indices[listed].astype(np.int64)
        uncommon = product.data[listed]
        # A text is always compared with itself, so that its copies in other documents pair up even when all
        # its words are common ("The minister said the government would review the policy").
        rows = np.arange(block.start, block.stop)
        own = np.setdiff1d(rows[row_norms(self.common[block.start:block.stop]) > 0], a[a == b])
        a, b = np.r_[a, own], np.r_[b, own]
        uncommon = np.r_[uncommon, row_norms(self.uncommon[own], squared=True)]
        # The common words add at most the product of the two rows' lengths in them (Cauchy–Schwarz): a pair
        # that cannot reach the threshold even so is dropped without its dot product, which would only confirm
        # it (58% of the candidates of 3,000 articles of rarely repeated sentences). The margin covers rounding.
        reachable = uncommon + self.common_norms[a] * self.common_norms[b] >= threshold - BOUND_MARGIN
        a, b, uncommon = a[reachable], b[reachable], uncommon[reachable]
        value = uncommon + rowdot(self.common, a, b)
        kept = value >= threshold
        return a[kept], b[kept], value[kept]


def product_budget(matrix: sp.csr_matrix) -> int:
    """Most entries the products of ``matrix``'s rows with all rows may hold: :data:`EXACT_PRODUCT_ENTRIES`, or
    :data:`ENTRIES_PER_USE` per stored entry, whichever is more."""
    return max(EXACT_PRODUCT_ENTRIES, ENTRIES_PER_USE * matrix.nnz)


def common_limit(frequency: np.ndarray, uses: np.ndarray, budget: int) -> int | None:
    """The largest unit frequency ``limit`` such that the products of the features in at most ``limit`` units
    hold at most ``budget`` entries (``None`` when every feature's do; at least 1).

    ``frequency``: each feature's number of units; ``uses``: its number among the multiplied rows. A feature's
    products hold ``uses × frequency`` entries."""
    cost = uses * frequency
    if int(cost.sum()) <= budget:
        return None
    levels, level = np.unique(frequency, return_inverse=True)
    within = np.cumsum(np.bincount(level.ravel(), weights=cost, minlength=len(levels)))
    fitting = np.flatnonzero(within <= budget)
    return int(levels[fitting[-1]]) if len(fitting) else 1


def _split_columns(matrix: sp.csr_matrix, chosen: np.ndarray) -> tuple[sp.csr_matrix, sp.csr_matrix]:
    """``matrix`` without the entries of the ``chosen`` columns, and with only those (each row's entries in
    their order)."""
    parts = []
    for dropped in (chosen, ~chosen):
        part = matrix.copy()
        part.data[dropped[part.indices]] = 0
        part.eliminate_zeros()  # a stored zero adds nothing to a product
        parts.append(part)
    return parts[0], parts[1]
