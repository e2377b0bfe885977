"""Which documents the user named (files, folders, a manifest) and reading them into one table."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from ..arguments import path_list
from ..errors import input_error
from .cleaning import clean_documents
from .manifest import MANIFEST_NAMES, METADATA_COLUMNS, read_manifest
from .paths import shown_path
from .reading import find_files, read_text_file
from .tables import Corpus


def list_documents(paths: list[str | Path], *, manifest: str | Path | None = None) -> pd.DataFrame:
    """The documents ``paths`` name, with their metadata, found without reading any document's text.

    A folder holding ``manifest.csv`` or ``manifest.toml`` uses it automatically, as does a set of files named
    one by one from a folder that has one. With a manifest, exactly the documents it lists are taken (of named
    files, those it lists, the others with default metadata); without one, every ``.txt``/``.md`` file is a
    document whose ``doc_id`` is its file name without suffix and whose kind is ``unknown``.

    Returns
    -------
    DataFrame with ``doc_id, file`` (the path to read), ``title, outlet, kind, published, source, notes`` and
    ``path``: how outputs name the file (see :func:`shown_paths`).
    """
    if isinstance(paths, (str, Path)):
        paths = [paths]
    files, found_manifest = find_files(paths)
    manifest_path = Path(manifest) if manifest is not None else found_manifest
    if manifest_path is None:
        manifest_path = _sibling_manifest(paths)
    if manifest_path is not None:
        table = _select_listed(read_manifest(manifest_path), paths, files, manifest_path)
        return table.assign(path=shown_paths(table["file"], paths, manifest_path))
    table = _unlisted_rows(files)
    table["path"] = shown_paths(table["file"], paths)
    duplicated = table["doc_id"].duplicated(keep=False)
    if duplicated.any():
        clash = table.loc[duplicated, "file"].astype(str).tolist()
        raise input_error(None, f"two files give the same doc_id {table.loc[duplicated, 'doc_id'].iloc[0]!r}: "
                                f"{', '.join(clash)} (rename one, or use a manifest)")
    return table


def load_documents(paths: list[str | Path], *, manifest: str | Path | None = None) -> pd.DataFrame:
    """Read the documents :func:`list_documents` finds (each file once: its bytes are hashed and decoded).

    Returns
    -------
    DataFrame with ``doc_id, title, outlet, kind, published, source, notes, path, sha256`` (of the file's
    bytes), ``encoding`` (how they were decoded) and ``raw_text``.
    """
    rows = []
    for record in list_documents(paths, manifest=manifest).to_dict("records"):
        file = read_text_file(Path(record.pop("file")))
        record.update(sha256=file.sha256, encoding=file.encoding, raw_text=file.text)
        rows.append(record)
    return pd.DataFrame.from_records(rows)


def shown_paths(files, paths: list[str | Path], manifest: Path | None = None) -> list[str]:
    """How outputs (``documents.csv``, ``run.json``, the report) name each file: relative to the corpus folder
    it was found in (a named folder, or the folder of the manifest that lists a named folder's documents);
    files named one by one relative to the current folder when under it, else by their name alone. Never an
    absolute path: a published report would give away the user's account and folder layout."""
    folders = [Path(p) for p in paths if Path(p).is_dir()]
    if folders and manifest is not None:
        folders.insert(0, manifest.parent)
    return [shown_path(file, folders) for file in files]


def _unlisted_rows(files: list[Path]) -> pd.DataFrame:
    """Rows for files no manifest describes: the file name as ``doc_id`` and title, kind ``unknown``."""
    table = pd.DataFrame({"doc_id": [f.stem for f in files], "file": files})
    for column in METADATA_COLUMNS:
        table[column] = ""
    table["title"], table["kind"] = table["doc_id"], "unknown"
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
