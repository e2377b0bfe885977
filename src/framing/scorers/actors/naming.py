"""The naming construction: "called / branded / designated / hailed / described X (as) a LABEL" — the object X —
their passives ("X was hailed as a hero by Y", "The group has been designated a terrorist organisation": the
subject X), and an object fronted as a relative's antecedent ("Maduro, whom … consider an illegitimate
president"). Also the subject finder the copula construction shares."""

from __future__ import annotations

from ...phrases import PhraseWalker, is_quote_mark, is_word
from ...phrases.words import ADVERBS, BE_FORMS, RELATIVE
from .context import BODY_LABELS, GOVERNMENT_LABELS, PRONOUNS
from .mentions import Mention
from .parties import AFFECTED
from .slots import DASHES, SentenceActors, Target
from .uses import PARTICLES

NAMING_VERBS = frozenset(
    f"{stem}{ending}" for stem, endings in {
        "call": ("", "s", "ed", "ing"), "label": ("", "s", "ed", "led", "ing", "ling"),
        "brand": ("", "s", "ed", "ing"), "designat": ("e", "es", "ed", "ing"), "hail": ("", "s", "ed", "ing"),
        "dub": ("", "s", "bed", "bing"), "term": ("", "s", "ed"), "describ": ("e", "es", "ed", "ing"),
        "regard": ("", "s", "ed", "ing"), "view": ("", "s", "ed", "ing"), "consider": ("", "s", "ed", "ing"),
        "prais": ("e", "es", "ed", "ing"), "denounc": ("e", "es", "ed", "ing"), "condemn": ("", "s", "ed", "ing"),
        "list": ("", "s", "ed"), "nam": ("e", "es", "ed"), "declar": ("e", "es", "ed"), "proclaim": ("", "s", "ed"),
        "celebrat": ("e", "es", "ed"),
        "dismiss": ("", "es", "ed", "ing"), "refer": ("", "s", "red", "ring"),
    }.items() for ending in endings) | {"saw", "see", "sees", "seen"}
# A relative clause read back across words only: at most this many, and the words that open it ("whom" opens
# a fronted object, which _named_object reads).
MAX_RELATIVE_WORDS = 10
RELATIVE_WORDS = RELATIVE - {"whom"}
# Words that may sit between "as" and a label: "as part of the 'Axis of evil'", "as one of the …".
AS_PART = frozenset({"part", "one", "member", "members"})


def naming(actors: SentenceActors, start: int, first: int, last: int) -> Target | None:
    """The naming construction before the label's phrase starting at token ``start`` (module docstring)."""
    walker = actors.walker
    k = left_of_quotes(walker, start - 1)
    if walker.low(k) == "of" and walker.low(k - 1) in AS_PART:
        k -= 2  # "as part of the …"
    if walker.low(k) == "as":
        k -= 1
        if walker.low(k) == "to" and walker.low(k - 1).startswith("refer"):
            k -= 1  # "refers to as"
        agent = _agent_start(walker, k)
        if agent is not None:
            k = agent - 1  # "is listed by the United States as …"
        if walker.low(k) in NAMING_VERBS:
            return Target(_named_object(actors, k) or subject(actors, k), "naming")
        relative = _relative_clause_object(walker, k)
        named = actors.slot(relative[0] + 1, relative[1]) if relative is not None else None
        if named is not None:  # "those who forced their way in" names no one: the crowd rule may still
            return Target(named, "naming")
    named_end = before_brackets(walker, k)  # "designate the Islamic Revolutionary Guard Corps (IRGC) a …"
    verb = next((v for v in range(named_end, max(-1, named_end - 6), -1) if walker.low(v) in NAMING_VERBS
                 and walker.low(v + 1) not in PARTICLES), None)
    if verb is None or any(not is_word(walker.tokens[v]) for v in range(verb + 1, named_end + 1)):
        return None
    if verb == k:  # nothing between the verb and the label's phrase
        if first > start:  # "called the deserters mercenaries": the phrase walked left over the object
            named = actors.slot(start, first)
            if named is not None:
                return Target(named, "naming")
        # a passive ("has been designated a …"), or an object before the verb ("Maduro, whom … consider")
        fronted = _named_object(actors, verb)
        if fronted is None and not _passive(walker, verb):
            return None  # the label is the verb's own object ("condemn the regime"): no naming of anyone
        return Target(fronted or subject(actors, verb), "naming")
    obj = verb + 2 if walker.low(verb + 1) == "to" else verb + 1  # "referred to protesters as …"
    return Target(actors.slot(obj, k + 1), "naming")


def _relative_word_left(walker: PhraseWalker, k: int) -> int | None:
    """The nearest relative word at or before token ``k`` reached across words only (no punctuation), within
    :data:`MAX_RELATIVE_WORDS` tokens, or ``None``."""
    for relative in range(k, max(-1, k - MAX_RELATIVE_WORDS), -1):
        if not is_word(walker.tokens[relative]):
            return None
        if walker.low(relative) in RELATIVE_WORDS:
            return relative
    return None


