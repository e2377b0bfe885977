"""Events: aligned sentences grouped across documents, seeded from an events file or clustered, and labelled."""

from __future__ import annotations

from pathlib import Path
from typing import Literal, NamedTuple

import numpy as np
import pandas as pd
import scipy.sparse as sp
from scipy.sparse.csgraph import connected_components

from ..errors import require_columns
from ..progress import steps
from .clusters import Splitter, grouped, split_into_events
from .columns import EVENT_COLUMNS, LABEL_COLUMNS
from .events_file import EventSpec, cue_pattern, match_events, read_events_file
from .features import Aligner, Featurized, Vectors
from .key_phrases import key_phrase

EventSource = Literal["events file", "clustered"]


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
        One row per event: ``event_id, label`` (the events-file name, or a short key phrase of the event's most
        central sentence: :func:`~framing.align.key_phrases.key_phrase`), ``n_documents, n_sentences``, ``source``
        ("events file" or "clustered") and ``keywords`` (its three most distinctive terms joined by " · ").
    """

    members: pd.DataFrame
    labels: pd.DataFrame


class _Groups(NamedTuple):
    """Sentences grouped so far: each sentence's group number (-1: none yet) and, per group, where it comes from
    and its name (``None``: labelled by its distinctive terms)."""

    of_sentence: np.ndarray
    sources: list[EventSource]
    names: list[str | None]


def events(sentences: pd.DataFrame, pairs: pd.DataFrame, *, events_file: str | Path | None = None,
           aligner: Aligner | None = None, min_terms: int = 2, max_size: int | None = None,
           featurized: Featurized | None = None, progress: bool = False) -> Events:
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
    progress
        A bar for the clustering ("finding events", one step per group of linked sentences) on a terminal,
        once it has run for a second (:data:`framing.progress.DELAY_SECONDS`).

    The remaining aligned sentences are grouped by connected components of the pair graph (scipy.sparse.csgraph),
    each component split by average-linkage clustering on cosine similarity cut at the aligner's threshold, so a
    chain A~B~C with A and C unrelated does not become one event. Groups smaller than two documents are dropped.

    Returns
    -------
    :class:`Events` ``(members, labels)``: ``members`` has ``event_id, doc_id, sent_id, similarity``; ``labels``
    has ``event_id, label, n_documents, n_sentences, source, keywords``.
    """
    aligner = aligner or Aligner()
    require_columns(sentences, ("doc_id", "sent_id", "text"), "sentences")
    sentences = sentences.reset_index(drop=True)
    if "section" not in sentences.columns:
        sentences = sentences.assign(section="body")
    doc = pd.factorize(sentences["doc_id"])[0]
    graph = _pair_graph(sentences, pairs)
    vectors = aligner.vectors(sentences, display=True, featurized=featurized)
    groups = _Groups(np.full(len(sentences), -1), [], [])
    if events_file is not None:
        groups = _seeded(sentences, graph, read_events_file(events_file), min_terms)
    _add_clustered(groups, sentences, graph, vectors, doc, aligner.threshold, max_size, progress=progress)
    return _events_tables(sentences, groups, graph, vectors, doc)


def _pair_graph(sentences: pd.DataFrame, pairs: pd.DataFrame) -> sp.csr_matrix:
    """Symmetric sentences × sentences matrix of the pairs' similarities (row positions in ``sentences``); pairs
    naming sentences not in the table are left out."""
    n = len(sentences)
    position = pd.Series(np.arange(n), index=pd.MultiIndex.from_arrays([sentences["doc_id"], sentences["sent_id"]]))
    i = position.reindex(pd.MultiIndex.from_arrays([pairs["doc_a"], pairs["sent_a"]])).to_numpy()
    j = position.reindex(pd.MultiIndex.from_arrays([pairs["doc_b"], pairs["sent_b"]])).to_numpy()
    known = ~(np.isnan(i.astype(float)) | np.isnan(j.astype(float)))
    i, j = i[known].astype(int), j[known].astype(int)
    weight = pairs["similarity"].to_numpy(dtype=float)[known]
    graph = sp.coo_matrix((weight, (i, j)), shape=(n, n)).tocsr()
    return graph.maximum(graph.T)


def _seeded(sentences: pd.DataFrame, graph: sp.csr_matrix, specs: list[EventSpec], min_terms: int) -> _Groups:
    """The events file's events: the sentences matching their cues, then aligned sentences one hop away."""
    group = np.full(len(sentences), -1)
    group[:] = match_events(sentences, specs, min_terms=min_terms).to_numpy()
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
            if any(cue_pattern(term).search(texts[sentence]) for term in specs[target].terms):
                group[sentence] = target
    return _Groups(group, ["events file"] * len(specs), [spec.name for spec in specs])


def _add_clustered(groups: _Groups, sentences: pd.DataFrame, graph: sp.csr_matrix, vectors: Vectors,
                   doc: np.ndarray, threshold: float, max_size: int | None, *, progress: bool = False) -> None:
    """Add to ``groups`` (in place) the clustered events of the aligned sentences no group holds yet: connected
    components of the pair graph, split by average linkage; a cluster needs sentences of two documents."""
    group = groups.of_sentence
    rest = np.flatnonzero((group < 0) & (np.asarray(graph.getnnz(axis=1)) > 0))
    if len(rest) == 0:
        return
    n_components, component = connected_components(graph[rest][:, rest], directed=False)
    limit = max_size or 3 * int(doc.max() + 1)
    splitter = Splitter.of(vectors.matrix, graph, limit, pd.factorize(sentences["text"].astype(str))[0], rest)
    for members in steps(grouped(rest, component), "finding events", total=n_components, unit="group",
                         shown=progress, delayed=True):
        for cluster in split_into_events(members, threshold, splitter):
            if len(np.unique(doc[cluster])) >= 2:
                group[cluster] = len(groups.sources)
                groups.sources.append("clustered")
                groups.names.append(None)


