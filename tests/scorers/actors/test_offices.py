"""Unnamed office-holders: a definite office in a document that never names its holder is a person of its own."""

import pytest

from .test_targets import first_label


@pytest.mark.parametrize("text, term, expected", [
    # the holder is never named: the office is the actor, in any construction
    ("Students marched on Monday. Critics say the president is a tyrant.", "tyrant", ("the president", "copula")),
    ("The prime minister, a zealot by any measure, spoke on Monday.", "zealot", ("the prime minister", "appositive")),
    # a document that names the holder ("President Ana Ruiz") leaves "the president" to the context rule
    ("President Ana Ruiz spoke on Monday. Critics say the president is a tyrant.", "tyrant", ("Ana Ruiz", "copula")),
])
def test_an_unnamed_office_holder_is_an_actor_of_his_own(link, text, term, expected):
    assert first_label(link(text), term) == expected
