"""Which words made a sentence positive or negative (leave-one-out re-scoring with VADER), and the word shift
between two documents built from them.

Read only by the word-shift figure and the reading view, so the pipeline computes them for every sentence only
when documents are shown side by side (see ``framing.pipeline.analyze``'s ``contributions``).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..errors import input_error, require_columns
from .vader import ZERO, VaderReading, VaderToken, analyzer, texts_of, vader_tokens
from ..rows import typed_table

CONTRIBUTION_COLUMNS = ["doc_id", "sent_id", "token", "start", "end", "contribution"]
SHIFT_COLUMNS = ["term", "contribution_a", "contribution_b", "difference", "rank"]


def contributions(sentences: pd.DataFrame, *, exhaustive: bool = False) -> pd.DataFrame:
    """Which words made each sentence positive or negative, by leave-one-out re-scoring with VADER.

    A token's contribution is the sentence's compound minus the compound of the sentence with that whitespace
    token removed, so every VADER rule is respected: "not" in "not good" gets the (negative) effect of the
    negation, "very" the boost, "but" the reweighting of both halves, a token ending in "!" the emphasis.
    Contributions do not add up to the compound (the compound is not linear), and a plain word can have one
    when removing it moves a negation or booster into (or out of) VADER's three-word window.

    Only tokens that can change the score are re-scored: VADER lexicon words, tokens within VADER's window of
    a lexicon word when there is a modifier (booster, negation, "no", "least", idiom word, another lexicon
    word) near it, "but", tokens carrying "!" or "?", and the token whose removal would switch VADER's
    ALL-CAPS emphasis on or off. Sentences without a lexicon word are skipped (their compound is 0 with or
    without any token). A re-score recomputes only the valences near the removed token (see
    :class:`VaderReading`); sentences with an emoji are re-scored whole, token by token. ``exhaustive=True``
    re-scores every token of every sentence with ``polarity_scores`` on the shortened text (slow; it is the
    reference the shortcut is checked against, and gives the same table).

    Parameters
    ----------
    sentences
        Needs ``doc_id, sent_id, text``; ``start`` (the sentence's offset in its document) when present.

    Returns
    -------
    DataFrame with one row per token whose contribution is non-zero, in sentence and token order, columns
        ``doc_id, sent_id``; ``token`` (as VADER reads it: as written, surrounding punctuation stripped);
        ``start, end`` (offsets of ``token`` in the document's cleaned text: sentence start + offset in the
        sentence); ``contribution`` (compound with the token minus compound without it, 4 decimals).
    """
    if exhaustive:
        require_columns(sentences, ("doc_id", "sent_id", "text"), "sentences")
        return contribution_table(sentences, [sentence_contributions(text, exhaustive=True)
                                               for text in texts_of(sentences)])
    require_columns(sentences, ("doc_id", "sent_id", "text"), "sentences")
    return contribution_table(sentences, [VaderReading(text).contributions() for text in texts_of(sentences)])


def contribution_table(sentences: pd.DataFrame, found: list[list[tuple[VaderToken, float]]]) -> pd.DataFrame:
    starts = sentences["start"].to_numpy() if "start" in sentences else np.zeros(len(sentences), dtype=int)
    rows = [(doc_id, sent_id, token.word, int(offset) + token.start, int(offset) + token.end, contribution)
            for doc_id, sent_id, offset, tokens in zip(sentences["doc_id"], sentences["sent_id"], starts, found)
            for token, contribution in tokens]
    return typed_table(rows, CONTRIBUTION_COLUMNS, {"sent_id": "int64", "start": "int64", "end": "int64",
                                                    "contribution": "float64"})


def for_copies(by_text: pd.DataFrame, codes: np.ndarray, sentences: pd.DataFrame) -> pd.DataFrame:
    """Contributions computed once per distinct text, handed to every sentence with that text.

    Parameters
    ----------
    by_text
        :func:`contributions` of the distinct texts, scored with ``doc_id`` = ``sent_id`` = the text's number and
        ``start`` 0 (so offsets are within the text), in text-number order.
    codes
        For each sentence, the number of its text.
    sentences
        ``doc_id, sent_id, start`` of the sentences, in the order wanted.

    Returns
    -------
    The table :func:`contributions` gives for ``sentences`` (``doc_id, sent_id, token, start, end,
    contribution``; offsets into the document), in sentence order, with each text's rows in token order.
    """
    text_of_row = by_text["doc_id"].to_numpy(np.int64)
    counts = np.bincount(text_of_row, minlength=len(codes) and int(codes.max()) + 1)
    first = np.concatenate(([0], np.cumsum(counts)[:-1]))
    lengths = counts[codes]
    total = int(lengths.sum())
    # Row k of the result is row first[text] + (k − where this sentence's rows begin) of by_text.
    begins = np.repeat(np.cumsum(lengths) - lengths, lengths)
    rows = np.repeat(first[codes], lengths) + (np.arange(total) - begins)
    offset = np.repeat(sentences["start"].to_numpy(np.int64), lengths)
    table = pd.DataFrame({
        "doc_id": np.repeat(sentences["doc_id"].to_numpy(), lengths),
        "sent_id": np.repeat(sentences["sent_id"].to_numpy(np.int64), lengths),
        "token": by_text["token"].to_numpy()[rows],
        "start": by_text["start"].to_numpy(np.int64)[rows] + offset,
        "end": by_text["end"].to_numpy(np.int64)[rows] + offset,
        "contribution": by_text["contribution"].to_numpy(np.float64)[rows],
    })
    return table[CONTRIBUTION_COLUMNS]


def sentence_contributions(text: str, *, exhaustive: bool = False) -> list[tuple[VaderToken, float]]:
    """``(token, contribution)`` for the tokens of one sentence whose contribution is non-zero."""
    if not exhaustive:
        return VaderReading(text).contributions()
    tokens = vader_tokens(text)
    polarity = analyzer().polarity_scores
    compound = polarity(text)["compound"]
    raws = [token.raw for token in tokens]
    out = []
    for index in range(len(tokens)):
        without = polarity(" ".join(raws[:index] + raws[index + 1:]))["compound"]
        contribution = round(compound - without, 4)
        if abs(contribution) > ZERO:
            out.append((tokens[index], contribution))
    return out


def word_shift(contribs: pd.DataFrame, scores: pd.DataFrame, doc_a: str, doc_b: str, *,
               top: int | None = None) -> pd.DataFrame:
    """Which terms make document A read more negative (or positive) than document B, per sentence scored.

    Each term's contributions (from :func:`contributions`, summed over the lowercased token) are divided by the
    number of sentences scored in that document (rows of ``scores``), so a long document does not win by
    length. ``difference`` is A − B: a negative difference means the term pulls A's sentences further
    towards negative than B's, per sentence (e.g. "terrorist" used often in A and never in B); a positive one
    means it makes A more positive than B (or B more negative than A).

    Parameters
    ----------
    contribs
        From :func:`contributions` (needs ``doc_id, token, contribution``).
    scores
        From :class:`SentimentScorer` (needs ``doc_id``): the sentences that were scored.
    doc_a, doc_b
        The two documents to compare.
    top
        Keep only the ``top`` terms by absolute difference; all terms when ``None``.

    Returns
    -------
    DataFrame with one row per term found in either document, sorted by ``rank``, columns
        ``term`` (lowercased token); ``contribution_a, contribution_b`` (summed contribution per sentence scored
        in A and in B; 0 where the term does not occur); ``difference`` (a − b); ``rank`` (1 = largest
        absolute difference; ties broken by term).
    """
    require_columns(contribs, ("doc_id", "token", "contribution"), "contributions")
    require_columns(scores, ("doc_id",), "scores")
    n_sentences = scores["doc_id"].value_counts()
    for doc_id in (doc_a, doc_b):
        if doc_id not in n_sentences.index:
            known = ", ".join(map(str, scores["doc_id"].unique()))
            raise input_error(None, f"unknown doc_id {doc_id!r}; the scores hold: {known}")
    per_sentence = [_term_totals(contribs, doc_id) / n_sentences[doc_id] for doc_id in (doc_a, doc_b)]
    table = pd.concat(per_sentence, axis=1, keys=["contribution_a", "contribution_b"]).fillna(0.0)
    table = table.rename_axis("term").reset_index()
    table["difference"] = table["contribution_a"] - table["contribution_b"]
    table["size"] = table["difference"].abs()
    table = table.sort_values(["size", "term"], ascending=[False, True], kind="stable", ignore_index=True)
    table["rank"] = np.arange(1, len(table) + 1)
    if top is not None:
        table = table.head(top)
    return table[SHIFT_COLUMNS]


def _term_totals(contribs: pd.DataFrame, doc_id: str) -> pd.Series:
    rows = contribs[contribs["doc_id"] == doc_id]
    return rows.groupby(rows["token"].str.lower())["contribution"].sum().astype(float)
