"""Property-based tests: arbitrary Unicode mixed with the characters that matter to framing — quotation marks of
every style, brackets and citation markers, sentence punctuation, line and paragraph breaks, abbreviations and
the words the scorers react to. Whatever the text, nothing raises, every offset points into the cleaned text
and every categorical value comes from its closed vocabulary.

The example counts keep this file to about 15 seconds; raise ``FUZZ_EXAMPLES`` locally to search harder (3,000
examples per property found nothing more on 2026-11-21).
"""

import os
import re
import warnings

import pandas as pd
from hypothesis import HealthCheck, given, reject, settings
from hypothesis import strategies as st

from framing.corpus import SECTIONS, Corpus, clean_text
from framing.errors import FramingError
from framing.scorers.attribution import (
    SOURCE_KINDS,
    SPAN_KINDS,
    STANCES,
    Attribution,
    attribution_details,
    cue_lemmas,
    reported_spans,
)
from framing.scorers.contributions import contributions
from framing.scorers.loaded import VOICES, LoadedTermScorer
from framing.scorers.quotes import QUOTE_KINDS, quote_spans
from framing.scorers.sentiment import SentimentScorer
from framing.scorers.vader import analyzer
from framing.segment import MAX_SENTENCE_WORDS, sentences

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "150"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])

QUOTES = ['"', "“", "”", "'", "‘", "’", "«", "»", "''", "„", "``", "‹", "›"]
BRACKETS = ["(", ")", "[", "]", "{", "}", "[12]", "[ 210 ]", "[note 1]", "[citation needed]", "[his]", "[a]"]
PUNCTUATION = [".", "!", "?", "…", ",", ";", ":", " — ", " – ", "-", "?'", '!"', "...", "•", "* "]
BREAKS = ["\n", "\n\n", "\r\n", "\r", "\r\n\r\n", "\t", "  ", "\u00a0", "\u200b", "\u00ad", "\x0c", "\u2028",
          "\u2029", "\x85"]
WORDS = ["the", "a", "regime", "said", "says", "told", "Soleimani", "terrorist", "martyr", "hero", "slaughtered",
         "according", "to", "He", "She", "They", "was", "is", "not", "no", "good", "very", "but", "officials",
         "US", "Iran's", "soldiers'", "'80s", "Dr.", "Gen.", "U.S.", "reportedly", "alleged", "described", "as",
         "called", "him", "by", "that", "BAD", "GREAT", "blood", "on", "his", "hands", "kind", "of", ":)", "😀",
         "<p>", "</p>", "<br>", "<br/>", "<div class='x'>", "</div>", "<a href=\"/x\">", "</a>", "<script>",
         "</script>", "<!--", "-->", "<!DOCTYPE html>", "&amp;", "&#39;", "&#x1F600;", "&#99999999;", "&nbsp;",
         "a < b", "<3", "Pictured", "(pictured)", "http://x.y/z", "1979", "–",
         # Characters whose case mapping changes length, ligatures, combining marks, bidi controls, astral.
         "İstanbul", "STRAßE", "ﬁght", "e\u0301", "\u200f", "\u202e", "𝐓𝐞𝐫𝐫𝐨𝐫", "Ⅻ", "\x00", "\ufeff"]

pieces = st.one_of(
    st.sampled_from(WORDS), st.sampled_from(WORDS), st.sampled_from(QUOTES), st.sampled_from(BRACKETS),
    st.sampled_from(PUNCTUATION), st.sampled_from(BREAKS), st.text(max_size=6),
)
documents = st.lists(st.tuples(pieces, st.sampled_from(["", " ", " ", "\n"])), max_size=60).map(
    lambda parts: "".join(piece + sep for piece, sep in parts))
# A document the cleaner keeps (has a letter or digit), so the later stages have something to work on.
texts_with_words = documents.filter(lambda text: re.search(r"\w", text) is not None)


