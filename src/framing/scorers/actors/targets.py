"""Label → target: the actor a loaded label is applied to in its sentence, and the construction that says so.

Only labels get a target — hits of the lexicon's ``pejorative_label`` and ``honorific_label`` categories in a
noun or adjective form ("terrorist", "regime", "martyr"; not "masterminded"): a verb or an event noun ("the
slaughter", "assassination") is not applied to an actor by these constructions. The constructions, tried in
this order (the first that holds wins):

* ``premodifier`` — the label is part of a mention ("Martyr Soleimani", "the Iranian regime"), or sits right
  before a name with at most two titles between ("terrorist leader Soleimani", "dictator Bashar al-Assad"), or
  right after one ("ISIS terrorists", "the Assad regime");
* ``appositive`` — "Soleimani, the mastermind of …", "the dictator, Bashar al-Assad, …", and the headline
  colon "Terrorist general with …: Qassem Soleimani masterminded …";
* ``naming`` — "called / labelled / branded / designated / hailed / described / saw X (as) a …" (the object X),
  and their passives "X was hailed as a hero (by Y)", "X is listed by Y as a known terrorist" (the subject X);
* ``copula`` — "Soleimani was a terrorist", "he was a hero" (the subject);
* ``possessive`` — "Assad's regime", "his regime", "the regime of Bashar al-Assad" (the owner);
* ``referent`` — a definite label that heads its phrase ("the regime", "the dictator", "the terrorists"):
  the actor the context makes clear (:mod:`.context`).

Pronouns and definite descriptions in a slot resolve by the rule of :mod:`.context`; where it declines, the
hit gets no target. "the fight against terrorism", "regime change", "a terrorist attack" get none either.
"""

from __future__ import annotations

from bisect import bisect_left
from typing import Literal, NamedTuple, get_args

from ...phrases import PhraseWalker, is_cap, is_quote_mark, is_word, tokenize
from ...phrases.words import (ADVERBS, AUXILIARY, BE_FORMS, BOUNDARY, COMMON_VERBS, DEFINITE, DEMONYMS, INDEFINITE,
                              MODIFIER_PARTICIPLES, POSSESSIVE, PREPOSITIONS, ROLES)
from .context import PRONOUNS, Recent, Wanted, wanted_for_label, wanted_for_pronoun
from .mentions import TITLES, Mention

Relation = Literal["premodifier", "appositive", "copula", "naming", "possessive", "referent"]
RELATIONS: tuple[str, ...] = get_args(Relation)
LABEL_CATEGORIES = frozenset({"pejorative_label", "honorific_label"})
NAMING_VERBS = frozenset(
    f"{stem}{ending}" for stem, endings in {
        "call": ("", "s", "ed", "ing"), "label": ("", "s", "ed", "led", "ing", "ling"),
        "brand": ("", "s", "ed", "ing"), "designat": ("e", "es", "ed", "ing"), "hail": ("", "s", "ed", "ing"),
        "dub": ("", "s", "bed", "bing"), "term": ("", "s", "ed"), "describ": ("e", "es", "ed", "ing"),
        "regard": ("", "s", "ed"), "view": ("", "s", "ed"), "consider": ("", "s", "ed"), "prais": ("e", "es", "ed"),
        "denounc": ("e", "es", "ed"), "condemn": ("", "s", "ed"), "list": ("", "s", "ed"), "nam": ("e", "es", "ed"),
        "declar": ("e", "es", "ed"), "proclaim": ("", "s", "ed"), "celebrat": ("e", "es", "ed"),
    }.items() for ending in endings) | {"saw", "see", "sees", "seen"}
COPULAS = BE_FORMS | {"became", "become", "becomes", "remained", "remains", "remain"}
DETERMINERS = DEFINITE | INDEFINITE | POSSESSIVE
# Words that may sit between "as" and a label: "as part of the 'Axis of evil'", "as one of the …".
AS_PART = frozenset({"part", "one", "member", "members"})
# Adjectives in -ed that sit inside a label's phrase ("a known terrorist", "the so-called …").
ADJECTIVE_PARTICIPLES = MODIFIER_PARTICIPLES | {"alleged", "self-styled", "reputed", "dreaded", "feared", "noted",
                                                "wanted", "suspected", "designated", "convicted", "known"}
_STOP_LEFT = PREPOSITIONS | BOUNDARY | AUXILIARY | COPULAS | NAMING_VERBS | COMMON_VERBS | PRONOUNS | {"as"}


class Target(NamedTuple):
    """Who a label is applied to (``None``: nobody the rules can name) and how."""

    mention: Mention | None
    relation: str  # one of RELATIONS, "" with no mention


NO_TARGET = Target(None, "")


