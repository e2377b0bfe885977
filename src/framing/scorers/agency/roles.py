"""The agent and victim phrases around a harm word, found with the phrase walkers of :mod:`framing.phrases`.

A role is the noun phrase the clause states (none when the walkers return a clause, with an auxiliary inside),
cut to its core: without an appositive or a bracket after a comma
("Qassem Soleimani (pictured …), leader of …" → "Qassem Soleimani"), a locative or instrumental phrase ("troops
with IEDs", "protesters in Iraq") or a time ("Baghdad airport late Thursday"). "of" stays inside ("hundreds of
US troops").
"""

from __future__ import annotations

from ...phrases import Phrase, PhraseWalker, is_cap, is_word
from ...phrases.words import AUXILIARY, BOUNDARY, COMMON_VERBS, PREPOSITIONS, TIME_WORDS
from .passive import is_adverb
from .vocabulary import is_past_participle

# Tokens a role phrase ends before (besides prepositions other than "of").
ROLE_ENDS = TIME_WORDS | {",", "(", "[", ";", ":", "—", "–", "late", "early", "last", "yesterday", "today",
                          "tonight", "overnight", "earlier"}
# "this week", "next month": a time phrase, not part of the role.
TIME_UNITS = frozenset({"week", "month", "year", "weekend", "morning", "afternoon", "evening", "night"})
# Quantifiers that open a victim phrase but end a noun phrase for the walkers: "more than 1 million people".
QUANTIFIERS = (("more", "than"), ("fewer", "than"), ("less", "than"), ("at", "least"), ("up", "to"),
               ("as", "many", "as"))
# Particles between a harm verb and its object: "shot down the plane", "shot dead two men".
PARTICLES = frozenset({"down", "dead", "up"})


def role_text(walker: PhraseWalker, phrase: Phrase | None) -> str:
    """A role phrase's text cut to its core (see the module docstring), without a trailing genitive."""
    if phrase is None:
        return ""
    if any(walker.low(j) in AUXILIARY for j in range(phrase.start + 1, phrase.end)):
        return ""  # a clause the walkers took for a phrase ("US forces would blame the Quds Force for …")
    end = phrase.end
    for j in range(phrase.start + 1, phrase.end):
        low = walker.low(j)
        # a past verb with nothing to modify after it ends the phrase: "killed protesters marched."
        verb = is_past_participle(low) and not is_cap(walker.tokens[j]) and not noun_starts(walker, j + 1)
        if low in ROLE_ENDS or (low in PREPOSITIONS and low != "of") or verb \
                or (low in {"this", "next"} and walker.low(j + 1) in TIME_UNITS):
            end = j
            break
    text = walker.text_of(phrase.start, end)
    for ending in ("'s", "’s"):
        if text.endswith(ending):
            return text[:-len(ending)]
    return text.rstrip("'’")


def noun_starts(walker: PhraseWalker, i: int) -> bool:
    """Whether a noun phrase can start at token i (a word, not a preposition, conjunction or auxiliary)."""
    if i >= walker.n or not is_word(walker.tokens[i]) or walker.tokens[i].quoted:
        return False
    low = walker.low(i)
    return low not in PREPOSITIONS and low not in BOUNDARY and low not in AUXILIARY and not is_adverb(low)


def phrase_after(walker: PhraseWalker, i: int) -> str:
    """The noun phrase starting at token i, a quantifier included ("more than 1 million people"); "" if none."""
    start = i
    for quantifier in QUANTIFIERS:
        if all(walker.low(i + k) == word for k, word in enumerate(quantifier)):
            i += len(quantifier)
            break
    if not noun_starts(walker, i):
        return ""
    phrase = walker.np_right(i, allow_appositive=False)
    return role_text(walker, Phrase(start, phrase.end)) if phrase is not None else ""


def object_after(walker: PhraseWalker, end: int) -> str:
    """The object of a harm verb ending before token ``end``, across a particle ("shot down the plane")."""
    if walker.low(end) in PARTICLES:
        end += 1
    return phrase_after(walker, end)


def by_phrase(walker: PhraseWalker, by: int) -> str:
    """The agent after a "by" at token ``by``; "" when a gerund follows ("by launching missiles" is a means)."""
    if walker.low(by) != "by" or walker.low(by + 1).endswith("ing"):
        return ""
    return phrase_after(walker, by + 1)


def subject_of(walker: PhraseWalker, verb: int) -> str:
    """The subject of the verb at token ``verb`` ("" when the walkers find none)."""
    phrase, _ = walker.subject_left(verb)
    return role_text(walker, phrase)


def looks_like_verb(walker: PhraseWalker, i: int) -> bool:
    """A lower-case past or common verb form ("launched", "opened", "shot", "made")."""
    if i < 0 or is_cap(walker.tokens[i]):
        return False
    low = walker.low(i)
    return is_past_participle(low) or low in COMMON_VERBS


def participle_clause_subject(walker: PhraseWalker, i: int) -> str:
    """The subject of the clause a participle clause at token i hangs on: "Police opened fire, killing two" →
    "Police" (the nearest verb before the comma, then its subject)."""
    j = i - 1
    while j >= 0 and walker.tokens[j].text not in {",", "—", "–"}:
        j -= 1
    while j >= 0 and walker.tokens[j].text != ";":
        if looks_like_verb(walker, j):
            return subject_of(walker, j)
        j -= 1
    return role_text(walker, walker.main_subject())


def infinitive_subject(walker: PhraseWalker, to: int) -> str:
    """Who does a to-infinitive at token ``to + 1``: the subject of the verb before "to" ("Trump decided to
    strike" → Trump), or the object before it ("hire an assassin to kill" → an assassin)."""
    before = to - 1
    if before < 0:
        return ""
    if looks_like_verb(walker, before) or walker.low(before) in AUXILIARY:
        return subject_of(walker, before)
    return role_text(walker, walker.np_left(before))


def genitive_owner(walker: PhraseWalker, i: int) -> str:
    """The owner named by a genitive or possessive at token i: "Soleimani's" → "Soleimani" (with the name's
    capitalised words before it), "his" → "his"."""
    token = walker.tokens[i]
    if not token.lower.endswith(("'s", "s'")):
        return token.text
    start = i
    while start > 0 and is_cap(walker.tokens[start - 1]) and is_cap(walker.tokens[start]):
        start -= 1
    return role_text(walker, Phrase(start, i + 1))


def predicate_subject(walker: PhraseWalker, i: int) -> str:
    """The victim of a predicate word at token i ("He had been rumored dead", "left two men dead"): the object
    before it, or the subject of the verb group before it."""
    j = i - 1
    while j >= 0 and is_adverb(walker.low(j)):
        j -= 1
    if j < 0:
        return ""
    if walker.low(j) in AUXILIARY or looks_like_verb(walker, j):
        while j > 0 and (walker.low(j - 1) in AUXILIARY or looks_like_verb(walker, j - 1)
                         or is_adverb(walker.low(j - 1))):
            j -= 1
        return subject_of(walker, j)
    return role_text(walker, walker.np_left(j)) if is_word(walker.tokens[j]) else ""
