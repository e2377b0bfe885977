"""Loaded terms: lexicon hits with their category and whose voice uses them.

VADER cannot see framing — "martyr", "regime", "slaughtered", "mastermind" are not in its lexicon, and "He is a
terrorist" scores the same whether the writer says it or quotes someone. This scorer finds the curated loaded
terms and gives every hit a **voice**: ``authorial`` (the writer's own words) or ``reported`` (inside a
quotation, scare quotes included, or inside the content of an attributed clause — see
:func:`framing.scorers.attribution.reported_spans` for the rules).
"""

from __future__ import annotations

import string
from dataclasses import dataclass, field
from functools import cache
from typing import Literal

import numpy as np
import pandas as pd

from ..lexicons import CATEGORIES, Lexicon, load_lexicon
from .attribution import ReportedVoice, reported_spans
from ..rows import table_rows, typed_table

Voice = Literal["authorial", "reported"]
VOICES: tuple[str, ...] = ("authorial", "reported")
HIT_COLUMNS = ["doc_id", "sent_id", "term", "lemma", "category", "direction", "voice", "start", "end",
               "vader_valence"]


@dataclass(frozen=True)
class LoadedTermScorer:
    """Find loaded terms in sentences and give each hit its voice.

    Call it with the sentences table and attribution's spans (``AttributionTables.spans``, or the reported table
    of :func:`framing.scorers.attribution.reported_spans`; document offsets): a hit overlapping a quotation,
    scare quote or attributed clause is ``reported`` (:class:`~framing.scorers.attribution.ReportedVoice`);
    without spans every hit is ``authorial``.
    """

    lexicon: Lexicon = field(default_factory=load_lexicon)

    def __call__(self, sentences: pd.DataFrame, reported: pd.DataFrame | None = None) -> pd.DataFrame:
        """Return one row per hit.

        Returns
        -------
        DataFrame with ``doc_id, sent_id``; ``term`` (as written in the text); ``lemma`` (the lexicon entry);
        ``category``; ``direction`` (pejorative / honorific / other); ``voice`` (authorial / reported);
        ``start, end`` (offsets into the document's cleaned text, like the sentences' ``start/end``);
        ``vader_valence`` (what VADER's own lexicon gives the term's words as written, lower-cased, summed over a
        phrase's words; 0 when VADER has no entry: what the sentiment scores can see of the term).
        """
        voices = ReportedVoice(reported)
        rows = []
        for doc_id, sent_id, start, text in table_rows(sentences, "doc_id", "sent_id", "start", "text"):
            for match in self.lexicon.find(text):
                entry = self.lexicon.row(match.term)
                hit_start, hit_end = start + match.start, start + match.end
                voice = voices.of(doc_id, hit_start, hit_end)
                written = text[match.start:match.end]
                rows.append((doc_id, sent_id, written, match.term, entry["category"], entry["direction"], voice,
                             hit_start, hit_end, vader_valence(written)))
        return typed_table(rows, HIT_COLUMNS, {"sent_id": "int64", "start": "int64", "end": "int64",
                                               "vader_valence": "float64"})


@cache
def vader_valence(written: str) -> float:
    """The valence VADER's lexicon (as its analyzer loads it) gives the words of ``written``, summed; 0 for words
    it does not list. Words are cut as VADER cuts them: at whitespace, surrounding punctuation stripped."""
    from .vader import analyzer

    lexicon = analyzer().lexicon
    return float(sum(lexicon.get(word.strip(string.punctuation).lower(), 0.0) for word in written.split()))


def score_loaded(sentences: pd.DataFrame, documents: pd.DataFrame, *,
                 lexicon: Lexicon | None = None) -> pd.DataFrame:
    """Hits with voice, computing the reported spans from the documents (see :class:`LoadedTermScorer`)."""
    scorer = LoadedTermScorer(lexicon) if lexicon is not None else LoadedTermScorer()
    return scorer(sentences, reported_spans(sentences, documents))


