import pytest

from framing import clean_text, sentences
from framing.corpus import Corpus
from framing.segment import SENTENCE_COLUMNS, split_spans


def split(text):
    return [text[start:end] for start, end in split_spans(text)]


@pytest.mark.parametrize(
    "text",
    [
        "The U.S. Army moved in. It stayed for a year.",
        "Maj. Gen. Suheil al-Hassan led the attack. He won.",
        "Gen. Soleimani went to Moscow. He unfurled a map.",
        "Mr. Khatami and Ms. Ebtekar met Lt. Col. Smith on Jan. 5. They talked.",
        "Officials of the U.S. Department of State compared it to a raid. They were wrong.",
        "He met Dr. Rice at 5 p.m. on Monday. Then he left.",
    ],
)
def test_abbreviations_do_not_end_sentences(text):
    assert len(split(text)) == 2


@pytest.mark.parametrize(
    "text, first",
    [
        ("Sen. Jane Doe (D-Ore.), Rep. John Roe (R-Tex.), and Gov. Ann Poe (R-Fla.) said the bill was a disaster. "
         "Others disagreed.",
         "Sen. Jane Doe (D-Ore.), Rep. John Roe (R-Tex.), and Gov. Ann Poe (R-Fla.) said the bill was a disaster."),
        ("Sen. Jane Doe (D-Ore.) said the bill was dead. Others disagreed.",
         "Sen. Jane Doe (D-Ore.) said the bill was dead."),
        ("Rep. Ann Ray (R-Mo.) on Tuesday voted no. Others abstained.", "Rep. Ann Ray (R-Mo.) on Tuesday voted no."),
        ("Rep. Ray (R-N.M.), Rep. Ito (D-S.C.) and Rep. Oz (R-W.Va.) agreed. The vote was close.",
         "Rep. Ray (R-N.M.), Rep. Ito (D-S.C.) and Rep. Oz (R-W.Va.) agreed."),
        ("Shares of Acme (Nasdaq: ACME Corp.) rose. Rivals fell.", "Shares of Acme (Nasdaq: ACME Corp.) rose."),
        ("Lawmakers, among them Rep. Lu (D-Mass.) and Rep. Ng (D-Ill.), said no. The bill died.",
         "Lawmakers, among them Rep. Lu (D-Mass.) and Rep. Ng (D-Ill.), said no."),
    ],
)
def test_an_abbreviation_point_inside_brackets_does_not_end_the_sentence(text, first):
    assert split(text) == [first, text[len(first) + 1:]]


@pytest.mark.parametrize(
    "text",
    [
        "The bill passed, said Sen. Jane Doe, D-Ore. Others disagreed.",  # the tag ends the sentence
        "He met Sen. Doe (D-Ore.). Then he left.",  # a full stop after the bracket
        "(Laughter.) He went on.",  # a bracketed sentence of its own
        "The plan passed (a move critics called reckless, first reported by the Post.) Then it stalled.",  # long
    ],
)
def test_sentences_still_end_around_brackets(text):
    assert len(split(text)) == 2


def test_quotation_spanning_two_sentences_keeps_each_sentence_whole():
    text = "He said: \"We will respond. The price will be high.\" Then he left."
    assert split(text) == ["He said: \"We will respond.", "The price will be high.\"", "Then he left."]


def test_speech_tag_after_a_question_stays_with_its_quotation():
    text = "'Then who is left?' Soleimani said in a speech. 'They are all people.'"
    assert split(text) == ["'Then who is left?' Soleimani said in a speech.", "'They are all people.'"]


def test_extra_breaks_split_where_punctuation_is_missing():
    text = "He was at the southern front He was injured."
    assert [text[s:e] for s, e in split_spans(text, breaks=[text.index("He was injured")])] == [
        "He was at the southern front", "He was injured."]


def corpus_of(raw):
    cleaned = clean_text(raw)
    import pandas as pd

    documents = pd.DataFrame({"doc_id": ["d"], "text": [cleaned.text]})
    return Corpus(documents, cleaned.paragraphs.assign(doc_id="d"), cleaned.removals.assign(doc_id="d"))


def test_paragraph_break_always_ends_a_sentence():
    table = sentences(corpus_of("A headline without a stop\n\nthe body starts lower case. And goes on."))
    assert table["text"].tolist() == ["A headline without a stop", "the body starts lower case.", "And goes on."]
    assert table["para_id"].tolist() == [1, 2, 2]
    assert table["section"].tolist() == ["headline", "body", "body"]


def test_sentence_table_columns_offsets_and_citations():
    raw = "First claim.[1][2] Second claim.\n\n[3] Third claim, Yamamoto[4] said."
    corpus = corpus_of(raw)
    table = sentences(corpus)
    assert list(table.columns) == SENTENCE_COLUMNS
    text = corpus.documents["text"].iloc[0]
    for row in table.itertuples():
        assert text[row.start:row.end] == row.text
    assert table["citations"].tolist() == [2, 0, 2]
    assert table["sent_id"].tolist() == [1, 2, 3]
    assert table["n_words"].tolist() == [2, 2, 4]


def test_sections_filter():
    corpus = corpus_of("Headline here\n\nBody sentence one. Body two.")
    assert sentences(corpus, sections=["body"])["text"].tolist() == ["Body sentence one.", "Body two."]


def corpus_of_many(raws: dict[str, str]) -> Corpus:
    """Several documents in one corpus, as one batch of :func:`clean_documents`."""
    import pandas as pd

    from framing.corpus import clean_documents

    batch = pd.DataFrame({"doc_id": list(raws), "title": list(raws)})
    for column in ("outlet", "kind", "published", "source", "notes", "sha256", "encoding"):
        batch[column] = ""
    return clean_documents(batch.assign(path=[f"{d}.txt" for d in raws], raw_text=list(raws.values())))


