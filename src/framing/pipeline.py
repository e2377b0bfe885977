"""The whole analysis in one call: corpus → sentences → scorers → alignment → tables.

:func:`analyze` runs every stage once and returns a :class:`~framing.tables.Analysis` holding each stage's tidy
table; the CLI, the report and the ``analysis/`` scripts all read from it. This module only orchestrates: the
scorers compute the per-sentence tables, :mod:`framing.align` the cross-document ones, :mod:`framing.tables` every
summary, :mod:`framing.executor` decides where the per-document map runs. Nothing here writes files.
"""

from __future__ import annotations

import time
import warnings
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path
from typing import Literal, NamedTuple, get_args

import pandas as pd

from .arguments import one_of, pair_choice, path_list, section_choice
from .after_map import (alignment_tables, contribution_documents, end_pool, event_ids, start_contributions,
                        unaligned_tables)
from .corpus import Corpus, clean_documents, load_documents
from .data_checks import recurring_sentences, warn_near_groups, warn_repeated_documents, warn_unsummarised
from .errors import input_error, warn
from .executor import Engine, auto_jobs, available_cores, check_engine, map_batches, worker_pool
from .heap import release_freed_memory
from .imports_ahead import AFTER_MAP, ImportsAhead, pays as imports_ahead_pays
from .inputs import TableOptions, in_memory_records, table_options
from .lexicons import Lexicon, load_lexicon
from .progress import progress_bar, stage
from .scorers.actors.run import named_actors, run_actors
from .segment import sentences as split_sentences
from .tables import (SENTENCE_CONTRACT, SENTENCE_EXTRAS, Analysis, SummaryRows, document_summaries, summary_rows,
                     word_shift_for)
from .views import View, check_pair, choose_view, group_of, word_shift_pair

DEFAULT_SECTIONS = ("body",)
ContributionMode = Literal["auto", "all", "none"]
CONTRIBUTION_MODES: tuple[str, ...] = get_args(ContributionMode)
# Documents per unit of work: big enough that per-batch overhead (DataFrames, pickling to a worker) is small
# next to scoring, small enough that two workers stay busy on a few hundred documents.
BATCH_SIZE = 40
# A batch also ends before the document that would take its text past this many characters (40 news articles
# are about 200,000), and a longer document is a batch of its own: a few long documents (transcripts, books)
# are then shared among the workers instead of one worker scoring them all.
BATCH_CHARACTERS = 250_000
# ... but it holds at least this many characters before BATCH_SIZE ends it: 40 posts, headlines or one-sentence
# rows are a few thousand characters, and each scorer's fixed cost per batch then outweighed the scoring
# (10,000 posts: 7.5 s of scoring in batches of 40, 4.9 s in batches of 100,000 characters; benchmarks/RESULTS.md).
# What a document gets never depends on its batch, so the tables are the same.
BATCH_LEAST_CHARACTERS = 100_000


