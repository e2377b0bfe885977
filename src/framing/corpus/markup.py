"""Pasted web pages: HTML found in a text file and reduced to its visible text.

Markup is stripped rather than refused: the words are what the user wants, and "save the page as text" is
advice they have already failed to follow. Only real markup counts — a doctype or <html>, or several tags of
common HTML elements, one of them closing an element or carrying attributes — so plain text that mentions "<3",
"a < b" or "the <b>, <i> and <p> tags" is left alone. Markup without block elements (a "</style><script>" pasted
into prose) keeps the text's own line breaks: they are then the only paragraph structure there is.
"""

from __future__ import annotations

import html
import re
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path
from typing import NamedTuple

from ..errors import warn

_HTML_START = re.compile(r"^\s*(?:<!doctype\s+html|<html[\s>])", re.IGNORECASE)
_HTML_TAG = re.compile(
    r"</?(?:p|div|span|br|a|b|i|em|strong|u|ul|ol|li|h[1-6]|table|thead|tbody|tr|td|th|img|script|style|body|"
    r"head|title|meta|link|blockquote|section|article|header|footer|nav|main|aside|figure|figcaption|pre|code|"
    r"sup|sub|hr|dl|dt|dd|font|center|small|iframe|form|input|button|label|noscript)(?:\s[^<>]*)?/?>",
    re.IGNORECASE,
)
_HTML_ENTITY = re.compile(r"&(?:#\d+|#x[0-9a-f]+|[a-z][a-z0-9]*);", re.IGNORECASE)
# Rounds of decoding for text escaped more than once (&amp;amp;quot; is three).
MAX_ESCAPES = 3
# Fewer tags than this is a text that talks about HTML ("use <b> for bold"), not a web page.
MIN_HTML_TAGS = 3
# What prose naming tags ("use <b>, <i> and <p>") never holds: a closing tag, attributes, a self-closing "/>".
_PAGE_TAG = re.compile(r"</|<\w+(?:\s+[^\s<>/]|\s*/>)")
_BLOCK_TAGS = frozenset("""p div li ul ol h1 h2 h3 h4 h5 h6 table thead tbody tr blockquote section article header
footer nav main aside figure figcaption pre hr dl dt dd center form""".split())
_CELL_TAGS = frozenset({"td", "th"})
_LAYOUT_TAG = re.compile(rf"<(?:br|{'|'.join(sorted(_BLOCK_TAGS))})[\s/>]", re.IGNORECASE)
# Not shown on the page. The <title> is left out too: it repeats the <h1> or adds the site's name.
_INVISIBLE_TAGS = frozenset({"script", "style", "noscript", "template", "iframe", "title"})


def looks_like_html(text: str) -> bool:
    """A doctype or ``<html>`` at the start, or at least :data:`MIN_HTML_TAGS` tags of common HTML elements of
    which at least one closes an element, carries attributes or closes itself (``</p>``, ``<a href=…>``,
    ``<br/>``)."""
    if _HTML_START.match(text):
        return True
    count, page_tag = 0, False
    for tag in _HTML_TAG.finditer(text):
        count += 1
        page_tag = page_tag or _PAGE_TAG.match(tag.group()) is not None
        if count >= MIN_HTML_TAGS and page_tag:
            return True
    return False


class _HtmlText(HTMLParser):
    """The visible text of an HTML page: block elements become paragraph breaks, ``<br>`` a line break, and the
    contents of scripts, styles and the title are dropped. Entities are decoded (``convert_charrefs``).

    ``keep_lines``: the source's line breaks stay (for markup with no block element or ``<br>`` to lay it out).
    """

    def __init__(self, *, keep_lines: bool = False) -> None:
        super().__init__(convert_charrefs=True)
        self.keep_lines = keep_lines
        self.pieces: list[str] = []
        self.tags: Counter[str] = Counter()
        self.hidden_blocks = 0
        self._hidden_depth = 0

    def handle_starttag(self, tag: str, attrs) -> None:
        self.tags[tag] += 1
        if tag in _INVISIBLE_TAGS:
            self._hidden_depth += 1
            self.hidden_blocks += 1
        elif tag == "br":
            self.pieces.append("\n")
        elif tag in _BLOCK_TAGS:
            self.pieces.append("\n\n")
        elif tag in _CELL_TAGS:
            self.pieces.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in _INVISIBLE_TAGS:
            self._hidden_depth = max(0, self._hidden_depth - 1)
        elif tag in _BLOCK_TAGS:
            self.pieces.append("\n\n")

    def handle_data(self, data: str) -> None:
        if not self._hidden_depth:
            # HTML collapses runs of white space (source line breaks included) into one space.
            self.pieces.append(re.sub(r"[^\S\r\n]+" if self.keep_lines else r"\s+", " ", data))


