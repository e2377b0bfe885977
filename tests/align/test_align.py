"""Event alignment: gold pairs, synthetic cases, events files, comparison tables."""

import sys

import numpy as np
import pandas as pd
import pytest

from framing.align import (
    COMPARISON_COLUMNS, EVENT_COLUMNS, LABEL_COLUMNS, OMISSION_COLUMNS, PAIR_COLUMNS, WORD_CHOICE_COLUMNS,
    Aligner, Events, event_comparison, events, match_events, omissions, read_events_file, word_choice,
)
from framing.errors import FramingError

from ..conftest import DATA, ROOT, SEEDS

# The gold-pair evaluation lives with the benchmark that reports it, as benchmarks/*.py import results.py.
if str(ROOT / "benchmarks") not in sys.path:
    sys.path.insert(0, str(ROOT / "benchmarks"))
from alignment_gold import precision_recall, resolve_gold  # noqa: E402


def table(rows, doc_ids=None):
    """A sentences table from ``(doc_id, text)`` rows; sent_id counts within each document."""
    frame = pd.DataFrame(rows, columns=["doc_id", "text"])
    frame["sent_id"] = frame.groupby("doc_id", sort=False).cumcount() + 1
    frame["section"] = "body"
    return frame[["doc_id", "sent_id", "section", "text"]]


# Background sentences give the IDF something to compare with, as a real article would.
FILLER = [
    "The weather in the capital was mild for the season.",
    "Officials declined to comment on the budget figures.",
    "The museum reopened after a long renovation of its galleries.",
    "Farmers reported a good harvest of wheat and barley this autumn.",
]


@pytest.fixture(scope="module")
def seed_pairs(seed_sentences):
    return Aligner()(seed_sentences)


@pytest.fixture(scope="module")
def gold(seed_sentences):
    return resolve_gold(seed_sentences, pd.read_csv(DATA / "alignment_gold.csv"))


# ---------------------------------------------------------------------------------------------------------
# Gold pairs


def test_gold_resolves_every_pair(gold):
    assert len(gold) == 122
    assert gold["label"].value_counts().to_dict() == {"aligned": 65, "not_aligned": 57}
    first = gold.iloc[0]
    assert (first.doc_a, first.sent_a, first.doc_b, first.sent_b) == ("wikipedia-2017", 11, "dailymail-2020", 14)


def test_gold_precision_and_recall_stay_where_measured(seed_pairs, gold):
    # benchmarks/RESULTS.md: at the default threshold 0.18, precision 0.83 and recall 0.51 on all 122 gold
    # pairs. Recall is far below the 0.8 the issue hoped for: about a quarter of the aligned gold pairs share
    # no more than one content word (paraphrase), which no bag-of-words similarity finds.
    precision, recall = precision_recall(seed_pairs, gold)
    assert precision >= 0.80
    assert recall >= 0.50


def test_gold_recall_rises_as_threshold_falls(seed_sentences, gold):
    low = Aligner().align(seed_sentences, threshold=0.08)
    precision, recall = precision_recall(low, gold)
    assert recall >= 0.65
    assert precision >= 0.70
    assert len(low) > 4 * len(Aligner().align(seed_sentences))


def test_seed_pairs_table(seed_pairs, seed_sentences):
    assert list(seed_pairs.columns) == PAIR_COLUMNS
    assert 50 <= len(seed_pairs) <= 100
    order = {doc: k for k, doc in enumerate(pd.unique(seed_sentences["doc_id"]))}
    assert (seed_pairs["doc_a"].map(order) < seed_pairs["doc_b"].map(order)).all()
    assert seed_pairs["similarity"].between(0.18, 1.0).all()
    identical = seed_pairs[(seed_pairs.doc_a == "wikipedia-2025") & (seed_pairs.sent_a == 12)
                           & (seed_pairs.doc_b == "wikipedia-2017")]
    assert identical.loc[identical["similarity"].idxmax(), "sent_b"] == 76  # the Moscow map sentence, verbatim


# ---------------------------------------------------------------------------------------------------------
# Synthetic cases


def test_same_event_in_different_words_aligns():
    sentences = table([
        ("wiki", "In 1999 the commander signed a letter to President Khatami demanding he crush the student protests."),
        *[("wiki", text) for text in FILLER[:2]],
        ("tabloid", "During the 1999 student protests he threatened Khatami in a letter, vowing to crush them."),
        *[("tabloid", text) for text in FILLER[2:]],
    ])
    pairs = Aligner()(sentences)
    assert pairs[["doc_a", "sent_a", "doc_b", "sent_b"]].values.tolist() == [["wiki", 1, "tabloid", 1]]
    assert pairs["similarity"].iloc[0] > 0.3


