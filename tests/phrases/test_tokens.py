from importlib.resources import files

import pytest

from framing.phrases import (Token, is_cap, is_participle, is_proper, plural_demonym, tokenize, word_class,
                              word_classes)
from framing.phrases.words import DEFINITE, MONTHS_AND_DAYS, TITLE_ABBREVIATIONS


def test_word_classes_file_has_a_provenance_line_and_a_comment_per_class():
    lines = files("framing.data").joinpath("word_classes.toml").read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("# framing word classes") and "CC BY 4.0" in lines[0]
    for k, line in enumerate(lines):
        if line.endswith("= ["):
            assert lines[k - 1].startswith("# "), line


def test_word_classes_are_frozensets_of_lower_case_words():
    assert DEFINITE == frozenset({"the", "this", "that", "these", "those"})
    assert "Monday" in MONTHS_AND_DAYS and TITLE_ABBREVIATIONS[:3] == ("Mr", "Mrs", "Ms")
    for name, words in word_classes().items():
        if name != "TITLE_ABBREVIATIONS":
            assert all(word == word.lower() and " " not in word for word in words), name
    with pytest.raises(Exception, match="no word class"):
        word_class("NO_SUCH_CLASS")


def test_tokens_keep_titles_initialisms_and_inner_apostrophes_whole():
    tokens = tokenize("Gen. Petraeus told the U.S. envoy Iran’s al-Sadr won't", [])
    assert [t.text for t in tokens] == ["Gen.", "Petraeus", "told", "the", "U.S.", "envoy", "Iran’s", "al-Sadr",
                                        "won't"]
    assert tokens[6].lower == "iran's"
    assert (tokens[1].start, tokens[1].end) == (5, 13)


@pytest.mark.parametrize("text, words", [
    ("the students' leaders", ["the", "students'", "leaders"]),  # a plural possessive is one word
    ("the separatists’ propaganda", ["the", "separatists’", "propaganda"]),
    # … unless its apostrophe closes a single quotation
    ("the so-called 'rebels' said", ["the", "so-called", "'", "rebels", "'", "said"]),
    ("'We are not rioters,' he said", ["'", "We", "are", "not", "rioters", ",", "'", "he", "said"]),
    ("the protesters' camp", ["the", "protesters'", "camp"]),
    ("he met the protesters' .", ["he", "met", "the", "protesters", "'", "."]),  # no word after it
])
def test_plural_possessives_are_one_token(text, words):
    tokens = tokenize(text, [])
    assert [t.text for t in tokens] == words
    assert all(text[t.start:t.end] == t.text for t in tokens)


def test_a_plural_possessive_is_lower_cased_with_a_straight_apostrophe():
    assert tokenize("the Separatists’ line", [])[1].lower == "separatists'"


def test_tokens_inside_a_quotation_are_quoted_but_not_its_marks():
    sentence = 'He said "we will win" today.'
    tokens = tokenize(sentence, [(8, 21)])
    assert [(t.text, t.quoted) for t in tokens] == [("He", False), ("said", False), ('"', False), ("we", True),
                                                    ("will", True), ("win", True), ('"', False), ("today", False),
                                                    (".", False)]
    assert tokens[3] == Token("we", "we", 9, 11, True)


def test_capitalised_and_proper_words():
    tokens = tokenize("Witnesses said Reuters, Iranian media and al-Sadr spoke on Monday.", [])
    proper = {t.text for k, t in enumerate(tokens) if is_proper(t, k)}
    # A sentence-initial common noun, a demonym and a month are capitalised but no names.
    assert proper == {"Reuters", "al-Sadr"}
    assert is_cap(tokens[0]) and is_cap(tokens[4]) and is_cap(tokens[7]) and not is_cap(tokens[8])


@pytest.mark.parametrize("word, demonym", [
    ("iraqis", True), ("saudis", True), ("somalis", True), ("lebanese", True), ("americans", True),
    ("harris", False), ("morris", False), ("davis", False), ("desantis", False), ("this", False),
    ("crisis", False), ("analysis", False),
])
def test_only_the_plurals_of_demonyms_are_plural_demonyms(word, demonym):
    assert plural_demonym(word) is demonym


@pytest.mark.parametrize("word, participle", [
    ("killed", True), ("seen", True), ("taken", True), ("said", True),
    ("men", False), ("gunmen", False), ("women", False), ("children", False),
])
def test_plurals_in_men_and_dren_are_not_participles(word, participle):
    assert is_participle(word) is participle


def test_a_name_ending_in_is_is_proper():
    tokens = tokenize("Senator Harris spoke", [])
    assert is_proper(tokens[1], 1)
