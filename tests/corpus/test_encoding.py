"""Mojibake pasted from the web is repaired by ftfy's encoding fixers alone, and every repair is recorded."""

from __future__ import annotations

import pytest
from ftfy.badness import is_bad
from hypothesis import given, settings
from hypothesis import strategies as st

from framing.corpus import clean_text, load_corpus
from framing.corpus import encoding
from framing.corpus.encoding import Repair, may_hold_mojibake, mojibake_reach, repair_mojibake


@pytest.mark.parametrize("garbled, repaired", [
    ("donâ€™t", "don’t"),  # UTF-8 read as cp1252: the commonest on the web
    ("the cafÃ© opened", "the café opened"),  # UTF-8 read as latin-1
    ("â€œWe will respond,â€\x9d he said", "“We will respond,” he said"),  # cp1252 leaves 0x9d undefined
    ("costs Â£5 â€“ or less", "costs £5 – or less"),
    ("Rouhani\x92s speech", "Rouhani’s speech"),  # a cp1252 byte read as a C1 control character
])
def test_mojibake_is_repaired(garbled, repaired):
    assert repair_mojibake(garbled).text == repaired


def test_each_repair_says_what_was_there_and_where():
    text, repairs = repair_mojibake("Itâ€™s a cafÃ© â€œnowâ€\x9d.")
    assert text == "It’s a café “now”."
    assert repairs == [Repair("â€™", 2), Repair("Ã©", 10), Repair("â€œ", 12), Repair("â€\x9d", 16)]
    assert [text[r.position] for r in repairs] == ["’", "é", "“", "”"]


@pytest.mark.parametrize("clean", [
    "A naïve café in Zürich — “quoted” and ‘single’ – fine…",
    "The ﬁnal ﬂoor",  # ligatures: ftfy's fix_latin_ligatures is off
    "ＦＵＬＬ width",  # fix_character_width is off
    "Tom &amp; Jerry &lt;3",  # unescape_html is off (markup is the cleaner's)
    "cafe\u0301 decomposed",  # no Unicode normalisation
    "½ and ™ and € and Ω",
    "Москва and 東京",
    "plain ASCII, nothing to do",
])
def test_clean_text_passes_through_unchanged(clean):
    assert repair_mojibake(clean) == (clean, [])


def test_cleaning_records_repairs_at_their_place_in_the_cleaned_text():
    cleaned = clean_text("• Itâ€™s a[3] cafÃ©  â€œnowâ€\x9d, he said.")
    assert cleaned.text == "It's a café \"now\", he said."
    removals = cleaned.removals
    repairs = removals[removals["kind"] == "mojibake_repaired"]
    assert repairs["text"].tolist() == ["â€™", "Ã©", "â€œ", "â€\x9d"]
    # The bullet, the citation and the doubled space are edited after the repair; positions still land on the
    # repaired character, which the quote normalisation then made straight.
    assert [cleaned.text[p] for p in repairs["position"]] == ["'", "é", '"', '"']
    quotes = removals[removals["kind"] == "quote_normalised"]
    assert quotes["text"].tolist() == ["’", "“", "”"]
    assert set(quotes["position"]) < set(repairs["position"])
    # A repair reads before the quote normalised at the same place.
    kinds_at_2 = removals.loc[removals["position"] == 2, "kind"].tolist()
    assert kinds_at_2 == ["mojibake_repaired", "quote_normalised"]


def test_a_pasted_file_with_mojibake_is_repaired_in_the_corpus(tmp_path):
    (tmp_path / "pasted.txt").write_text("Protesters gathered.\n\nThe minister didnâ€™t comment, sources said.\n",
                                         encoding="utf-8")
    corpus = load_corpus(tmp_path)
    assert "didn't comment" in corpus.documents.loc[0, "text"]
    repairs = corpus.removals[corpus.removals["kind"] == "mojibake_repaired"]
    assert repairs[["doc_id", "para_id", "text"]].values.tolist() == [["pasted", 2, "â€™"]]


NEWS = "The minister said on Tuesday that the talks would resume next week, officials confirmed. " * 4


def test_the_installed_ftfy_lets_the_search_skip_ascii_stretches():
    # Every pattern of its mojibake test needs a character beyond ASCII, and none spans more than a few: so only
    # the stretches around such characters are searched. Were this None, every paragraph would be searched whole.
    assert mojibake_reach() is not None and 2 <= mojibake_reach() <= 16


@pytest.mark.parametrize("text", [
    NEWS + "Itâ€™s" + NEWS,  # mojibake in the middle of a long paragraph
    "Ã©" + NEWS, NEWS + "cafÃ©", NEWS + "Â", "Â" + NEWS,  # at either end
    NEWS + "â€œ" + NEWS + "â€\x9d" + NEWS,
    NEWS + "“quoted” — and ‘single’ … " + NEWS,  # curly quotes and dashes only: clean
    NEWS + "Rouhani\x92s" + NEWS,  # a C1 control character
    NEWS + "naïve café in Zürich" + NEWS, "Москва and 東京 " * 30, "½ and ™ and € and Ω",
    " Ã" + "x" * 7 + "€", "a" * 8 + "Ã" + "b" * 8,
    "\n\na\n\xc2 b", "\u010ccb \xc2 \nb",  # matches that reach past the character beyond ASCII
])
def test_the_stretches_searched_give_ftfys_answer(text):
    assert may_hold_mojibake(text) == is_bad(text)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.one_of(st.text(alphabet="abc XY.,'\n", max_size=12),
                          st.characters(min_codepoint=0x80, max_codepoint=0x2FF),
                          st.sampled_from(["“", "”", "’", "—", "€", "™", "â€", "Ã", "Â", "\x9d", "\x92"])),
                max_size=20).map("".join))
def test_the_stretches_searched_give_ftfys_answer_on_any_text(text):
    assert may_hold_mojibake(text) == is_bad(text)


def test_a_pattern_that_cannot_be_read_means_searching_the_whole_text(monkeypatch):
    monkeypatch.setattr(encoding, "mojibake_reach", lambda: None)
    assert may_hold_mojibake(NEWS + "cafÃ©") and not may_hold_mojibake(NEWS + "“fine”")
