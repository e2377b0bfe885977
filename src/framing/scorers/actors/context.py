"""Who a pronoun, a definite description or a bare label stands for: the one rule, applied within a document.

**The rule.** A slot that names no actor itself — a pronoun ("he was a hero", "saw him as", "his regime"), a
definite description ("the general was …") or a definite label ("the dictator", "the regime", "the
terrorists") — takes the most recent **compatible** actor:

1. in its own sentence, the nearest compatible mention before it ("backed Assad as he slaughtered …" → Assad;
   a government label looks for a state through the whole window (this sentence, then the previous ones)
   before it looks for a group: "Iran's Revolutionary Guard … the regime" → Iran);
2. else in the previous sentence, then the one before it (:data:`LOOKBACK`): the only compatible actor of the
   first of them that mentions one, or — when it mentions several — the one it opens with (its subject: among
   its first three words, :attr:`.mentions.Mention.opens`), else the one the document has mentioned most so
   far (its **salience**: "For five years Nicolás Maduro, a … autocrat who inherited power from Hugo Chávez,
   …" after a headline on Maduro → Maduro; a person counted by surname); otherwise it **declines** (no
   target): two candidates equally prominent is a guess;
3. a government label ("the regime", "the junta") that finds no state in that window takes the state the
   document has mentioned most so far (a regime is the story's standing party, named once and then referred to
   for paragraphs: "… Syria … Rescuers said … Western leaders lined up to condemn the regime" → Syria); on a
   tie it declines;
4. a pronoun that finds no compatible actor in that window takes the compatible actor the document has
   mentioned most so far, when one leads (a news story keeps returning to its protagonist with "he" and "his"
   for sentences after last naming him, while bystanders it names once are not referred back to); on a tie it
   declines. A label finds its actor in the window only ("the corrupt" may be anyone's).

**Compatible** by shape (:mod:`.mentions`): he, she, him, her, his, a role ("the general") and a singular
person label ("the dictator") want a ``person``; "it", "its" want a ``state`` or ``group``; "they", "them",
"their" a ``group`` (or a ``state``); plural and collective labels ("the terrorists", "the mob") a ``group``; a
label for a government ("the regime", "the junta") wants a ``state``, else a ``group``. A party phrase ("the
protesters", :data:`PARTY_NOUNS`) is a group of its own in a construction's slot (:mod:`.slots`), not an
antecedent; a common noun of the user's actors file ("survivors", "his ministers": ``Mention.common``) is no
pronoun's antecedent either (a label's it may be: "the regime" after "the government"). Mentions of shape ``other`` (places, events, a single capitalised word never seen as a person's
surname) are nobody's antecedent.
"""

from __future__ import annotations

from collections import Counter, deque
from typing import NamedTuple

from .mentions import Mention, Shape

LOOKBACK = 2
PERSON_PRONOUNS = frozenset({"he", "she", "him", "her", "his", "hers", "himself", "herself"})
THING_PRONOUNS = frozenset({"it", "its", "itself"})
PLURAL_PRONOUNS = frozenset({"they", "them", "their", "themselves"})
PRONOUNS = PERSON_PRONOUNS | THING_PRONOUNS | PLURAL_PRONOUNS
GOVERNMENT_LABELS = frozenset({"regime", "regimes", "junta", "dictatorship", "government", "administration",
                               "tyranny", "autocracy", "theocracy", "mullahs", "ayatollahs", "occupier",
                               "occupiers", "occupation", "entity"})
BODY_LABELS = frozenset({"group", "organisation", "organization", "network", "militia", "gang", "cartel", "cell",
                         "faction", "outfit", "movement", "army", "axis", "proxy", "proxies", "mob", "crowd", "horde",
                         "rabble", "cult", "death cult", "clique", "cabal", "front", "force", "power", "paramilitary",
                         "paramilitaries"})
# Plural nouns for the recurring parties of a conflict or a protest: "the protesters", "these soldiers" name a
# group of their own (its key is the noun: "protesters"), unlike the bystanders of a story ("witnesses",
# "campaigners", "observers"), who are never a label's target.
PARTY_NOUNS = frozenset({
    "protesters", "protestors", "demonstrators", "marchers", "strikers", "students", "soldiers",
    "troops", "officers", "generals", "commanders", "rulers", "deserters", "defectors", "mutineers", "rebels",
    "insurgents", "militants", "fighters", "guerrillas", "gunmen", "militiamen", "paramilitaries", "settlers",
    "separatists", "loyalists", "opposition", "police", "policemen", "guards", "forces", "junta", "colonists",
    "activists", "dissidents", "leaders", "gangs", "gangsters", "force", "attackers", "assailants", "participants",
    "lawmakers", "mps", "deputies", "politicians", "youths"})
# Nouns that may stand before a party noun inside its name: "the military rulers", "opposition leaders",
# "the police officers", "the protest movement", "security forces".
PARTY_MODIFIERS = frozenset({"military", "army", "police", "security", "opposition", "protest", "rebel", "coup",
                             "government", "state", "armed", "student", "pro-democracy", "anti-government",
                             "gang", "separatist", "militia", "insurgent", "guerrilla", "federal", "riot"})