def test_same_name_different_event_does_not_align():
    sentences = table([
        ("wiki", "Khatami opened a new water treatment plant in Kerman in 2004."),
        *[("wiki", text) for text in FILLER[:2]],
        ("tabloid", "Students marched against Khatami over press censorship in 1999."),
        *[("tabloid", text) for text in FILLER[2:]],
    ])
    assert Aligner()(sentences).empty


def test_year_conflict_lowers_similarity():
    sentences = table([
        ("a", "The United Nations put the general on its sanctions list in 2007."),
        ("b", "The United Nations put the general on its sanctions list in 2011."),
        ("b", "The United Nations put the general on its sanctions list in 2007."),
        *[("b", text) for text in FILLER],
    ])
    pairs = Aligner(threshold=0.05)(sentences).set_index("sent_b")["similarity"]
    assert pairs[2] == pytest.approx(1.0)
    assert pairs[1] == pytest.approx(0.5 * Aligner(threshold=0.05, year_conflict=1.0)(sentences)
                                     .set_index("sent_b")["similarity"][1])


def test_a_short_run_aligns_when_it_beats_its_sentences():
    # The denial only makes sense with the sentence before it; together they match the other report.
    sentences = table([
        ("a", "A leaked report said the general met Hill and Odierno in Baghdad in 2009."),
        ("a", "Hill and Odierno denied the meeting took place."),
        *[("a", text) for text in FILLER[:2]],
        ("b", "Hill and Odierno denied a leaked report that they met the general in Baghdad."),
        *[("b", text) for text in FILLER[2:]],
    ])
    with_runs = Aligner(max_run=2)(sentences)
    assert set(with_runs["sent_a"]) == {1, 2}
    assert with_runs["sent_b"].eq(1).all()


def test_no_pairs_within_one_document():
    sentences = table([("a", "The general met Hill in Baghdad."), ("a", "The general met Hill in Baghdad.")])
    assert Aligner()(sentences).empty


def test_align_is_sparse_and_quick_on_many_sentences(seed_sentences):
    import time

    rng = np.random.default_rng(0)
    copies = []
    for k in range(8):  # ~2,000 sentences in 24 documents
        copy = seed_sentences.assign(doc_id=seed_sentences["doc_id"] + f"-{k}")
        copy["text"] = [" ".join(rng.permutation(t.split())) if rng.random() < 0.3 else t for t in copy["text"]]
        copies.append(copy)
    many = pd.concat(copies, ignore_index=True)
    start = time.perf_counter()
    pairs = Aligner()(many)
    assert time.perf_counter() - start < 20
    assert len(pairs) > 0


# ---------------------------------------------------------------------------------------------------------
# Events


EVENTS_TOML = """
[[event]]
name = "Khatami letter"
terms = ["Khatami", "letter", "student"]
years = [1999]

[[event]]
name = "Moscow visit"
terms = ["Moscow", "map"]
"""


def test_events_file_seeds_the_grouping(tmp_path):
    path = tmp_path / "events.toml"
    path.write_text(EVENTS_TOML, encoding="utf-8")
    sentences = table([
        ("wiki", "In 1999 he signed a letter to Khatami."),
        ("wiki", "He unfurled a map in Moscow."),
        ("wiki", FILLER[0]),
        ("tabloid", "Khatami faced student anger."),
        ("tabloid", "He was in Moscow in July."),  # one term only: not seeded
        ("tabloid", FILLER[1]),
    ])
    found = events(sentences, Aligner()(sentences), events_file=path)
    assert isinstance(found, Events)
    assert list(found.members.columns) == EVENT_COLUMNS
    assert list(found.labels.columns) == LABEL_COLUMNS
    assert found.labels[["event_id", "label", "n_documents", "n_sentences", "source"]].values.tolist() == [
        ["E01", "Khatami letter", 2, 2, "events file"],
        ["E02", "Moscow visit", 1, 1, "events file"],
    ]
    assert found.members[["event_id", "doc_id", "sent_id"]].values.tolist() == [
        ["E01", "wiki", 1], ["E01", "tabloid", 1], ["E02", "wiki", 2]]
    assert np.isnan(found.members["similarity"].iloc[2])  # nothing in another document to compare with


def test_match_events_needs_two_terms_or_a_year_and_a_term():
    specs = read_events_file(None)[:1] + [read_events_file(None)[3]]  # 1979 Guard, 1999 Khatami
    sentences = table([("a", "He joined the Revolutionary Guard."), ("a", "The Shah fell in 1979."),
                       ("a", "He joined a gym."), ("a", "Khatami faced student protests in 1999.")])
    assert match_events(sentences, specs).tolist() == [0, 0, -1, 1]


