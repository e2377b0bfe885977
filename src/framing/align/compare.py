"""Comparing documents event by event: per-event scores, omissions, and the loaded words one side of an aligned
pair uses where the other does not."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from ..errors import require_columns, warn
from .columns import COMPARISON_COLUMNS, OMISSION_COLUMNS, WORD_CHOICE_COLUMNS, empty_table

if TYPE_CHECKING:  # only named: importing the grouping would import scikit-learn into every figure's process
    from .grouping import Events


# Beyond this many documents (or groups) the events × documents grid is left sparse (``covered_only``), and the
# omissions read from it empty: 300 outlets × 5,000 events made 1.5 million rows of omissions (176 MB).
FULL_GRID_LIMIT = 50


def sparse_grid(n_units: int, unit: str, *, advice: str, by: str = "", prefix: str = "") -> bool:
    """Whether the events × ``unit`` grid of ``n_units`` documents or groups is left sparse (more than
    :data:`FULL_GRID_LIMIT`; pass the answer as ``covered_only``); if so, warns once, naming the tables
    (``{prefix}event_comparison.csv``, ``{prefix}omissions.csv``) and ending with ``advice``."""
    if n_units <= FULL_GRID_LIMIT:
        return False
    warn(None, f"more than {FULL_GRID_LIMIT} {unit}s{by}: {prefix}event_comparison.csv lists only the events each "
               f"{unit} covers and {prefix}omissions.csv stays empty; {advice}")
    return True


def event_comparison(events: Events, sentences: pd.DataFrame, scores: pd.DataFrame | None = None,
                     terms: pd.DataFrame | None = None, *, covered_only: bool = False) -> pd.DataFrame:
    """Compare the documents event by event: like with like.

    Parameters
    ----------
    events
        From :func:`events`.
    sentences
        The sentences table (for texts and the list of documents).
    scores
        Optional per-sentence scores with ``doc_id, sent_id`` and any of ``compound`` (VADER), ``source_kind``
        and ``quote`` (attribution). A sentence counts as attributed when it has a quote or a source kind other
        than empty / "none".
    terms
        Optional loaded-term hits with ``doc_id, sent_id, voice`` (from the loaded-terms scorer).
    covered_only
        Leave out the rows with ``n_sentences`` 0. For a corpus of thousands of documents the full grid is
        events × documents rows, nearly all empty; :func:`omissions` then has nothing to report.

    Returns
    -------
    DataFrame with one row per event × document, documents in the sentences table's order, events by id — rows
    with ``n_sentences`` 0 included (unless ``covered_only``) so that omissions show: ``event_id, label``;
    ``doc_id``; ``n_sentences``;
    ``mean_compound`` (mean VADER compound of the event's sentences in that document; NaN without scores or
    sentences); ``loaded_authorial, loaded_reported`` (loaded-term hits in those sentences by voice; NaN without
    ``terms``); ``share_attributed`` (share of those sentences that are attributed; NaN without attribution
    columns or sentences); ``sentences`` (their texts in reading order, joined by newlines; "" when none).
    """
    members, labels = events
    documents = list(pd.unique(sentences["doc_id"]))
    keyed = members.merge(sentences[["doc_id", "sent_id", "text"]], on=["doc_id", "sent_id"], how="left")
    if scores is not None:
        score_columns = [c for c in ("compound", "source_kind", "quote") if c in scores.columns]
        keyed = keyed.merge(scores[["doc_id", "sent_id", *score_columns]].drop_duplicates(["doc_id", "sent_id"]),
                            on=["doc_id", "sent_id"], how="left")
    keyed = keyed.sort_values(["event_id", "doc_id", "sent_id"], kind="stable")
    if covered_only:
        rank = {doc_id: k for k, doc_id in enumerate(documents)}
        cells = keyed[["event_id", "doc_id"]].drop_duplicates()
        cells = cells.assign(_rank=cells["doc_id"].map(rank)).sort_values(["event_id", "_rank"], kind="stable")
        grid = pd.MultiIndex.from_frame(cells[["event_id", "doc_id"]])
    else:
        grid = pd.MultiIndex.from_product([labels["event_id"], documents], names=["event_id", "doc_id"])
    grouped = keyed.groupby(["event_id", "doc_id"], sort=False)
    table = pd.DataFrame(index=grid)
    table["n_sentences"] = grouped.size().reindex(grid, fill_value=0).astype("int64")
    table["mean_compound"] = (grouped["compound"].mean().reindex(grid) if "compound" in keyed.columns
                              else np.nan)
    if terms is not None:
        hits = terms.merge(members[["event_id", "doc_id", "sent_id"]], on=["doc_id", "sent_id"])
        voice = hits["voice"].astype(str)
        counts = hits.assign(authorial=voice.eq("authorial"), reported=~voice.eq("authorial"))
        counts = counts.groupby(["event_id", "doc_id"])[["authorial", "reported"]].sum()
        table["loaded_authorial"] = counts["authorial"].reindex(grid, fill_value=0).astype("int64")
        table["loaded_reported"] = counts["reported"].reindex(grid, fill_value=0).astype("int64")
    else:
        table["loaded_authorial"] = np.nan
        table["loaded_reported"] = np.nan
    if "source_kind" in keyed.columns or "quote" in keyed.columns:
        attributed = pd.Series(False, index=keyed.index)
        if "quote" in keyed.columns:
            attributed |= keyed["quote"].fillna(False).astype(bool)
        if "source_kind" in keyed.columns:
            kind = keyed["source_kind"].astype("string").str.strip().str.lower()
            attributed |= kind.notna() & ~kind.isin(["", "none", "nan"]).fillna(True)
        table["share_attributed"] = attributed.groupby([keyed["event_id"], keyed["doc_id"]]).mean().reindex(grid)
    else:
        table["share_attributed"] = np.nan
    table["sentences"] = _joined_texts(keyed).reindex(grid, fill_value="")
    table = table.reset_index().merge(labels[["event_id", "label"]], on="event_id", how="left")
    return table[COMPARISON_COLUMNS]


def _joined_texts(keyed: pd.DataFrame) -> pd.Series:
    """Per ``(event_id, doc_id)``: the texts of ``keyed`` (sorted by those and ``sent_id``) joined by newlines.

    One ``str.join`` per cell from the sorted rows; a groupby aggregation with a Python function costs a
    DataFrame slice per cell (most of ``event_comparison``'s time on a corpus of thousands of documents)."""
    event, doc = keyed["event_id"].to_numpy(dtype=object), keyed["doc_id"].to_numpy(dtype=object)
    texts = keyed["text"].to_numpy(dtype=object)
    start = np.flatnonzero(np.r_[True, (event[1:] != event[:-1]) | (doc[1:] != doc[:-1])]) if len(texts) \
        else np.zeros(0, dtype=int)
    end = np.r_[start[1:], len(texts)]
    joined = ["\n".join(texts[a:b]) for a, b in zip(start.tolist(), end.tolist())]
    index = pd.MultiIndex.from_arrays([event[start], doc[start]], names=["event_id", "doc_id"])
    return pd.Series(joined, index=index, dtype=keyed["text"].dtype)  # the dtype a groupby would keep


def most_covered_events(comparison: pd.DataFrame, docs=None, limit: int | None = None) -> list:
    """The event ids worth showing first: every event of ``comparison`` (in its order, which is the story's), or,
    when there are more than ``limit``, the ``limit`` covered by the most of ``docs`` (default: every document),
    then with the most of their sentences, then the earlier — still in the story's order.

    Figure 6 and the report's reading view both show this selection, so that every event the figure draws is one
    the report lets the reader read.
    """
    events = list(comparison["event_id"].drop_duplicates())
    if limit is None or len(events) <= limit:
        return events
    covered = comparison[comparison["n_sentences"].fillna(0) > 0]
    if docs is not None:
        covered = covered[covered["doc_id"].astype(str).isin(list(docs))]
    stats = pd.DataFrame({"documents": covered.groupby("event_id")["doc_id"].nunique(),
                          "sentences": covered.groupby("event_id")["n_sentences"].sum()}).reindex(events).fillna(0)
    stats["position"] = range(len(events))
    keep = set(stats.sort_values(["documents", "sentences", "position"], ascending=[False, False, True])
               .head(limit).index)
    return [event_id for event_id in events if event_id in keep]


def omissions(comparison: pd.DataFrame) -> pd.DataFrame:
    """Events some documents cover and others leave out.

    Returns
    -------
    DataFrame with one row per event × document that has no sentence of an event another document covers:
    ``event_id, label``; ``covered_by`` (the documents that cover it, comma-separated in document order);
    ``missing_from`` (the document that leaves it out).
    """
    if not (comparison["n_sentences"] == 0).any():
        return empty_table(OMISSION_COLUMNS)
    keys = ["event_id", "label"]
    table = comparison.dropna(subset=keys)
    # Whole-table operations, not one pass per event: one join per event of its covering documents.
    covered = table[table["n_sentences"] > 0].groupby(keys, sort=True)["doc_id"].agg(", ".join)
    missing = table[table["n_sentences"] == 0].join(covered.rename("covered_by"), on=keys, how="inner")
    if missing.empty:
        return empty_table(OMISSION_COLUMNS)
    missing = missing.sort_values(keys, kind="stable").rename(columns={"doc_id": "missing_from"})
    return missing[OMISSION_COLUMNS].reset_index(drop=True)


def word_choice(pairs: pd.DataFrame, terms: pd.DataFrame, sentences: pd.DataFrame, *,
                lexicon: pd.DataFrame | None = None) -> pd.DataFrame:
    """Loaded words one side of an aligned pair uses where the other side does not.

    Parameters
    ----------
    pairs
        Aligned pairs (from :meth:`Aligner.align`).
    terms
        Loaded-term hits: ``doc_id, sent_id, term, lemma, category, direction, voice, start, end``.
    sentences
        For the other side's text.
    lexicon
        Optional table with ``term, neutral`` (e.g. ``load_lexicon().entries``): the neutral alternative of each
        lexicon entry, joined on the hit's ``lemma``.

    Returns
    -------
    DataFrame with one row per loaded-term hit in an aligned pair whose other sentence has no hit of the same
    lemma and does not contain the term: ``doc_a, sent_a, doc_b, sent_b`` (the pair); ``loaded_doc`` (the side
    that uses the term); ``term`` (as written), ``lemma``, ``neutral`` (NaN without a lexicon or entry);
    ``other_side_text`` (the other sentence, to read the wording it uses instead).
    """
    require_columns(terms, ("doc_id", "sent_id", "term", "lemma"), "terms")
    # At corpus scale the pairs run to millions (wire copy aligned with every copy of itself), and most pairs with
    # a hit have the same lemma on the other side: each step drops rows before the next one adds columns, so no
    # intermediate grows with the pairs times the hits' text.
    hits = terms[["doc_id", "sent_id", "term", "lemma"]]
    keys = pairs[["doc_a", "sent_a", "doc_b", "sent_b"]]
    hit_keys = pd.MultiIndex.from_frame(hits[["doc_id", "sent_id", "lemma"]].astype({"doc_id": object}))
    frames = []
    for side, other in (("a", "b"), ("b", "a")):
        joined = keys.merge(hits, left_on=[f"doc_{side}", f"sent_{side}"], right_on=["doc_id", "sent_id"])
        other_keys = pd.MultiIndex.from_arrays([joined[f"doc_{other}"].astype(object), joined[f"sent_{other}"],
                                                joined["lemma"]])
        joined = joined[~other_keys.isin(hit_keys)]  # the other side has a hit of the same lemma
        frames.append(joined.assign(loaded_doc=joined[f"doc_{side}"], other_doc=joined[f"doc_{other}"],
                                    other_sent=joined[f"sent_{other}"]).drop(columns=["doc_id", "sent_id"]))
    found = pd.concat(frames, ignore_index=True)
    found = found.drop_duplicates(["doc_a", "sent_a", "doc_b", "sent_b", "loaded_doc", "lemma", "term"])
    if found.empty:
        return empty_table(WORD_CHOICE_COLUMNS)
    texts = sentences.set_index(["doc_id", "sent_id"])["text"]
    found["other_side_text"] = texts.reindex(pd.MultiIndex.from_arrays([found["other_doc"],
                                                                        found["other_sent"]])).to_numpy()
    found = found[~_contains_term(found["term"].to_numpy(dtype=object),
                                  found["other_side_text"].to_numpy(dtype=object))]
    if lexicon is not None:
        neutral = lexicon.drop_duplicates("term").set_index("term")["neutral"]
        found = found.assign(neutral=found["lemma"].map(neutral))
    else:
        found = found.assign(neutral=np.nan)
    return found[WORD_CHOICE_COLUMNS].reset_index(drop=True)


def _contains_term(terms: np.ndarray, texts: np.ndarray) -> np.ndarray:
    """Per row: whether ``texts[k]`` contains ``terms[k]`` as a whole word, any case. Each distinct (term, text)
    is searched once: aligned pairs repeat the same wire copy on the other side many times."""
    seen: dict[tuple[str, str], bool] = {}
    out = np.zeros(len(terms), dtype=bool)
    for k, key in enumerate(zip(map(str, terms), map(str, texts))):
        found = seen.get(key)
        if found is None:
            found = seen[key] = bool(re.search(rf"\b{re.escape(key[0])}\b", key[1], re.IGNORECASE))
        out[k] = found
    return out