# Nouns for fighters hired or gathered from abroad: after a demonym ("Russian mercenaries") they are the men of a
# non-state group of that nationality, not its state's forces (:meth:`.slots.SentenceActors.hired_group`).
HIRED_NOUNS = frozenset({"mercenaries", "mercenary", "fighters", "contractors", "volunteers", "jihadists"})
# "leaders" on its own is anybody's leaders; with a party modifier ("opposition leaders") it is a party.
NEEDS_MODIFIER = frozenset({"leaders", "forces", "force", "guards", "commanders"})


class Wanted(NamedTuple):
    """The shapes a slot accepts; with ``strict``, the first shape found wins over a nearer one of the next; with
    ``salient``, the document's leading actor stands in when the window has none (step 4 of the rule)."""

    shapes: tuple[Shape, ...]
    strict: bool = False
    salient: bool = False


def wanted_for_pronoun(lower: str) -> Wanted | None:
    """What a pronoun can stand for; ``None`` for a word that is no third-person pronoun."""
    if lower in PERSON_PRONOUNS:
        return Wanted(("person",), salient=True)
    if lower in THING_PRONOUNS:
        return Wanted(("state", "group"), salient=True)
    if lower in PLURAL_PRONOUNS:
        return Wanted(("group", "state"), salient=True)
    return None


def wanted_for_label(head: str) -> Wanted:
    """What a label noun can be applied to, by its last word ("the regime" → a state, "the terrorists" → a
    group, "the dictator" → a person)."""
    if head in GOVERNMENT_LABELS:
        return Wanted(("state", "group"), strict=True)
    if head in BODY_LABELS or (head.endswith("s") and not head.endswith("ss")):
        return Wanted(("group",))  # "the terrorists", "the mob": people of a group, not a state
    return Wanted(("person",))


def surname(word: str) -> str:
    """A name word for matching: case-folded, without an Arabic particle ("al-Assad" → "assad")."""
    folded = word.casefold()
    head, _, rest = folded.partition("-")
    return rest if rest and head in {"al", "el", "ad", "an", "ar", "as", "at", "ash", "az"} else folded


def salience_key(mention: Mention) -> str:
    """What salience counts a mention as: a name's last word ("Maduro", "Nicolás Maduro" and "Mr Maduro" are
    one), so that the count needs no alias merge."""
    words = mention.key.split()
    return surname(words[-1]) if words else ""


class Recent:
    """The mentions of the last :data:`LOOKBACK` sentences of one document, newest last, and how often the
    document has mentioned each actor so far (:func:`salience_key`)."""

    def __init__(self) -> None:
        self.sentences: deque[list[Mention]] = deque(maxlen=LOOKBACK)
        self.salience: Counter[str] = Counter()
        self.states: dict[str, Mention] = {}  # the latest mention of each state of the document so far
        self.actors: dict[str, Mention] = {}  # the latest mention of each actor (not "other") so far

    def push(self, mentions: list[Mention]) -> None:
        self.sentences.append(mentions)
        self.salience.update(salience_key(m) for m in mentions)
        self.states.update((salience_key(m), m) for m in mentions if m.shape == "state")
        self.actors.update((salience_key(m), m) for m in mentions if m.shape != "other" and not m.common)

    def resolve(self, wanted: Wanted, before: list[Mention]) -> Mention | None:
        """The rule of the module docstring: ``before`` are the mentions of the slot's sentence before it."""
        if wanted.strict:  # a government label: a state in the window, else the document's leading state
            found = self._nearest(Wanted(("state",)), before)
            if found is None and self.states:
                found = self._most_salient(list(self.states.values()))
            return found if found is not None else self._nearest(Wanted(("group",)), before)
        found = self._nearest(wanted, before)
        if found is None and wanted.salient and not self._any_compatible(wanted):
            found = self._most_salient([m for m in self.actors.values() if m.shape in wanted.shapes])
        return found

    def _any_compatible(self, wanted: Wanted) -> bool:
        """Whether the window holds a compatible actor (then a declined choice stays declined)."""
        return any(_compatible(m, wanted) for mentions in self.sentences for m in mentions)

    def _nearest(self, wanted: Wanted, before: list[Mention]) -> Mention | None:
        same = [m for m in before if _compatible(m, wanted)]
        if same:
            return same[-1]
        for mentions in reversed(self.sentences):
            compatible = [m for m in mentions if _compatible(m, wanted)]
            if not compatible:
                continue
            if len({m.key for m in compatible}) == 1:
                return compatible[-1]
            opening = mentions[0] if mentions and mentions[0].opens else None
            if opening is not None and _compatible(opening, wanted):
                return opening
            return self._most_salient(compatible)
        return None

    def _most_salient(self, candidates: list[Mention]) -> Mention | None:
        """The candidate the document has mentioned most so far; ``None`` on a tie or with no candidate."""
        if not candidates:
            return None
        ranked = Counter({salience_key(m): self.salience[salience_key(m)] for m in candidates}).most_common(2)
        if len(ranked) > 1 and ranked[0][1] == ranked[1][1]:
            return None
        return next(m for m in reversed(candidates) if salience_key(m) == ranked[0][0])


def _compatible(mention: Mention, wanted: Wanted) -> bool:
    """A mention of a wanted shape; for a pronoun (``salient``), not a common noun of the user's file."""
    return mention.shape in wanted.shapes and not (wanted.salient and mention.common)
