import pandas as pd
import pytest

from framing.lexicons import load_lexicon
from framing.scorers.loaded import HIT_COLUMNS, LoadedTermScorer, score_loaded, summarise_loaded, term_counts

from ..conftest import DATA


def one_sentence(text, doc_id="d"):
    sentences = pd.DataFrame({"doc_id": [doc_id], "sent_id": [1], "para_id": [1], "section": ["body"],
                              "start": [0], "end": [len(text)], "text": [text], "n_words": [len(text.split())],
                              "citations": [0]})
    return sentences, pd.DataFrame({"doc_id": [doc_id], "text": [text]})


def test_hits_have_the_contract_columns_and_document_offsets():
    sentences = pd.DataFrame({"doc_id": ["d", "d"], "sent_id": [1, 2], "start": [0, 20],
                              "text": ["A calm sentence.", "The regime fell."]})
    hits = LoadedTermScorer()(sentences)
    assert list(hits.columns) == HIT_COLUMNS
    [hit] = hits.itertuples()
    assert (hit.term, hit.lemma, hit.category, hit.direction, hit.voice) == (
        "regime", "regime", "pejorative_label", "pejorative", "authorial")
    assert (hit.start, hit.end) == (24, 30)


def test_reported_span_overlap_makes_a_hit_reported():
    sentences = pd.DataFrame({"doc_id": ["d"], "sent_id": [1], "start": [100], "text": ["He called him a terrorist."]})
    reported = pd.DataFrame({"doc_id": ["d"], "sent_id": [1], "start": [110], "end": [125], "kind": ["attributed"]})
    assert LoadedTermScorer()(sentences, reported)["voice"].tolist() == ["reported"]


def voice_cases():
    cases = pd.read_csv(DATA / "voice_cases.csv")
    return [pytest.param(row.sentence, row.term, row.voice, id=row.case_id) for row in cases.itertuples()]


@pytest.fixture(scope="module")
def voice_results():
    """Voice of every labelled case's term, scored in one pass (each case is its own document)."""
    cases = pd.read_csv(DATA / "voice_cases.csv")
    texts = cases["sentence"].tolist()
    ids = cases["case_id"].tolist()
    sentences = pd.DataFrame({"doc_id": ids, "sent_id": 1, "para_id": 1, "section": "body", "start": 0,
                              "end": [len(t) for t in texts], "text": texts, "n_words": 1, "citations": 0})
    documents = pd.DataFrame({"doc_id": ids, "text": texts})
    # Score with a lexicon that surely contains each labelled term, so the test measures voice alone.
    lexicon_rows = [{"term": term.lower(), "category": "pejorative_label", "direction": "other",
                     "neutral": "x", "note": "test"} for term in sorted(set(cases["term"].str.lower()))]
    from framing.lexicons import Lexicon

    lexicon = Lexicon(entries=pd.DataFrame(lexicon_rows), source="voice cases")
    hits = score_loaded(sentences, documents, lexicon=lexicon)
    results = {}
    for case in cases.itertuples():
        start = case.sentence.lower().find(case.term.lower())
        mine = hits[(hits["doc_id"] == case.case_id) & (hits["start"] <= start) & (hits["end"] > start)]
        results[case.case_id] = mine["voice"].iloc[0] if len(mine) else "missing"
    return cases, results


def test_voice_accuracy_on_labelled_cases(voice_results):
    cases, results = voice_results
    correct = sum(results[row.case_id] == row.voice for row in cases.itertuples())
    wrong = [(row.case_id, row.term, row.voice, results[row.case_id]) for row in cases.itertuples()
             if results[row.case_id] != row.voice]
    # Measured accuracy is recorded in benchmarks/RESULTS.md; this guards against regressions.
    assert correct / len(cases) >= 0.85, wrong