class SentenceActors(NamedTuple):
    """One sentence's tokens and mentions (their ``start, end`` as token indices), and the mentions of the
    sentences before it."""

    walker: PhraseWalker
    mentions: list[Mention]
    recent: Recent

    @classmethod
    def of(cls, text: str, mentions: list[Mention], recent: Recent) -> SentenceActors:
        """Tokenize a sentence and place its mentions (sentence offsets) on its tokens."""
        walker = PhraseWalker(text, tokenize(text, []))
        starts = [token.start for token in walker.tokens]
        placed = [m._replace(start=bisect_left(starts, m.start), end=bisect_left(starts, m.end))
                  for m in mentions]
        return cls(walker, placed, recent)

    # A construction that links a label to a name says itself that the name is an actor's, so these two accept
    # any shape ("the Assad regime" before the document says who Assad is); the context rule does not.
    def ending_at(self, k: int) -> Mention | None:
        """The mention whose last token is ``k``."""
        return next((m for m in self.mentions if m.end == k + 1), None)

    def starting_at(self, k: int) -> Mention | None:
        """The mention whose first token is ``k``."""
        return next((m for m in self.mentions if m.start == k), None)

    def before(self, k: int) -> list[Mention]:
        return [m for m in self.mentions if m.end <= k]

    def resolve(self, wanted: Wanted | None, k: int) -> Mention | None:
        return None if wanted is None else self.recent.resolve(wanted, self.before(k))

    def slot(self, start: int, end: int) -> Mention | None:
        """The actor a phrase names: its first actor mention, or the antecedent of a pronoun or of a definite
        description ("the general") that makes it up."""
        inside = [m for m in self.mentions if start <= m.start and m.end <= end]
        if inside:
            return inside[0]
        walker = self.walker
        if end - start == 1:
            return self.resolve(wanted_for_pronoun(walker.low(start)), start)
        if end - start == 2 and walker.low(start) in DEFINITE and walker.low(start + 1) in ROLES:
            return self.resolve(Wanted(("person",)), start)
        return None


def link_label(actors: SentenceActors, first: int, last: int, category: str, lemma: str) -> Target:
    """The target of the label on tokens ``first … last`` (inclusive) of the sentence."""
    walker = actors.walker
    if category not in LABEL_CATEGORIES or _verb_form(walker.low(last), lemma):
        return NO_TARGET
    inside = next((m for m in actors.mentions if m.start <= first and last < m.end), None)
    if inside is not None:
        # "Martyr Soleimani", "the Iranian regime": the label is a title or body noun outside the actor's
        # key; inside the key it is part of a name ("Noble Comrades", a book) and labels nobody.
        label = walker.text_of(first, last + 1).casefold()
        return NO_TARGET if label in inside.key.casefold() else Target(inside, "premodifier")
    start = phrase_start(walker, first)
    for rule in (_premodifier, _appositive, _naming, _copula, _possessive, _referent):
        target = rule(actors, start, first, last)
        if target is not None and target.mention is not None:
            return target
    return NO_TARGET


def _verb_form(lower: str, lemma: str) -> bool:
    """An inflected verb of a label's lemma ("masterminded", "branding"), not the label itself."""
    for ending in ("ed", "ing"):
        if lower.endswith(ending) and not lemma.endswith(ending):
            return True
    return False


def phrase_start(walker: PhraseWalker, first: int) -> int:
    """Where the label's noun phrase starts: across adjectives (demonyms included: "the Islamic regime"),
    scare-quote marks and one determiner."""
    k, words = first, 0
    while k > 0 and words < 4:
        token = walker.tokens[k - 1]
        low = token.lower
        if is_quote_mark(token):
            k -= 1
            continue
        if low in DETERMINERS and not low.endswith("'s"):
            return k - 1
        if not is_word(token) or (is_cap(token) and low not in DEMONYMS) or low in _STOP_LEFT or low.endswith("'s") \
                or (low.endswith(("ed", "ing")) and low not in ADJECTIVE_PARTICIPLES):
            break
        k -= 1
        words += 1
    return k


def _premodifier(actors: SentenceActors, start: int, first: int, last: int) -> Target | None:
    walker = actors.walker
    k, titles = last + 1, 0
    while k < walker.n and not actors.starting_at(k) and (is_quote_mark(walker.tokens[k]) or
                                                          (walker.low(k) in TITLES and titles < 2)):
        titles += not is_quote_mark(walker.tokens[k])
        k += 1
    after = actors.starting_at(k)
    if after is not None and not (after.shape == "state" and _common_word(walker, after.end)):
        return Target(after, "premodifier")
    before = actors.ending_at(first - 1)
    if before is None or walker.low(first - 1).endswith(("'s", "s'")):
        return None
    if before.shape == "state" and wanted_for_label(_head(walker.low(last))).shapes == ("person",):
        return None  # "the Syrian dictator" is a person of Syria, not Syria
    return Target(before, "premodifier")


def _common_word(walker: PhraseWalker, k: int) -> bool:
    """A lower-case word at token ``k``: after "the revered Iranian" it is the head the label is about
    ("… military commander"), not the state."""
    return k < walker.n and is_word(walker.tokens[k]) and not is_cap(walker.tokens[k]) \
        and walker.low(k) not in _STOP_LEFT


def _owner_start(actors: SentenceActors, start: int) -> int:
    """The phrase start moved before a possessive owner ("Iran's proxy force" starts at "Iran's")."""
    owner = actors.ending_at(start - 1)
    if owner is not None and actors.walker.low(start - 1).endswith(("'s", "s'")):
        return owner.start
    return start


