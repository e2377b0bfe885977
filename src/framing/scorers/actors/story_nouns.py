"""The user's common nouns: where a lower-case alias of an actors file ("protesters", "police", "the regime")
names its actor.

A proper name names its actor wherever it is written; a common noun does not. One actors file may serve
several stories, each with its own protesters, police and prime minister, so a common noun names the file's
actor only in a document of that actor's story: one that names the actor (by its name or a capitalised alias:
"Gen Z", "Ruto"), or names the place its name comes from ("Kenyan protesters" in a document that names
"Kenya"). Elsewhere the noun is left to the linker's own rules (the party nouns of :mod:`.context`).
"""

from __future__ import annotations

from ...phrases.words import MID_LOWER, orthography
from .actors_file import ActorSpec
from .book import AliasBook
from .mentions import Mention

# Letters two name words must share at their start to be one place's: "Iran" and "Iranian", "Kenya" and "Kenyan".
MIN_STEM = 4


def anchored(found: list[list[Mention]], book: AliasBook) -> list[list[Mention]]:
    """A document's mentions (one list per sentence) without the common-noun mentions of an actor from another
    story: one the document neither names nor places (module docstring)."""
    if not any(m.common for mentions in found for m in mentions):
        return found
    named = [m for mentions in found for m in mentions if not m.common]
    keys = {m.key for m in named}
    words = {_folded(word) for m in named for word in m.text.split()}
    kept = {key: key in keys or _same_place(_name_words(book, key), words)
            for key in {m.key for mentions in found for m in mentions if m.common}}
    return [[m for m in mentions if not m.common or kept[m.key]] for mentions in found]


def _same_place(anchors: frozenset[str], words: set[str]) -> bool:
    """Whether a word of the document and a name word of the actor are one place's (one begins the other)."""
    return any(len(word) >= MIN_STEM and len(anchor) >= MIN_STEM and (word.startswith(anchor) or
                                                                     anchor.startswith(word))
               for anchor in anchors for word in words)


def _name_words(book: AliasBook, key: str) -> frozenset[str]:
    """The proper words of an actor's name and capitalised aliases ("Kenyan", "Otieno"; not "Government")."""
    cached = book.anchors.get(key)
    if cached is None:
        spec: ActorSpec = book.specs[key]
        cached = book.anchors[key] = frozenset(
            _folded(word) for name in (spec.name, *spec.aliases) if name != name.lower() for word in name.split()
            if word[:1].isupper() and not orthography().get(word.lower(), 0) & MID_LOWER)
    return cached


def _folded(word: str) -> str:
    """A name word for comparing: case-folded, without a possessive ending or punctuation."""
    folded = word.casefold().replace("’", "'").strip(".,;:\"'()")
    return folded[:-2] if folded.endswith("'s") else folded
