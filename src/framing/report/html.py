"""The report people open: ``report.html`` (self-contained) and ``report.md`` (for pasting into a write-up).

:func:`write_report` is called by :func:`framing.report.write_analysis` once the CSVs and the figures are in the
staging folder, with the run's ``run.json`` record in hand; it inlines the figures' SVG files from there and
renders two jinja2 templates (``framing/report/templates/``). The HTML page asks for nothing over the network:
figures are inlined SVG, the stylesheet is inline, there is no script at all, and it works opened from disk.

The parts of the page live beside this module: the summary table (:mod:`.summary`), the spread view
(:mod:`.spread`), the reading view and its marks (:mod:`.reading`, :mod:`.marks`), the accuracy table
(:mod:`.accuracy`); this module gathers them into the templates' context.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd
from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup, escape

from ..figures._common import MAX_LABEL, MIN_INTERVAL_SENTENCES, for_groups, short_label
from ..figures.registry import FIGURES
from ..figures.style import category_label, lighten, palette
from ..lexicons import CATEGORIES
from ..views import View, choose_view
from ..warning_digest import warning_kinds
from .accuracy import accuracy, accuracy_rows
from .format import cell_text, markdown_escape, number
from .labels import LABELS_FIGURE, labels_context
from .marks import MarkedCorpus
from .outdir import FIGURE_DIR, REPORT_HTML, REPORT_MD
from .reading import events_note, full_texts, reading_events, reading_view, shown_events
from .sections import headline_body_context
from .spread import document_excerpts, spread_context
from .summary import summary_rows
from .table_formats import in_format, where_written
from .svg import inline_svg

if TYPE_CHECKING:
    from ..tables import Analysis

#: Colours of the loaded-term categories in the reading view: Okabe & Ito (2008), distinguishable with the
#: common colour-vision deficiencies, in the order of ``framing.lexicons.CATEGORIES``. The page fills a mark
#: with a light tint and draws its edge in the full colour, so black text stays readable on every tint.
CATEGORY_COLOURS: dict[str, str] = dict(zip(CATEGORIES, (
    "#D55E00",  # pejorative label: vermillion
    "#0072B2",  # honorific label: blue
    "#CC79A7",  # violent / dramatic: reddish purple
    "#E69F00",  # hyperbole: orange
    "#009E73",  # euphemism: bluish green
    "#56B4E9",  # delegitimising: sky blue
    "#F0E442",  # legitimising: yellow
)))

# Inputs listed in the report's provenance; run.json lists them all.
PROVENANCE_ROWS = 50
#: Documents listed at the top of a report in the spread view (all of them are in documents.csv).
DOCUMENT_LIST_ROWS = 5
# Documents in the spread view share no colour: none of them is drawn on its own.
SPREAD_COLOUR = "#5a5a5a"
TITLE = "How the texts frame the story"


def write_report(folder: Path, analysis: Analysis, *, view: View | None = None, run: dict | None = None,
                 table_format: str = "csv") -> list[Path]:
    """Write ``report.html`` and ``report.md`` into ``folder`` and return their paths.

    ``folder`` already holds ``figures/NN_name.svg`` of the same run (see :func:`framing.report.write_analysis`),
    which the HTML inlines; ``run`` is the run's ``run.json`` record, which both files quote (``None``: no
    provenance). ``view`` is how the run is shown (:func:`framing.views.choose_view`; ``analysis`` is already
    grouped for the ``groups`` view); ``None`` chooses it from ``analysis`` itself. ``table_format``: how the
    run's tables were written, so the report names the files the reader has (``documents.parquet`` …).
    """
    folder = Path(folder)
    context = report_context(folder, analysis, view, run=run, table_format=table_format)
    paths = [folder / REPORT_HTML, folder / REPORT_MD]
    paths[0].write_text(_environment(html=True).get_template("report.html.j2").render(context),
                        encoding="utf-8")
    paths[1].write_text(_environment(html=False).get_template("report.md.j2").render(context),
                        encoding="utf-8")
    return paths


def _environment(*, html: bool) -> Environment:
    env = Environment(loader=PackageLoader("framing.report", "templates"), autoescape=html, undefined=StrictUndefined,
                      trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)
    env.filters["md"] = markdown_escape
    env.filters["num"] = number
    env.filters["short"] = short_name
    env.filters["breakable"] = breakable_name
    env.filters["grouped"] = grouped_wording
    env.filters["short_text"] = lambda name: short_label(str(name))
    return env


def grouped_wording(text, group_by: str | None):
    """A part of the page written about documents, said of groups when the run is grouped (``group_by``): the
    spread view of many groups. Markup stays Markup (the words changed are plain text, never markup)."""
    if group_by is None:
        return text
    changed = for_groups(str(text))
    return Markup(changed) if isinstance(text, Markup) else changed


def short_name(name) -> Markup:
    """A doc_id or group as a heading shows it: whole, or its short label with the whole id as the tooltip (a
    5,000-character id made the page 56,797 px wide)."""
    text = str(name)
    if len(text) <= MAX_LABEL:
        return escape(text)
    return Markup('<span title="{}">{}</span>').format(text, short_label(text))


def breakable_name(name) -> Markup:
    """A doc_id or title shown whole, allowed to wrap anywhere when it holds a word longer than
    :data:`MAX_LABEL` characters (else the page grows as wide as the word)."""
    text = str(name)
    if max(map(len, text.split()), default=0) <= MAX_LABEL:
        return escape(text)
    return Markup('<span style="word-break: break-all">{}</span>').format(text)


def report_context(folder: Path, analysis: Analysis, view: View | None = None, *, run: dict | None = None,
                   table_format: str = "csv") -> dict:
    """Everything the templates show, as plain values (strings, numbers, lists, dicts and Markup).

    In the ``spread`` view (thousands of documents) nothing is built per document except what is named: the
    first :data:`DOCUMENT_LIST_ROWS` documents and the extremes; ``summary`` is empty and ``spread`` holds the
    distributions (:func:`spread_context`). Otherwise ``spread`` is ``None`` and ``summary`` has one column per
    document (or group). ``run`` is the ``run.json`` record shown as provenance (``None``: none);
    ``documents_table`` says where the per-document table was written in ``table_format``.
    """
    folder = Path(folder)
    if view is None:
        view = choose_view(analysis.documents, analysis.group_by)
    order = analysis.order
    spread = view.kind == "spread"
    listed = order[:DOCUMENT_LIST_ROWS] if spread else order
    # palette() warns beyond seven documents; in the spread view no document has a colour of its own.
    colours = dict.fromkeys(order, SPREAD_COLOUR) if spread else palette(order)
    reading, reading_note = reading_view(analysis, view)
    marks = MarkedCorpus(analysis) if reading else None
    shown = shown_events(analysis) if reading else []
    record = accuracy()
    figures = figure_entries(folder, view)
    return {
        "title": TITLE,
        "page_title": f"{TITLE}: " + (f"{len(order):,} documents" if spread else ", ".join(order)),
        "view": view_context(view, table_format),
        # Said when a large corpus's alignment compared only its shortlist of pairs (framing.align.products).
        "alignment_note": alignment_note(getattr(analysis, "alignment_note", "")),
        "documents_table": where_written("documents.csv", table_format),
        "n_documents": len(order),
        "documents": document_heads(analysis.documents, listed, colours, view.kind,
                                    analysis.corpus.documents if spread else None),
        "summary": [] if spread else summary_rows(analysis.documents, order, metadata=view.kind == "documents"),
        "spread": spread_context(analysis.documents, analysis.corpus.documents) if spread else None,
        "sections": "all sections" if analysis.sections is None else ", ".join(analysis.sections),
        # Figure 9 stands beside its section ("Who is called what"), not in the gallery.
        "figures": [entry for entry in figures if entry["stem"] != LABELS_FIGURE],
        "labels": labels_context(analysis.terms, order, colours, kind=view.kind, grouped=view.group_by is not None,
                                 figure=next((entry for entry in figures if entry["stem"] == LABELS_FIGURE), None)),
        "headline_body": headline_body_context(analysis, view, colours),
        "categories": [{"name": c, "label": category_label(c), "colour": CATEGORY_COLOURS.get(c, "#999999"),
                        "tint": lighten(CATEGORY_COLOURS.get(c, "#999999"), 0.6),
                        "faint": lighten(CATEGORY_COLOURS.get(c, "#999999"), 0.85)}
                       for c in CATEGORIES],
        "reading": reading,
        "reading_note": in_format(reading_note, table_format),
        "events": reading_events(analysis, marks, colours, shown) if reading else [],
        "n_events": len(analysis.event_labels) if reading else 0,
        "events_note": events_note(len(shown), len(analysis.event_labels), table_format) if reading else "",
        "texts": full_texts(analysis, marks, colours, shown) if reading else [],
        "input_rows": PROVENANCE_ROWS,
        "lexicon_size": len(analysis.lexicon.entries),
        "vader_blind": vader_blind_terms(getattr(analysis, "terms", None)),
        "accuracy": record,
        "min_interval_sentences": MIN_INTERVAL_SENTENCES,
        "accuracy_rows": accuracy_rows(record),
        "run": provenance(run or {}),
    }


def vader_blind_terms(terms: pd.DataFrame | None) -> list[dict]:
    """The run's most used loaded terms VADER's lexicon gives no valence: ``term`` (as readers say it), ``n``
    (none without a terms table)."""
    from ..figures.loaded import display_term
    from ..scorers.loaded import vader_blind_counts

    if terms is None:
        return []
    counts = vader_blind_counts(terms)
    return [{"term": display_term(lemma), "n": int(n)} for lemma, n in zip(counts["lemma"], counts["n"])]


def view_context(view: View, table_format: str = "csv") -> dict:
    """The view as the templates need it.

    Returns
    -------
    dict with ``kind``, ``group_by``, ``notice`` (the view's reason as HTML, file names and options in
    ``<code>``; empty unless the view was chosen because of the corpus size) and ``notice_text`` (the same as
    plain text, for Markdown).
    """
    text = in_format(view.reason, table_format) if view.switched else ""
    return {"kind": view.kind, "group_by": view.group_by, "notice_text": text, "notice": _code_names(text)}


def alignment_note(note: str) -> dict:
    """The alignment's note (empty unless a large corpus was compared through its shortlist) as ``html``, with
    option names as code, and as ``text``, for Markdown."""
    return {"html": _code_names(note), "text": note}


_CODE_NAME = re.compile(r"--[a-z][a-z-]*|\b[\w-]+\.(?:csv|json|md|html|parquet|xlsx)\b")


def _code_names(text: str) -> Markup:
    """``text`` escaped, with option names (``--group-by``) and file names (``documents.csv``) as code."""
    # Escaping first is safe: the names matched hold no character that escaping changes.
    return Markup(_CODE_NAME.sub(lambda m: f"<code>{m.group()}</code>", str(escape(text))))


def document_heads(documents: pd.DataFrame, order: list[str], colours: dict[str, str], kind: str = "documents",
                   texts: pd.DataFrame | None = None) -> list[dict]:
    """The documents (or groups) named at the top of the report, in ``order``.

    Returns
    -------
    One dict per document: ``doc_id, anchor`` (``doc-N``), ``colour, title, outlet, kind`` ("unknown" when
    empty), ``published, source``, every value as text ("" when missing), and ``detail``: for a group how many
    documents it holds, in the spread view the document's title or first words (from ``texts``, the corpus
    documents), else "".
    """
    fields = ("title", "outlet", "kind", "published", "source")
    # One reindex and plain records: a .loc per document made a Series per row.
    rows = documents.set_index("doc_id").reindex(order)
    present = [name for name in fields if name in rows.columns]
    records = rows[present].to_dict("records")
    excerpts = document_excerpts(texts, set(order)) if texts is not None else {}
    heads = []
    for index, (doc_id, row) in enumerate(zip(order, records)):
        text = {name: cell_text(row.get(name)) for name in fields}
        detail = _group_size(doc_id, text["title"]) if kind == "groups" else excerpts.get(doc_id, "")
        heads.append({"doc_id": doc_id, "anchor": f"doc-{index + 1}", "colour": colours[doc_id], **text,
                      "kind": text["kind"] or "unknown", "detail": detail})
    return heads


def _group_size(group: str, title: str) -> str:
    """How many documents a group holds ("20 documents"), read from the title :func:`framing.groups.group_view`
    gives it ("Fox News (20 documents)"); the whole title if it is not of that form."""
    found = re.fullmatch(re.escape(group) + r" \((.+)\)", title)
    return found.group(1) if found else title


def figure_entries(folder: Path, view: View | None = None) -> list[dict]:
    """Each registered figure with its number, title, caption and inline SVG (``None`` when not drawn).

    The caption is :func:`figure_caption` for ``view``, so the template prints whatever the registry says for
    the view the figures were drawn in.
    """
    entries = []
    for number_, (stem, info) in enumerate(FIGURES.items(), start=1):
        svg_file = Path(folder) / FIGURE_DIR / f"{stem}.svg"
        svg = inline_svg(svg_file.read_text(encoding="utf-8"), prefix=f"f{number_}-",
                         label=f"Figure {number_}: {info.title}") if svg_file.exists() else None
        grouped = view is not None and view.group_by is not None
        entries.append({"number": number_, "stem": stem, "anchor": f"fig-{number_}",
                        "title": for_groups(info.title) if grouped else info.title,
                        "caption": figure_caption(info, view), "svg": svg,
                        "png": f"figures/{stem}.png" if svg_file.with_suffix(".png").exists() else None})
    return entries


def figure_caption(info, view: View | None) -> str:
    """The caption of a figure in ``view``: ``info.captions[view.kind]`` when the registry gives one for that
    view (a mapping from view kind to caption), else ``info.caption``; in a grouped run (``view.group_by``) it
    says "group" where it says "document" (:func:`~framing.figures._common.for_groups`)."""
    if view is None:
        return info.caption
    by_view = getattr(info, "captions", None) or {}
    caption = by_view.get(view.kind, info.caption)
    return for_groups(caption) if view.group_by is not None else caption


def provenance(run: dict) -> dict:
    """``run.json`` reshaped for the footer: inputs, lexicon, options, versions, warnings by kind (missing parts
    empty)."""
    versions = dict(run.get("versions", {}))
    return {
        "framing": versions.pop("framing", "unknown"),
        "python": versions.pop("python", "unknown"),
        "versions": versions,
        "inputs": [{**item, "sha256_short": str(item.get("sha256", ""))[:12]} for item in run.get("inputs", [])],
        "lexicon": run.get("lexicon", {}),
        "options": run.get("options", {}),
        "warning_kinds": warning_kinds(run.get("warnings", [])),
    }
