"""Warnings about the data itself, said once per run: what a corpus holds that the user may not mean to analyse.

None changes a result; each names what it found, with counts and examples, and what to do about it. The pipeline
calls them once the documents are read (groups spelt two ways) or scored (repeats, recurring sentences, documents
with nothing to summarise).
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

from .corpus.records import spelling_key
from .errors import warn

#: A sentence found word for word in at least this share of the documents (and in at least
#: :data:`RECURRING_LEAST_DOCUMENTS`) is named: wire copy many outlets print, or page furniture a scraper kept.
RECURRING_SHARE = 0.10
RECURRING_LEAST_DOCUMENTS = 10
#: Words a sentence needs to be named as recurring: "He said." recurs in any corpus.
RECURRING_LEAST_WORDS = 4
EXCLUDED = ("left out of the summaries, alignment and figures (--exclude-recurring); sentences.csv keeps them, "
            "with in_summary false")


def warn_repeated_documents(documents: pd.DataFrame) -> None:
    """Say, once, which documents repeat another's text byte for byte (same SHA-256): an export that holds an
    article twice counts its sentences, terms and sources twice in every summary across documents."""
    repeats = documents[documents["sha256"].duplicated(keep="first")]
    if repeats.empty:
        return
    first = documents.drop_duplicates("sha256").set_index("sha256")["doc_id"]
    shown = ", ".join(f"{doc_id} = {first[sha]}" for doc_id, sha in
                      zip(repeats["doc_id"].head(5), repeats["sha256"].head(5)))
    more = f", and {len(repeats) - 5:,} more" if len(repeats) > 5 else ""
    warn(None, f"{len(repeats):,} document(s) have the same text as an earlier one ({shown}{more}); each is "
               "analysed and counted as a document of its own: drop the repeats if they are one article given twice")


def warn_unsummarised(documents: pd.DataFrame, sentences: pd.DataFrame, sections) -> None:
    """Name each document none of whose sentences is in ``sections``: its summaries are empty (NaN)."""
    # Distinct ids first: isin on Arrow text turns every value into a Python string (1.6 s at 10,000 articles).
    summarised = sentences.loc[sentences["in_summary"], "doc_id"].drop_duplicates()
    empty = documents.loc[~documents["doc_id"].isin(summarised), "path"]
    wanted = f"{', '.join(sections)} sentences" if sections is not None else "sentences"
    for path in empty:
        warn(path, f"has no {wanted} (see the section column of sentences.csv), so its summaries are empty")


def warn_near_groups(groups, group_by: str) -> None:
    """Name the groups that differ only in case or inner spaces ("BBC" and "bbc"; an export that spelt one outlet
    two ways): each is compared as a group of its own, which the user may not mean."""
    by_key: dict[str, list[str]] = {}
    for group in groups:
        by_key.setdefault(spelling_key(group), []).append(str(group))
    alike = [names for names in by_key.values() if len(names) > 1]
    if alike:
        shown = "; ".join(" and ".join(repr(name) for name in names) for names in alike[:5])
        more = f" (and {len(alike) - 5} more such sets)" if len(alike) > 5 else ""
        warn(None, f"--group-by {group_by}: {shown}{more} differ only in case or spaces and are compared as "
                   "separate groups; write each alike in the data to make them one")


def recurring_sentences(sentences: pd.DataFrame, *, excluded: bool = False) -> np.ndarray:
    """Find, and name in one warning, the sentences found word for word in many documents (``RECURRING_SHARE`` of
    them, at least ``RECURRING_LEAST_DOCUMENTS``): syndicated wire copy, which is news, or page furniture a scraper
    kept ("Follow us on Twitter", "Sign up for our newsletter"), which is not — and which alignment groups into the
    most covered "events" of the corpus and every measure counts as text. Needs ``doc_id, text, n_words``.

    Returns one boolean per row of ``sentences``: whether its text recurs so. ``excluded``: the caller leaves them
    out of the summaries (``--exclude-recurring``), and the warning says so instead of how to."""
    none = np.zeros(len(sentences), dtype=bool)
    n_documents = sentences["doc_id"].nunique()
    least = max(RECURRING_LEAST_DOCUMENTS, math.ceil(RECURRING_SHARE * n_documents))
    if n_documents < least:
        return none
    # On integer codes: filtering and deduplicating 260,000 Arrow strings took 0.3 s, the codes 0.1 s.
    texts, text_codes = _codes(sentences["text"])
    _, doc_codes = _codes(sentences["doc_id"])
    worded = sentences["n_words"].to_numpy() >= RECURRING_LEAST_WORDS
    pairs = np.unique(text_codes[worded] * n_documents + doc_codes[worded])
    in_documents = pd.Series(np.bincount(pairs // n_documents, minlength=len(texts)), index=texts)
    recurring = in_documents[in_documents >= least].sort_values(ascending=False, kind="stable")
    if recurring.empty:
        return none
    shown = "; ".join(f"“{_shortened(text)}” ({count:,})" for text, count in recurring.head(3).items())
    more = f", and {len(recurring) - 3:,} more" if len(recurring) > 3 else ""
    remedy = (EXCLUDED if excluded else
              "which alignment groups as the most covered events and every measure counts as text: remove "
              "furniture from the texts before the run, or pass --exclude-recurring (exclude_recurring=True in "
              "Python) to leave such sentences out of the summaries, alignment and figures")
    warn(None, f"{len(recurring):,} sentence(s) recur word for word in {least:,} or more of the {n_documents:,} "
               f"documents ({shown}{more}): wire copy that outlets share, or page furniture a scraper kept "
               f"(newsletter, share and follow lines), {remedy}")
    return (in_documents.to_numpy() >= least)[text_codes] & worded


def _codes(values: pd.Series) -> tuple[pd.Index, np.ndarray]:
    codes, uniques = pd.factorize(values)
    return pd.Index(uniques), codes.astype(np.int64)


def _shortened(text: str, most: int = 60) -> str:
    return text if len(text) <= most else text[:most].rsplit(" ", 1)[0] + "…"