def _relative_clause_object(walker: PhraseWalker, k: int) -> tuple[int, int] | None:
    """For "described the protesters who hurled fireworks at police lines as …" with ``k`` the word before "as": the
    naming verb and the relative word ending its object (a relative clause of words only between the object and
    "as", :func:`_relative_word_left`), else ``None``."""
    relative = _relative_word_left(walker, k)
    if relative is None:
        return None
    for verb in range(relative - 2, max(-1, relative - 6), -1):
        if not is_word(walker.tokens[verb]):
            return None
        if walker.low(verb) in NAMING_VERBS and walker.low(verb + 1) not in PARTICLES:
            return verb, relative
    return None


def before_brackets(walker: PhraseWalker, k: int) -> int:
    """The token before a bracketed acronym ending at token ``k`` ("… Front (TPLF)": the acronym restates the
    name before it, so the name's phrase ends there), else ``k``."""
    if walker.low(k) != ")":
        return k
    opening = next((j for j in range(k - 1, max(-1, k - 5), -1) if walker.low(j) == "("), None)
    return k if opening is None else opening - 1


def left_of_quotes(walker: PhraseWalker, k: int) -> int:
    while k >= 0 and is_quote_mark(walker.tokens[k]):
        k -= 1
    return k


def _passive(walker: PhraseWalker, verb: int) -> bool:
    """A naming verb in the passive: a participle after a form of "be" ("has been designated", "is listed")."""
    k = verb - 1
    while k >= 0 and walker.low(k) in ADVERBS:
        k -= 1
    return walker.low(k) in BE_FORMS and walker.low(verb).endswith(("ed", "en"))


def _named_object(actors: SentenceActors, verb: int) -> Mention | None:
    """The object of a naming verb fronted as a relative's antecedent: "Maduro, whom the United States …
    consider", "the group, which it refers to as", "a rescue group it calls" (after a pronoun subject), and the
    owner of a "whose" phrase ("the Front, whose leaders it has branded …": an actor's leaders are the actor)."""
    walker = actors.walker
    relative = next((j for j in range(verb - 1, max(-1, verb - 13), -1)
                     if walker.low(j) in {"whom", "which", "whose"}), None)
    if relative is not None:
        k = relative - 1
    else:
        subject, how = walker.subject_left(verb)
        if subject is None or how != "np" or walker.low(subject.end - 1) not in PRONOUNS:
            return None
        # The pronoun subject of a clause with no relative word: the phrase walked left over its object
        # ("a rescue group it calls"); the object ends before the pronoun.
        k = subject.end - 2 if subject.end - subject.start > 1 else subject.start - 1
    if walker.low(k) == ",":
        k -= 1
    named = actors.ending_at(before_brackets(walker, k)) or actors.ending_at(k)
    if named is None and walker.low(k) in AFFECTED:
        named = actors.slot(k - 1, k + 1)  # "the dead, whom they call …"
    phrase = walker.np_left(k) if named is None else None
    if phrase is not None:
        # An appositive's owner: "his vice-president, a veteran of the war whom … had branded a traitor", "the
        # White Helmets, a rescue group it calls …"
        named = actors.appositive_owner(_after_dash(walker, phrase))
        if named is None and walker.low(k) in BODY_LABELS | GOVERNMENT_LABELS:
            named = actors.slot(phrase.start, phrase.end)
            if named is None and walker.low(phrase.start - 1) == ",":
                named = actors.ending_at(phrase.start - 2)  # "the Front, the group it calls …"
    return named


def _past_relative_clause(walker: PhraseWalker, phrase):
    """The subject a relative clause ending in ``phrase`` belongs to: in "the people who slept for ninety days on
    Galle Face Green are not a mob" the phrase before "are" is the clause's object; the subject is what "who"
    stands for. ``phrase`` itself when no relative word opens a clause of words before it."""
    relative = _relative_word_left(walker, phrase.start - 1)
    if relative is None or relative + 1 == phrase.start:
        return phrase  # no relative clause, or "who" is the subject itself (subject_left has read it)
    return walker.antecedent(relative) or phrase


def _after_dash(walker: PhraseWalker, phrase) -> int:
    """Where an appositive set off by a dash starts inside ``phrase`` (the walker reads "The prime minister - a
    veteran communist" as one phrase), else the phrase's start."""
    return next((j + 1 for j in range(phrase.end - 2, phrase.start, -1)
                 if walker.low(j) in DASHES and walker.low(j + 1) in {"a", "an"}), phrase.start)


def _agent_start(walker: PhraseWalker, k: int) -> int | None:
    """The "by" of an agent phrase ending at token ``k`` (within six words, no punctuation), or ``None``."""
    for by in range(k, max(-1, k - 7), -1):
        if not is_word(walker.tokens[by]):
            return None
        if walker.low(by) == "by":
            return by
    return None


def subject(actors: SentenceActors, verb: int) -> Mention | None:
    """The actor a passive naming verb or a copula says something of: its subject, or the sentence's."""
    walker = actors.walker
    phrase, how = walker.subject_left(verb)
    if phrase is not None and how == "np":
        phrase = _past_relative_clause(walker, phrase)
    if phrase is None and how == "coordinated":
        phrase = walker.main_subject()
    if phrase is None:
        if verb > 0 and walker.low(verb - 1) == ",":  # "Soleimani, praised as a martyr, …"
            owner = actors.ending_at(verb - 2)
            return owner
        return None
    return actors.slot(phrase.start, phrase.end)
