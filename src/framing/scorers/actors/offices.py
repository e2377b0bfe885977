"""Unnamed office-holders: "the president", "the prime minister" in a document that never names the holder.

News names a head of state or government once ("President Ana Ruiz") and then writes "the president"; the
context rule ties that description to the named person. Coverage of a country whose leader it never names
("the president", "the acting president", "His regime") still means one person throughout: the holder of the
office (a status makes another holder: "the former president"), an actor of his own keyed by the office and the
document's state (its most mentioned state, as the
context rule decides "the regime": "French president", "Sri Lankan acting president", :mod:`.office_names`; the
bare definite office, "the president", when the document mentions no state or two equally; a sentence set in a
state, "In Yerevan, …", gives its own offices that state; never merged with a
named person's surname). So in a document that writes
the office nowhere before a name ("President Ruiz") nor beside one ("the president, Ana Ruiz"), each definite
mention of the office is a person mention — a slot's actor, an appositive's, and a pronoun's antecedent.
"""

from __future__ import annotations

import re
from collections import Counter

from .actors_file import ActorSpec
from .book import AliasBook
from .mentions import OFFICE_STATUSES, OFFICE_WORDS, OFFICES, Mention, placed, shape_of
from .office_names import office_key

_OFFICE = "|".join(OFFICES)
_STATUS = "|".join(OFFICE_STATUSES)
# "the (acting) president", not "the president of Belarus" (a mention of its own) nor "the president Ana Ruiz"
_DEFINITE_OFFICE = re.compile(
    rf"\b[Tt]he[ \t]+(?P<office>(?:(?:{_STATUS})[ \t]+)?(?:{_OFFICE}))\b(?![ \t]+(?:of\b|[A-Z]))")
# The office written as a title before a name ("President Ruiz") or a name beside it ("the president, Ana
# Ruiz"): the document names the holder.
_NAMED_HOLDER = re.compile(r"\b(?:%s)[ \t]+[A-Z]|\b[Tt]he[ \t]+(?:%s),[ \t]+[A-Z]"
                           % ("|".join(office.title() for office in OFFICES), _OFFICE))


def with_unnamed_offices(texts: list[str], found: list[list[Mention]], book: AliasBook) -> list[list[Mention]]:
    """``found`` (each sentence's mentions, sentence offsets) with a person mention for each definite office of a
    document that never names its holder, keyed by the office and the document's state (module docstring)."""
    joined = "\n".join(texts)
    # A substring test before any regular expression: most documents name no office.
    if not any(word in joined for word in OFFICE_WORDS) or _DEFINITE_OFFICE.search(joined) is None \
            or _NAMED_HOLDER.search(joined) is not None:
        return found
    leading = book.specs.get(leading_state(found) or "")
    out = []
    for text, mentions in zip(texts, found):
        state = _scene_state(text, mentions, book) or leading
        added = [Mention(match.start(), match.end(), match.group(), office_key(state, match.group("office")),
                         "person", text.count(" ", 0, match.start()) < 3)
                 for match in _DEFINITE_OFFICE.finditer(text)
                 if not any(m.start < match.end() and match.start() < m.end for m in mentions)]
        out.append(sorted(mentions + added) if added else mentions)
    return out


def _scene_state(text: str, mentions: list[Mention], book: AliasBook) -> ActorSpec | None:
    """The state a sentence sets its scene in — its name or seat after a preposition of place ("In Yerevan,
    thousands gathered …, some calling the prime minister …"): news places an office-holder's critics and
    crowds where he holds office, so an office of that sentence is that state's."""
    for mention in mentions:
        spec = book.specs.get(mention.key)
        if spec is not None and shape_of(spec) == "state" and placed(text, mention.start, mention.text):
            return spec
    return None


def leading_state(found: list[list[Mention]]) -> str | None:
    """The key of the state a document is about: the one its headline (first sentence) names, as news names the
    country of its story there; else the one it mentions most; ``None`` with no state or a tie (a guess either
    way). A column on Cuba by a Washington paper mentions the United States as often as Cuba, but its
    headline says whose president "the president" is."""
    headline = [m.key for m in (found[0] if found else []) if m.shape == "state"]
    if len(set(headline)) == 1:
        return headline[0]
    ranked = Counter(m.key for mentions in found for m in mentions if m.shape == "state").most_common(2)
    if not ranked or (len(ranked) > 1 and ranked[0][1] == ranked[1][1]):
        return None
    return ranked[0][0]


def is_unnamed_office(mention: Mention) -> bool:
    """Whether a mention is an unnamed office-holder of this module (written as the definite office)."""
    return mention.shape == "person" and _DEFINITE_OFFICE.fullmatch(mention.text) is not None
