"""HTML found in a text file: only real markup counts, and markup with no layout keeps the text's lines."""

import warnings

import pytest

from framing.corpus import clean_text, html_to_text, looks_like_html


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
