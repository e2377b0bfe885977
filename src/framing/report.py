"""Writing outputs: the one library module that writes files.

Everything is written into a temporary folder beside ``--out`` and moved into place file by file only when all
of it was produced, so an interrupted or failed run never leaves half a report. Files in ``--out`` that the
tool did not write are never touched.
"""

from __future__ import annotations

import json
import platform
import shutil
import tempfile
from importlib import metadata
from pathlib import Path

import pandas as pd

from .errors import input_error

FIGURE_DPI = 200
# Fixed so that the same run gives byte-identical SVGs (matplotlib salts its SVG ids with a random value).
SVG_SALT = "framing"
PACKAGES = ("framing", "nltk", "vaderSentiment", "pandas", "numpy", "matplotlib", "scikit-learn", "scipy",
            "click", "jinja2")


def prepare_out_dir(out_dir: Path) -> Path:
    """Check ``--out`` is usable (a folder or nothing yet) and return it resolved."""
    out_dir = Path(out_dir)
    if out_dir.exists() and not out_dir.is_dir():
        raise input_error(out_dir, "--out points at an existing file, not a folder")
    return out_dir


def write_analysis(out_dir: Path, analysis, *, options: dict, pair: tuple[str, str] | None = None) -> list[Path]:
    """Write every table, every figure and ``run.json`` of an :class:`~framing.pipeline.Analysis`, atomically.

    Files: ``documents.csv, sentences.csv, terms.csv, events.csv, contributions.csv`` (the contract), plus
    ``event_labels.csv, event_comparison.csv, omissions.csv, word_choice.csv, alignment_pairs.csv,
    sources.csv, removals.csv``, ``figures/NN_name.png`` and ``.svg``, ``report.html``, ``report.md`` and
    ``run.json``. With ``analysis.group_by`` set, the figures and report compare groups
    (:func:`framing.groups.group_view`) and ``groups.csv, group_event_comparison.csv, group_omissions.csv``
    hold the per-group tables.
    """
    from .figures.build import build_figures
    from .groups import group_view
    from .html import write_report

    out_dir = prepare_out_dir(out_dir)
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    # With --group-by, figures and the report compare groups; the tables stay per document, plus groups.csv.
    shown = group_view(analysis)
    with tempfile.TemporaryDirectory(prefix=".framing-", dir=out_dir.parent) as staging:
        staging = Path(staging)
        tables = analysis_tables(analysis)
        if shown is not analysis:
            tables.update({"groups.csv": shown.documents, "group_event_comparison.csv": shown.comparison,
                           "group_omissions.csv": shown.omissions})
        for name, table in tables.items():
            table.to_csv(staging / name, index=False, lineterminator="\n")
        figure_dir = staging / "figures"
        figure_dir.mkdir()
        for stem, figure in build_figures(shown, pair=pair).items():
            save_figure(figure, figure_dir / stem)
        (staging / "run.json").write_text(json.dumps(run_record(analysis, options), indent=2, sort_keys=True)
                                          + "\n", encoding="utf-8")
        write_report(staging, shown)
        return _move_into_place(staging, out_dir)


def analysis_tables(analysis) -> dict[str, pd.DataFrame]:
    """The CSV files of a run, by file name."""
    return {
        "documents.csv": analysis.documents,
        "sentences.csv": analysis.sentences,
        "terms.csv": analysis.terms,
        "events.csv": analysis.events,
        "contributions.csv": analysis.contributions,
        "event_labels.csv": analysis.event_labels,
        "event_comparison.csv": analysis.comparison,
        "omissions.csv": analysis.omissions,
        "word_choice.csv": analysis.word_choice,
        "alignment_pairs.csv": analysis.pairs,
        "sources.csv": analysis.sources,
        "removals.csv": analysis.corpus.removals,
    }


def save_figure(figure, stem: Path, *, formats: tuple[str, ...] = ("png", "svg")) -> list[Path]:
    """Save a figure as ``stem.png`` (200 dpi) and/or ``stem.svg`` with no timestamps, then close it."""
    import matplotlib.pyplot as plt

    stem = Path(stem)
    stem.parent.mkdir(parents=True, exist_ok=True)
    metadata_by_format = {"png": {"Software": None}, "svg": {"Date": None, "Creator": None}}
    paths = []
    with plt.rc_context({"svg.hashsalt": SVG_SALT, "svg.fonttype": "path"}):
        for fmt in formats:
            path = stem.with_suffix(f".{fmt}")
            figure.savefig(path, dpi=FIGURE_DPI, metadata=metadata_by_format[fmt])
            paths.append(path)
    plt.close(figure)
    return paths


def run_record(analysis, options: dict) -> dict:
    """What ``run.json`` holds: inputs with their SHA-256, the lexicon's hash, package versions, options."""
    documents = analysis.corpus.documents
    return {
        "inputs": [{"doc_id": d, "path": p, "sha256": h, "encoding": e}
                   for d, p, h, e in zip(documents["doc_id"], documents["path"], documents["sha256"],
                                         documents["encoding"])],
        "lexicon": {"source": analysis.lexicon.source, "sha256": analysis.lexicon.sha256,
                    "entries": len(analysis.lexicon.entries)},
        "options": {key: (str(value) if isinstance(value, Path) else value) for key, value in options.items()},
        "versions": {"python": platform.python_version(), **{name: _version(name) for name in PACKAGES}},
    }


def _version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "not installed"


def _move_into_place(staging: Path, out_dir: Path) -> list[Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for source in sorted(staging.rglob("*")):
        if source.is_dir():
            continue
        target = out_dir / source.relative_to(staging)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.move(str(source), str(target))
        written.append(target)
    return written
