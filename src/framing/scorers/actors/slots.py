"""One sentence's tokens and actor mentions, and the actor a phrase of it names (a construction's slot).

A slot names an actor when it holds a mention, or resolves to one by the rule of :mod:`.context` — a pronoun
("he", "it"), a definite description ("the general", "the group", "the regime"), a possessive pronoun before
an actor's people ("its leaders": the actor) — or when it is a **party phrase**: a determiner (or none) and a
plural noun for a recurring party of the story ("the protesters", "These soldiers", "opposition leaders", "the
military rulers"), which is a group of its own, keyed by its noun (":data:`.context.PARTY_NOUNS`"). Party
phrases exist only in slots: they are no antecedent of the context rule and no row of ``actors`` — except for a
plural pronoun whose clause names no group or state, which takes the party phrase its sentence has just named
("disarm the gangs and bring their bosses to trial"). The story's crowd stands in for the words that name it
without naming it — a definite crowd word ("the mob"), the affected ("the dead", "those arrested") and "we" in
a quotation — by the rules of :mod:`.parties`; a demonym before hired fighters ("the Russian fighters") for
the non-state group the context names (:meth:`SentenceActors.hired_group`).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from typing import NamedTuple

from ...phrases import PhraseWalker, is_cap, is_plural, is_quote_mark, is_word, tokenize
from ...phrases.words import DEFINITE, DEMONYMS, POSSESSIVE, PREPOSITIONS, RELATIVE, ROLES
from ..attribution.vocabulary import clause_verbs
from .context import (BODY_LABELS, GOVERNMENT_LABELS, HIRED_NOUNS, NEEDS_MODIFIER, PARTY_MODIFIERS, PARTY_NOUNS,
                      PERSON_PRONOUNS, PLURAL_PRONOUNS, PRONOUNS, Recent, Wanted, wanted_for_label, wanted_for_pronoun)
from .mentions import OFFICE_WORDS, Mention
from .parties import (AFFECTED, CIVIL_MEMBERS, CROWD_NOUNS, FIRST_PERSON_PLURAL, GENERIC_OPENERS, NO_PARTIES,
                      DocumentParties, party_of_adjective)
from .uses import is_agent

# Plain nouns for people that, after "these" or "those", point back like "they": "These people are murderers"
# after a sentence about the militias.
DEMONSTRATIVE_PEOPLE = frozenset({"people", "men", "women", "individuals", "guys"})
# Words that may open a party phrase besides the definite determiners: "some protesters were …".
PARTY_QUANTIFIERS = frozenset({"some", "many", "most", "all", "both"})
# A reported clause starts after these: the frame's people ("X told SANA that …") are no antecedent inside it.
CLAUSE_OPENERS = frozenset({"that", ":"})
# Verbs of saying whose object is a clause: what follows them is reported ("X said the government's …"). Verbs
# that take a person as object ("described him as") are left out: their object may be the subject's antecedent.
SAYING_VERBS = frozenset({"said", "says", "say", "added", "adds", "claimed", "claims", "insisted", "insists",
                          "argued", "argues", "warned", "warns", "stated", "states", "alleged", "alleges"})
# A leader's bodies that are his state's: "his government", "her administration" are the state the context names
# (a head of government heads the state's government; the state is the actor, as for "the government"), where
# "his regime" and "his soldiers" stay the man's (a regime is personal rule).
STATE_BODIES = frozenset({"government", "administration", "cabinet"})
# Nouns for an actor's people or bodies after a possessive pronoun: "its leaders", "their fighters".
# What sets an appositive off from the phrase it stands beside.
DASHES = frozenset({"-", "–", "—"})
APPOSITIVE_MARKS = DASHES | {","}
# Prepositions after which a phrase goes on about a place or a body of its head ("the protesters of Riad al-Solh").
HEAD_PREPOSITIONS = frozenset({"of", "in", "from", "at", "on"})
# Nouns news uses for a private person it quotes ("a 52-year-old farmer"): in a story about a crowd, such a
# speaker's "we" is the crowd's (rule 4 of .parties).
PRIVATE_PEOPLE = frozenset({"farmer", "teacher", "graduate", "worker", "mother", "father", "nurse", "driver",
                            "engineer", "pensioner", "vendor", "shopkeeper", "labourer", "laborer", "trader",
                            "mechanic", "housewife", "grandmother", "grandfather", "undergraduate"})
_AGE = re.compile(r"\d{1,2}-year-old")
# The words that open a relative clause inside a slot's phrase ("the people who slept …", "the Front, whose …").
RELATIVE_PRONOUNS = (RELATIVE - {"that"}) | {"whose"}
MEMBER_NOUNS = frozenset({"leaders", "leader", "members", "fighters", "men", "forces", "officials", "leadership",
                          "government", "rulers"}) | ROLES | BODY_LABELS | GOVERNMENT_LABELS


class Target(NamedTuple):
    """Who a label is applied to (``None``: nobody the rules can name) and how."""

    mention: Mention | None
    relation: str  # one of RELATIONS, "" with no mention


class SentenceActors(NamedTuple):
    """One sentence's tokens and mentions (their ``start, end`` as token indices), and the mentions of the
    sentences before it."""

    walker: PhraseWalker
    mentions: list[Mention]
    recent: Recent
    parties: DocumentParties = NO_PARTIES
    labels: frozenset[int] = frozenset()  # tokens of the sentence's label-category hits ("demagogue", "tyrant")

    @classmethod
    def of(cls, text: str, mentions: list[Mention], recent: Recent,
           parties: DocumentParties = NO_PARTIES) -> SentenceActors:
        """Tokenize a sentence and place its mentions (sentence offsets) on its tokens. Reporting verbs end a
        noun phrase ("Campaigners said Assad was …": the subject of "was" is Assad)."""
        walker = PhraseWalker(text, tokenize(text, []), clause_verbs())
        starts = [token.start for token in walker.tokens]
        placed = [m._replace(start=bisect_left(starts, m.start), end=bisect_left(starts, m.end))
                  for m in mentions]
        return cls(walker, placed, recent, parties)

    # A construction that links a label to a name says itself that the name is an actor's, so these accept any
    # shape ("the Assad regime" before the document says who Assad is); the context rule does not.
    def ending_at(self, k: int) -> Mention | None:
        """The mention, or party phrase, whose last token is ``k``."""
        found = next((m for m in self.mentions if m.end == k + 1), None)
        return found if found is not None else self.party_ending_at(k)

    def named_ending_at(self, k: int) -> Mention | None:
        """The mention (a name, not a party phrase) whose last token is ``k``."""
        return next((m for m in self.mentions if m.end == k + 1), None)

    def starting_at(self, k: int) -> Mention | None:
        """The mention, or party phrase, whose first token is ``k``."""
        found = next((m for m in self.mentions if m.start == k), None)
        return found if found is not None else self.party_starting_at(k)

    def before(self, k: int) -> list[Mention]:
        """The mentions before token ``k`` in its clause: a reported clause ("… that …", after a colon, or right
        after a reporting verb: "X said the government's …") starts afresh, so the speaker and hearer of its frame
        are not what its labels are about."""
        walker = self.walker
        opener = next((j for j in range(k - 1, -1, -1) if walker.low(j) in CLAUSE_OPENERS
                       or walker.low(j) in SAYING_VERBS), -1)
        return [m for m in self.mentions if opener < m.start and m.end <= k]

    def resolve(self, wanted: Wanted | None, k: int) -> Mention | None:
        return None if wanted is None else self.recent.resolve(wanted, self.before(k))

    def resolve_pronoun(self, k: int) -> Mention | None:
        """The actor the pronoun at token ``k`` stands for: the sentence's subject when the pronoun is bound to
        it (:meth:`bound_to_subject`), else the rule of :mod:`.context`."""
        if self.walker.low(k) in FIRST_PERSON_PLURAL:
            return self.speaker_party(k)
        wanted = wanted_for_pronoun(self.walker.low(k))
        if wanted is None:
            return None
        subject = self.bound_to_subject(k)
        if subject is not None and subject.shape in wanted.shapes:
            return subject
        if self.walker.low(k) in PLURAL_PRONOUNS and not any(m.shape in wanted.shapes for m in self.before(k)):
            party = self.party_before(k)
            if party is not None:
                return party
        return self.resolve(wanted, k)

    def party_before(self, k: int) -> Mention | None:
        """The nearest party phrase before token ``k`` in its sentence ("disarm the gangs and bring their
        bosses to trial": *their* are the gangs'). A plural pronoun takes it when its clause names no group or
        state: a party phrase is the plural the sentence has just put in view."""
        for j in range(k - 1, -1, -1):
            if self.walker.low(j) in CLAUSE_OPENERS:
                return None
            party = self.party_ending_at(j)
            if party is not None and party.key not in PRONOUNS:
                return party
        return None

    def bound_to_subject(self, k: int) -> Mention | None:
        """The sentence's opening subject (a mention among its first words, or a party phrase opening it), when
        the pronoun at token ``k`` is bound to it rather than to the nearest actor: a possessive before "own"
        ("The generals call the protesters … and their own killing spree") or a pronoun opening a coordinated
        main clause after ", and", ", but" or ";" ("Al-Shabaab, the movement that has controlled … Somalia, has
        killed thousands, and its fighters …"). ``None`` otherwise, or when a reporting verb or a colon stands
        between (the pronoun may then be in what is reported: "X said Y had …, and its …")."""
        walker = self.walker
        own = walker.low(k + 1) == "own"
        coordinated = walker.low(k - 1) == ";" or (walker.low(k - 1) in {"and", "but"} and walker.low(k - 2) == ",")
        if not (own or coordinated):
            return None
        subject = self.mentions[0] if self.mentions and self.mentions[0].opens else self.party_starting_at(0)
        if subject is None or subject.end > k or any(
                walker.low(j) in walker.clause_verbs or walker.low(j) == ":" for j in range(subject.end, k)):
            return None
        return subject

    def slot(self, start: int, end: int) -> Mention | None:
        """The actor a phrase names: its first actor mention, a party phrase, or the antecedent of a pronoun or
        of a definite description ("the general", "the group") that makes it up. A relative clause is no part
        of it: "the people who slept on Galle Face Green" are not Galle Face Green."""
        end = next((k for k in range(start + 1, end) if self.walker.low(k) in RELATIVE_PRONOUNS), end)
        party = self._party_before_preposition(start, end)
        if party is not None:
            return party
        inside = [m for m in self.mentions if start <= m.start and m.end <= end]
        if inside:
            head = self._head_mention(inside, end)
            hired = self.hired_group(head) if head is not None else None
            return head if hired is None else hired.mention
        walker = self.walker
        while end > start and is_quote_mark(walker.tokens[end - 1]):
            end -= 1
        while start < end and is_quote_mark(walker.tokens[start]):
            start += 1
        if end - start == 1 and (wanted_for_pronoun(walker.low(start)) is not None
                                 or walker.low(start) in FIRST_PERSON_PLURAL):
            return self.resolve_pronoun(start)
        party = self.party_ending_at(end - 1)
        if party is not None and party.start == start:
            return party
        affected = self.affected(start, end)
        if affected is not None:
            return affected
        head = walker.low(end - 1)
        if head in MEMBER_NOUNS and end - start >= 3 and walker.low(end - 2).endswith(("'s", "s'")):
            owner = self.slot(start, end - 1)  # "the students' leaders": an actor's leaders are the actor
            if owner is not None:
                return owner
        if head in CROWD_NOUNS and walker.low(start) in DEFINITE:
            return self.crowd_party(start, end - 1)  # "the rioters", "the mob"
        if walker.low(start) in DEFINITE and (head in ROLES or head in BODY_LABELS or head in GOVERNMENT_LABELS
                                              or is_plural(head) and is_agent(head)):
            return self.resolve(wanted_for_label(head), start)  # "the deposed president", "the group", "the bombers"
        if walker.low(start) in {"these", "those"} and head in DEMONSTRATIVE_PEOPLE and 2 <= end - start <= 4 \
                and all(_describing_word(walker.tokens[k]) for k in range(start + 1, end - 1)):
            # "These people are …", "Those young people …": a group named just before
            return self.resolve(Wanted(("group",)), start)
        if end - start == 2 and walker.low(start) in PERSON_PRONOUNS and head in STATE_BODIES:
            return self.resolve(Wanted(("state",), strict=True), start)  # "his government": his state
        if end - start == 2 and walker.low(start) in POSSESSIVE and head in MEMBER_NOUNS:
            return self.resolve_pronoun(start)  # "its leaders": the actor
        return self.appositive_owner(start)

    def _party_before_preposition(self, start: int, end: int) -> Mention | None:
        """A party phrase heading a phrase that goes on with a preposition ("the brave protesters of Riad
        al-Solh", "students from the university"): the phrase is about the party, not the place or body after
        it. ``None`` when a mention comes before the preposition or no party heads it."""
        walker = self.walker
        preposition = next((k for k in range(start + 1, end) if walker.low(k) in HEAD_PREPOSITIONS), None)
        if preposition is None or any(start <= m.start < preposition for m in self.mentions):
            return None
        return self.party_ending_at(preposition - 1)

    def appositive_owner(self, start: int) -> Mention | None:
        """The actor before the comma (or dash) of an indefinite appositive starting at token ``start`` ("The
        president, a hero of the war who became …", "The prime minister - a veteran communist whom critics call
        …": the relative clause is about the president), or ``None``."""
        if start >= 2 and self.walker.low(start) in {"a", "an"} and self.walker.low(start - 1) in APPOSITIVE_MARKS:
            return self.named_ending_at(start - 2) or self.ending_at(start - 2)
        return None

    def _head_mention(self, inside: list[Mention], end: int) -> Mention | None:
        """The mention a phrase is about: its first, unless that is a possessive before a head that is not the
        actor's people ("Bevin's downplaying of …" is about no one; "Iran's Revolutionary Guard" about the
        Guard; "Assad's forces" about Assad)."""
        first = inside[0]
        if not self.walker.low(first.end - 1).endswith(("'s", "s'")) or first.end >= end:
            return first
        if len(inside) > 1:
            return inside[1]
        return first if self.walker.low(first.end) in MEMBER_NOUNS | PARTY_NOUNS else None

    def hired_group(self, mention: Mention) -> Target | None:
        """For a demonym before a noun of hired or irregular fighters ("Russian mercenaries", "the Russian
        fighters"), the non-state group they belong to: the demonym says where they come from, not whose they are.
        The group is the nearest one the context names (the rule of :mod:`.context`, then the document's most
        mentioned group so far); a ``Target`` with no mention when there is none. ``None`` for any other
        mention, which keeps its own actor."""
        walker = self.walker
        if mention.shape != "state" or mention.text.casefold() not in DEMONYMS \
                or walker.low(mention.end) not in HIRED_NOUNS:
            return None
        return Target(self.resolve(Wanted(("group",), salient=True), mention.start), "referent")

    def crowd_party(self, start: int, head: int) -> Mention | None:
        """The party a crowd word at token ``head`` (its phrase from ``start``) stands for: rules 2 of
        :mod:`.parties` — another party's adjective before it, else the document's civil party; ``None`` for a
        generic phrase ("every mob") or a document with no civil party."""
        walker = self.walker
        if walker.low(start) in GENERIC_OPENERS or walker.low(start - 1) in GENERIC_OPENERS:
            return None
        key = (party_of_adjective(walker.low(head - 1)) if head > start else None) or self.parties.civil
        return None if key is None else Mention(start, head + 1, walker.text_of(start, head + 1), key, "group",
                                                False)

    def affected(self, start: int, end: int) -> Mention | None:
        """People named by what befell them ("the dead", "those arrested", "some of those killed"): the
        document's civil party (rule 3 of :mod:`.parties`)."""
        walker = self.walker
        k = start + 2 if walker.low(start + 1) == "of" and walker.low(start) in {"some", "many", "most", "all"} \
            else start
        if end - k != 2 or walker.low(k) not in {"the", "those"} or walker.low(k + 1) not in AFFECTED \
                or self.parties.civil is None:
            return None
        return Mention(start, end, walker.text_of(start, end), self.parties.civil, "group", False)

    def speaker_party(self, k: int) -> Mention | None:
        """The side of a "we" inside a quotation (rule 4 of :mod:`.parties`): the civil party when the sentence,
        outside its quotation marks, calls the speaker one of them ("one protester said") or a private person
        (an age, "a 52-year-old farmer", or a private person's noun) and names no office or role."""
        walker = self.walker
        marks = [j for j, token in enumerate(walker.tokens) if is_quote_mark(token)]
        if self.parties.civil is None or sum(1 for j in marks if j < k) % 2 == 0:
            return None
        inside = set()
        for opening, closing in zip(marks[::2], marks[1::2] + [walker.n]):
            inside.update(range(opening, closing + 1))
        outside = [walker.low(j) for j in range(walker.n) if j not in inside]
        private = any(word in PRIVATE_PEOPLE or _AGE.fullmatch(word) for word in outside) \
            and not any(word in ROLES or word in OFFICE_WORDS for word in outside)
        if private or any(word in CIVIL_MEMBERS for word in outside):
            return Mention(k, k + 1, walker.tokens[k].text, self.parties.civil, "group", False)
        return None

    def party_ending_at(self, k: int) -> Mention | None:
        """The party phrase whose head noun is token ``k`` ("the protesters", "opposition leaders")."""
        walker = self.walker
        head = without_possessive(walker.low(k))
        if not _party_head(head) or is_cap(walker.tokens[k]) and k > 0:
            return None
        first = k - 1 if walker.low(k - 1) in PARTY_MODIFIERS else k
        if head in NEEDS_MODIFIER and first == k:
            return None
        opener = walker.low(first - 1)
        if opener in POSSESSIVE:
            owner = self.resolve_pronoun(first - 1)
            if owner is not None and owner.shape != "person":
                return owner  # "its fighters" are the group; "His soldiers" an army, not the man
        start = first - 1 if opener in DEFINITE or opener in PARTY_QUANTIFIERS or opener in POSSESSIVE else first
        return _party(walker, start, first, k)

    def party_starting_at(self, k: int) -> Mention | None:
        """The party phrase starting at token ``k`` (its determiner, modifier or noun)."""
        walker = self.walker
        first = k + 1 if walker.low(k) in DEFINITE or walker.low(k) in PARTY_QUANTIFIERS else k
        head = first + 1 if walker.low(first) in PARTY_MODIFIERS and _party_head(walker.low(first + 1)) else first
        if not _party_head(walker.low(head)) or (walker.low(head) in NEEDS_MODIFIER and head == first):
            return None
        return _party(walker, k, first, head)


def _describing_word(token) -> bool:
    """A lower-case word that may stand between "these" and "people": "young", "brave" (not "of", "who")."""
    return is_word(token) and not is_cap(token) and token.lower not in PREPOSITIONS | RELATIVE_PRONOUNS


def without_possessive(lower: str) -> str:
    """A lower-case word without a possessive ending ("tyrant's" → "tyrant")."""
    return lower[:-2] if lower.endswith("'s") else lower[:-1] if lower.endswith("s'") else lower


def _party_head(lower: str) -> bool:
    return lower in PARTY_NOUNS or lower == "movement"


def _party(walker: PhraseWalker, start: int, first: int, head: int) -> Mention | None:
    """A party phrase's mention (token indices): its key is the modifier and noun ("military rulers")."""
    if walker.low(head) == "movement" and head == first:
        return None  # "the movement" on its own is any movement; "the protest movement" is a party
    key = without_possessive(walker.text_of(first, head + 1).lower().replace("’", "'"))
    written = walker.text_of(start, head + 1)
    return Mention(start, head + 1, written, key, "group", False)
