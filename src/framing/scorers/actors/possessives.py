"""The possessive construction: "Assad's regime", "his regime", "the regime of Bashar al-Assad", "the terrorists
of the so-called Jaish al-Islam", "the propaganda of the terrorists" — the owner is the label's target (a place
is no owner; after an act, "of" names the doer only for words, not violence: "the slaughter of civilians")."""

from __future__ import annotations

from ...phrases import is_cap, is_quote_mark, is_word
from ...phrases.words import DEFINITE, POSSESSIVE
from .context import BODY_LABELS, GOVERNMENT_LABELS, Wanted, wanted_for_label
from .mentions import Mention
from .offices import is_unnamed_office
from .slots import SentenceActors, Target, without_possessive
from .uses import heads_phrase, is_adjective

MAX_MODIFIERS = 2  # words between a possessive and the act noun it owns ("the president's "war" rhetoric")
COUNTRY_NOUNS = frozenset({"country", "nation"})  # "the country's": the state the context names
# "the party's" with no party named: news writes the bare "the party" for the party in power, which is the state
# (as its government and army are): "acting as the party's henchmen" → the state the context names.
RULING_NOUNS = frozenset({"party"})


def possessive(actors: SentenceActors, start: int, first: int, last: int, of_doer: bool = True
               ) -> Target | None:
    """The owner of the label's phrase starting at token ``start`` (module docstring); ``of_doer``: whether
    "the LABEL of X" makes X the owner."""
    walker = actors.walker
    if walker.low(start - 1).endswith(("'s", "s'")):
        owner = actors.ending_at(start - 1)
        if owner is not None and is_unnamed_office(owner) and _done_to_owner(walker.low(last)):
            owner = None  # "the president's assassination": a role in the possessive names the victim
        owner = owner or _described_owner(actors, start - 1)
        if owner is not None:
            return Target(owner, "possessive")
    if walker.low(start) in POSSESSIVE and walker.low(start) != "my":
        return Target(actors.resolve_pronoun(start), "possessive")
    if walker.low(last + 1) == "of" and of_doer:
        return _of_owner(actors, last + 2)
    return None


def past_modifiers(walker, first: int) -> int:
    """Where an act noun's phrase starts before its modifiers, when a possessive stands before them: a possessive
    owns its whole noun phrase, adjectives and a modifier in quotation marks included ("Beijing's relentless
    propaganda", "the president's "war" rhetoric"); ``first`` otherwise. At most
    :data:`MAX_MODIFIERS` words."""
    k, words = first, 0
    while k > 0 and words < MAX_MODIFIERS:
        token = walker.tokens[k - 1]
        if is_quote_mark(token):
            k -= 1
        elif is_word(token) and not is_cap(token) and (is_adjective(token.lower) or is_quote_mark(
                walker.tokens[k])) and token.lower not in POSSESSIVE and not token.lower.endswith(("'s", "s'")):
            k, words = k - 1, words + 1  # an adjective, or the word a quotation mark closes on ("war")
        else:
            break
    owned = k < first and (walker.low(k - 1) in POSSESSIVE | {"own"} or walker.low(k - 1).endswith(("'s", "s'")))
    return k if owned else first


def _done_to_owner(head: str) -> bool:
    """Whether a possessive before the noun ``head`` may name whom it was done to: a noun of an event made from a
    verb with "-ion" takes the verb's object as often as its subject ("the president's assassination", "his
    detention"); any other act or label noun takes its doer ("the president's rhetoric", "the interior
    minister's power grab")."""
    return without_possessive(head).endswith("ion")


def _described_owner(actors: SentenceActors, k: int) -> Mention | None:
    """The group a definite description in the possessive at token ``k`` stands for ("the group's propaganda",
    "the government's brutality"; "the country's …" the state the context names): the context rule, as for
    the description anywhere else. A person's role is left out: "the president's assassination" names the
    victim."""
    walker = actors.walker
    head = without_possessive(walker.low(k))
    if walker.low(k - 1) in DEFINITE and head in COUNTRY_NOUNS | RULING_NOUNS:
        return actors.resolve(Wanted(("state",), strict=True), k - 1)  # "the country's government": its state
    if walker.low(k - 1) not in DEFINITE or not (head in BODY_LABELS or head in GOVERNMENT_LABELS):
        return None
    return actors.resolve(wanted_for_label(head), k - 1)


def act_of(actors: SentenceActors, start: int, first: int, last: int, of_doer: bool) -> Target | None:
    """An act's owner by "of" only when it is a body ("the propaganda of the terrorists"): a person after an
    act is mostly whom it was done to ("the assassination of Soleimani")."""
    target = possessive(actors, start, first, last, of_doer)
    if target is not None and target.mention is not None and target.mention.shape == "person":
        return None
    return target


def _of_owner(actors: SentenceActors, k: int) -> Target | None:
    """The owner after "of": a name ("the regime of Bashar al-Assad"), past a determiner, quotation marks and
    "so-called"; or a definite label's referent ("the propaganda of the terrorists"). A place owns nothing,
    and a person's label "of" a state is a person of it: "the tyrant of Naypyidaw" is whom the context names."""
    walker = actors.walker
    label, opens = k - 2, k
    if walker.low(k) in DEFINITE:
        k += 1
    while k < walker.n and (is_quote_mark(walker.tokens[k]) or walker.low(k) in {"so-called", "self-styled"}):
        k += 1
    owner = actors.starting_at(k)
    if owner is not None and owner.shape != "other" and not (
            owner.shape == "state" and wanted_for_label(without_possessive(walker.low(label))).shapes == ("person",)):
        return Target(owner, "possessive")  # "the tyrant of Naypyidaw" is a person of the state, not the state
    if walker.low(opens) in DEFINITE and k < walker.n and not is_cap(walker.tokens[k]) and heads_phrase(walker, k):
        return Target(actors.resolve(wanted_for_label(without_possessive(walker.low(k))), opens), "possessive")
    return None
