"""One sentence: its cues and sources, hedges, quotation share and every span, from one pass over its tokens."""

from __future__ import annotations

from typing import NamedTuple

from ...corpus import WORD
from ...memo import per_text
from ...phrases.tokens import tokenize
from ..quotes import QuoteSpan
from .cues import CueParser
from .hedges import find_hedges
from .records import AttributionSpan, Found, HedgeHit, SentenceAnalysis
from .scope import governed_quotes, widen_trailing_tags


def parse_sentence(doc_id: str, sent_id: int, start: int, end: int, text: str,
                   spans: list[QuoteSpan]) -> SentenceAnalysis:
    """The analysis of ``text[start:end]`` given the document's quote ``spans`` that overlap it; every offset
    of the result is a document offset (except ``Found.cue_start``, which only orders a sentence's sources)."""
    local = tuple(QuoteSpan(max(s, start) - start, min(e, end) - start, k) for s, e, k in spans
                  if s < end and e > start)
    read = _read_sentence(text[start:end], local)
    hedges = tuple(hit._replace(start=start + hit.start, end=start + hit.end) for hit in read.hedges)
    # Shifting every span by the same offset keeps them sorted and distinct.
    out_spans = tuple(span._replace(start=start + span.start, end=start + span.end) for span in read.spans)
    return SentenceAnalysis(doc_id, sent_id, start, end, tuple(_in_document(f, start) for f in read.found),
                            read.quote, read.quoted_share, read.scare, hedges, out_spans)


class _Reading(NamedTuple):
    """A sentence's analysis in sentence offsets: what its text and its quotation marks alone decide."""

    found: tuple[Found, ...]  # with their content
    quote: bool
    quoted_share: float
    scare: bool
    hedges: tuple[HedgeHit, ...]
    spans: tuple[AttributionSpan, ...]  # sorted


@per_text
def _read_sentence(sentence: str, local: tuple[QuoteSpan, ...]) -> _Reading:
    """The analysis of ``sentence`` with its quote spans ``local`` (sentence offsets), once per distinct
    sentence and spans (:mod:`framing.memo`): copies of a syndicated sentence are parsed once."""
    parser = CueParser(sentence, tokenize(sentence, _quotations(local)))
    found = widen_trailing_tags(parser, parser.sources())
    # The cues are found with the marks' own reading; a scare quote a cue governs is its speaker's quotation.
    local = governed_quotes(parser, found, list(local))
    quotations = _quotations(local)
    hedges, hedge_found = find_hedges(sentence, quotations, found)
    found = found + hedge_found
    found = tuple(f._replace(outer=any(o is not f and any(s <= o.cue_start < e for s, e in f.content)
                                       for o in found)) for f in found)
    words = [(m.start(), m.end()) for m in WORD.finditer(sentence)]
    in_quote = [any(s <= w < e for s, e in quotations) for w, _ in words] if quotations else []
    quote = any(in_quote)
    share = sum(in_quote) / len(words) if words else 0.0
    scare = any(k == "scare_quote" for _, _, k in local)
    spans = [AttributionSpan(s, e, k, "") for s, e, k in local if e > s]
    content = [c for f in found for c in f.content] + parser.agentless_labels
    for s, e in content:
        s, e = trim(sentence, s, e)
        if e > s:
            spans.append(AttributionSpan(s, e, "attributed", ""))
    spans.extend(_cue_spans(found))
    spans.extend(_hedge_spans(hedges))
    return _Reading(found, quote, round(share, 4), scare, tuple(hedges), tuple(sorted(set(spans))))


def with_source(item: SentenceAnalysis, found: Found, sentence: str) -> SentenceAnalysis:
    """``item`` with one more source (sentence offsets, as the cue rules give it) and its content and cue spans."""
    offset = item.start
    spans = list(item.spans)
    for s, e in found.content:
        s, e = trim(sentence, s, e)
        if e > s:
            spans.append(AttributionSpan(offset + s, offset + e, "attributed", ""))
    found = _in_document(found, offset)
    spans.extend(_cue_spans((found,)))
    return item._replace(found=item.found + (found,), spans=tuple(sorted(set(spans))))


def _quotations(spans: list[QuoteSpan]) -> list[tuple[int, int]]:
    return [(s, e) for s, e, k in spans if k == "quotation"]


def _in_document(found: Found, offset: int) -> Found:
    """The source with document offsets and without its content (kept in the spans from here on)."""
    cue_words = None if found.cue_words is None else (offset + found.cue_words[0], offset + found.cue_words[1])
    return found._replace(start=offset + found.start, end=offset + found.end, content=(), cue_words=cue_words)


def _cue_spans(found: tuple[Found, ...]) -> list[AttributionSpan]:
    """One ``cue`` span per cue occurrence (two sources of one cue share it), labelled with its stance."""
    return [AttributionSpan(f.cue_words[0], f.cue_words[1], "cue", f.stance) for f in found
            if f.cue and f.cue_words is not None]


def _hedge_spans(hedges: list[HedgeHit]) -> list[AttributionSpan]:
    return [AttributionSpan(hit.start, hit.end, "hedge", hit.kind) for hit in hedges]


def trim(sentence: str, start: int, end: int) -> tuple[int, int]:
    """Drop spaces, clause punctuation and quotation marks at the edges (the marks belong to quotation spans)."""
    while start < end and (sentence[start].isspace() or sentence[start] in ",;:—–-\"'"):
        start += 1
    while end > start and (sentence[end - 1].isspace() or sentence[end - 1] in ",;:—–-.\"'"):
        end -= 1
    return start, end


def primary_source(found: tuple[Found, ...]) -> Found | None:
    """The source a sentence row shows: named before anonymous; then the outermost frame (", his office said"
    reports the whole sentence, including the cue inside it); then a main-clause cue before one in a relative
    clause; then reading order."""
    ranked = [f for f in found if f.kind in ("named", "anonymous")]
    if not ranked:
        return None
    return min(ranked, key=lambda f: (f.kind != "named", not f.outer, f.subordinate, f.cue_start))
