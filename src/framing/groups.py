"""Compare groups of documents (outlets, months, kinds) instead of single documents.

With thousands of articles, ten per outlet or a thousand, a figure with one panel per article says nothing; the
question is how *outlets* frame the story. :func:`group_view` turns an :class:`~framing.tables.Analysis` into
one whose "documents" are the groups of a metadata column, so every summary, figure and the report compare
groups with the same code that compares documents. The per-document tables of the run are not changed.
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pandas as pd

from . import align
from .align.compare import sparse_grid
from .corpus import Corpus, PARAGRAPH_COLUMNS
from .heap import release_freed_memory
from .tables import Analysis, SummaryRows, document_summaries, summary_rows, word_shift_for
from .views import group_of

KEY = ["doc_id", "sent_id"]


# The code-to-row table of _group_pairs is built when it has at most this many slots per sentence, or this many
# slots in all (8 MB).
DENSE_LOOKUP_PER_ROW = 8
DENSE_LOOKUP_MIN_SLOTS = 1_000_000


def shown_analysis(analysis: Analysis, view=None) -> Analysis:
    """What figures and the report draw for ``view`` (default ``analysis.view``): the run regrouped by
    :func:`group_view` when the view compares groups, else the run itself (the same object)."""
    view = view if view is not None else analysis.view
    if view is None or view.group_by is None:
        return analysis
    return group_view(analysis, view.group_by)


def group_view(analysis: Analysis, column: str | None = None) -> Analysis:
    """The same run with one "document" per group of ``column`` (default ``analysis.group_by``).

    Sentences keep their scores; a group's sentences are numbered 1, 2, … in document order (``doc_id`` becomes
    the group, ``sent_id`` the number within it), so every table keyed by ``doc_id, sent_id`` follows.
    Alignment pairs within one group are dropped (the view compares groups); events keep their members.
    Offsets (``start, end``) still point into each original document's text, which the view does not hold: the
    report built from a view has no reading view.

    Returns
    -------
    An :class:`~framing.tables.Analysis` whose ``corpus.documents`` has one row per group (``doc_id`` = the
    group, ``title`` saying how many documents it holds, ``kind`` = ``group``, ``notes`` listing up to five
    doc_ids) and whose summaries, event comparison, omissions and word choice are per group.
    """
    column = column or analysis.group_by
    if column is None:
        return analysis
    groups = group_of(analysis.corpus.documents, column)
    keys = _new_keys(analysis.sentences, groups)
    rank = {group: i for i, group in enumerate(pd.unique(groups))}
    sentences = _rekey(analysis.sentences, keys).sort_values(KEY, key=_by_rank(rank, {"doc_id"}), kind="stable",
                                                            ignore_index=True)
    corpus = _group_corpus(analysis.corpus, groups, column)
    terms = _rekey(analysis.terms, keys)
    members = _rekey(analysis.events, keys)
    labels = analysis.event_labels.assign(
        n_documents=analysis.event_labels["event_id"].map(members.groupby("event_id")["doc_id"].nunique())
        .fillna(0).astype("int64"))
    harms = _rekey(analysis.harms, keys)
    rewrites = _rekey(analysis.rewrites, keys) if len(analysis.rewrites.columns) else analysis.rewrites
    summary = summary_rows(sentences, terms, harms)
    # As for documents: hundreds of groups would make a grid of events × groups, nearly all of it omissions.
    many = sparse_grid(len(corpus.documents), "group", by=f" by {column}", prefix="group_",
                       advice="group by a column with fewer values to see what groups leave out")
    comparison = align.event_comparison(align.Events(members, labels), summary.sentences,
                                        scores=summary.sentences, terms=summary.terms, covered_only=many)
    pairs = _group_pairs(analysis.pairs, keys, rank)
    release_freed_memory()  # the look-ups of millions of pairs, the run's peak, before the word choice reads them
    grouped = replace(
        analysis, group_by=column, corpus=corpus, sentences=sentences, terms=terms,
        contributions=_rekey(analysis.contributions, keys),
        sources=_rekey(analysis.sources, keys), spans=_rekey(analysis.spans, keys), harms=harms,
        pairs=pairs, events=members, event_labels=labels,
        comparison=comparison, omissions=align.omissions(comparison),
        word_choice=align.word_choice(pairs, summary.terms, sentences, lexicon=analysis.lexicon.entries),
        labels=_group_labels(analysis.labels, groups),
        rewrites=rewrites,
        **document_summaries(corpus, summary, analysis.lexicon, rewrites=rewrites,
                             every=SummaryRows(sentences, terms, harms))._asdict(),
    )
    pair = analysis.word_shift_pair
    if pair is None or not set(pair) <= set(rank):
        # A pair of documents (an Analysis regrouped after the run): the figures choose a pair of groups.
        return replace(grouped, word_shift_pair=None, word_shift=None)
    return replace(grouped, word_shift=word_shift_for(grouped))


def _new_keys(sentences: pd.DataFrame, groups: pd.Series) -> pd.DataFrame:
    """``doc_id, sent_id`` → ``group, number`` (1-based, in document order within the group)."""
    keys = sentences[KEY].copy()
    keys["group"] = keys["doc_id"].map(groups).to_numpy()
    keys["document"] = pd.factorize(keys["doc_id"])[0]
    keys = keys.sort_values(["group", "document", "sent_id"], kind="stable")
    keys["number"] = keys.groupby("group").cumcount().astype("int64") + 1
    return keys[["doc_id", "sent_id", "group", "number"]]


def _rekey(table: pd.DataFrame, keys: pd.DataFrame) -> pd.DataFrame:
    columns = list(table.columns)
    merged = table.merge(keys, on=KEY, how="inner", sort=False)
    merged["doc_id"], merged["sent_id"] = merged["group"], merged["number"]
    return merged[columns].reset_index(drop=True)


def _group_labels(labels: pd.DataFrame, groups: pd.Series) -> pd.DataFrame:
    """Labels per group (``doc_id`` = the group): its documents' counts summed per actor, category and voice."""
    if "doc_id" not in labels.columns:
        return labels
    regrouped = labels.assign(doc_id=labels["doc_id"].map(groups).to_numpy())
    return regrouped.groupby(["doc_id", "actor", "category", "voice"], sort=False, as_index=False)["n"].sum()


