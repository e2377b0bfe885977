"""The tables a corpus is made of, their columns and the closed vocabularies in them.

Every other module of :mod:`framing.corpus` builds or reads these; keeping them apart from the reading and the
cleaning lets both import them without importing each other.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, NamedTuple, get_args

import pandas as pd

Section = Literal["headline", "bullet", "body", "caption", "subhead"]
SECTIONS: tuple[str, ...] = get_args(Section)
RemovalKind = Literal[
    "citation", "duplicate", "infobox", "bullet_marker", "quote_normalised", "space_normalised", "invisible",
    "space_inserted", "sentence_break", "markup", "mojibake_repaired", "front_matter",
]

DOCUMENT_COLUMNS = [
    "doc_id", "title", "outlet", "kind", "published", "source", "notes",
    "path", "sha256", "encoding", "n_paragraphs", "text",
]
PARAGRAPH_COLUMNS = ["doc_id", "para_id", "section", "start", "end"]
REMOVAL_COLUMNS = ["doc_id", "para_id", "kind", "text", "position"]


@dataclass(frozen=True)
class Corpus:
    """The cleaned corpus as three tidy tables.

    Attributes
    ----------
    documents
        One row per document: ``doc_id, title, outlet, kind, published, source, notes`` (metadata from the
        manifest, or the file name and kind ``unknown``), ``path``, ``sha256`` (of the file's bytes),
        ``encoding`` (how the bytes were decoded), ``n_paragraphs`` and ``text`` (the cleaned text; every offset
        in later tables points into it).
    paragraphs
        One row per kept paragraph: ``doc_id, para_id`` (1-based), ``section`` (headline / bullet / body /
        caption / subhead), ``start, end`` (offsets into the cleaned text).
    removals
        One row per thing the cleaner removed or changed: ``doc_id, para_id, kind, text, position``. ``kind`` is
        one of ``citation`` (a ``[12]``-style marker), ``duplicate`` (an exact repeat of a paragraph),
        ``infobox`` (table residue before an encyclopedia's lead sentence), ``bullet_marker``,
        ``quote_normalised`` (curly or doubled quotes made straight), ``space_normalised`` (non-breaking or
        odd spaces), ``invisible`` (zero-width characters, soft hyphens), ``space_inserted`` (a missing space
        after a full stop), ``sentence_break`` (a boundary with no punctuation, e.g. ``front He was``) and
        ``markup`` (a pasted web page's HTML: one row per document counting the tags and entities removed) and
        ``mojibake_repaired`` (text decoded wrongly before it was pasted, e.g. ``â€™`` for ``’``, put right by
        ftfy; ``text`` is the garbled original) and ``front_matter`` (a header of ``key: value`` lines between
        ``---`` lines, as scrapers write it: its title became the headline, its fields the metadata).
        ``text`` is what was there; ``position`` is the offset in the cleaned text where it was.
    """

    documents: pd.DataFrame
    paragraphs: pd.DataFrame
    removals: pd.DataFrame


class Removal(NamedTuple):
    """One thing the cleaner removed or changed (a row of ``Corpus.removals`` before it knows its document);
    ``position`` is an offset into the cleaned paragraph until the paragraphs are joined."""

    para_id: int
    kind: RemovalKind
    text: str
    position: int


class CleanedText(NamedTuple):
    """What :func:`~framing.corpus.clean_text` returns: the text, its paragraphs (DataFrame without ``doc_id``)
    and removals."""

    text: str
    paragraphs: pd.DataFrame
    removals: pd.DataFrame
