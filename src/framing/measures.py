"""``measures``: every per-document number of ``documents`` as one tidy long table, one row per value.

``documents.csv`` is wide (50-odd columns) and puts two variables into some column names
(``<category>_<voice>_per_1000``). The long table holds the same numbers with the variables in columns, ready for a
pivot table, ``groupby`` or a plotting library. It is made from the tables that already hold them: the loaded
rates by category × voice come from the long ``loaded_summary`` (the wide columns are a pivot of it), every other
measure from the ``documents`` column named in :data:`DOCUMENT_MEASURES` — names built from the scorers'
vocabularies, never parsed back from column names. A numeric column of ``documents`` this module does not know
yet (a new scorer's) still gets its rows, with the column name as its measure and no unit, so the long table
never silently holds fewer numbers than the wide one.
"""

from __future__ import annotations

from typing import NamedTuple

import pandas as pd

from .lexicons import CATEGORIES
from .scorers.agency.construction import CONSTRUCTIONS
from .scorers.attribution.vocabulary import SOURCE_KINDS, STANCES
from .scorers.loaded import VOICES

MEASURE_COLUMNS = ["doc_id", "measure", "category", "voice", "value", "unit"]
TONES = ("positive", "neutral", "negative")
# The loaded rates' measure and unit (the category × voice grid and the per-voice totals over every category).
LOADED = "loaded_per_1000"
PER_1000_WORDS = "per 1,000 words"
ALL_CATEGORIES = "all"


class Measure(NamedTuple):
    """One per-document number: the ``documents`` column it is read from and how the long table names it."""

    column: str
    measure: str
    category: str = ""
    voice: str = ""
    unit: str = ""


def _as_columns(unit: str, *columns: str) -> tuple[Measure, ...]:
    """Measures named as their ``documents`` column (nothing in the name to take apart)."""
    return tuple(Measure(column, column, unit=unit) for column in columns)


def _by_category(measure: str, column: str, categories: tuple[str, ...], unit: str) -> tuple[Measure, ...]:
    """One measure over a closed vocabulary: ``column`` (a format string) names each category's column."""
    return tuple(Measure(column.format(category), measure, category=category, unit=unit) for category in categories)


SHARE_OF_SENTENCES = "share of sentences"
SHARE_OF_HARMS = "share of harm expressions"
DOCUMENT_MEASURES: tuple[Measure, ...] = (
    *_as_columns("sentences", "n_sentences"),
    *_as_columns("words", "n_words"),
    *_as_columns("compound", "mean_compound", "ci_low", "ci_high", "median_compound"),
    *_by_category("tone_share", "share_{}", TONES, SHARE_OF_SENTENCES),
    *(Measure(f"loaded_{voice}_per_1000", LOADED, ALL_CATEGORIES, voice, PER_1000_WORDS) for voice in VOICES),
    *_by_category("source_share", "share_{}", SOURCE_KINDS, SHARE_OF_SENTENCES),
    *_as_columns("ratio of sentences", "named_to_anonymous"),
    *_as_columns("share of words", "quoted_word_share"),
    *_as_columns(SHARE_OF_SENTENCES, "quote_sentence_share"),
    *_as_columns("per 100 sentences", "scare_quotes_per_100", "hedges_per_100", "citations_per_100"),
    *_as_columns(SHARE_OF_SENTENCES, "share_attributed_by_citation"),
    *_by_category("stance_share", "stance_{}", STANCES, "share of cued sentences"),
    *_by_category("mean_compound_by_attribution", "mean_compound_{}", ("unattributed", "attributed"), "compound"),
    *_as_columns("harm expressions", "n_harms"),
    *_by_category("harm_construction_share", "share_{}", CONSTRUCTIONS, SHARE_OF_HARMS),
    *_as_columns(SHARE_OF_HARMS, "share_agent_stated"),
    *_as_columns("sentences", "n_rewritten"),
    *_as_columns("loaded-term hits", "swapped_terms", "unswapped_terms"),
    *_by_category("rewritten_compound", "rewritten_compound_{}", ("before", "after", "shift"), "compound"),
)


def measures_table(documents: pd.DataFrame, loaded_summary: pd.DataFrame) -> pd.DataFrame:
    """Every per-document number of ``documents`` as one row.

    Returns
    -------
    DataFrame with ``doc_id``; ``measure`` (e.g. ``mean_compound``, ``loaded_per_1000``, ``source_share``,
    ``harm_construction_share``); ``category`` (a loaded-term category or ``all``, a tone, a source kind, a
    stance, a harm construction, ``attributed``/``unattributed``; empty when the measure has none); ``voice``
    (``authorial``/``reported`` for loaded rates, else empty); ``value`` (a float, NaN where ``documents`` has
    NaN); ``unit`` (``compound``, ``share of sentences``, ``per 1,000 words`` …). Documents in ``documents``
    order, measures in the order of its columns (the category × voice rates after the per-voice totals).
    """
    known = [spec for spec in DOCUMENT_MEASURES if spec.column in documents.columns]
    grid_columns = {f"{category}_{voice}_per_1000" for category in CATEGORIES for voice in VOICES}
    named = {spec.column for spec in known} | grid_columns
    unknown = [Measure(column, column) for column in documents.columns
               if column not in named and column != "doc_id" and _is_number(documents[column])]
    specs = pd.DataFrame([*known, *unknown], columns=list(Measure._fields))
    specs["order"] = range(len(specs))
    wide = documents.set_index("doc_id")[specs["column"].tolist()].astype(float)
    long = (wide.rename_axis(columns="column").stack(future_stack=True).rename("value").reset_index()
            .merge(specs, on="column"))
    totals = specs.loc[specs["measure"] == LOADED, "order"]
    # The category × voice rates go right after the per-voice totals (at the end when those are absent).
    grid = _loaded_grid(documents["doc_id"], loaded_summary).assign(
        order=totals.max() + 0.5 if len(totals) else len(specs))
    table = pd.concat([long, grid], ignore_index=True)
    # A hash look-up of each row's document, not a Python call per row: 40,000 posts make 2 million rows.
    table["position"] = pd.Index(documents["doc_id"]).get_indexer(table["doc_id"])
    table = table.sort_values(["position", "order"], kind="stable")
    return table[MEASURE_COLUMNS].reset_index(drop=True)


def _loaded_grid(doc_ids: pd.Series, loaded_summary: pd.DataFrame) -> pd.DataFrame:
    """Loaded-term rates per document × category × voice (every combination; NaN for a document with no
    summarised sentence, as ``documents`` has), read from the long ``loaded_summary``."""
    index = pd.MultiIndex.from_product([doc_ids, CATEGORIES, VOICES], names=["doc_id", "category", "voice"])
    rates = loaded_summary.set_index(["doc_id", "category", "voice"])["per_1000_words"].reindex(index)
    grid = rates.rename("value").astype(float).reset_index()
    return grid.assign(measure=LOADED, unit=PER_1000_WORDS)


def _is_number(values: pd.Series) -> bool:
    return pd.api.types.is_numeric_dtype(values.dtype) and not pd.api.types.is_bool_dtype(values.dtype)
