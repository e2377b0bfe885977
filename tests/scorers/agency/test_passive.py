"""Passive voice per sentence: be/get + past participle, adjectival participles excluded."""

import pytest

from framing.scorers.agency import analyse_sentence


def passive(sentence):
    found = analyse_sentence(sentence)
    return bool(found.passives), any(p.agent is None for p in found.passives)


@pytest.mark.parametrize("sentence, expected", [
    ("The ball was thrown.", (True, True)),
    ("The election was lost by the Republican.", (True, False)),
    ("The politics being discussed were causing a scene.", (True, True)),
    ("If politics were not allowed in the news, there would be no news.", (True, True)),
    ("It is claimed that the talks failed.", (True, True)),
    ("He got arrested at the border.", (True, True)),
    ("It's done.", (True, True)),
    ("The art was well-received by the audience.", (True, False)),
    ("Science was almost destroyed by the ignorant masses.", (True, False)),
    ("Science isn't believed by everyone.", (True, False)),
    ("EVERYONE IS MOLDED BY CULTURE.", (True, False)),
    ("The plan has been written and approved.", (True, True)),
    # not passive
    ("He was tired.", (False, False)),
    ("The office is located in Baghdad.", (False, False)),
    ("She is interested in politics.", (False, False)),
    ("I was very excited about the game.", (False, False)),
    ("The police killed two protesters.", (False, False)),
    ("He has killed before.", (False, False)),
    ("There is a need for change.", (False, False)),
    ("Iran's armed forces attacked the base.", (False, False)),
    ("The president was Ted.", (False, False)),
])
def test_passive_and_agentless_passive(sentence, expected):
    assert passive(sentence) == expected


def test_an_adjectival_participle_with_a_by_agent_is_passive():
    assert passive("She was excited by the news.") == (True, False)
