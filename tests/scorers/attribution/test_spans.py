"""The spans table: every quotation, scare quote, attributed clause, cue and hedge of one parse."""

import re

import pandas as pd
import pytest

from framing import clean_text, sentences
from framing.corpus import Corpus
from framing.scorers.attribution import (HEDGE_KINDS, REPORTED_KINDS, SPAN_KINDS, SPAN_TABLE_COLUMNS, STANCES,
                                         Attribution, AttributionTables, attribution_tables, reported_only,
                                         reported_spans)
from framing.scorers.quotes import quote_spans


@pytest.fixture(scope="module")
def seed_tables(seed_corpus, seed_sentences):
    return Attribution()(seed_sentences, seed_corpus.documents)


def covered(ranges):
    return {k for start, end in ranges for k in range(start, end)}


def normalised(text):
    return re.sub(r"\s+", " ", text).strip().lower()


def test_one_parse_gives_the_three_tables(seed_tables, seed_corpus, seed_sentences):
    assert isinstance(seed_tables, AttributionTables)
    assert len(seed_tables.scores) == len(seed_sentences)
    spans = seed_tables.spans
    assert list(spans.columns) == SPAN_TABLE_COLUMNS
    assert spans["kind"].isin(SPAN_KINDS).all() and (spans["start"] < spans["end"]).all()
    assert set(spans["kind"]) == set(SPAN_KINDS)  # the seeds have every kind
    assert (spans.loc[spans["kind"].isin(REPORTED_KINDS), "label"] == "").all()
    assert spans.loc[spans["kind"] == "cue", "label"].isin(STANCES).all()
    assert spans.loc[spans["kind"] == "hedge", "label"].isin(HEDGE_KINDS).all()
    within = spans.merge(seed_sentences[["doc_id", "sent_id", "start", "end"]], on=["doc_id", "sent_id"],
                         suffixes=("", "_sentence"), validate="many_to_one")
    assert len(within) == len(spans)
    assert ((within["start"] >= within["start_sentence"]) & (within["end"] <= within["end_sentence"])).all()
    assert not spans.duplicated().any()


def test_reported_rows_are_those_of_reported_spans(seed_tables, seed_corpus, seed_sentences):
    expected = reported_spans(seed_sentences, seed_corpus.documents)
    pd.testing.assert_frame_equal(reported_only(seed_tables.spans), expected)


def test_quotation_rows_cover_the_quote_spans_inside_sentences(seed_tables, seed_corpus, seed_sentences):
    spans = seed_tables.spans
    for doc_id, text in zip(seed_corpus.documents["doc_id"], seed_corpus.documents["text"]):
        inside = covered(zip(*(seed_sentences.loc[seed_sentences["doc_id"] == doc_id, c] for c in ("start", "end"))))
        rows = spans[(spans["doc_id"] == doc_id) & spans["kind"].isin(["quotation", "scare_quote"])]
        quoted = covered((span.start, span.end) for span in quote_spans(text))
        assert covered(zip(rows["start"], rows["end"])) == quoted & inside


def test_cue_rows_are_the_words_of_the_sources_cues(seed_tables, seed_corpus):
    texts = dict(zip(seed_corpus.documents["doc_id"], seed_corpus.documents["text"]))
    cues = seed_tables.spans[seed_tables.spans["kind"] == "cue"]
    sources = seed_tables.sources[seed_tables.sources["cue"] != ""]
    assert len(cues) > 20
    cues_by_sentence = sources.groupby(["doc_id", "sent_id"])["cue"].agg(set).to_dict()
    for doc_id, sent_id, start, end in zip(cues["doc_id"], cues["sent_id"], cues["start"], cues["end"]):
        words = normalised(texts[doc_id][start:end])
        # A cue whose words are apart ("described him as") spans only the verb.
        assert words in cues_by_sentence[(doc_id, sent_id)] or f"{words} as" in cues_by_sentence[(doc_id, sent_id)]
    assert set(cues_by_sentence) == set(zip(cues["doc_id"], cues["sent_id"]))


def test_hedge_rows_are_the_hedge_column(seed_tables, seed_corpus):
    texts = dict(zip(seed_corpus.documents["doc_id"], seed_corpus.documents["text"]))
    hedges = seed_tables.spans[seed_tables.spans["kind"] == "hedge"]
    joined = {key: "; ".join(texts[key[0]][s:e] for s, e in zip(group["start"], group["end"]))
              for key, group in hedges.groupby(["doc_id", "sent_id"], sort=False)}
    scores = seed_tables.scores
    assert {(d, s): h for d, s, h in zip(scores["doc_id"], scores["sent_id"], scores["hedge"]) if h} == joined
    assert (scores["hedged"] == (scores["hedge"] != "")).all()


def tables_of(raw):
    cleaned = clean_text(raw)
    documents = pd.DataFrame({"doc_id": ["d"], "text": [cleaned.text]})
    corpus = Corpus(documents, cleaned.paragraphs.assign(doc_id="d"), cleaned.removals.assign(doc_id="d"))
    return cleaned.text, attribution_tables(sentences(corpus), documents)


@pytest.mark.parametrize("raw, expected", [
    ('The ministry said the strike was "an act of war".',
     # The closing mark belongs to the quotation, not to the attributed clause.
     [("cue", "said", "neutral"), ("attributed", 'the strike was "an act of war', ""),
      ("quotation", '"an act of war"', "")]),
    ("He was described by the ministry as a terrorist.",
     [("cue", "described", "neutral"), ("attributed", "a terrorist", "")]),
    ("Officials described him as a terrorist.",
     [("cue", "described", "neutral"), ("attributed", "a terrorist", "")]),
    ("Soleimani was reportedly behind the plot, according to US officials.",
     [("hedge", "reportedly", "adverb"), ("attributed", "Soleimani was reportedly behind the plot", ""),
      ("cue", "according to", "neutral")]),
    ("The general is believed by many to have planned it.",
     [("hedge", "is believed by many to", "passive_report"), ("cue", "believed", "neutral")]),
])
def test_spans_of_one_sentence(raw, expected):
    text, tables = tables_of(raw)
    found = {(kind, text[start:end], label) for kind, start, end, label in
             zip(tables.spans["kind"], tables.spans["start"], tables.spans["end"], tables.spans["label"])}
    assert found == set(expected)