def analyze(documents, *, text_column: str = "text", id_column: str | None = None, meta_columns=(),
            skip_bad_rows: bool = False, manifest: str | Path | None = None, sections=DEFAULT_SECTIONS,
            lexicon: str | Path | None = None, extend_lexicon: str | Path | None = None,
            events_file: str | Path | None = None, progress: bool = False, table: TableOptions | None = None,
            group_by: str | None = None, jobs: int | None = None, engine: Engine = "local",
            contributions: ContributionMode = "auto", pair: tuple[str, str] | str | None = None,
            actors: str | Path | None = None, before_alignment: Callable[[Analysis], None] | None = None,
            exact_alignment: bool = False, headline_column: str | None = None, sheet: str | None = None,
            exclude_recurring: bool = False, imports_ahead: Sequence[str] = ()) -> Analysis:
    """Run the whole pipeline on files/folders, one corpus table, or texts held in memory, and return every
    table (see :class:`~framing.tables.Analysis`). Nothing is written to disk (``Analysis.write`` does that).

    Reading, cleaning, splitting and the three scorers are a map over batches of documents (:func:`score_batch`),
    run in this process, in ``jobs`` worker processes, or on a local Dask cluster (``engine="dask"``); results
    are the same either way. Alignment and the summaries then run once over the whole corpus.

    Parameters
    ----------
    documents
        Files and folders of ``.txt``/``.md`` documents, or one ``.csv``/``.tsv``/``.jsonl``/``.json``/``.xlsx``
        corpus table (read row by row); or texts in memory: a list of strings (doc_ids ``doc1, doc2, …``), a
        ``{doc_id: text}`` mapping, or a pandas DataFrame with one document per row (see :mod:`framing.inputs`).
        Every document is read and checked before any is scored; a corpus table is streamed twice, never held whole
        (a ``.json`` document is parsed whole, each time).
    text_column, id_column, meta_columns, skip_bad_rows, headline_column
        For a corpus table or a DataFrame: the columns holding the text, the unique id (default ``id``; without
        one, a DataFrame gets ``doc1, doc2, …`` and a table's rows ``row2, row3, …``) and the metadata to keep (a
        list, or ``"a,b"`` as on the command line), and whether a bad row is skipped with a warning instead of
        refused (of files and folders: a file that cannot be read, such as an empty one); ``headline_column``, a
        column holding each article's headline (an export's ``title``), read as the document's first paragraph in
        the ``headline`` section (figure 11 compares it with the body). ``table`` is the older way to give the
        same (a :class:`TableOptions`).
    sheet
        The sheet of an Excel workbook given as the corpus table (default: the first).
    exclude_recurring
        Leave the sentences found word for word in 10% of the documents (page furniture a scraper kept, or wire
        copy; :func:`framing.data_checks.recurring_sentences`) out of the summaries, alignment and figures, as
        sentences outside ``sections`` are; ``sentences`` keeps them with ``in_summary`` false.
    sections
        The sentences that summaries, alignment and figures 1–6 use (default: body): names, ``"body,bullet"``
        as on the command line, or ``None`` / ``"all"``; every sentence is scored and kept in
        ``Analysis.sentences`` either way.
    events_file
        Seeds the event grouping; an ``events.toml`` inside a single corpus folder is used when not given.
    group_by
        A metadata column (e.g. ``outlet``); recorded in ``Analysis.group_by`` so figures and the report can
        compare groups (:func:`framing.groups.group_view`). The tables stay per document.
    jobs, engine
        Worker processes for the per-document map (default: one per core when the corpus is large enough to
        pay for starting them, see :func:`auto_jobs`); ``engine`` is ``local`` or ``dask`` (needs
        ``pip install framing[dask]``).
    contributions
        Per-word VADER contributions (about four VADER passes over the sentences they cover), read only by the
        word-shift figure and written to ``contributions.csv``. ``all``: every sentence; ``none``: skipped;
        ``auto`` (default): every sentence when the documents are shown side by side, else only the sentences
        of the two documents or groups the word shift compares — at corpus scale the rest would cost more than
        the whole remaining analysis and never be read. The values are the same whichever way they are made.
    pair
        The two doc_ids (or groups, when figures compare groups) for the word shift; default: the two whose mean
        sentence compound differs most. Checked, as ``group_by`` is, before any document is scored.
    actors
        An actors file (TOML ``[[actor]] name, aliases, group``; :mod:`framing.scorers.actors`) naming who is
        who; an ``actors.toml`` inside a single corpus folder is used when not given. Read before any document.
    before_alignment
        Called once the summaries are made, before the alignment, with the run as it stands then: an
        :class:`~framing.tables.Analysis` whose alignment tables (``pairs, events, event_labels, comparison,
        omissions, word_choice``) are empty, whose sentences (every column, ``event_id`` last) have ``event_id``
        ``""``, with no word contributions made after the map and no word shift. What it starts runs beside the
        alignment (the CLI draws the figures that read none of those: :mod:`framing.report.drawing`).
    exact_alignment
        Compare every pair of sentences that share a word, however large the corpus. By default a corpus too
        large for that (about 1,700 articles of rarely repeated sentences) compares only the pairs whose less
        common words come near the alignment threshold, with a warning (:mod:`framing.align.products`).
    imports_ahead
        Modules the caller imports after the run (the CLI: the figures and the report), imported with the ones
        the run needs after the map, by this process while it waits for the worker processes' results
        (:mod:`framing.imports_ahead`); nothing is imported ahead without workers, nor for a corpus large enough
        for the run's memory to matter more.
    """
    # Every option is checked, and in-memory texts read, before the long work; by the CLI's own checks.
    check_engine(engine, jobs)
    one_of(contributions, CONTRIBUTION_MODES, "contributions setting")
    sections = section_choice(sections)
    pair = pair_choice(pair)
    table = table_options(table, text_column=text_column, id_column=id_column, meta_columns=meta_columns,
                          skip_bad_rows=skip_bad_rows, headline_column=headline_column, sheet=sheet)
    timings: dict[str, float] = {}
    clock = time.perf_counter()
    records = in_memory_records(documents, table)
    if records is not None and manifest is not None:
        raise input_error(manifest, "texts in memory carry their own metadata (a DataFrame's meta_columns=); "
                                    "manifest= is for folders of files")
    paths = [] if records is not None else path_list(documents)
    events_file = events_file if events_file is not None else events_beside(paths)
    actor_specs = run_actors(actors, paths)
    lex = load_lexicon(lexicon, extend=extend_lexicon)
    batches, metadata, n_characters = document_batches(paths, manifest=manifest, table=table, records=records,
                                                       jobs=jobs)
    # What the view and the word-shift pair need is known before any document is scored: checked now, and a
    # corpus too large to show side by side says how it will be shown before the long work, not after it.
    _check_group_column(metadata, group_by)
    view = choose_view(metadata, group_by)
    if pair is not None:
        _check_pair(pair, view, metadata)
    if view.switched:
        warn(None, view.reason)
    jobs = jobs or auto_jobs(len(metadata), n_characters, engine)
    bar = progress_bar(total=len(metadata), desc="reading and scoring", unit="doc", shown=progress)
    # One pool for every map of the run, started while this process is still small (see worker_pool).
    with worker_pool(jobs, engine) as pool:
        # Contributions are made in the map only when every sentence needs them; else once the view is known.
        work = partial(score_batch, lexicon=lex, with_contributions=contributions == "all", actors=actor_specs,
                       skip_empty=table.skip_bad_rows)
        scored = []
        ahead = imports_ahead_pays(n_characters, workers=pool is not None)
        with ImportsAhead((*AFTER_MAP, *imports_ahead), enabled=ahead) as importing:
            for result in map_batches(work, batches, jobs=jobs, engine=engine, pool=pool, meanwhile=importing.step):
                for message in result.warnings:
                    warnings.warn(message, stacklevel=2)
                scored.append(result)
                bar.update(len(result.corpus.documents))
        bar.close()
        with stage("collecting scores and naming actors", progress):  # about 3 s at 10,000 articles
            corpus, sentences, terms, words, sources, spans, harms, mentions, rewrites = _concatenate(scored)
            del scored
            if corpus.documents.empty:
                raise input_error(None, "no document is left to analyse: each was skipped (see the warnings above)")
            warn_repeated_documents(corpus.documents)
            recurring = recurring_sentences(sentences, excluded=exclude_recurring)
            release_freed_memory()  # the batches as they came from the workers
            terms, named = named_actors(terms, mentions, actor_specs)
        timings["documents"] = time.perf_counter() - clock
        clock = time.perf_counter()
        sentences["in_summary"] = True if sections is None else sentences["section"].isin(list(sections))
        if exclude_recurring:
            sentences["in_summary"] &= ~recurring
        warn_unsummarised(corpus.documents, sentences, sections)
        summary = summary_rows(sentences, terms, harms)
        # The summaries and the word-shift pair need no alignment: made first, so that the workers compute the
        # pair's word contributions while this process aligns.
        with stage("summarising", progress):
            summaries = document_summaries(corpus, summary, lex, every=SummaryRows(sentences, terms, harms),
                                           rewrites=rewrites)
        pair = pair or word_shift_pair(view, summaries.documents, summary.sentences, corpus.documents)
        run = dict(corpus=corpus, terms=terms, sources=sources, spans=spans, harms=harms, rewrites=rewrites,
                   lexicon=lex, sections=None if sections is None else tuple(sections), group_by=group_by,
                   with_contributions=contributions != "none", view=view, word_shift_pair=pair, timings=timings,
                   actors=named.actors, labels=named.labels, **summaries._asdict())
        if before_alignment is not None:
            # A shallow copy with its own event_id column: no sentence is copied (at 10,000 articles a copy of
            # the table held 60 MB more through the alignment, the run's peak).
            unaligned = sentences.copy(deep=False)
            unaligned["event_id"] = ""
            before_alignment(Analysis(sentences=unaligned, contributions=words, **run, **unaligned_tables()))
            del unaligned
        made = None
        if contributions == "auto":
            made = start_contributions(sentences, contribution_documents(view, pair, corpus.documents), jobs,
                                       engine, pool)
        # Nothing more for the workers: ended before the alignment, the run's peak of memory, or as soon as the
        # contributions they make beside it are done, so that their few hundred MB each are not held through it.
        end_pool(pool, made)
        timings["summaries"] = time.perf_counter() - clock
        clock = time.perf_counter()
        # A thread per core, even while the workers make contributions: each distinct text once, they are mostly
        # over within seconds, and one thread left a core idle for the rest of the alignment (10,000 articles
        # grouped by outlet: alignment 23.3 → 16.9 s).
        threads = min(jobs, available_cores())
        with stage("aligning sentences and finding events", progress):
            alignment = alignment_tables(summary, sentences, lex, events_file, threads=threads, progress=progress,
                                         compare_all=exact_alignment)
        sentences["event_id"] = event_ids(sentences, alignment["events"])
        release_freed_memory()  # the alignment's products and features
        timings["alignment"] = time.perf_counter() - clock
        clock = time.perf_counter()
        if made is not None:
            with stage("word contributions", progress):
                words = made.wait()
        timings["contributions"] = time.perf_counter() - clock
    analysis = Analysis(sentences=sentences[SENTENCE_CONTRACT + SENTENCE_EXTRAS], contributions=words, **run,
                        **alignment)
    # In the groups view the pair names groups: group_view() computes their word shift.
    return analysis if view.group_by is not None else replace(analysis, word_shift=word_shift_for(analysis))


