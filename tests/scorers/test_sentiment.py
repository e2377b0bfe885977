import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from framing.errors import FramingError
from framing.scorers.contributions import (
    CONTRIBUTION_COLUMNS,
    SHIFT_COLUMNS,
    contributions,
    sentence_contributions,
    word_shift,
)
from framing.scorers.sentiment import (
    SENTIMENT_COLUMNS,
    SentimentScorer,
    score_sentiment,
    summarise_sentiment,
)
from framing.scorers.vader import VaderReading, analyzer

# A fresh analyzer, so the expected values do not come from the module under test.
VADER = SentimentIntensityAnalyzer()


def table(texts, doc_id="d", start=None):
    frame = pd.DataFrame({"doc_id": doc_id, "sent_id": range(1, len(texts) + 1), "text": texts})
    if start is not None:
        frame["start"] = start
    return frame


def contribution_of(text):
    return {token.word: value for token, value in sentence_contributions(text)}


# ---------------------------------------------------------------------------------------------------------
# Sentence scores


@pytest.mark.parametrize(
    "text",
    [
        "He is a terrorist",
        "The book was good.",
        "The plot was good, but the characters are uncompelling and the dialog is not great.",
        "VADER is VERY SMART, handsome, and FUNNY!!!",
        "At least it isn't a horrible book.",
        "Catch utf-8 emoji such as 💘 and 💋 and 😁",
        "Soleimani was killed in a US drone strike at Baghdad airport.",
        "",
    ],
)
def test_scores_are_vaders_polarity_scores(text):
    scores = SentimentScorer()(table([text])).scores
    assert scores.iloc[0][["neg", "neu", "pos", "compound"]].to_dict() == VADER.polarity_scores(text)


def test_scores_keep_row_order_and_ids():
    sentences = pd.DataFrame({"doc_id": ["b", "a", "b"], "sent_id": [7, 1, 2],
                              "text": ["It was terrible.", "It was good.", "It was."]})
    scores = score_sentiment(sentences)
    assert list(scores.columns) == SENTIMENT_COLUMNS
    assert scores[["doc_id", "sent_id"]].values.tolist() == [["b", 7], ["a", 1], ["b", 2]]
    assert scores["compound"].tolist() == [-0.4767, 0.4404, 0.0]


def test_hand_checked_compound():
    # terrorist = -3.7 in VADER's lexicon; -3.7 / sqrt(3.7² + 15) = -0.6908
    assert score_sentiment(table(["He is a terrorist"]))["compound"].item() == -0.6908


def test_analyzer_is_built_once():
    assert analyzer() is analyzer()


def test_missing_column_is_an_input_error():
    with pytest.raises(FramingError, match="lacks column"):
        score_sentiment(pd.DataFrame({"doc_id": ["a"], "text": ["x"]}))


def test_empty_input_gives_empty_tables():
    empty = table([])
    assert list(score_sentiment(empty).columns) == SENTIMENT_COLUMNS
    assert contributions(empty).empty and list(contributions(empty).columns) == CONTRIBUTION_COLUMNS
    assert summarise_sentiment(score_sentiment(empty)).empty


# ---------------------------------------------------------------------------------------------------------
# Contributions


def test_single_word_contribution_is_the_compound():
    assert contribution_of("He is a terrorist") == {"terrorist": -0.6908}


def test_negation_gets_the_blame():
    # good = 1.9 → 0.4404; "not good" = 1.9 × -0.74 → -0.3412. Under the negation "good" itself pulls down.
    assert contribution_of("not good") == {"not": -0.7816, "good": -0.3412}


def test_word_after_but_dominates():
    # good ×0.5, terrible (-2.1) ×1.5: compound -0.4939
    result = contribution_of("The food is good but the service is terrible")
    assert result == {"good": 0.1371, "but": -0.4423, "terrible": -0.7321}
    assert abs(result["terrible"]) > abs(result["good"])