def test_seed_events_with_shipped_file(seed_sentences, seed_pairs):
    found = events(seed_sentences, seed_pairs, events_file=SEEDS / "events.toml")
    labels = found.labels.set_index("label")
    assert labels.loc["1999: letter to Khatami during student protests", "n_documents"] == 3
    assert labels.loc["Sanctions: UN 2007, US and EU 2011", "source"] == "events file"
    # Ids follow the first sentence of each event in table order: the 2025 article's lead comes first.
    assert found.labels["event_id"].iloc[0] == "E01"
    assert found.members.groupby("event_id")["doc_id"].nunique().min() >= 1
    assert not found.members.duplicated(["doc_id", "sent_id"]).any()


def test_clustered_events_span_documents_and_get_term_labels(seed_sentences, seed_pairs):
    found = events(seed_sentences, seed_pairs)
    assert (found.labels["source"] == "clustered").all()
    assert (found.labels["n_documents"] >= 2).all()
    assert found.labels["n_sentences"].max() <= 9  # three per document at most: no giant chained component
    # The distinctive terms moved to ``keywords`` (issue 20); ``label`` is now a phrase (tests/align/test_key_phrases).
    keywords = " | ".join(found.labels["keywords"])
    assert "Crocker" in keywords and "Khatami" in keywords


@pytest.mark.parametrize(("text", "message"), [
    ("[[event]\nname = 'x'", r"events\.toml:1: not valid TOML"),
    ("[[event]]\nterms = ['a']\n", r"events\.toml:1: event 1 needs a name"),
    ("[[event]]\nname = 'x'\n", r"events\.toml:1: event 'x' needs terms"),
    ("[[event]]\nname = 'x'\nterms = ['a']\n\n[[event]]\nname = 'y'\nterms = ['b']\nyear = [1999]\n",
     r"events\.toml:8: event 2 has unknown key 'year'"),
    ("[[event]]\nname = 'x'\nterms = ['a']\nyears = ['1999']\n", r"events\.toml:4: event 'x': years must be"),
    ("title = 'mine'\n[[event]]\nname = 'x'\nterms = ['a']\n", r"events\.toml:1: unknown key 'title'"),
    ("[[event]]\nname = 'x'\nterms = ['a']\n[[event]]\nname = 'x'\nterms = ['b']\n",
     r"events\.toml:4: duplicate event name 'x'"),
    ("[[event]]\nname = 'x'\nterms = ['Khatami', '-']\n", r"events\.toml:3: event 'x': term '-' has no word"),
])
def test_malformed_events_file_errors(tmp_path, text, message):
    path = tmp_path / "events.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(FramingError, match=message):
        read_events_file(path)


def test_a_wordless_events_term_is_refused_not_matched_everywhere(tmp_path):
    # Reported: terms = ["-"] made the cue pattern match between any two words, so every sentence joined.
    path = tmp_path / "events.toml"
    path.write_text("[[event]]\nname = 'dash'\nterms = ['-', 'x']\n", encoding="utf-8")
    with pytest.raises(FramingError, match=r"events\.toml:3: event 'dash': term '-' has no word to match"):
        read_events_file(path)


def test_shipped_events_file_is_valid_and_copied_to_seeds():
    from importlib.resources import files

    shipped = files("framing.data").joinpath("events_seeds.toml").read_text(encoding="utf-8")
    assert (SEEDS / "events.toml").read_text(encoding="utf-8") == shipped
    assert len(read_events_file(None)) == 11


# ---------------------------------------------------------------------------------------------------------
# Comparison, omissions, word choice


@pytest.fixture
def two_docs():
    sentences = table([
        ("wiki", "In 1999 he signed a letter to Khatami."),
        ("wiki", "He unfurled a map in Moscow."),
        ("tabloid", "Khatami got a letter from the butcher in 1999."),
        ("tabloid", "The weather was mild."),
    ])
    members = pd.DataFrame({"event_id": ["E01", "E01", "E02"], "doc_id": ["wiki", "tabloid", "wiki"],
                            "sent_id": [1, 1, 2], "similarity": [0.4, 0.4, np.nan]})
    labels = pd.DataFrame({"event_id": ["E01", "E02"], "label": ["letter", "Moscow visit"], "n_documents": [2, 1],
                           "n_sentences": [2, 1], "source": ["events file", "events file"]})
    return sentences, Events(members, labels)


def test_event_comparison_without_scores_has_nan_columns(two_docs):
    sentences, found = two_docs
    comparison = event_comparison(found, sentences)
    assert list(comparison.columns) == COMPARISON_COLUMNS
    assert comparison[["event_id", "doc_id", "n_sentences"]].values.tolist() == [
        ["E01", "wiki", 1], ["E01", "tabloid", 1], ["E02", "wiki", 1], ["E02", "tabloid", 0]]
    assert comparison[["mean_compound", "loaded_authorial", "loaded_reported", "share_attributed"]].isna().all().all()
    assert comparison["sentences"].tolist()[2:] == ["He unfurled a map in Moscow.", ""]


