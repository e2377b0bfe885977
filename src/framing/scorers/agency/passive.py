"""Passive voice in one sentence: a form of "be" or "get" followed by a past participle.

"was killed", "were not allowed", "is being discussed", "got arrested", "it's done" are passive; "was tired",
"is located", "is interested" are not (the participle names a state, see ``data/participles.tsv``), nor is "was
very excited" (an intensifier makes it an adjective) — unless a by-agent follows ("was excited by the news").
Irregular participles ("shot", "taken", "struck") come from the same file. Reduced relatives ("the men killed in
the raid") have no auxiliary and are left to the harm rules, which see them only for harm verbs.
"""

from __future__ import annotations

from typing import NamedTuple

from ...phrases import Phrase, PhraseWalker, is_cap
from ...phrases.words import ADVERBS
from .vocabulary import BE_CONTRACTIONS, BE_PASSIVE, GET_PASSIVE, is_adjectival, is_past_participle

# Words that make the participle after them an adjective: "was very tired", "is more involved".
INTENSIFIERS = frozenset({"very", "so", "too", "quite", "really", "extremely", "more", "less", "most", "least",
                          "pretty", "fairly", "rather", "somewhat", "increasingly", "highly", "deeply", "totally",
                          "completely", "utterly", "genuinely", "truly"})
# Adverbs of degree that may stand inside a passive ("was almost destroyed") but are not in the phrase walkers'
# list (which ends noun phrases at its words).
DEGREE_ADVERBS = frozenset({"almost", "nearly", "barely", "hardly", "rarely", "well", "all", "both", "each",
                            "always", "soon"})
# How many adverbs may stand between the auxiliary and the participle ("was not yet fully explained").
MAX_ADVERBS = 3


class Passive(NamedTuple):
    """One passive verb group, as token indices of its sentence."""

    auxiliary: int  # the form of "be" or "get"
    participle: int
    agent: Phrase | None  # the noun phrase after "by", when there is one


def is_adverb(lower: str) -> bool:
    """An adverb that may stand inside a verb group ("not", "also", "reportedly", "n't")."""
    return lower in ADVERBS or lower in DEGREE_ADVERBS or (lower.endswith("ly") and lower.isalpha() and len(lower) > 3)


PASSIVE_AUXILIARIES = BE_PASSIVE | GET_PASSIVE | BE_CONTRACTIONS


def is_passive_auxiliary(lower: str) -> bool:
    """A form of "be" or "get" that can head a passive ("was", "got", "being", "it's")."""
    return lower in PASSIVE_AUXILIARIES


def skip_adverbs(walker: PhraseWalker, i: int) -> int:
    """The first token from i rightwards that is no adverb (at most :data:`MAX_ADVERBS` skipped)."""
    skipped = 0
    while i < walker.n and skipped < MAX_ADVERBS and is_adverb(walker.low(i)):
        i += 1
        skipped += 1
    return i


def by_agent(walker: PhraseWalker, participle: int) -> Phrase | None:
    """The noun phrase of a "by" right after the participle (adverbs allowed between)."""
    by = skip_adverbs(walker, participle + 1)
    if walker.low(by) != "by":
        return None
    return walker.np_right(by + 1, allow_appositive=False)


def _participle_after(walker: PhraseWalker, auxiliary: int) -> int | None:
    """The participle the auxiliary at token ``auxiliary`` makes passive, if any."""
    first = auxiliary + 1
    j = skip_adverbs(walker, first)
    if j >= walker.n:
        return None
    low = walker.low(j)
    if low in BE_PASSIVE or not is_past_participle(low) or walker.tokens[j].quoted != walker.tokens[auxiliary].quoted:
        return None  # "is being discussed" is found from "being"
    if is_cap(walker.tokens[j]) and not walker.tokens[j].text.isupper():
        return None  # "was Ted", "is United" (but all-capitals text is no name: "IS MOLDED")
    stative = is_adjectival(low) or any(walker.low(k) in INTENSIFIERS for k in range(first, j))
    if stative and walker.low(skip_adverbs(walker, j + 1)) != "by":
        return None
    return j


def _coordinated_participle(walker: PhraseWalker, participle: int) -> int | None:
    """A second participle sharing the auxiliary: "was killed or seriously wounded", "were arrested and
    beaten"."""
    conjunction = skip_adverbs(walker, participle + 1)
    if walker.low(conjunction) not in {"and", "or"}:
        return None
    j = skip_adverbs(walker, conjunction + 1)
    low = walker.low(j)
    if j < walker.n and is_past_participle(low) and not is_adjectival(low) and not is_cap(walker.tokens[j]):
        return j
    return None


def find_passives(walker: PhraseWalker) -> list[Passive]:
    """Every passive verb group of the sentence, in order (a coordinated participle is a group of its own with
    the same auxiliary)."""
    found = []
    for i in [i for i, token in enumerate(walker.tokens) if token.lower in PASSIVE_AUXILIARIES]:
        participle = _participle_after(walker, i)
        while participle is not None:
            found.append(Passive(i, participle, by_agent(walker, participle)))
            participle = _coordinated_participle(walker, participle)
    return found
