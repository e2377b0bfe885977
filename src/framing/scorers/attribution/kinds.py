"""Source kind: is a source phrase ``named`` (the reader can tell who it is) or ``anonymous``?

The rules are in the package docstring (:mod:`framing.scorers.attribution`, "Source kind"); these functions apply
them to a phrase found by a :class:`~framing.phrases.PhraseWalker`. Three rules refine them:

* **A body speaks as itself.** An institution with a qualifier and no determiner is ``named``, like the same
  institution with "the": "Taliban authorities", "Israeli police", "County police", "Russian military" (as "the
  authorities", "the Iraqi military"). The institution must be one body: singular, or a plural that names one
  (:data:`~.vocabulary.PLURAL_BODIES`: authorities, police); "US forces" and "security services" stay
  ``anonymous``. A document is still as named as its issuer ("leaked memo" is no body).
* **People of a named body are unnamed people.** "Hamas officials", "Hezbollah fighters", "Taliban commanders"
  are ``anonymous`` like "US officials" and "a Pentagon spokesman": the organisation is named, the individuals
  speaking are not. A definite singular role or unit of a named body is ``named`` — "the navy's spokesman", "the
  party's youth wing" — because there is one of it.
* **Facts do not speak.** A phrase that only stands for facts or an argument — a demonstrative or "everything",
  alone or quantified: "this", "all of this", "much of that", "none of these" — is no source
  (:func:`stands_for_facts`). It is the subject of evidential verbs ("All of this clearly shows / proves /
  confirms that …"), where it is the writer's own argument; documents and studies stay sources of those verbs
  ("the report shows", ``DOCUMENT_ONLY``), and so do people ("some of them said").
"""

from __future__ import annotations

from ...phrases.tokens import Token, is_cap, is_participle, is_plural, is_proper, is_word, plural_demonym
from ...phrases.walkers import Phrase, PhraseWalker
from ...phrases.words import (COLLECTIVE, DEFINITE, DEMONYMS, FIRST_PERSON, INDEFINITE, INSTITUTIONS, MID_LOWER,
                              MODIFIER_PARTICIPLES, NEGATIVE, NP_PREPOSITIONS, POSSESSIVE, PRONOUNS, RELATIVE, ROLES,
                              VAGUE_PEOPLE, orthography)
from .vocabulary import (ANONYMITY, BROADCASTERS, DOCUMENT_SUBJECTS, FACT_PRONOUNS, FACT_QUANTIFIERS, ISSUING,
                         PLURAL_BODIES, POST_MODIFIERS)


def issued_by_named(walker: PhraseWalker, clause: Phrase, modifiers: list[Token]) -> bool:
    """A document phrase whose issuer is named: a proper-noun modifier ("A Pentagon statement") or a named agent
    after "by / from" ("a survey … by IranPoll")."""
    if any(is_proper(t, walker.tokens.index(t)) for t in modifiers):
        return True
    for k in range(clause.start, clause.end):
        # "published / compiled by X" names the issuer; "seen / obtained by this newspaper" the reader.
        if walker.low(k) in {"by", "from"} and k + 1 < clause.end and (
                walker.low(k - 1) in DOCUMENT_SUBJECTS
                or any(walker.low(m) in ISSUING for m in range(max(clause.start, k - 5), k))):
            agent = walker.np_right(k + 1, allow_appositive=False)
            if agent is not None:
                agent = Phrase(agent.start, min(agent.end, clause.end))
                return classify(walker, agent) == "named"
    return False