def _by_rank(rank: dict[str, int], columns: set[str]):
    """A ``sort_values`` key: the named group columns sort in group order, the others as they are."""
    def key(column: pd.Series) -> pd.Series:
        return column.map(rank) if column.name in columns else column
    return key


def _group_corpus(corpus: Corpus, groups: pd.Series, column: str) -> Corpus:
    documents = corpus.documents.assign(group=corpus.documents["doc_id"].map(groups).to_numpy())
    rows = []
    for group, members in documents.groupby("group", sort=False):
        ids = members["doc_id"].tolist()
        row = {name: "" for name in documents.columns if name not in {"group"}}
        row.update(doc_id=group, title=f"{group} ({len(ids)} document{'s' if len(ids) != 1 else ''})",
                   kind="group", notes=", ".join(ids[:5]) + (f" and {len(ids) - 5} more" if len(ids) > 5 else ""),
                   n_paragraphs=int(members["n_paragraphs"].sum()), text="")
        if column in row:
            row[column] = group
        rows.append(row)
    removals = corpus.removals.assign(doc_id=corpus.removals["doc_id"].map(groups).to_numpy())
    return Corpus(documents=pd.DataFrame(rows, columns=[c for c in documents.columns if c != "group"]),
                  paragraphs=pd.DataFrame({c: pd.Series(dtype="object") for c in PARAGRAPH_COLUMNS}),
                  removals=removals)


def _positions_in(values: pd.Series, index: pd.Index) -> np.ndarray:
    """Each value's position in ``index``, which holds them all: by Arrow's hash look-up when the column is
    Arrow-backed (0.03 s instead of 0.6 s for the 4 million pair ids of 10,000 articles), else by pandas."""
    array = values.array
    if hasattr(array, "__arrow_array__"):
        import pyarrow as pa
        import pyarrow.compute as pc

        arrow = pa.array(array)
        found = pc.index_in(arrow, value_set=pa.array(index.to_numpy(dtype=object), type=arrow.type))
        if found.null_count == 0:
            return found.to_numpy(zero_copy_only=False).astype(np.int64)
    return index.get_indexer(values).astype(np.int64)


