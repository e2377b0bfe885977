"""Splitting a connected group of aligned sentences into events: average linkage on cosine similarity, with
bounded memory for the huge groups wire copy makes and no linkage at all for copies of one text."""

from __future__ import annotations

from typing import NamedTuple

import numpy as np
import scipy.sparse as sp
from scipy.cluster.hierarchy import fcluster, linkage
from scipy.sparse.csgraph import connected_components
from scipy.spatial.distance import squareform

# Largest group clustered by average linkage (its dense distance matrix: 3,000² × 8 bytes = 72 MB).
LINKAGE_LIMIT = 3000


def grouped(members: np.ndarray, label: np.ndarray) -> list[np.ndarray]:
    """``members`` split by ``label``, labels in increasing order, members in their order: one sort instead of one
    scan of all members per label (thousands of components)."""
    order = np.argsort(label, kind="stable")
    return np.split(members[order], np.flatnonzero(np.diff(label[order])) + 1)


class Splitter(NamedTuple):
    """What :func:`split_into_events` needs besides the members: sentence vectors, the pair graph, the largest
    event, and, so that copies of one text need no linkage, each sentence's text number and the distance between
    two copies."""

    matrix: sp.csr_matrix
    graph: sp.csr_matrix | None
    limit: int
    text_key: np.ndarray
    copy_distance: np.ndarray  # per text number; NaN where not computed

    @classmethod
    def of(cls, matrix, graph, limit, text_key, rows) -> Splitter:
        """For the sentences ``rows`` (the ones to split)."""
        keys, first = np.unique(text_key[rows], return_index=True)
        copy_distance = np.full(int(text_key.max()) + 1 if len(text_key) else 0, np.nan)
        copy_distance[keys] = _copy_distance(matrix, rows[first])
        return cls(matrix, graph, limit, text_key, copy_distance)


def _copy_distance(matrix: sp.csr_matrix, rows: np.ndarray) -> np.ndarray:
    """Per row: the distance average linkage sees between two copies of it (1 - cosine, at least 0).

    Computed by the same sparse product as :func:`split_into_events`'s similarity matrix, so rounded the same to
    the last bit: each row is put on columns of its own (one per entry, in the row's order), so the product is
    diagonal and each diagonal entry is summed in the order a copy × copy entry of the full product is."""
    sub = matrix[rows]
    own = sp.csr_matrix((sub.data, np.arange(sub.nnz), sub.indptr), shape=(len(rows), max(sub.nnz, 1)))
    return np.clip(1.0 - (own @ own.T).diagonal(), 0.0, None)


def split_into_events(members: np.ndarray, threshold: float, how: Splitter) -> list[np.ndarray]:
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
        return [cluster for piece in grouped(members, component)
                for cluster in split_into_events(piece, tighter, how)]
    clusters = _copies_linkage(members, threshold, how)
    if clusters is None:
        rows = how.matrix[members]
        # 1 - cosine, at least 0, made in place: a component of 3,000 sentences is 9 million distances.
        distance = (rows @ rows.T).toarray()
        np.subtract(1.0, distance, out=distance)
        np.maximum(distance, 0.0, out=distance)
        np.fill_diagonal(distance, 0.0)
        tree = linkage(squareform(distance, checks=False), method="average")
        clusters = grouped(members, fcluster(tree, t=1.0 - threshold, criterion="distance"))
    out = []
    for cluster in clusters:
        if len(cluster) > how.limit:  # a topic, not an event: cut it tighter
            out.extend(split_into_events(cluster, min(1.0, threshold * 1.5), how) if threshold < 0.99 else [cluster])
        else:
            out.append(cluster)
    return out


def _copies_linkage(members: np.ndarray, threshold: float, how: Splitter) -> list[np.ndarray] | None:
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
