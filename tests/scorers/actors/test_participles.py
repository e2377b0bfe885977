"""A loaded verb's participle after "be": a label said of the subject only for the label categories."""

import pytest

from .test_targets import first_label


@pytest.mark.parametrize("text, term, target, relation", [
    ("Seven members of the Ogaden Front were martyred on Sunday.", "martyred", "Ogaden Front", "copula"),
    # an act's passive: the subject is what was done, not who is labelled
    ("The Ogaden Front offensive was reportedly orchestrated by Omar Dahir.", "orchestrated", "", ""),
    ("The raid on Kismayo was masterminded by Omar Dahir.", "masterminded", "", ""),
])
def test_only_a_label_participle_after_be_is_a_copula(link, text, term, target, relation):
    assert first_label(link("The talks ended on Friday. " + text), term) == (target, relation)
