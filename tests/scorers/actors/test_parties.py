"""A document's unnamed parties (framing.scorers.actors.parties): crowd words, the affected, "we" in a quotation,
state forces by a common noun and demonyms before hired fighters — each rule on invented sentences, with ones
that must give no target."""

import pytest

from framing.scorers.actors.parties import DocumentParties, party_of_adjective

from .test_targets import first_label


@pytest.mark.parametrize("texts, civil", [
    (["Marchers filled the avenue.", "The marchers sang.", "Students joined them."], "marchers"),
    (["Protestors and protesters alike were tired."], "protesters"),  # one party, two spellings
    (["Students and marchers met."], None),  # a tie: no party leads
    (["The protests entered a third week."], "protesters"),  # a protest is made by protesters
    (["The council met on Monday."], None),
])
def test_the_civil_party_is_the_crowd_noun_the_document_writes_most(texts, civil):
    assert DocumentParties(texts).civil == civil


@pytest.mark.parametrize("adjective, party", [("loyalist", "loyalists"), ("rebel", "rebels"), ("student", None),
                                              ("angry", None)])
def test_another_partys_adjective_names_that_party(adjective, party):
    assert party_of_adjective(adjective) == party


@pytest.mark.parametrize("text, term, target, relation", [
    # crowd words for the document's civil party: bare, indefinite, definite, quantified, after a label
    ("Looters raid the port of Veloria. Protesters had gathered there since dawn.", "looters", "protesters",
     "referent"),
    ("Demonstrators marched on the palace. By night a furious mob had broken the gates.", "mob", "demonstrators",
     "referent"),
    ("Demonstrators marched on the palace. By night a furious mob had broken the gates.", "furious",
     "demonstrators", "referent"),
    ("Students occupied the campus. Then the rampaging crowd burned the library.", "rampaging", "students",
     "referent"),
    ("Students occupied the campus. Police fought groups of rioters near the gate.", "rioters", "students",
     "referent"),
    ("Marchers reached the square. The minister denounced the extremist looters.", "extremist", "marchers",
     "referent"),
    # another party's adjective before the crowd word names that party
    ("Protesters held the square until a loyalist mob attacked the tents.", "mob", "loyalists", "referent"),
])
def test_a_crowd_word_stands_for_the_story_crowd(link, text, term, target, relation):
    assert first_label(link(text), term) == (target, relation)


@pytest.mark.parametrize("text, term", [
    ("The town council debated the budget. Rioters are a problem for any city.", "rioters"),  # no crowd party
    ("Protesters marched. Every mob believes it is the people.", "mob"),  # generic
    ("Protesters marched. The minister warned of mob rule.", "mob"),  # "mob rule" is no crowd
])
def test_a_crowd_word_with_no_party_or_generic_gets_no_target(link, text, term):
    assert first_label(link(text), term) == ("", "")


@pytest.mark.parametrize("text, term, target", [
    ("Protesters clashed with police on Friday. The minister described some of those arrested as hooligans.",
     "hooligans", "protesters"),
    ("Demonstrators were shot at the bridge. Families buried the dead, whom they call martyrs.", "martyrs",
     "demonstrators"),
])
def test_the_affected_of_the_story_are_its_crowd(link, text, term, target):
    assert first_label(link(text), term)[0] == target


def test_the_affected_in_a_story_without_a_crowd_are_nobody(link):
    assert first_label(link("A storm hit the coast. The mayor described some of those arrested as hooligans."),
                       "hooligans") == ("", "")


@pytest.mark.parametrize("text, target", [
    ('Protesters blocked the road. One protester, a nurse, said: "We are not thugs."', "protesters"),
    # a private person quoted in a crowd's story speaks for the crowd: a person's noun, or an age
    ('Protesters blocked the road. A farmer, Ode Lamu, said: "We are not thugs."', "protesters"),
    ('Protesters blocked the road. "We are not thugs," said Ode Lamu, 52.', ""),  # a bare number is no age
    ('Protesters blocked the road. "We are not thugs," said Ode Lamu, a 52-year-old.', "protesters"),
    # … not an official: his "we" is his side's, which this rule does not know
    ('Protesters blocked the road. A police spokesman, Ode Lamu, a 52-year-old, said: "We are not thugs."', ""),
    ('Protesters blocked the road. We are not thugs, the protester wrote.', ""),  # no quotation
])
def test_we_in_a_quotation_is_the_speakers_party_when_the_sentence_says_so(link, text, target):
    assert first_label(link(text), "thugs")[0] == target


@pytest.mark.parametrize("text, term, target, relation", [
    # state forces by a common noun keep the noun that names them: "riot police", "police force"
    ("The riot police, thugs in grey helmets, have beaten hundreds.", "thugs", "riot police", "appositive"),
    ("Rights groups condemned a brutal police force in the capital.", "brutal", "police force", "premodifier"),
])
def test_state_forces_named_by_a_common_noun(link, text, term, target, relation):
    assert first_label(link(text), term) == (target, relation)


def test_a_list_after_a_comma_is_no_appositive(link):
    assert first_label(link("Police detained the leaders, thugs and soldiers, and others."), "thugs") == ("", "")


@pytest.mark.parametrize("text, target", [
    # a demonym before hired fighters: the non-state group the context names, not the state
    ("The Korvan Legion arrived in March. Locals feared Russian mercenaries more than the army.", "Korvan Legion"),
    ("Locals feared Russian mercenaries more than the army.", ""),  # no group in view: nobody, not Russia
    ("Russian terrorists attacked the station.", "Russia"),  # another noun keeps the state
])
def test_a_demonym_before_hired_fighters_names_their_group(link, text, target):
    term = "mercenaries" if "mercenaries" in text else "terrorists"
    assert first_label(link(text), term)[0] == target
