"""How an :class:`~framing.tables.Analysis` shows itself: a few lines for ``repr()``, a compact table in a notebook.

Both read the run's tables and compute nothing new: the counts of its tables and, per document, a handful of
headline columns of ``documents``. A notebook shows at most :data:`~framing.views.MANY_DOCUMENTS` rows, then says
how many more there are; every number is in ``analysis.documents`` and ``analysis.measures``.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

import pandas as pd

from .views import MANY_DOCUMENTS

if TYPE_CHECKING:
    from .tables import Analysis

# documents column → the heading a notebook shows: enough to see the run at a glance, few enough for one screen.
HEADLINE_COLUMNS = {
    "doc_id": "doc_id",
    "n_sentences": "sentences",
    "mean_compound": "mean compound",
    "ci_low": "95% low",
    "ci_high": "95% high",
    "loaded_authorial_per_1000": "loaded, own voice /1,000 words",
    "loaded_reported_per_1000": "loaded, reported /1,000 words",
    "share_none": "sentences without source",
    "n_harms": "harm expressions",
}
TABLE_ATTRIBUTES = ("documents", "measures", "sentences", "terms", "sources", "spans", "harms", "events",
                    "event_labels", "comparison", "omissions", "word_choice", "pairs", "contributions")


def summary_line(analysis: Analysis) -> str:
    """One sentence with the size of the run: documents, sentences (and how many the summaries use), loaded-term
    hits, events, and how figures show it."""
    n_documents, sentences = len(analysis.corpus.documents), analysis.sentences
    sections = "all sections" if analysis.sections is None else ", ".join(analysis.sections)
    view = analysis.view.kind if analysis.view is not None else "documents"
    grouped = f", grouped by {analysis.group_by}" if analysis.group_by else ""
    return (f"{n_documents:,} document{'s' * (n_documents != 1)}, {len(sentences):,} sentences "
            f"({int(sentences['in_summary'].sum()):,} in {sections}), {len(analysis.terms):,} loaded-term hits, "
            f"{len(analysis.event_labels):,} events; view: {view}{grouped}")


def analysis_repr(analysis: Analysis) -> str:
    """A few lines: the run's size and where to look next (not the 12,000 characters of every table)."""
    return (f"<framing.Analysis: {summary_line(analysis)}>\n"
            f"  tables (DataFrames): {', '.join(TABLE_ATTRIBUTES)}\n"
            f"  .write(out, format='csv'|'xlsx'|'parquet') · .figures() · help(framing.Analysis) for the columns")


def headline_table(analysis: Analysis) -> pd.DataFrame:
    """The first :data:`MANY_DOCUMENTS` rows of ``documents``, headline columns only, with their headings."""
    documents = analysis.documents
    columns = [column for column in HEADLINE_COLUMNS if column in documents.columns]
    return documents[columns].head(MANY_DOCUMENTS).rename(columns=HEADLINE_COLUMNS)


def analysis_html(analysis: Analysis) -> str:
    """The notebook display: the summary line, the headline table (at most :data:`MANY_DOCUMENTS` rows, then
    "… and N more") and the names of the tables. Every text is escaped."""
    table = headline_table(analysis).to_html(index=False, float_format=lambda value: f"{value:.2f}", na_rep="–",
                                             border=0)
    more = len(analysis.documents) - MANY_DOCUMENTS
    more_line = (f"<p>… and {more:,} more documents: every one is in <code>.documents</code> and "
                 "<code>.measures</code>.</p>" if more > 0 else "")
    tables = ", ".join(f"<code>.{name}</code>" for name in TABLE_ATTRIBUTES)
    return (f"<div><p><strong>framing.Analysis</strong>: {html.escape(summary_line(analysis))}</p>{table}"
            f"{more_line}<p>Tables (DataFrames): {tables}. <code>.write(out)</code> writes them with the figures "
            "and the report; <code>.figures()</code> draws the figures.</p></div>")
