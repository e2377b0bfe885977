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


@pytest.mark.parametrize("text, term, expected", [
    # an unnamed office is keyed by the document's most mentioned state: its demonym and the office
    ("Peru's congress met. Peru's courts sat. Critics say the president is a tyrant.", "tyrant",
     ("Peruvian president", "copula")),
    ("Strikes spread across France. The interior minister, a zealot, spoke on Monday.", "zealot",
     ("French interior minister", "appositive")),
    # a state whose actors-file entry has no demonym: "president of X"
    ("Albania held a vote. Critics say the president is a tyrant.", "tyrant", ("president of Albania", "copula")),
    # the headline's state is the document's, however often the body mentions another
    ("Cuba jails protesters\n\nThe United States condemned it. The United States wants talks. Critics say the "
     "president is a tyrant.", "tyrant", ("Cuban president", "copula")),
    # two states mentioned equally: no state is the document's, the bare office stays
    ("France and Chile signed a deal. Critics say the president is a tyrant.", "tyrant", ("the president", "copula")),
    # a sentence set in a state ("In Lima, …") gives its offices that state, whatever the document's leading one
    ("Chile sent troops. Chile closed its border. In Lima, crowds called the president a traitor.", "traitor",
     ("Peruvian president", "naming")),
    # an army or security chief, a vice-president and a leader are offices too, and an ousted, deposed, outgoing
    # or new holder is another holder, as a former one is
    ("Peru's congress met. Peru's courts sat. Critics hailed the army chief as a saviour.", "saviour",
     ("Peruvian army chief", "naming")),
    ("Peru's congress met. Peru's courts sat. The vice-president, a zealot, spoke.", "zealot",
     ("Peruvian vice-president", "appositive")),
    ("Peru's congress met. Peru's courts sat. Critics called the ousted leader a tyrant.", "tyrant",
     ("Peruvian ousted leader", "naming")),
    ("Peru's congress met. Peru's courts sat. Critics say the new president is a tyrant.", "tyrant",
     ("Peruvian new president", "copula")),
    # an office named with its state is keyed the same way
    ("Belarus voted. The president of Belarus, a ruthless autocrat, won.", "autocrat",
     ("Belarusian president", "appositive")),
    # an unnamed office-holder owns what he says or does
    ("Strikes spread across France. The interior minister's rhetoric angered the unions.", "rhetoric",
     ("French interior minister", "possessive")),
    # across modifiers, a scare-quoted one included
    ('Protests spread across Chile. Critics said the president\'s "war" rhetoric would backfire.', "rhetoric",
     ("Chilean president", "possessive")),
    ("Beijing's relentless propaganda filled the airwaves.", "propaganda", ("China", "possessive")),
    # an event noun in -ion may be done to him: no target
    ("Protests spread across Peru. The president's assassination shocked the capital.", "assassination", ("", "")),
    # a leader's government is his state, "the party's" the ruling party's, the state
    ("Protests shook Chile. The president spoke. Critics called his government authoritarian.", "authoritarian",
     ("Chile", "naming")),
    ("Riots shook Bangladesh. Students said the attackers acted as the party's henchmen.", "henchmen",
     ("Bangladesh", "possessive")),
])
def test_an_unnamed_office_is_keyed_by_its_state_and_owns_its_acts(link, text, term, expected):
    assert first_label(link(text), term) == expected
