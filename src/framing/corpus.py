"""Load documents and clean them, recording everything the cleaner changed.

Data flow: ``load_corpus(paths, manifest=...)`` reads the files (with or without a manifest), cleans each text
with :func:`clean_text` and returns a :class:`Corpus` of three tidy tables. The dirt is evidence: Wikipedia's
citation markers are attribution, a tabloid's doubled captions are layout, so nothing is dropped silently —
every removal and normalisation is a row of ``Corpus.removals``.
"""

from __future__ import annotations

import csv
import hashlib
import re
import tomllib
from collections import Counter
from dataclasses import dataclass
from html.parser import HTMLParser
from itertools import chain, islice
from pathlib import Path
from typing import Iterator, Literal, NamedTuple

import pandas as pd

from .errors import input_error, warn

Section = Literal["headline", "bullet", "body", "caption", "subhead"]
SECTIONS: tuple[str, ...] = ("headline", "bullet", "body", "caption", "subhead")
KINDS: tuple[str, ...] = (
    "encyclopedic", "tabloid", "wire", "broadsheet", "state media", "opinion", "other", "unknown",
)
MANIFEST_NAMES = ("manifest.csv", "manifest.toml")
MANIFEST_REQUIRED = ("doc_id", "file")
METADATA_COLUMNS = ("title", "outlet", "kind", "published", "source", "notes")
TEXT_SUFFIXES = (".txt", ".md")

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
        ``markup`` (a pasted web page's HTML: one row per document counting the tags and entities removed).
        ``text`` is what was there; ``position`` is the offset in the cleaned text where it was.
    """

    documents: pd.DataFrame
    paragraphs: pd.DataFrame
    removals: pd.DataFrame


class Removal(NamedTuple):
    para_id: int
    kind: str
    text: str
    position: int


class CleanedText(NamedTuple):
    """What :func:`clean_text` returns: the text, its paragraphs (DataFrame without ``doc_id``) and removals."""

    text: str
    paragraphs: pd.DataFrame
    removals: pd.DataFrame


# ---------------------------------------------------------------------------------------------------------
# Reading files


def read_text_file(path: Path) -> tuple[str, str]:
    """Decode a text file; return ``(text, encoding)``.

    UTF-8 (with or without BOM) and UTF-16 with a BOM are read as such; anything else that is not UTF-8 is read
    as cp1252 (Word's export on Windows) with a warning. Empty, whitespace-only and binary files are refused.
    """
    if not path.exists():
        raise input_error(path, "no such file or folder")
    if path.is_dir():
        raise input_error(path, "is a folder, expected a .txt or .md file")
    data = path.read_bytes()
    for magic, problem in NOT_TEXT_FORMATS:
        if data.startswith(magic):
            raise input_error(path, problem)
    text, encoding = _decode(path, data)
    if not text or text.isspace():  # not strip(): that would copy a large file's text
        raise input_error(path, "is empty" if not data else "contains only whitespace")
    if _looks_binary(text):
        raise input_error(path, "looks like a binary file, not text (control characters or NUL bytes)")
    return text, encoding


# Documents people rename to .txt, by their first bytes, with what to do instead. RTF is plain ASCII and would
# otherwise be "read" as a text full of control words; the others would be refused as binary without advice.
NOT_TEXT_FORMATS: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "is a PDF, not text; export it to .txt first (e.g. `pdftotext`)"),
    (b"{\\rtf", "is an RTF document, not plain text; save it as Plain Text (.txt)"),
    (b"PK\x03\x04", "is a ZIP archive (a .docx, .odt or .pages file?), not text; save it as Plain Text (.txt)"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "is an old Word file (.doc), not text; save it as Plain Text (.txt)"),
)


def _decode(path: Path, data: bytes) -> tuple[str, str]:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError:
            raise input_error(path, "starts with a UTF-16 mark but is not valid UTF-16") from None
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="strict"), "utf-8-sig"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    if b"\x00" in data[:4096]:
        raise input_error(path, "looks like a binary file, not text (NUL bytes)")
    try:
        text, encoding = data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        text, encoding = data.decode("latin-1"), "latin-1"
    warn(path, f"not valid UTF-8; read as {encoding} (save as UTF-8 to silence this)")
    return text, encoding


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


def _looks_binary(text: str) -> bool:
    sample = text[:8192]
    return "\x00" in sample or len(_CONTROL.findall(sample)) > max(2, len(sample) // 100)


def read_manifest(path: Path) -> pd.DataFrame:
    """Read a manifest (CSV with a header, or TOML with a ``[[document]]`` array).

    Returns one row per document with ``doc_id, file`` (resolved path) and the metadata columns
    ``title, outlet, kind, published, source, notes`` (empty when absent).
    """
    path = Path(path)
    if not path.exists():
        raise input_error(path, "manifest not found")
    if path.suffix.lower() == ".toml":
        rows = _read_manifest_toml(path)
    else:
        rows = _read_manifest_csv(path)
    base = path.parent.resolve()
    seen: dict[str, int] = {}
    records = []
    for line, row in rows:
        missing = [column for column in MANIFEST_REQUIRED if not str(row.get(column) or "").strip()]
        if missing:
            raise input_error(path, f"row has no {', '.join(missing)}", line=line)
        doc_id = str(row["doc_id"]).strip()
        if doc_id in seen:
            raise input_error(path, f"duplicate doc_id {doc_id!r} (first on line {seen[doc_id]})", line=line)
        seen[doc_id] = line
        file = (base / str(row["file"]).strip()).resolve()
        if not file.is_relative_to(base):
            raise input_error(path, f"file {row['file']!r} is outside the manifest's folder", line=line)
        if not file.exists():
            raise input_error(path, f"names a missing file {row['file']!r}", line=line)
        kind = str(row.get("kind") or "unknown").strip().lower()
        if kind not in KINDS:
            raise input_error(path, f"unknown kind {kind!r}; use one of: {', '.join(KINDS)}", line=line)
        record = {column: str(row.get(column) or "").strip() for column in METADATA_COLUMNS}
        record.update(doc_id=doc_id, file=file, kind=kind, title=record["title"] or doc_id)
        records.append(record)
    if not records:
        raise input_error(path, "manifest lists no documents")
    return pd.DataFrame.from_records(records, columns=["doc_id", "file", *METADATA_COLUMNS])


def _read_manifest_csv(path: Path) -> list[tuple[int, dict]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        header = reader.fieldnames or []
        missing = [column for column in MANIFEST_REQUIRED if column not in header]
        if missing:
            raise input_error(path, f"missing required column(s) {', '.join(missing)}; has {', '.join(header)}",
                              line=1)
        return [(reader.line_num, row) for row in reader]


def _read_manifest_toml(path: Path) -> list[tuple[int, dict]]:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as error:
        raise input_error(path, f"not valid TOML ({error})") from None
    documents = data.get("document")
    if not isinstance(documents, list):
        raise input_error(path, "expected a [[document]] array of tables")
    # TOML has no line numbers per table; number the documents instead.
    return [(index, row) for index, row in enumerate(documents, start=1)]


def find_files(paths: list[str | Path]) -> tuple[list[Path], Path | None]:
    """Expand folders into their ``.txt``/``.md`` files; return ``(files, manifest found in a folder)``."""
    files: list[Path] = []
    manifest = None
    for raw in paths:
        path = Path(raw)
        if not path.exists():
            raise input_error(path, "no such file or folder")
        if path.is_dir():
            for name in MANIFEST_NAMES:
                if (path / name).exists() and manifest is None:
                    manifest = path / name
            found = sorted(p for p in path.iterdir() if p.suffix.lower() in TEXT_SUFFIXES
                           and p.is_file() and p.name.lower() != "readme.md")
            if not found:
                raise input_error(path, "folder has no .txt or .md files")
            files.extend(found)
        else:
            files.append(path)
    return files, manifest


def load_documents(paths: list[str | Path], *, manifest: str | Path | None = None) -> pd.DataFrame:
    """Read documents from files/folders, with metadata from a manifest when there is one.

    A folder holding ``manifest.csv`` or ``manifest.toml`` uses it automatically. With a manifest, exactly the
    documents it lists are read; without one, every ``.txt``/``.md`` file is a document whose ``doc_id`` is its
    file name without suffix and whose kind is ``unknown``.

    Returns
    -------
    DataFrame with ``doc_id, title, outlet, kind, published, source, notes, path, sha256, encoding, raw_text``.
    """
    if isinstance(paths, (str, Path)):
        paths = [paths]
    files, found_manifest = find_files(paths)
    manifest_path = Path(manifest) if manifest is not None else found_manifest
    if manifest_path is None:
        manifest_path = _sibling_manifest(paths)
    if manifest_path is not None:
        table = _select_listed(read_manifest(manifest_path), paths, files, manifest_path)
    else:
        table = pd.DataFrame({"doc_id": [f.stem for f in files], "file": files})
        for column in METADATA_COLUMNS:
            table[column] = ""
        table["title"] = table["doc_id"]
        table["kind"] = "unknown"
        duplicated = table["doc_id"].duplicated(keep=False)
        if duplicated.any():
            clash = table.loc[duplicated, "file"].astype(str).tolist()
            raise input_error(None, f"two files give the same doc_id {table.loc[duplicated, 'doc_id'].iloc[0]!r}: "
                                    f"{', '.join(clash)} (rename one, or use a manifest)")
    rows = []
    for record in table.to_dict("records"):
        path = Path(record.pop("file"))
        text, encoding = read_text_file(path)
        record.update(path=str(path), sha256=hashlib.sha256(path.read_bytes()).hexdigest(),
                      encoding=encoding, raw_text=text)
        rows.append(record)
    return pd.DataFrame.from_records(rows)


def _sibling_manifest(paths: list[str | Path]) -> Path | None:
    """The manifest beside explicitly named files (all in one folder that has one), so metadata follows them."""
    folders = {Path(p).resolve().parent for p in paths if Path(p).is_file()}
    if len(folders) != 1 or any(Path(p).is_dir() for p in paths):
        return None
    folder = folders.pop()
    return next((folder / name for name in MANIFEST_NAMES if (folder / name).exists()), None)


def _select_listed(table: pd.DataFrame, paths, files: list[Path], manifest: Path) -> pd.DataFrame:
    """With explicitly named files, keep only their manifest rows; files it does not list get default rows."""
    if any(Path(p).is_dir() for p in paths):
        return table
    wanted = [f.resolve() for f in files]
    listed = table[table["file"].map(lambda f: Path(f).resolve() in wanted)]
    unlisted = [f for f in wanted if f not in set(listed["file"].map(lambda f: Path(f).resolve()))]
    extra = pd.DataFrame({"doc_id": [f.stem for f in unlisted], "file": unlisted})
    for column in METADATA_COLUMNS:
        extra[column] = ""
    extra["title"], extra["kind"] = extra["doc_id"], "unknown"
    order = {f: i for i, f in enumerate(wanted)}
    combined = pd.concat([listed, extra], ignore_index=True)
    combined = combined.iloc[combined["file"].map(lambda f: order[Path(f).resolve()]).argsort()]
    if combined["doc_id"].duplicated().any():
        raise input_error(manifest, f"doc_id {combined.loc[combined['doc_id'].duplicated(), 'doc_id'].iloc[0]!r} "
                                    "is used by a listed and an unlisted file")
    return combined.reset_index(drop=True)


def load_corpus(paths: list[str | Path] | str | Path, *, manifest: str | Path | None = None) -> Corpus:
    """Read and clean documents; see :class:`Corpus` for the three tables returned."""
    return clean_documents(load_documents(paths if isinstance(paths, list) else [paths], manifest=manifest))


def clean_documents(documents: pd.DataFrame) -> Corpus:
    """Clean documents read by :func:`load_documents` (or :mod:`framing.records`): needs ``doc_id, path`` and
    ``raw_text``; every other column is kept as metadata, the standard ones first. See :class:`Corpus`.

    The paragraph and removal tables are built once for the whole batch from plain rows: building two
    DataFrames and sorting one per document cost more than cleaning a one-sentence document.
    """
    texts: list[str] = []
    paragraph_rows: list[tuple] = []
    removal_rows: list[tuple] = []
    n_paragraphs: Counter = Counter()
    for doc_id, raw, path in zip(documents["doc_id"], documents["raw_text"], documents["path"]):
        cleaned = _clean(raw, path)
        texts.append(cleaned.text)
        paragraph_rows.extend((doc_id, *row) for row in cleaned.paragraphs)
        removal_rows.extend((doc_id, *row) for row in cleaned.removals)
        n_paragraphs[doc_id] += len(cleaned.paragraphs)
    documents = documents.drop(columns="raw_text").assign(text=texts)
    documents["n_paragraphs"] = documents["doc_id"].map(n_paragraphs).astype(int)
    extra = [column for column in documents.columns if column not in DOCUMENT_COLUMNS]
    return Corpus(
        documents=documents[DOCUMENT_COLUMNS + extra],
        paragraphs=pd.DataFrame(paragraph_rows, columns=PARAGRAPH_COLUMNS),
        removals=_removal_table(removal_rows),
    )


def _removal_table(rows: list[tuple]) -> pd.DataFrame:
    """Removal rows (``REMOVAL_COLUMNS``) as a table with the same dtypes whether or not it is empty (an empty
    one would otherwise be all ``object``), so batches with and without removals concatenate to integer
    positions."""
    table = pd.DataFrame(rows, columns=REMOVAL_COLUMNS)
    if rows:
        return table  # inferred from the rows: integers and strings already
    return table.astype({column: "int64" if column in ("para_id", "position") else str
                         for column in REMOVAL_COLUMNS})


# ---------------------------------------------------------------------------------------------------------
# Cleaning

# Wikipedia-style reference markers: [12], [ 210 ], [note 1], [nb 2], [a], [citation needed]. Not "[his]",
# an editor's insertion inside a quotation, which is text.
CITATION = (
    r"\s*\[\s*(?:\d{1,4}|(?:note|nb|n)\s*\d{1,3}|[a-z]|citation needed|clarification needed|dubious|"
    r"failed verification|better source needed|who\?|when\?|by whom\?|according to whom\?)\s*\]"
)
# Every edit starts with white space, "[", a quote mark, an invisible character or sentence punctuation. Testing
# for one of them first lets the engine pass over the other positions without trying each alternative there
# (the same matches, about 3x faster on news text; this runs on every paragraph).
_EDIT_START = r"(?=[\s\['`‘’‚‛′‹›“”„‟«»″\u200b\u200c\u200d\u2060\ufeff\u00ad.!?])"
_INLINE_EDITS = re.compile(
    _EDIT_START + "(?:" + "|".join([
        rf"(?P<citation>{CITATION})",
        r"(?P<doubled>''|‘‘|’’|``)",
        r"(?P<dquote>[“”„‟«»″])",
        r"(?P<squote>[‘’‚‛′`‹›])",
        r"(?P<invisible>[\u200b\u200c\u200d\u2060\ufeff\u00ad])",
        r"(?P<glued>(?<=[a-z]{2})[.!?](?=[A-Z][a-z]))",
        r"(?P<unpunctuated>(?<=[a-z]{2}) (?=(?:He|She|They|His|Her|Their|We) [a-z]))",
        # Runs of plain spaces are collapsed silently; any other space character is recorded.
        r"(?P<space>[ ]*[\t\u00a0\u2000-\u200a\u202f\u205f\u3000][ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]*|[ ]{2,})",
    ]) + ")",
    flags=re.IGNORECASE,
)
_CASE_SENSITIVE_GROUPS = {"glued", "unpunctuated"}
BULLET = re.compile(r"^\s*[•●▪‣◦·*\-–—]\s+")
TERMINAL = re.compile(r"[.!?…][\"')\]]*$")
PICTURE_CUE = re.compile(r"\((?:pictured|left|right|centre|center|above|below|top|bottom|inset)\b|^pictured\b",
                         re.IGNORECASE)
LEAD_VERB = re.compile(r"\b(?:is|was|are|were)\s+(?:an?|the)\b")
LEAD_SUBJECT = re.compile(r"(?:[A-Z][\w'.-]*\s+){0,5}[A-Z][\w'.-]*\s*(?:\([^()]*(?:\([^()]*\)[^()]*)*\))?\s*$")
WORD = re.compile(r"\w+(?:['’-]\w+)*")


def clean_text(raw: str, *, path: str | Path | None = None) -> CleanedText:
    """Clean one document's text and say what was changed.

    Paragraphs are blank-line-separated blocks; inside a block each line is its own paragraph unless the block
    is hard-wrapped prose. Each paragraph gets a ``section``: ``headline`` (a first line without final
    punctuation), ``bullet`` (a line starting with a bullet glyph), ``caption`` (a line printed twice in a row,
    a line with a picture cue such as "(pictured …)", or a block of short unpunctuated lines such as the captions
    a Wikipedia copy leaves at the end), ``subhead`` (a short unpunctuated line elsewhere) or ``body``.

    Input that is usable but not plain English prose is read with a :class:`~framing.errors.FramingWarning`
    naming ``path``: HTML is reduced to its visible text (:func:`html_to_text`; a ``markup`` removal); a text
    without any sentence punctuation has every line read as one ``body`` paragraph (no headline, caption or
    subhead guesses, no hard-wrap joining); a text that does not look like English is flagged
    (:func:`warn_unless_english`). Line endings may be mixed (``\\r\\n``, ``\\r``, ``\\n``).

    Returns
    -------
    CleanedText(text, paragraphs, removals): ``paragraphs`` has ``para_id, section, start, end``; ``removals``
    has ``para_id, kind, text, position`` (see :class:`Corpus`), ordered by ``position`` then ``para_id``.
    """
    cleaned = _clean(raw, path)
    return CleanedText(cleaned.text,
                       pd.DataFrame(cleaned.paragraphs, columns=["para_id", "section", "start", "end"]),
                       pd.DataFrame(cleaned.removals, columns=["para_id", "kind", "text", "position"]))


class _CleanedRows(NamedTuple):
    """One cleaned document as plain rows, for :func:`clean_text` and :func:`clean_documents` to tabulate."""

    text: str
    paragraphs: list[tuple[int, str, int, int]]  # para_id, section, start, end
    removals: list[tuple[int, str, str, int]]  # para_id, kind, text, position; by position, then para_id


def _clean(raw: str, path: str | Path | None) -> _CleanedRows:
    """Everything :func:`clean_text` does, without building tables."""
    raw, markup = _strip_markup(raw, path)
    text = normalise_line_breaks(raw)
    # Section labels and hard-wrap joining read final punctuation; without any, every line is a body sentence.
    punctuated = has_sentence_punctuation(text)
    if not punctuated and _worth_a_warning(text):
        warn(path, "has no sentence punctuation (. ! ?); each line is read as one body sentence")
    blocks = _blocks(text, join_wrapped=punctuated)
    paragraphs: list[tuple[str, Section, list[Removal]]] = []
    seen = _SeenParagraphs(paragraphs)
    duplicates: list[tuple[int, str]] = []
    for block in blocks:
        caption_block = punctuated and _is_caption_block(block)
        for line in block:
            cleaned, section, removals = _clean_paragraph(line)
            if not cleaned:
                continue
            key = cleaned.casefold()
            original = seen.find(key)
            if original is not None and len(WORD.findall(cleaned)) >= 3:
                duplicates.append((original, cleaned))
                if original == len(paragraphs) - 1 and paragraphs[original][1] == "body":
                    # Printed twice in a row: the tabloid layout of an image caption.
                    paragraphs[original] = (paragraphs[original][0], "caption", paragraphs[original][2])
                continue
            if caption_block and section == "body":
                section = "caption"
            if original is None:
                seen.add(key, len(paragraphs))
            paragraphs.append((cleaned, section, removals))
    if punctuated:
        paragraphs = _label_sections(paragraphs)
    if not paragraphs:
        raise input_error(path, "has no text left after cleaning")
    if markup:
        first_text, first_section, first_removals = paragraphs[0]
        paragraphs[0] = (first_text, first_section, [Removal(0, "markup", markup, 0), *first_removals])
    cleaned = _assemble(paragraphs, duplicates)
    warn_unless_english(cleaned.text, path)
    return cleaned


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


# ---------------------------------------------------------------------------------------------------------
# Pasted web pages
#
# Markup is stripped rather than refused: the words are what the user wants, and "save the page as text" is
# advice they have already failed to follow. Only real markup counts — a doctype or <html>, or several tags of
# common HTML elements — so plain text that mentions "<3" or "a < b" is left alone.

_HTML_START = re.compile(r"^\s*(?:<!doctype\s+html|<html[\s>])", re.IGNORECASE)
_HTML_TAG = re.compile(
    r"</?(?:p|div|span|br|a|b|i|em|strong|u|ul|ol|li|h[1-6]|table|thead|tbody|tr|td|th|img|script|style|body|"
    r"head|title|meta|link|blockquote|section|article|header|footer|nav|main|aside|figure|figcaption|pre|code|"
    r"sup|sub|hr|dl|dt|dd|font|center|small|iframe|form|input|button|label|noscript)(?:\s[^<>]*)?/?>",
    re.IGNORECASE,
)
_HTML_ENTITY = re.compile(r"&(?:#\d+|#x[0-9a-f]+|[a-z][a-z0-9]*);", re.IGNORECASE)
# Fewer tags than this is a text that talks about HTML ("use <b> for bold"), not a web page.
MIN_HTML_TAGS = 3
_BLOCK_TAGS = frozenset("""p div li ul ol h1 h2 h3 h4 h5 h6 table thead tbody tr blockquote section article header
footer nav main aside figure figcaption pre hr dl dt dd center form""".split())
_CELL_TAGS = frozenset({"td", "th"})
# Not shown on the page. The <title> is left out too: it repeats the <h1> or adds the site's name.
_INVISIBLE_TAGS = frozenset({"script", "style", "noscript", "template", "iframe", "title"})


def looks_like_html(text: str) -> bool:
    """A doctype or ``<html>`` at the start, or at least :data:`MIN_HTML_TAGS` tags of common HTML elements."""
    if _HTML_START.match(text):
        return True
    return sum(1 for _ in zip(range(MIN_HTML_TAGS), _HTML_TAG.finditer(text))) >= MIN_HTML_TAGS


class _HtmlText(HTMLParser):
    """The visible text of an HTML page: block elements become paragraph breaks, ``<br>`` a line break, and the
    contents of scripts, styles and the title are dropped. Entities are decoded (``convert_charrefs``)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
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
            self.pieces.append(re.sub(r"\s+", " ", data))


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
    parser = _HtmlText()
    parser.feed(html)
    parser.close()
    text = "\n".join(line.strip() for line in "".join(parser.pieces).split("\n"))
    return StrippedHtml(text, parser.tags, len(_HTML_ENTITY.findall(html)), parser.hidden_blocks)


def _strip_markup(raw: str, path: str | Path | None) -> tuple[str, str | None]:
    """``(text, summary)``: HTML reduced to its visible text with a warning, or the raw text and ``None``."""
    if not looks_like_html(raw):
        return raw, None
    stripped = html_to_text(raw)
    warn(path, f"looks like HTML: removed {sum(stripped.tags.values())} tags and kept the text (block tags as "
               "paragraph breaks, see removals.csv); save the page as plain text to silence this")
    return stripped.text, stripped.summary()


# ---------------------------------------------------------------------------------------------------------
# Language
#
# Every measure is English-only (VADER's lexicon, the loaded-term lexicon, attribution cues, Punkt's model). A
# document in another language does not crash anything — it scores near zero everywhere, which looks like a
# finding. Common English function words make up 37–41% of the seeds' words (no 80-word stretch below 25%) and
# 2–9% of French, German, Spanish, Italian, Portuguese and Dutch news paragraphs, so a share under 12% on a
# document long enough to judge is a safe sign.

ENGLISH_FUNCTION_WORDS = frozenset("""the of and to a an in is are was were be been being that this these those it
its for on with as at by from or but not no he she they we you i his her their our my your him them us me have
has had do does did will would can could should may might must shall there which who whom whose what when where
why how than then so if about into over after before between under against during through up out more most all
any some such only also very just other each both said says""".split())
ENGLISH_MIN_SHARE = 0.12
# Below this many words the share is too noisy to judge (a caption, a headline, a list of names).
LANGUAGE_MIN_WORDS = 50
# The first this-many words decide; enough for a stable share, cheap on a 50 MB file.
LANGUAGE_SAMPLE_WORDS = 20_000
# Scripts without spaces (Chinese, Japanese) give few "words"; a text whose letters are mostly not Latin is
# judged by its letters instead.
LANGUAGE_MIN_LETTERS = 200


def english_share(text: str) -> tuple[float, int]:
    """``(share of words that are common English function words, words looked at)`` over the first
    :data:`LANGUAGE_SAMPLE_WORDS` words."""
    if len(text) < LANGUAGE_SAMPLE_WORDS:
        words = WORD.findall(text)  # too short to hold more words than the sample: one C call, no islice
    else:
        words = [match.group() for match in islice(WORD.finditer(text), LANGUAGE_SAMPLE_WORDS)]
    if not words:
        return 0.0, 0
    return sum(map(ENGLISH_FUNCTION_WORDS.__contains__, map(str.lower, words))) / len(words), len(words)


_LETTER = re.compile(r"[^\W\d_]")  # a letter of any script (regex, not a Python loop: this runs per document)
_LATIN_LETTER = re.compile(r"[A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f]")  # × and ÷ are not letters
# A letter that is not Latin (every character _LATIN_LETTER matches is a letter, so these are the rest).
_NON_LATIN_LETTER = re.compile(r"[^\W\d_A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f]")


def _latin_letter_share(text: str) -> tuple[float, int]:
    sample = text[:LANGUAGE_SAMPLE_WORDS * 6]
    n_letters = len(_LETTER.findall(sample))
    if not n_letters:
        return 1.0, 0
    return len(_LATIN_LETTER.findall(sample)) / n_letters, n_letters


def warn_unless_english(text: str, path: str | Path | None = None) -> bool:
    """Warn (naming the file) when a text does not look like English; return whether it warned."""
    if _may_be_non_latin(text):
        latin, n_letters = _latin_letter_share(text)
        if n_letters >= LANGUAGE_MIN_LETTERS and latin < 0.5:
            warn(path, "does not look like English (mostly non-Latin script); framing's measures are "
                       "English-only, so its scores mean little")
            return True
    # n words take at least 2n - 1 characters (words are separated), so a shorter text cannot be judged.
    if len(text) < 2 * LANGUAGE_MIN_WORDS - 1:
        return False
    share, n_words = english_share(text)
    if n_words >= LANGUAGE_MIN_WORDS and share < ENGLISH_MIN_SHARE:
        warn(path, f"does not look like English (only {share:.0%} of its words are common English words); "
                   "framing's measures are English-only, so its scores mean little")
        return True
    return False


def _may_be_non_latin(text: str) -> bool:
    """Whether the script test can fire at all, found without counting every letter.

    It fires when more than half of at least :data:`LANGUAGE_MIN_LETTERS` letters are not Latin, which takes more
    than ``LANGUAGE_MIN_LETTERS / 2`` non-Latin letters. An ASCII text has none; an English text has a few (a
    Greek letter, a name in Arabic script), and finding those few is much cheaper than listing all its letters.
    """
    sample = text[:LANGUAGE_SAMPLE_WORDS * 6]
    if sample.isascii():
        return False
    return 2 * len(_NON_LATIN_LETTER.findall(sample)) > LANGUAGE_MIN_LETTERS


class _SeenParagraphs:
    """The paragraphs kept so far, found by their case-folded text. Only hashes are stored (each candidate is
    compared in full), so a 50 MB document is not held a second time as case-folded keys."""

    def __init__(self, paragraphs: list[tuple[str, Section, list[Removal]]]) -> None:
        self._paragraphs = paragraphs
        self._by_hash: dict[int, list[int]] = {}

    def find(self, key: str) -> int | None:
        """Index of the first kept paragraph whose case-folded text is ``key``."""
        for index in self._by_hash.get(hash(key), ()):
            if self._paragraphs[index][0].casefold() == key:
                return index
        return None

    def add(self, key: str, index: int) -> None:
        self._by_hash.setdefault(hash(key), []).append(index)


def _lines(text: str) -> Iterator[str]:
    """The lines of ``text`` one at a time (``split`` would hold a large file's lines all at once)."""
    start = 0
    while start <= len(text):
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        yield text[start:end]
        start = end + 1


def _blocks(text: str, *, join_wrapped: bool = True) -> Iterator[list[str]]:
    """Runs of non-blank lines, one at a time; a hard-wrapped run is joined into one line."""
    block: list[str] = []
    for line in chain(_lines(text), [""]):
        if line.strip():
            block.append(line)
            continue
        if block:
            joined = join_wrapped and _is_hard_wrapped(block)
            yield [" ".join(part.strip() for part in block)] if joined else block
            block = []


def _is_hard_wrapped(block: list[str]) -> bool:
    """Prose wrapped at a fixed width (e-mail, Gutenberg): lines of similar length that run on."""
    if len(block) < 3:
        return False
    body = [line.strip() for line in block[:-1]]
    similar = sum(40 <= len(line) <= 100 for line in body) >= 0.8 * len(body)
    run_on = sum(not TERMINAL.search(line) for line in body) >= 0.5 * len(body)
    return similar and run_on and not any(BULLET.match(line) for line in block)


def _is_caption_block(block: list[str]) -> bool:
    """Several short lines without blank lines between them, most without final punctuation."""
    if len(block) < 3 or any(BULLET.match(line) for line in block):
        return False
    lines = [_strip_citations(line.strip()) for line in block]
    short = all(len(WORD.findall(line)) <= 60 for line in lines)
    unpunctuated = sum(not TERMINAL.search(line) for line in lines)
    return short and unpunctuated >= len(lines) / 2


def _strip_citations(text: str) -> str:
    return re.sub(CITATION, "", text, flags=re.IGNORECASE).strip()


def _clean_paragraph(line: str) -> tuple[str, Section, list[Removal]]:
    """Apply every inline edit in one pass so recorded positions are offsets into the cleaned paragraph."""
    removals: list[Removal] = []
    section: Section = "body"
    bullet = BULLET.match(line)
    if bullet:
        section = "bullet"
        removals.append(Removal(0, "bullet_marker", bullet.group().strip(), 0))
        line = line[bullet.end():]
    out: list[str] = []
    length = 0
    last = 0
    for match in _INLINE_EDITS.finditer(line):
        group = match.lastgroup
        text = match.group()
        if group in _CASE_SENSITIVE_GROUPS and not _case_ok(group, line, match):
            continue
        out.append(line[last:match.start()])
        length += match.start() - last
        replacement = _replacement(group, text)
        kind = _EDIT_KIND[group]
        if kind and not (group == "space" and set(text) == {" "}):
            position = length + (1 if group in {"glued"} else 0) + (1 if group == "unpunctuated" else 0)
            removals.append(Removal(0, kind, text.strip() if group == "citation" else text, position))
        out.append(replacement)
        length += len(replacement)
        last = match.end()
    out.append(line[last:])
    cleaned = "".join(out)
    stripped = cleaned.strip()
    lead = len(cleaned) - len(cleaned.lstrip())
    removals = [r._replace(position=min(max(r.position - lead, 0), len(stripped))) for r in removals]
    return stripped, section, removals


def _case_ok(group: str, line: str, match: re.Match) -> bool:
    # The pattern is compiled case-insensitively for the citation words; these two rules need real case.
    after = line[match.end():match.end() + 2]
    before = line[max(0, match.start() - 2):match.start()]
    return before.islower() and after[:1].isupper() and (group == "unpunctuated" or after[1:2].islower())


_EDIT_KIND = {
    "citation": "citation", "doubled": "quote_normalised", "dquote": "quote_normalised",
    "squote": "quote_normalised", "invisible": "invisible", "glued": "space_inserted",
    "unpunctuated": "sentence_break", "space": "space_normalised",
}


def _replacement(group: str, text: str) -> str:
    if group == "citation":
        return ""
    if group in {"doubled", "dquote"}:
        return '"'
    if group == "squote":
        return "'"
    if group == "invisible":
        return ""
    if group == "glued":
        return text + " "
    return " "


def _label_sections(paragraphs: list[tuple[str, Section, list[Removal]]]):
    labelled = []
    for index, (text, section, removals) in enumerate(paragraphs):
        words = len(WORD.findall(text))
        punctuated = bool(TERMINAL.search(text))
        if section == "body":
            if index == 0 and not punctuated and words < 60 and len(paragraphs) > 1:
                section = "headline"
            elif PICTURE_CUE.search(text):
                section = "caption"
            elif not punctuated and words <= 10 and index > 0:
                section = "subhead"
        labelled.append((text, section, removals))
    return _cut_infobox(labelled)


def _cut_infobox(paragraphs):
    """Remove table residue that precedes an encyclopedia's lead sentence in the first body paragraph.

    A copied Wikipedia infobox arrives as a run of names and years ("Kurdish Rebellion (1979) Iran–Iraq War
    (1980–1988) …") glued to "Major General Qasem Soleimani (…) is an Iranian …". The residue is the text before
    the lead's subject when it has no sentence punctuation and is mostly capitalised words, numbers and brackets.
    """
    for index, (text, section, removals) in enumerate(paragraphs):
        if section != "body":
            continue
        verb = LEAD_VERB.search(text)
        if not verb or verb.start() > 2000:
            return paragraphs
        head = text[:verb.start()]
        subject = LEAD_SUBJECT.search(head)
        if not subject:
            return paragraphs
        cut = _subject_start(head, subject)
        residue = head[:cut]
        tokens = residue.split()
        if len(tokens) < 4 or re.search(r"[.!?]\s", residue):
            return paragraphs
        formal = sum(t[:1].isupper() or t[:1] in "(\"'" or t[:1].isdigit() or t in {"–", "-"} for t in tokens)
        if formal < 0.6 * len(tokens):
            return paragraphs
        kept = [r._replace(position=r.position - cut) for r in removals if r.position >= cut]
        kept.insert(0, Removal(0, "infobox", residue.strip(), 0))
        paragraphs = list(paragraphs)
        paragraphs[index] = (text[cut:], section, kept)
        return paragraphs
    return paragraphs


RANKS = {"major", "general", "lieutenant", "brigadier", "colonel", "admiral", "field", "marshal", "ayatollah",
         "grand", "sheikh", "president", "prime", "sir", "dame", "dr", "king", "queen", "prince", "princess"}


def _subject_start(head: str, subject: re.Match) -> int:
    """Where the lead's subject begins inside a run of capitalised words ("… Civil War Major General X Y").

    The run may have swallowed the last infobox item, so start at the first rank/honorific word if there is
    one, else keep at most three capitalised words (most names) before the bracket.
    """
    words = list(re.finditer(r"[A-Z][\w'.-]*", head[subject.start():].split("(")[0]))
    for word in words:
        if word.group().lower().rstrip(".") in RANKS:
            return subject.start() + word.start()
    if len(words) > 3:
        return subject.start() + words[-3].start()
    return subject.start()


def _assemble(paragraphs, duplicates) -> _CleanedRows:
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
