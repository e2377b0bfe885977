"""Hedges: the packaged hedge phrases found outside quotations, and the sources a few of them carry.

Rules in the package docstring ("Hedges"). A passive hedge with a real agent ("described as … by the ministry")
is a cue, not a hedge; "is believed in Washington to" and "there were reports by X" also yield a source.
Agentless reporting passives without "to" ("fires were reported at", "was accused of") and ``unverified`` claims
("if confirmed", "could not be independently verified") are hedges too: the writer passes a claim on without
asserting it or naming who made it. Where two hedges overlap, the one listed first in the file wins.
"""

from __future__ import annotations

import re
from typing import Callable

from ...phrases.words import DEFINITE, INDEFINITE, POSSESSIVE, PREPOSITIONS
from .records import Found, HedgeHit
from .vocabulary import Hedge, cue_lemmas, load_hedges

_VAGUE_AGENT_WORDS = {"many", "some", "most", "others", "several", "few"}
_AGENT = re.compile(r"\s+by\s+([\w'-]+)")
_REPORTS_BY = re.compile(r"\s+(?:by|from)\s+((?:[\w'-]+\s*){1,6}?)(?=\s+(?:that|of|about)\b|[,.;]|$)")
_SPACED_WORD = re.compile(r"\S+")


def find_hedges(sentence: str, quotations: list[tuple[int, int]], found: tuple[Found, ...]
                ) -> tuple[list[HedgeHit], tuple[Found, ...]]:
    """Hedges outside quotations, in reading order, and the sources some hedges carry (sentence offsets)."""
    masked_text = _mask(sentence, quotations)
    lowered = masked_text.lower()
    hits: list[HedgeHit] = []
    extra: list[Found] = []
    for hedge in load_hedges():
        # Most sentences hold no hedge; a substring test is ~50× cheaper than running the pattern.
        if hedge.keyword not in lowered:
            continue
        for match in hedge.pattern.finditer(masked_text):
            start, end = match.span()
            if any(hit.start < end and start < hit.end for hit in hits):
                continue
            if not _applies(hedge, masked_text, start, end, found):
                continue
            hits.append(HedgeHit(start, end, sentence[start:end], hedge.kind))
            extra.extend(_carried_sources(hedge, match, sentence, masked_text))
    hits.sort()
    return hits, tuple(extra)


def _mask(sentence: str, quotations: list[tuple[int, int]]) -> str:
    """The sentence with the characters inside quotations blanked (offsets kept)."""
    masked = list(sentence)
    for s, e in quotations:
        for k in range(s, e):
            masked[k] = " " if not masked[k].isspace() else masked[k]
    return "".join(masked)


def _applies(hedge: Hedge, masked_text: str, start: int, end: int, found: tuple[Found, ...]) -> bool:
    """Whether a pattern match is a hedge here: an adjective before a noun, a passive without a real agent, an
    "appears" followed by a verb."""
    after = masked_text[end:end + 40]
    if hedge.kind == "adjective" and not _adjective_position(masked_text, start):
        return False
    if hedge.kind in {"passive_report", "passive_view"}:
        agent = _AGENT.match(after)
        if agent and agent.group(1).lower() not in _VAGUE_AGENT_WORDS:
            return False
        if any(f.agent and start <= f.cue_start < end and f.source.lower() not in _VAGUE_AGENT_WORDS for f in found):
            return False
    if hedge.kind == "appearance" and hedge.hedge.startswith("appear") and not re.match(r"\s+(?:have|be|\w+)", after):
        return False
    return True


def _carried_sources(hedge: Hedge, match: re.Match, sentence: str, masked_text: str) -> list[Found]:
    """The sources a hedge names: its place phrase ("is believed in Washington to" → "in Washington", anonymous;
    "by many" → "many") and the issuer of "there were reports by X"."""
    start, end = match.span()
    carried = []
    pp = match.groupdict().get("pp")
    if pp:
        pp_text = pp.strip()
        pp_start = match.start("pp") + (len(pp) - len(pp.lstrip()))
        by = pp_text.lower().startswith("by ")
        cue = _word_in(sentence, start, end, lambda word: word in cue_lemmas())
        carried.append(Found(pp_text[3:] if by else pp_text, "anonymous", cue[0] if cue else "", "neutral",
                             pp_start + (3 if by else 0), pp_start + len(pp_text), (), start, by,
                             cue_words=cue[1] if cue else None))
    if hedge.kind == "impersonal" and "reports" in hedge.hedge:
        by = _REPORTS_BY.match(masked_text[end:end + 40])
        if by:
            source = by.group(1).strip()
            offset = end + by.start(1)
            kind = "named" if any(w[:1].isupper() for w in source.split()[1:]) and not re.match(
                r"(?i)(?:some|many|several|a|an)\b", source) else "anonymous"
            cue = _word_in(sentence, start, end, lambda word: word == "reports")
            carried.append(Found(source, kind, "reports", "neutral", offset, offset + len(source), (), start, True,
                                 cue_words=cue[1] if cue else None))
    return carried


def _word_in(sentence: str, start: int, end: int, accept: Callable[[str], bool]
             ) -> tuple[str, tuple[int, int]] | None:
    """The first word of ``sentence[start:end]`` (lower case) that ``accept`` takes, with its sentence offsets."""
    for word in _SPACED_WORD.finditer(sentence, start, end):
        lower = word.group().lower()
        if accept(lower):
            return lower, word.span()
    return None


def _adjective_position(text: str, start: int) -> bool:
    before = text[:start].rstrip()
    previous = re.search(r"([\w']+)$", before)
    if previous is None:
        return before == "" or before.endswith((",", "(", "—", "–"))
    word = previous.group(1).lower()
    return word in DEFINITE | POSSESSIVE | INDEFINITE | PREPOSITIONS or word.endswith("'s")
