"""Repeated sentences are read once per process (framing.memo), and every copy still gets its own reading:
the tables equal those of a run that reads every copy afresh."""

import pandas as pd
import pytest

from framing.corpus import load_documents
from framing.lexicons import Lexicon, _find_once, load_lexicon
from framing.memo import MEMO_TEXTS
from framing.pipeline import score_batch
from framing.scorers.agency.scorer import _findings
from framing.scorers.attribution.sentence import _read_sentence
from framing.scorers.sentiment import sentence_scores

MEMOS = (sentence_scores, _findings, _read_sentence, _find_once)
WIRE = ("Police killed three protesters in the capital on Friday. "
        "The regime's thugs stormed the square, a witness said. ")
DOCUMENTS = {
    # the wire copy twice, word for word
    "a": WIRE + "Officials gave no date for the talks.",
    "b": "Residents buried the dead on Saturday. " + WIRE,
    # the same sentence inside a quotation opened a sentence earlier: quoted here, the writer's own in "a"
    "c": '"We will not forgive them. Police killed three protesters in the capital on Friday. '
         'They will pay," the cleric said.',
}


@pytest.fixture(scope="module")
def documents(tmp_path_factory):
    folder = tmp_path_factory.mktemp("wire")
    for name, text in DOCUMENTS.items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    return load_documents([folder])


def batch(documents, names):
    return documents[documents["doc_id"].isin(names)].reset_index(drop=True)


def forget():
    for memo in MEMOS:
        memo.cache_clear()


def tables_of(scored):
    return {name: getattr(scored, name) for name in ("sentences", "terms", "sources", "spans", "harms")}


@pytest.fixture
def fresh(documents):
    """Each document scored on its own with empty memories: no copy can reuse another's reading."""
    lexicon = load_lexicon()
    alone = {}
    for name in DOCUMENTS:
        forget()
        alone[name] = tables_of(score_batch(batch(documents, [name]), lexicon=lexicon, with_contributions=False))
    forget()
    return lexicon, alone


def test_copies_are_read_once(fresh, documents):
    lexicon, _ = fresh
    score_batch(batch(documents, ["a", "b"]), lexicon=lexicon, with_contributions=False)
    # "a" and "b" share two sentences: each memory read them once and handed them out twice
    assert sentence_scores.cache_info().hits == 2
    assert _findings.cache_info().hits == 2
    assert _find_once.cache_info().hits == 2


def test_every_copy_gets_the_reading_of_its_own_place(fresh, documents):
    lexicon, alone = fresh
    together = tables_of(score_batch(batch(documents, ["a", "b", "c"]), lexicon=lexicon,
                                   with_contributions=False))
    for table, frame in together.items():
        for name in DOCUMENTS:
            expected = alone[name][table].reset_index(drop=True)
            got = frame[frame["doc_id"] == name].reset_index(drop=True)
            # (an empty table of one document has plain object columns: compare values, not dtypes)
            pd.testing.assert_frame_equal(got, expected, obj=f"{table} of {name}", check_dtype=False)
    # the shared sentence is reported speech in "c" only: its attribution reading was not reused
    killed = together["sentences"]["text"].str.startswith("Police killed")
    quoted = together["sentences"][killed].set_index("doc_id")["quote"]
    assert quoted.to_dict() == {"a": False, "b": False, "c": True}


def test_each_lexicon_keeps_its_own_matches():
    forget()
    text = "The regime's thugs stormed the square."
    default = load_lexicon()
    own = Lexicon(entries=pd.DataFrame({"term": ["square"], "category": ["hyperbole"], "direction": ["other"],
                                        "neutral": ["place"], "note": [""]}))
    assert {m.term for m in default.find(text)} >= {"regime", "thug"}
    assert [m.term for m in own.find(text)] == ["square"]
    assert {m.term for m in default.find(text)} >= {"regime", "thug"}


def test_memory_is_bounded_and_results_cannot_be_changed():
    for memo in MEMOS:
        assert memo.cache_info().maxsize == MEMO_TEXTS
    forget()
    hits = load_lexicon().find("The regime fell.")
    hits.clear()  # a caller's list is its own
    assert [m.term for m in load_lexicon().find("The regime fell.")] == ["regime"]
    assert isinstance(sentence_scores("The regime fell."), tuple)
