"""How a sentence tells a harm: its construction, and the agent and victim it states.

* ``active`` — the agent is the subject ("a US strike killed Soleimani", "police opened fire, killing two");
* ``passive_agent`` — passive with a by-agent ("was killed by a US strike");
* ``agentless_passive`` — passive without one ("were killed", "was shot"), reduced relatives included ("the men
  killed in the raid");
* ``intransitive`` — nobody did it ("died", "lost their lives", "perished");
* ``nominal`` — a noun or a gerund without a subject ("the killing of", "deaths", "casualties", "the
  assassination", "could justify killing an official");
* ``adjectival`` — a modifier or predicate adjective ("the dead", "killed protesters", "wounded civilians").

Agent and victim are the noun phrases the clause states (:mod:`.roles`); empty when it does not state one, even
where a reader could infer it ("the dead" has no victim phrase besides itself).
"""

from __future__ import annotations

from typing import Literal, NamedTuple

from ...phrases import PhraseWalker, is_cap, is_word
from ...phrases.words import AUXILIARY, BE_FORMS, BOUNDARY, PREPOSITIONS, PRONOUNS
from .harms import DETERMINERS, NUMBER_WORDS, HarmWordAt, names_people
from .passive import Passive, is_adverb
from .roles import (by_phrase, genitive_owner, infinitive_subject, noun_starts, object_after,
                    participle_clause_subject, phrase_after, predicate_subject, role_text, subject_of)
from .vocabulary import HarmWord, is_past_participle

Construction = Literal["active", "passive_agent", "agentless_passive", "intransitive", "nominal", "adjectival"]
CONSTRUCTIONS: tuple[str, ...] = ("active", "passive_agent", "agentless_passive", "intransitive", "nominal",
                                  "adjectival")

HAVE = frozenset({"has", "have", "had", "having", "'ve"})
# After a participle, these end the phrase it modifies: "the men killed in the raid", "protesters killed, …".
AFTER_REDUCED = frozenset({"by", "in", "on", "at", "during", "when", "while", "after", "near", "last", "as",
                           "overnight", "yesterday", "earlier", "since", "outside", "inside", "across", "and", "or",
                           "this", "so", "far", "there", ",", ".", ";", ":", ")", "—", "–"})
SUBJECT_PRONOUNS = PRONOUNS | {"i", "we", "you", "who", "which", "that"}
# Nouns of an armed act whose possessor is the attacker ("Israel's strikes"), not the victim ("his death").
ATTACK_NOUNS = frozenset({"attack", "strike", "bombing", "shelling", "assault", "massacre"})
# Modifiers between an attacker and an attack noun: "a US drone strike", "Israeli air strikes".
ATTACK_MODIFIERS = frozenset({"air", "drone", "missile", "rocket", "military", "deadly", "fatal", "suicide",
                              "terrorist", "retaliatory", "targeted", "precision", "artillery", "surprise",
                              "coordinated", "lethal", "latest", "new", "first", "second"})
# Verbs whose harm can be aimed: "shot at protesters", "struck at the militia".
AIMED = frozenset({"shoot", "strike", "attack"})
# "that" before a participle is a relative pronoun ("a crash that killed"), not a determiner.
MODIFIER_DETERMINERS = DETERMINERS - {"that"}


class HarmClause(NamedTuple):
    """One harm expression with its construction (token indices ``start:end`` of its sentence)."""

    start: int
    end: int
    word: HarmWord
    construction: Construction
    agent: str
    victim: str


def _previous_word(walker: PhraseWalker, i: int) -> int:
    """The index of the first token left of i that is no adverb."""
    j = i - 1
    while j >= 0 and is_adverb(walker.low(j)):
        j -= 1
    return j


def _nominal(walker: PhraseWalker, hit: HarmWordAt) -> tuple[str, str]:
    """(agent, victim) of a harm noun: "the killing of X by Y", "X's death", "a US strike on X"."""
    victim, after = "", hit.end
    if walker.low(after) == "of" or (walker.low(after) in {"on", "against"} and hit.word.lemma in ATTACK_NOUNS):
        if not walker.low(after + 1)[:1].isdigit():  # "the September 11 attacks of 2001"
            victim = phrase_after(walker, after + 1)
        by = after + 1
        while by < walker.n and by - after <= 12 and walker.low(by) not in {"by", ",", ";"}:
            by += 1
        after = by
    agent = by_phrase(walker, after)
    before = hit.start - 1
    if walker.low(before).endswith(("'s", "s'")) or walker.low(before) in {"his", "her", "their", "its"}:
        owner = genitive_owner(walker, before)
        if hit.word.lemma in ATTACK_NOUNS or victim:
            agent = agent or owner
        else:
            victim = owner
    elif hit.word.lemma in ATTACK_NOUNS and not agent:
        agent = _attacker_modifier(walker, hit.start)
    return agent, victim


def _attacker_modifier(walker: PhraseWalker, start: int) -> str:
    """The capitalised words before an attack noun, across its modifiers ("a US drone strike" → "US")."""
    j = start - 1
    while j >= 0 and walker.low(j) in ATTACK_MODIFIERS:
        j -= 1
    end = j + 1
    while j >= 1 and is_cap(walker.tokens[j]) and walker.low(j) not in DETERMINERS:
        j -= 1
    return walker.text_of(j + 1, end) if j + 1 < end else ""


