"""The tables of a run: which rows the summaries read, the per-document table, the word shift of the pair."""

import pandas as pd
import pytest

from framing.corpus import Corpus
from framing.lexicons import load_lexicon
from framing.tables import document_summaries, summary_rows, word_shift_for, word_shift_table


def sentence_rows():
    """Two documents; b's headline is not summarised. Every column the summaries read is present."""
    rows = [
        # doc, sent, section, text, words, compound, source_kind, quote
        ("a", 1, "body", "Good news came.", 3, 0.5, "none", False),
        ("a", 2, "body", "Officials said it was bad.", 5, -0.5, "anonymous", False),
        ("a", 3, "body", "\"Terrible,\" he said.", 3, -0.3, "named", True),
        ("b", 1, "headline", "Regime falls", 2, -0.9, "none", False),
        ("b", 2, "body", "The regime fell.", 3, 0.1, "none", False),
    ]
    table = pd.DataFrame(rows, columns=["doc_id", "sent_id", "section", "text", "n_words", "compound",
                                        "source_kind", "quote"])
    return table.assign(
        in_summary=table["section"] == "body", neg=0.0, neu=1.0, pos=0.0, source="", cue="", stance="",
        quoted_share=0.0, scare_quotes=False, hedged=False, hedge="", citations=0, para_id=1, start=0,
        end=table["text"].str.len())


def term_rows():
    return pd.DataFrame({"doc_id": ["b", "b"], "sent_id": [1, 2], "term": ["Regime", "regime"],
                         "lemma": ["regime", "regime"], "category": ["pejorative_label"] * 2,
                         "direction": ["pejorative"] * 2, "voice": ["authorial"] * 2, "start": [0, 4],
                         "end": [6, 10]})


def corpus():
    documents = pd.DataFrame({"doc_id": ["a", "b"], "title": ["A", "B"], "path": ["a.txt", "b.txt"],
                              "sha256": ["0", "1"], "encoding": ["utf-8"] * 2, "n_paragraphs": [1, 1],
                              "text": ["", ""]})
    return Corpus(documents=documents, paragraphs=pd.DataFrame(), removals=pd.DataFrame())


def test_summary_rows_are_the_summarised_sentences_and_their_hits():
    summary = summary_rows(sentence_rows(), term_rows())
    assert list(zip(summary.sentences["doc_id"], summary.sentences["sent_id"])) == [
        ("a", 1), ("a", 2), ("a", 3), ("b", 2)]
    assert summary.terms["sent_id"].tolist() == [2]  # the headline's hit is left out


def test_summary_rows_of_no_terms_is_an_empty_table_not_a_column_selection():
    summary = summary_rows(sentence_rows(), term_rows().iloc[:0])
    assert summary.terms.empty and list(summary.terms.columns) == list(term_rows().columns)


def test_document_table_values():
    tables = document_summaries(corpus(), summary_rows(sentence_rows(), term_rows()), load_lexicon())
    documents = tables.documents.set_index("doc_id")
    assert documents.loc["a", "n_sentences"] == 3 and documents.loc["b", "n_sentences"] == 1
    assert documents.loc["a", "n_words"] == 11
    assert documents.loc["a", "mean_compound"] == pytest.approx((0.5 - 0.5 - 0.3) / 3)
    # The writer's own voice: sentences without a source or a quotation.
    assert documents.loc["a", "mean_compound_unattributed"] == pytest.approx(0.5)
    assert documents.loc["a", "mean_compound_attributed"] == pytest.approx(-0.4)
    assert pd.isna(documents.loc["b", "mean_compound_attributed"])
    # One authorial hit in 3 summarised words of b: 333.3 per 1,000.
    assert documents.loc["b", "loaded_authorial_per_1000"] == pytest.approx(1000 / 3)
    assert documents.loc["a", "loaded_authorial_per_1000"] == 0
    assert documents.loc["a", "share_named"] == pytest.approx(1 / 3)
    assert tables.term_counts[["doc_id", "lemma", "authorial", "total"]].values.tolist() == [["b", "regime", 1, 1]]


class Run:
    """The attributes of an Analysis the word shift reads."""

    def __init__(self, pair, with_contributions=True):
        sentences = sentence_rows()
        self.sentences = sentences
        self.summary_sentences = sentences[sentences["in_summary"]]
        self.contributions = pd.DataFrame({"doc_id": ["a", "a", "b", "b"], "sent_id": [1, 2, 1, 2],
                                           "token": ["Good", "bad", "falls", "fell"], "start": 0, "end": 1,
                                           "contribution": [0.5, -0.5, -0.9, -0.1]})
        self.word_shift_pair = pair
        self.with_contributions = with_contributions


def test_word_shift_reads_only_summarised_sentences_of_the_pair():
    table = word_shift_table(Run(("a", "b")), ("a", "b")).set_index("term")
    assert "falls" not in table.index  # b's headline is not summarised
    assert table.loc["fell", "contribution_b"] == pytest.approx(-0.1)
    assert table.loc["good", "contribution_a"] == pytest.approx(0.5 / 3)  # per summarised sentence of a


def test_no_word_shift_without_a_pair_or_contributions():
    assert word_shift_for(Run(None)) is None
    assert word_shift_for(Run(("a", "b"), with_contributions=False)) is None
    assert word_shift_for(Run(("a", "b"))) is not None