def _events_tables(sentences: pd.DataFrame, groups: _Groups, graph: sp.csr_matrix, vectors: Vectors,
                   doc: np.ndarray) -> Events:
    # Whole-array operations instead of one pass per event: corpora have thousands of events.
    group, sources, names = groups
    in_event = np.flatnonzero(group >= 0)
    first = pd.Series(in_event).groupby(group[in_event]).min()
    order = first.sort_values(kind="stable").index.to_numpy()  # events numbered by their first sentence
    rank = np.full(len(sources), -1)
    rank[order] = np.arange(len(order))
    width = max(2, len(str(len(order))))
    ids = np.array([f"E{k:0{width}d}" for k in range(1, len(order) + 1)], dtype=object)
    members = in_event[np.lexsort((in_event, rank[group[in_event]]))]
    event_of = rank[group[members]]  # per member, its event's position in ``order``
    similarity = _member_similarity(members, group, graph, vectors, doc)
    members_table = pd.DataFrame({
        "event_id": ids[event_of], "doc_id": sentences["doc_id"].to_numpy()[members],
        "sent_id": sentences["sent_id"].to_numpy()[members],
        # Python's round (correctly rounded decimals), as every other 4-decimal column of the tables.
        "similarity": [round(float(value), 4) if np.isfinite(value) else np.nan for value in similarity],
    }).astype({"sent_id": "int64", "similarity": "float64"})
    n_documents = pd.Series(doc[members]).groupby(event_of).nunique().to_numpy()
    n_sentences = np.bincount(event_of, minlength=len(order))
    labels_table = pd.DataFrame({
        "event_id": ids, "n_documents": n_documents, "n_sentences": n_sentences, "source": [sources[g] for g in order],
        **label_columns(sentences["text"].astype(str).to_numpy(), vectors, members, event_of,
                        [names[g] for g in order]),
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
    event_members = dict(zip(np.unique(event_of), grouped(np.arange(len(members)), event_of)))
    for rows in grouped(unlinked, event_of[unlinked]):
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


def label_columns(texts: np.ndarray, vectors: Vectors, members: np.ndarray, event_of: np.ndarray,
                  names: list[str | None]) -> dict[str, list[str]]:
    """The ``label`` and ``keywords`` columns of the events table, one value per event (in ``names`` order).

    ``keywords`` are the event's three most distinctive terms ("Kamyab · attending · gyms"); ``label`` is the
    event's name from the events file, else a key phrase of its most central sentence
    (:func:`~framing.align.key_phrases.key_phrase`), else the keywords. ``texts`` are the sentences' texts by row,
    ``members`` the sentence rows in events and ``event_of`` their event numbers."""
    sums = _event_sums(vectors, members, event_of, len(names))
    keywords = _distinctive_terms(vectors, sums)
    central = _central_sentences(vectors, sums, members, event_of)
    labels = [name if name is not None else key_phrase(texts[row], words.split(" · ")) or words
              for name, row, words in zip(names, central, keywords)]
    return {"label": labels, "keywords": keywords}


def _event_sums(vectors: Vectors, members: np.ndarray, event_of: np.ndarray, n_events: int) -> sp.csr_matrix:
    """Per event (rows 0 to ``n_events - 1``), the sum of its sentences' vectors: ``members`` are sentence rows and
    ``event_of`` their event numbers."""
    indicator = sp.csr_matrix((np.ones(len(members)), (event_of, members)),
                              shape=(n_events, vectors.matrix.shape[0]))
    sums = sp.csr_matrix(indicator @ vectors.matrix)
    sums.sort_indices()
    return sums


def _central_sentences(vectors: Vectors, sums: sp.csr_matrix, members: np.ndarray, event_of: np.ndarray
                       ) -> np.ndarray:
    """Per event, the sentence row nearest its centre: the member whose (unit) vector has the largest dot product
    with the event's summed vector, i.e. the largest cosine with its mean; ties go to the earlier sentence."""
    closeness = np.asarray(vectors.matrix[members].multiply(sums[event_of]).sum(axis=1)).ravel()
    best = pd.DataFrame({"event": event_of, "row": members, "closeness": closeness})
    best = best.sort_values(["event", "closeness", "row"], ascending=[True, False, True], kind="stable")
    return best.drop_duplicates("event")["row"].to_numpy()


def _distinctive_terms(vectors: Vectors, sums: sp.csr_matrix, *, n_terms: int = 3) -> list[str]:
    """Each event's most distinctive terms: largest summed TF-IDF weights over its sentences (``sums``, one row
    per event), years last."""
    labels = []
    for row in range(sums.shape[0]):
        values = sums.data[sums.indptr[row]:sums.indptr[row + 1]]
        columns = sums.indices[sums.indptr[row]:sums.indptr[row + 1]]
        best = np.argsort(-values, kind="stable")[:n_terms]
        picked = [vectors.features[columns[k]] for k in best if values[k] > 0]
        picked.sort(key=lambda feature: feature.startswith("Y:"))
        labels.append(" · ".join(vectors.display.get(feature, feature.split(":")[-1]) for feature in picked))
    return labels
