"""The alias book: every name and alias of the actors files, ready for lookup in a sentence.

Names are matched token by token (longest first, the user's file before the shipped one). An alias written in
lower case matches any case ("protesters"); an acronym only as written ("US", never the pronoun "us"); any other
alias a capitalised word ("Iran", "IRAN"; a possessive ending allowed).
"""

from __future__ import annotations

import re
from functools import cache
from typing import NamedTuple

from ...phrases import Token
from .actors_file import ActorSpec, known_actors


class AliasEntry(NamedTuple):
    words: tuple[str, ...]  # lower case
    exact: tuple[str, ...]  # the alias as written, when its case must match (it has capitals); else ()
    actor: ActorSpec


class AliasBook:
    """Every name and alias of the actors files, by first word, longest first (the user's file first).

    ``lower_aliases`` finds the aliases written in lower case ("protesters", "the junta") in a sentence; the
    others are capitalised and found inside the runs of capitalised words (:mod:`.mentions`). ``runs`` caches
    what :func:`~framing.scorers.actors.mentions.sentence_mentions` made of each distinct run of capitalised
    words: names recur across a corpus; ``sentences`` what it found in each distinct sentence.
    """

    def __init__(self, user: tuple[ActorSpec, ...] = ()):
        self.by_first: dict[str, list[AliasEntry]] = {}
        self.specs: dict[str, ActorSpec] = {}
        self.runs: dict[tuple[str, bool], tuple] = {}
        self.sentences: dict[str, tuple] = {}  # each distinct sentence's mentions (sentence_mentions)
        seen: set[str] = set()
        lower: list[str] = []
        self.user = frozenset(spec.name for spec in user)
        self.members: dict[str, frozenset[str]] = {}  # filled by :mod:`.mentions` (it knows a person's name)
        self.anchors: dict[str, frozenset[str]] = {}  # filled by :mod:`.story_nouns`
        for spec in (*_with_shipped_aliases(user), *known_actors()):
            if spec.name in self.specs or any(name.casefold() == spec.name.casefold() for name in self.specs):
                continue  # the user's actor of that name replaces the shipped one
            self.specs[spec.name] = spec
            for alias in (spec.name, *spec.aliases):
                if alias == alias.lower():
                    lower.append(alias)  # even when its capitalised form is listed: it matches any case
                if alias.casefold() in seen:
                    continue
                seen.add(alias.casefold())
                words = tuple(alias.split())
                folded = tuple(word.lower() for word in words)
                self.by_first.setdefault(folded[0], []).append(AliasEntry(folded, words if alias != alias.lower()
                                                                          else (), spec))
        for entries in self.by_first.values():
            entries.sort(key=lambda entry: -len(entry.words))
        self.lower_aliases = re.compile(r"\b(?:%s)\b" % "|".join(
            re.escape(alias).replace(r"\ ", r"\s+") for alias in sorted(lower, key=len, reverse=True)),
            re.IGNORECASE) if lower else None

    def match(self, tokens: list[Token], i: int) -> tuple[int, ActorSpec, bool] | None:
        """The longest alias starting at token ``i``: the index after it, its actor, and whether the alias is a
        common noun (written in lower case in the file: "protesters", though here "Protesters")."""
        for entry in self.by_first.get(_base(tokens[i].lower), ()):
            end = i + len(entry.words)
            if end > len(tokens):
                continue
            found = tokens[i:end]
            if all(_base(token.lower) == word for token, word in zip(found, entry.words)) and \
                    (not entry.exact or all(_same_case(token.text, word) for token, word in zip(found, entry.exact))):
                return end, entry.actor, not entry.exact
        return None

    def lookup(self, alias: str) -> ActorSpec | None:
        """The actor a whole alias names (any case), or ``None``."""
        folded = tuple(alias.lower().split())
        return next((entry.actor for entry in self.by_first.get(folded[0] if folded else "", ())
                     if entry.words == folded), None)


def _with_shipped_aliases(user: tuple[ActorSpec, ...]) -> tuple[ActorSpec, ...]:
    """The user's actors, each that takes the name of a shipped actor also with that actor's aliases after its
    own: a user who lists "Azerbaijan" with its ministries adds names to the state, and its demonym
    ("Azerbaijani forces") and capital still name it. An alias the user gives another actor stays that
    actor's (the user's aliases are looked up first)."""
    shipped = {spec.name.casefold(): spec for spec in known_actors()}
    widened = []
    for spec in user:
        known = shipped.get(spec.name.casefold())
        extra = () if known is None else tuple(alias for alias in known.aliases if alias not in spec.aliases)
        widened.append(spec._replace(aliases=spec.aliases + extra))
    return tuple(widened)


@cache
def alias_book(user: tuple[ActorSpec, ...] = ()) -> AliasBook:
    """One alias book per actors file and process."""
    return AliasBook(user)


def _base(lower: str) -> str:
    """A token without its possessive ending ("iran's" → "iran")."""
    return lower[:-2] if lower.endswith("'s") else lower[:-1] if lower.endswith("s'") else lower


def _same_case(text: str, alias_word: str) -> bool:
    """Whether a token is written with the alias word's capitals (see the module docstring)."""
    if alias_word.isupper():
        return text.startswith(alias_word)
    return text[:1].isupper() or not alias_word[:1].isupper()
