"""Writing a run: every table, figure and the report into a staging folder, ``run.json`` listing them, then
the move into ``--out`` (:mod:`framing.report.outdir` says how files reach it and what is refused).

This package is the only part of the library that writes files.
"""

from __future__ import annotations

import json
import platform
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import replace
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

from ..errors import warn
from ..heap import release_freed_memory
from ..progress import stage
from ..corpus.paths import shown_path
from ..views import check_pair, choose_view
from .drawing import EarlyFigures, FigureSource, drawing_apart, drawing_workers, figures_drawn
from .table_formats import check_format, write_tables
from .outdir import (
    FIGURE_DIR,
    REPORT_HTML,
    REPORT_MD,
    RUN_JSON,
    STAGING_PREFIX,
    TABLE_NAMES,
    move_into_place,
    prepare_out_dir,
)

if TYPE_CHECKING:
    from ..tables import Analysis

PACKAGES = ("framing", "nltk", "vaderSentiment", "pandas", "numpy", "matplotlib", "scikit-learn", "scipy",
            "click", "jinja2")


def write_analysis(out_dir: Path, analysis: Analysis, *, options: dict, pair: tuple[str, str] | None = None,
                   table_format: str = "csv", progress: bool = False, jobs: int | None = None,
                   early: EarlyFigures | None = None, run_warnings: Callable[[], list[dict]] | None = None
                   ) -> list[Path]:
    """Write every table, every figure and ``run.json`` of an :class:`~framing.tables.Analysis`, atomically.

    Files: ``documents.csv, sentences.csv, terms.csv, events.csv, contributions.csv`` (the contract), plus
    ``event_labels.csv, event_comparison.csv, omissions.csv, word_choice.csv, alignment_pairs.csv,
    sources.csv, removals.csv, spans.csv, harms.csv, measures.csv`` — or, with ``table_format`` ``xlsx``, one
    workbook ``framing.xlsx`` with a sheet per table, or with ``parquet`` a ``.parquet`` file per table (see
    :mod:`framing.report.table_formats`) —, ``figures/NN_name.png`` and ``.svg``, ``report.html``, ``report.md`` and
    ``run.json`` (whose ``outputs`` lists them all). With ``analysis.group_by`` set, the figures and report
    compare groups (:func:`framing.groups.group_view`) and ``groups.csv, group_event_comparison.csv,
    group_omissions.csv`` hold the per-group tables.

    How the files reach ``out_dir``, and what is refused, is described in :mod:`framing.report.outdir`.
    ``jobs``: processes that draw the figures while the tables are written (default one per core; see
    :mod:`framing.report.drawing`); ``early``: the figures started while the run aligned, used when they were
    drawn for the view the run is written in. ``run_warnings``: called when ``run.json`` is written, the run's
    warnings until then (:meth:`framing.warning_digest.WarningDigest.record`), listed in it as ``warnings``
    (the command line passes them; without it ``run.json`` has no ``warnings``). Returns the written paths,
    sorted.
    """
    check_format(table_format)  # a missing extra is refused before anything is drawn
    out_dir = prepare_out_dir(out_dir)
    # With --group-by, or a corpus too large to show side by side, figures and the report compare groups or
    # show distributions; the tables stay per document (plus groups.csv for groups).
    view = choose_view(analysis.documents, analysis.group_by)
    if view != analysis.view:
        # An Analysis changed after the run (e.g. replace(analysis, group_by=None)): its pair was chosen for
        # another view, so the figures choose again. The run's own view was announced when it was chosen
        # (framing.pipeline.analyze); a new one is announced here.
        analysis = replace(analysis, view=view, word_shift_pair=None, word_shift=None)
        if view.switched:
            warn(None, view.reason)
    # Folders above --out that this call creates are removed again if it fails: nothing is left behind.
    created = [folder for folder in (out_dir.parent, *out_dir.parent.parents) if not folder.exists()]
    staging, written = None, None
    try:
        out_dir.parent.mkdir(parents=True, exist_ok=True)
        # Not tempfile.TemporaryDirectory: the folder may itself become --out, and it is removed here on any
        # failure, Ctrl-C included. Beside --out, so that renames into place stay on one file system.
        staging = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=out_dir.parent))
        outputs = _write_staging(staging, analysis, view, options=options, pair=pair, table_format=table_format,
                                 progress=progress, jobs=jobs, early=early, run_warnings=run_warnings)
        written = move_into_place(staging, out_dir, outputs)
    finally:
        # After a rename into place there is nothing left to remove; after a failure, the staging folder goes,
        # then any folder this call created and left empty.
        if staging is not None:
            shutil.rmtree(staging, ignore_errors=True)
        if written is None:
            for folder in created:  # innermost first
                if folder.is_dir() and not any(folder.iterdir()):
                    folder.rmdir()
    return written


