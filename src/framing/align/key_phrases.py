"""Readable event labels: a short key phrase of an event's most central sentence.

Three keywords ("Kamyab · attending · gyms") name an event for the machine but not for a student. A clause of the
sentence nearest the event's centre, cut to a few words around those keywords ("Kamyab … attending gyms in
Tehran"), reads as what the event is about; the keywords stay beside it in ``event_labels.csv``.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence

MAX_WORDS = 8  # a label a reader takes in at a glance; the figure wraps it in two or three lines
MIN_CLAUSE_WORDS = 3  # shorter pieces ("he said") say nothing on their own

# Clause boundaries inside a sentence: commas, semicolons, colons, brackets and dashes used as punctuation.
_CLAUSE_BREAK = re.compile(r"\s*(?:[,;:()\[\]]|\s[—–-]\s|—)\s*")
_CITATION = re.compile(r"\[\s*(?:\d+|[a-z]|citation needed)\s*\]", re.IGNORECASE)
_EDGE_PUNCTUATION = "\"'“”‘’.,;:!?…«»()[]"
_QUOTES = re.compile(r"[\"“”«»]|(?<!\w)['‘]|['’](?!\w)")  # a label quotes nobody; a cut can orphan a quote mark
_YEAR = re.compile(r"\d{4}")
# Words that only link a clause to what came before; a label starting with one reads as a fragment.
_LEADING_LINKS = {"and", "but", "or", "so", "while", "which", "who", "that", "as", "then", "also", "however"}
# Words a cut label should not end on ("… commander of the…"): they point to words that were cut.
_TRAILING_LINKS = {"a", "an", "the", "of", "to", "in", "on", "at", "by", "for", "with", "and", "or", "from", "into"}


def key_phrase(sentence: str, keywords: Sequence[str], *, max_words: int = MAX_WORDS) -> str:
    """A short readable phrase of ``sentence``: its clause with most of ``keywords``, cut to ``max_words`` words
    around them (an ellipsis where words were cut), first letter capitalised; "" when the sentence has no words.

    >>> key_phrase("In 2015, Soleimani visited Moscow to show Putin a map of Syria, officials said.",
    ...            ["Moscow", "Putin", "map"])
    'Soleimani visited Moscow to show Putin a map…'
    """
    text = " ".join(_QUOTES.sub("", _CITATION.sub(" ", str(sentence))).split())
    wanted = {word.lower() for keyword in keywords for word in str(keyword).split()}
    clause = _best_clause(text, wanted)
    words = [word for word in clause.split() if word.strip(_EDGE_PUNCTUATION)]
    while len(words) > MIN_CLAUSE_WORDS and words[0].lower().strip(_EDGE_PUNCTUATION) in _LEADING_LINKS:
        words = words[1:]
    if not words:
        return ""
    start = _best_window(words, wanted, max_words)
    shown = words[start:start + max_words]
    if start + max_words < len(words):
        while len(shown) > MIN_CLAUSE_WORDS and shown[-1].lower() in _TRAILING_LINKS:
            shown = shown[:-1]
    phrase = " ".join(shown).strip(_EDGE_PUNCTUATION + " ")
    if start > 0:
        phrase = "… " + phrase
    if start + max_words < len(words):
        phrase += "…"
    return phrase[:1].upper() + phrase[1:]


def _weights(words: Sequence[str], wanted: set[str]) -> list[float]:
    """Per word, 1 for a keyword, 0.5 for a keyword that is a year (a date alone, "On 12 July 2006", names no
    event), else 0."""
    weights = []
    for word in words:
        word = word.lower().strip(_EDGE_PUNCTUATION)
        weights.append(0.0 if word not in wanted else 0.5 if _YEAR.fullmatch(word) else 1.0)
    return weights


def _hits(words: Sequence[str], wanted: set[str]) -> float:
    """Keywords among ``words`` (see :func:`_weights`)."""
    return sum(_weights(words, wanted))


def _best_clause(text: str, wanted: set[str]) -> str:
    """The clause holding most keywords (ties: the earlier one); the whole sentence when no clause is long
    enough to stand alone."""
    clauses = [piece for piece in _CLAUSE_BREAK.split(text) if len(piece.split()) >= MIN_CLAUSE_WORDS]
    if not clauses:
        return text
    return max(clauses, key=lambda clause: _hits(clause.split(), wanted) + 0.01 * min(len(clause.split()), MAX_WORDS))


def _best_window(words: Sequence[str], wanted: set[str], size: int) -> int:
    """Where a window of ``size`` words holds most keywords (ties: the earliest, so a clause reads from its
    start when it can)."""
    if len(words) <= size:
        return 0
    # Sliding sums of the word weights: one pass, not one count per window.
    running = [0.0, *itertools.accumulate(_weights(words, wanted))]
    counts = [running[start + size] - running[start] for start in range(len(words) - size + 1)]
    return counts.index(max(counts))
