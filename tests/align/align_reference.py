"""The aligner as it was before verbatim copies were collapsed, kept to check the collapsed one against.

Every copy of a sentence is featurized and multiplied on its own here, as the pre-change code did (the functions
below are that code, unchanged but for the names it imports). Quadratic in copies: for small test corpora only.
"""

from collections import Counter

import numpy as np
import pandas as pd
import scipy.sparse as sp
from scipy.cluster.hierarchy import fcluster, linkage
from scipy.sparse.csgraph import connected_components
from scipy.spatial.distance import squareform
from sklearn.feature_extraction.text import CountVectorizer

from framing.align import (
    EVENT_COLUMNS, LABEL_COLUMNS, MONTHS, NAME_SHARE, OMISSION_COLUMNS, PAIR_COLUMNS, STOP_WORDS, YEAR_IN_TEXT,
    Aligner, Events, Featurized, Names, Words, match_events, read_events_file,
)
from framing.align.columns import empty_table as _empty
from framing.align.events_file import cue_pattern as _cue_pattern
from framing.align.grouping import label_columns as _label_columns
from framing.align.words import FeatureAnalyzer as _Analyzer
from framing.align.words import split_words as _words
from framing.errors import require_columns

ROW_BLOCK = 2000
PRODUCT_ENTRIES = 10_000_000
MAX_PARTNERS = 25
LINKAGE_LIMIT = 3000


def featurize(sentences: pd.DataFrame) -> Featurized:
    """``Aligner.featurize`` before the collapse: every sentence's words counted, copies included."""
    words = [_words(text) for text in sentences["text"].astype(str)]
    written: dict[str, Counter] = {}
    counter = CountVectorizer(analyzer=_Analyzer(_find_names(words), written=written))
    try:
        counts = counter.fit_transform(words).tocsr()
        features = counter.get_feature_names_out().astype(str)
    except ValueError:
        return Featurized(sp.csr_matrix((len(words), 0)), np.array([], dtype=str), {})
    display = {feature: forms.most_common(1)[0][0] for feature, forms in written.items()}
    return Featurized(counts, features, display)


def align(aligner: Aligner, sentences: pd.DataFrame, featurized: Featurized | None = None) -> pd.DataFrame:
    """``Aligner._align`` before the collapse."""
    self = aligner
    featurized = featurized or featurize(sentences)
    sentences = sentences.reset_index(drop=True)
    if sentences["doc_id"].nunique() < 2:
        return _empty(PAIR_COLUMNS)
    units = _units(sentences, self.max_run)
    membership = sp.csr_matrix((np.ones(units["members"].map(len).sum()),
                                (np.repeat(np.arange(len(units)), units["members"].map(len)),
                                 np.concatenate(units["members"].map(list).to_numpy()))),
                               shape=(len(units), len(sentences)))
    matrix = self.vectors(sentences, runs=membership, featurized=featurized).matrix
    doc = units["doc"].to_numpy()
    a, b, sim = _cross_document_products(matrix, doc, len(sentences), self.threshold)
    if self.min_shared > 1:
        binary = matrix.copy()
        binary.data[:] = 1.0
        enough = _rowdot(binary, a, b) >= self.min_shared
        a, b, sim = a[enough], b[enough], sim[enough]
    a, b, sim = _keep_useful_runs(matrix, units, a, b, sim)
    pairs = _expand(units, doc, a, b, sim)
    pairs["similarity"] *= np.where(_year_conflicts(sentences, pairs["i"], pairs["j"]), self.year_conflict, 1.0)
    pairs = pairs[pairs["similarity"] >= self.threshold]
    if self.top_k is not None:
        pairs = _top_k(pairs, sentences, self.top_k)
    return _pairs_table(sentences, pairs)



def _find_names(sentences: list[Words]) -> Names:
    capitalised, lower = Counter(), Counter()
    for words in sentences:
        for text in words.texts[1:]:
            if text[:1].isalpha():
                (capitalised if text[:1].isupper() else lower)[text.lower()] += 1
    names = frozenset(word for word, count in capitalised.items()
                      if count >= NAME_SHARE * (count + lower[word]) and word not in STOP_WORDS
                      and word not in MONTHS and len(word) > 1)
    before_name, seen = Counter(), Counter()
    for words in sentences:
        keys = [text.lower() for text in words.texts]
        for k, key in enumerate(keys):
            if key in names:
                seen[key] += 1
                if words.is_joined(k) and k + 1 < len(keys) and keys[k + 1] in names:
                    before_name[key] += 1
    given = frozenset(word for word, count in seen.items() if before_name[word] >= NAME_SHARE * count)
    return Names(names, given)



