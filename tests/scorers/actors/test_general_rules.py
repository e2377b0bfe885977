"""The general rules of English news syntax the linker applies beyond the six constructions' plain forms, each on
sentences written for these tests: one that links and one that must not."""

import pytest

from framing.scorers.actors import alias_book, sentence_mentions
from framing.scorers.actors.scorer import _document_mentions

from .test_targets import first_label


def mentions_of(text):
    return [(m.text, m.key, m.shape) for m in sentence_mentions(text, alias_book(()))]


@pytest.mark.parametrize("text, expected", [
    # a nickname in quotation marks between first and last name: one person, keyed without the nickname
    ('Police sought Omar "Hawk" Dahir on Monday.', [('Omar "Hawk" Dahir', "Omar Dahir", "person")]),
    # a quoted word after a verb between two names is no nickname
    ('Omar Dahir said "Hawk" Farah Yusuf had left.', [("Omar Dahir", "Omar Dahir", "person"),
                                                   ("Farah Yusuf", "Farah Yusuf", "person")]),
])
def test_a_nickname_inside_a_name_makes_one_person(text, expected):
    assert mentions_of(text) == expected


@pytest.mark.parametrize("text, shape", [
    ("He spent a decade in the slums of Cité Bleue.", "other"),  # a place noun's "of": a place
    ("Aid workers waited outside Port Lanver for days.", "other"),  # a preposition of place
    ("Life in Bashar Haddad's Syria is hard.", "person"),  # a possessive after "in" is the owner, a person
])
def test_an_unknown_name_in_a_place_slot_is_a_place(text, shape):
    assert mentions_of(text)[0][2] == shape