def classify(walker: PhraseWalker, clause: Phrase) -> str | None:
    """``named`` / ``anonymous`` / ``pronoun`` for a source phrase; None when it is no source (the writer,
    "nobody")."""
    tokens = walker.tokens[clause.start:clause.end]
    words = [t for t in tokens if is_word(t)]
    if not words:
        return None
    text = walker.text_of(clause.start, clause.end)
    first = words[0].lower
    if len(words) == 1 and first in PRONOUNS:
        return "pronoun"
    if first in FIRST_PERSON or first in NEGATIVE or first in {"no", "nobody", "everyone", "everybody", "there",
                                                             "here"}:
        return None
    if stands_for_facts([t.lower for t in words]):
        return None
    if ANONYMITY.search(text):
        return "anonymous"
    core_words, appositive = core_and_appositive(tokens)
    if not core_words:
        return None
    head_at = head_index(core_words)
    head = core_words[head_at]
    position = clause.start + tokens.index(head) if head in tokens else clause.start
    head_is_proper = is_proper(head, position) and not _opening_common_plural(head, position)
    appositive_named = any(is_proper(t, 1) for t in appositive[:3]) and appositive \
        and appositive[0].lower not in {"a", "an", "who", "which", "one"} | INDEFINITE
    if head.lower in DOCUMENT_SUBJECTS and issued_by_named(walker, clause, core_words[:head_at]):
        # "A Pentagon statement", "a survey … by IranPoll", "the figures, compiled by the health ministry":
        # a document is as identifiable as whoever issued it.
        return "named"
    if first in INDEFINITE or first.isdigit():
        if appositive_named:
            return "named"
        return "anonymous"
    if len(core_words) == 1 and first in VAGUE_PEOPLE | {"many", "some", "others", "most"}:
        return "anonymous"
    if head_is_proper:
        if is_plural(head.lower) and plural_demonym(head.lower):
            return "anonymous"
        return "named"
    head_lower = head.lower
    if plural_demonym(head_lower):
        return "anonymous"
    determiner = first in DEFINITE or first in POSSESSIVE or any(
        t.lower.endswith("'s") for t in core_words[:head_at])
    if determiner:
        if head_lower in INSTITUTIONS or head_lower in ROLES:
            return "named"
        if is_plural(head_lower) or head_lower in VAGUE_PEOPLE:
            return "anonymous"
        return "named"
    # No determiner.
    if _qualified_body(head_lower, core_words[:head_at]):
        return "named"
    if head_lower in COLLECTIVE or is_plural(head_lower):
        return "anonymous"
    if any(is_proper(t, clause.start + tokens.index(t)) for t in core_words if t in tokens) \
            or appositive_named:
        return "named"
    if head_lower in BROADCASTERS and any(t.lower in DEMONYMS for t in core_words):
        return "named"  # "Iranian state television": one identifiable broadcaster
    return "anonymous"


def _qualified_body(head: str, qualifiers: list[Token]) -> bool:
    """An institution that is one body, with a qualifier before it ("Taliban authorities", "County police")."""
    if not qualifiers or head in DOCUMENT_SUBJECTS or head not in INSTITUTIONS:
        return False
    return not is_plural(head) or head in PLURAL_BODIES


def stands_for_facts(words: list[str]) -> bool:
    """The lower-case words of a phrase that refers to facts or an argument, not to anyone who could speak:
    "this", "all of this", "much of that", "everything"."""
    return bool(words) and words[-1] in FACT_PRONOUNS and all(word in FACT_QUANTIFIERS for word in words[:-1])


def core_and_appositive(tokens: list[Token]) -> tuple[list[Token], list[Token]]:
    """The words of the core phrase, and those after it (an appositive or relative clause); bracketed words are
    in neither."""
    core: list[Token] = []
    appositive: list[Token] = []
    target = core
    depth = 0
    for t in tokens:
        if t.text == "(":
            depth += 1
        elif t.text == ")":
            depth -= 1
        elif depth:
            continue
        elif t.text == "," or (t.lower in RELATIVE and target is core and core):
            target = appositive
        elif is_word(t) or t.text in {"."}:
            target.append(t)
    return [t for t in core if is_word(t)], appositive


def head_index(core_words: list[Token]) -> int:
    """The head noun's index: the last word, or the word before a post-modifier ("officials familiar with",
    "the head of", "a survey published in 2018 by …")."""
    for k, t in enumerate(core_words):
        post_participle = k >= 2 and not is_cap(t) and "-" not in t.lower and is_participle(t.lower) \
            and t.lower not in MODIFIER_PARTICIPLES
        if k and (t.lower in NP_PREPOSITIONS or t.lower in POST_MODIFIERS or post_participle):
            return k - 1
    return len(core_words) - 1


def _opening_common_plural(head: Token, position: int) -> bool:
    """A plural that opens its sentence and whose singular news writes in lower case ("Refugees said …",
    "Survivors told …"): a common noun with the sentence's capital, so unnamed people, not a name."""
    lower = head.lower
    return position == 0 and lower.endswith("s") and is_plural(lower) and not plural_demonym(lower) \
        and bool(orthography().get(lower[:-1], 0) & MID_LOWER)
