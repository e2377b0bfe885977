"""Sentences repeated across a corpus are read once per process.

Wire copy and boilerplate repeat whole sentences: a story syndicated to a hundred papers brings the same
sentences a hundred times. What a scorer takes from a sentence's text alone is the same for every copy: VADER's
scores, the lexicon's matches, the passives and harm clauses, and — given the quotation marks inside it — its
attribution cues, hedges and spans. So those are kept for the most recently seen distinct texts, and a copy costs
one dictionary look-up instead of a second reading. (A sentence's actor mentions depend on the actors files too:
the alias book of those files keeps them, as many texts as here, :func:`framing.scorers.actors.sentence_mentions`.)
Anything that depends on the sentence's place in its document (quotations opened in an earlier sentence, the
document's actors, document offsets) is not kept here: the callers add it to the kept result.

Each worker process keeps its own memory; so does a notebook's process that scores in one process, across its
runs, within the bound below. Results are immutable tuples, so no caller can change what another copy will
receive.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from typing import TypeVar

# Distinct sentence texts each function remembers per process, the least recently seen forgotten first. The four
# memories together hold about 1.7 KB per text (14.9 MB for the 8,608 distinct texts of 4,800 synthetic articles,
# measured with tracemalloc), so at most about 28 MB per process. 16,384 texts are the sentences of about 600
# articles of 26 sentences: a copy is read again only when more distinct sentences than that came between.
MEMO_TEXTS = 16_384

Result = TypeVar("Result")


def per_text(function: Callable[..., Result]) -> Callable[..., Result]:
    """``function`` remembered for the last :data:`MEMO_TEXTS` distinct arguments. It must depend only on its
    arguments — a sentence's text, and hashable facts of that sentence alone such as its quotation marks — and
    return an immutable value."""
    return lru_cache(maxsize=MEMO_TEXTS)(function)