@pytest.mark.parametrize("text, term, target, relation", [
    # a collective noun and "of" before the label: the construction before the collective applies
    ('The minister said the Rahanweyn Front was "a clique of traitors and extremists".', "traitors",
     "Rahanweyn Front", "copula"),
    ('The minister said the Rahanweyn Front was "a clique of traitors and extremists".', "extremists",
     "Rahanweyn Front", "copula"),
    ("A clique of traitors ran the ministry for years.", "traitors", "", ""),  # no subject, no actor
    # "whose": the owner before the comma (an actor's leaders are the actor), past a bracketed acronym
    ("The cabinet fought the Ogaden Liberation Front (OLF), whose leaders it has branded traitors.", "traitors",
     "Ogaden Liberation Front", "naming"),
    # a bracketed acronym after the named object of a naming verb
    ("Lawmakers urged the cabinet to designate the Northern Defence Corps (NDC) a terrorist organisation.",
     "terrorist", "Northern Defence Corps", "naming"),
    # "refer to X as": the object after "to"
    ('State media referred to students as "rioters".', "rioters", "students", "naming"),
    # an actor noun that modifies another gives way to the head: the appositive is about the man
    ("Omar Dahir, a notorious former police officer, fled north.", "notorious", "Omar Dahir", "appositive"),
    # a party modifier before "leaders" makes a party: the gang leaders, the separatist leaders
    ("Officials described the gang leaders as terrorists.", "terrorists", "gang leaders", "naming"),
    ("The separatist leaders were war criminals, the minister said.", "war criminals", "separatist leaders",
     "copula"),
    ("Officials described the leaders as terrorists.", "terrorists", "", ""),  # anybody's leaders
    # a noun heading an indefinite phrase after "be" or "as" says what its subject or object is
    ("Critics say Spain is a police state.", "police state", "Spain", "copula"),
    ("Critics say Spain is not a police state.", "police state", "Spain", "copula"),
    ("The envoy described Iran as a police state.", "police state", "Iran", "naming"),
    # … but an act stays an act: a side's word for its own strikes, or violence, labels no one
    ("France described the strikes as a proportionate response.", "proportionate response", "", ""),
    ("Spain said it was a massacre.", "massacre", "", ""),
    # a person's noun without an agent's ending heads the label's phrase
    ("Police killed Rolando Cruz, a notorious drug lord, on Friday.", "notorious", "Rolando Cruz", "appositive"),
    ("A far-left deputy, Helene Marchand, called for a vote.", "far-left", "Helene Marchand", "appositive"),
    # attackers and lawmakers are parties of a story, like protesters and soldiers
    ('The senator called the attackers "domestic terrorists".', "terrorists", "attackers", "naming"),
    ("The lawmakers were traitors, the general said.", "traitors", "lawmakers", "copula"),
    # "these people", "those men" point back like "they"
    ("Al-Shabaab fighters attacked the base. These men are terrorists, the governor said.", "terrorists",
     "al-Shabaab", "copula"),
    ("Al-Shabaab fighters attacked the base. These young men are terrorists, the governor said.", "terrorists",
     "al-Shabaab", "copula"),
    # a loaded word written with a capital is no name, nor is a day
    ("Rampaging rioters storm Congress as police flee", "rioters", "", ""),
    ("FRENZIED mob trashes palace", "mob", "", ""),
    ("Police arrested the ringleaders of Wednesday's riots.", "riots", "", ""),
    # a state's office with describing words or a status before it: "former" makes another holder
    ("Brazil's leftist president condemned the attack.", "leftist", "Brazilian president", "premodifier"),
    ("Brazil's former president, a far-right populist, flew to Florida.", "far-right", "Brazilian former president",
     "appositive"),
    # an adjective before a label noun says the same of the same actor
    ("Critics say Maduro is a brutal tyrant.", "brutal", "Maduro", "copula"),
    # "one of" after a copula; a relative clause inside an indefinite appositive is about the appositive's owner
    ("Albino Sitoe is one of the most dangerous demagogues in the country.", "demagogues", "Albino Sitoe", "copula"),
    ("Albino Sitoe, a former teacher whom the government calls a demagogue, denied it.", "demagogue",
     "Albino Sitoe", "naming"),
    ("Albino Sitoe, a teacher who became a hero to the miners, denied it.", "hero", "Albino Sitoe", "copula"),
    # a word that opens a quotation belongs to the quoted phrase, even in a verb's form
    ('State television called the demonstrators "paid agitators".', "agitators", "demonstrators", "naming"),
    ('State television called the demonstrators "trained provocateurs".', "provocateurs", "demonstrators",
     "naming"),
    ("Police killed terrorists near the border.", "terrorists", "", ""),  # outside a quotation: the verb
    # a relative clause between a naming verb's object and "as"
    ('The minister described the protesters who threw stones at police as "provocateurs".', "provocateurs",
     "protesters", "naming"),
    # a plural possessive is one word: an actor's leaders are the actor
    ('The president referred to the students\' leaders as "terrorists".', "terrorists", "students", "naming"),
    ("The separatists' propaganda machine worked overtime.", "propaganda", "separatists", "possessive"),
    # a possessive that names no actor is part of the label's phrase: the naming verb's or the copula's object
    ('Albino Sitoe spoke. His supporters call him "the people\'s hero".', "hero", "Albino Sitoe", "naming"),
    ("Albino Sitoe spoke. He is the nation's hero.", "hero", "Albino Sitoe", "copula"),
    ("Bashar Haddad spoke. Life under Bashar Haddad's regime is hard.", "regime", "Bashar Haddad", "possessive"),
    # a relative clause ending before a copula: its subject is what the relative word stands for
    ('A witness said the protesters who marched on Port Lanver were "heroes".', "heroes", "protesters", "copula"),
    ("In Port Lanver, anyone who marches against the government is a terrorist.", "terrorist", "", ""),
    # a party heading a phrase that goes on with a preposition: the party, not the place after it
    ("The brave protesters of Port Lanver are not traitors.", "traitors", "protesters", "copula"),
    ("The Rahanweyn Front fighters of Port Lanver are not traitors.", "traitors", "Rahanweyn Front", "copula"),
    # an adjective between a term and a party noun: the party's ("young protesters" is no verb after "young")
    ("Furious young protesters set the parliament ablaze.", "furious", "protesters", "premodifier"),
    ("Soldiers neutralise 203 terrorists of the Rahanweyn Front", "neutralise", "", ""),  # a verb, a number
    # a noun that says which party sits between "the" and a label as an adjective would ("the coup regime")
    ("Bolivia held a vote. Critics say the coup regime must go.", "regime", "Bolivia", "referent"),
    # an appositive set off by dashes, like one set off by commas
    ("Port Lanver banned Facebook. The prime minister - a veteran communist whom critics call an arrogant "
     "autocrat - quit.", "autocrat", "the prime minister", "naming"),
])
def test_rule_links_or_declines(link, text, term, target, relation):
    assert first_label(link("The talks ended on Friday. " + text), term) == (target, relation)


