import pandas as pd
import pytest
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from framing.lexicons import load_lexicon
from framing.scorers.loaded import LoadedTermScorer, term_counts, vader_blind_counts
from framing.scorers.rewrites import (REWRITE_COLUMNS, Hit, NeutralRewriter, rewrite_sentence, shown_spans,
                                      summarise_rewrites, swap_for)

from ..conftest import SEEDS

LEXICON = load_lexicon()


def rewritten(text: str) -> str:
    hits = [Hit(m.start, m.end, m.term, LEXICON.row(m.term)["neutral"]) for m in LEXICON.find(text)]
    return rewrite_sentence(text, hits).text


@pytest.mark.parametrize("text, expected", [
    # verbs: simple past, participle after an auxiliary, -ing, third person, irregular forms, phrasal verbs
    ("Soleimani slaughtered thousands.", "Soleimani killed thousands."),
    ("Thousands were slaughtered in Syria.", "Thousands were killed in Syria."),
    ("The army is slaughtering villagers.", "The army is killing villagers."),
    ("The minister slams the plan.", "The minister criticises the plan."),
    ("Troops gunned down protesters.", "Troops shot dead protesters."),
    ("He usurped the throne and had usurped it before.", "He took the throne and had taken it before."),
    ("He helped Assad slaughter his people.", "He helped Assad kill his people."),
    # nouns: the noun swap, plurals (irregular too), possessive 's kept
    ("They oversaw the slaughter of protesters.", "They oversaw the killing of protesters."),
    ("The regimes of the region fell.", "The governments of the region fell."),
    ("The martyrs were buried.", "The persons killed were buried."),
    ("The regime's army advanced.", "The government's army advanced."),
    # case: capital at the sentence start, ALL-CAPS headline words, a lexicon capital kept
    ("Regime forces advanced.", "Government forces advanced."),
    ("\u201cTerrorist\u201d cells were found.", "\u201cMilitant\u201d cells were found."),
    ("TERRORIST GENERAL KILLED", "MILITANT GENERAL KILLED"),
    ("They attacked the zionist entity.", "They attacked the Israel."),
    # multi-word entries and wildcard entries (the wildcard's words kept)
    ("He called it collateral damage.", "He called it civilian casualties."),
    ("Officials warned of a flood of illegal migrants.", "Officials warned of an arrival of illegal migrants."),
    # dropped words ("(omit)"): before a noun only
    ("He was a notorious and brave commander.", "He was a well-known and brave commander."),
    ("The brave soldiers returned.", "The soldiers returned."),
    ("The soldiers were brave.", "The soldiers were brave."),
])
def test_swaps_keep_inflection_case_and_the_words_around_them(text, expected):
    assert rewritten(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("It was a notorious attack.", "It was a well-known attack."),
    ("It was an infamous massacre.", "It was a well-known killing."),
    ("He is an extremist cleric and a terrorist.", "He is an extremist cleric and a militant."),
    ("It was a unprovoked attack.", "It was an attack."),
    ("A notorious commander died.", "A well-known commander died."),
    ("An infamous commander died.", "A well-known commander died."),
])
def test_a_and_an_are_fixed_before_the_swapped_word(text, expected):
    assert rewritten(text) == expected


def test_reported_uses_stay_as_written_and_authorial_ones_are_swapped():
    text = 'The regime said the protesters were "terrorists".'
    sentences = pd.DataFrame({"doc_id": ["d"], "sent_id": [1], "start": [0], "text": [text], "compound": [0.0]})
    quoted = text.index('"terrorists"')
    reported = pd.DataFrame({"doc_id": ["d"], "sent_id": [1], "start": [quoted], "end": [quoted + 12],
                             "kind": ["quotation"]})
    terms = LoadedTermScorer(LEXICON)(sentences, reported)
    assert dict(zip(terms["lemma"], terms["voice"])) == {"regime": "authorial", "terrorist": "reported"}
    [row] = NeutralRewriter(LEXICON)(sentences, terms).itertuples()
    assert row.neutral_text == 'The government said the protesters were "terrorists".'
    assert (row.n_swapped, row.n_skipped) == (1, 0)
    assert [row.neutral_text[s:e] for s, e in shown_spans(row.neutral_spans)] == ["government"]


