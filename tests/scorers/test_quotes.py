import pytest

from framing import clean_text
from framing.scorers.quotes import MAX_UNCLOSED_SENTENCES, QuoteSpan, paragraph_bounds, quote_spans


def spans(text):
    return [(text[s:e], kind) for s, e, kind in quote_spans(text)]


def test_straight_double_quotes_pair_and_include_the_marks():
    text = 'The ministry called it "a flagrant violation of international law" on Friday.'
    assert quote_spans(text) == [QuoteSpan(23, 66, "quotation")]
    assert text[23:66] == '"a flagrant violation of international law"'


@pytest.mark.parametrize(
    "raw, expected",
    [
        # curly double and single quotes, made straight by the cleaner
        ("“We will respond at a time of our choosing,” he said.",
         [('"We will respond at a time of our choosing,"', "quotation")]),
        ("‘He died a martyr, as he always wished,’ his daughter said.",
         [("'He died a martyr, as he always wished,'", "quotation")]),
        # two apostrophes used as a double quotation mark
        ("Protesters carried banners reading ''Death to the occupiers'' outside the embassy.",
         [('"Death to the occupiers"', "quotation")]),
        ("The ministry referred to him as a ''hero''.", [('"hero"', "scare_quote")]),
    ],
)
def test_cleaned_quotation_marks(raw, expected):
    assert spans(clean_text(raw).text) == expected


def test_nested_quotations_give_both_spans():
    text = "'He said, \"General Petreaus, you should know that I control the policy\",' Petraeus said."
    assert spans(text) == [
        ("'He said, \"General Petreaus, you should know that I control the policy\",'", "quotation"),
        ('"General Petreaus, you should know that I control the policy"', "quotation"),
    ]


def test_scare_quotes_inside_a_quotation_are_reported_too():
    text = ('The world faced "the prospect that states may \'strategically\' eliminate officials outside a '
            '\'known\' war," Callamard said.')
    assert [kind for _, kind in spans(text)] == ["quotation", "scare_quote", "scare_quote"]
    assert [t for t, _ in spans(text)][1:] == ["'strategically'", "'known'"]


def test_a_quotation_across_sentences_is_one_span():
    text = "'They are all people. Are all your children religious? Is everybody the same?' he asked."
    assert spans(text) == [("'They are all people. Are all your children religious? Is everybody the same?'",
                            "quotation")]


def test_an_unclosed_quotation_ends_at_its_paragraph():
    text = "He said: \"We will not leave. The fight goes on.\n\nThe next paragraph is narration."
    (span,) = quote_spans(text)
    assert text[span.start:span.end] == '"We will not leave. The fight goes on.'
    assert span.end == paragraph_bounds(text)[0][1]


def test_a_stray_mark_in_a_long_run_on_paragraph_ends_with_its_own_sentence():
    # An encyclopedia copied onto one line: a missing closing mark must not swallow the rest of the article.
    rest = " ".join(f"Sentence number {n} is narration." for n in range(MAX_UNCLOSED_SENTENCES + 2))
    text = f'"Putin reportedly told the envoy to intervene. {rest}'
    (span,) = quote_spans(text)
    assert text[span.start:span.end] == '"Putin reportedly told the envoy to intervene.'


def test_a_closing_mark_first_in_its_paragraph_closes_a_quotation_begun_before_it():
    text = 'To suggest that this was legal stretches the law," adding that he "looked forward" to it.'
    assert spans(text) == [('To suggest that this was legal stretches the law,"', "quotation"),
                           ('"looked forward"', "scare_quote")]


@pytest.mark.parametrize(
    "text",
    [
        "Iran's soldiers' families moved in the '80s and don't regret it.",
        "Shi'ite militias and Kata'ib Hezbollah crossed the Euphrates.",
        "The soldiers' wives waited.",
    ],
)
def test_apostrophes_are_not_quotation_marks(text):
    assert quote_spans(text) == []


def test_a_plural_possessive_inside_a_single_quoted_quotation():
    text = "'The soldiers' families are angry,' he said."
    assert spans(text) == [("'The soldiers' families are angry,'", "quotation")]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The so-called 'coalition' has committed crimes.", [("'coalition'", "scare_quote")]),
        ('posting "noble warrior" depictions of Soleimani', [('"noble warrior"', "scare_quote")]),
        ('He called it "a gift to hardliners".', [('"a gift to hardliners"', "quotation")]),  # three words
        ('She answered "Yes." and left.', [('"Yes."', "quotation")]),  # sentence punctuation inside
        ("opposition to 'meaningless deaths' on the battlefield", [("'meaningless deaths'", "scare_quote")]),
    ],
)
def test_one_or_two_words_without_sentence_punctuation_are_scare_quotes(text, expected):
    assert spans(text) == expected


def test_seed_quotations(seed_corpus):
    texts = dict(zip(seed_corpus.documents["doc_id"], seed_corpus.documents["text"]))
    tabloid = texts["dailymail-2020"]
    found = {tabloid[s:e]: kind for s, e, kind in quote_spans(tabloid)}
    assert found["'more powerful than Iran's president'"] == "quotation"  # the headline's last words
    assert found["'hijab'"] == "scare_quote"
    assert found["'The warfront is mankind's lost paradise,'"] == "quotation"
    # The three-sentence quotation in the Soleimani paragraph is one span.
    assert "'They are all people. Are all your children religious? Is everybody the same? No, but the father " \
           "attracts all of them.'" in found
    counts = {doc: len(quote_spans(text)) for doc, text in texts.items()}
    assert counts == {"wikipedia-2025": 21, "wikipedia-2017": 26, "dailymail-2020": 20}


def test_no_seed_quotation_crosses_a_paragraph(seed_corpus):
    for text in seed_corpus.documents["text"]:
        for start, end, _ in quote_spans(text):
            assert "\n\n" not in text[start:end]


# --- a short quotation with a speaker (decided by attribution, which knows the cues) ----------------------------

def quote_flags(text):
    from tests.scorers.attribution.texts import analyse

    scores = analyse(text).tables.scores.iloc[0]
    return bool(scores["quote"]), bool(scores["scare_quotes"]), scores["source_kind"]


@pytest.mark.parametrize("text, source_kind", [
    ('The general vowed "a crushing response".', "named"),
    ('Officials warned of "dire consequences" if the strikes continued.', "anonymous"),
    ('The minister called the raid "a massacre" in a statement.', "named"),
    ('A spokesman described the raid as "barbaric" and "cowardly".', "anonymous"),
    ('The president pledged "swift justice" for the victims.', "named"),
    ('"Pure terrorism," the mayor said.', "named"),
])
def test_a_short_quotation_governed_by_a_cue_with_a_source_is_a_quotation(text, source_kind):
    assert quote_flags(text) == (True, False, source_kind)


@pytest.mark.parametrize("text, source_kind", [
    ('The so-called "liberation" of the city was brutal.', "none"),  # no speaker
    ('The ministry said "terrorists" attacked the base.', "named"),  # the subject of the reported clause
    ('According to the ministry, the raid was "orchestrated" by rebels.', "named"),  # inside a clause
    ('He vowed revenge for the "martyrs" of the city.', "named"),  # not the cue's object
    ('Critics mocked a device called the "peace box" in the ad.', None),  # a name given, not a speaker's words
])
def test_a_short_quoted_word_without_a_governing_speaker_stays_a_scare_quote(text, source_kind):
    quote, scare, _ = quote_flags(text)
    assert (quote, scare) == (False, True)
    if source_kind is not None:
        assert quote_flags(text)[2] == source_kind
