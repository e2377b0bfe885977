"""HTML found in a text file: only real markup counts, and markup with no layout keeps the text's lines."""

import warnings

import pytest

from framing.corpus import clean_text, html_to_text, looks_like_html
from framing.errors import FramingWarning


@pytest.mark.parametrize("text", [
    "I <3 this city. If a < b and b > c, then a < c.\n",
    "How to format a post.\nUse <b>, <i> and <p> tags.\nThe second line stays a line.\n",
])
def test_prose_that_names_tags_is_not_html(text):
    # Reported: "Use <b>, <i> and <p> tags." counted as three tags of a web page.
    assert not looks_like_html(text)


@pytest.mark.parametrize("text", [
    "<p>One.</p><p>Two.</p><p>Three.</p>",
    '<a href="x">link</a> and <b>bold</b> text',
    "Line one<br/>Line two<br/>Line three<br/>",
    "<!DOCTYPE html><title>t</title>",
])
def test_pages_and_fragments_are_html(text):
    assert looks_like_html(text)


def test_markup_without_layout_keeps_the_lines():
    # Reported: "</style><script>x</script>" in prose made the whole file one paragraph.
    text = "Style sheets.\nThe page had </style><script>x</script> in it.\nAnother line.\n"
    assert looks_like_html(text)
    assert html_to_text(text).text.splitlines() == ["Style sheets.", "The page had  in it.", "Another line."]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        cleaned = clean_text(text)
    assert cleaned.paragraphs["para_id"].nunique() == 3


def test_markup_with_layout_still_joins_wrapped_lines():
    text = "<p>The ministry said the talks\nwould resume.</p><p>Officials gave no date.</p>"
    paragraphs = [part for part in html_to_text(text).text.split("\n") if part]
    assert paragraphs == ["The ministry said the talks would resume.", "Officials gave no date."]


def test_text_escaped_for_html_is_decoded_with_a_warning_and_a_removal():
    # Reported (feeds and API exports): quotation marks written &quot; were no quotation, so quoted labels were
    # read as the writer's own.
    text = "Trump&#39;s aides called it &quot;a terrorist regime&quot; on Monday. AT&T; and R&D stay &c.\n"
    with pytest.warns(FramingWarning, match=r"^notes\.txt: holds 3 HTML character reference\(s\), codes such as "
                                            r"&amp; for &: decoded to the characters they name \(removals\.csv "
                                            r"lists them\)"):
        cleaned = clean_text(text, path="notes.txt")
    assert cleaned.text.startswith("Trump's aides called it \"a terrorist regime\" on Monday. AT&T; and R&D stay &c.")
    removals = cleaned.removals.to_dict("records")
    assert [(r["kind"], r["text"]) for r in removals] == [
        ("markup", "HTML character references: 3 decoded (&quot; 2, &#39; 1)")]


def test_text_escaped_twice_is_decoded_twice():
    with pytest.warns(FramingWarning, match="holds 3 HTML character reference"):  # as written, once escaped
        cleaned = clean_text("Skadden, Arps, Slate, Meagher &amp;amp; Flom said &amp;quot;no&amp;quot;.\n")
    assert cleaned.text == 'Skadden, Arps, Slate, Meagher & Flom said "no".'


def test_text_without_character_references_is_left_alone():
    text = "AT&T; said R&D costs rose & fell; see p. 3 &c.\n"
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        cleaned = clean_text(text)
    assert cleaned.text == text.strip() and cleaned.removals.empty