def test_caps_emphasis():
    # GOOD: (1.9 + 0.733) → 0.5622; "food" is the only lower-case word, and without it caps are not emphasis.
    assert contribution_of("The food is GOOD") == {"GOOD": 0.5622}
    assert contribution_of("GOOD food") == {"GOOD": 0.5622, "food": 0.1218}


def test_exclamation_mark_carrier():
    # good! = 1.9 + 0.292 → 0.4926; a separate "!" adds 0.4926 - 0.4404.
    assert contribution_of("The food is good!") == {"good": 0.4926}
    assert contribution_of("The food is good !") == {"good": 0.4926, "!": 0.0522}


def test_plain_word_that_moves_a_negation_into_the_window_counts():
    # "not" is 4 words before "good" (outside VADER's window); removing any word between brings it in.
    result = contribution_of("He did not say it was good")
    assert result == {"say": 0.7816, "it": 0.7816, "was": 0.7816, "good": 0.4404}


def test_sentence_without_lexicon_word_has_no_rows():
    assert sentence_contributions("The meeting was held in Baghdad on Friday.") == []


def test_contribution_offsets_point_into_the_document():
    document = "Intro. He is a terrorist, they said."
    rows = contributions(table(["He is a terrorist, they said."], start=[7]))
    assert list(rows.columns) == CONTRIBUTION_COLUMNS
    row = rows.iloc[0]
    assert (row["token"], row["start"], row["end"]) == ("terrorist", 15, 24)
    assert document[row["start"]:row["end"]] == "terrorist"


def test_token_keeps_short_punctuated_words_whole_like_vader():
    # VADER strips surrounding punctuation unless 2 characters or fewer remain ("no," stays "no,").
    assert [token.word for token, _ in sentence_contributions("(Terrible) news, no, no good.")] == \
        ["Terrible", "no", "good"]


def test_shortcut_equals_brute_force_on_seeds(seed_sentences):
    sample = seed_sentences.iloc[::2]
    assert contributions(sample).equals(contributions(sample, exhaustive=True))


def test_emoji_sentence_is_rescored_in_full():
    text = "Great day 😁 but not for him"
    assert sentence_contributions(text) == sentence_contributions(text, exhaustive=True)
    assert sentence_contributions(text)


# Words VADER reacts to from a neighbouring position, mixed with fillers, to try to break the shortcut.
VOCAB = [
    "good", "bad", "GOOD", "BAD", "not", "Not", "isn't", "no", "no,", "or", "nor", "very", "VERY", "kind", "of",
    "kinda", "sort", "just", "enough", "hardly", "but", "But", "least", "at", "never", "so", "this", "without",
    "doubt", "the", "shit", "ass", "bomb", "die", "to", "for", "kiss", "death", "yeah", "right", "!", "?",
    "great!", "bad?", "x", "y", "I", "US", ":)",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(VOCAB), min_size=1, max_size=10))
def test_shortcut_equals_brute_force_on_adversarial_sentences(words):
    text = " ".join(words)
    assert sentence_contributions(text) == sentence_contributions(text, exhaustive=True)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from([*VOCAB, "😁", "killed", "He", "WAS", "terrorist."]), min_size=0, max_size=40))
def test_reading_scores_equal_polarity_scores(words):
    # VaderReading makes polarity_scores' own calls on a window per word; the scores must not move at all.
    text = " ".join(words)
    assert VaderReading(text).scores() == analyzer().polarity_scores(text)


def test_long_sentence_contributions_equal_brute_force():
    # Windows near both ends and a "but" in the middle of a sentence longer than any window.
    text = "Not good at all, " + "the army said " * 8 + "but NOT VERY bad at least, no good or nice!"
    assert sentence_contributions(text) == sentence_contributions(text, exhaustive=True)
    assert VaderReading(text).scores() == analyzer().polarity_scores(text)