def corpus_of(raw: str) -> Corpus:
    """A one-document corpus, as :func:`framing.load_corpus` would build it from a file holding ``raw``."""
    try:
        cleaned = clean_text(raw, path="fuzz.txt")
    except FramingError:
        reject()  # nothing left to split (markup or marks only); the cleaner's own test covers this
    return Corpus(
        documents=pd.DataFrame({"doc_id": ["fuzz"], "path": ["fuzz.txt"], "text": [cleaned.text]}),
        paragraphs=cleaned.paragraphs.assign(doc_id="fuzz"),
        removals=cleaned.removals.assign(doc_id="fuzz"),
    )


def quietly(function, *args):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return function(*args)


# --- cleaner ----------------------------------------------------------------------------------------------------

@FUZZ
@given(documents)
def test_cleaner_never_fails_except_on_a_text_with_nothing_left(raw):
    try:
        cleaned = quietly(clean_text, raw)
    except FramingError as error:
        assert "has no text left after cleaning" in str(error)
        return
    text = cleaned.text
    assert text and text == text.strip()
    # Every line ending is "\n"; every quotation mark straight; no invisible characters.
    assert not set(text) & set("\r\x0b\x0c\x85\u2028\u2029“”„‟«»‘’‚‛‹›\u200b\u200c\u200d\u2060\ufeff\u00ad")
    previous_end = None
    for row in cleaned.paragraphs.itertuples():
        paragraph = text[row.start:row.end]
        assert paragraph and paragraph == paragraph.strip() and "\n\n" not in paragraph
        # Paragraphs tile the text, separated by exactly one blank line.
        assert (row.start == 0) if previous_end is None else (text[previous_end:row.start] == "\n\n")
        assert row.section in SECTIONS
        previous_end = row.end
    assert previous_end == len(text)
    assert cleaned.removals["position"].between(0, len(text)).all()
    assert cleaned.removals["para_id"].isin(cleaned.paragraphs["para_id"]).all()


# --- sentences --------------------------------------------------------------------------------------------------

@FUZZ
@given(texts_with_words)
def test_sentences_are_slices_of_the_cleaned_text_in_order(raw):
    corpus = quietly(corpus_of, raw)
    text = corpus.documents["text"].iloc[0]
    table = quietly(sentences, corpus)
    paragraphs = corpus.paragraphs.set_index("para_id")
    assert table["sent_id"].tolist() == list(range(1, len(table) + 1))
    previous_end = 0
    for row in table.itertuples():
        assert 0 <= previous_end <= row.start < row.end <= len(text)
        assert row.text == text[row.start:row.end] == row.text.strip()
        assert paragraphs.loc[row.para_id, "start"] <= row.start and row.end <= paragraphs.loc[row.para_id, "end"]
        assert row.section == paragraphs.loc[row.para_id, "section"]
        assert row.n_words <= MAX_SENTENCE_WORDS
        previous_end = row.end
    # Every word of every paragraph is in exactly one sentence.
    covered = sum(row.n_words for row in table.itertuples())
    assert covered == sum(len(re.findall(r"\w+(?:['’-]\w+)*", text[p.start:p.end]))
                          for p in corpus.paragraphs.itertuples())
    assert table["citations"].sum() == (corpus.removals["kind"] == "citation").sum()