def summarise_loaded(hits: pd.DataFrame, sentences: pd.DataFrame) -> pd.DataFrame:
    """Loaded-term rates per document, category and voice (every combination present, zeros included).

    Returns
    -------
    DataFrame with ``doc_id, category, voice, n_hits, n_words`` (words in the document's scored sentences) and
    ``per_1000_words``.
    """
    words = sentences.groupby("doc_id", sort=False)["n_words"].sum()
    grid = pd.MultiIndex.from_product([words.index, CATEGORIES, VOICES], names=["doc_id", "category", "voice"])
    counts = hits.groupby(["doc_id", "category", "voice"]).size().reindex(grid, fill_value=0)
    table = counts.rename("n_hits").reset_index()
    table["n_words"] = table["doc_id"].map(words).astype(int)
    table["per_1000_words"] = np.where(table["n_words"] > 0, 1000 * table["n_hits"] / table["n_words"].clip(lower=1),
                                       0.0)
    return table


def term_counts(hits: pd.DataFrame, lexicon: Lexicon | None = None) -> pd.DataFrame:
    """How often each lexicon entry is used per document, split by voice, with its neutral alternative.

    Returns
    -------
    DataFrame with ``doc_id, lemma, category, direction, neutral, authorial, reported, total``, sorted by
    document then ``total`` descending then ``lemma``; then ``vader_blind`` (True when VADER's lexicon gives
    none of the entry's uses in the document any valence, see ``vader_valence``; False without that column).
    """
    lexicon = lexicon or load_lexicon()
    columns = ["doc_id", "lemma", "category", "direction", "neutral", "authorial", "reported", "total",
               "vader_blind"]
    if hits.empty:
        return pd.DataFrame(columns=columns)
    wide = (hits.groupby(["doc_id", "lemma", "voice"]).size().unstack("voice", fill_value=0)
            .reindex(columns=list(VOICES), fill_value=0).reset_index())
    wide.columns.name = None
    wide["total"] = wide["authorial"] + wide["reported"]
    wide["vader_blind"] = _vader_blind(hits, wide)
    entries = lexicon.entries.set_index("term")
    for column in ("category", "direction", "neutral"):
        wide[column] = wide["lemma"].map(entries[column])
    order = {doc: i for i, doc in enumerate(hits["doc_id"].drop_duplicates())}
    wide = wide.assign(_order=wide["doc_id"].map(order))
    wide = wide.sort_values(["_order", "total", "lemma"], ascending=[True, False, True], kind="stable")
    return wide[columns].reset_index(drop=True)


def _vader_blind(hits: pd.DataFrame, wide: pd.DataFrame) -> pd.Series:
    if "vader_valence" not in hits.columns:
        return pd.Series(False, index=wide.index)
    seen = hits.assign(seen=hits["vader_valence"].abs() > 0).groupby(["doc_id", "lemma"])["seen"].any()
    keys = pd.MultiIndex.from_frame(wide[["doc_id", "lemma"]])
    return pd.Series(~seen.reindex(keys).fillna(False).to_numpy(dtype=bool), index=wide.index)


def vader_blind_counts(hits: pd.DataFrame, top: int = 8) -> pd.DataFrame:
    """The ``top`` lexicon entries used most often (in any voice) whose every use VADER gives no valence.

    Returns
    -------
    DataFrame with ``lemma, n`` (uses across the documents of ``hits``), most used first, then by lemma.
    """
    if hits.empty or "vader_valence" not in hits.columns:
        return pd.DataFrame(columns=["lemma", "n"])
    by_entry = hits.groupby("lemma").agg(n=("vader_valence", "size"), seen=("vader_valence", lambda v: v.abs().max()))
    blind = by_entry[by_entry["seen"] == 0].reset_index()
    return blind.sort_values(["n", "lemma"], ascending=[False, True], kind="stable").head(top)[["lemma", "n"]] \
        .reset_index(drop=True)
