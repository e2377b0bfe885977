"""The cleaner: one document's raw text to paragraphs with sections, and every removal recorded.

Data flow: :func:`clean_documents` (a batch, as read by :func:`~framing.corpus.load_documents`) or
:func:`clean_text` (one text) → a header of metadata taken out, its title the headline (:mod:`.front_matter`) →
markup stripped (:mod:`.markup`) → line breaks normalised → blocks of lines → paragraphs cleaned inline, repeats
dropped (:mod:`.paragraphs`) → sections labelled (:mod:`.sections`) → one text with offsets → the English check
(:mod:`.language`). The dirt is evidence: Wikipedia's citation markers are attribution, a tabloid's doubled
captions are layout, so nothing is dropped silently — every removal and normalisation is a row of
``Corpus.removals``.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path
from typing import NamedTuple

import pandas as pd

from ..errors import input_error, warn
from ..rows import table_rows
from .front_matter import read_front_matter
from .language import warn_unless_english
from .markup import strip_markup
from .paragraphs import WORD, Paragraph, SeenParagraphs, clean_paragraph, is_caption_block, paragraph_blocks
from .sections import label_sections
from .tables import DOCUMENT_COLUMNS, PARAGRAPH_COLUMNS, REMOVAL_COLUMNS, CleanedText, Corpus, Removal


def clean_documents(documents: pd.DataFrame, *, skip_empty: bool = False) -> Corpus:
    """Clean documents read by :func:`~framing.corpus.load_documents` (or :mod:`framing.corpus.records`): needs
    ``doc_id, path`` and ``raw_text``; every other column is kept as metadata, the standard ones first, but
    ``headline_first`` (true where ``raw_text`` starts with a table's headline cell, whose paragraph is then
    labelled ``headline``). See :class:`Corpus`. A document with no text left after cleaning (only markup,
    citation markers or bullet glyphs) is refused, or with ``skip_empty`` left out with a warning.

    The paragraph and removal tables are built once for the whole batch from plain rows: building two
    DataFrames and sorting one per document cost more than cleaning a one-sentence document.
    """
    texts: list[str] = []
    paragraph_rows: list[tuple] = []
    removal_rows: list[tuple] = []
    n_paragraphs: Counter = Counter()
    headline_first = (documents["headline_first"].fillna(False).astype(bool) if "headline_first" in documents
                      else pd.Series(False, index=documents.index))
    documents = documents.drop(columns="headline_first", errors="ignore")
    kept = []
    for (doc_id, raw, path), headline in zip(table_rows(documents, "doc_id", "raw_text", "path"),
                                             headline_first.tolist()):
        try:
            cleaned = _clean(raw, path, headline_first=headline)
        except _NothingLeft:
            if not skip_empty:
                raise input_error(path, f"{NOTHING_LEFT} (fix the row or file, or skip such documents: "
                                        "--skip-bad-rows, skip_bad_rows=True in Python)") from None
            warn(path, f"{NOTHING_LEFT}; skipped")
            kept.append(False)
            continue
        kept.append(True)
        texts.append(cleaned.text)
        paragraph_rows.extend((doc_id, *row) for row in cleaned.paragraphs)
        removal_rows.extend((doc_id, *row) for row in cleaned.removals)
        n_paragraphs[doc_id] += len(cleaned.paragraphs)
    documents = documents[kept].drop(columns="raw_text").assign(text=texts)
    documents["n_paragraphs"] = documents["doc_id"].map(n_paragraphs).astype(int)
    extra = [column for column in documents.columns if column not in DOCUMENT_COLUMNS]
    return Corpus(
        documents=documents[DOCUMENT_COLUMNS + extra],
        paragraphs=pd.DataFrame(paragraph_rows, columns=PARAGRAPH_COLUMNS),
        removals=_removal_table(removal_rows),
    )


NOTHING_LEFT = "has no text left after cleaning (only markup, citation markers or bullet glyphs)"


class _NothingLeft(Exception):
    """A document the cleaner left without a paragraph: refused or skipped by the caller."""


def _removal_table(rows: list[tuple]) -> pd.DataFrame:
    """Removal rows (``REMOVAL_COLUMNS``) as a table with the same dtypes whether or not it is empty (an empty
    one would otherwise be all ``object``), so batches with and without removals concatenate to integer
    positions."""
    table = pd.DataFrame(rows, columns=REMOVAL_COLUMNS)
    if rows:
        return table  # inferred from the rows: integers and strings already
    return table.astype({column: "int64" if column in ("para_id", "position") else str
                         for column in REMOVAL_COLUMNS})


def clean_text(raw: str, *, path: str | Path | None = None) -> CleanedText:
    """Clean one document's text and say what was changed.

    Paragraphs are blank-line-separated blocks; inside a block each line is its own paragraph unless the block
    is hard-wrapped prose. Each paragraph gets a ``section``: ``headline`` (a first line without final
    punctuation), ``bullet`` (a line starting with a bullet glyph), ``caption`` (a line printed twice in a row,
    a line with a picture cue such as "(pictured …)", or a block of short unpunctuated lines such as the captions
    a Wikipedia copy leaves at the end), ``subhead`` (a short unpunctuated line elsewhere) or ``body``.

    Input that is usable but not plain English prose is read with a :class:`~framing.errors.FramingWarning`
    naming ``path``: HTML is reduced to its visible text (:func:`.markup.html_to_text`; a ``markup`` removal); a
    text without any sentence punctuation has every line read as one ``body`` paragraph (no headline, caption or
    subhead guesses, no hard-wrap joining); a text that does not look like English is flagged
    (:func:`.language.warn_unless_english`). Line endings may be mixed (``\\r\\n``, ``\\r``, ``\\n``).

    Returns
    -------
    CleanedText(text, paragraphs, removals): ``paragraphs`` has ``para_id, section, start, end``; ``removals``
    has ``para_id, kind, text, position`` (see :class:`Corpus`), ordered by ``position`` then ``para_id``.
    """
    try:
        cleaned = _clean(raw, path)
    except _NothingLeft:
        raise input_error(path, NOTHING_LEFT) from None
    return CleanedText(cleaned.text,
                       pd.DataFrame(cleaned.paragraphs, columns=["para_id", "section", "start", "end"]),
                       pd.DataFrame(cleaned.removals, columns=["para_id", "kind", "text", "position"]))


class _CleanedRows(NamedTuple):
    """One cleaned document as plain rows, for :func:`clean_text` and :func:`clean_documents` to tabulate."""

    text: str
    paragraphs: list[tuple[int, str, int, int]]  # para_id, section, start, end
    removals: list[tuple[int, str, str, int]]  # para_id, kind, text, position; by position, then para_id


class _Duplicate(NamedTuple):
    """A paragraph dropped as a repeat: the index of the kept paragraph it repeats, and its own text."""

    original: int
    text: str


class _SplitText(NamedTuple):
    """What :func:`_split_paragraphs` returns."""

    paragraphs: list[Paragraph]
    duplicates: list[_Duplicate]


def _clean(raw: str, path: str | Path | None, *, headline_first: bool = False) -> _CleanedRows:
    """Everything :func:`clean_text` does, without building tables. ``headline_first``: the first paragraph is
    a headline given as such (a table's headline cell), whatever its punctuation."""
    header = None if headline_first else read_front_matter(raw)
    if header is not None:
        # The header's title is the headline; the rest of the header is metadata (read with the file), not text.
        title = " ".join(header.fields.get("title", "").split())
        raw = f"{title}\n\n{raw[header.end:]}" if title else raw[header.end:]
        headline_first = bool(title)
    raw, markup = strip_markup(raw, path)
    text = normalise_line_breaks(raw)
    # Section labels and hard-wrap joining read final punctuation; without any, every line is a body sentence.
    punctuated = has_sentence_punctuation(text)
    if not punctuated and _worth_a_warning(text):
        warn(path, "has no sentence punctuation (. ! ?); each line is read as one body sentence")
    paragraphs, duplicates = _split_paragraphs(text, punctuated=punctuated)
    if headline_first and paragraphs:
        # Before the labels, which relabel body paragraphs only: so never cut as infobox residue either.
        paragraphs[0] = paragraphs[0]._replace(section="headline")
    if punctuated:
        paragraphs = label_sections(paragraphs)
    if not paragraphs:
        raise _NothingLeft()
    leading = [Removal(0, kind, text, 0) for kind, text in (
        ("front_matter", header.block.strip() if header is not None else ""), ("markup", markup)) if text]
    if leading:
        paragraphs[0] = paragraphs[0]._replace(removals=[*leading, *paragraphs[0].removals])
    cleaned = _assemble(paragraphs, duplicates)
    warn_unless_english(cleaned.text, path)
    return cleaned


def _split_paragraphs(text: str, *, punctuated: bool) -> _SplitText:
    """The cleaned paragraphs in order, and the repeats dropped from them."""
    paragraphs: list[Paragraph] = []
    seen = SeenParagraphs(paragraphs)
    duplicates: list[_Duplicate] = []
    for block in paragraph_blocks(text, join_wrapped=punctuated):
        caption_block = punctuated and is_caption_block(block)
        for line in block:
            cleaned, section, removals = clean_paragraph(line)
            if not cleaned:
                continue
            key = cleaned.casefold()
            original = seen.find(key)
            if original is not None and len(WORD.findall(cleaned)) >= 3:
                duplicates.append(_Duplicate(original, cleaned))
                if original == len(paragraphs) - 1 and paragraphs[original].section == "body":
                    # Printed twice in a row: the tabloid layout of an image caption.
                    paragraphs[original] = paragraphs[original]._replace(section="caption")
                continue
            if caption_block and section == "body":
                section = "caption"
            if original is None:
                seen.add(key, len(paragraphs))
            paragraphs.append(Paragraph(cleaned, section, removals))
    return _SplitText(paragraphs, duplicates)


# Line and paragraph separators other than "\n": Windows "\r\n", old Mac "\r", form feeds (page breaks in
# exported text), Unicode's line/paragraph separators and NEL. Mixed endings in one file are common after
# copy-and-paste; each becomes "\n" (a paragraph break where the character means one).
_LINE_BREAKS = re.compile(r"\r\n|[\r\x0b\x85\u2028]|(?P<paragraph>[\x0c\u2029])")


def normalise_line_breaks(text: str) -> str:
    """Every line ending as ``"\\n"``; form feeds and paragraph separators as a blank line."""
    return _LINE_BREAKS.sub(lambda m: "\n\n" if m.group("paragraph") else "\n", text)


_SENTENCE_PUNCTUATION = re.compile(r"[.!?…]")


def has_sentence_punctuation(text: str) -> bool:
    """Whether the text has any full stop, question or exclamation mark (or ellipsis) at all."""
    return _SENTENCE_PUNCTUATION.search(text) is not None


def _worth_a_warning(text: str) -> bool:
    # One line (a headline, a sentence scored on its own) is one body paragraph either way; with several lines
    # the section labels would have come from punctuation.
    return re.search(r"\S[^\S\n]*\n\s*\S", text) is not None


def _assemble(paragraphs: list[Paragraph], duplicates: list[_Duplicate]) -> _CleanedRows:
    """The paragraphs joined by blank lines, with their offsets and every removal placed in the joined text."""
    pieces, rows, removal_rows = [], [], []
    offset = 0
    for para_id, (text, section, removals) in enumerate(paragraphs, start=1):
        rows.append((para_id, section, offset, offset + len(text)))
        removal_rows.extend((para_id, r.kind, r.text, offset + r.position) for r in removals)
        pieces.append(text)
        offset += len(text) + 2
    for original, text in duplicates:
        para_id, _, start, _ = rows[original]
        removal_rows.append((para_id, "duplicate", text, start))
    # sorted() is stable: rows with equal position and para_id keep the order they were recorded in.
    removal_rows.sort(key=lambda row: (row[3], row[0]))
    return _CleanedRows("\n\n".join(pieces), rows, removal_rows)
