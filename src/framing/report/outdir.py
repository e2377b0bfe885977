"""Where a run's files go: the checks on ``--out`` and the move of the staging folder into it.

Everything is written into a staging folder beside ``--out`` (``.framing-*``) and moved into place only when all
of it was produced, so an interrupted or failed run never leaves half a report. ``run.json`` lists every file
the run wrote (``outputs``); that list is how a later run tells the tool's own files from the user's:

* a file in ``--out`` with a name the tool can write that no earlier ``run.json`` lists is the user's, and the
  run is refused before any work (and again just before moving) rather than overwrite it;
* files an earlier run listed that this run does not write again (e.g. ``groups.csv`` after a run without
  ``--group-by``) are removed, so the folder never mixes two runs;
* ``--out`` that does not exist yet, or holds nothing but an earlier run's outputs, is replaced by the staging
  folder with renames, all at once; ``--out`` that also holds other files (kept untouched) gets the new files
  one by one, each replaced atomically, ``run.json`` last.
"""

from __future__ import annotations

import errno
import json
import os
import shutil
import stat
import tempfile
from collections.abc import Sequence
from pathlib import Path

from ..corpus.reading import scanned_folders
from ..errors import input_error

RUN_JSON = "run.json"
REPORT_HTML = "report.html"
REPORT_MD = "report.md"
FIGURE_DIR = "figures"
FIGURE_FORMATS = ("png", "svg")
STAGING_PREFIX = ".framing-"
TABLE_NAMES = ("documents.csv", "sentences.csv", "terms.csv", "events.csv", "contributions.csv",
               "event_labels.csv", "event_comparison.csv", "omissions.csv", "word_choice.csv",
               "alignment_pairs.csv", "sources.csv", "removals.csv", "spans.csv", "harms.csv", "measures.csv",
               "sections.csv", "actors.csv", "labels.csv",
               "rewrites.csv")
GROUP_TABLE_NAMES = ("groups.csv", "group_event_comparison.csv", "group_omissions.csv")
# Names shown in the refusal before "and N more": enough to recognise the files, short enough for one line.
SHOWN_NAMES = 5


def output_names() -> frozenset[str]:
    """Every relative path (``/``-separated) any run can write, whatever its options.

    The set is deliberately wider than one run's outputs (group tables, every registered figure in both
    formats): whether a file in ``--out`` could be overwritten must be decided before the analysis says which
    figures have something to show.
    """
    from ..figures.registry import FIGURES
    from .table_formats import TABLE_FORMATS, table_file_names

    figures = {f"{FIGURE_DIR}/{stem}.{fmt}" for stem in FIGURES for fmt in FIGURE_FORMATS}
    tables = {name for fmt in TABLE_FORMATS for name in table_file_names((*TABLE_NAMES, *GROUP_TABLE_NAMES), fmt)}
    return frozenset({*tables, REPORT_HTML, REPORT_MD, RUN_JSON, *figures})


def prepare_out_dir(out_dir: Path, *, inputs: Sequence[str | Path] = ()) -> Path:
    """Check ``--out`` is usable and return it: nothing yet, or a folder where the run overwrites nothing of
    the user's (see :func:`previous_outputs`), not one of the input folders ``inputs`` names, and where files
    can be created (:func:`check_writable`). Raises :class:`~framing.errors.FramingError` otherwise, before
    any work."""
    out_dir = Path(out_dir)
    if out_dir.exists() and not out_dir.is_dir():
        raise input_error(out_dir, "--out points at an existing file, not a folder")
    if out_dir.is_symlink() and not out_dir.exists():
        raise input_error(out_dir, "--out is a symbolic link to a folder that does not exist")
    _refuse_input_folder(out_dir, inputs)
    if out_dir.is_dir():
        previous_outputs(out_dir)
    check_writable(out_dir)
    return out_dir


