"""What a pronoun source stands for: the ``refers_to`` column of the sources table and the agreement rule."""

from __future__ import annotations

import pytest

from framing.scorers.attribution import DETAIL_COLUMNS
from framing.scorers.attribution.antecedents import agrees, opening_subject
from tests.scorers.attribution.texts import analyse


def pronoun_rows(text):
    """The sources table's rows whose source is a pronoun: ``(source, refers_to, source_kind)``."""
    sources = analyse(text).tables.sources
    pronouns = sources[sources["source"].str.lower().isin(["he", "she", "it", "they"])]
    return list(zip(pronouns["source"], pronouns["refers_to"], pronouns["source_kind"]))


def test_refers_to_is_a_documented_column_empty_for_other_sources():
    sources = analyse("The port authority said the quay was closed. It said the strikers were thugs.").tables.sources
    assert list(sources.columns) == DETAIL_COLUMNS and "refers_to" in DETAIL_COLUMNS
    assert list(zip(sources["source"], sources["refers_to"])) == [
        ("The port authority", ""), ("It", "The port authority")]


@pytest.mark.parametrize("text, expected", [
    # 1. an earlier source of the same sentence that agrees
    ("Tenant unions say rents doubled in what they call a landlords' coup.",
     [("they", "Tenant unions", "anonymous")]),
    # 2. the opening subject, before the pronoun, when it agrees (also after a short time phrase)
    ("Norway, Chile and Ghana tabled a motion, which they described as a lifeline.",
     [("they", "Norway, Chile and Ghana", "named")]),
    ("In 2031 the water board began what it called a cleansing of the river.",
     [("it", "the water board", "named")]),
    ("Some porters held up banners for the dead, whom they call the heroes of the docks.",
     [("they", "Some porters", "anonymous")]),
    # 3. a source of the previous sentences, named before anonymous; a pronoun there resolved in turn
    ("Two clerks said the vote was rigged. The electoral commission denied it. It said the count was clean.",
     [("It", "The electoral commission", "named")]),
    ("A clerk said the vote was rigged, and Lena Marsh said the same. She said the judges were cowards.",
     [("She", "Lena Marsh", "named")]),
    ("Lena Marsh said the vote was rigged. She said the count was a farce. She said the judges were cowards.",
     [("She", "Lena Marsh", "named"), ("She", "Lena Marsh", "named")]),
])
def test_a_pronoun_source_refers_to_its_antecedent(text, expected):
    assert pronoun_rows(text) == expected


@pytest.mark.parametrize("text", [
    # number: "it" is no plural source, "they" no singular one
    "Ferry crews said the strike would go on. It said the owners were greedy.",
    "The harbour master said the strike would go on. They said the owners were greedy.",
    # "he" is no body, "it" no person
    "The Pellham Gazette reported the deal. He said the owners were greedy.",
    "Tomas Virtanen spoke on Monday. Tomas Virtanen said the deal failed. It said the owners were greedy.",
    # a quotation before the pronoun: the names in it are not the speaker's
    'The talks ended. "Tomas Virtanen is a crook," he said.',
    # no source and no subject before it
    "He said the owners were greedy.",
])
def test_no_antecedent_leaves_refers_to_empty(text):
    assert [refers_to for _, refers_to, _ in pronoun_rows(text)] == [""]


@pytest.mark.parametrize("pronoun, source, expected", [
    ("they", "Dock workers", True),
    ("they", "Norway and Chile", True),
    ("they", "The United Provinces", False),  # a name ending in -s is one body
    ("he", "the ministry", False),
    ("he", "ZTV", False),  # an acronym
    ("he", "The Northern Ledger", False),  # a name after "the"
    ("he", "Gen. Amara Diallo", True),
    ("he", "a senior official", True),
    ("it", "Amara Diallo", False),
    ("it", "the spokesman", False),
    ("it", "Veloria", True),  # a lone name may be a state or a person
    ("she", "Veloria", True),
])
def test_agreement(pronoun, source, expected):
    assert agrees(pronoun, source) is expected


@pytest.mark.parametrize("sentence, expected", [
    ("The river authority closed the weir, which it called unsafe.", "The river authority"),
    ("The river authority announced a ban, which it called overdue.", "The river authority"),
    ("On Friday, the guild said it would strike.", "the guild"),
    ("Chile, Norway and Ghana voted against.", "Chile, Norway and Ghana"),
    ('"We will not move," he said.', None),
])
def test_opening_subject(sentence, expected):
    found = opening_subject(sentence)
    assert (found[0] if found else None) == expected


def quantifier_rows(text):
    """The sources table's rows whose source is a quantifier: ``(source, refers_to)``."""
    sources = analyse(text).tables.sources
    quantified = sources[sources["source"].str.lower().isin(["many", "some", "one", "most", "several"])]
    return list(zip(quantified["source"], quantified["refers_to"]))


@pytest.mark.parametrize("text, expected", [
    # a quantifier is some of the plural source its own sentence cites before it
    ("Dockers say the port is unsafe, and many accuse the owners of negligence.", [("many", "Dockers")]),
    ("Tenant unions say rents doubled, and some blame the council for it.", [("some", "Tenant unions")]),
    # with no source before it in its sentence it is people in general: it refers to nothing
    ("Engineers documented cracks in the dam, which some described as a scandal.", [("some", "")]),
    ("Dockers walked out on Monday. Many accuse the owners of negligence.", [("Many", "")]),
])
def test_a_quantifier_source_stands_for_the_plural_source_of_its_sentence(text, expected):
    assert quantifier_rows(text) == expected
