"""Paragraphs: a text's blocks of lines, and the inline edits that clean one paragraph (mojibake, citation
markers, quote marks, odd spaces, invisible characters, glued and unpunctuated sentence breaks), each recorded."""

from __future__ import annotations

import re
from bisect import bisect_right
from itertools import chain
from typing import Iterator, NamedTuple

from .encoding import repair_mojibake
from .tables import Removal, RemovalKind, Section

# Wikipedia-style reference markers: [12], [ 210 ], [note 1], [nb 2], [a], [citation needed]. Not "[his]",
# an editor's insertion inside a quotation, which is text.
CITATION = (
    r"\s*\[\s*(?:\d{1,4}|(?:note|nb|n)\s*\d{1,3}|[a-z]|citation needed|clarification needed|dubious|"
    r"failed verification|better source needed|who\?|when\?|by whom\?|according to whom\?)\s*\]"
)
# Every edit starts with white space, "[", a quote mark, an invisible character or sentence punctuation. Testing
# for one of them first lets the engine pass over the other positions without trying each alternative there
# (the same matches, about 3x faster on news text; this runs on every paragraph).
_EDIT_START = r"(?=[\s\['`‘’‚‛′‹›“”„‟«»″\u200b\u200c\u200d\u2060\ufeff\u00ad.!?])"
_INLINE_EDITS = re.compile(
    _EDIT_START + "(?:" + "|".join([
        rf"(?P<citation>{CITATION})",
        r"(?P<doubled>''|‘‘|’’|``)",
        r"(?P<dquote>[“”„‟«»″])",
        r"(?P<squote>[‘’‚‛′`‹›])",
        r"(?P<invisible>[\u200b\u200c\u200d\u2060\ufeff\u00ad])",
        r"(?P<glued>(?<=[a-z]{2})[.!?](?=[A-Z][a-z]))",
        r"(?P<unpunctuated>(?<=[a-z]{2}) (?=(?:He|She|They|His|Her|Their|We) [a-z]))",
        # Runs of plain spaces are collapsed silently; any other space character is recorded.
        r"(?P<space>[ ]*[\t\u00a0\u2000-\u200a\u202f\u205f\u3000][ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]*|[ ]{2,})",
    ]) + ")",
    flags=re.IGNORECASE,
)
_CASE_SENSITIVE_GROUPS = {"glued", "unpunctuated"}
BULLET = re.compile(r"^\s*[•●▪‣◦·*\-–—]\s+")
TERMINAL = re.compile(r"[.!?…][\"')\]]*$")
WORD = re.compile(r"\w+(?:['’-]\w+)*")


class Paragraph(NamedTuple):
    """One cleaned paragraph on its way to the corpus tables: its text, section and what was edited in it
    (positions are offsets into ``text``)."""

    text: str
    section: Section
    removals: list[Removal]


class SeenParagraphs:
    """The paragraphs kept so far, found by their case-folded text. Only hashes are stored (each candidate is
    compared in full), so a 50 MB document is not held a second time as case-folded keys."""

    def __init__(self, paragraphs: list[Paragraph]) -> None:
        self._paragraphs = paragraphs
        self._by_hash: dict[int, list[int]] = {}

    def find(self, key: str) -> int | None:
        """Index of the first kept paragraph whose case-folded text is ``key``."""
        for index in self._by_hash.get(hash(key), ()):
            if self._paragraphs[index].text.casefold() == key:
                return index
        return None

    def add(self, key: str, index: int) -> None:
        self._by_hash.setdefault(hash(key), []).append(index)


def _lines(text: str) -> Iterator[str]:
    """The lines of ``text`` one at a time (``split`` would hold a large file's lines all at once)."""
    start = 0
    while start <= len(text):
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        yield text[start:end]
        start = end + 1


def paragraph_blocks(text: str, *, join_wrapped: bool = True) -> Iterator[list[str]]:
    """Runs of non-blank lines, one at a time; a hard-wrapped run is joined into one line."""
    block: list[str] = []
    for line in chain(_lines(text), [""]):
        if line.strip():
            block.append(line)
            continue
        if block:
            joined = join_wrapped and _is_hard_wrapped(block)
            yield [" ".join(part.strip() for part in block)] if joined else block
            block = []


