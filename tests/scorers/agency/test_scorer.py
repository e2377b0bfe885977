"""The agency scorer's tables: columns, document offsets, voice from the attribution spans, the summary."""

import math

import pandas as pd
import pytest

from framing import load_corpus, sentences
from framing.errors import FramingError
from framing.scorers.agency import (CONSTRUCTIONS, HARM_CLASSES, HARM_COLUMNS, HARM_POS, SENTENCE_COLUMNS,
                                    SUMMARY_COLUMNS, Agency, harm_forms, participles, summarise_agency)
from framing.scorers.attribution import Attribution

from ...conftest import SEEDS


def table(*texts, doc_id="d", first_start=0):
    starts, start = [], first_start
    for text in texts:
        starts.append(start)
        start += len(text) + 1
    return pd.DataFrame({"doc_id": [doc_id] * len(texts), "sent_id": list(range(1, len(texts) + 1)),
                         "start": starts, "end": [s + len(t) for s, t in zip(starts, texts)], "text": list(texts)})


def test_tables_have_the_contract_columns_and_document_offsets():
    tables = Agency()(table("A calm sentence.", "Police killed two protesters."))
    assert list(tables.harms.columns) == HARM_COLUMNS
    assert list(tables.sentences.columns) == SENTENCE_COLUMNS
    [harm] = tables.harms.itertuples()
    assert (harm.expression, harm.lemma, harm.construction, harm.agent, harm.victim, harm.voice) == (
        "killed", "kill", "active", "Police", "two protesters", "authorial")
    assert (harm.start, harm.end) == (17 + 7, 17 + 13)
    assert tables.sentences["passive"].tolist() == [False, False]


def test_sentence_flags_tell_passive_from_agentless_passive():
    flags = Agency()(table("He was arrested.", "He was arrested by police.", "He died.")).sentences
    assert flags[["passive", "agentless_passive"]].values.tolist() == [[True, True], [True, False],
                                                                       [False, False]]
    assert flags["passive"].dtype == bool


def test_a_harm_inside_a_reported_span_is_reported():
    sentences_table = table('Officials said "police killed him" and he died.')
    quote = sentences_table["text"][0].index('"')
    spans = pd.DataFrame({"doc_id": ["d", "d"], "sent_id": [1, 1], "kind": ["quotation", "cue"],
                          "start": [quote, 10], "end": [quote + 19, 14], "label": ["", "said"]})
    harms = Agency()(sentences_table, spans).harms
    assert dict(zip(harms["expression"], harms["voice"])) == {"killed": "reported", "died": "authorial"}


def test_a_cue_or_hedge_span_does_not_make_a_harm_reported():
    sentences_table = table("Police reportedly killed him.")
    spans = pd.DataFrame({"doc_id": ["d"], "sent_id": [1], "kind": ["hedge"], "start": [0], "end": [29],
                          "label": ["reportedly"]})
    assert Agency()(sentences_table, spans).harms["voice"].tolist() == ["authorial"]


def test_missing_columns_are_named():
    with pytest.raises(FramingError, match="text"):
        Agency()(pd.DataFrame({"doc_id": ["d"], "sent_id": [1], "start": [0], "end": [3]}))


def test_summary_gives_shares_and_nan_for_a_document_without_harms():
    sentences_table = pd.concat([table("Police killed two men.", "Three were wounded.", doc_id="a"),
                                 table("Nothing happened.", doc_id="b")], ignore_index=True)
    tables = Agency()(sentences_table)
    summary = summarise_agency(tables.harms, tables.sentences)
    assert list(summary.columns) == SUMMARY_COLUMNS
    a, b = summary.itertuples(index=False)
    assert (a.doc_id, a.n_harms, a.share_active, a.share_agentless_passive, a.share_agent_stated) == (
        "a", 2, 0.5, 0.5, 0.5)
    assert (b.doc_id, b.n_harms) == ("b", 0)
    assert all(math.isnan(getattr(b, f"share_{c}")) for c in (*CONSTRUCTIONS, "agent_stated"))


def test_the_data_files_parse_into_known_vocabularies():
    words = {form.word for forms in harm_forms().values() for form in forms}
    assert {word.pos for word in words} <= set(HARM_POS)
    assert {word.harm_class for word in words} == set(HARM_CLASSES)
    assert {"kill", "die", "death", "dead", "lose life", "take out"} <= {word.lemma for word in words}
    kinds = participles()
    assert "shot" in kinds.irregular and "tired" in kinds.adjectival and "need" in kinds.not_participle


def test_the_seeds_tell_soleimanis_killing_differently():
    corpus = load_corpus(SEEDS)
    sentences_table = sentences(corpus)
    spans = Attribution()(sentences_table, corpus.documents[["doc_id", "text"]]).spans
    harms = Agency()(sentences_table, spans).harms
    dailymail = harms[(harms["doc_id"] == "dailymail-2020") & (harms["sent_id"] == 2)]
    assert dailymail[["expression", "construction", "victim"]].values.tolist()[0] == [
        "killed", "agentless_passive", "Qassem Soleimani"]
    wikipedia = harms[(harms["doc_id"] == "wikipedia-2025") & (harms["sent_id"] == 3)]
    assert wikipedia[["expression", "construction", "agent", "victim"]].values.tolist() == [
        ["assassination", "nominal", "the United States", "his"]]
