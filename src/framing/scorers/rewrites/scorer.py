"""The ``rewrites`` table: each sentence with loaded terms in the writer's own voice, in neutral words, re-scored.

VADER's lexicon has no entry for most loaded words ("slaughtered", "regime", "martyr" score 0) but does for many
neutral ones ("killed" −3.5), so the neutral rewrite can read *more* negative: the rewrite shows how much of a
sentence's tone VADER takes from its loaded words, and how much it cannot see.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from ...errors import require_columns
from ...lexicons import Lexicon, load_lexicon
from ..vader import VaderReading
from .sentence import Hit, rewrite_sentence
from ...rows import table_rows, typed_table

REWRITE_COLUMNS = ["doc_id", "sent_id", "text", "neutral_text", "n_swapped", "compound", "neutral_compound",
                   "n_skipped", "swaps", "neutral_spans"]
REWRITE_SUMMARY_COLUMNS = ["doc_id", "n_rewritten", "swapped_terms", "unswapped_terms", "rewritten_compound_before",
                           "rewritten_compound_after", "rewritten_compound_shift"]


@dataclass(frozen=True)
class NeutralRewriter:
    """Rewrite the sentences of a batch in neutral words (:mod:`.sentence` has the rules).

    Call it with the scored sentences (``doc_id, sent_id, start, text, compound``) and the loaded-term hits
    (``doc_id, sent_id, lemma, voice, start, end``, document offsets; :class:`~framing.scorers.loaded.
    LoadedTermScorer`). Reported hits are someone else's words and stay as written.
    """

    lexicon: Lexicon = field(default_factory=load_lexicon)

    def __call__(self, sentences: pd.DataFrame, terms: pd.DataFrame) -> pd.DataFrame:
        """Return one row per sentence with at least one loaded term in the writer's own voice.

        Returns
        -------
        DataFrame with ``doc_id, sent_id``; ``text`` (as written); ``neutral_text`` (the rewrite; equal to
        ``text`` when no hit could be swapped); ``n_swapped`` (hits swapped or dropped); ``compound`` (the
        sentence's VADER compound); ``neutral_compound`` (VADER's compound of ``neutral_text``, read as the
        sentence scores are); ``n_skipped`` (authorial hits left as written: no clean swap); ``swaps``
        (``"slaughtered → killed; regime → government"``); ``neutral_spans`` (where each swapped-in word stands
        in ``neutral_text``: ``"start:end"`` pairs separated by spaces).
        """
        require_columns(sentences, ("doc_id", "sent_id", "start", "text", "compound"), "sentences")
        require_columns(terms, ("doc_id", "sent_id", "lemma", "voice", "start", "end"), "terms")
        own = terms[terms["voice"] == "authorial"]
        if own.empty:
            return empty_rewrites()
        neutral = dict(zip(self.lexicon.entries["term"], self.lexicon.entries["neutral"].astype(str)))
        keyed = dict(zip(table_rows(sentences, "doc_id", "sent_id"),
                         table_rows(sentences, "start", "text", "compound")))
        # Plain lists, not a pandas groupby: a batch has hundreds of small groups and per-group frames cost more
        # than the rewriting.
        by_sentence: dict[tuple, list[tuple[int, int, str]]] = {}
        for key, start, end, lemma in zip(zip(own["doc_id"], own["sent_id"]), own["start"].tolist(),
                                          own["end"].tolist(), own["lemma"]):
            by_sentence.setdefault(key, []).append((start, end, lemma))
        rows = []
        for (doc_id, sent_id), hits in by_sentence.items():
            offset, text, compound = keyed[(doc_id, sent_id)]
            offset, text, compound = int(offset), str(text), float(compound)
            rewrite = rewrite_sentence(text, [Hit(start - offset, end - offset, lemma, neutral[lemma])
                                              for start, end, lemma in hits])
            after = VaderReading(rewrite.text).scores()["compound"] if rewrite.n_swapped else compound
            rows.append((doc_id, sent_id, text, rewrite.text, rewrite.n_swapped, compound, float(after),
                         rewrite.n_skipped, "; ".join(rewrite.swaps),
                         " ".join(f"{start}:{end}" for start, end in rewrite.spans)))
        return typed_table(rows, REWRITE_COLUMNS, {"sent_id": "int64", "n_swapped": "int64", "n_skipped": "int64"})


def empty_rewrites() -> pd.DataFrame:
    """The rewrites table with no rows (its columns and types)."""
    return pd.DataFrame({column: pd.Series(dtype=dtype) for column, dtype in zip(
        REWRITE_COLUMNS, ["object", "int64", "object", "object", "int64", "float64", "float64", "int64", "object",
                          "object"])})


def summarise_rewrites(rewrites: pd.DataFrame) -> pd.DataFrame:
    """Per document, how far the neutral rewrite moves the sentences it changes.

    Returns
    -------
    DataFrame with one row per document that has a rewrites row: ``doc_id``; ``n_rewritten`` (sentences with at
    least one swap); ``swapped_terms`` and ``unswapped_terms`` (authorial hits swapped, and left as written);
    ``rewritten_compound_before`` and ``rewritten_compound_after`` (mean VADER compound of the rewritten
    sentences as written and in neutral words; NaN when none was rewritten); ``rewritten_compound_shift``
    (after − before: how far the swaps move VADER; positive when the neutral words read less negative).
    """
    if rewrites.empty:
        return pd.DataFrame(columns=REWRITE_SUMMARY_COLUMNS)
    changed = rewrites["n_swapped"] > 0
    table = rewrites.assign(
        rewritten=changed.astype("int64"),
        before=rewrites["compound"].where(changed),
        after=rewrites["neutral_compound"].where(changed),
    ).groupby("doc_id", sort=False).agg(
        n_rewritten=("rewritten", "sum"), swapped_terms=("n_swapped", "sum"), unswapped_terms=("n_skipped", "sum"),
        rewritten_compound_before=("before", "mean"), rewritten_compound_after=("after", "mean"))
    table["rewritten_compound_shift"] = table["rewritten_compound_after"] - table["rewritten_compound_before"]
    return table.reset_index()[REWRITE_SUMMARY_COLUMNS]


def shown_spans(neutral_spans: object) -> list[tuple[int, int]]:
    """The ``neutral_spans`` column read back into ``(start, end)`` pairs (empty for a missing value)."""
    if not isinstance(neutral_spans, str) or not neutral_spans.strip():
        return []
    return [tuple(int(part) for part in pair.split(":")) for pair in neutral_spans.split()]