# ---------------------------------------------------------------------------------------------------------
# The per-document map


@dataclass(frozen=True)
class ScoredBatch:
    """Every per-document table of one batch of documents (what :func:`score_batch` returns).

    ``sentences`` has the segmenter's columns plus sentiment (``neg, neu, pos, compound``) and attribution
    (``source, source_kind, cue, stance, quote, quoted_share, scare_quotes, hedged, hedge``).
    """

    corpus: Corpus
    sentences: pd.DataFrame
    terms: pd.DataFrame
    contributions: pd.DataFrame
    sources: pd.DataFrame
    spans: pd.DataFrame  # quotations, scare quotes, attributed clauses, cues and hedges (AttributionTables.spans)
    harms: pd.DataFrame  # harm expressions with construction, agent, victim, voice (AgencyTables.harms)
    mentions: pd.DataFrame  # actor mentions per document (ActorTables.mentions), merged into actors after the map
    rewrites: pd.DataFrame  # sentences with authorial loaded terms in neutral words (scorers.rewrites)
    warnings: tuple[Warning, ...] = ()  # raised while scoring the batch, in order (see score_batch)


def score_batch(documents: pd.DataFrame, *, lexicon: Lexicon, with_contributions: bool = True,
                actors: tuple = (), skip_empty: bool = False) -> ScoredBatch:
    """Clean, split and score a batch of documents (``doc_id, path, raw_text`` and metadata, as from
    :func:`framing.corpus.load_documents`). Each document is scored on its own, so batches can run anywhere.
    ``actors``: the user's actors file, read (:func:`framing.scorers.actors.read_actors_file`); ``skip_empty``:
    a document the cleaner leaves without text is skipped with a warning instead of refused.

    The warnings raised while scoring (a document that looks like HTML, or not like English) travel with the
    batch, and :func:`analyze` raises them again as the batch arrives: printed by the worker that raised them,
    they came in no set order and past any count the run keeps of them (:mod:`framing.warning_digest`)."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        scored = _scored_batch(documents, lexicon=lexicon, with_contributions=with_contributions, actors=actors,
                               skip_empty=skip_empty)
    return replace(scored, warnings=tuple(warning.message for warning in caught))


def _scored_batch(documents: pd.DataFrame, *, lexicon: Lexicon, with_contributions: bool, actors: tuple,
                  skip_empty: bool = False) -> ScoredBatch:
    from .scorers.actors import ActorFinder
    from .scorers.agency import Agency
    from .scorers.attribution import Attribution
    from .scorers.rewrites import NeutralRewriter
    from .scorers.sentiment import SentimentScorer

    corpus = clean_documents(documents, skip_empty=skip_empty)
    table = split_sentences(corpus)
    scored, words = SentimentScorer(with_contributions=with_contributions)(table)
    attributed, sources, spans = Attribution()(table, corpus.documents[["doc_id", "text"]])
    terms, mentions = ActorFinder(actors)(table, _term_scorer(lexicon)(table, spans), sources)
    harms, passives = Agency()(table, spans)
    sentences = _joined(table, scored, attributed, passives)
    rewrites = NeutralRewriter(lexicon)(sentences, terms)
    return ScoredBatch(corpus, sentences, terms, words, sources, spans, harms, mentions, rewrites)


def _joined(table: pd.DataFrame, *scores: pd.DataFrame) -> pd.DataFrame:
    """``table`` with the columns of each of ``scores`` (tables keyed by ``doc_id, sent_id``), as inner merges on
    the key give it. A scorer that returns one row per sentence in the table's order (all do today) is joined by
    placing its columns beside the table's: a merge looked the keys up again, three times a batch."""
    key = ["doc_id", "sent_id"]
    joined = table.reset_index(drop=True)
    for score in scores:
        if len(score) == len(joined) and all(score[name].to_numpy().tolist() == joined[name].to_numpy().tolist()
                                             for name in key):
            joined = pd.concat([joined, score.drop(columns=key).reset_index(drop=True)], axis=1)
        else:
            joined = joined.merge(score, on=key)
    return joined