def _decoded_references(raw: str, path: str | Path | None) -> tuple[str, str | None]:
    """Text from a feed or an API export often comes escaped for HTML without any tag. Left so, a quotation
    marked ``&quot;…&quot;`` was no quotation, and ``Trump&#39;s`` no possessive: the words quoted were read as
    the writer's own. Only references that name a character are decoded (``AT&T;`` stays); text escaped twice
    (``&amp;amp;``, as in the NYT sentences of VADER's data) is decoded twice."""
    found = _named_characters(raw)
    if not found:
        return raw, None
    text, named = raw, found
    for _ in range(MAX_ESCAPES):
        text = _HTML_ENTITY.sub(lambda match: html.unescape(match.group()) if match.group() in named
                                else match.group(), text)
        named = _named_characters(text)
        if not named:
            break
    common = ", ".join(f"{reference} {count}" for reference, count in found.most_common(4))
    # The warning counts them and removals.csv names them: one kind of warning, however they differ.
    warn(path, f"holds {sum(found.values())} HTML character reference(s), codes such as &amp; for &: decoded to the "
               "characters they name (removals.csv lists them); the text was escaped for a web page")
    return text, f"HTML character references: {sum(found.values())} decoded ({common})"


def _named_characters(text: str) -> Counter:
    """The character references of ``text`` that name a character, with their counts."""
    return Counter(match.group() for match in _HTML_ENTITY.finditer(text)
                   if html.unescape(match.group()) != match.group())


class StrippedHtml(NamedTuple):
    """What :func:`html_to_text` returns: the visible text and counts of what was removed."""

    text: str
    tags: Counter
    entities: int
    hidden_blocks: int

    def summary(self) -> str:
        """One line for the removals table: ``HTML markup: 41 tags (p 12, a 3, …), 5 entities decoded, …``."""
        common = ", ".join(f"{tag} {count}" for tag, count in
                           sorted(self.tags.items(), key=lambda item: (-item[1], item[0]))[:6])
        line = f"HTML markup: {sum(self.tags.values())} tags ({common}), {self.entities} entities decoded"
        if self.hidden_blocks:
            line += f", {self.hidden_blocks} script/style/title blocks dropped"
        return line


def html_to_text(html: str) -> StrippedHtml:
    """The visible text of an HTML page (paragraphs separated by blank lines) and what was removed."""
    parser = _HtmlText(keep_lines=_LAYOUT_TAG.search(html) is None)
    parser.feed(html)
    parser.close()
    text = "\n".join(line.strip() for line in "".join(parser.pieces).split("\n"))
    return StrippedHtml(text, parser.tags, len(_HTML_ENTITY.findall(html)), parser.hidden_blocks)


def strip_markup(raw: str, path: str | Path | None) -> tuple[str, str | None]:
    """``(text, summary)``: HTML reduced to its visible text with a warning; text escaped for HTML without
    being a page (``Trump&#39;s``, ``&quot;terrorist&quot;``) with its character references decoded, with a
    warning; else the raw text and ``None``."""
    if not looks_like_html(raw):
        return _decoded_references(raw, path)
    stripped = html_to_text(raw)
    warn(path, f"looks like HTML: removed {sum(stripped.tags.values())} tags and kept the text (block tags as "
               "paragraph breaks, see removals.csv); save the page as plain text to silence this")
    return stripped.text, stripped.summary()
