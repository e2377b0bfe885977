"""Load documents and clean them, recording everything the cleaner changed.

Data flow: ``load_corpus(paths, manifest=...)`` lists the documents (:mod:`.documents`: files, folders, a
:mod:`.manifest`), reads each file once (:mod:`.reading`), cleans each text (:mod:`.cleaning`, with
:mod:`.paragraphs`, :mod:`.sections`, :mod:`.markup` and :mod:`.language`) and returns a :class:`Corpus` of
three tidy tables (:mod:`.tables`). A corpus table (one CSV or JSON Lines file of articles) is streamed by
:mod:`.records` into the same rows :func:`load_documents` makes. Every input is decoded by one rule
(:mod:`.encoding`), must be a regular file inside its folder and is named in outputs without its absolute path
(:mod:`.paths`).
"""

from __future__ import annotations

from .cleaning import clean_documents, clean_text, has_sentence_punctuation, normalise_line_breaks
from .documents import list_documents, load_corpus, load_documents, shown_paths
from .encoding import DecodedText, decode_text, stream_encoding
from .language import (
    ENGLISH_FUNCTION_WORDS,
    ENGLISH_MIN_SHARE,
    LANGUAGE_MIN_LETTERS,
    LANGUAGE_MIN_WORDS,
    LANGUAGE_SAMPLE_WORDS,
    EnglishShare,
    english_share,
    warn_unless_english,
)
from .manifest import KINDS, MANIFEST_NAMES, MANIFEST_REQUIRED, METADATA_COLUMNS, DocumentKind, read_manifest
from .markup import MIN_HTML_TAGS, StrippedHtml, html_to_text, looks_like_html
from .paragraphs import BULLET, CITATION, TERMINAL, WORD
from .paths import MentionedIn, is_inside, require_regular_file, shown_path
from .reading import DOCUMENT_SUFFIXES, NOT_TEXT_FORMATS, Encoding, FoundFiles, TextFile, find_files, read_text_file
from .sections import LEAD_SUBJECT, LEAD_VERB, PICTURE_CUE, RANKS
from .tables import (
    DOCUMENT_COLUMNS,
    PARAGRAPH_COLUMNS,
    REMOVAL_COLUMNS,
    SECTIONS,
    CleanedText,
    Corpus,
    Removal,
    RemovalKind,
    Section,
)

__all__ = [
    "BULLET", "CITATION", "DOCUMENT_COLUMNS", "DOCUMENT_SUFFIXES", "ENGLISH_FUNCTION_WORDS", "ENGLISH_MIN_SHARE",
    "KINDS",
    "LANGUAGE_MIN_LETTERS", "LANGUAGE_MIN_WORDS", "LANGUAGE_SAMPLE_WORDS", "LEAD_SUBJECT", "LEAD_VERB",
    "MANIFEST_NAMES", "MANIFEST_REQUIRED", "METADATA_COLUMNS", "MIN_HTML_TAGS", "NOT_TEXT_FORMATS",
    "PARAGRAPH_COLUMNS", "PICTURE_CUE", "RANKS", "REMOVAL_COLUMNS", "SECTIONS", "TERMINAL", "WORD",
    "CleanedText", "Corpus", "DecodedText", "DocumentKind", "Encoding", "EnglishShare", "FoundFiles", "MentionedIn",
    "Removal", "RemovalKind", "Section", "StrippedHtml", "TextFile",
    "clean_documents", "clean_text", "decode_text", "english_share", "find_files", "has_sentence_punctuation",
    "html_to_text", "is_inside", "list_documents", "load_corpus", "load_documents", "looks_like_html",
    "normalise_line_breaks", "read_manifest", "read_text_file", "require_regular_file", "shown_path", "shown_paths",
    "stream_encoding", "warn_unless_english",
]