@settings(max_examples=max(10, EXAMPLES // 10), deadline=None)
@given(st.lists(st.sampled_from(WORDS[:30] + [",", ";", "—"]), min_size=400, max_size=900))
def test_run_on_text_is_cut_into_sentences_of_bounded_length(words):
    corpus = quietly(corpus_of, " ".join(words))
    table = quietly(sentences, corpus)
    text = corpus.documents["text"].iloc[0]
    assert (table["n_words"] <= MAX_SENTENCE_WORDS).all()
    assert all(text[row.start:row.end] == row.text for row in table.itertuples())


# --- scorers ----------------------------------------------------------------------------------------------------

@FUZZ
@given(texts_with_words)
def test_quote_spans_stay_inside_their_paragraph(raw):
    text = quietly(corpus_of, raw).documents["text"].iloc[0]
    bounds = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+(?:\n(?!\n)[^\n]+)*", text)]
    for span in quote_spans(text):
        assert span.kind in QUOTE_KINDS
        assert any(start <= span.start < span.end <= end for start, end in bounds), span
        assert text[span.start] in "\"'" or span.start in {start for start, _ in bounds}


@FUZZ
@given(texts_with_words)
def test_scorers_never_fail_and_use_their_closed_vocabularies(raw):
    corpus = quietly(corpus_of, raw)
    table = quietly(sentences, corpus)
    text = corpus.documents["text"].iloc[0]
    documents = corpus.documents[["doc_id", "text"]]

    scores = SentimentScorer()(table).scores
    assert scores["compound"].between(-1, 1).all() and len(scores) == len(table)
    vader = analyzer()
    assert scores[["neg", "neu", "pos", "compound"]].to_dict("records") == \
        [vader.polarity_scores(sentence) for sentence in table["text"]]
    for row in contributions(table).itertuples():
        assert 0 <= row.start < row.end <= len(text) and text[row.start:row.end] == row.token

    attributed = Attribution()(table, documents).scores
    assert len(attributed) == len(table)
    assert attributed["source_kind"].isin(SOURCE_KINDS).all()
    assert attributed["stance"].isin([*STANCES, ""]).all()
    assert attributed["cue"].isin([*cue_lemmas(), ""]).all()
    assert ((attributed["cue"] == "") == (attributed["stance"] == "")).all()
    assert attributed["quoted_share"].between(0, 1).all()
    assert ((attributed["source_kind"] == "none") <= (attributed["source"] == "")).all()

    bounds = dict(zip(table["sent_id"], zip(table["start"], table["end"])))
    details = attribution_details(table, documents)
    assert details["source_kind"].isin(SOURCE_KINDS).all()
    assert all(0 <= row.start <= row.end <= len(text) for row in details.itertuples())

    spans = reported_spans(table, documents)
    assert spans["kind"].isin(SPAN_KINDS).all()
    for row in spans.itertuples():
        sentence_start, sentence_end = bounds[row.sent_id]
        assert sentence_start <= row.start < row.end <= sentence_end

    hits = LoadedTermScorer()(table, spans)
    assert hits["voice"].isin(VOICES).all()
    for row in hits.itertuples():
        sentence_start, sentence_end = bounds[row.sent_id]
        assert sentence_start <= row.start < row.end <= sentence_end
        assert text[row.start:row.end] == row.term


@FUZZ
@given(st.lists(st.tuples(st.integers(0, 500), st.integers(1, 80)), max_size=40), st.integers(0, 600),
       st.integers(0, 100))
def test_span_index_finds_exactly_the_overlapping_spans(raw_spans, start, length):
    from framing.span_index import SpanIndex
    from framing.scorers.quotes import QuoteSpan

    spans = [QuoteSpan(s, s + n, "quotation") for s, n in raw_spans]
    end = start + length
    expected = sorted(span for span in spans if span.start < end and span.end > start)
    assert SpanIndex(spans).overlapping(start, end) == expected


# --- regressions found while fuzzing and probing ------------------------------------------------------------

def test_single_guillemets_are_normalised_like_other_quotation_marks():
    cleaned = clean_text("He called it \u2039terror\u203a twice.")
    assert cleaned.text == "He called it 'terror' twice."
    assert cleaned.removals["kind"].tolist() == ["quote_normalised", "quote_normalised"]


def test_many_unclosed_quotations_in_one_paragraph_take_linear_time():
    # 16,000 quotations that never close in one 450,000-character paragraph took 31 s (each looked for its end
    # to the end of the paragraph, and the open marks were scanned at every mark); now well under a second.
    import time

    text = " ".join(["He said 'yes and went home."] * 16_000)
    started = time.perf_counter()
    spans = quote_spans(text)
    assert time.perf_counter() - started < 3
    assert len(spans) == 16_000
    # Each ends with its own sentence: more than three sentences follow in the paragraph.
    assert text[spans[0].start:spans[0].end] == "'yes and went home."
