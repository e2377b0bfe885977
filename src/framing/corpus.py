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
from dataclasses import dataclass
from pathlib import Path
from typing import Literal, NamedTuple

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
        after a full stop) and ``sentence_break`` (a boundary with no punctuation, e.g. ``front He was``).
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
    if data.startswith(b"%PDF-"):
        raise input_error(path, "is a PDF, not text; export it to .txt first (e.g. `pdftotext`)")
    text, encoding = _decode(path, data)
    if not text.strip():
        raise input_error(path, "is empty" if not data else "contains only whitespace")
    if _looks_binary(text):
        raise input_error(path, "looks like a binary file, not text (control characters or NUL bytes)")
    return text, encoding


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
    documents = load_documents(paths if isinstance(paths, list) else [paths], manifest=manifest)
    texts, paragraphs, removals = [], [], []
    for doc in documents.itertuples(index=False):
        cleaned = clean_text(doc.raw_text, path=doc.path)
        texts.append(cleaned.text)
        paragraphs.append(cleaned.paragraphs.assign(doc_id=doc.doc_id))
        removals.append(cleaned.removals.assign(doc_id=doc.doc_id))
    documents = documents.drop(columns="raw_text").assign(text=texts)
    paragraph_table = pd.concat(paragraphs, ignore_index=True)[PARAGRAPH_COLUMNS]
    documents["n_paragraphs"] = documents["doc_id"].map(paragraph_table.groupby("doc_id").size()).astype(int)
    return Corpus(
        documents=documents[DOCUMENT_COLUMNS],
        paragraphs=paragraph_table,
        removals=pd.concat(removals, ignore_index=True)[REMOVAL_COLUMNS],
    )


# ---------------------------------------------------------------------------------------------------------
# Cleaning

# Wikipedia-style reference markers: [12], [ 210 ], [note 1], [nb 2], [a], [citation needed]. Not "[his]",
# an editor's insertion inside a quotation, which is text.
CITATION = (
    r"\s*\[\s*(?:\d{1,4}|(?:note|nb|n)\s*\d{1,3}|[a-z]|citation needed|clarification needed|dubious|"
    r"failed verification|better source needed|who\?|when\?|by whom\?|according to whom\?)\s*\]"
)
_INLINE_EDITS = re.compile(
    "|".join([
        rf"(?P<citation>{CITATION})",
        r"(?P<doubled>''|‘‘|’’|``)",
        r"(?P<dquote>[“”„‟«»″])",
        r"(?P<squote>[‘’‚‛′`])",
        r"(?P<invisible>[\u200b\u200c\u200d\u2060\ufeff\u00ad])",
        r"(?P<glued>(?<=[a-z]{2})[.!?](?=[A-Z][a-z]))",
        r"(?P<unpunctuated>(?<=[a-z]{2}) (?=(?:He|She|They|His|Her|Their|We) [a-z]))",
        # Runs of plain spaces are collapsed silently; any other space character is recorded.
        r"(?P<space>[ ]*[\t\u00a0\u2000-\u200a\u202f\u205f\u3000][ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]*|[ ]{2,})",
    ]),
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

    Returns
    -------
    CleanedText(text, paragraphs, removals): ``paragraphs`` has ``para_id, section, start, end``; ``removals``
    has ``para_id, kind, text, position`` (see :class:`Corpus`).
    """
    blocks = _blocks(raw.replace("\r\n", "\n").replace("\r", "\n"))
    paragraphs: list[tuple[str, Section, list[Removal]]] = []
    seen: dict[str, int] = {}
    duplicates: list[tuple[int, str]] = []
    for block in blocks:
        caption_block = _is_caption_block(block)
        for line in block:
            cleaned, section, removals = _clean_paragraph(line)
            if not cleaned:
                continue
            key = cleaned.casefold()
            if key in seen and len(WORD.findall(cleaned)) >= 3:
                original = seen[key]
                duplicates.append((original, cleaned))
                if original == len(paragraphs) - 1 and paragraphs[original][1] == "body":
                    # Printed twice in a row: the tabloid layout of an image caption.
                    paragraphs[original] = (paragraphs[original][0], "caption", paragraphs[original][2])
                continue
            if caption_block and section == "body":
                section = "caption"
            seen[key] = len(paragraphs)
            paragraphs.append((cleaned, section, removals))
    paragraphs = _label_sections(paragraphs)
    if not paragraphs:
        raise input_error(path, "has no text left after cleaning")
    return _assemble(paragraphs, duplicates)


def _blocks(text: str) -> list[list[str]]:
    blocks: list[list[str]] = [[]]
    for line in text.split("\n"):
        if line.strip():
            blocks[-1].append(line)
        elif blocks[-1]:
            blocks.append([])
    blocks = [block for block in blocks if block]
    return [[" ".join(line.strip() for line in block)] if _is_hard_wrapped(block) else block for block in blocks]


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


def _assemble(paragraphs, duplicates) -> CleanedText:
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
    paragraph_table = pd.DataFrame(rows, columns=["para_id", "section", "start", "end"])
    removal_table = pd.DataFrame(removal_rows, columns=["para_id", "kind", "text", "position"])
    removal_table = removal_table.sort_values(["position", "para_id"], kind="stable", ignore_index=True)
    return CleanedText("\n\n".join(pieces), paragraph_table, removal_table)
