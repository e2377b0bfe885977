"""Per-document attribution profiles, and any per-sentence score split by attributed vs. own-voice sentences."""

from __future__ import annotations

import numpy as np
import pandas as pd

from ...errors import require_columns
from ..document_groups import DocumentGroups
from .vocabulary import STANCES

ATTRIBUTION_SUMMARY_COLUMNS = [
    "doc_id", "n_sentences", "share_named", "share_anonymous", "share_none", "named_to_anonymous",
    "quoted_word_share", "quote_sentence_share", "scare_quotes_per_100", "hedges_per_100", "citations_per_100",
    "share_attributed_by_citation", "stance_neutral", "stance_distancing", "stance_endorsing",
]


def summarise_attribution(sentences: pd.DataFrame, scores: pd.DataFrame) -> pd.DataFrame:
    """The attribution profile of each document.

    Parameters
    ----------
    sentences
        From :func:`framing.sentences` (``doc_id, sent_id, n_words, citations`` are used).
    scores
        The ``scores`` table of :class:`Attribution` for the same sentences.

    Returns
    -------
    DataFrame, one row per document in first-seen order, with ``doc_id``; ``n_sentences``; ``share_named``,
    ``share_anonymous``, ``share_none`` (shares of sentences by ``source_kind``; they sum to 1);
    ``named_to_anonymous`` (named ÷ anonymous sentences, NaN when there is no anonymous one);
    ``quoted_word_share`` (words inside quotations ÷ all words); ``quote_sentence_share`` (share of sentences
    with a quotation); ``scare_quotes_per_100`` (sentences with scare quotes per 100 sentences);
    ``hedges_per_100`` (hedge phrases per 100 sentences); ``citations_per_100`` (citation markers the cleaner
    removed, per 100 sentences); ``share_attributed_by_citation`` (share of sentences with a citation marker and
    no source in the text — attributed only by the marker); ``stance_neutral``, ``stance_distancing``,
    ``stance_endorsing`` (shares of the sentences that have a cue; NaN when none has).
    """
    table = sentences[["doc_id", "sent_id", "n_words", "citations"]].merge(
        scores, on=["doc_id", "sent_id"], how="inner", validate="one_to_one")
    groups = DocumentGroups.of(table["doc_id"])
    if not groups.n:
        return pd.DataFrame([], columns=ATTRIBUTION_SUMMARY_COLUMNS)
    n = groups.sizes
    kind = table["source_kind"]
    named, anonymous = groups.count(kind == "named"), groups.count(kind == "anonymous")
    words = groups.sum(table["n_words"])
    quoted_words = groups.sum(table["quoted_share"] * table["n_words"])
    # "a; b" holds two hedges; counting separators is what splitting on them and counting the pieces gives.
    hedges = np.fromiter((hedge.count("; ") + 1 if hedge else 0 for hedge in table["hedge"]), dtype=np.int64,
                         count=len(table))
    cued = groups.count(table["stance"] != "")
    with np.errstate(invalid="ignore", divide="ignore"):
        columns = {
            "doc_id": groups.keys,
            "n_sentences": n,
            "share_named": named / n,
            "share_anonymous": anonymous / n,
            "share_none": groups.count(kind == "none") / n,
            "named_to_anonymous": np.where(anonymous > 0, named / anonymous, np.nan),
            "quoted_word_share": np.where(words != 0, quoted_words / words, np.nan),
            "quote_sentence_share": groups.mean(table["quote"]),
            "scare_quotes_per_100": 100 * groups.mean(table["scare_quotes"]),
            "hedges_per_100": 100 * groups.sum(hedges) / n,
            "citations_per_100": 100 * groups.sum(table["citations"]) / n,
            "share_attributed_by_citation": groups.count((table["citations"] > 0) & (kind == "none")) / n,
        }
        for stance in STANCES:
            columns[f"stance_{stance}"] = np.where(cued > 0, groups.count(table["stance"] == stance) / cued, np.nan)
    return pd.DataFrame(columns, columns=ATTRIBUTION_SUMMARY_COLUMNS)


def is_attributed(scores: pd.DataFrame) -> pd.Series:
    """The one rule for an attributed sentence: it cites a source (``source_kind`` is not ``none``) or holds a
    direct quotation. The rest are in the writer's own voice. A boolean Series on ``scores``'s index."""
    return (scores["source_kind"] != "none") | scores["quote"].astype(bool)


def split_by_attribution(scores: pd.DataFrame, values: pd.DataFrame, value_column: str) -> pd.DataFrame:
    """Summarise any per-sentence score separately for attributed and unattributed sentences.

    "Attributed" means the sentence cites a source (``source_kind`` is not ``none``) or holds a direct quotation;
    the rest are the writer's own sentences. Use it to ask whether a document's tone or loaded language sits in
    its own voice or in the voices it cites — e.g. ``split_by_attribution(scores, sentiment, "compound")``, or a
    per-sentence count of loaded terms.

    Parameters
    ----------
    scores
        The ``scores`` table of :class:`Attribution`.
    values
        One row per sentence with ``doc_id, sent_id`` and ``value_column`` (numeric or bool). Sentences missing
        from ``values`` are left out; give counts a 0 row rather than no row.
    value_column
        The column to summarise.

    Returns
    -------
    DataFrame with ``doc_id``, ``attributed`` (bool), ``n_sentences`` (sentences with a value) and
    ``mean_<value_column>``; both ``attributed`` values appear for every document (NaN mean when empty).
    """
    require_columns(values, ["doc_id", "sent_id", value_column], "values")
    table = scores[["doc_id", "sent_id", "source_kind", "quote"]].merge(
        values[["doc_id", "sent_id", value_column]], on=["doc_id", "sent_id"], how="inner",
        validate="one_to_one")
    table = table[table[value_column].notna()]
    attributed = is_attributed(table)
    columns = ["doc_id", "attributed", "n_sentences", f"mean_{value_column}"]
    documents = scores["doc_id"].drop_duplicates().tolist()
    if not documents:
        return pd.DataFrame([], columns=columns)
    # One group per document and voice, numbered 2 × document + attributed: unattributed first, as listed.
    codes = 2 * pd.Index(documents).get_indexer(table["doc_id"]) + attributed.to_numpy(dtype=int)
    groups = DocumentGroups(codes, [(doc_id, voice) for doc_id in documents for voice in (False, True)])
    return pd.DataFrame({
        "doc_id": [doc_id for doc_id, _ in groups.keys],
        "attributed": [voice for _, voice in groups.keys],
        "n_sentences": groups.sizes,
        columns[-1]: groups.mean(table[value_column].astype(float)),
    }, columns=columns)