def _group_pairs(pairs: pd.DataFrame, keys: pd.DataFrame, rank: dict[str, int]) -> pd.DataFrame:
    """Alignment pairs between different groups, the group earlier in ``rank`` as side a."""
    # Millions of pairs at 10,000 articles, and this is the run's peak of memory: each side is looked up by an
    # integer code of (document, sentence) in a sorted array, not through an index of millions of tuples (which
    # doubled the peak); group ranks and sentence numbers are held as 32-bit integers, codes built in place.
    documents = pd.Index(keys["doc_id"].unique())
    stride = int(keys["sent_id"].max()) + 1
    codes = _positions_in(keys["doc_id"], documents) * stride + keys["sent_id"].to_numpy(np.int64)
    group_rank = pd.Categorical(keys["group"], categories=list(rank)).codes.astype(np.int32)
    number = keys["number"].to_numpy(np.int64)
    numbers = int(number.max(initial=0)) + 1
    number = number.astype(np.int32) if numbers < 2**31 else number
    # A table from code to row when it is small (one slot per possible sentence of each document): a look-up per
    # pair instead of a binary search; a corpus with one very long document keeps the search.
    if len(documents) * stride <= max(DENSE_LOOKUP_PER_ROW * len(codes), DENSE_LOOKUP_MIN_SLOTS):
        row_of = np.zeros(len(documents) * stride, dtype=np.int64)
        row_of[codes] = np.arange(len(codes))
        find = row_of.__getitem__
    else:
        sorter = np.argsort(codes, kind="stable")
        find = lambda wanted: sorter[np.searchsorted(codes, wanted, sorter=sorter)]  # noqa: E731

    def side(doc: pd.Series, sent: pd.Series) -> tuple[np.ndarray, np.ndarray]:
        wanted = _positions_in(doc, documents)
        wanted *= stride
        wanted += sent.to_numpy(np.int64)
        position = find(wanted)
        return group_rank[position], number[position]

    rank_a, sent_a = side(pairs["doc_a"], pairs["sent_a"])
    rank_b, sent_b = side(pairs["doc_b"], pairs["sent_b"])
    between = rank_a != rank_b
    rank_a, rank_b, sent_a, sent_b = rank_a[between], rank_b[between], sent_a[between], sent_b[between]
    similarity = pairs["similarity"].to_numpy()[between]
    del between
    swap = rank_a > rank_b
    rank_a[swap], rank_b[swap] = rank_b[swap], rank_a[swap]
    sent_a[swap], sent_b[swap] = sent_b[swap], sent_a[swap]
    del swap
    # Each sentence has one group number, so distinct document pairs never collide: no de-duplication needed.
    # Stable, as the multi-column sort_values it replaces; one sort of a combined code when it fits in 64 bits
    # (twice as fast as np.lexsort over millions of pairs), else np.lexsort.
    position = _order_of(rank_a, sent_a, rank_b, sent_b, groups=len(rank), numbers=numbers)
    names = np.asarray(list(rank), dtype=object)
    return pd.DataFrame({"doc_a": names[rank_a[position]], "sent_a": sent_a[position].astype(np.int64),
                         "doc_b": names[rank_b[position]], "sent_b": sent_b[position].astype(np.int64),
                         "similarity": similarity[position]})


def _order_of(rank_a, sent_a, rank_b, sent_b, *, groups: int, numbers: int) -> np.ndarray:
    """The stable order of pairs by ``rank_a, sent_a, rank_b, sent_b`` (ranks below ``groups``, sentence numbers
    below ``numbers``)."""
    if (groups * numbers) ** 2 < 2**62:
        code = rank_a.astype(np.int64)
        for factor, part in ((numbers, sent_a), (groups, rank_b), (numbers, sent_b)):
            code *= factor
            code += part
        return np.argsort(code, kind="stable")
    return np.lexsort((sent_b, rank_b, sent_a, rank_a))
