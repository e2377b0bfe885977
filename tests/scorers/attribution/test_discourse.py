"""Across sentences: a report continued by a pronoun or the source's name again keeps its source."""

from __future__ import annotations

import pytest

from tests.scorers.attribution.texts import analyse, voices


@pytest.mark.parametrize("text, row, source, kind, cue, reported", [
    ("The Russian defence ministry said its jets struck a depot. It added the thugs had been preparing an attack. "
     "The ministry also claimed that the rebels used human shields.", 2, "It", "named", "added", ["thugs"]),
    ("The Russian defence ministry said its jets struck a depot. It added the militants were regrouping. "
     "The ministry went on to say the terrorists had fled.", 3, "The ministry", "named", "went on to say",
     ["terrorists"]),
    ("According to two security officials, the strike hit a depot. They added the extremists had fled.", 2, "They",
     "anonymous", "added", ["extremists"]),
    ('A police spokeswoman said the raid had ended. She went on: "The thugs ran into the hills."', 2, "She",
     "anonymous", "went on", ["thugs"]),
    ("The interior ministry said the convoy was attacked. Two soldiers died. It further alleged the terrorists "
     "were paid by a foreign power.", 3, "It", "named", "alleged", ["terrorists"]),
])
def test_a_continued_report_keeps_its_source(text, row, source, kind, cue, reported):
    analysed = analyse(text)
    scores = analysed.tables.scores.iloc[row - 1]
    assert (scores["source"], scores["source_kind"], scores["cue"]) == (source, kind, cue)
    assert [voices(analysed)[term] for term in reported] == ["reported"] * len(reported)


@pytest.mark.parametrize("text, row, authorial", [
    # no cue: the writer's own sentence, however close to the report
    ("The ministry said its jets struck a depot. The thugs fled into the hills.", 2, ["thugs"]),
    # a new paragraph ends the report
    ("The ministry said its jets struck a depot.\n\nIt added the thugs had fled.", 2, ["thugs"]),
    # "added" with an object reports nothing
    ("The ministry said the talks had failed. It added a terrorist threat to its list.", 2, ["terrorist"]),
    # a participle after the subject, not a reporting verb
    ("The ministry said new names were listed. The men added to the list were thugs.", 2, ["thugs"]),
    # a definite description that does not name the source again is someone else
    ("The ministry said its jets struck a depot. The rebels added the regime had lied.", 2, ["regime"]),
    # only a source within the last two sentences is continued
    ("The ministry said its jets struck a depot. Smoke rose. Sirens sounded. It added the thugs had fled.", 4,
     ["thugs"]),
])
def test_a_sentence_that_does_not_continue_the_report_stays_the_writers(text, row, authorial):
    analysed = analyse(text)
    assert analysed.tables.scores["source_kind"].iloc[row - 1] == "none"
    assert [voices(analysed)[term] for term in authorial] == ["authorial"] * len(authorial)
