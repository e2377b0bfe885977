"""Voice scope inside one sentence: how far a cue's voice reaches, and which quoted phrases are its speaker's.

Two rules, applied after the cue rules (:mod:`.cues`) have found every source of the sentence:

* **A trailing tag governs the clause before it.** A source and its cue that stand after a comma or a closing
  quotation mark and end the sentence — "…, local officials and witnesses said on Monday.", "…, X told
  Reuters.", "…, according to X.", "…,' X said." — or end it up to a participle that adds a second cue
  ("…, X said on Monday, citing …", "…, X said, adding that …") report the clause before them, as a leading
  "X said that …" reports the clause after it. That clause starts at the sentence start or after the last
  semicolon before the tag (a clause joined by "; " is the writer's) and ends at the comma before the tag; it
  replaces whatever the cue rule took as the tag's content (the frame's own tail, "on Monday", reports nothing).
  The source may be several noun phrases joined by "and" / "or" ("police and medics said").
* **A short quotation governed by a cue is a quotation.** A one- or two-word quoted phrase is a scare quote
  (:mod:`framing.scorers.quotes`) unless it is the object or complement of a cue of its sentence with a source —
  "The general vowed 'a crushing response'.", "called it 'a massacre'", "described the raid as 'barbaric'", "'Pure
  terrorism,' the mayor said.": it opens the cue's content (after at most one preposition: "warned of '…'") and ends
  it or is followed by punctuation, a preposition or a conjunction; or it is joined to such a quotation by "and",
  "or" or a comma ("as 'barbaric' and 'cowardly'"). A short quotation that is the subject of the reported clause
  ("the ministry said 'terrorists' attacked …"), that sits inside the clause of a ``prep`` cue ("according to X, …
  was 'orchestrated' by …": a clause, never an object), that is a name given ("a movie called (the) 'Plandemic'": no
  object between "called" and the phrase) or has no speaker stays a scare quote.
"""

from __future__ import annotations

from functools import cache

from ...phrases.tokens import Token, is_quote_mark
from ...phrases.words import DEFINITE, INDEFINITE, POSSESSIVE, PREPOSITIONS
from ..quotes import QuoteSpan
from .parser import SourceWalker
from .records import Found
from .vocabulary import Cue, cue_lemma, cue_lemmas, load_cues

_COORDINATORS = {"and", "or"}
# Words after a quoted object that keep it an object: it ends the content or a phrase continues the clause.
_AFTER_OBJECT = PREPOSITIONS | {"and", "or", "but", "if", "unless", "as"}
_CLAUSE_PUNCTUATION = set(",.;:!?)—–-")
_DETERMINERS = DEFINITE | INDEFINITE | POSSESSIVE
# Words that front the object of call / brand ("what the Pentagon calls", "which Iran called").
_FRONTING = {"what", "which", "that"}


def widen_trailing_tags(walker: SourceWalker, found: tuple[Found, ...]) -> tuple[Found, ...]:
    """The sources with the content of every trailing tag set to the clause it governs (module rules)."""
    return tuple(_with_governed_clause(walker, f) for f in found)


def _with_governed_clause(walker: SourceWalker, found: Found) -> Found:
    tag = _tag_tokens(walker, found)
    if tag is None:
        return found
    start, end = tag
    if not _after_clause_break(walker, start) or not _frame_tail(walker, end, found):
        return found
    clause = walker.before_frame(start)
    return found if clause is None else found._replace(content=(clause,))


def _tag_tokens(walker: SourceWalker, found: Found) -> tuple[int, int] | None:
    """Token range of the source and its cue ("local officials and witnesses said", "according to X")."""
    if not found.cue or found.cue_words is None:
        return None
    starts = {tok.start: k for k, tok in enumerate(walker.tokens)}
    source, cue = starts.get(found.start), starts.get(found.cue_words[0])
    if source is None or cue is None:
        return None
    source_end = _token_after(walker.tokens, found.end)
    cue_end = _token_after(walker.tokens, found.cue_words[1])
    start = min(source, cue)
    # "police and medics said": the source phrase the cue rule found is the last of several joined by "and".
    while start == source and walker.low(start - 1) in _COORDINATORS:
        earlier = walker.np_left(start - 2)
        if earlier is None or earlier.end != start - 1:
            break
        start = source = earlier.start
    return start, max(source_end, cue_end)


def _token_after(tokens: list[Token], offset: int) -> int:
    """Index of the first token starting at or after the sentence offset (``len(tokens)`` when none)."""
    return next((k for k, tok in enumerate(tokens) if tok.start >= offset), len(tokens))