def _appositive(actors: SentenceActors, start: int, first: int, last: int) -> Target | None:
    walker = actors.walker
    head = _owner_start(actors, start)
    if walker.low(head - 1) == "," and actors.ending_at(head - 2) is not None:
        return Target(actors.ending_at(head - 2), "appositive")
    if walker.low(last + 1) == "," and actors.starting_at(last + 2) is not None:
        return Target(actors.starting_at(last + 2), "appositive")
    if start == 0:  # a headline: "Terrorist general with the blood …: Qassem Soleimani masterminded …"
        colon = next((k for k in range(last + 1, min(walker.n, last + 16)) if walker.low(k) in {":", ","}), None)
        if colon is not None and walker.low(colon) == ":" and actors.starting_at(colon + 1) is not None:
            return Target(actors.starting_at(colon + 1), "appositive")
    return None


def _naming(actors: SentenceActors, start: int, first: int, last: int) -> Target | None:
    walker = actors.walker
    k = start - 1
    if walker.low(k) == "of" and walker.low(k - 1) in AS_PART:
        k -= 2  # "as part of the …"
    if walker.low(k) == "as":
        k -= 1
        agent = _agent_start(walker, k)
        if agent is not None:
            k = agent - 1  # "is listed by the United States as …"
        if walker.low(k) in NAMING_VERBS:
            return Target(_subject(actors, k), "naming")
    verb = next((v for v in range(k, max(-1, k - 6), -1) if walker.low(v) in NAMING_VERBS), None)
    if verb is None or any(not is_word(walker.tokens[v]) for v in range(verb + 1, k + 1)):
        return None
    return Target(actors.slot(verb + 1, k + 1), "naming")


def _agent_start(walker: PhraseWalker, k: int) -> int | None:
    """The "by" of an agent phrase ending at token ``k`` (within six words, no punctuation), or ``None``."""
    for by in range(k, max(-1, k - 7), -1):
        if not is_word(walker.tokens[by]):
            return None
        if walker.low(by) == "by":
            return by
    return None


def _subject(actors: SentenceActors, verb: int) -> Mention | None:
    """The actor a passive naming verb or a copula says something of: its subject, or the sentence's."""
    walker = actors.walker
    phrase, how = walker.subject_left(verb)
    if phrase is None and how == "coordinated":
        phrase = walker.main_subject()
    if phrase is None:
        if verb > 0 and walker.low(verb - 1) == ",":  # "Soleimani, praised as a martyr, …"
            owner = actors.ending_at(verb - 2)
            return owner
        return None
    return actors.slot(phrase.start, phrase.end)


def _copula(actors: SentenceActors, start: int, first: int, last: int) -> Target | None:
    walker = actors.walker
    k = start - 1
    while k >= 0 and (walker.low(k) in ADVERBS or walker.low(k) in {"not", "never", "also", "still"}):
        k -= 1
    if k < 0 or walker.low(k) not in COPULAS:
        return None
    return Target(_subject(actors, k), "copula")


def _possessive(actors: SentenceActors, start: int, first: int, last: int) -> Target | None:
    walker = actors.walker
    if walker.low(start - 1).endswith(("'s", "s'")):
        owner = actors.ending_at(start - 1)
        if owner is not None:
            return Target(owner, "possessive")
    if walker.low(start) in POSSESSIVE and walker.low(start) != "my":
        pronoun = {"his": "his", "her": "her", "its": "its", "their": "their"}.get(walker.low(start))
        return Target(actors.resolve(wanted_for_pronoun(pronoun or ""), start), "possessive")
    if walker.low(last + 1) == "of":
        k = last + 2
        if walker.low(k) in DEFINITE:
            k += 1
        owner = actors.starting_at(k)
        if owner is not None:
            return Target(owner, "possessive")
    return None


def _referent(actors: SentenceActors, start: int, first: int, last: int) -> Target | None:
    walker = actors.walker
    if walker.low(start) not in DEFINITE or not _heads_phrase(walker, last):
        return None
    return Target(actors.resolve(wanted_for_label(_head(walker.low(last))), start), "referent")


def _head(lower: str) -> str:
    """A label's head word without a possessive ending ("tyrant's" → "tyrant")."""
    return lower[:-2] if lower.endswith("'s") else lower[:-1] if lower.endswith("s'") else lower


def _heads_phrase(walker: PhraseWalker, last: int) -> bool:
    """Whether the label at token ``last`` is its phrase's head noun: what follows is no noun it modifies
    ("the regime said", "the regime's will" — not "the terrorist attack")."""
    if walker.low(last).endswith("'s"):
        return True
    nxt = last + 1
    if nxt >= walker.n or not is_word(walker.tokens[nxt]):
        return True
    low = walker.low(nxt)
    # After a singular head a word in -s is its verb ("the regime funds them"), not a plural it modifies.
    verb_s = low.endswith("s") and not low.endswith("ss") and not walker.low(last).endswith("s")
    return low in PREPOSITIONS or low in BOUNDARY or low in AUXILIARY or low in COMMON_VERBS or low in ADVERBS \
        or low.endswith("ed") or verb_s or low in {"who", "which", "that", "as"}
