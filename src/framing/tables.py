"""The tables of a run: the :class:`Analysis` record and every summary computed from the scored sentences.

This is the one module that turns per-sentence tables into per-document (or per-group) summaries and the word
shift. The pipeline calls it once per run; :func:`framing.groups.group_view` calls it again over groups; figures
and the report only read what it returns. It sits below figures and report and above the scorers and alignment.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

import numpy as np
import pandas as pd

from .corpus import Corpus
from .lexicons import CATEGORIES, Lexicon
from .scorers.attribution import is_attributed
from .views import View
from .rows import table_rows

if TYPE_CHECKING:
    from matplotlib.figure import Figure

SENTENCE_CONTRACT = [
    "doc_id", "sent_id", "para_id", "section", "text", "n_words", "neg", "neu", "pos", "compound", "source",
    "source_kind", "cue", "stance", "quote", "quoted_share", "hedged", "hedge", "citations", "event_id",
]
# Not in the original contract, appended after it so readers by name are unaffected.
SENTENCE_EXTRAS = ["start", "end", "scare_quotes", "in_summary", "passive", "agentless_passive"]


@dataclass(frozen=True)
class Analysis:
    """Every table of one run (each a pandas DataFrame), as :func:`framing.analyze` returns it.

    In a notebook it shows a compact summary; ``.write(out, format=...)`` writes what ``framing analyze``
    writes, ``.figures()`` draws the figures, ``.measures`` is ``documents`` in long form.

    Attributes
    ----------
    corpus
        The cleaned corpus (documents, paragraphs, removals).
    sentences
        One row per sentence of every section, with every per-sentence measure (see ``SENTENCE_CONTRACT``):
        sentiment, attribution, ``event_id`` ("" when none), plus ``start, end, scare_quotes`` and
        ``in_summary`` (True for the sections the summaries use).
    terms
        Loaded-term hits (``doc_id, sent_id, term, lemma, category, direction, voice, start, end``), and who each
        label is applied to (``target, target_text, relation, speaker``; see :mod:`framing.scorers.actors`).
    contributions
        Per-word VADER contributions (``doc_id, sent_id, token, start, end, contribution``).
    sources
        Every source found, several per sentence possible (``doc_id, sent_id, source, source_kind, cue, stance,
        start, end``).
    spans
        Every stretch attribution found, one row each (``doc_id, sent_id, kind, start, end, label``; document
        offsets): ``quotation``, ``scare_quote``, ``attributed`` (the content of an attributed clause), ``cue``
        (``label``: its stance) and ``hedge`` (``label``: its kind). The ``hedge`` column of ``sentences`` is
        derived from the hedge rows; the report marks text from this table.
    harms
        Every harm expression (``doc_id, sent_id, expression, lemma, construction, agent, victim, voice, start,
        end``; see :mod:`framing.scorers.agency`): how each killing, death, wounding or arrest is told.
    pairs, events, event_labels, comparison, omissions, word_choice
        Alignment tables (see :mod:`framing.align`): ``pairs`` (``doc_a, sent_a, doc_b, sent_b, similarity``),
        ``events`` (``event_id, doc_id, sent_id, similarity``), ``event_labels`` (``event_id, label,
        n_documents, n_sentences, source``), ``comparison`` (``event_id, label, doc_id, n_sentences,
        mean_compound, loaded_authorial, loaded_reported, share_attributed, sentences``), ``omissions``
        (``event_id, label, covered_by, missing_from``), ``word_choice`` (``doc_a, sent_a, doc_b, sent_b,
        loaded_doc, term, lemma, neutral, other_side_text``).
    documents
        One row per document: metadata and every per-document summary (see :func:`document_table`).
    measures
        Every number of ``documents`` in long form (``doc_id, measure, category, voice, value, unit``; see
        :func:`framing.measures.measures_table`), written as ``measures.csv``.
    sentiment_summary, loaded_summary, term_counts, attribution_summary
        The per-document summaries the figures read: ``sentiment_summary`` (``doc_id, n_sentences,
        mean_compound, ci_low, ci_high, median_compound, share_positive, share_neutral, share_negative``),
        ``loaded_summary`` (``doc_id, category, voice, n_hits, n_words, per_1000_words``), ``term_counts``
        (``doc_id, lemma, category, direction, neutral, authorial, reported, total``) and
        ``attribution_summary`` (``doc_id, n_sentences``, the attribution profile of ``documents``).
    lexicon
        The lexicon used.
    sections
        The sections the summaries use (``None`` = all).
    group_by
        The metadata column figures and the report compare by (``None``: documents).
    with_contributions
        False when word contributions were skipped (``contributions`` is then empty).
    view
        How figures and the report show the run (:func:`framing.views.choose_view`: documents side by side,
        groups, or the spread across documents).
    word_shift_pair
        The two documents (or groups, in the ``groups`` view) the word shift compares; ``None`` with fewer than
        two. ``contributions`` holds every sentence's contributions, or only those of these two (see
        :func:`framing.pipeline.analyze`).
    word_shift
        The word-shift table of ``word_shift_pair`` (:func:`word_shift_table`); ``None`` when there is no pair,
        no contributions, or the pair names groups (:func:`framing.groups.group_view` computes theirs).
    actors
        The actors each document mentions (``doc_id, actor, group, mentions, aliases``; issue 17).
    labels
        Loaded labels per actor (``doc_id, actor, category, voice, n``; issue 17).
    rewrites
        Sentences with loaded terms in the writer's own voice and their neutral rewrite (``doc_id, sent_id, text,
        neutral_text, n_swapped, compound, neutral_compound``; issue 19).
    by_section
        One row per document × section present, over every sentence whatever ``sections`` says (``doc_id,
        section, n_sentences, n_words, mean_compound, ci_low, ci_high, loaded_authorial_per_1000,
        loaded_reported_per_1000, share_named, share_anonymous, share_none``; see
        :func:`framing.section_summary.summarise_sections`); written as ``sections.csv`` (issue 19).
    alignment_note
        Empty when the aligner compared every pair of sentences sharing a word; else the notice that a large
        corpus was compared through its shortlist (:class:`framing.align.AlignedPairs`), shown in the report and
        ``run.json``.
    timings
        Seconds spent on ``documents`` (read, clean, split, score), ``alignment`` and ``summaries``; not
        written anywhere, so reruns stay byte-identical.
    """

    corpus: Corpus
    sentences: pd.DataFrame
    terms: pd.DataFrame
    contributions: pd.DataFrame
    sources: pd.DataFrame
    spans: pd.DataFrame
    harms: pd.DataFrame
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
    group_by: str | None = None
    with_contributions: bool = True
    view: View | None = None
    word_shift_pair: tuple[str, str] | None = None
    word_shift: pd.DataFrame | None = None
    timings: dict[str, float] = field(default_factory=dict, compare=False, repr=False)
    # Tables added after the first contract; empty until the stage that owns each fills it.
    actors: pd.DataFrame = field(default_factory=pd.DataFrame)
    labels: pd.DataFrame = field(default_factory=pd.DataFrame)
    rewrites: pd.DataFrame = field(default_factory=pd.DataFrame)
    by_section: pd.DataFrame = field(default_factory=pd.DataFrame)
    alignment_note: str = ""

    @cached_property
    def measures(self) -> pd.DataFrame:
        """Every per-document number of ``documents`` as one row (see :func:`framing.measures.measures_table`)."""
        from .measures import measures_table

        return measures_table(self.documents, self.loaded_summary)

    def __repr__(self) -> str:
        from .display import analysis_repr

        return analysis_repr(self)

    def _repr_html_(self) -> str:
        from .display import analysis_html

        return analysis_html(self)

    def write(self, out: str | Path, *, format: str = "csv", progress: bool = False) -> list[Path]:
        """Write what ``framing analyze --out out --format format`` writes: the tables (``csv``; ``xlsx``: one
        workbook; ``parquet``: a file per table), the figures, ``report.html``, ``report.md`` and ``run.json``.
        Returns the written paths; refuses (before writing) what the command line refuses."""
        from .report import write_analysis

        options = {"sections": "all" if self.sections is None else ",".join(self.sections),
                   "group_by": self.group_by, "format": format}
        return write_analysis(Path(out), self, options=options, table_format=format, progress=progress)

    def figures(self) -> dict[str, Figure]:
        """The run's figures as matplotlib Figures, by file stem (``01_sentiment_distribution`` …), as
        ``write`` draws them: for the run's view, groups compared when the run is grouped. Close them
        (``matplotlib.pyplot.close``) when done."""
        from .figures import build_figures
        from .groups import shown_analysis

        return build_figures(shown_analysis(self), view=self.view)

    @property
    def order(self) -> list[str]:
        """Document order (as given), used for colours and panels everywhere."""
        return self.corpus.documents["doc_id"].tolist()

    @property
    def summary_sentences(self) -> pd.DataFrame:
        """The sentences the summaries and figures 1–6 use."""
        return self.sentences[self.sentences["in_summary"]]


class SummaryRows(NamedTuple):
    """The sentences the summaries use (``in_summary``) and the loaded-term hits and harm expressions in them."""

    sentences: pd.DataFrame
    terms: pd.DataFrame
    harms: pd.DataFrame


def summary_rows(sentences: pd.DataFrame, terms: pd.DataFrame, harms: pd.DataFrame | None = None) -> SummaryRows:
    """The sentences marked ``in_summary`` and the loaded-term hits and harm expressions (none when ``harms`` is
    not given) in them."""
    from .scorers.agency import HARM_COLUMNS

    chosen = sentences[sentences["in_summary"]]
    keys = set(zip(chosen["doc_id"], chosen["sent_id"]))
    harms = pd.DataFrame(columns=HARM_COLUMNS) if harms is None else harms
    return SummaryRows(chosen, _rows_in(terms, keys), _rows_in(harms, keys))


def _rows_in(table: pd.DataFrame, keys: set) -> pd.DataFrame:
    # A boolean array, not a list: an empty list would select columns.
    inside = np.fromiter((key in keys for key in table_rows(table, "doc_id", "sent_id")), dtype=bool,
                         count=len(table))
    return table[inside]


class Summaries(NamedTuple):
    """The per-document (or per-group) summaries of one run (see :class:`Analysis`)."""

    documents: pd.DataFrame
    sentiment_summary: pd.DataFrame
    loaded_summary: pd.DataFrame
    term_counts: pd.DataFrame
    attribution_summary: pd.DataFrame
    by_section: pd.DataFrame


def document_summaries(corpus: Corpus, summary: SummaryRows, lexicon: Lexicon, *,
                       every: SummaryRows | None = None, rewrites: pd.DataFrame | None = None) -> Summaries:
    """The per-document summaries of the summarised sentences, their loaded-term hits and harm expressions
    (``summary``, from :func:`summary_rows`): ``documents, sentiment_summary, loaded_summary, term_counts,
    attribution_summary``. ``documents`` is :func:`document_table` followed by how harm is told
    (:func:`framing.scorers.agency.summarise_agency`: ``n_harms, share_active, share_passive_agent,
    share_agentless_passive, share_intransitive, share_nominal, share_adjectival, share_agent_stated``; NaN shares
    for a document with no harm expression). ``by_section`` is :func:`framing.section_summary.summarise_sections`
    of ``every`` (all sentences of the run and their hits, whatever the summaries use; empty when not given).
    ``rewrites`` (the run's neutral rewrites) adds their columns to ``documents`` (see :func:`document_table`)."""
    from .scorers.attribution import ATTRIBUTION_COLUMNS, summarise_attribution
    from .scorers.loaded import summarise_loaded, term_counts
    from .scorers.agency import summarise_agency
    from .scorers.sentiment import summarise_sentiment
    from .section_summary import SECTION_COLUMNS, summarise_sections

    sentences, terms, harms = summary
    sentiment_summary = summarise_sentiment(sentences[["doc_id", "sent_id", "compound"]])
    loaded_summary = summarise_loaded(terms, sentences)
    attribution_summary = summarise_attribution(sentences, sentences[ATTRIBUTION_COLUMNS])
    documents = document_table(corpus, sentiment_summary, loaded_summary, attribution_summary, sentences, terms,
                               rewrites=rewrites)
    # How harm is told, appended after the columns documents.csv has always had.
    documents = documents.merge(summarise_agency(harms, sentences), on="doc_id", how="left")
    documents["n_harms"] = documents["n_harms"].fillna(0).astype("int64")
    by_section = (pd.DataFrame(columns=SECTION_COLUMNS) if every is None
                  else summarise_sections(every.sentences, every.terms,
                                          body_summary=sentiment_summary if _body_only(every.sentences) else None))
    return Summaries(documents, sentiment_summary, loaded_summary, term_counts(terms, lexicon),
                     attribution_summary, by_section)


def _body_only(sentences: pd.DataFrame) -> bool:
    """Whether the summaries use exactly the body sentences (the default ``--sections body``)."""
    return "in_summary" in sentences.columns and bool(
        (sentences["in_summary"].astype(bool) == sentences["section"].eq("body")).all())


def document_table(corpus: Corpus, sentiment: pd.DataFrame, loaded: pd.DataFrame, attribution: pd.DataFrame,
                   sentences: pd.DataFrame, terms: pd.DataFrame, *, rewrites: pd.DataFrame | None = None
                   ) -> pd.DataFrame:
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
    writer's-own-voice split: ``mean_compound_unattributed, mean_compound_attributed``; with ``rewrites``, the
    neutral rewrite of the summarised sentences (:func:`framing.scorers.rewrites.summarise_rewrites`:
    ``n_rewritten, swapped_terms, unswapped_terms`` (0 when none), ``rewritten_compound_before,
    rewritten_compound_after, rewritten_compound_shift`` (NaN when no sentence was rewritten)).
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
    # The writer's own voice against the voices cited, by attribution's one rule for "attributed". (Not
    # split_by_attribution: its per-group means can differ from groupby's in the last bit, and documents.csv
    # has always held groupby's.)
    split = sentences.assign(attributed=is_attributed(sentences)).groupby(["doc_id", "attributed"])[
        "compound"].mean().unstack().reindex(columns=[False, True])
    split.columns = ["mean_compound_unattributed", "mean_compound_attributed"]
    table = (meta.merge(sentiment, on="doc_id", how="left")
             .merge(words, left_on="doc_id", right_index=True, how="left")
             .merge(rates, left_on="doc_id", right_index=True, how="left")
             .merge(wide, left_on="doc_id", right_index=True, how="left")
             .merge(attribution.drop(columns=["n_sentences"], errors="ignore"), on="doc_id", how="left")
             .merge(split, left_on="doc_id", right_index=True, how="left"))
    return table if rewrites is None or "n_swapped" not in rewrites else _with_rewrites(table, rewrites, sentences)


def _with_rewrites(table: pd.DataFrame, rewrites: pd.DataFrame, sentences: pd.DataFrame) -> pd.DataFrame:
    from .scorers.rewrites import summarise_rewrites

    summarised = rewrites.merge(sentences[["doc_id", "sent_id"]], on=["doc_id", "sent_id"])
    table = table.merge(summarise_rewrites(summarised), on="doc_id", how="left")
    counts = ["n_rewritten", "swapped_terms", "unswapped_terms"]
    table[counts] = table[counts].fillna(0).astype("int64")
    return table


def word_shift_for(analysis: Analysis) -> pd.DataFrame | None:
    """The word shift of the run's own pair (``None`` without a pair or without contributions)."""
    if analysis.word_shift_pair is None or not analysis.with_contributions:
        return None
    return word_shift_table(analysis, analysis.word_shift_pair)


def word_shift_table(analysis: Analysis, pair: tuple[str, str]) -> pd.DataFrame:
    """The word shift between the two documents (or groups) of ``pair`` over their summarised sentences, read
    from the run's contributions (see :func:`framing.scorers.contributions.word_shift` for the columns)."""
    from .scorers.contributions import word_shift

    # Only the pair's rows: the word shift reads two documents, whatever the size of the corpus.
    summary = analysis.summary_sentences
    summary = summary[summary["doc_id"].isin(pair)]
    contributions = analysis.contributions[analysis.contributions["doc_id"].isin(pair)]
    contributions = contributions.merge(summary[["doc_id", "sent_id"]], on=["doc_id", "sent_id"])
    return word_shift(contributions, summary, *pair)