@pytest.mark.parametrize("text, term, target", [
    # a plural pronoun whose clause names no group takes the party phrase the sentence has just named
    ("The new cabinet must disarm the gangs and bring their bloodstained bosses to trial.", "bloodstained",
     "gangs"),
    # a clause that names a group keeps the context rule: the group, not the party phrase
    ("Al-Shabaab fought the gangs, and their fanatics burned the market.", "fanatics", "al-Shabaab"),
])
def test_a_plural_pronoun_takes_the_party_its_sentence_names(link, text, term, target):
    assert first_label(link("The talks ended on Friday. " + text), term)[0] == target


@pytest.mark.parametrize("text, term, target", [
    # "the group's": a definite description in the possessive resolves like the description itself
    ("The Ogaden Front attacked a convoy. Officials said the group's propaganda had fooled nobody.",
     "propaganda", "Ogaden Front"),
    # a role's possessive before an act names the victim, not the doer
    ("Omar Dahir spoke on Monday. The president's assassination shocked the city.", "assassination", ""),
    # what follows "said" is the reported clause: the speaker's own place is no antecedent of "the government"
    ("Iran jailed thousands. Omar Dahir, a sociologist in Germany, said the government's brutality had failed.",
     "brutality", "Iran"),
])
def test_a_definite_possessive_owner_resolves_by_the_context_rule(link, text, term, target):
    assert first_label(link("The talks ended on Friday. " + text), term)[0] == target


@pytest.mark.parametrize("text, term, target, relation", [
    # a state's office-holder named by the office is a person of his own, and the pronoun and label after it
    ("France's president, a dynastic autocrat, rules by decree.", "autocrat", "French president", "appositive"),
    ("France's president rules by decree. His regime jails reporters.", "regime", "French president",
     "possessive"),
    # a double object: the label heads its phrase before the second object's determiner
    ("France's president rules by decree. Critics called the autocrat a thief.", "autocrat", "French president",
     "referent"),
    # a label's participle after "be" is said of the subject; any other verb form labels nobody
    ("Seven members of the Ogaden Front were martyred on Sunday.", "martyred", "Ogaden Front", "copula"),
    ("Omar Dahir masterminded the plot.", "masterminded", "", ""),
    # a single unknown word the document writes after "the" is a group's name, the owner of "the X of …"
    ("Hundreds joined the Harakat. The martyrs of the Harakat were buried at dawn.", "martyrs", "Harakat",
     "possessive"),
    ("Floods hit the Harakat valley. The martyrs of the Harakat were buried at dawn.", "martyrs", "", ""),
])
def test_office_holders_participles_and_named_groups(link, text, term, target, relation):
    assert first_label(link("The talks ended on Friday. " + text), term) == (target, relation)


def test_a_name_particle_after_a_hyphen_stays_in_the_name():
    assert mentions_of("Critics met the Mujahedin-e Khalq Organisation.")[0][0] == "Mujahedin-e Khalq Organisation"


def test_an_office_of_something_else_makes_no_office_holder():
    # "the president of the senate" holds an office of the senate, not of the state
    assert mentions_of("France's president of the senate resigned.")[0][:2] == ("France", "France")