def test_whole_document_compound_saturates_on_seeds(seed_sentences):
    # Why the module never scores a whole document: every seed lands beyond -0.99.
    body = seed_sentences[seed_sentences["section"] == "body"]
    whole = {doc: VADER.polarity_scores(" ".join(g["text"]))["compound"] for doc, g in body.groupby("doc_id")}
    assert whole == {"dailymail-2020": -0.9948, "wikipedia-2017": -0.9906, "wikipedia-2025": -0.9974}


# ---------------------------------------------------------------------------------------------------------
# Word shift


@pytest.fixture
def two_docs():
    contribs = pd.DataFrame(
        [("a", 1, "Terrorist", -0.6), ("a", 2, "terrorist", -0.4), ("a", 2, "good", 0.2),
         ("b", 1, "terrorist", -0.4), ("b", 2, "good", 0.8), ("b", 3, "war", -0.2)],
        columns=["doc_id", "sent_id", "token", "contribution"],
    )
    scores = pd.DataFrame({"doc_id": ["a"] * 2 + ["b"] * 4 + ["c"], "compound": 0.0})
    return contribs, scores


def test_word_shift_per_sentence_sign_and_rank(two_docs):
    contribs, scores = two_docs
    shift = word_shift(contribs, scores, "a", "b")
    assert list(shift.columns) == SHIFT_COLUMNS
    # a: 2 sentences, b: 4. terrorist -1.0/2 vs -0.4/4; good 0.2/2 vs 0.8/4; war 0 vs -0.2/4.
    assert shift["term"].tolist() == ["terrorist", "good", "war"]
    assert shift["contribution_a"].tolist() == pytest.approx([-0.5, 0.1, 0.0])
    assert shift["contribution_b"].tolist() == pytest.approx([-0.1, 0.2, -0.05])
    assert shift["difference"].tolist() == pytest.approx([-0.4, -0.1, 0.05])
    assert shift["rank"].tolist() == [1, 2, 3]


def test_word_shift_top_and_reversal(two_docs):
    contribs, scores = two_docs
    assert word_shift(contribs, scores, "a", "b", top=2)["term"].tolist() == ["terrorist", "good"]
    reversed_ = word_shift(contribs, scores, "b", "a")
    assert reversed_["difference"].tolist() == pytest.approx([0.4, 0.1, -0.05])


def test_word_shift_document_without_contributions(two_docs):
    contribs, scores = two_docs
    shift = word_shift(contribs, scores, "c", "b")
    assert shift.set_index("term")["contribution_a"].eq(0).all()
    assert shift.set_index("term").loc["good", "difference"] == pytest.approx(-0.2)


def test_word_shift_unknown_document(two_docs):
    contribs, scores = two_docs
    with pytest.raises(FramingError, match="unknown doc_id 'nope'"):
        word_shift(contribs, scores, "a", "nope")


def test_contributions_for_copies_equal_scoring_every_sentence():
    from framing.scorers.contributions import for_copies

    texts = ["The attack was horrific and deadly.", "Officials praised the calm response.", "Nothing here.",
             "The attack was horrific and deadly."]
    sentences = pd.DataFrame({"doc_id": ["a", "a", "b", "b", "c"], "sent_id": [1, 2, 1, 2, 1],
                              "start": [0, 40, 0, 15, 7], "text": [texts[0], texts[1], texts[2], texts[3], texts[1]]})
    direct = contributions(sentences)
    codes, distinct = pd.factorize(sentences["text"])
    numbered = pd.DataFrame({"doc_id": range(len(distinct)), "sent_id": range(len(distinct)), "start": 0,
                             "text": list(distinct)})
    expanded = for_copies(contributions(numbered), codes, sentences[["doc_id", "sent_id", "start"]])
    pd.testing.assert_frame_equal(expanded, direct)
    assert (expanded["doc_id"] == "b").sum() == (expanded["doc_id"] == "a").sum() - len(
        contributions(sentences.iloc[[1]]))  # b's copy of a's first sentence, plus "Nothing here." (no rows)
    assert set(expanded.loc[expanded["doc_id"] == "c", "start"]) <= {s + 7 for s in range(40)}