MANY = {
    "cited": "First claim.[1][2] Second claim.\n\n[3] Third claim, Yamamoto[4] said.",
    "one": "A single sentence.",
    "broken": "He was at the southern front He was injured. Then he left.",
    "headed": "A headline without a stop\n\nthe body starts lower case. And goes on.",
}


def test_sentences_of_a_batch_are_those_of_each_document_alone():
    import pandas as pd

    together = sentences(corpus_of_many(MANY))
    alone = pd.concat([sentences(corpus_of_many({doc_id: raw})) for doc_id, raw in MANY.items()],
                      ignore_index=True)
    pd.testing.assert_frame_equal(together, alone, check_exact=True)
    assert together.groupby("doc_id", sort=False).size().to_dict() == {"cited": 3, "one": 1, "broken": 3,
                                                                        "headed": 3}
    assert together.loc[together["doc_id"] == "cited", "citations"].tolist() == [2, 0, 2]


def test_documents_come_in_first_seen_order_even_when_their_paragraphs_are_interleaved():
    import pandas as pd

    corpus = corpus_of_many(MANY)
    shuffled = corpus.paragraphs.sort_values("para_id", kind="stable", ignore_index=True)
    table = sentences(Corpus(corpus.documents, shuffled, corpus.removals))
    assert table["doc_id"].drop_duplicates().tolist() == ["cited", "one", "broken", "headed"]
    pd.testing.assert_frame_equal(table, sentences(corpus), check_exact=True)


# --- the seeds ------------------------------------------------------------------------------------------------

def test_every_seed_sentence_is_its_cleaned_text_slice(seed_corpus, seed_sentences):
    texts = dict(zip(seed_corpus.documents["doc_id"], seed_corpus.documents["text"]))
    for row in seed_sentences.itertuples():
        assert texts[row.doc_id][row.start:row.end] == row.text


def test_no_seed_sentence_ends_at_an_abbreviation(seed_corpus, seed_sentences):
    # One excerpt paragraph of wikipedia-2025 is itself cut mid-quote after "U.S."; only the paragraph's end
    # may end there.
    paragraph_ends = set(zip(seed_corpus.paragraphs["doc_id"], seed_corpus.paragraphs["end"]))
    inner = [(doc, end) not in paragraph_ends for doc, end in zip(seed_sentences["doc_id"], seed_sentences["end"])]
    ends = seed_sentences.loc[inner, "text"].str.strip()
    # "U.S." may end a sentence in real text, but in the seeds it never does; a title never may.
    for abbreviation in ("U.S.", "Gen.", "Maj.", "Mr.", "Ms.", "Lt.", "Jan."):
        assert not ends.str.endswith(abbreviation).any(), abbreviation


def test_body_sentence_counts_per_seed(seed_sentences):
    body = seed_sentences.query("section == 'body'").groupby("doc_id").size().to_dict()
    assert body == {"wikipedia-2025": 30, "wikipedia-2017": 122, "dailymail-2020": 80}


def test_missing_boundary_in_the_old_revision_is_split(seed_sentences):
    old = seed_sentences.query("doc_id == 'wikipedia-2017'")["text"]
    assert (old == "He was mostly stationed at the southern front").any()
    assert (old == "He was heavily injured in Operation Tariq-ol-Qods.").any()


def test_seed_sentences_checked_by_eye(seed_sentences):
    texts = set(seed_sentences["text"])
    assert "Gen. Soleimani went to explain the map of the theatre and coordinate the strategic escalation of " \
           "military forces in Syria." in texts
    assert "U.S. put sanctions on him in April 2017 \"for his role in abuses in Iranian prisons\"." in texts
    assert "\"Qassem Soleimani is there in the same area\", he said." in texts
    assert "In 1998, he was named commander of the Quds Force." in texts


def test_a_control_separator_before_a_sentence_is_not_part_of_it():
    # Punkt keeps '\x1f' (a character str.strip removes) at the start of a span; found by the fuzz test.
    from .test_fuzz import corpus_of

    table = sentences(corpus_of(". \x1f0"))
    assert table["text"].tolist() == [".", "0"]
    assert table[["start", "end"]].values.tolist() == [[0, 1], [3, 4]]


def test_punkt_under_stdlib_re_splits_exactly_as_nltks_own_punkt(seed_corpus):
    # The stdlib-re classes exist only for speed (NLTK 3.10 routes Punkt's fixed patterns through a timed
    # third-party engine); every paragraph of the seeds, plus shapes that exercise each replaced pattern
    # (ellipses, numbers, initials, quotes after a full stop), must split exactly as NLTK's classes do.
    from framing.nltk_parts import punkt
    from framing.segment import punkt_tokenizer

    ours = punkt_tokenizer()
    nltks = punkt().PunktSentenceTokenizer(ours._params)
    assert type(ours._lang_vars) is not punkt().PunktLanguageVars
    texts = dict(zip(seed_corpus.documents["doc_id"], seed_corpus.documents["text"]))
    paragraphs = [texts[row.doc_id][row.start:row.end] for row in seed_corpus.paragraphs.itertuples()] + [
        "He paused... Then he spoke. It cost $1,200.50. J. R. Smith agreed.",
        '"We will respond." The minister left. (He said so.) Then -- silence.',
        "Turnout was 61.5 per cent. In 2019, it was 58. Voters\u2019 mood: \u201cgrim.\u201d Next year?",
    ]
    spans = [list(ours.span_tokenize(text)) for text in paragraphs]
    assert spans == [list(nltks.span_tokenize(text)) for text in paragraphs]
    assert sum(map(len, spans)) > 250
