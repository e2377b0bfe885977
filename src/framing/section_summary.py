"""Headline vs body: the run's per-sentence measures summarised per document and section (issue 19, item 3).

Tabloid headlines and bullet lines are where framing concentrates, so :func:`summarise_sections` gives each
document one row per section it has (headline, bullet, body, caption, subhead), over **every** sentence whatever
``--sections`` says: the tone, the loaded terms by voice and the sources of each section. It reads the finished
tables (``sentences`` with their compound and ``source_kind``, ``terms`` with their voice) and re-derives none of
them; :func:`headline_contrast` then puts each document's headline beside its body, for the figure and the
report alike. Both are groupby work over the whole run, with no loop over documents.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .corpus import SECTIONS
from .errors import require_columns
from .scorers.document_groups import DocumentGroups
from .scorers.loaded import VOICES
from .scorers.sentiment import MIN_SENTENCES_FOR_INTERVAL

SECTION_COLUMNS = [
    "doc_id", "section", "n_sentences", "n_words", "mean_compound", "ci_low", "ci_high",
    "loaded_authorial_per_1000", "loaded_reported_per_1000", "share_named", "share_anonymous", "share_none",
]
CONTRAST_COLUMNS = [
    "doc_id", "headline_compound", "body_compound", "compound_difference", "n_headline", "n_body",
    "headline_authorial_per_1000", "body_authorial_per_1000", "authorial_difference",
    "headline_reported_per_1000", "body_reported_per_1000", "reported_difference",
]
SOURCE_KINDS = ("named", "anonymous", "none")


def summarise_sections(sentences: pd.DataFrame, terms: pd.DataFrame, *,
                       body_summary: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per document × section present, over every sentence of the run.

    Parameters
    ----------
    sentences
        Every sentence (not only those the summaries use): ``doc_id, sent_id, section, n_words, compound,
        source_kind``.
    terms
        Every loaded-term hit: ``doc_id, sent_id, voice``.
    body_summary
        The sentiment summary (``doc_id, ci_low, ci_high``) of exactly the body sentences, when the run has one
        (the default ``--sections body``): the body rows take its intervals rather than resample the same
        sentences again, which would draw the same numbers at the cost of a second bootstrap.

    Returns
    -------
    DataFrame with ``doc_id``; ``section`` (documents in first-seen order, sections in the order headline,
    bullet, body, caption, subhead); ``n_sentences``, ``n_words``; ``mean_compound`` (mean VADER compound of the
    section's sentences); ``ci_low, ci_high`` (the 95% bootstrap interval of that mean, as the sentiment summary
    computes it; NaN with fewer than :data:`MIN_SENTENCES_FOR_INTERVAL` sentences);
    ``loaded_authorial_per_1000, loaded_reported_per_1000`` (loaded-term hits per 1,000 words of the section, by
    voice); ``share_named, share_anonymous, share_none`` (shares of the section's sentences by ``source_kind``;
    they sum to 1).
    """
    require_columns(sentences, ("doc_id", "sent_id", "section", "n_words", "compound", "source_kind"), "sentences")
    require_columns(terms, ("doc_id", "sent_id", "voice"), "terms")
    codes, keys = _section_codes(sentences)
    if not keys:
        return pd.DataFrame({column: pd.Series(dtype=_dtype(column)) for column in SECTION_COLUMNS})
    # The per-document groups that documents.csv uses, so a section's mean is bit for bit the document's when
    # the two hold the same sentences.
    groups = DocumentGroups(codes, keys)
    n = groups.sizes
    words = groups.sum(sentences["n_words"])
    table = pd.DataFrame({"doc_id": [doc_id for doc_id, _ in keys], "section": [section for _, section in keys],
                          "n_sentences": n, "n_words": words.astype("int64"),
                          "mean_compound": groups.mean(sentences["compound"])})
    table["ci_low"], table["ci_high"] = _intervals(sentences, codes, n, known=body_summary)
    hits = _hits_by_voice(sentences, codes, terms, len(keys))
    with np.errstate(invalid="ignore", divide="ignore"):
        for voice in VOICES:
            table[f"loaded_{voice}_per_1000"] = np.where(words > 0, 1000 * hits[voice] / words, 0.0)
        kind = sentences["source_kind"].to_numpy()
        for source_kind in SOURCE_KINDS:
            table[f"share_{source_kind}"] = groups.count(kind == source_kind) / n
    return table[SECTION_COLUMNS]


