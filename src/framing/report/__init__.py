"""The outputs of a run: tables, figures, ``report.html`` / ``report.md`` and ``run.json``, written atomically.

``write.py`` writes a run into a staging folder, ``outdir.py`` checks ``--out`` and moves the staging folder
into it, ``html.py`` renders the report from its parts (``summary``, ``spread``, ``reading`` and ``marks``,
``svg``, ``accuracy``, ``format``). The names below are the package's public ones, importable from
``framing.report`` as before the split.
"""

from __future__ import annotations

from .accuracy import accuracy, accuracy_rows
from .format import markdown_escape, number
from .html import DOCUMENT_LIST_ROWS, figure_caption, figure_entries, report_context, write_report
from .marks import MarkedCorpus, Span, SpanIndex, highlight
from .outdir import (
    GROUP_TABLE_NAMES,
    REPORT_HTML,
    REPORT_MD,
    RUN_JSON,
    TABLE_NAMES,
    output_names,
    prepare_out_dir,
    previous_outputs,
)
from .reading import full_texts, reading_events
from .svg import inline_svg
from .drawing import save_figure
from .write import analysis_tables, run_record, write_analysis

__all__ = [
    "DOCUMENT_LIST_ROWS", "GROUP_TABLE_NAMES", "REPORT_HTML", "REPORT_MD", "RUN_JSON", "TABLE_NAMES",
    "MarkedCorpus", "Span", "SpanIndex",
    "accuracy", "accuracy_rows", "analysis_tables", "figure_caption", "figure_entries", "full_texts", "highlight",
    "inline_svg", "markdown_escape", "number", "output_names", "prepare_out_dir", "previous_outputs",
    "reading_events", "report_context", "run_record", "save_figure", "write_analysis", "write_report",
]
