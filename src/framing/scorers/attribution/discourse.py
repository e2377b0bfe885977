"""Across sentences: quotations that run over several sentences, pronoun sources and cue-less quotations.

Rules in the package docstring ("Pronouns"): a pronoun takes the kind of a source cited earlier in its sentence,
else of one cited in the previous ``lookback`` sentences, else ``named``; a mostly quoted sentence without a cue
takes the source of the sentence that opens or closes its quotation, else of a recent one.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from ...phrases.tokens import is_proper, tokenize
from ...phrases.words import PRONOUNS
from ..quotes import QuoteSpan
from .kinds import classify
from .parser import SourceWalker
from .records import Found, SentenceAnalysis
from .sentence import primary_source
from .vocabulary import INHERIT_QUOTED_SHARE


def propagate_quotations(items: list[SentenceAnalysis], spans: list[QuoteSpan],
                          text: str) -> list[SentenceAnalysis]:
    """Sentences inside one quotation share the source of the sentence that opens or closes it."""
    quotations = [(s, e) for s, e, k in spans if k == "quotation"]
    out = list(items)
    starts, ends = [item.start for item in items], [item.end for item in items]
    # Sentences in reading order (as the segmenter gives them): find a quotation's sentences by bisection
    # rather than a scan per quotation, which is quadratic on a long document.
    in_order = starts == sorted(starts) and ends == sorted(ends)
    for qs, qe in quotations:
        if in_order:
            members = list(range(bisect_right(ends, qs), bisect_left(starts, qe)))
        else:
            members = [k for k, item in enumerate(items) if item.start < qe and qs < item.end]
        if len(members) < 2:
            continue
        sourced = [k for k in members if primary_source(items[k].found) is not None]
        if not sourced:
            continue
        donor = primary_source(items[sourced[-1]].found)
        for k in members:
            if not out[k].found and out[k].quote and out[k].quoted_share >= INHERIT_QUOTED_SHARE:
                out[k] = out[k]._replace(found=(donor._replace(cue="", stance="", cue_words=None),))
    return out


def resolve(item: SentenceAnalysis, history: list[SentenceAnalysis], text: str) -> SentenceAnalysis:
    """Resolve pronoun sources and give a cue-less quotation a nearby source."""
    found = list(item.found)
    for k, f in enumerate(found):
        if f.kind == "pronoun":
            # "US officials dismissed the claim as they saw Iran as …": an earlier source of the same sentence
            # comes first.
            earlier = [o for o in found if o.cue_start < f.cue_start and o.kind in ("named", "anonymous")]
            kind = max(earlier, key=lambda o: o.cue_start).kind if earlier else _antecedent_kind(history, text)
            found[k] = f._replace(kind=kind)
    if not found and item.quote and item.quoted_share >= INHERIT_QUOTED_SHARE:
        donor = None
        for previous in reversed(history):
            donor = primary_source(previous.found)
            if donor is not None:
                break
        if donor is None and history:
            donor = _named_subject(history[-1], text)
        if donor is not None:
            found = [donor._replace(cue="", stance="", cue_words=None)]
    return item._replace(found=tuple(found))


def _antecedent_kind(history: list[SentenceAnalysis], text: str) -> str:
    for previous in reversed(history):
        donor = primary_source(previous.found)
        if donor is not None:
            return donor.kind
        if _mentions_name(text[previous.start:previous.end]):
            return "named"
    return "named"


def _mentions_name(sentence: str) -> bool:
    tokens = tokenize(sentence, [])
    return any(is_proper(t, k) and t.lower not in PRONOUNS for k, t in enumerate(tokens))


def _named_subject(item: SentenceAnalysis, text: str) -> Found | None:
    span = (item.start, item.end)
    sentence = text[span[0]:span[1]]
    parser = SourceWalker(sentence, tokenize(sentence, []))
    clause = parser.main_subject()
    if clause is None or classify(parser, clause) != "named":
        return None
    source = parser.text_of(clause.start, clause.end).strip(" ,")
    start = span[0] + parser.tokens[clause.start].start
    return Found(source, "named", "", "", start, start + len(source), (), start, False)

