"""The speaker of a reported label: read from attribution's sources, a pronoun as its ``refers_to``."""

from __future__ import annotations

import pandas as pd
import pytest

from framing.scorers.actors import speakers


def sources_table(rows):
    return pd.DataFrame(rows, columns=["doc_id", "sent_id", "source", "source_kind", "cue", "stance", "start", "end",
                                       "refers_to"])


def terms_table(rows):
    return pd.DataFrame(rows, columns=["doc_id", "sent_id", "voice", "start", "end"])


# "Guild members regard him as a saint of the trade, while his rivals call him a crook." (offsets by hand)
TWO_SOURCES = sources_table([
    ("d", 1, "Guild members", "anonymous", "regard as", "neutral", 0, 13, ""),
    ("d", 1, "his rivals", "anonymous", "call", "neutral", 53, 63, ""),
])


@pytest.mark.parametrize("start, end, expected", [
    (30, 34, "Guild members"),  # "saint": after the first source, before the second
    (75, 80, "his rivals"),  # "crook": after both, the nearer one
])
def test_a_label_is_said_by_the_nearest_source_before_it(start, end, expected):
    assert speakers(terms_table([("d", 1, "reported", start, end)]), TWO_SOURCES) == [expected]


def test_a_trailing_source_speaks_for_what_comes_before_it():
    # "The strikers are vandals, the port authority said."
    sources = sources_table([("d", 1, "the port authority", "named", "said", "neutral", 26, 44, "")])
    assert speakers(terms_table([("d", 1, "reported", 16, 23)]), sources) == ["the port authority"]


def test_a_pronoun_is_written_as_what_it_refers_to_else_as_written():
    sources = sources_table([
        ("d", 2, "It", "named", "said", "neutral", 0, 2, "The port authority"),
        ("d", 3, "they", "named", "said", "neutral", 0, 4, ""),
    ])
    terms = terms_table([("d", 2, "reported", 10, 16), ("d", 3, "reported", 10, 16), ("d", 3, "authorial", 20, 24),
                         ("d", 4, "reported", 1, 5)])
    assert speakers(terms, sources) == ["The port authority", "they", "", ""]


def test_a_sources_table_without_refers_to_gives_sources_as_written():
    sources = sources_table([("d", 1, "the port authority", "named", "said", "neutral", 26, 44, "")]).drop(
        columns="refers_to")
    assert speakers(terms_table([("d", 1, "reported", 16, 23)]), sources) == ["the port authority"]


def test_a_source_whose_phrase_holds_the_label_is_passed_over():
    # "Ida Maru, a teacher whom the guild calls a demagogue, denied it." (offsets by hand): the subject of
    # "denied" spans the relative clause; the label is the guild's.
    sources = sources_table([
        ("d", 1, "the guild", "named", "calls", "neutral", 25, 34, ""),
        ("d", 1, "Ida Maru, a teacher whom the guild calls a demagogue", "named", "denied", "neutral", 0, 52, ""),
    ])
    terms = terms_table([("d", 1, "reported", 43, 52)])
    assert speakers(terms, sources) == ["the guild"]
