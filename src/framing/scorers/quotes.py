"""Quotation marks in a cleaned document: which marks pair up, and whether a pair is a quotation or scare quotes.

The cleaner has already made every quotation mark straight (“ ” „ « » and two apostrophes become ``"``; ‘ ’ become
``'``), so this module sees only ``"`` and ``'`` — and ``'`` is also the apostrophe (Iran's, soldiers', '80s).
It works on a whole document text, not on sentences, because quotations run across sentence boundaries
("'They are all people. Are all your children religious?'").

Rules, in the order they are applied to each paragraph (paragraphs are separated by a blank line, ``"\\n\\n"``):

* A ``'`` between two letters or digits is an apostrophe (Iran's, don't, Shi'ite); a ``'`` before two digits is an
  elision ('80s, '99). Neither is ever a quotation mark.
* A mark *can open* when it follows the start of the paragraph, a space, an opening bracket, a dash or the other
  quotation mark, and is followed by a non-space; it *can close* when it follows a non-space and is followed by
  the end of the paragraph, a space, punctuation or the other quotation mark.
* Marks pair like brackets: a closing mark closes the innermost open mark of the same kind (closing any other
  marks still open inside it). So ``'He said, "General …",' Petraeus said`` is a ``'`` quotation with a ``"``
  quotation nested inside.
* A ``'`` that can only close (soldiers') closes an open ``'`` only when no other closing ``'`` follows before the
  next opening one — otherwise it is a plural possessive inside the quotation ('the soldiers' families').
  With no ``'`` open it is a possessive.
* A ``"`` that can only close and comes before any other ``"`` of its paragraph closes a quotation that began
  before the paragraph (an excerpt that starts mid-quotation): the span starts at the paragraph start.
* A quotation still open at the end of its paragraph ends there (news style opens, but does not close, each
  paragraph of a quotation that runs on). It never runs past its paragraph, and when the rest of the paragraph
  holds more than :data:`MAX_UNCLOSED_SENTENCES` sentences it ends with its own sentence instead: a run-on
  paragraph (an encyclopedia copied onto one line) with one stray mark is a typo, not a long quotation.

A span is ``scare_quote`` when the marks hold one or two words and no sentence punctuation (``. ! ? … ; :``) —
"flatly illegal", 'coalition' — and ``quotation`` otherwise. Scare quotes nested inside a quotation are
reported too (a speaker's own scare quotes). This is the reading of the marks alone: the attribution scorer,
which knows the cues, makes a short phrase that is a cue's object or complement with a source a quotation again
("The general vowed 'a crushing response'"; :mod:`framing.scorers.attribution.scope`).
"""

from __future__ import annotations

import re
from itertools import islice
from typing import Literal, NamedTuple, get_args

from ..corpus import WORD

QuoteKind = Literal["quotation", "scare_quote"]
QUOTE_KINDS: tuple[str, ...] = get_args(QuoteKind)

# Words inside the marks at or below which a quoted phrase reads as a scare quote / label, not as speech.
MAX_SCARE_WORDS = 2
# An unclosed quotation may run over at most this many further sentences of its paragraph (see module doc).
MAX_UNCLOSED_SENTENCES = 3

_OPEN_BEFORE = set("([{—–-/\"'")  # characters after which a mark may open (besides whitespace)
_CLOSE_AFTER = set(".,;:!?)]}—–-…/\"'")  # characters before which a mark may close (besides whitespace)
_SENTENCE_PUNCTUATION = re.compile(r"[.!?…;:]")
_SENTENCE_END = re.compile(r"[.!?…][\"')\]]*\s+(?=[\"'(\[]?[A-Z0-9])")
_ELISION = re.compile(r"'\d\d(?!\d)")
_QUOTE_MARK = re.compile(r"[\"']")


class QuoteSpan(NamedTuple):
    """One pair of quotation marks: ``start``/``end`` are offsets into the text and include the marks."""

    start: int
    end: int
    kind: QuoteKind


class _Mark(NamedTuple):
    position: int
    char: str
    can_open: bool
    can_close: bool


