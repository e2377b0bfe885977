"""The rules of issue 17's second pass: any loaded term said of an actor, party phrases, definite and pronoun
slots, passive and fronted naming, the clause of a reported label, and the words that are no actor's name.
Sentences written for these tests; each opens with an ordinary sentence (a first line of names may be read as a
byline)."""

import pytest

from framing.phrases import PhraseWalker, tokenize
from framing.scorers.actors.uses import is_agent, term_use

OPENING = "The talks ended on Friday. "


def target_of(link, text, term):
    hits = link(OPENING + text)
    row = hits[hits["term"].str.lower() == term].iloc[0]
    return row["target"], row["relation"]


@pytest.mark.parametrize("text, term, target, relation", [
    # any category, used of an actor: before a name, before an actor noun, predicative, an agent noun
    ("Officials blamed the so-called Free Homeland Brigade for the attack.", "so-called", "Free Homeland Brigade",
     "premodifier"),
    ("Al-Shabaab, the notorious jihadist movement, claimed the attack.", "notorious", "al-Shabaab", "appositive"),
    ("Nicolás Maduro is not a president; he is a usurper.", "usurper", "Nicolás Maduro", "copula"),
    ("Farah said Omar Abdi Warsame was reckless.", "reckless", "Omar Abdi Warsame", "copula"),
    # an act's doer by a possessive, or "of" for words
    ("Critics mocked Beijing's propaganda.", "propaganda", "China", "possessive"),
    # party phrases in a slot, with a modifier, in the object of a naming verb, behind quotation marks
    ("The minister called the deserters mercenaries.", "mercenaries", "deserters", "naming"),
    ('State television branded the protesters "rioters".', "rioters", "protesters", "naming"),
    ('Protest leaders call the military rulers "terrorists".', "terrorists", "military rulers", "naming"),
    ('Residents said the protesters were "a mob".', "mob", "protesters", "copula"),
    ("Myanmar's ruthless generals opened fire.", "ruthless", "generals", "premodifier"),
    ("The junta's thugs beat the crowd.", "thugs", "junta", "possessive"),
    # definite and pronoun slots resolve by the context rule
    ("Al-Shabaab bombed the ministry. The United States designated the group a terrorist organisation.",
     "terrorist", "al-Shabaab", "naming"),
    ("Al-Shabaab bombed the ministry. The group has been designated a terrorist organisation.", "terrorist",
     "al-Shabaab", "naming"),
    # a fronted object: a relative's antecedent, or a noun before a pronoun subject
    ("Maduro, whom fifty countries consider an illegitimate president, held on.", "illegitimate", "Maduro",
     "naming"),
    ("The footage was staged by the White Helmets, a rescue group it calls a terrorist front.", "terrorist",
     "White Helmets", "naming"),
    # the body noun between a label and a name; the "of" owner past "so-called"
    ("Members of the terrorist group PDF destroyed a bridge.", "terrorist", "PDF", "premodifier"),
    ("Troops cleared mines left by the terrorists of the so-called Jaish al-Islam.", "terrorists",
     "Jaish al-Islam", "possessive"),
    # a headline in capitals is no name; an unknown adjective before a body noun is a body
    ("BUTCHER OF DAMASCUS: Assad gasses kids", "butcher", "Assad", "appositive"),
    ("The president said the heroic Bolivarian militia would fight.", "heroic", "Bolivarian militia", "premodifier"),
    # reporting verbs end a subject: "Campaigners said Assad was …" is about Assad
    ("Campaigners said Bashar al-Assad was a mass murderer.", "murderer", "Bashar al-Assad", "copula"),
])
def test_second_pass_rules_link_the_term(link, text, term, target, relation):
    assert target_of(link, text, term) == (target, relation)


@pytest.mark.parametrize("text, term", [
    # acts and events get no target without a possessive; violence "of" someone names the victim
    ("The attack was a massacre.", "massacre"),
    ("Police faced extreme violence at the airport.", "extreme"),
    ("Witnesses described a scene of carnage.", "carnage"),
    ("Crowds mourned the slaughter of the Rohingya villagers.", "slaughter"),
    ("He denounced the assassination of Qasem Soleimani.", "assassination"),
    # a verb, a phrasal verb and a title are no describers
    ("Foreign forces sought to destabilise China.", "destabilise"),
    ("BLOODBATH IN YANGON: Myanmar's ruthless generals gun down teenagers", "gun down"),
    ('And now comes "Toxic Parents."', "toxic"),
    ("An outlandish Quds Force plot was foiled.", "outlandish"),
    # generic or quantified, and bystanders: no target
    ("The army would fight until the last terrorist was expelled.", "terrorist"),
    ("Maduro rules the way strongmen always do.", "strongmen"),
    ("The men were described as thugs.", "thugs"),
    # "called out" is not naming (a possessive before the act would tie it: "Trump's violent rhetoric"); a
    # possessive before a head that is no member ("Bevin's downplaying")
    ("Cohen called out Donald Trump over violent rhetoric.", "rhetoric"),
    ("Matt Bevin's downplaying of vaccines is reckless.", "reckless"),
    # an appositive is a determined phrase, closed by a comma: not a fronted phrase, not a list
    ("Borrowing from Hillary Clinton, leftist Italian media attacked the plan.", "leftist"),
    # the speaker and hearer of a frame are not what its reported label is about
    ("A military source told SANA that the terrorist group had shelled Damascus.", "terrorist"),
])
def test_second_pass_rules_give_no_target(link, text, term):
    assert target_of(link, text, term) == ("", "")


def test_a_person_label_of_a_state_is_a_person_of_it(link):
    text = "Min Aung Hlaing seized power in February. The tyrant of Naypyidaw should be indicted."
    assert target_of(link, text, "tyrant") == ("Min Aung Hlaing", "referent")


@pytest.mark.parametrize("sentence, term, use", [
    ("he is a usurper", "usurper", "describer"),
    ("describe its leaders as reckless", "reckless", "describer"),
    ("the notorious jihadist movement", "notorious", "label"),
    ("a staged provocation", "provocation", "act"),
    ("Trump's violent rhetoric about protesters", "rhetoric", "act"),
])
def test_term_use(sentence, term, use):
    walker = PhraseWalker(sentence, tokenize(sentence, []))
    k = next(i for i, token in enumerate(walker.tokens) if token.lower == term)
    assert term_use(walker, k, k, "hyperbole", term).use == use


@pytest.mark.parametrize("word, agent", [("usurper", True), ("liberators", True), ("colonialist", True),
                                         ("order", False), ("horror", False), ("massacre", False)])
def test_agent_nouns_by_their_ending(word, agent):
    assert is_agent(word) is agent
