"""What a lexicon entry's ``neutral`` column says to swap in, read by the rule of ``data/LEXICON.md``.

The column holds alternatives separated by `` / ``; the first is the swap. Parenthesised text is advice to the
editor, never swapped in, except two forms the rewrite reads: ``(omit)`` as the whole first alternative (drop the
word) and ``(verb: X)`` anywhere (the swap for the entry's verb forms when the first alternative is a noun:
slaughter → killing, slaughtered → killed). An entry with ``*`` or ``<poss>`` is swapped only when its swap has
the same placeholders in the same order, so the words they matched can be carried over.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Literal, NamedTuple

from ...lexicons import PLACEHOLDERS, TOKEN

NOTE = re.compile(r"\([^)]*\)")
VERB_NOTE = re.compile(r"\(verb:\s*([^;)]+)")
OMIT = "(omit)"

#: Why an entry has no swap: its first alternative is only advice ("(describe the act)"), or its placeholders
#: cannot be matched with the swap's ("blood * on <poss> hands" → "responsible for deaths").
NoSwapReason = Literal["note_only", "placeholders_differ"]


class Swap(NamedTuple):
    """How to rewrite one entry's hits.

    ``segments``: the swap cut at the entry's placeholders (one segment more than placeholders; each a tuple of
    words, empty for a dropped word); ``verb``: the swap for verb forms (-ed, -ing) when the entry says one;
    ``reason``: why there is no swap (``None`` when there is one).
    """

    segments: tuple[tuple[str, ...], ...]
    verb: tuple[str, ...] | None = None
    reason: NoSwapReason | None = None

    @property
    def usable(self) -> bool:
        return self.reason is None


@cache
def swap_for(term: str, neutral: str) -> Swap:
    """The swap of one lexicon entry (``term`` as in the lexicon, ``neutral`` its column)."""
    first = neutral.split(" / ")[0].strip()
    verb = VERB_NOTE.search(neutral)
    verb_words = tuple(verb.group(1).split()) if verb else None
    if first == OMIT:
        return Swap(((),), verb_words)
    words = NOTE.sub(" ", first).split()
    if not words:
        return Swap((), reason="note_only")
    holes = [word for word in term.split() if word in PLACEHOLDERS]
    if [word for word in words if word in PLACEHOLDERS] != holes:
        return Swap((), reason="placeholders_differ")
    return Swap(_segments(words), verb_words)


def entry_segments(term: str) -> list[tuple[str, ...]]:
    """An entry's own words cut at its placeholders, as the matcher cuts them ("u.s.-backed" → u, s, backed)."""
    segments, current = [], []
    for part in term.split():
        if part in PLACEHOLDERS:
            segments.append(tuple(current))
            current = []
        else:
            current += [word.lower() for word in TOKEN.findall(part)]
    return [*segments, tuple(current)]


def _segments(words: list[str]) -> tuple[tuple[str, ...], ...]:
    segments, current = [], []
    for word in words:
        if word in PLACEHOLDERS:
            segments.append(tuple(current))
            current = []
        else:
            current.append(word)
    return (*segments, tuple(current))
