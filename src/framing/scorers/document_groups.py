"""Per-document sums, means and counts over a long table without a pandas group per document."""

from __future__ import annotations

import numpy as np
import pandas as pd


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