def _write_staging(staging: Path, analysis: Analysis, view, *, options: dict, pair: tuple[str, str] | None,
                   table_format: str, progress: bool, jobs: int | None, early: EarlyFigures | None,
                   run_warnings: Callable[[], list[dict]] | None) -> list[str]:
    """Write every output of the run into ``staging`` and return their relative paths, sorted (``outputs``)."""
    from ..groups import shown_analysis
    from .html import write_report

    shown_view = view if view is not None else analysis.view
    if shown_view is not None and shown_view.group_by is not None:
        with stage(f"comparing groups by {shown_view.group_by}", progress):  # about 6 s at 10,000 articles
            shown = shown_analysis(analysis, view)
        release_freed_memory()  # the regrouping's intermediate tables
    else:
        shown = analysis
    tables = analysis_tables(analysis)
    if shown is not analysis:
        tables.update({"groups.csv": shown.documents, "group_event_comparison.csv": shown.comparison,
                       "group_omissions.csv": shown.omissions})
    figure_dir = staging / FIGURE_DIR
    figure_dir.mkdir()
    if pair is not None:
        check_pair(pair, shown.order)  # a bad pair is refused before anything is written
    workers = drawing_workers(jobs, len(analysis.sentences))
    # Early figures were drawn for the run's own view (regrouped in their child when it compares groups; taken
    # only for that view: EarlyFigures.taken_for), and without a pair of the caller's.
    early = early if pair is None else None
    with figures_drawn(FigureSource(shown, pair, view), figure_dir, workers=workers, progress=progress,
                       early=early, apart=drawing_apart(jobs, len(analysis.sentences))) as wait_for_figures:
        table_files = write_tables(staging, tables, table_format, progress=progress).files
        figures = wait_for_figures()
    # run.json lists the report, which is written after it; the report quotes the same record.
    outputs = sorted([*table_files, *(f"{FIGURE_DIR}/{path.name}" for path in figures), REPORT_HTML, REPORT_MD,
                      RUN_JSON])
    record = {**run_record(analysis, options), "outputs": outputs}
    if run_warnings is not None:
        record["warnings"] = run_warnings()
    (staging / RUN_JSON).write_text(json.dumps(record, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    with stage("writing the report", progress):
        write_report(staging, shown, view=view, run=record, table_format=table_format)
    staged = sorted(path.relative_to(staging).as_posix() for path in staging.rglob("*") if path.is_file())
    if staged != outputs:
        raise RuntimeError(f"run.json lists {outputs} but the staging folder holds {staged}")
    return outputs


def analysis_tables(analysis: Analysis) -> dict[str, pd.DataFrame]:
    """The CSV files of a run, by file name (the names of :data:`TABLE_NAMES`, in that order)."""
    return dict(zip(TABLE_NAMES, (
        analysis.documents, analysis.sentences, analysis.terms, analysis.events, analysis.contributions,
        analysis.event_labels, analysis.comparison, analysis.omissions, analysis.word_choice, analysis.pairs,
        analysis.sources, analysis.corpus.removals, analysis.spans, analysis.harms, analysis.measures,
        analysis.by_section, analysis.actors, analysis.labels,
        analysis.rewrites,
    )))


def run_record(analysis: Analysis, options: dict) -> dict:
    """What ``run.json`` holds: inputs with their SHA-256, the lexicon's hash, package versions, options.

    Paths the user gave (options, a lexicon file) are written as :func:`~framing.corpus.paths.shown_path` names
    them, never absolute: a published ``run.json`` or report would give away the user's account and folders.
    """
    documents = analysis.corpus.documents
    return {
        "inputs": [{"doc_id": d, "path": p, "sha256": h, "encoding": e}
                   for d, p, h, e in zip(documents["doc_id"], documents["path"], documents["sha256"],
                                         documents["encoding"])],
        "lexicon": {"source": _lexicon_source(analysis.lexicon.source), "sha256": analysis.lexicon.sha256,
                    "entries": len(analysis.lexicon.entries)},
        "options": {key: _shown_option(key, value) for key, value in options.items()},
        # Which sentence pairs the alignment compared: a large corpus only its shortlist (framing.align.products).
        "alignment": {"compared": "shortlist" if analysis.alignment_note else "every pair",
                      "note": analysis.alignment_note},
        "versions": {"python": platform.python_version(), **{name: _version(name) for name in PACKAGES}},
    }


def _shown_option(key: str, value):
    if isinstance(value, Path):
        return shown_path(value)
    if key == "paths" and isinstance(value, list):
        return [shown_path(path) for path in value]
    return value


def _lexicon_source(source: str) -> str:
    """``default``, or the lexicon files (``a.tsv + b.tsv``) named as the run's other inputs are."""
    return " + ".join(part if part == "default" else shown_path(part) for part in source.split(" + "))


def _version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "not installed"


