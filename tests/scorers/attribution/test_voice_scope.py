"""Voice scope inside a sentence: a trailing attribution tag makes the clause before it reported."""

from __future__ import annotations

import pytest

from tests.scorers.attribution.texts import analyse, voices


@pytest.mark.parametrize("text, reported, source_kind", [
    ("Rebel thugs slaughtered dozens of villagers, local officials and witnesses said on Monday.",
     ["thugs", "slaughtered"], "anonymous"),
    ("The regime butchered protesters in the square, police and medics said.", ["regime", "butchered"],
     "anonymous"),
    ("Gunmen massacred the farmers, the governor said on Monday, citing hospital records.", ["massacred"],
     "named"),
    ("Extremists butchered the hostages, aid workers said, adding that the army did nothing.",
     ["extremists", "butchered"], "anonymous"),
    ("Terrorists massacred the villagers, according to local officials.", ["terrorists", "massacred"],
     "anonymous"),
    ("The thugs slaughtered civilians, a spokesman told Reuters.", ["thugs", "slaughtered"], "anonymous"),
    ('"The terrorists slaughtered our people," the mayor said.', ["terrorists", "slaughtered"], "named"),
    ("Thugs butchered the guards, residents and a nurse told reporters by phone.", ["thugs", "butchered"],
     "anonymous"),
])
def test_a_trailing_tag_reports_the_clause_before_it(text, reported, source_kind):
    analysed = analyse(text)
    assert [voices(analysed)[term] for term in reported] == ["reported"] * len(reported)
    assert analysed.tables.scores["source_kind"].tolist() == [source_kind]


@pytest.mark.parametrize("text, authorial, reported", [
    # a clause joined by "; " before the governed clause stays the writer's
    ("The regime shelled the town; rebel thugs slaughtered villagers, officials said.", ["regime"],
     ["thugs", "slaughtered"]),
    # an earlier sentence stays the writer's
    ("The thugs burned the market. Gunmen massacred the farmers, officials said.", ["thugs"], ["massacred"]),
    # a parenthetical tag reports what follows it, not the subject before it
    ("The regime, officials said, was a brutal one.", ["regime"], ["brutal"]),
    # a tag with a clause of its own is not trailing: "the regime" is the source's subject, the writer's words
    ("Thugs attacked, officials said the regime would fall.", ["thugs"], ["regime"]),
])
def test_only_the_clause_the_tag_governs_is_reported(text, authorial, reported):
    found = voices(analyse(text))
    assert [found[term] for term in authorial] == ["authorial"] * len(authorial)
    assert [found[term] for term in reported] == ["reported"] * len(reported)


def test_the_frame_tail_of_a_trailing_tag_is_not_reported():
    analysed = analyse("Rebel thugs slaughtered dozens of villagers, local officials and witnesses said on Monday.")
    text = analysed.sentences["text"].iloc[0]
    spans = analysed.tables.spans
    attributed = [text[s:e] for s, e in zip(spans.loc[spans["kind"] == "attributed", "start"],
                                            spans.loc[spans["kind"] == "attributed", "end"])]
    assert attributed == ["Rebel thugs slaughtered dozens of villagers"]