def _after_clause_break(walker: SourceWalker, start: int) -> bool:
    """The tag follows a comma or a closing quotation mark (with a clause before it)."""
    before = start - 1
    if before < 1:
        return False
    tok = walker.tokens[before]
    return (tok.text == "," and not tok.quoted) or is_quote_mark(tok)


def _frame_tail(walker: SourceWalker, end: int, found: Found) -> bool:
    """Only a frame's tail follows the tag ("in a statement on Monday"), up to the sentence end or to a comma
    before a participle cue (", citing …", ", adding that …")."""
    stop = next((k for k in range(end, walker.n) if walker.tokens[k].text == "," and not walker.tokens[k].quoted),
                walker.n)
    if stop < walker.n and not _participle_cue(walker.low(stop + 1)):
        return False
    cue = Cue(found.cue, cue_lemma(found.cue), found.stance, "verb")
    return SourceWalker(walker.sentence, walker.tokens[:stop]).frame_final(end, cue)


def _participle_cue(word: str) -> bool:
    return word.endswith("ing") and word in cue_lemmas()


def governed_quotes(walker: SourceWalker, found: tuple[Found, ...],
                    spans: list[QuoteSpan]) -> list[QuoteSpan]:
    """``spans`` (sentence offsets) with every scare quote a cue governs made a ``quotation`` (module rules)."""
    quotations = [(s, e) for s, e, k in spans if k == "quotation"]
    contents = [c for f in found if f.cue and f.cue not in _clause_cues() and not _naming(walker, f)
                for c in f.content]
    out = []
    governed_end = None  # where the last governed quotation ends: "as 'barbaric' and 'cowardly'" are both objects
    for span in spans:
        nested = any(s <= span.start and span.end <= e for s, e in quotations)
        if span.kind == "scare_quote" and not nested and (
                any(_governs(walker, c, span) for c in contents)
                or _coordinated(walker.sentence, governed_end, span)):
            span = span._replace(kind="quotation")
            governed_end = span.end
        out.append(span)
    return out


def _coordinated(sentence: str, governed_end: int | None, span: QuoteSpan) -> bool:
    """The quoted phrase is joined to a governed one by "and", "or" or a comma, and ends its phrase."""
    if governed_end is None or span.start < governed_end:
        return False
    joint = sentence[governed_end:span.start].replace(",", " , ").split()
    return 0 < len(joint) <= 2 and set(joint) <= _COORDINATORS | {","} and _ends_phrase(sentence, span.end, None)


@cache
def _clause_cues() -> frozenset[str]:
    """Cues whose content is always a clause, never an object ("according to X, …")."""
    return frozenset(cue.cue for cue in load_cues() if cue.pattern_type == "prep")


@cache
def _complement_cues() -> frozenset[str]:
    return frozenset(cue.cue for cue in load_cues() if cue.pattern_type == "verb_complement")


def _naming(walker: SourceWalker, found: Found) -> bool:
    """ "a movie called 'Plandemic'": a complement right after call / brand / dub, with no object between and
    none fronted ("which Iran called 'an act of war'"), gives a name; the phrase before is no speaker."""
    if found.cue not in _complement_cues() or not found.content or found.cue_words is None:
        return False
    between = walker.sentence[found.cue_words[1]:min(s for s, _ in found.content)].lower().split()
    if any(word not in _DETERMINERS for word in between):
        return False  # an object: "called the raid 'a massacre'"
    fronting = walker.sentence[:found.start].split()[-1:] + found.source.split()[:1]
    return not any(word.lower() in _FRONTING for word in fronting)


def _governs(walker: SourceWalker, content: tuple[int, int], span: QuoteSpan) -> bool:
    """The quoted phrase opens ``content`` (after at most one preposition) and ends it or a phrase of it."""
    start, end = content
    if not start <= span.start < end:
        return False
    bridge = walker.sentence[start:span.start].split()
    if len(bridge) > 1 or (bridge and bridge[0].lower() not in PREPOSITIONS):
        return False
    return _ends_phrase(walker.sentence, span.end, end)


def _ends_phrase(sentence: str, position: int, end: int | None) -> bool:
    """Only punctuation, a preposition or a conjunction follows ``position`` before ``end``."""
    rest = sentence[position:end].strip()
    if not rest or rest[0] in _CLAUSE_PUNCTUATION:
        return True
    return rest.split()[0].lower() in _AFTER_OBJECT
