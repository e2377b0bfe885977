"""Which documents the user named (files, folders, a manifest) and reading them into one table."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from ..arguments import path_list
from ..errors import FramingError, input_error, warn
from .cleaning import clean_documents
from .front_matter import EXTRA_KEYS, read_front_matter
from .manifest import MANIFEST_NAMES, METADATA_COLUMNS, read_manifest
from .paths import shown_path
from .reading import NamedPath, find_files, folder_labels, read_text_files
from .tables import Corpus


def list_documents(paths: list[str | Path], *, manifest: str | Path | None = None) -> pd.DataFrame:
    """The documents ``paths`` name, with their metadata, found without reading any document's text.

    A folder holding ``manifest.csv`` or ``manifest.toml`` uses it automatically, as does a set of files named
    one by one from a folder that has one. With a manifest, exactly the documents it lists are taken (of named
    files, those it lists, the others with default metadata); without one, every ``.txt``/``.md`` file is a
    document whose ``doc_id`` is its file name without suffix (its folder and name, ``bbc/story1``, when files
    in two folders share a name) and whose kind is ``unknown``. Several paths with a folder's own manifest
    among them are each read as they would be alone (``--manifest`` given applies to the whole run instead).

    Returns
    -------
    DataFrame with ``doc_id, file`` (the path to read), ``title, outlet, kind, published, source, notes``,
    ``path`` (how outputs name the file: see :func:`shown_paths`) and ``folder`` (only when the files lie in two
    or more folders: each one's folder, as :func:`~framing.corpus.reading.folder_labels` names it).
    """
    if isinstance(paths, (str, Path)):
        paths = [paths]
    found = find_files(paths)
    several = len(found.named) > 1 or found.named[0].base is not None  # paths, or a folder's subfolders
    if manifest is None and several and found.manifest is not None:
        # Several paths, a folder with a manifest among them: each is read as it would be alone, so that one
        # folder's manifest does not leave the other paths' documents unread.
        table = pd.concat([_rows_of(item) for item in found.named], ignore_index=True)
    else:
        manifest_path = Path(manifest) if manifest is not None else (found.manifest or _sibling_manifest(paths))
        if manifest_path is not None:
            table = _select_listed(read_manifest(manifest_path), paths, found.files, manifest_path)
            table = table.assign(path=shown_paths(table["file"], paths, manifest_path))
        else:
            table = _unlisted_rows(found.files)
            table["path"] = shown_paths(table["file"], paths)
    return _told_apart(table)


def _rows_of(named: NamedPath) -> pd.DataFrame:
    """The rows one named path (or a named folder's subfolder) gives on its own: its manifest's, or its files'
    by name; paths shown from the folder the user named (a manifest lists files inside its own folder)."""
    table = read_manifest(named.manifest) if named.manifest is not None else _unlisted_rows(named.files)
    return table.assign(path=shown_paths(table["file"], [named.base or named.path]))


def _told_apart(table: pd.DataFrame) -> pd.DataFrame:
    """The documents with a ``folder`` column when their files lie in several folders, and, when two files known
    by their name alone would share a ``doc_id``, every such file's ``doc_id`` prefixed by its folder
    (``bbc/story1``); a ``doc_id`` still given twice is refused."""
    unlisted = table.pop(_UNLISTED) if _UNLISTED in table.columns else pd.Series(False, index=table.index)
    unlisted = unlisted.fillna(False).astype(bool)
    folders = folder_labels([Path(file) for file in table["file"]])
    if folders is not None:
        table["folder"] = folders
        if table["doc_id"].duplicated(keep=False)[unlisted].any():
            prefixed = table["folder"] + "/" + table["doc_id"]
            table["doc_id"] = prefixed.where(unlisted, table["doc_id"])
            table["title"] = table["title"].where(~unlisted, table["doc_id"])
    duplicated = table["doc_id"].duplicated(keep=False)
    if duplicated.any():
        clash = table.loc[duplicated, "file"].astype(str).tolist()
        raise input_error(None, f"two files give the same doc_id {table.loc[duplicated, 'doc_id'].iloc[0]!r}: "
                                f"{', '.join(clash)} (rename one, or use a manifest)")
    return table


def load_documents(paths: list[str | Path], *, manifest: str | Path | None = None,
                   skip_bad_files: bool = False, jobs: int | None = None) -> pd.DataFrame:
    """Read the documents :func:`list_documents` finds (each file once: its bytes are hashed and decoded).

    A file that cannot be read as a document (empty, whitespace only, binary, a PDF or Word file renamed
    ``.txt``) stops the run, before any document is scored, with the way to skip it; with ``skip_bad_files`` it
    is left out with a warning instead (a scraped folder of 10,000 articles holds a few empty files), unless no
    document is left. Many Word documents are parsed by ``jobs`` forked processes (default one per core:
    :func:`~framing.corpus.reading.read_text_files`).

    Returns
    -------
    DataFrame with ``doc_id, title, outlet, kind, published, source, notes`` (``folder`` too, when the files
    lie in several folders), ``path, sha256`` (of the file's bytes), ``encoding`` (how they were decoded) and
    ``raw_text``. A text's header (:mod:`.front_matter`) fills the metadata the manifest left empty, and adds
    the columns of :data:`~framing.corpus.front_matter.EXTRA_KEYS` it has; a Word document's title paragraph
    fills ``title`` so, and ``headline_first`` (true for those documents) has the cleaner label it the headline.
    """
    rows = []
    listed = list_documents(paths, manifest=manifest).to_dict("records")
    files = [Path(record.pop("file")) for record in listed]
    for record, path, file in zip(listed, files, read_text_files(files, jobs=jobs)):
        if isinstance(file, FramingError):
            if len(listed) == 1:
                raise file
            if not skip_bad_files:
                raise FramingError(f"{file} ({SKIP_FILES_HINT})") from None
            warn(path, f"{str(file).removeprefix(f'{path}: ')}; skipped")
            continue
        record.update(sha256=file.sha256, encoding=file.encoding, raw_text=file.text)
        if file.title:  # a Word document's title paragraph: the headline, and the title unless a manifest gave one
            record["headline_first"] = True
            if not record.get("title") or record["title"] == record["doc_id"]:
                record["title"] = file.title
        rows.append(_with_header_metadata(record))
    if not rows:
        raise input_error(None, f"none of the {len(listed):,} files could be read as a document (see the "
                                "warnings above)")
    table = pd.DataFrame.from_records(rows)
    # A header's own columns (author, …) are empty, not missing, for documents without one.
    extra = [column for column in EXTRA_KEYS if column in table.columns]
    table[extra] = table[extra].fillna("")
    return table


SKIP_FILES_HINT = ("remove the file, or skip the files that cannot be read: --skip-bad-rows, or skip_bad_rows=True "
                   "in Python")


def _with_header_metadata(record: dict) -> dict:
    """The record with the metadata its text's header (front matter) gives, where the manifest gave none: a
    title that is only the doc_id counts as none."""
    header = read_front_matter(record["raw_text"])
    if header is not None:
        for column, value in header.metadata().items():
            given = record.get(column) or ""
            if not given or (column == "title" and given == record["doc_id"]):
                record[column] = value
    return record


def shown_paths(files, paths: list[str | Path], manifest: Path | None = None) -> list[str]:
    """How outputs (``documents.csv``, ``run.json``, the report) name each file: relative to the corpus folder
    it was found in (a named folder, or the folder of the manifest that lists a named folder's documents);
    files named one by one relative to the current folder when under it, else by their name alone. Never an
    absolute path: a published report would give away the user's account and folder layout."""
    folders = [Path(p) for p in paths if Path(p).is_dir()]
    if folders and manifest is not None:
        folders.insert(0, manifest.parent)
    return [shown_path(file, folders) for file in files]


# Marks the rows of files no manifest describes, known by their name alone, until :func:`_told_apart`.
_UNLISTED = "_unlisted"


def _unlisted_rows(files: list[Path]) -> pd.DataFrame:
    """Rows for files no manifest describes: the file name as ``doc_id`` and title, kind ``unknown``."""
    table = pd.DataFrame({"doc_id": [file.stem for file in files], "file": files})
    for column in METADATA_COLUMNS:
        table[column] = ""
    table["title"], table["kind"] = table["doc_id"], "unknown"
    table[_UNLISTED] = True
    return table


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
    extra = _unlisted_rows(unlisted)
    order = {f: i for i, f in enumerate(wanted)}
    combined = pd.concat([listed, extra], ignore_index=True)
    combined = combined.iloc[combined["file"].map(lambda f: order[Path(f).resolve()]).argsort()]
    if combined["doc_id"].duplicated().any():
        raise input_error(manifest, f"doc_id {combined.loc[combined['doc_id'].duplicated(), 'doc_id'].iloc[0]!r} "
                                    "is used by a listed and an unlisted file")
    return combined.reset_index(drop=True)


def load_corpus(paths: list[str | Path] | str | Path, *, manifest: str | Path | None = None) -> Corpus:
    """Read and clean documents; see :class:`~framing.corpus.Corpus` for the three tables returned."""
    return clean_documents(load_documents(path_list(paths), manifest=manifest))
