"""Small documents written for the voice tests, analysed the way the pipeline analyses a corpus."""

from __future__ import annotations

from typing import NamedTuple

import pandas as pd

from framing import clean_text, sentences
from framing.corpus import Corpus
from framing.scorers.attribution import Attribution, AttributionTables, reported_only
from framing.scorers.loaded import LoadedTermScorer


class Analysed(NamedTuple):
    """One document's sentences, attribution tables and loaded-term hits."""

    sentences: pd.DataFrame
    tables: AttributionTables
    hits: pd.DataFrame


def analyse(raw: str) -> Analysed:
    """Clean ``raw`` as one document ("d"), split it into sentences and score attribution and loaded terms."""
    cleaned = clean_text(raw)
    documents = pd.DataFrame({"doc_id": ["d"], "text": [cleaned.text]})
    corpus = Corpus(documents, cleaned.paragraphs.assign(doc_id="d"), cleaned.removals.assign(doc_id="d"))
    table = sentences(corpus)
    tables = Attribution()(table, documents)
    return Analysed(table, tables, LoadedTermScorer()(table, reported_only(tables.spans)))


def voices(analysed: Analysed) -> dict[str, str]:
    """Each loaded term as written (lower case) → its voice (the last hit wins; the tests use each term once)."""
    return dict(zip(analysed.hits["term"].str.lower(), analysed.hits["voice"]))
