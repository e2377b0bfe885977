"""Across sentences: quotations that run over several sentences, reports continued, pronoun sources and cue-less
quotations.

Rules in the package docstring ("Pronouns", "Continued reports"): a pronoun refers to a source by the rule of
:mod:`.antecedents` and takes its kind (with none, the kind of a source cited earlier in its sentence, else of one
cited in the previous ``lookback`` sentences, else ``named``); a mostly quoted
sentence without a cue takes the source of the sentence that opens or closes its quotation, else of a recent one;
a sentence that opens by continuing a report of its paragraph ("It added the …", "She went on to say …") keeps
that report's source.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right

import re
from typing import NamedTuple

from ...phrases.tokens import is_quote_mark, is_proper, tokenize
from ...phrases.walkers import Phrase
from ...phrases.words import ADVERBS, AUXILIARY, DEFINITE, POSSESSIVE, PREPOSITIONS, PRONOUNS
from ..quotes import QuoteSpan
from .antecedents import QUANTIFIER_SOURCES, agrees, opening_subject, refer
from .kinds import classify
from .parser import SourceWalker
from .records import Found, SentenceAnalysis
from .sentence import primary_source, with_source
from .vocabulary import CLAUSE_STARTS, INHERIT_QUOTED_SHARE, cue_index

# A definite subject longer than this many tokens ("the ministry's spokesman") is not a short back-reference.
MAX_CONTINUING_SUBJECT = 5
# "went on", "continued": the speaker goes on; what follows ("to say …", ": '…'") is the report.
_GOING_ON = {("went", "on"), ("goes", "on"), ("continued",), ("continues",)}
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
_OPENING_WORDS = PRONOUNS | DEFINITE | POSSESSIVE


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
            found[k] = _resolve_pronoun(f, found, item, history, text)
        elif f.source.strip().casefold() in QUANTIFIER_SOURCES:
            found[k] = f._replace(refers_to=quantified_source(f, found))
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


def quantified_source(quantifier: Found, found: list[Found]) -> str:
    """What a quantifier source stands for: the nearest plural source its own sentence cites before it
    ("Protesters say …, and many accuse …", "Rights groups urged … what one called …": some of those people); ""
    when the sentence cites none — then it is people in general ("…, which some described as …")."""
    earlier = [o for o in found if o.end <= quantifier.start and o.kind in ("named", "anonymous")
               and o.source.strip().casefold() not in QUANTIFIER_SOURCES and agrees("they", o.source)]
    return max(earlier, key=lambda o: o.start).source if earlier else ""


def _resolve_pronoun(pronoun: Found, found: list[Found], item: SentenceAnalysis, history: list[SentenceAnalysis],
                     text: str) -> Found:
    """A pronoun source with its antecedent (:func:`.antecedents.refer`) and the kind of what it stands for: the
    antecedent source's kind, or the opening subject's; with no antecedent, the kind of a source cited earlier in
    the sentence ("US officials dismissed the claim as they saw Iran as …"), else of the previous sentences'
    (:func:`_antecedent_kind`)."""
    earlier = [o for o in found if o.end <= pronoun.start and o.kind in ("named", "anonymous")]
    previous = [h.found for h in reversed(history)]
    sentence = text[item.start:item.end]
    refers_to, source = refer(pronoun, earlier, sentence, item.start, previous)
    kind = None
    if source is not None:
        kind = source.kind
    elif refers_to:
        opening = opening_subject(sentence)
        kind = None if opening is None else classify(opening[2], opening[1])
    if kind not in ("named", "anonymous"):
        cued = [o for o in found if o.cue_start < pronoun.cue_start and o.kind in ("named", "anonymous")]
        kind = max(cued, key=lambda o: o.cue_start).kind if cued else _antecedent_kind(history, text)
    return pronoun._replace(kind=kind, refers_to=refers_to)


def continue_report(item: SentenceAnalysis, history: list[SentenceAnalysis], text: str) -> SentenceAnalysis:
    """A sentence with no source of its own that opens by continuing a report keeps the report's source.

    It must open with a pronoun ("It", "He", "They") or a short definite description that names the report's source
    again ("The ministry", "the officials") as subject, then optional adverbs ("also", "further"), then a cue verb
    with a clause after it ("added (that) the …", "claimed the …") or "went on / continued" ("to say …", ": '…'");
    and one of the previous ``history`` sentences of the same paragraph must cite a source. A sentence that does not
    open so stays the writer's own: carrying a source on by position alone would swallow the writer's sentences. The
    source is the subject as written; a pronoun takes the kind of the report's source, a description its own.
    """
    sentence = text[item.start:item.end]
    # Most sentences fail on their first word: test it before walking anything.
    first = sentence.split(maxsplit=1)[:1]
    if item.found or not first or first[0].lower() not in _OPENING_WORDS:
        return item
    reports = _paragraph_sources(item, history, text)
    if not reports:
        return item
    found = _continued_source(SourceWalker(sentence, tokenize(sentence, [])), reports)
    return item if found is None else with_source(item, found, sentence)


class _ReportVerb(NamedTuple):
    """The cue verb of a continued report, as token indices, and its stance."""

    cue_start: int
    cue_end: int
    content_start: int  # where the reported clause starts
    stance: str


def _continued_source(walker: SourceWalker, reports: list[Found]) -> Found | None:
    """The source (sentence offsets) of a sentence that opens by continuing one of ``reports``, nearest first."""
    subject = _continuing_subject(walker, {word.lower() for f in reports for word in f.source.split()})
    verb = None if subject is None else _continuing_verb(walker, subject.end)
    kind = None if verb is None else classify(walker, subject)
    if kind is None:
        return None
    source = walker.text_of(subject.start, subject.end)
    start = walker.tokens[subject.start].start
    content = walker.content_from(verb.content_start)
    cue_words = (walker.tokens[verb.cue_start].start, walker.tokens[verb.cue_end - 1].end)
    found = Found(source, reports[0].kind if kind == "pronoun" else kind,
                  walker.text_of(verb.cue_start, verb.cue_end).lower(), verb.stance, start, start + len(source),
                  (content,) if content else (), cue_words[0], False, cue_words=cue_words)
    if kind != "pronoun":
        return found
    # "It added …": the pronoun stands for one of the reports it continues, by the one antecedent rule.
    refers_to, antecedent = refer(found, [], walker.sentence, 0, [(report,) for report in reports])
    return found._replace(refers_to=refers_to, kind=found.kind if antecedent is None else antecedent.kind)


def _paragraph_sources(item: SentenceAnalysis, history: list[SentenceAnalysis], text: str) -> list[Found]:
    """The sources of the ``history`` sentences of the same paragraph, nearest first."""
    sources = []
    after = item.start
    for previous in reversed(history):
        if _PARAGRAPH_BREAK.search(text, previous.end, after):
            break
        donor = primary_source(previous.found)
        if donor is not None:
            sources.append(donor)
        after = previous.start
    return sources


def _continuing_subject(walker: SourceWalker, source_words: set[str]) -> Phrase | None:
    """The opening pronoun, or the opening definite description that names a source of the report again (its
    head noun is one of ``source_words``: "The ministry" after "The Russian defence ministry")."""
    if walker.low(0) in PRONOUNS:
        return Phrase(0, 1)
    if walker.low(0) not in DEFINITE | POSSESSIVE:
        return None
    subject = walker.np_right(0, allow_appositive=False)
    if subject is None or not 1 < subject.end <= MAX_CONTINUING_SUBJECT:
        return None
    head = walker.low(subject.end - 1)
    return subject if head in source_words else None


def _continuing_verb(walker: SourceWalker, i: int) -> _ReportVerb | None:
    """The cue verb after the subject ending at token ``i`` (after adverbs), with a report after it."""
    while walker.low(i) in ADVERBS:
        i += 1
    for words in _GOING_ON:
        if tuple(walker.low(i + k) for k in range(len(words))) == words:
            return _going_on(walker, i, i + len(words))
    stance = _cue_stance(walker.low(i))
    if stance is None or walker.low(i).endswith("ing"):
        return None
    content = _clause_after(walker, i + 1)
    return None if content is None else _ReportVerb(i, i + 1, content, stance)


def _going_on(walker: SourceWalker, start: int, after: int) -> _ReportVerb | None:
    """ "went on to say …" (the cue is the whole phrase, its stance the verb's) or "went on: '…'"."""
    stance = _cue_stance(walker.low(after + 1)) if walker.low(after) == "to" else None
    if stance is not None:
        return _ReportVerb(start, after + 2, after + 2, stance)
    if walker.low(after) == ":" or (after < walker.n and is_quote_mark(walker.tokens[after])):
        return _ReportVerb(start, after, after, "neutral")
    return None


def _cue_stance(word: str) -> str | None:
    """The stance of a one-word cue ("added" → neutral); None when the word is no cue."""
    for words, cue in cue_index().get(word, []):
        if words == (word,):
            return cue.stance
    return None


def _clause_after(walker: SourceWalker, i: int) -> int | None:
    """Where the reported clause after a cue verb starts: after "that" or a colon, at a quotation, a clause word
    ("there", "he"), or a noun phrase followed by an auxiliary ("the militants had …"); None for an object
    ("It added a new layer …")."""
    if walker.low(i) in PREPOSITIONS:
        return None  # "The Iranians added to the list were …": a participle, not a report
    that = walker.find_that(i)
    if that is not None:
        return that
    if i < walker.n and (is_quote_mark(walker.tokens[i]) or walker.low(i) in CLAUSE_STARTS):
        return i
    subject = walker.np_right(i, allow_appositive=False)
    if subject is not None and walker.low(subject.end) in AUXILIARY:
        return i
    return None


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