def _prenominal(walker: PhraseWalker, i: int) -> bool:
    """Whether the word at token i stands where an adjective before a noun stands (after a determiner, number,
    preposition or another verb's participle, or at the sentence start)."""
    before = walker.low(i - 1)
    return i == 0 or before in MODIFIER_DETERMINERS or before in NUMBER_WORDS or before.isdigit() \
        or (before in PREPOSITIONS and before != "by") or before == "," \
        or (is_past_participle(before) and walker.low(i - 2) not in AUXILIARY)


def _adjectival(walker: PhraseWalker, hit: HarmWordAt) -> tuple[bool, str]:
    """(is it adjectival here, its victim): "wounded civilians", "the wounded" (""), "found dead"."""
    noun_follows = noun_starts(walker, hit.end) and not is_past_participle(walker.low(hit.end))
    if _prenominal(walker, hit.start):
        before = walker.low(hit.start - 1)
        if noun_follows:
            return True, phrase_after(walker, hit.end)
        return before in MODIFIER_DETERMINERS or before in NUMBER_WORDS or before.isdigit(), ""
    return False, ""


def _reduced_relative(walker: PhraseWalker, hit: HarmWordAt) -> bool:
    """"the men killed in the raid": a participle right after a noun phrase, followed by no object."""
    before = hit.start - 1
    if before < 0 or not is_word(walker.tokens[before]) or walker.low(before) in SUBJECT_PRONOUNS:
        return False
    if walker.low(before) in AUXILIARY or walker.low(before) in BOUNDARY or walker.low(before) in PREPOSITIONS:
        return False
    return (hit.end >= walker.n or walker.low(hit.end) in AFTER_REDUCED) and walker.np_left(before) is not None


def _passive(walker: PhraseWalker, passive: Passive) -> tuple[Construction, str, str]:
    agent = role_text(walker, passive.agent) if passive.agent is not None and \
        not walker.low(passive.agent.start).endswith("ing") else ""
    return ("passive_agent" if agent else "agentless_passive"), agent, subject_of(walker, passive.auxiliary)


def _gerund(walker: PhraseWalker, hit: HarmWordAt) -> tuple[Construction, str, str]:
    """An -ing form: a participle clause or progressive with a subject (active), else a gerund (nominal)."""
    victim = object_after(walker, hit.end)
    before = _previous_word(walker, hit.start)
    if walker.low(before) in BE_FORMS:
        return "active", subject_of(walker, hit.start), victim
    if before >= 0 and walker.tokens[before].text in {",", "—", "–"}:
        return "active", participle_clause_subject(walker, hit.start), victim
    _, how = walker.subject_left(hit.start)
    if how == "coordinated":
        return "active", participle_clause_subject(walker, hit.start), victim
    return "nominal", "", victim


def _verb(walker: PhraseWalker, hit: HarmWordAt, passive: Passive | None) -> tuple[Construction, str, str]:
    if passive is not None:
        return _passive(walker, passive)
    first = walker.low(hit.start)
    if first.endswith("ing"):
        return _gerund(walker, hit)
    perfect = walker.low(_previous_word(walker, hit.start)) in HAVE
    if is_past_participle(first) and not perfect:
        adjectival, victim = _adjectival(walker, hit)
        if adjectival:
            return "adjectival", "", victim
        if _reduced_relative(walker, hit):
            agent = by_phrase(walker, hit.end)
            return ("passive_agent" if agent else "agentless_passive"), agent, \
                role_text(walker, walker.np_left(hit.start - 1))
    victim = object_after(walker, hit.end)
    if not victim and walker.low(hit.end) == "at" and hit.word.lemma in AIMED:
        victim = phrase_after(walker, hit.end + 1)
    if walker.low(hit.start - 1) == "to":
        return "active", infinitive_subject(walker, hit.start - 1), victim
    _, how = walker.subject_left(hit.start)
    agent = participle_clause_subject(walker, hit.start) if how == "coordinated" else subject_of(walker, hit.start)
    return "active", agent, victim


def analyse_harm(walker: PhraseWalker, hit: HarmWordAt, passives: dict[int, Passive]) -> HarmClause | None:
    """The construction, agent and victim of one harm word; None when a people-only word has no people victim.

    ``passives`` are the sentence's passive verb groups keyed by their participle's token index.
    """
    pos = hit.word.pos
    if pos == "noun":
        construction, (agent, victim) = "nominal", _nominal(walker, hit)
    elif pos == "adjective":
        adjectival, victim = _adjectival(walker, hit)
        construction, agent = "adjectival", ""
        victim = victim if adjectival else predicate_subject(walker, hit.start)
    elif pos == "intransitive":
        construction, agent, victim = "intransitive", "", subject_of(walker, hit.start)
    else:
        construction, agent, victim = _verb(walker, hit, passives.get(hit.start))
    if hit.word.people_only and not names_people(victim):
        return None
    return HarmClause(hit.start, hit.end, hit.word, construction, agent, victim)