def _refuse_input_folder(out_dir: Path, inputs: Sequence[str | Path]) -> None:
    """An input folder as ``--out`` would make the next run read this run's ``report.md`` as a document (or,
    for a subfolder read as an outlet's, pass over the whole subfolder as an earlier run's output). A folder
    below the folders read is fine: a folder's documents are only those at its top level."""
    for folder in (Path(path) for path in inputs if Path(path).is_dir()):
        for read in scanned_folders(folder):
            if read.resolve() == out_dir.resolve():
                raise input_error(out_dir, f"--out is the input folder {str(read)!r}: the next run would read "
                                           f"this run's {REPORT_MD} as a document; choose a folder outside it (or "
                                           "a subfolder)")


def check_writable(out_dir: Path) -> None:
    """Refuse, before any work, an ``--out`` the run could not write: a read-only or full file system, or a
    folder without write permission. A probe file is created, written and removed where the run writes: the
    nearest existing folder above ``--out`` (the staging folder goes beside ``--out``) and ``--out`` itself when
    it exists (files may be moved into it one by one)."""
    above = next((folder for folder in out_dir.absolute().parents if folder.exists()), Path(out_dir.anchor))
    if not above.is_dir():
        raise input_error(out_dir, f"--out cannot be created: {str(above)!r} is a file, not a folder")
    for folder in (above, out_dir) if out_dir.is_dir() else (above,):
        try:
            _probe(folder)
        except OSError as error:
            raise input_error(out_dir, f"--out cannot be written: creating a file in {str(folder)!r} failed "
                                       f"({error.strerror or error}); choose another --out folder") from None


# Large enough that a full disk refuses it (an empty file needs no data block), small enough to cost nothing.
PROBE_BYTES = 64 * 1024


def _probe(folder: Path) -> None:
    descriptor, name = tempfile.mkstemp(prefix=f"{STAGING_PREFIX}probe-", dir=folder)
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(bytes(PROBE_BYTES))
            handle.flush()
            os.fsync(handle.fileno())
    finally:
        os.unlink(name)


def previous_outputs(out_dir: Path) -> frozenset[str]:
    """The files of an earlier run in ``out_dir`` (the ``outputs`` of its ``run.json``) that are still there.

    Raises :class:`~framing.errors.FramingError`, naming them, when ``out_dir`` holds anything at a path the
    tool can write (:func:`output_names`) that is not one of those files: the user's own ``report.md``, a
    ``run.json`` that framing did not write, a folder named ``report.html``…
    """
    out_dir = Path(out_dir)
    listed, legacy = _listed_outputs(out_dir / RUN_JSON)
    ours, foreign = set(), []
    for name in sorted(output_names()):
        path = out_dir / name
        if not os.path.lexists(path):
            continue
        # A listed name that is now a folder was put there by someone else; replacing it would fail or lose it.
        if name in listed and (path.is_symlink() or not path.is_dir()):
            ours.add(name)
        else:
            foreign.append(name)
    figures = out_dir / FIGURE_DIR
    if os.path.lexists(figures) and not figures.is_dir():
        foreign.append(FIGURE_DIR)
    if foreign:
        shown = ", ".join(foreign[:SHOWN_NAMES]) + (f" and {len(foreign) - SHOWN_NAMES} more"
                                                    if len(foreign) > SHOWN_NAMES else "")
        why = (f"its {RUN_JSON} comes from an older framing that did not list its outputs" if legacy
               else f"no {RUN_JSON} of an earlier framing run there lists them")
        raise input_error(out_dir, f"--out holds files framing did not write and would overwrite: {shown} ({why}); "
                                   "choose another --out folder, or move those files away")
    return frozenset(ours)


def _listed_outputs(run_json: Path) -> tuple[frozenset[str], bool]:
    """The ``outputs`` of a framing ``run.json``, and whether it is a framing run.json without that list.

    Only a JSON object that records a framing version and a list of relative paths counts: anything else
    (missing, unreadable, the user's own ``run.json``) lists nothing, so nothing in the folder is taken for
    the tool's.
    """
    try:
        record = json.loads(run_json.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError):
        return frozenset(), False
    if not isinstance(record, dict) or not isinstance(record.get("versions"), dict) \
            or "framing" not in record["versions"]:
        return frozenset(), False
    outputs = record.get("outputs")
    if not isinstance(outputs, list) or not all(isinstance(name, str) for name in outputs):
        return frozenset(), True
    return frozenset(outputs), False