def _units(sentences: pd.DataFrame, max_run: int) -> pd.DataFrame:
    """Sentences and runs of up to ``max_run`` adjacent sentences of one document and section.

    Returns a DataFrame with ``members`` (tuple of row positions in ``sentences``) and ``doc`` (document index in
    order of appearance), singles first so that unit ``i < n`` is sentence ``i``.
    """
    doc = pd.factorize(sentences["doc_id"])[0]
    section = sentences["section"].to_numpy()
    n = len(sentences)
    members = [(i,) for i in range(n)]
    docs = list(doc)
    for length in range(2, max_run + 1):
        for start in range(n - length + 1):
            span = range(start, start + length)
            if all(doc[k] == doc[start] and section[k] == section[start] for k in span):
                members.append(tuple(span))
                docs.append(doc[start])
    return pd.DataFrame({"members": members, "doc": docs})


def _cross_document_products(matrix: sp.csr_matrix, doc: np.ndarray, n_singles: int, threshold: float):
    """Pairs ``a`` (a sentence, ``a < n_singles``) and ``b`` (a sentence or run) from different documents with
    cosine >= threshold; each sentence pair once (doc[a] < doc[b]), each sentence-run pair once.

    Only sentence rows are multiplied (runs are never compared with runs), a block of rows at a time, and only
    entries at or above the threshold are kept, so memory stays bounded.
    """
    rows, cols, values = [], [], []
    transposed = matrix.T.tocsc()
    for start, stop in _row_blocks(matrix, n_singles):
        block = (matrix[start:stop] @ transposed).tocoo()
        keep = block.data >= threshold
        r, c, v = block.row[keep] + start, block.col[keep], block.data[keep]
        wanted = np.where(c < n_singles, doc[c] > doc[r], doc[c] != doc[r])
        r, c, v = _best_partners(r[wanted], c[wanted], v[wanted], MAX_PARTNERS)
        rows.append(r)
        cols.append(c)
        values.append(v)
    return np.concatenate(rows), np.concatenate(cols), np.minimum(np.concatenate(values), 1.0)


def _row_blocks(matrix: sp.csr_matrix, n_rows: int) -> list[tuple[int, int]]:
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
    blocks, start, used = [], 0, 0
    for row in range(n_rows):
        if row > start and (used + cost[row] > PRODUCT_ENTRIES or row - start >= ROW_BLOCK):
            blocks.append((start, row))
            start, used = row, 0
        used += int(cost[row])
    blocks.append((start, n_rows))
    return blocks


def _best_partners(rows: np.ndarray, cols: np.ndarray, values: np.ndarray, limit: int):
    """At most ``limit`` partners per row, the most similar. Three documents never come near the limit; in a
    corpus where wire copy repeats across hundreds of articles, it keeps the pair list (and memory) linear in
    the number of sentences instead of growing with the square of the copies."""
    if len(rows) == 0:
        return rows, cols, values
    order = np.lexsort((cols, -values, rows))
    rows, cols, values = rows[order], cols[order], values[order]
    starts = np.r_[0, np.flatnonzero(np.diff(rows)) + 1]
    rank = np.arange(len(rows)) - np.repeat(starts, np.diff(np.r_[starts, len(rows)]))
    keep = rank < limit
    return rows[keep], cols[keep], values[keep]