@pytest.mark.parametrize("text, term, target, relation", [
    # "the paramilitary" is a body: the context names it
    ('The Ogaden Front burned the town. The army called the paramilitary "a terrorist militia".', "terrorist",
     "Ogaden Front", "naming"),
    # an unknown creed or place adjective before a label says what kind, not whose: the copula decides
    ("Omar Dahir spoke on Monday. He said the Ogaden Front leaders were Salafist hardliners.", "hardliners",
     "Ogaden Front", "copula"),
    # a possessive pronoun before a party phrase makes the party its owner's people
    ("The Ogaden Front holds the north. Its savage fighters burned the market.", "savage", "Ogaden Front",
     "possessive"),
    ("The Ogaden Front holds the north. The savage fighters burned the market.", "savage", "fighters",
     "premodifier"),
    # "the president of X" is an office-holder; a label resolved to him after an adverb in -ly
    ("For years the president of France has jailed critics. This month the tyrant finally met a crowd.", "tyrant",
     "French president", "referent"),
    # "entity" is said of a state or a body, never of a person
    ("Omar Dahir spoke about Israel on Monday. He said the Zionist entity would fall.", "zionist entity",
     "Israel", "referent"),
])
def test_bodies_kinds_owners_and_offices(link, text, term, target, relation):
    assert first_label(link("The talks ended on Friday. " + text), term) == (target, relation)


@pytest.mark.parametrize("text, target", [
    ('A senator called the police "brutal" after the march.', "police"),  # the object of a naming verb
    ('A senator called the raid "brutal" after the march.', ""),  # an object that names no one
])
def test_an_adjective_complement_of_a_naming_verb_is_said_of_its_object(link, text, target):
    assert first_label(link(text), "brutal")[0] == target


@pytest.mark.parametrize("text, expected", [
    ("Frightened MPs fled the chamber.", []),  # a plural acronym is a class; the capital before it an adjective's
    ("The speaker said MPs would vote on Friday.", []),
    ("Grey-haired Dawit Mekonnen spoke first.", [("Dawit Mekonnen", "Dawit Mekonnen", "person")]),
])
def test_a_plural_acronym_is_no_name(text, expected):
    assert [(t, k, s) for t, k, s in mentions_of(text) if s != "other"] == expected


@pytest.mark.parametrize("texts, word, shape", [
    # a lone name after "the" is a group's ("the Ravenna said") …
    (["Rebels of the Ravenna said the truce was over."], "Ravenna", "group"),
    # … not where the document writes it as a place, nor where "the" is inside a longer name
    (["Convoys crossed into the Ravenna at dawn.", "The Ravenna said the truce was over."], "Ravenna", "other"),
    (["Fighters of the Free Army of Dorn and the Ravenna withdrew."], "Ravenna", "other"),
])
def test_a_lone_name_after_the_is_a_group_unless_a_place_or_part_of_a_name(texts, word, shape):
    found = _document_mentions([(k, 0, text) for k, text in enumerate(texts)], alias_book(()))
    assert {m.shape for mentions in found for m in mentions if m.key == word} == {shape}


def test_a_capital_before_a_plural_acronym_at_the_opening_is_no_name():
    assert mentions_of("Furious MPs shouted down the minister.") == []


def test_the_agency_of_a_wire_dateline_is_no_antecedent(link):
    hits = link("BRASILIA, Brazil (AP) - Thousands of supporters of Brazil's former president stormed Congress on "
                "Sunday, smashing windows and setting fires. The president, who took office a week earlier, called "
                'the rioters "fascist fanatics" and vowed to punish them.')
    # the crowd the story names, not the agency that filed it
    assert first_label(hits, "rioters") == ("supporters", "referent")
    assert "AP" not in set(hits["target"])


def test_a_leaders_supporters_in_the_streets_are_the_storys_crowd(link):
    hits = link("Thousands of supporters of the former president stormed the parliament on Sunday. Police said "
                "the rioters smashed windows, and the supporters later marched to the palace.")
    assert first_label(hits, "rioters") == ("supporters", "referent")
