"""Harm expressions per construction, with the agent and victim each clause states (sentences written for these
tests), and the senses that are not harm."""

import pytest

from framing.scorers.agency import analyse_sentence


def harms(sentence):
    found = analyse_sentence(sentence)
    return [(found.walker.text_of(c.start, c.end), c.construction, c.agent, c.victim) for c in found.harms]


@pytest.mark.parametrize("sentence, expected", [
    # active: the agent is the subject
    ("A US strike killed Soleimani.", ("killed", "active", "A US strike", "Soleimani")),
    ("Police shot two protesters on Friday.", ("shot", "active", "Police", "two protesters")),
    ("Soldiers have killed 12 civilians this week.", ("killed", "active", "Soldiers", "12 civilians")),
    ("The fighting killed more than 1 million people.",
     ("killed", "active", "The fighting", "more than 1 million people")),
    ("Police opened fire, killing two protesters.", ("killing", "active", "Police", "two protesters")),
    ("Trump decided to strike at the militia.", ("strike", "active", "Trump", "the militia")),
    ("They hired an assassin to kill a Saudi diplomat.", ("kill", "active", "an assassin", "a Saudi diplomat")),
    ("Israel strikes Gaza again.", ("strikes", "active", "Israel", "Gaza")),
    ("Security forces arrested dozens of students.", ("arrested", "active", "Security forces",
                                                     "dozens of students")),
    ("Troops took out the commander.", ("took out", "active", "Troops", "the commander")),
    # passive with a by-agent
    ("Soleimani was killed by a US drone.", ("killed", "passive_agent", "a US drone", "Soleimani")),
    ("The journalist was detained by police in Tehran.", ("detained", "passive_agent", "police",
                                                         "The journalist")),
    # agentless passive, reduced relatives included
    ("Three protesters were killed.", ("killed", "agentless_passive", "", "Three protesters")),
    ("He was shot in the head.", ("shot", "agentless_passive", "", "He")),
    ("Two men got arrested outside the embassy.", ("arrested", "agentless_passive", "", "Two men")),
    ("The men killed in the raid were buried on Sunday.", ("killed", "agentless_passive", "", "The men")),
    ("Qassem Soleimani killed in US drone strike", ("killed", "agentless_passive", "", "Qassem Soleimani")),
    ("The commander was neutralised.", ("neutralised", "agentless_passive", "", "The commander")),
    # intransitive: nobody did it
    ("Two protesters died.", ("died", "intransitive", "", "Two protesters")),
    ("Five people lost their lives in the clashes.", ("lost their lives", "intransitive", "", "Five people")),
    ("Hundreds perished at sea.", ("perished", "intransitive", "", "Hundreds")),
    ("The officer succumbed to his injuries.", ("succumbed to his injuries", "intransitive", "", "The officer")),
    # nominal
    ("The killing of Soleimani by the US shocked Iran.", ("killing", "nominal", "the US", "Soleimani")),
    ("Soleimani's assassination angered Tehran.", ("assassination", "nominal", "", "Soleimani")),
    ("His death was announced at noon.", ("death", "nominal", "", "His")),
    ("There were no casualties.", ("casualties", "nominal", "", "")),
    ("The court could justify killing an official.", ("killing", "nominal", "", "an official")),
    ("ISIL performed its most infamous massacre at Camp Speicher.", ("massacre", "nominal", "", "")),
    # adjectival
    ("The dead were buried at dawn.", ("dead", "adjectival", "", "")),
    ("Medics treated wounded civilians.", ("wounded", "adjectival", "", "civilians")),
    ("The families of killed protesters marched.", ("killed", "adjectival", "", "protesters")),
    ("He had been rumored dead several times.", ("dead", "adjectival", "", "He")),
])
def test_construction_agent_and_victim(sentence, expected):
    assert expected in harms(sentence)


def test_both_harms_of_one_sentence_are_found():
    found = harms("Soleimani was killed by a US strike.")
    assert found == [("killed", "passive_agent", "a US strike", "Soleimani"), ("strike", "nominal", "US", "")]


def test_a_coordinated_participle_shares_the_passive():
    found = harms("Soleimani was killed or seriously wounded in Aleppo.")
    assert [(text, construction, victim) for text, construction, _, victim in found] == [
        ("killed", "agentless_passive", "Soleimani"), ("wounded", "agentless_passive", "Soleimani")]


@pytest.mark.parametrize("sentence, word", [
    ("They visited the killing fields.", "killing"),          # a place name, lower case
    ("They visited the Killing Fields near Phnom Penh.", "Killing"),  # a place name
    ("We watched a shooting star.", "shooting"),
    ("The parties struck a deal on Monday.", "struck"),
    ("The court struck down the law.", "struck"),
    ("We must attack the problem at its root.", "attack"),
    ("He suffered a heart attack.", "attack"),
    ("Workers went on strike.", "strike"),
    ("The fund made a killing on oil.", "killing"),
    ("The team executed the plan perfectly.", "executed"),
    ("The reform eliminated tariffs.", "eliminated"),          # a euphemism only with people as victims
    ("They reached a dead end.", "dead"),
    ("The survey found him beating the president in the polls.", "beating"),
    ("Militants planted roadside bombs.", "bombs"),            # weapons, not harm done
])
def test_other_senses_are_not_harm(sentence, word):
    assert word not in [text for text, *_ in harms(sentence)]
