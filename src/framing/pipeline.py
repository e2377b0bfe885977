"""The whole analysis in one call: corpus → sentences → scorers → alignment → summary tables.

:func:`analyze` runs every stage once and returns an :class:`Analysis` holding each stage's tidy table; the CLI,
the report and the ``analysis/`` scripts all read from it. Nothing here writes files.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd
from tqdm.auto import tqdm

from .corpus import Corpus, load_corpus
from .lexicons import CATEGORIES, Lexicon, load_lexicon
from .segment import sentences as split_sentences

DEFAULT_SECTIONS = ("body",)
SENTENCE_CONTRACT = [
    "doc_id", "sent_id", "para_id", "section", "text", "n_words", "neg", "neu", "pos", "compound", "source",
    "source_kind", "cue", "stance", "quote", "quoted_share", "hedged", "hedge", "citations", "event_id",
]
# Not in the original contract, appended after it so readers by name are unaffected.
SENTENCE_EXTRAS = ["start", "end", "scare_quotes", "in_summary"]


@dataclass(frozen=True)
class Analysis:
    """Every table of one run.

    Attributes
    ----------
    corpus
        The cleaned corpus (documents, paragraphs, removals).
    sentences
        One row per sentence of every section, with every per-sentence measure (see ``SENTENCE_CONTRACT``):
        sentiment, attribution, ``event_id`` ("" when none), plus ``start, end, scare_quotes`` and
        ``in_summary`` (True for the sections the summaries use).
    terms
        Loaded-term hits (``doc_id, sent_id, term, lemma, category, direction, voice, start, end``).
    contributions
        Per-word VADER contributions (``doc_id, sent_id, token, start, end, contribution``).
    sources
        Every source found, several per sentence possible (``doc_id, sent_id, source, source_kind, cue, stance,
        start, end``).
    pairs, events, event_labels, comparison, omissions, word_choice
        Alignment tables (see :mod:`framing.align`).
    documents
        One row per document: metadata and every per-document summary (see :func:`document_table`).
    sentiment_summary, loaded_summary, term_counts, attribution_summary
        The long per-document summaries the figures read.
    lexicon
        The lexicon used.
    sections
        The sections the summaries use (``None`` = all).
    """

    corpus: Corpus
    sentences: pd.DataFrame
    terms: pd.DataFrame
    contributions: pd.DataFrame
    sources: pd.DataFrame
    pairs: pd.DataFrame
    events: pd.DataFrame
    event_labels: pd.DataFrame
    comparison: pd.DataFrame
    omissions: pd.DataFrame
    word_choice: pd.DataFrame
    documents: pd.DataFrame
    sentiment_summary: pd.DataFrame
    loaded_summary: pd.DataFrame
    term_counts: pd.DataFrame
    attribution_summary: pd.DataFrame
    lexicon: Lexicon
    sections: tuple[str, ...] | None

    @property
    def order(self) -> list[str]:
        """Document order (as given), used for colours and panels everywhere."""
        return self.corpus.documents["doc_id"].tolist()

    @property
    def summary_sentences(self) -> pd.DataFrame:
        """The sentences the summaries and figures 1–6 use."""
        return self.sentences[self.sentences["in_summary"]]


def analyze(paths, *, manifest: str | Path | None = None, sections=DEFAULT_SECTIONS,
            lexicon: str | Path | None = None, extend_lexicon: str | Path | None = None,
            events_file: str | Path | None = None, progress: bool = False) -> Analysis:
    """Run the whole pipeline on files/folders and return every table (see :class:`Analysis`).

    An ``events.toml`` inside a single corpus folder seeds the event grouping unless ``events_file`` is given.
    ``sections`` chooses the sentences that summaries, alignment and figures 1–6 use (default: body); every
    sentence is scored and kept in ``Analysis.sentences`` either way.
    """
    events_file = events_file if events_file is not None else _events_beside(paths)
    steps = tqdm(total=6, desc="framing", unit="step", disable=None if progress else True, leave=False)
    corpus = load_corpus(paths if isinstance(paths, list) else [paths], manifest=manifest)
    lex = load_lexicon(lexicon, extend=extend_lexicon)
    steps.update()
    table = split_sentences(corpus)
    table["in_summary"] = True if sections is None else table["section"].isin(list(sections))
    steps.set_postfix_str("sentiment")
    scored, contributions = _sentiment(table)
    steps.update()
    steps.set_postfix_str("attribution")
    attributed, sources, reported = _attribution(table, corpus)
    steps.update()
    steps.set_postfix_str("loaded terms")
    from .scorers.loaded import LoadedTermScorer, summarise_loaded, term_counts

    terms = LoadedTermScorer(lex)(table, reported)
    steps.update()
    sentences = table.merge(scored, on=["doc_id", "sent_id"]).merge(attributed, on=["doc_id", "sent_id"])
    summary_sentences = sentences[sentences["in_summary"]]
    summary_keys = set(zip(summary_sentences["doc_id"], summary_sentences["sent_id"]))
    summary_terms = terms[[key in summary_keys for key in zip(terms["doc_id"], terms["sent_id"])]]
    steps.set_postfix_str("alignment")
    alignment = _alignment(summary_sentences, sentences, summary_terms, lex, events_file)
    steps.update()
    sentences["event_id"] = _event_ids(sentences, alignment["events"])
    from .scorers.attribution import summarise_attribution
    from .scorers.sentiment import summarise_sentiment

    sentiment_summary = summarise_sentiment(summary_sentences[["doc_id", "sent_id", "compound"]])
    loaded_summary = summarise_loaded(summary_terms, summary_sentences)
    attribution_summary = summarise_attribution(
        summary_sentences, summary_sentences[["doc_id", "sent_id", *attributed.columns.drop(["doc_id", "sent_id"])]])
    documents = document_table(corpus, sentiment_summary, loaded_summary, attribution_summary,
                               summary_sentences, summary_terms)
    steps.update()
    steps.close()
    return Analysis(
        corpus=corpus,
        sentences=sentences[SENTENCE_CONTRACT + SENTENCE_EXTRAS],
        terms=terms,
        contributions=contributions,
        sources=sources,
        documents=documents,
        sentiment_summary=sentiment_summary,
        loaded_summary=loaded_summary,
        term_counts=term_counts(summary_terms, lex),
        attribution_summary=attribution_summary,
        lexicon=lex,
        sections=None if sections is None else tuple(sections),
        **alignment,
    )


def _events_beside(paths) -> Path | None:
    """An ``events.toml`` in the (single) corpus folder is used like a manifest found there."""
    folders = [Path(p) for p in (paths if isinstance(paths, list) else [paths]) if Path(p).is_dir()]
    if len(folders) == 1 and (folders[0] / "events.toml").is_file():
        return folders[0] / "events.toml"
    return None


def _sentiment(table: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    from .scorers.sentiment import SentimentScorer, contributions

    return SentimentScorer()(table), contributions(table)


def _attribution(table: pd.DataFrame, corpus: Corpus):
    from .scorers.attribution import Attribution, attribution_details, reported_spans

    documents = corpus.documents[["doc_id", "text"]]
    return (Attribution()(table, documents), attribution_details(table, documents),
            reported_spans(table, documents))


def _alignment(summary_sentences, sentences, terms, lexicon, events_file) -> dict[str, pd.DataFrame]:
    from . import align

    pairs = align.align(summary_sentences)
    grouped = align.events(summary_sentences, pairs, events_file=events_file)
    events, labels = grouped
    comparison = align.event_comparison(grouped, summary_sentences, scores=summary_sentences, terms=terms)
    return {
        "pairs": pairs,
        "events": events,
        "event_labels": labels,
        "comparison": comparison,
        "omissions": align.omissions(comparison),
        "word_choice": align.word_choice(pairs, terms, sentences, lexicon=lexicon.entries),
    }


def _event_ids(sentences: pd.DataFrame, events: pd.DataFrame) -> pd.Series:
    lookup = dict(zip(zip(events["doc_id"], events["sent_id"]), events["event_id"]))
    return pd.Series([lookup.get(key, "") for key in zip(sentences["doc_id"], sentences["sent_id"])],
                     index=sentences.index, dtype="object")


def document_table(corpus: Corpus, sentiment: pd.DataFrame, loaded: pd.DataFrame, attribution: pd.DataFrame,
                   sentences: pd.DataFrame, terms: pd.DataFrame) -> pd.DataFrame:
    """One row per document: metadata and every per-document summary, wide (the CSV people open).

    Returns
    -------
    DataFrame with the manifest metadata (``doc_id, title, outlet, kind, published, source, notes``), ``path,
    sha256, encoding``; ``n_sentences, n_words`` (of the summarised sections); the sentiment summary
    (``mean_compound, ci_low, ci_high, median_compound, share_positive, share_neutral, share_negative``);
    loaded terms per 1,000 words ``loaded_authorial_per_1000, loaded_reported_per_1000`` and one column per
    category × voice (``<category>_<voice>_per_1000``); the attribution profile (``share_named,
    share_anonymous, share_none, named_to_anonymous, quoted_word_share, quote_sentence_share,
    scare_quotes_per_100, hedges_per_100, citations_per_100, share_attributed_by_citation, stance_*``); and the
    writer's-own-voice split: ``mean_compound_unattributed, mean_compound_attributed``.
    """
    meta = corpus.documents.drop(columns=["text", "n_paragraphs"])
    words = sentences.groupby("doc_id")["n_words"].sum().rename("n_words")
    by_voice = loaded.groupby(["doc_id", "voice"])["n_hits"].sum().unstack("voice").reindex(
        columns=["authorial", "reported"], fill_value=0)
    rates = by_voice.div(words.reindex(by_voice.index).clip(lower=1), axis=0) * 1000
    rates.columns = [f"loaded_{voice}_per_1000" for voice in rates.columns]
    wide = loaded.pivot_table(index="doc_id", columns=["category", "voice"], values="per_1000_words",
                              aggfunc="sum", fill_value=0.0)
    wide = wide.reindex(columns=pd.MultiIndex.from_product([CATEGORIES, ["authorial", "reported"]]), fill_value=0.0)
    wide.columns = [f"{category}_{voice}_per_1000" for category, voice in wide.columns]
    attributed = (sentences["source_kind"] != "none") | sentences["quote"].astype(bool)
    split = sentences.assign(attributed=attributed).groupby(["doc_id", "attributed"])["compound"].mean().unstack()
    split = split.reindex(columns=[False, True])
    split.columns = ["mean_compound_unattributed", "mean_compound_attributed"]
    table = (meta.merge(sentiment, on="doc_id", how="left")
             .merge(words, left_on="doc_id", right_index=True, how="left")
             .merge(rates, left_on="doc_id", right_index=True, how="left")
             .merge(wide, left_on="doc_id", right_index=True, how="left")
             .merge(attribution.drop(columns=["n_sentences"], errors="ignore"), on="doc_id", how="left")
             .merge(split, left_on="doc_id", right_index=True, how="left"))
    return table
