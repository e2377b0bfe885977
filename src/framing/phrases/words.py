"""Word classes: closed classes of English and the vocabulary of news sources, read from package data.

The lists live in ``data/word_classes.toml`` (one key per class, a comment above each saying what it is for) and
are read once. This module names the classes the phrase walkers need; scorers name their own from the same file
with :func:`word_class`.
"""

from __future__ import annotations

import json
import tomllib
from functools import cache
from importlib.resources import files

from ..errors import input_error

WORD_CLASSES_FILE = "word_classes.toml"


@cache
def word_classes() -> dict[str, tuple[str, ...]]:
    """Every class of ``data/word_classes.toml`` by upper-case name, its words in file order, read once."""
    text = files("framing.data").joinpath(WORD_CLASSES_FILE).read_text(encoding="utf-8")
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise input_error(WORD_CLASSES_FILE, str(error)) from error
    classes = {}
    for key, words in data.items():
        if not isinstance(words, list) or not all(isinstance(word, str) for word in words):
            raise input_error(WORD_CLASSES_FILE, f"{key} must be a list of words")
        classes[key.upper()] = tuple(words)
    return classes


def word_class(name: str) -> frozenset[str]:
    """The words of the class ``name`` (upper case, as in the module constants: "DEFINITE")."""
    classes = word_classes()
    if name not in classes:
        raise input_error(WORD_CLASSES_FILE, f"no word class {name.lower()!r}")
    return frozenset(classes[name])


DEFINITE = word_class("DEFINITE")
POSSESSIVE = word_class("POSSESSIVE")
INDEFINITE = word_class("INDEFINITE")
NEGATIVE = word_class("NEGATIVE")
PRONOUNS = word_class("PRONOUNS")
FIRST_PERSON = word_class("FIRST_PERSON")
RELATIVE = word_class("RELATIVE")
AUXILIARY = word_class("AUXILIARY")
BE_FORMS = word_class("BE_FORMS")
CONTROL_VERBS = word_class("CONTROL_VERBS")
ADVERBS = word_class("ADVERBS")
TIME_WORDS = word_class("TIME_WORDS")
BOUNDARY = word_class("BOUNDARY")
PREPOSITIONS = word_class("PREPOSITIONS")
NP_PREPOSITIONS = word_class("NP_PREPOSITIONS")
TITLE_ABBREVIATIONS: tuple[str, ...] = word_classes()["TITLE_ABBREVIATIONS"]
MODIFIER_PARTICIPLES = word_class("MODIFIER_PARTICIPLES")
COMMON_VERBS = word_class("COMMON_VERBS")
VAGUE_PEOPLE = word_class("VAGUE_PEOPLE")
COLLECTIVE = word_class("COLLECTIVE")
INSTITUTIONS = word_class("INSTITUTIONS")
ROLES = word_class("ROLES")
DEMONYMS = word_class("DEMONYMS")
MONTHS_AND_DAYS = frozenset(word.capitalize() for word in TIME_WORDS)


@cache
def orthography() -> dict[str, int]:
    """Punkt's orthographic statistics: for each lower-case word type, flags saying how it was seen in news text
    (:data:`MID_LOWER`: lower case mid-sentence; :data:`MID_UPPER`: capitalised mid-sentence)."""
    data = json.loads(files("framing.data").joinpath("punkt_english.json").read_text(encoding="utf-8"))
    return data["ortho_context"]


MID_LOWER, MID_UPPER = 1 << 5, 1 << 2  # NLTK Punkt's _ORTHO_MID_LC and _ORTHO_MID_UC flags