def move_into_place(staging: Path, out_dir: Path, outputs: list[str]) -> list[Path]:
    """Put the staged ``outputs`` into ``out_dir`` and remove the previous run's outputs this run replaces.

    Three cases. ``out_dir`` missing: the staging folder is renamed to it (one atomic rename). ``out_dir``
    holding only an earlier run's outputs: it is renamed aside, the staging folder renamed in, the old one
    deleted, so a reader sees the old run or the new one, never a mix (or, between the two renames, no
    folder). Otherwise (other files in ``out_dir``, or it cannot be renamed, e.g. a symlink or a mount point):
    file by file, see :func:`_move_files`.
    """
    previous = previous_outputs(out_dir) if os.path.lexists(out_dir) else frozenset()
    written = [out_dir / name for name in outputs]
    # mkdtemp makes the folder private (0700); a folder that becomes --out gets the mode a plain mkdir would
    # give it, or the mode of the --out it replaces.
    if not os.path.lexists(out_dir):
        os.chmod(staging, 0o777 & ~_umask())
        os.replace(staging, out_dir)
        return written
    if not out_dir.is_symlink() and _holds_only(out_dir, previous):
        os.chmod(staging, stat.S_IMODE(out_dir.stat().st_mode))
        aside = staging.with_name(staging.name + "-previous")
        try:
            os.replace(out_dir, aside)
        except OSError:
            pass  # e.g. --out is a mount point: fall through to moving file by file
        else:
            try:
                os.replace(staging, out_dir)
            except BaseException:
                os.replace(aside, out_dir)
                raise
            shutil.rmtree(aside, ignore_errors=True)
            return written
    _move_files(staging, out_dir, outputs, previous)
    return written


def _holds_only(folder: Path, names: frozenset[str]) -> bool:
    """Whether everything under ``folder`` is one of ``names`` (relative paths of files) or a folder of them."""
    for path in folder.rglob("*"):
        name = path.relative_to(folder).as_posix()
        if path.is_dir() and not path.is_symlink():
            if not any(listed.startswith(name + "/") for listed in names):
                return False
        elif name not in names:
            return False
    return True


def _move_files(staging: Path, out_dir: Path, outputs: list[str], previous: frozenset[str]) -> None:
    """Move the staged files into an ``out_dir`` that also holds files the tool did not write (left untouched).

    Each file is replaced atomically, but the set is not: an interruption can leave some new files beside
    some old ones. So ``run.json`` first lists both runs' files (nothing the tool wrote is ever unlisted, and
    a rerun can clean up), the previous run's files this run does not write are removed, and the new
    ``run.json`` comes last.
    """
    record = json.loads((staging / RUN_JSON).read_text(encoding="utf-8"))
    interim = staging / (RUN_JSON + ".interim")
    interim.write_text(json.dumps({**record, "outputs": sorted(set(outputs) | previous)}, indent=2,
                                  sort_keys=True) + "\n", encoding="utf-8")
    _replace(interim, out_dir / RUN_JSON)
    for name in outputs:
        if name != RUN_JSON:
            target = out_dir / name
            target.parent.mkdir(parents=True, exist_ok=True)
            _replace(staging / name, target)
    for name in sorted(previous - set(outputs)):
        (out_dir / name).unlink(missing_ok=True)
    figures = out_dir / FIGURE_DIR
    in_figures = [name for name in (*outputs, *previous) if name.startswith(FIGURE_DIR + "/")]
    if in_figures and all(name not in outputs for name in in_figures) and figures.is_dir() \
            and not any(figures.iterdir()):
        figures.rmdir()  # the tool's own figures folder, emptied of the previous run's figures
    _replace(staging / RUN_JSON, out_dir / RUN_JSON)


def _replace(source: Path, target: Path) -> None:
    """``os.replace``, or when ``target`` is on another file system, a copy beside it renamed over it."""
    try:
        os.replace(source, target)
    except OSError as error:
        if error.errno != errno.EXDEV:
            raise
        partial = target.with_name(f"{STAGING_PREFIX}{target.name}.partial")
        try:
            shutil.copy2(source, partial)
            os.replace(partial, target)
        finally:
            partial.unlink(missing_ok=True)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