def test_event_comparison_with_scores_and_terms(two_docs):
    sentences, found = two_docs
    scores = pd.DataFrame({"doc_id": ["wiki", "wiki", "tabloid", "tabloid"], "sent_id": [1, 2, 1, 2],
                           "compound": [0.2, 0.0, -0.6, 0.1], "source_kind": ["none", "official", None, None],
                           "quote": [False, False, True, False]})
    terms = pd.DataFrame({"doc_id": ["tabloid", "tabloid", "wiki"], "sent_id": [1, 1, 2],
                          "term": ["butcher", "regime", "unfurled"], "lemma": ["butcher", "regime", "unfurl"],
                          "category": "x", "direction": "pejorative", "voice": ["authorial", "reported", "authorial"],
                          "start": 0, "end": 1})
    comparison = event_comparison(found, sentences, scores, terms).set_index(["event_id", "doc_id"])
    assert comparison.loc[("E01", "tabloid"), "mean_compound"] == pytest.approx(-0.6)
    assert comparison.loc[("E01", "tabloid"), ["loaded_authorial", "loaded_reported"]].tolist() == [1, 1]
    assert comparison.loc[("E01", "tabloid"), "share_attributed"] == 1.0
    assert comparison.loc[("E01", "wiki"), "share_attributed"] == 0.0
    assert comparison.loc[("E02", "wiki"), "share_attributed"] == 1.0
    assert comparison.loc[("E02", "tabloid"), "loaded_authorial"] == 0
    assert np.isnan(comparison.loc[("E02", "tabloid"), "mean_compound"])


def test_omissions_on_two_documents(two_docs):
    sentences, found = two_docs
    missing = omissions(event_comparison(found, sentences))
    assert list(missing.columns) == OMISSION_COLUMNS
    assert missing.values.tolist() == [["E02", "Moscow visit", "wiki", "tabloid"]]


def test_omissions_empty_when_all_covered(two_docs):
    sentences, found = two_docs
    comparison = event_comparison(Events(found.members.iloc[:2], found.labels.iloc[:1]), sentences)
    assert omissions(comparison).empty


def test_word_choice_finds_loaded_word_against_neutral_wording():
    sentences = table([
        ("wiki", "The general was killed in a drone strike in Baghdad."),
        ("wiki", "His assassination was called illegal."),
        ("tabloid", "The butcher general was slaughtered in a drone strike in Baghdad."),
        ("tabloid", "The assassination of the general was welcomed."),
    ])
    pairs = pd.DataFrame({"doc_a": ["wiki", "wiki"], "sent_a": [1, 2], "doc_b": ["tabloid", "tabloid"],
                          "sent_b": [1, 2], "similarity": [0.6, 0.3]})
    terms = pd.DataFrame({
        "doc_id": ["tabloid", "tabloid", "wiki", "tabloid"], "sent_id": [1, 1, 2, 2],
        "term": ["butcher", "slaughtered", "assassination", "assassination"],
        "lemma": ["butcher", "slaughter", "assassination", "assassination"],
        "category": "violent_dramatic", "direction": "pejorative", "voice": "authorial", "start": 0, "end": 1})
    lexicon = pd.DataFrame({"term": ["slaughter", "assassination"], "neutral": ["kill", "killing"]})
    choice = word_choice(pairs, terms, sentences, lexicon=lexicon)
    assert list(choice.columns) == WORD_CHOICE_COLUMNS
    # "assassination" is on both sides of pair 2: no contrast there.
    assert choice[["sent_a", "loaded_doc", "term", "lemma"]].values.tolist() == [
        [1, "tabloid", "butcher", "butcher"], [1, "tabloid", "slaughtered", "slaughter"]]
    assert choice["neutral"].tolist()[1] == "kill" and pd.isna(choice["neutral"].iloc[0])
    assert choice["other_side_text"].iloc[1] == "The general was killed in a drone strike in Baghdad."


def test_word_choice_without_hits_is_empty():
    pairs = pd.DataFrame({"doc_a": ["a"], "sent_a": [1], "doc_b": ["b"], "sent_b": [1], "similarity": [0.5]})
    terms = pd.DataFrame(columns=["doc_id", "sent_id", "term", "lemma", "category", "direction", "voice",
                                  "start", "end"])
    assert list(word_choice(pairs, terms, table([("a", "x"), ("b", "y")])).columns) == WORD_CHOICE_COLUMNS