def _is_hard_wrapped(block: list[str]) -> bool:
    """Prose wrapped at a fixed width (e-mail, Gutenberg): lines of similar length that run on."""
    if len(block) < 3:
        return False
    body = [line.strip() for line in block[:-1]]
    similar = sum(40 <= len(line) <= 100 for line in body) >= 0.8 * len(body)
    run_on = sum(not TERMINAL.search(line) for line in body) >= 0.5 * len(body)
    return similar and run_on and not any(BULLET.match(line) for line in block)


def is_caption_block(block: list[str]) -> bool:
    """Several short lines without blank lines between them, most without final punctuation."""
    if len(block) < 3 or any(BULLET.match(line) for line in block):
        return False
    lines = [_strip_citations(line.strip()) for line in block]
    short = all(len(WORD.findall(line)) <= 60 for line in lines)
    unpunctuated = sum(not TERMINAL.search(line) for line in lines)
    return short and unpunctuated >= len(lines) / 2


def _strip_citations(text: str) -> str:
    return re.sub(CITATION, "", text, flags=re.IGNORECASE).strip()


def clean_paragraph(line: str) -> Paragraph:
    """Apply every inline edit in one pass so recorded positions are offsets into the cleaned paragraph."""
    removals: list[Removal] = []
    section: Section = "body"
    line, repairs = repair_mojibake(line)  # first, so that a repaired quote mark is normalised like any other
    bullet = BULLET.match(line)
    if bullet:
        section = "bullet"
        removals.append(Removal(0, "bullet_marker", bullet.group().strip(), 0))
        line = line[bullet.end():]
    skipped = bullet.end() if bullet else 0
    edit_ends: list[int] = []  # where each edit ends in ``line``, and how much longer the output is from there
    edit_shifts: list[int] = []
    out: list[str] = []
    length = 0
    last = 0
    for match in _INLINE_EDITS.finditer(line):
        group = match.lastgroup
        text = match.group()
        if group in _CASE_SENSITIVE_GROUPS and not _case_ok(group, line, match):
            continue
        out.append(line[last:match.start()])
        length += match.start() - last
        replacement = _replacement(group, text)
        kind = _EDIT_KIND[group]
        if kind and not (group == "space" and set(text) == {" "}):
            position = length + (1 if group in {"glued"} else 0) + (1 if group == "unpunctuated" else 0)
            removals.append(Removal(0, kind, text.strip() if group == "citation" else text, position))
        out.append(replacement)
        length += len(replacement)
        last = match.end()
        edit_ends.append(last)
        edit_shifts.append(length - last)
    out.append(line[last:])
    # Before the edits' rows, so that a repair reads before the quote normalised at the same place.
    removals[int(skipped > 0):int(skipped > 0)] = [
        Removal(0, "mojibake_repaired", repair.text, _output_position(repair.position - skipped, edit_ends,
                                                                      edit_shifts))
        for repair in repairs]
    cleaned = "".join(out)
    stripped = cleaned.strip()
    lead = len(cleaned) - len(cleaned.lstrip())
    removals = [r._replace(position=min(max(r.position - lead, 0), len(stripped))) for r in removals]
    return Paragraph(stripped, section, removals)


def _output_position(position: int, edit_ends: list[int], edit_shifts: list[int]) -> int:
    """Where ``position`` of the paragraph before its inline edits lands after them."""
    position = max(position, 0)  # inside the bullet marker: the paragraph's start
    edits_before = bisect_right(edit_ends, position)
    return position + (edit_shifts[edits_before - 1] if edits_before else 0)


def _case_ok(group: str, line: str, match: re.Match) -> bool:
    # The pattern is compiled case-insensitively for the citation words; these two rules need real case.
    after = line[match.end():match.end() + 2]
    before = line[max(0, match.start() - 2):match.start()]
    return before.islower() and after[:1].isupper() and (group == "unpunctuated" or after[1:2].islower())


_EDIT_KIND: dict[str, RemovalKind] = {
    "citation": "citation", "doubled": "quote_normalised", "dquote": "quote_normalised",
    "squote": "quote_normalised", "invisible": "invisible", "glued": "space_inserted",
    "unpunctuated": "sentence_break", "space": "space_normalised",
}


def _replacement(group: str, text: str) -> str:
    if group == "citation":
        return ""
    if group in {"doubled", "dquote"}:
        return '"'
    if group == "squote":
        return "'"
    if group == "invisible":
        return ""
    if group == "glued":
        return text + " "
    return " "