def quote_spans(text: str) -> list[QuoteSpan]:
    """All quotation and scare-quote spans of a cleaned document text, sorted by start (see the module rules).

    Parameters
    ----------
    text
        A cleaned document text (``corpus.documents.text``); paragraphs are separated by ``"\\n\\n"``.

    Returns
    -------
    list of :class:`QuoteSpan` ``(start, end, kind)``: offsets into ``text`` including the marks; ``kind`` is
    ``quotation`` or ``scare_quote``. Nested spans (a scare quote inside a quotation) are both listed.
    """
    spans: list[QuoteSpan] = []
    for para_start, para_end in paragraph_bounds(text):
        for start, end in _pair_marks(text, para_start, para_end):
            spans.append(QuoteSpan(start, end, _kind(text[start:end])))
    return sorted(spans)


def paragraph_bounds(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each blank-line-separated paragraph of a cleaned text."""
    bounds = []
    start = 0
    for match in re.finditer(r"\n\s*\n", text):
        bounds.append((start, match.start()))
        start = match.end()
    bounds.append((start, len(text)))
    return [(s, e) for s, e in bounds if e > s]


def _kind(quoted: str) -> QuoteKind:
    inner = quoted[1:-1] if len(quoted) >= 2 and quoted[-1] in "\"'" else quoted[1:]
    words = WORD.findall(inner)
    if len(words) <= MAX_SCARE_WORDS and not _SENTENCE_PUNCTUATION.search(inner):
        return "scare_quote"
    return "quotation"


def _marks(text: str, start: int, end: int) -> list[_Mark]:
    marks = []
    for match in _QUOTE_MARK.finditer(text, start, end):
        position, char = match.start(), match.group()
        before = text[position - 1] if position > start else " "
        after = text[position + 1] if position + 1 < end else " "
        if char == "'" and (before.isalnum() and after.isalnum() or _ELISION.match(text, position)):
            continue  # apostrophe or elision
        can_open = (before.isspace() or before in _OPEN_BEFORE) and not after.isspace()
        can_close = not before.isspace() and (after.isspace() or after in _CLOSE_AFTER)
        if can_open and can_close:
            # Between two marks or brackets ("'", ("…) — decide by what follows: a letter opens.
            can_close = not after.isalnum()
            can_open = not can_close
        if can_open or can_close:
            marks.append(_Mark(position, char, can_open, can_close))
    return marks


def _pair_marks(text: str, start: int, end: int) -> list[tuple[int, int]]:
    marks = _marks(text, start, end)
    stack: list[_Mark] = []
    # How many marks of each kind are open: a run-on paragraph can leave thousands open, so no scan of the stack.
    open_count = {'"': 0, "'": 0}
    pairs: list[tuple[int, int]] = []
    seen_double = False
    for index, mark in enumerate(marks):
        first_double = mark.char == '"' and not seen_double
        seen_double = seen_double or mark.char == '"'
        if mark.can_close and open_count[mark.char]:
            if mark.char == "'" and not mark.can_open and mark.position > start \
                    and text[mark.position - 1].isalpha() and _later_closer(marks, index):
                continue  # soldiers' inside a quotation that closes later
            while stack:
                opened = stack.pop()
                open_count[opened.char] -= 1
                pairs.append((opened.position, mark.position + 1))
                if opened.char == mark.char:
                    break
        elif mark.can_open:
            stack.append(mark)
            open_count[mark.char] += 1
        elif mark.char == '"' and first_double and not stack:
            pairs.append((start, mark.position + 1))  # the quotation began before this paragraph
    for opened in stack:
        pairs.append((opened.position, _unclosed_end(text, opened.position, end)))
    return pairs


def _later_closer(marks: list[_Mark], index: int) -> bool:
    for mark in marks[index + 1:]:
        if mark.char != "'":
            continue
        if mark.can_close:
            return True
        if mark.can_open:
            return False
    return False


def _unclosed_end(text: str, position: int, para_end: int) -> int:
    # Look no further than needed: with thousands of unclosed marks in one long paragraph, scanning to its end
    # for each of them is quadratic.
    ends = list(islice(_SENTENCE_END.finditer(text, position, para_end), MAX_UNCLOSED_SENTENCES + 1))
    if len(ends) <= MAX_UNCLOSED_SENTENCES:
        return para_end
    # Keep the closing punctuation of the sentence (and any bracket after it) inside the span.
    first = ends[0]
    return first.end() - (len(first.group()) - len(first.group().rstrip()))
