"""The outputs of a run: tables, figures, ``report.html`` / ``report.md`` and ``run.json``, written atomically.

``write.py`` writes a run into a staging folder, ``outdir.py`` checks ``--out`` and moves the staging folder
into it, ``html.py`` renders the report from its parts (``summary``, ``spread``, ``reading`` and ``marks``,
``svg``, ``accuracy``, ``format``). The names below are the package's public ones, importable from
``framing.report`` as before the split.
"""

from __future__ import annotations

from ..lazy_exports import lazy_exports

# Imported when first asked for (framing.lazy_exports): checking --out must not import matplotlib.
__getattr__, __dir__, __all__ = lazy_exports(__name__, {
    "accuracy": ("accuracy", "accuracy_rows"),
    "format": ("markdown_escape", "number"),
    "html": ("DOCUMENT_LIST_ROWS", "figure_caption", "figure_entries", "report_context", "write_report"),
    "marks": ("MarkedCorpus", "Span", "SpanIndex", "highlight"),
    "outdir": ("GROUP_TABLE_NAMES", "REPORT_HTML", "REPORT_MD", "RUN_JSON", "TABLE_NAMES", "output_names",
               "prepare_out_dir", "previous_outputs"),
    "reading": ("full_texts", "reading_events"),
    "svg": ("inline_svg",),
    "drawing": ("EarlyFigures", "save_figure"),
    "write": ("analysis_tables", "run_record", "write_analysis"),
})
# A function named as its module: imported now, or importing the module would leave the module in its place.
from .accuracy import accuracy  # noqa: E402
