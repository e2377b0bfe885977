"""The per-section table (sections.csv) and the headline-vs-body contrast, on a hand-made corpus and on a run."""

import math

import numpy as np
import pandas as pd
import pytest

from framing.scorers.sentiment import summarise_sentiment
from framing.section_summary import SECTION_COLUMNS, headline_contrast, summarise_sections

BODY_COMPOUNDS = [-0.2, -0.1, 0.0, 0.1, -0.3, -0.1]
BODY_SOURCES = ["named", "named", "named", "anonymous", "none", "none"]


def hand_made() -> tuple[pd.DataFrame, pd.DataFrame]:
    """A tabloid (a 10-word headline, two bullet lines, six 20-word body sentences) and an encyclopedia article
    (five body sentences, no headline), with their loaded-term hits."""
    rows = [("tabloid", 1, "headline", 10, -0.6, "none"),
            ("tabloid", 2, "bullet", 15, -0.4, "named"), ("tabloid", 3, "bullet", 15, 0.2, "none")]
    rows += [("tabloid", 4 + i, "body", 20, compound, kind)
             for i, (compound, kind) in enumerate(zip(BODY_COMPOUNDS, BODY_SOURCES))]
    rows += [("encyclopedia", 1 + i, "body", 30, compound, "none") for i, compound in enumerate([0.1, 0.0, 0.0, 0.2, 0.0])]
    sentences = pd.DataFrame(rows, columns=["doc_id", "sent_id", "section", "n_words", "compound", "source_kind"])
    terms = pd.DataFrame([("tabloid", 1, "authorial"), ("tabloid", 1, "authorial"), ("tabloid", 4, "authorial"),
                          ("tabloid", 5, "authorial"), ("tabloid", 9, "authorial"), ("tabloid", 9, "reported"),
                          ("encyclopedia", 2, "reported")], columns=["doc_id", "sent_id", "voice"])
    return sentences, terms


@pytest.fixture
def table() -> pd.DataFrame:
    return summarise_sections(*hand_made())


def row(table: pd.DataFrame, doc_id: str, section: str) -> pd.Series:
    found = table[(table["doc_id"] == doc_id) & (table["section"] == section)]
    assert len(found) == 1, (doc_id, section)
    return found.iloc[0]


def test_one_row_per_document_and_section_present_in_order(table):
    assert list(table.columns) == SECTION_COLUMNS
    assert list(zip(table["doc_id"], table["section"])) == [
        ("tabloid", "headline"), ("tabloid", "bullet"), ("tabloid", "body"), ("encyclopedia", "body")]
    assert table["n_sentences"].tolist() == [1, 2, 6, 5]
    assert table["n_words"].tolist() == [10, 30, 120, 150]


def test_means_rates_and_shares(table):
    headline, bullet, body = (row(table, "tabloid", s) for s in ("headline", "bullet", "body"))
    assert headline["mean_compound"] == -0.6
    assert bullet["mean_compound"] == pytest.approx(-0.1)
    assert body["mean_compound"] == pytest.approx(-0.1)
    # Two hits in a 10-word headline; three own and one reported in 120 body words.
    assert headline["loaded_authorial_per_1000"] == 200.0 and headline["loaded_reported_per_1000"] == 0.0
    assert body["loaded_authorial_per_1000"] == pytest.approx(25.0)
    assert body["loaded_reported_per_1000"] == pytest.approx(1000 / 120)
    assert bullet["loaded_authorial_per_1000"] == 0.0
    assert (body["share_named"], body["share_anonymous"], body["share_none"]) == pytest.approx((0.5, 1 / 6, 1 / 3))
    assert (bullet["share_named"], bullet["share_none"]) == (0.5, 0.5)
    assert row(table, "encyclopedia", "body")["loaded_reported_per_1000"] == pytest.approx(1000 / 150)


def test_interval_only_from_five_sentences_and_drawn_as_the_sentiment_summary_draws_it(table):
    for section in ("headline", "bullet"):
        assert math.isnan(row(table, "tabloid", section)["ci_low"])
        assert math.isnan(row(table, "tabloid", section)["ci_high"])
    body = row(table, "tabloid", "body")
    expected = summarise_sentiment(pd.DataFrame({"doc_id": "tabloid", "compound": BODY_COMPOUNDS})).iloc[0]
    assert (body["ci_low"], body["ci_high"]) == (expected["ci_low"], expected["ci_high"])
    assert body["ci_low"] < body["mean_compound"] < body["ci_high"]
    # Exactly five sentences is enough.
    assert not math.isnan(row(table, "encyclopedia", "body")["ci_low"])


def test_body_intervals_taken_from_the_sentiment_summary_are_those_resampling_draws():
    sentences, terms = hand_made()
    body = sentences[sentences["section"] == "body"]
    known = summarise_sentiment(body[["doc_id", "compound"]])
    reused = summarise_sections(sentences, terms, body_summary=known)
    pd.testing.assert_frame_equal(reused, summarise_sections(sentences, terms))
    # And they are read from it, not drawn again.
    shifted = summarise_sections(sentences, terms, body_summary=known.assign(ci_low=-1.0))
    assert shifted.loc[shifted["section"] == "body", "ci_low"].tolist() == [-1.0, -1.0]


def test_a_document_without_a_headline_has_no_headline_row_and_no_contrast(table):
    assert set(table.loc[table["doc_id"] == "encyclopedia", "section"]) == {"body"}
    contrast = headline_contrast(table)
    assert contrast["doc_id"].tolist() == ["tabloid"]
    tabloid = contrast.iloc[0]
    assert tabloid["compound_difference"] == pytest.approx(-0.5)
    assert (tabloid["n_headline"], tabloid["n_body"]) == (1, 6)
    assert tabloid["authorial_difference"] == pytest.approx(175.0)
    assert tabloid["reported_difference"] == pytest.approx(-1000 / 120)


def test_hits_of_sentences_missing_from_the_table_are_not_counted():
    sentences, terms = hand_made()
    stray = pd.DataFrame([("tabloid", 99, "authorial"), ("nowhere", 1, "reported")], columns=terms.columns)
    assert summarise_sections(sentences, pd.concat([terms, stray])).equals(summarise_sections(sentences, terms))


def test_empty_input_gives_the_columns():
    sentences, terms = hand_made()
    empty = summarise_sections(sentences.iloc[:0], terms.iloc[:0])
    assert list(empty.columns) == SECTION_COLUMNS and empty.empty
    assert headline_contrast(empty).empty


def test_a_run_fills_by_section_over_every_section(headline_documents):
    from framing.pipeline import analyze

    analysis = analyze(headline_documents, sections=("body",), jobs=1)
    table = analysis.by_section
    assert list(zip(table["doc_id"], table["section"])) == [("tabloid", "headline"), ("tabloid", "body"),
                                                            ("wire", "body")]
    headline = row(table, "tabloid", "headline")
    # The headline is scored although the summaries use the body only.
    assert headline["n_words"] == 4 and headline["mean_compound"] < 0
    assert headline["loaded_authorial_per_1000"] == pytest.approx(
        1000 * ((analysis.terms["doc_id"] == "tabloid") & (analysis.terms["sent_id"] == 1)).sum() / 4)
    # The body row is the documents.csv row: the same sentences, the same mean and interval.
    documents = analysis.documents.set_index("doc_id")
    for doc_id in ("tabloid", "wire"):
        body = row(table, doc_id, "body")
        assert body["mean_compound"] == documents.loc[doc_id, "mean_compound"]
        assert np.isnan(body["ci_low"])  # two or three body sentences: too few for an interval