def _section_codes(sentences: pd.DataFrame) -> tuple[np.ndarray, list[tuple[str, str]]]:
    """Each sentence's group number and the ``(doc_id, section)`` of each group, documents in first-seen order
    and sections in :data:`~framing.corpus.SECTIONS` order (unknown section names after those)."""
    doc_codes, doc_ids = pd.factorize(sentences["doc_id"], sort=False)
    known = list(SECTIONS) + sorted(set(sentences["section"].astype(str)) - set(SECTIONS))
    section_codes = pd.Categorical(sentences["section"].astype(str), categories=known).codes
    combined = doc_codes.astype(np.int64) * len(known) + section_codes
    present, codes = np.unique(combined, return_inverse=True)
    keys = [(doc_ids[value // len(known)], known[value % len(known)]) for value in present.tolist()]
    return codes.reshape(-1), keys


def _intervals(sentences: pd.DataFrame, codes: np.ndarray, sizes: np.ndarray, *,
               known: pd.DataFrame | None = None) -> tuple[np.ndarray, np.ndarray]:
    """``(ci_low, ci_high)`` per section, from the sentiment summary itself (its bootstrap, its seeds), NaN for
    sections too short to resample.

    The sentiment summary draws by length alone (``scorers.sentiment.mean_intervals``), so a body section gets
    what documents.csv gets for the same sentences: with the default ``--sections body`` the two intervals are
    the same numbers. Other sections are keyed ``<doc_id> · <section>``.
    """
    from .scorers.sentiment import summarise_sentiment

    low, high = np.full(len(sizes), np.nan), np.full(len(sizes), np.nan)
    wide = sizes[codes] >= MIN_SENTENCES_FOR_INTERVAL
    is_body = sentences["section"].astype(str).eq("body").to_numpy()
    if known is not None:
        _copy_known(low, high, codes[wide & is_body], sentences["doc_id"].to_numpy()[wide & is_body], known)
        wide &= ~is_body
    if not wide.any():
        return low, high
    chosen = sentences.loc[wide, ["doc_id", "section", "compound"]]
    is_body = chosen["section"].astype(str).eq("body")
    keys = chosen["doc_id"].astype(str).where(is_body, chosen["doc_id"].astype(str) + " · " + chosen["section"])
    summary = summarise_sentiment(pd.DataFrame({"doc_id": keys.to_numpy(), "compound": chosen["compound"].to_numpy()}))
    # summarise_sentiment lists keys in first-seen order, so the first row of each key names its section.
    first = pd.Series(codes[wide]).groupby(keys.to_numpy(), sort=False).first()
    groups = first.reindex(summary["doc_id"]).to_numpy()
    low[groups], high[groups] = summary["ci_low"].to_numpy(), summary["ci_high"].to_numpy()
    return low, high


def _copy_known(low: np.ndarray, high: np.ndarray, codes: np.ndarray, doc_ids: np.ndarray,
                known: pd.DataFrame) -> None:
    """Fill the body sections' intervals from the sentiment summary of the same sentences."""
    known = known.drop_duplicates("doc_id").set_index("doc_id")
    first = pd.Series(codes).groupby(doc_ids, sort=False).first()
    low[first.to_numpy()] = known["ci_low"].reindex(first.index).to_numpy(dtype=float)
    high[first.to_numpy()] = known["ci_high"].reindex(first.index).to_numpy(dtype=float)


def _hits_by_voice(sentences: pd.DataFrame, codes: np.ndarray, terms: pd.DataFrame, n_groups: int
                   ) -> dict[str, np.ndarray]:
    """Loaded-term hits per section and voice, each hit counted in the section of its sentence."""
    position = pd.Series(codes, index=pd.MultiIndex.from_arrays([sentences["doc_id"], sentences["sent_id"]]))
    group = position.reindex(pd.MultiIndex.from_arrays([terms["doc_id"], terms["sent_id"]])).to_numpy()
    found = ~pd.isna(group)
    voice = terms["voice"].to_numpy()
    return {name: np.bincount(group[found & (voice == name)].astype(np.int64), minlength=n_groups)
            for name in VOICES}


def _dtype(column: str) -> str:
    if column in ("doc_id", "section"):
        return "object"
    return "int64" if column in ("n_sentences", "n_words") else "float64"


def headline_contrast(by_section: pd.DataFrame) -> pd.DataFrame:
    """Each document's headline beside its body, for documents that have both (read from
    :func:`summarise_sections`).

    Returns
    -------
    DataFrame, one row per document with a headline and a body, in the table's order: ``doc_id``;
    ``headline_compound, body_compound`` and ``compound_difference`` (headline − body, mean VADER compound);
    ``n_headline, n_body`` (sentences); ``headline_authorial_per_1000, body_authorial_per_1000,
    authorial_difference`` and the same three for ``reported`` (loaded terms per 1,000 words, headline − body).
    """
    columns = {"mean_compound": "compound", "n_sentences": "n",
               "loaded_authorial_per_1000": "authorial_per_1000", "loaded_reported_per_1000": "reported_per_1000"}
    wide = {}
    for section in ("headline", "body"):
        rows = by_section[by_section["section"] == section].set_index("doc_id")[list(columns)]
        wide[section] = rows.rename(columns=lambda name: f"{section}_{columns[name]}" if columns[name] != "n"
                                    else f"n_{section}")
    table = wide["headline"].join(wide["body"], how="inner").reset_index()
    table["compound_difference"] = table["headline_compound"] - table["body_compound"]
    for voice in VOICES:
        table[f"{voice}_difference"] = table[f"headline_{voice}_per_1000"] - table[f"body_{voice}_per_1000"]
    return table[CONTRAST_COLUMNS].astype({"n_headline": "int64", "n_body": "int64"})
