"""Who speaks through a cue: naming verbs without "as", fronted objects, accounts, relative clauses, pronouns."""

from __future__ import annotations

import pytest

from tests.scorers.attribution.texts import analyse, voices
from framing.scorers.attribution import attribute_text


def source_of(sentence):
    scored = attribute_text(sentence).iloc[0]
    return scored["source"], scored["source_kind"], scored["cue"]


@pytest.mark.parametrize("sentence, expected", [
    # "designate Y Z" names like "call Y Z", active (a headline too) and passive with its agent
    ("The council designated the Vorn Brigade a terrorist group in 2030.",
     ("The council", "named", "designated")),
    ("The parliament designates Vorn Brigade a terrorist group", ("The parliament", "named", "designates")),
    ("The brigade has been designated a terrorist group by Norway and Chile.",
     ("Norway and Chile", "named", "designated")),
    # no agent, no source
    ("The brigade has been designated a terrorist group.", ("", "none", "")),
    # "by telephone" says how, not who: the subject speaks; a participle before a real agent stays a passive
    ('"We will win," she said by telephone from Lanver.', ("she", "named", "said")),
    ("The grounds cited by the Lanver council were weak.", ("the Lanver council", "named", "cited")),
    # a cue in -ing after "be" is a finite verb with its subject on its left, not a participle
    ("The minister is describing the strikers as thugs.", ("The minister", "named", "describing as")),
    # "write" reports only with a clause or a frame: writing a page of history reports nothing
    ("Our soldiers are writing a glorious page in the history of the nation.", ("", "none", "")),
    ("Our soldiers wrote a glorious page in the history of the nation.", ("", "none", "")),
    ("'They are thugs,' wrote columnist Ana Ruiz in a profile.", ("columnist Ana Ruiz", "named", "wrote")),
    # "accused of" after a fronted relative object names an accuser; a bare participle does not
    ("The mill is run by a baron whom labour unions have accused of wage theft.",
     ("labour unions", "anonymous", "accused")),
    ("Barons accused of wage theft were fined.", ("", "none", "")),
    # what people describe is their account; a thing describing reports nothing
    ("Some dockers described a night of chaos, with cranes ablaze.", ("Some dockers", "anonymous", "described")),
    ("It also describes a night at the harbour.", ("", "none", "")),
    # a relative clause with no commas stays with its speaker, not its object
    ("Nurses who reached the clinic said the siege was a slaughter.",
     ("Nurses who reached the clinic", "anonymous", "said")),
    ("Sailors who fled to the port described a massacre.", ("Sailors who fled to the port", "anonymous",
                                                            "described")),
    # after "according to X," a clause with its own verb is the main clause, not an appositive of X
    ("According to the bulletin, 40 raiders were caught and 12 freed.", ("the bulletin", "named", "according to")),
    ("According to a senior, unnamed port official, the quay is shut.",
     ("a senior, unnamed port official", "anonymous", "according to")),
    # a pronoun right before the cue is the whole subject
    ("The mayor denounced what he called a coup by the guilds.", ("he", "named", "called")),
    ("Some critics called the harbour board corrupt, a charge it rejected.", ("it", "named", "rejected")),
    ("Dockers walked out over what many described as a lockout.", ("many", "anonymous", "described as")),
    # "To X, Y is Z" opening a sentence gives X's view; a time or a place is nobody's
    ("To his supporters, he is a hero.", ("his supporters", "anonymous", "to")),
    ("To the ministry, the mayor was a tyrant.", ("the ministry", "named", "to")),
    ("To date, no one has been charged.", ("", "none", "")),
    ("To the north, the hills are green.", ("", "none", "")),
    ("Former envoy to Vorland Ida Maru told reporters the talks failed.", ("Former envoy to Vorland Ida Maru", "named",
                                                                           "told")),
])
def test_cue_subjects(sentence, expected):
    assert source_of(sentence) == expected


def test_an_account_and_a_passive_naming_are_reported():
    analysed = analyse("Dockers described a massacre at the pier. "
                       "The brigade has been designated a terrorist group by the council.")
    assert voices(analysed)["massacre"] == "reported" and voices(analysed)["terrorist"] == "reported"
