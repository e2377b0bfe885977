"""Warnings about the data itself: what they find, and that they stay silent on data without it."""

import warnings

import pandas as pd
import pytest

from framing import FramingWarning, analyze
from framing.data_checks import recurring_sentences, warn_near_groups, warn_repeated_documents


def silent(check, *args):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        check(*args)


def test_groups_spelt_alike_and_distinct_documents_get_no_warning():
    silent(warn_near_groups, ["BBC", "The Sun", "Reuters", "(no outlet)"], "outlet")
    silent(warn_repeated_documents, pd.DataFrame({"doc_id": ["a", "b"], "sha256": ["1f", "2e"]}))


def article(number: int, furniture: bool) -> str:
    body = (f"Officials in city number {number} said the talks would resume on Monday. The minister gave no "
            f"date for the vote in district {number}.")
    return body + ("\n\nSign up for our daily newsletter to get the top stories.\n\nFollow us on Twitter and "
                   "Facebook." if furniture else "")


def test_sentences_in_many_documents_are_named_with_their_counts():
    # A scraper kept two lines of page furniture in 12 of 30 articles. (In 60 benchmark articles, 20 with such
    # lines, alignment made them the two most covered "events", 20 documents each, ahead of every real one.)
    texts = {f"a{number:02d}": article(number, furniture=number < 12) for number in range(30)}
    with pytest.warns(FramingWarning) as caught:
        analysis = analyze(texts, jobs=1)
    recurring = [str(w.message) for w in caught if "recur word for word" in str(w.message)]
    assert recurring == [
        "2 sentence(s) recur word for word in 10 or more of the 30 documents (“Sign up for our daily newsletter to "
        "get the top stories.” (12); “Follow us on Twitter and Facebook.” (12)): wire copy that outlets share, or "
        "page furniture a scraper kept (newsletter, share and follow lines), which alignment groups as the most "
        "covered events and every measure counts as text: remove furniture from the texts before the run, or pass "
        "--exclude-recurring (exclude_recurring=True in Python) to leave such sentences out of the summaries, "
        "alignment and figures"]
    assert len(analysis.documents) == 30  # named, not removed
    furniture = analysis.sentences["text"].str.startswith(("Sign up", "Follow us"))
    assert furniture.sum() == 24 and analysis.sentences.loc[furniture, "in_summary"].all()


def test_recurring_sentences_can_be_left_out_of_summaries_and_alignment():
    texts = {f"a{number:02d}": article(number, furniture=number < 12) for number in range(30)}
    with pytest.warns(FramingWarning, match=r"\(newsletter, share and follow lines\), left out of the summaries, "
                                            r"alignment and figures \(--exclude-recurring\); sentences\.csv keeps "
                                            r"them, with in_summary false$"):
        analysis = analyze(texts, jobs=1, exclude_recurring=True)
    furniture = analysis.sentences["text"].str.startswith(("Sign up", "Follow us"))
    assert furniture.sum() == 24 and not analysis.sentences.loc[furniture, "in_summary"].any()
    assert analysis.sentences.loc[furniture, "event_id"].fillna("").eq("").all()  # no event made of them
    assert analysis.documents.set_index("doc_id").loc[["a00", "a29"], "n_sentences"].tolist() == [2, 2]


@pytest.mark.parametrize(("n_documents", "in_documents", "words", "named"), [
    (30, 10, 5, True),     # 10 of 30: the least number of documents
    (30, 9, 5, False),
    (200, 19, 5, False),   # beyond 100 documents, 10% of them
    (200, 20, 5, True),
    (30, 30, 3, False),    # "He said so." recurs in any corpus
])
def test_what_counts_as_recurring(n_documents, in_documents, words, named):
    shared = " ".join(["word"] * (words - 1)) + " shared."
    rows = [(f"d{i}", f"Sentence of its own number {i}.", 5) for i in range(n_documents)]
    rows += [(f"d{i}", shared, words) for i in range(in_documents)]
    sentences = pd.DataFrame(rows, columns=["doc_id", "text", "n_words"])
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        flagged = recurring_sentences(sentences)
    assert bool(caught) == named
    assert flagged.tolist() == [False] * n_documents + [named] * in_documents