def test_entries_without_a_clean_swap_are_left_and_counted():
    assert swap_for("blood * on <poss> hands", "responsible for deaths (attribute)").reason == "placeholders_differ"
    assert swap_for("heroic", "(describe the act)").reason == "note_only"
    assert swap_for("brave", "(omit) / (describe the act)").segments == ((),)
    text = "Terrorist general with the blood of THOUSANDS on his hands"
    hits = [Hit(m.start, m.end, m.term, LEXICON.row(m.term)["neutral"]) for m in LEXICON.find(text)]
    result = rewrite_sentence(text, hits)
    assert (result.text, result.n_swapped, result.n_skipped) == (
        "Militant general with the blood of THOUSANDS on his hands", 1, 1)


def test_every_first_alternative_of_the_lexicon_follows_the_rule():
    """LEXICON.md: a first alternative is a swap, (omit), or a note in parentheses — never unbracketed advice."""
    advice = ("name ", "describe ", "attribute ", "quote ", "cite ", "say which")
    for term, neutral in zip(LEXICON.entries["term"], LEXICON.entries["neutral"]):
        first = neutral.split(" / ")[0]
        assert not first.lower().startswith(advice), (term, neutral)


def test_vader_valence_is_vaders_own_lexicon_value():
    vader = SentimentIntensityAnalyzer().lexicon
    text = "The regime slaughtered civilians in a brutal, evil massacre and was hated."
    sentences = pd.DataFrame({"doc_id": ["d"], "sent_id": [1], "start": [0], "text": [text]})
    hits = LoadedTermScorer(LEXICON)(sentences).set_index("term")["vader_valence"]
    assert hits["brutal"] == vader["brutal"] and hits["evil"] == vader["evil"]
    assert hits["brutal"] < 0
    for blind in ("regime", "slaughtered", "massacre"):
        assert blind not in vader and hits[blind] == 0
    counts = vader_blind_counts(LoadedTermScorer(LEXICON)(sentences))
    assert set(counts["lemma"]) == {"regime", "slaughter", "massacre"}
    by_lemma = term_counts(LoadedTermScorer(LEXICON)(sentences), LEXICON).set_index("lemma")["vader_blind"]
    assert by_lemma["regime"] and not by_lemma["brutal"]


def test_summary_means_only_the_rewritten_sentences():
    rewrites = pd.DataFrame({"doc_id": ["a", "a", "a", "b"], "sent_id": [1, 2, 3, 1], "text": "t",
                             "neutral_text": "n", "n_swapped": [1, 2, 0, 0], "compound": [-0.5, 0.1, 0.9, 0.3],
                             "neutral_compound": [-0.7, 0.1, 0.9, 0.3], "n_skipped": [0, 1, 1, 2], "swaps": "",
                             "neutral_spans": ""})
    summary = summarise_rewrites(rewrites).set_index("doc_id")
    assert summary.loc["a", "n_rewritten"] == 2 and summary.loc["a", "swapped_terms"] == 3
    assert summary.loc["a", "unswapped_terms"] == 2
    assert summary.loc["a", "rewritten_compound_before"] == pytest.approx(-0.2)
    assert summary.loc["a", "rewritten_compound_after"] == pytest.approx(-0.3)
    assert summary.loc["a", "rewritten_compound_shift"] == pytest.approx(-0.1)
    assert summary.loc["b", "n_rewritten"] == 0 and pd.isna(summary.loc["b", "rewritten_compound_before"])


@pytest.fixture(scope="module")
def seed_analysis():
    from framing import analyze

    return analyze(SEEDS)


def test_seed_rewrites_show_the_daily_mails_slaughtered_sentences_in_neutral_words(seed_analysis):
    rewrites = seed_analysis.rewrites
    assert list(rewrites.columns) == REWRITE_COLUMNS
    daily = rewrites[(rewrites["doc_id"] == "dailymail-2020") & rewrites["text"].str.contains("slaughtered")]
    assert len(daily) >= 3
    for row in daily.itertuples():
        assert "slaughtered" not in row.neutral_text and "killed" in row.neutral_text
        assert "slaughtered → killed" in row.swaps
    # "killed" is in VADER's lexicon and "slaughtered" is not: the neutral form reads more negative.
    assert (daily["neutral_compound"] < daily["compound"]).all()
    vader = SentimentIntensityAnalyzer()
    first = daily.iloc[0]
    assert first["neutral_compound"] == vader.polarity_scores(first["neutral_text"])["compound"]
    documents = seed_analysis.documents.set_index("doc_id")
    assert documents.loc["dailymail-2020", "n_rewritten"] > 0
    assert documents.loc["dailymail-2020", "rewritten_compound_after"] < documents.loc[
        "dailymail-2020", "rewritten_compound_before"]