def _rowdot(matrix: sp.csr_matrix, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Cosine of rows ``a[k]`` and ``b[k]`` for every k, without forming the full product."""
    if len(a) == 0:
        return np.zeros(0)
    return np.asarray(matrix[a].multiply(matrix[b]).sum(axis=1)).ravel()


def _keep_useful_runs(matrix, units, a, b, sim):
    """Drop unit pairs where a run is no more similar than one of its own sentences alone."""
    sizes = units["members"].map(len).to_numpy()
    involved = (sizes[a] > 1) | (sizes[b] > 1)
    if not involved.any():
        return a, b, sim
    ia, ib, isim = a[involved], b[involved], sim[involved]
    best_part = np.zeros(len(ia))
    width = int(sizes.max())
    padded = np.full((len(units), width), -1)
    for position in range(width):
        padded[:, position] = [m[position] if len(m) > position else -1 for m in units["members"]]
    for position in range(width):
        for mine, other in ((ia, ib), (ib, ia)):
            part = padded[mine, position]
            ok = (sizes[mine] > 1) & (part >= 0)
            best_part[ok] = np.maximum(best_part[ok], _rowdot(matrix, part[ok], other[ok]))
    useful = isim > best_part
    keep = ~involved
    keep[np.flatnonzero(involved)[useful]] = True
    return a[keep], b[keep], sim[keep]


def _expand(units, doc, a, b, sim) -> pd.DataFrame:
    """Sentence pairs ``i, j`` (row positions, document of ``i`` first) with the best similarity of any unit pair
    containing them."""
    members = units["members"].to_numpy()
    sizes = units["members"].map(len).to_numpy()
    # Unit a is always a sentence; unit b may be a run: one row per sentence of b.
    i = np.repeat(a, sizes[b])
    j = np.concatenate([np.asarray(m) for m in members[b]]) if len(b) else np.zeros(0, dtype=int)
    value = np.repeat(sim, sizes[b])
    swap = doc[i] > doc[j]
    i, j = np.where(swap, j, i), np.where(swap, i, j)
    frame = pd.DataFrame({"i": i.astype("int64"), "j": j.astype("int64"), "similarity": value})
    return frame.groupby(["i", "j"], as_index=False)["similarity"].max()


def _year_sets(sentences: pd.DataFrame) -> tuple[sp.csr_matrix, sp.csr_matrix]:
    """Indicator of the years each sentence gives, and the same widened by one year either side."""
    found = sentences["text"].astype(str).str.findall(YEAR_IN_TEXT.pattern)
    rows = np.repeat(np.arange(len(found)), found.map(len).to_numpy())
    years = np.array([int(y) for ys in found for y in ys], dtype=int)
    shape = (len(found), 2100)
    exact = sp.csr_matrix((np.ones(len(years)), (rows, years)), shape=shape)
    widened = sp.csr_matrix((np.ones(3 * len(years)),
                             (np.tile(rows, 3), np.concatenate([years - 1, years, np.minimum(years + 1, 2099)]))),
                            shape=shape)
    return exact, widened


def _year_conflicts(sentences: pd.DataFrame, i, j) -> np.ndarray:
    """True where both sentences give years and no two of them are within a year of each other."""
    i, j = np.asarray(i, dtype=int), np.asarray(j, dtype=int)
    exact, widened = _year_sets(sentences)
    has = np.asarray(exact.sum(axis=1)).ravel() > 0
    shared = _rowdot(sp.csr_matrix(exact), i, j) if len(i) else np.zeros(0)
    near = np.asarray(exact[i].multiply(widened[j]).sum(axis=1)).ravel() if len(i) else np.zeros(0)
    return has[i] & has[j] & (shared == 0) & (near == 0)


def _top_k(pairs: pd.DataFrame, sentences: pd.DataFrame, k: int) -> pd.DataFrame:
    doc = pd.factorize(sentences["doc_id"])[0]
    pairs = pairs.assign(doc_i=doc[pairs["i"]], doc_j=doc[pairs["j"]])
    rank_i = pairs.groupby(["i", "doc_j"])["similarity"].rank(method="min", ascending=False)
    rank_j = pairs.groupby(["j", "doc_i"])["similarity"].rank(method="min", ascending=False)
    return pairs[(rank_i <= k) | (rank_j <= k)]


def _pairs_table(sentences: pd.DataFrame, pairs: pd.DataFrame) -> pd.DataFrame:
    i, j = pairs["i"].to_numpy(), pairs["j"].to_numpy()
    table = pd.DataFrame({
        "doc_a": sentences["doc_id"].to_numpy()[i], "sent_a": sentences["sent_id"].to_numpy()[i],
        "doc_b": sentences["doc_id"].to_numpy()[j], "sent_b": sentences["sent_id"].to_numpy()[j],
        "similarity": pairs["similarity"].to_numpy().round(4),
    })
    table = table.assign(_ra=i, _rb=j).sort_values(["_ra", "_rb"], ignore_index=True)
    return table[PAIR_COLUMNS].astype({"sent_a": "int64", "sent_b": "int64", "similarity": "float64"})


# ---------------------------------------------------------------------------------------------------------
# Helpers shared by the tables



def events(sentences, pairs, *, events_file=None, aligner=None, min_terms=2, max_size=None, featurized=None):
    """``events`` before its components were split array-wise: one pass and one linkage per component."""
    aligner = aligner or Aligner()
    require_columns(sentences, ("doc_id", "sent_id", "text"), "sentences")
    sentences = sentences.reset_index(drop=True)
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
    sources, names = [], []
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
        sub = graph[rest][:, rest]
        _, component = connected_components(sub, directed=False)
        limit = max_size or 3 * int(doc.max() + 1)
        for label in np.unique(component):
            members = rest[component == label]
            for cluster in _split(members, vectors.matrix, aligner.threshold, limit, graph=graph):
                if len(set(doc[cluster])) >= 2:
                    group[cluster] = len(sources)
                    sources.append("clustered")
                    names.append(None)
    return _events_tables(sentences, group, sources, names, graph, vectors, doc)


def _split(members, matrix, threshold, limit, graph=None):
    """Average-linkage clusters of ``members`` whose mean cosine stays at or above ``threshold``.

    Average linkage needs all pairwise distances, so a component larger than :data:`LINKAGE_LIMIT` (wire copy
    repeated across hundreds of articles) is first cut on the sparse pair graph: links weaker than a raised
    threshold are dropped and the pieces are split in turn. Memory and time stay bounded by the limit.
    """
    if len(members) <= 2:
        return [members]
    if len(members) > LINKAGE_LIMIT and graph is not None and threshold < 0.99:
        tighter = min(1.0, threshold * 1.5)
        sub = graph[members][:, members].tocsr()
        sub.data[sub.data < tighter] = 0.0
        sub.eliminate_zeros()
        _, component = connected_components(sub, directed=False)
        out = []
        for label in np.unique(component):
            out.extend(_split(members[component == label], matrix, tighter, limit, graph))
        return out
    similarity = (matrix[members] @ matrix[members].T).toarray()
    distance = np.clip(1.0 - similarity, 0.0, None)
    np.fill_diagonal(distance, 0.0)
    tree = linkage(squareform(distance, checks=False), method="average")
    labels = fcluster(tree, t=1.0 - threshold, criterion="distance")
    clusters = [members[labels == k] for k in np.unique(labels)]
    out = []
    for cluster in clusters:
        if len(cluster) > limit:  # a topic, not an event: cut it tighter
            out.extend(_split(cluster, matrix, min(1.0, threshold * 1.5), limit, graph) if threshold < 0.99
                       else [cluster])
        else:
            out.append(cluster)
    return out


def omissions(comparison):
    """Events some documents cover and others leave out.

    Returns
    -------
    DataFrame with one row per event × document that has no sentence of an event another document covers:
    ``event_id, label``; ``covered_by`` (the documents that cover it, comma-separated in document order);
    ``missing_from`` (the document that leaves it out).
    """
    if not (comparison["n_sentences"] == 0).any():
        return _empty(OMISSION_COLUMNS)
    rows = []
    for (event_id, label), group in comparison.groupby(["event_id", "label"], sort=True):
        covered = group.loc[group["n_sentences"] > 0, "doc_id"].tolist()
        if not covered:
            continue
        for doc_id in group.loc[group["n_sentences"] == 0, "doc_id"]:
            rows.append((event_id, label, ", ".join(covered), doc_id))
    return pd.DataFrame(rows, columns=OMISSION_COLUMNS) if rows else _empty(OMISSION_COLUMNS)


def _events_tables(sentences, group, sources, names, graph, vectors, doc):
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
    n_documents = pd.Series(doc[members]).groupby(event_of).nunique().to_numpy()
    n_sentences = np.bincount(event_of, minlength=len(order))
    labels_table = pd.DataFrame({
        "event_id": ids, "n_documents": n_documents, "n_sentences": n_sentences, "source": [sources[g] for g in order],
        **_label_columns(sentences["text"].astype(str).to_numpy(), vectors, members, event_of,
                         [names[g] for g in order]),
    }, columns=LABEL_COLUMNS).astype({"n_documents": "int64", "n_sentences": "int64"})
    return Events(members_table[EVENT_COLUMNS], labels_table)


def _member_similarity(members, group, graph, vectors, doc):
    """Per member: its strongest alignment link inside its event or, without one (a sentence seeded from the
    events file), its best cosine with a member of another document; NaN when it has neither."""
    links = graph.tocoo()
    inside = (group[links.row] >= 0) & (group[links.row] == group[links.col])
    best_link = np.zeros(len(group))
    np.maximum.at(best_link, links.row[inside], links.data[inside])
    similarity = best_link[members].astype(float)
    unlinked = np.flatnonzero(similarity <= 0)
    for position in unlinked:
        member = members[position]
        others = members[(group[members] == group[member]) & (doc[members] != doc[member])]
        if len(others):
            similarity[position] = float((vectors.matrix[others] @ vectors.matrix[member].T).max())
        else:
            similarity[position] = np.nan
    return similarity
