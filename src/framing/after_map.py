"""The corpus-wide work after the per-document map: the alignment tables, each sentence's event, and the word
contributions, which the worker pool makes while this process aligns; then the pool's end.

Why this process aligns, and not a worker beside the summaries (which the alignment does not need): measured on
1,000 articles, that was no faster (CLI 14.6 s against 14.2 s, five runs each, alternated). The worker imports
the alignment's libraries again, the sentences are pickled to it and the tables back (about one CPU second
more), and the summaries it would overlap take one second.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path
from typing import Any, NamedTuple

import numpy as np
import pandas as pd

from .executor import Engine, end_when_done, end_workers, map_batches
from .lexicons import Lexicon
from .tables import SummaryRows
from .views import View, group_of
from .rows import table_rows

# Sentences per unit of work for contributions computed after the map.
CONTRIBUTION_CHUNK = 2000


class Pending(NamedTuple):
    """Work under way: ``wait()`` returns its result; ``futures``: what the worker pool is doing for it (empty
    when the work is done here, when waited for)."""

    wait: Callable[[], Any]
    futures: list[Future]


def alignment_tables(summary: SummaryRows, sentences: pd.DataFrame, lexicon: Lexicon, events_file: Path | None, *,
                     threads: int = 1, progress: bool = False, compare_all: bool = False) -> dict:
    """The alignment tables of the summarised sentences (``pairs, events, event_labels, comparison, omissions,
    word_choice``; see :mod:`framing.align`) and ``alignment_note`` (see :class:`~framing.tables.Analysis`);
    ``threads``: sentence blocks compared at once; ``progress``: bars for its long steps on a terminal;
    ``compare_all``: see :class:`framing.align.Aligner`."""
    from . import align
    from .align.compare import sparse_grid

    summary_sentences, terms, _ = summary

    # The feature counts depend only on the texts: computed once, shared by the pairs and the events.
    aligner = align.Aligner(threads=threads, progress=progress, compare_all=compare_all)
    featurized = aligner.featurize(summary_sentences)
    pairs, shortlist_note = aligner.aligned(summary_sentences, featurized=featurized)
    grouped = align.events(summary_sentences, pairs, events_file=events_file, featurized=featurized,
                           progress=progress)
    events, labels = grouped
    many = sparse_grid(summary_sentences["doc_id"].nunique(), "document",
                       advice="use --group-by to see what groups leave out")
    comparison = align.event_comparison(grouped, summary_sentences, scores=summary_sentences, terms=terms,
                                        covered_only=many)
    return {
        "pairs": pairs,
        "events": events,
        "event_labels": labels,
        "comparison": comparison,
        "omissions": align.omissions(comparison),
        "word_choice": align.word_choice(pairs, terms, sentences, lexicon=lexicon.entries),
        "alignment_note": shortlist_note,
    }


def unaligned_tables() -> dict[str, pd.DataFrame]:
    """The alignment tables of :func:`alignment_tables`, with their columns and no rows: the run before it aligns."""
    from .align.columns import (COMPARISON_COLUMNS, EVENT_COLUMNS, LABEL_COLUMNS, OMISSION_COLUMNS, PAIR_COLUMNS,
                                WORD_CHOICE_COLUMNS, empty_table)

    return {"pairs": empty_table(PAIR_COLUMNS), "events": empty_table(EVENT_COLUMNS),
            "event_labels": empty_table(LABEL_COLUMNS), "comparison": empty_table(COMPARISON_COLUMNS),
            "omissions": empty_table(OMISSION_COLUMNS), "word_choice": empty_table(WORD_CHOICE_COLUMNS)}


def event_ids(sentences: pd.DataFrame, events: pd.DataFrame) -> pd.Series:
    """Each sentence's ``event_id`` from the events table (``""`` for a sentence in no event)."""
    lookup = dict(zip(table_rows(events, "doc_id", "sent_id"), events["event_id"].tolist()))
    return pd.Series([lookup.get(key, "") for key in table_rows(sentences, "doc_id", "sent_id")],
                     index=sentences.index, dtype="object")


def contribution_documents(view: View, pair: tuple[str, str] | None, documents: pd.DataFrame) -> list[str] | None:
    """The documents whose contributions the word shift reads (``None``: all of them, for the side-by-side
    view, where a reader may pick any pair from the tables)."""
    if view.kind == "documents":
        return None
    if pair is None:
        return []
    if view.group_by is not None:
        groups = group_of(documents, view.group_by)
        return groups.index[groups.isin(pair)].astype(str).tolist()
    return list(pair)


def start_contributions(sentences: pd.DataFrame, doc_ids: list[str] | None, jobs: int, engine: Engine,
                        pool: ProcessPoolExecutor | None = None) -> Pending:
    """Start the word contributions of the sentences of ``doc_ids`` (all when ``None``); ``wait()`` of what is
    returned waits for them and returns them in sentence order.

    With a worker pool and more than one chunk, the chunks are handed to it at once, so the workers make them
    while this process does other work; otherwise they are made when waited for (in this process, or mapped on
    Dask). A sentence's contributions depend on its text alone, so each distinct text is re-scored once (in
    chunks like the scoring) and its rows handed to every copy (:func:`framing.scorers.contributions.for_copies`):
    the same rows as scoring every sentence, at the cost of the distinct texts (syndicated wire copy repeats
    whole sentences).
    """
    from .scorers.contributions import contributions, for_copies

    chosen = sentences if doc_ids is None else sentences[sentences["doc_id"].isin(doc_ids)]
    codes, texts = pd.factorize(chosen["text"].astype(str), sort=False)
    distinct = pd.DataFrame({"doc_id": np.arange(len(texts)), "sent_id": np.arange(len(texts)), "start": 0,
                             "text": np.asarray(texts, dtype=object)})
    chunks = [distinct.iloc[i:i + CONTRIBUTION_CHUNK] for i in range(0, len(distinct), CONTRIBUTION_CHUNK)]
    keys = chosen[["doc_id", "sent_id", "start"]]

    def expanded(tables: list[pd.DataFrame]) -> pd.DataFrame:
        by_text = pd.concat(tables, ignore_index=True) if tables else contributions(distinct)
        return for_copies(by_text, codes, keys)

    if pool is not None and len(chunks) > 1:
        futures = [pool.submit(contributions, chunk) for chunk in chunks]
        return Pending(lambda: expanded([future.result() for future in futures]), futures)
    # One chunk is made here; more go to Dask, or are made here with jobs=1.
    return Pending(lambda: expanded(list(map_batches(contributions, iter(chunks),
                                                     jobs=jobs if len(chunks) > 1 else 1, engine=engine))), [])


def end_pool(pool: ProcessPoolExecutor | None, contributions: Pending | None = None) -> None:
    """End the pool's workers: now when they make no ``contributions``, else as soon as those are done
    (:func:`framing.executor.end_when_done`), so that their few hundred MB each are not held through the rest
    of the run."""
    if pool is None:
        return
    if contributions is not None and contributions.futures:
        end_when_done(pool, contributions.futures)
    else:
        end_workers(pool)