@pytest.mark.parametrize(
    ("text", "term", "voice"),
    [
        ("Soleimani was 'the world's top terrorist', Trump said.", "terrorist", "reported"),
        ("The strike killed the terrorist mastermind.", "terrorist", "authorial"),
        ("The strike killed the terrorist mastermind.", "mastermind", "authorial"),
        ("According to Tasnim, the martyr was buried in Kerman.", "martyr", "reported"),
        ("Trump called him a terrorist.", "terrorist", "reported"),
        ("The group was designated as a terrorist organisation by the US.", "terrorist", "reported"),
        ("He was hailed as a hero in Tehran.", "hero", "reported"),
        ("The regime said it would respond.", "regime", "authorial"),
        ("He is reportedly a terrorist.", "terrorist", "authorial"),
        ("Officials said that the regime had slaughtered protesters.", "slaughtered", "reported"),
        ("Terrorist general with the blood of THOUSANDS on his hands", "Terrorist", "authorial"),
        ("State television said looters had been arrested.", "looters", "reported"),
        ("Riots spread to three more cities overnight.", "Riots", "authorial"),
        ("Soldiers murdered two farmers, the villagers said.", "murdered", "reported"),
    ],
)
def test_voice_examples(text, term, voice):
    sentences, documents = one_sentence(text)
    hits = score_loaded(sentences, documents)
    match = hits[hits["term"] == term]
    assert match["voice"].tolist() == [voice]


def test_seed_headline_hits_are_authorial(seed_corpus, seed_sentences):
    hits = score_loaded(seed_sentences, seed_corpus.documents)
    headline = seed_sentences.query("doc_id == 'dailymail-2020' and section == 'headline'")["sent_id"].iloc[0]
    mine = hits.query("doc_id == 'dailymail-2020' and sent_id == @headline")
    assert {"terrorist", "blood * on <poss> hands"} <= set(mine["lemma"])
    assert set(mine.query("lemma in ['terrorist', 'blood * on <poss> hands', 'mastermind']")["voice"]) == {"authorial"}


def test_seed_wikipedia_martyr_and_national_hero_are_reported(seed_corpus, seed_sentences):
    hits = score_loaded(seed_sentences, seed_corpus.documents).query("doc_id == 'wikipedia-2025'")
    texts = seed_sentences.set_index(["doc_id", "sent_id"])["text"]
    martyr = hits[hits["lemma"].eq("martyr") & hits["sent_id"].map(
        lambda s: "Larijani" in texts[("wikipedia-2025", s)])]
    hero = hits[hits["lemma"].isin(["hero", "national hero"]) & hits["sent_id"].map(
        lambda s: "national hero" in texts[("wikipedia-2025", s)])]
    assert martyr["voice"].tolist() == ["reported"]
    assert hero["voice"].tolist() == ["reported"]


def test_summary_rates_per_1000_words_include_zero_rows():
    sentences = pd.DataFrame({"doc_id": ["a", "b"], "sent_id": [1, 1], "start": [0, 0], "n_words": [500, 250],
                              "text": ["The regime and the regime.", "Calm."]})
    hits = LoadedTermScorer()(sentences)
    summary = summarise_loaded(hits, sentences)
    assert len(summary) == 2 * 7 * 2
    row = summary.query("doc_id == 'a' and category == 'pejorative_label' and voice == 'authorial'").iloc[0]
    assert (row.n_hits, row.n_words, row.per_1000_words) == (2, 500, 4.0)
    assert summary.query("doc_id == 'b'")["n_hits"].sum() == 0


def test_term_counts_split_by_voice_with_neutral_alternative():
    hits = pd.DataFrame({"doc_id": ["a", "a", "a"], "sent_id": [1, 2, 3], "term": ["regime", "Regime", "martyr"],
                         "lemma": ["regime", "regime", "martyr"], "category": ["pejorative_label"] * 2 + ["honorific_label"],
                         "direction": ["pejorative"] * 2 + ["honorific"], "voice": ["authorial", "reported", "reported"],
                         "start": [0, 0, 0], "end": [1, 1, 1]})
    table = term_counts(hits, load_lexicon())
    first = table.iloc[0]
    assert (first.lemma, first.authorial, first.reported, first.total) == ("regime", 1, 1, 2)
    assert "government" in first.neutral