_TERM_SCORERS: dict[str, object] = {}


def _term_scorer(lexicon: Lexicon):
    """One compiled scorer per lexicon and process: compiling the lexicon's patterns per batch would cost more
    than matching them."""
    from .scorers.loaded import LoadedTermScorer

    if lexicon.sha256 not in _TERM_SCORERS:
        _TERM_SCORERS[lexicon.sha256] = LoadedTermScorer(lexicon)
    return _TERM_SCORERS[lexicon.sha256]


class DocumentBatches(NamedTuple):
    """What :func:`document_batches` returns, known before any batch is read: the batches; ``metadata``, one row
    per document in order (``doc_id`` and its metadata columns); and how many characters of text there are in
    all."""

    batches: Iterator[pd.DataFrame]
    metadata: pd.DataFrame
    n_characters: int


def document_batches(paths: list, *, manifest=None, table: TableOptions | None = None,
                     records: list[dict] | None = None, batch_size: int = BATCH_SIZE,
                     batch_characters: int = BATCH_CHARACTERS,
                     least_characters: int = BATCH_LEAST_CHARACTERS, jobs: int | None = None) -> DocumentBatches:
    """Documents in batches of at most ``batch_size`` rows — more when they hold fewer than ``least_characters``
    characters of text — and at most ``batch_characters`` characters (a longer document alone), with columns as
    from :func:`framing.corpus.load_documents`. ``records``: the documents already read from memory
    (:func:`framing.inputs.in_memory_records`), instead of ``paths``. ``jobs``: processes that may parse many
    Word documents (default one per core).

    Every document is read and checked before this returns: a corpus table is streamed twice, once through to
    check every row and keep its metadata (:func:`~framing.corpus.records.checked_table`), then batch by batch,
    so that a bad row stops the run before any work and no table is ever held whole."""
    from .corpus.reading import is_table
    from .corpus.records import NOT_METADATA, checked_table, read_records

    sizes = _BatchSizes(batch_size, batch_characters, least_characters)

    def chunks(items: Iterable[dict]) -> Iterator[pd.DataFrame]:
        for chunk in _chunks(items, sizes, size_of=lambda record: len(record["raw_text"])):
            yield pd.DataFrame.from_records(chunk)

    if records is not None:
        metadata = pd.DataFrame.from_records(records).drop(columns=list(NOT_METADATA), errors="ignore")
        return DocumentBatches(chunks(records), metadata, sum(len(record["raw_text"]) for record in records))
    tables = [p for p in paths if is_table(p)]
    if tables:
        if len(paths) != 1:
            raise input_error(tables[0], "give one corpus table (.csv, .tsv, .jsonl, .json, .xlsx) on its own, or "
                                         "files and folders of .txt/.md/.docx documents, not both")
        if manifest is not None:
            raise input_error(manifest, "a corpus table carries its own metadata (--meta-columns); "
                                        "--manifest is for folders of files")
        options = table or TableOptions()
        reading = dict(text_column=options.text_column, id_column=options.id_column,
                       meta_columns=options.meta_columns, skip_bad_rows=options.skip_bad_rows,
                       headline_column=options.headline_column, sheet=options.sheet)
        checked = checked_table(tables[0], **reading)
        return DocumentBatches(chunks(read_records(tables[0], **reading)),
                               pd.DataFrame.from_records(checked.metadata), checked.n_characters)
    if table is not None and table.sheet is not None:
        raise input_error(None, f"--sheet {table.sheet!r} names a sheet of an Excel workbook given as the corpus "
                                "table (.xlsx); files and folders of documents have none")
    documents = load_documents(paths, manifest=manifest, skip_bad_files=(table or TableOptions()).skip_bad_rows,
                               jobs=jobs)
    lengths = documents["raw_text"].str.len().tolist()
    ranges = _chunks(range(len(documents)), sizes, size_of=lengths.__getitem__)
    return DocumentBatches((documents.iloc[rows[0]:rows[-1] + 1] for rows in ranges),
                           documents.drop(columns=list(NOT_METADATA), errors="ignore"), sum(lengths))


class _BatchSizes(NamedTuple):
    """When a batch ends (see :func:`document_batches`)."""

    documents: int
    most_characters: int
    least_characters: int


def _chunks(items: Iterable, sizes: _BatchSizes, *, size_of: Callable[[object], int]) -> Iterator[list]:
    """``items`` in lists whose ``size_of`` sum to at most ``sizes.most_characters`` (an item larger than that
    alone), each ending at ``sizes.documents`` items once it holds ``sizes.least_characters``."""
    chunk, used = [], 0
    for item in items:
        length = size_of(item)
        full = len(chunk) >= sizes.documents and used >= sizes.least_characters
        if chunk and (full or used + length > sizes.most_characters):
            yield chunk
            chunk, used = [], 0
        chunk.append(item)
        used += length
    if chunk:
        yield chunk


def _check_pair(pair: tuple[str, str], view: View, documents: pd.DataFrame) -> None:
    """``--pair`` names two different documents, or two groups when figures compare groups."""
    if view.group_by is None:
        check_pair(pair, documents["doc_id"].astype(str).tolist())
    else:
        check_pair(pair, list(pd.unique(group_of(documents, view.group_by))), what=f"{view.group_by} groups")


def _concatenate(scored: list[ScoredBatch]):
    corpus = Corpus(documents=pd.concat([s.corpus.documents for s in scored], ignore_index=True),
                    paragraphs=pd.concat([s.corpus.paragraphs for s in scored], ignore_index=True),
                    removals=pd.concat([s.corpus.removals for s in scored], ignore_index=True))
    tables = [pd.concat([getattr(s, name) for s in scored], ignore_index=True)
              for name in ("sentences", "terms", "contributions", "sources", "spans", "harms", "mentions",
                           "rewrites")]
    return (corpus, *tables)


def _check_group_column(documents: pd.DataFrame, group_by: str | None) -> None:
    """``--group-by`` names a metadata column of ``documents`` (:class:`DocumentBatches`' ``metadata``) that
    has a value somewhere."""
    if group_by is None:
        return
    metadata = [c for c in documents.columns if c != "doc_id"]
    if group_by not in metadata or not documents[group_by].fillna("").astype(str).str.strip().any():
        raise input_error(None, f"cannot group by {group_by!r}: not a metadata column with values (have "
                                f"{', '.join(metadata)}; a corpus table needs it in --meta-columns, files need "
                                "it in the manifest)")
    warn_near_groups(pd.unique(group_of(documents, group_by)), group_by)


def events_beside(paths) -> Path | None:
    """An ``events.toml`` in the (single) corpus folder is used like a manifest found there."""
    folders = [Path(p) for p in (paths if isinstance(paths, list) else [paths]) if Path(p).is_dir()]
    if len(folders) == 1 and (folders[0] / "events.toml").is_file():
        return folders[0] / "events.toml"
    return None
