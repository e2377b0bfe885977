"""The report people open: ``report.html`` (self-contained) and ``report.md`` (for pasting into a write-up).

:func:`write_report` is called by :func:`framing.report.write_analysis` once the CSVs, the figures and
``run.json`` are in the staging folder; it reads the figures' SVG files and ``run.json`` from there and renders
two jinja2 templates (``framing/templates/``). The HTML page asks for nothing over the network: figures are
inlined SVG, the stylesheet is inline, there is no script at all, and it works opened from disk.

Every piece of document text reaches the page through markupsafe escaping: a sentence's marks are built by
cutting the text at span boundaries (:func:`highlight`) and escaping each piece, never by pasting text into HTML.

The accuracy numbers in "How to read these numbers" come from ``benchmarks/RESULTS.md`` when the report is built
from a source checkout, else from the packaged ``framing/data/accuracy.toml`` (written from RESULTS.md by
``python -m framing.html --update-accuracy``, each section with the date it was measured).
"""

from __future__ import annotations

import json
import math
import re
import tomllib
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator
from importlib.resources import files
from itertools import accumulate
from pathlib import Path
from typing import NamedTuple

import pandas as pd
from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup, escape

from .figures.registry import FIGURES
from .figures.style import category_label, lighten, palette
from .lexicons import CATEGORIES
from .scorers.quotes import quote_spans
from .views import View, choose_view, extremes, min_sentences_to_rank, ranked_documents, spread_table

REPORT_HTML = "report.html"
REPORT_MD = "report.md"
RESULTS_MD = Path(__file__).resolve().parents[2] / "benchmarks" / "RESULTS.md"
ACCURACY_TOML = "accuracy.toml"
MINUS = "\u2212"

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
SECTION_NAMES = {"headline": "headline", "bullet": "bullet line", "caption": "image caption",
                 "subhead": "subheading", "body": "body"}


READING_VIEW_LIMIT = 12
# Inputs listed in the report's provenance; run.json lists them all.
PROVENANCE_ROWS = 50
#: Documents listed at the top of a report in the spread view (all of them are in documents.csv).
DOCUMENT_LIST_ROWS = 5
#: Characters of a document's text quoted beside its doc_id when the spread view names it.
EXCERPT_CHARACTERS = 120
# Documents in the spread view share no colour: none of them is drawn on its own.
SPREAD_COLOUR = "#5a5a5a"
TITLE = "How the texts frame the story"

# ---------------------------------------------------------------------------------------------------------
# Writing


def write_report(folder: Path, analysis, *, view: View | None = None) -> list[Path]:
    """Write ``report.html`` and ``report.md`` into ``folder`` and return their paths.

    ``folder`` already holds ``figures/NN_name.svg`` and ``run.json`` of the same run (see
    :func:`framing.report.write_analysis`); the HTML inlines the SVGs, both files quote ``run.json``. ``view``
    is how the run is shown (:func:`framing.views.choose_view`; ``analysis`` is already grouped for the
    ``groups`` view); ``None`` chooses it from ``analysis`` itself.
    """
    folder = Path(folder)
    context = report_context(folder, analysis, view)
    paths = [folder / REPORT_HTML, folder / REPORT_MD]
    paths[0].write_text(_environment(html=True).get_template("report.html.j2").render(context),
                        encoding="utf-8")
    paths[1].write_text(_environment(html=False).get_template("report.md.j2").render(context),
                        encoding="utf-8")
    return paths


def _environment(*, html: bool) -> Environment:
    env = Environment(loader=PackageLoader("framing", "templates"), autoescape=html, undefined=StrictUndefined,
                      trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)
    env.filters["md"] = markdown_escape
    env.filters["num"] = number
    return env


def report_context(folder: Path, analysis, view: View | None = None) -> dict:
    """Everything the templates show, as plain values (strings, numbers, lists, dicts and Markup).

    In the ``spread`` view (thousands of documents) nothing is built per document except what is named: the
    first :data:`DOCUMENT_LIST_ROWS` documents and the extremes; ``summary`` is empty and ``spread`` holds the
    distributions (:func:`spread_context`). Otherwise ``spread`` is ``None`` and ``summary`` has one column per
    document (or group).
    """
    folder = Path(folder)
    if view is None:
        view = choose_view(analysis.documents, analysis.group_by)
    run_file = folder / "run.json"
    run = json.loads(run_file.read_text(encoding="utf-8")) if run_file.exists() else {}
    order = analysis.order
    spread = view.kind == "spread"
    listed = order[:DOCUMENT_LIST_ROWS] if spread else order
    # palette() warns beyond seven documents; in the spread view no document has a colour of its own.
    colours = dict.fromkeys(order, SPREAD_COLOUR) if spread else palette(order)
    reading, reading_note = reading_view(analysis, view)
    marks = MarkedCorpus(analysis) if reading else None
    record = accuracy()
    return {
        "title": TITLE,
        "page_title": f"{TITLE}: " + (f"{len(order):,} documents" if spread else ", ".join(order)),
        "view": view_context(view),
        "n_documents": len(order),
        "documents": document_heads(analysis.documents, listed, colours, view.kind,
                                    analysis.corpus.documents if spread else None),
        "summary": [] if spread else summary_rows(analysis.documents, order, metadata=view.kind == "documents"),
        "spread": spread_context(analysis.documents, analysis.corpus.documents) if spread else None,
        "sections": "all sections" if analysis.sections is None else ", ".join(analysis.sections),
        "figures": figure_entries(folder, view),
        "categories": [{"name": c, "label": category_label(c), "colour": CATEGORY_COLOURS.get(c, "#999999"),
                        "tint": lighten(CATEGORY_COLOURS.get(c, "#999999"), 0.6),
                        "faint": lighten(CATEGORY_COLOURS.get(c, "#999999"), 0.85)}
                       for c in CATEGORIES],
        "reading": reading,
        "reading_note": reading_note,
        "events": reading_events(analysis, marks, colours) if reading else [],
        "texts": full_texts(analysis, marks, colours) if reading else [],
        "input_rows": PROVENANCE_ROWS,
        "lexicon_size": len(analysis.lexicon.entries),
        "accuracy": record,
        "accuracy_rows": accuracy_rows(record),
        "run": provenance(run),
    }


def view_context(view: View) -> dict:
    """The view as the templates need it.

    Returns
    -------
    dict with ``kind``, ``group_by``, ``notice`` (the view's reason as HTML, file names and options in
    ``<code>``; empty unless the view was chosen because of the corpus size) and ``notice_text`` (the same as
    plain text, for Markdown).
    """
    text = view.reason if view.chosen_by == "size" and view.kind != "documents" else ""
    return {"kind": view.kind, "group_by": view.group_by, "notice_text": text, "notice": _code_names(text)}


_CODE_NAME = re.compile(r"--[a-z][a-z-]*|\b[\w-]+\.(?:csv|json|md|html)\b")


def _code_names(text: str) -> Markup:
    """``text`` escaped, with option names (``--group-by``) and file names (``documents.csv``) as code."""
    # Escaping first is safe: the names matched hold no character that escaping changes.
    return Markup(_CODE_NAME.sub(lambda m: f"<code>{m.group()}</code>", str(escape(text))))


def reading_view(analysis, view: View) -> tuple[bool, str]:
    """Whether the report shows the reading view (events side by side, full marked texts), and why not.

    It is for a handful of documents read closely: for groups there are no single texts to show, and beyond
    :data:`READING_VIEW_LIMIT` documents the columns would be unreadable and the file huge.
    """
    if view.group_by is not None:
        return False, (f"Documents are compared by {view.group_by}, so there is no single text to show. "
                       "Every sentence with its scores and event is in sentences.csv; the events per group are "
                       "in group_event_comparison.csv.")
    if len(analysis.order) > READING_VIEW_LIMIT:
        return False, (f"{len(analysis.order):,} documents are too many to read side by side (the reading view "
                       f"is made for up to {READING_VIEW_LIMIT}). Every sentence with its scores and event is "
                       "in sentences.csv; the events per document are in event_comparison.csv.")
    return True, ""


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
        text = {name: _cell(row.get(name)) for name in fields}
        detail = _group_size(doc_id, text["title"]) if kind == "groups" else excerpts.get(doc_id, "")
        heads.append({"doc_id": doc_id, "anchor": f"doc-{index + 1}", "colour": colours[doc_id], **text,
                      "kind": text["kind"] or "unknown", "detail": detail})
    return heads


def _group_size(group: str, title: str) -> str:
    """How many documents a group holds ("20 documents"), read from the title :func:`framing.groups.group_view`
    gives it ("Fox News (20 documents)"); the whole title if it is not of that form."""
    found = re.fullmatch(re.escape(group) + r" \((.+)\)", title)
    return found.group(1) if found else title


def _cell(value) -> str:
    """A metadata value as text: "" for missing values (None, NaN)."""
    return "" if value is None or (isinstance(value, float) and math.isnan(value)) else str(value)


# ---------------------------------------------------------------------------------------------------------
# Numbers


def number(value, digits: int = 2, *, signed: bool = False, percent: bool = False) -> str:
    """A number for people: fixed digits, a real minus sign, "—" for missing; ``percent`` multiplies by 100."""
    if isinstance(value, str):
        return value or "—"
    if value is None or pd.isna(value):
        return "—"
    value = float(value)
    if percent:
        value *= 100
    if round(value, digits) == 0:
        value = 0.0  # no "−0.00"
    text = f"{value:+,.{digits}f}" if signed and round(value, digits) != 0 else f"{value:,.{digits}f}"
    if percent:
        text += "%"
    return text.replace("-", MINUS)


class SummaryRow(NamedTuple):
    """One measure of the side-by-side table: its label, what it means, and one value per document."""

    label: str
    help: str
    values: list[str]
    group: str = ""


def summary_rows(documents: pd.DataFrame, order: list[str], *, metadata: bool = True) -> list[SummaryRow]:
    """The side-by-side summary: one row per measure, one value per document (in ``order``), as text.

    ``metadata=False`` leaves out the manifest rows (kind, published), which say nothing about groups.
    """
    table = documents.set_index("doc_id").reindex(order)

    def values(column: str, digits: int = 2, **options) -> list[str]:
        if column not in table.columns:
            return ["—"] * len(order)
        return [number(v, digits, **options) for v in table[column]]

    def text(column: str) -> list[str]:
        if column not in table.columns:
            return ["—"] * len(order)
        return ["—" if pd.isna(v) or str(v) == "" else str(v) for v in table[column]]

    compound = [
        "—" if pd.isna(m) else f"{number(m, 3)} [{number(lo, 3)}, {number(hi, 3)}]"
        for m, lo, hi in zip(table.get("mean_compound", [math.nan] * len(order)),
                             table.get("ci_low", [math.nan] * len(order)),
                             table.get("ci_high", [math.nan] * len(order)))
    ]
    shares = [f"{number(p, 0, percent=True)} / {number(n, 0, percent=True)} / {number(g, 0, percent=True)}"
              for p, n, g in zip(table.get("share_positive", [math.nan] * len(order)),
                                 table.get("share_neutral", [math.nan] * len(order)),
                                 table.get("share_negative", [math.nan] * len(order)))]
    sources = [f"{number(a, 0, percent=True)} / {number(b, 0, percent=True)} / {number(c, 0, percent=True)}"
               for a, b, c in zip(table.get("share_named", [math.nan] * len(order)),
                                  table.get("share_anonymous", [math.nan] * len(order)),
                                  table.get("share_none", [math.nan] * len(order)))]
    manifest = [
        SummaryRow("Kind", "From the manifest: encyclopedic, tabloid, wire, broadsheet, …", text("kind"), "document"),
        SummaryRow("Published", "From the manifest.", text("published"), "document"),
    ]
    return (manifest if metadata else []) + [
        SummaryRow("Words", "Words in the sentences the summaries use.", values("n_words", 0), "document"),
        SummaryRow("Sentences", "Sentences the summaries use.", values("n_sentences", 0), "document"),
        SummaryRow("Mean compound [95% interval]",
                   "Mean of the sentences' VADER compound scores (−1 to +1), with a 95% bootstrap interval. "
                   "Intervals that overlap do not show a difference.", compound, "sentiment"),
        SummaryRow("Sentences positive / neutral / negative",
                   "Share of sentences with compound above +0.05, within ±0.05, below −0.05.", shares,
                   "sentiment"),
        SummaryRow("Mean compound, writer's own / attributed sentences",
                   "Mean compound of sentences with no source or quotation, and of sentences with one.",
                   [f"{a} / {b}" for a, b in zip(values("mean_compound_unattributed", 3),
                                                 values("mean_compound_attributed", 3))], "sentiment"),
        SummaryRow("Loaded terms per 1,000 words: writer's own",
                   "Lexicon terms in the writer's own voice (outside quotations and attributed clauses).",
                   values("loaded_authorial_per_1000", 1), "loaded terms"),
        SummaryRow("Loaded terms per 1,000 words: reported",
                   "Lexicon terms inside a quotation or a clause attributed to a source.",
                   values("loaded_reported_per_1000", 1), "loaded terms"),
        SummaryRow("Sentences naming a source / anonymous / none",
                   "Share of sentences by the kind of source they give.", sources, "attribution"),
        SummaryRow("Words inside quotations", "Share of all words that stand inside quotation marks.",
                   values("quoted_word_share", 1, percent=True), "attribution"),
        SummaryRow("Sentences with a quotation", "Share of sentences holding a direct quotation.",
                   values("quote_sentence_share", 0, percent=True), "attribution"),
        SummaryRow("Scare quotes per 100 sentences", "Sentences with one or two quoted words used as a label.",
                   values("scare_quotes_per_100", 1), "attribution"),
        SummaryRow("Hedges per 100 sentences",
                   "Phrases such as “reportedly”, “is believed to”, “seems to”.", values("hedges_per_100", 1),
                   "attribution"),
        SummaryRow("Citations per 100 sentences", "Reference markers ([12]) the cleaner removed.",
                   values("citations_per_100", 1), "attribution"),
    ]


# ---------------------------------------------------------------------------------------------------------
# Across documents (the spread view)


def spread_context(documents: pd.DataFrame, texts: pd.DataFrame) -> dict:
    """The spread view's numbers as text: each measure's distribution and the documents at its two ends.

    ``documents`` is the per-document table (``documents.csv``), ``texts`` the corpus documents (``doc_id,
    title, text``), used only for the documents named.

    Returns
    -------
    dict with ``rows`` (per measure: ``label, median, middle, range, n_documents``), ``extremes`` (per
    measure: ``label``, ``highest`` and ``lowest``, see :func:`_ranked_end`), ``min_sentences`` (the length a
    document needs to be ranked), ``n_ranked`` and ``n_documents``.
    """
    table = spread_table(documents)
    rows = [{"label": row.label, "median": _measure(row.median, row),
             "middle": f"{_measure(row.q1, row)} to {_measure(row.q3, row)}",
             "range": f"{_measure(row.minimum, row)} to {_measure(row.maximum, row)}",
             "n_documents": f"{row.n_documents:,}"}
            for row in table.itertuples(index=False)]
    least = min_sentences_to_rank(documents)
    # The documents extremes() ranks (long enough), to count how many share a value with those it names.
    ranked = ranked_documents(documents)
    named = extremes(documents)
    excerpts = document_excerpts(texts, set(named["doc_id"]))
    formats = {row.column: row for row in table.itertuples(index=False)}
    ends = []
    for (column, label), rows_of_measure in named.groupby(["column", "label"], sort=False):
        values = pd.to_numeric(ranked[column], errors="coerce").dropna()
        ends.append({"label": label, **{end: _ranked_end(rows_of_measure[rows_of_measure["end"] == end],
                                                         values, formats[column], excerpts)
                                        for end in ("highest", "lowest")}})
    return {"rows": rows, "extremes": ends, "min_sentences": least, "n_ranked": len(ranked),
            "n_documents": len(documents)}


def _measure(value, measure) -> str:
    """A value of a spread measure printed as the measure says (``digits``, ``percent``)."""
    return number(value, int(measure.digits), percent=bool(measure.percent))


def _ranked_end(rows: pd.DataFrame, values: pd.Series, measure, excerpts: dict[str, str]) -> dict:
    """One end of a measure (its highest or lowest documents).

    Returns
    -------
    dict with ``documents`` (per document: ``doc_id, value, sentences`` ("3 sentences") and ``excerpt``) and
    ``tied`` and ``tied_value``: how many ranked documents share the last value shown, and that value (0 and ""
    when all of them are shown): five documents at 100% picked by doc_id out of hundreds say nothing alone;
    ``all_tied`` when every document shown has that value.
    """
    shown = [{"doc_id": row.doc_id, "value": _measure(row.value, measure),
              "sentences": _sentences(row.n_sentences), "excerpt": excerpts.get(row.doc_id, "")}
             for row in rows.itertuples(index=False)]
    tied, tied_value, all_tied = 0, "", False
    if len(rows):
        last = rows["value"].iloc[-1]
        same = int((values == last).sum())
        if same > int((rows["value"] == last).sum()):
            tied, tied_value, all_tied = same, _measure(last, measure), bool(rows["value"].iloc[0] == last)
    return {"documents": shown, "tied": tied, "tied_value": tied_value, "all_tied": all_tied}


def _sentences(count) -> str:
    if count is None or pd.isna(count):
        return ""
    count = int(count)
    return f"{count:,} sentence{'s' if count != 1 else ''}"


def document_excerpts(texts: pd.DataFrame, doc_ids: set[str]) -> dict[str, str]:
    """A line that says what each of ``doc_ids`` is: its title when it has one of its own, else the start of
    its text (at most :data:`EXCERPT_CHARACTERS`, cut at a word). Only the named documents are read."""
    wanted = texts[texts["doc_id"].astype(str).isin(doc_ids)]
    titles = wanted["title"] if "title" in wanted.columns else pd.Series("", index=wanted.index)
    bodies = wanted["text"] if "text" in wanted.columns else pd.Series("", index=wanted.index)
    out = {}
    for doc_id, title, text in zip(wanted["doc_id"].astype(str), titles, bodies):
        title = _cell(title).strip()
        # Table inputs get their doc_id as title; that says nothing beside the doc_id itself.
        out[doc_id] = title if title and title != doc_id else _excerpt(_cell(text))
    return out


def _excerpt(text: str, limit: int = EXCERPT_CHARACTERS) -> str:
    text = re.sub(r"\s+", " ", text).strip()
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", 0, limit)
    return text[:cut if cut > limit // 2 else limit].rstrip(" ,;:") + "…"


# ---------------------------------------------------------------------------------------------------------
# Figures


def figure_entries(folder: Path, view: View | None = None) -> list[dict]:
    """Each registered figure with its number, title, caption and inline SVG (``None`` when not drawn).

    The caption is :func:`figure_caption` for ``view``, so the template prints whatever the registry says for
    the view the figures were drawn in.
    """
    entries = []
    for number_, (stem, info) in enumerate(FIGURES.items(), start=1):
        svg_file = Path(folder) / "figures" / f"{stem}.svg"
        svg = inline_svg(svg_file.read_text(encoding="utf-8"), prefix=f"f{number_}-",
                         label=f"Figure {number_}: {info.title}") if svg_file.exists() else None
        entries.append({"number": number_, "stem": stem, "anchor": f"fig-{number_}", "title": info.title,
                        "caption": figure_caption(info, view), "svg": svg,
                        "png": f"figures/{stem}.png" if svg_file.with_suffix(".png").exists() else None})
    return entries


def figure_caption(info, view: View | None) -> str:
    """The caption of a figure in ``view``: ``info.captions[view.kind]`` when the registry gives one for that
    view (a mapping from view kind to caption), else ``info.caption``."""
    by_view = getattr(info, "captions", None) or {}
    return by_view.get(view.kind, info.caption) if view is not None else info.caption


_SVG_UNSAFE = re.compile(r"<script|<foreignObject|<iframe|\son[a-z]+\s*=|javascript:", re.IGNORECASE)
_SVG_EXTERNAL = re.compile(r"(?:href|src)\s*=\s*[\"'](?!#|data:image/(?:png|jpeg);base64,)|url\(\s*[\"']?(?!#)",
                           re.IGNORECASE)
_SVG_ROOT = re.compile(r"<svg\b[^>]*>", re.DOTALL)


def inline_svg(svg: str, *, prefix: str, label: str) -> Markup | None:
    """A matplotlib SVG made fit to sit inside HTML: prolog, metadata and comments dropped, every id prefixed.

    Several figures share glyph and clip-path ids (``DejaVuSans-48``); prefixing them keeps each figure's
    references inside the figure. The root gets ``role="img"`` and an ``aria-label``, loses its fixed size (the
    viewBox keeps the aspect ratio) and scales to the column. Returns ``None`` for anything that could run code
    or load a resource, which matplotlib never writes (its rasterised images are ``data:`` URIs, kept).
    """
    svg = re.sub(r"<\?xml.*?\?>|<!DOCTYPE.*?>|<!--.*?-->|<metadata>.*?</metadata>", "", svg, flags=re.DOTALL)
    if _SVG_UNSAFE.search(svg) or _SVG_EXTERNAL.search(svg):
        return None
    svg = re.sub(r'\bid="([^"]+)"', lambda m: f'id="{prefix}{m.group(1)}"', svg)
    svg = re.sub(r'((?:xlink:)?href)="#([^"]+)"', lambda m: f'{m.group(1)}="#{prefix}{m.group(2)}"', svg)
    svg = re.sub(r"url\(#([^)]+)\)", lambda m: f"url(#{prefix}{m.group(1)})", svg)
    svg = svg.replace("*{stroke-linejoin", ".figure-svg *{stroke-linejoin")
    root = _SVG_ROOT.search(svg)
    if root is None:
        return None
    attributes = re.sub(r'\s(?:width|height)="[^"]*"', "", root.group()[4:-1])
    opening = Markup('<svg class="figure-svg" role="img" aria-label="{}"').format(label) + Markup(attributes) \
        + Markup(">")
    return opening + Markup(svg[root.end():].strip())  # matplotlib's own markup, checked above


# ---------------------------------------------------------------------------------------------------------
# Marks


class Span(NamedTuple):
    """A marked stretch of a document: document offsets, CSS classes, a note for the tooltip, and its kind."""

    start: int
    end: int
    classes: tuple[str, ...]
    note: str
    kind: str  # loaded / source / cue / quote / scare / hedge


class SpanIndex:
    """One document's spans sorted by start, answering "which spans overlap ``[start, end)``" by bisection.

    The report asks this once per sentence and per gap between sentences; scanning every span of the document
    each time made a 5 MB document (4·10⁴ spans, 3·10⁴ sentences) take a minute and a 50 MB one hours. Spans are
    nested and of any length (a quotation can run over a whole paragraph), so the start alone does not bound
    where an overlapping span begins; ``reach[i]``, the largest end among the first ``i + 1`` spans, does: it
    never decreases, so the first span that can still reach past ``start`` is found by bisection too.
    """

    def __init__(self, spans: Iterable[Span]) -> None:
        self.spans: list[Span] = sorted(spans)
        self.starts = [span.start for span in self.spans]
        self.reach = list(accumulate((span.end for span in self.spans), max))

    def overlapping(self, start: int, end: int) -> list[Span]:
        """The spans with ``span.start < end`` and ``span.end > start``, in sorted order.

        Only spans between the first whose ``reach`` passes ``start`` and the last that starts before ``end``
        are looked at; within that window a long span may keep shorter, finished ones in, so each is checked.
        """
        first = bisect_right(self.reach, start)
        last = bisect_left(self.starts, end)
        return [span for span in self.spans[first:last] if span.end > start]

    def __iter__(self) -> Iterator[Span]:
        return iter(self.spans)

    def __len__(self) -> int:
        return len(self.spans)


class MarkedCorpus:
    """Every document's marks (loaded terms, sources, cues, quotations, hedges), built once per report.

    ``spans`` maps each doc_id to a :class:`SpanIndex`; ``bounds`` maps ``(doc_id, sent_id)`` to the
    sentence's ``(start, end)`` and ``scores`` to its ``(section, compound)``, so per-sentence lookups are
    dictionary hits rather than DataFrame indexing (tens of microseconds each, and there is one per source and
    per sentence shown in the events).
    """

    def __init__(self, analysis):
        self.texts: dict[str, str] = dict(zip(analysis.corpus.documents["doc_id"],
                                              analysis.corpus.documents["text"]))
        sentences = analysis.sentences
        keys = list(zip(sentences["doc_id"], (int(s) for s in sentences["sent_id"])))
        self.bounds: dict[tuple[str, int], tuple[int, int]] = dict(zip(
            keys, zip((int(s) for s in sentences["start"]), (int(e) for e in sentences["end"]))))
        self.scores: dict[tuple[str, int], tuple[str, float]] = dict(zip(
            keys, zip(sentences["section"], sentences["compound"])))
        found: dict[str, list[Span]] = {doc_id: [] for doc_id in self.texts}

        def add(doc_id: str, span: Span | None) -> None:
            if span is not None and doc_id in found and span.end > span.start:
                found[doc_id].append(span)

        neutral = dict(zip(analysis.lexicon.entries["term"].str.lower(), analysis.lexicon.entries["neutral"]))
        for row in analysis.terms.itertuples(index=False):
            add(row.doc_id, loaded_span(row, neutral.get(str(row.lemma).lower(),
                                                         neutral.get(str(row.term).lower(), ""))))
        for row in analysis.sources.itertuples(index=False):
            for span in source_spans(row, self.texts.get(row.doc_id, ""), self._sentence(row.doc_id, row.sent_id)):
                add(row.doc_id, span)
        for doc_id, text in self.texts.items():
            for quote in quote_spans(text):
                if quote.kind == "scare":
                    add(doc_id, Span(quote.start, quote.end, ("scare",), "scare quotes (a word or two "
                                     "quoted as a label)", "scare"))
                else:
                    add(doc_id, Span(quote.start, quote.end, ("quote",), "direct quotation", "quote"))
        for row in sentences.itertuples(index=False):
            if _text(row.hedge):
                for span in hedge_spans(self.texts.get(row.doc_id, ""), int(row.start), int(row.end), row.hedge):
                    add(row.doc_id, span)
        self.spans: dict[str, SpanIndex] = {doc_id: SpanIndex(spans) for doc_id, spans in found.items()}

    def _sentence(self, doc_id: str, sent_id: int) -> tuple[int, int] | None:
        return self.bounds.get((doc_id, int(sent_id)))

    def sentence_html(self, doc_id: str, sent_id: int) -> Markup:
        """The marked HTML of one sentence."""
        start, end = self._sentence(doc_id, sent_id) or (0, 0)
        return highlight(self.texts[doc_id], start, end, self.spans[doc_id])


def loaded_span(row, neutral: str) -> Span:
    """The mark of one loaded-term hit (a row of ``Analysis.terms``)."""
    voice = "reported (quoted or attributed)" if row.voice == "reported" else "writer's own words"
    note = f"{category_label(row.category)} · {voice}"
    if neutral:
        note += f" · neutral: {neutral}"
    return Span(int(row.start), int(row.end), ("loaded", f"cat-{_css_name(row.category)}",
                                               f"voice-{_css_name(row.voice)}"), note, "loaded")


def source_spans(row, text: str, sentence: tuple[int, int] | None) -> list[Span]:
    """The source's mark and, when its words are found in the sentence, the attribution cue's mark."""
    spans = []
    stance = f", {row.stance} stance" if _text(getattr(row, "stance", "")) not in ("", "neutral") else ""
    if int(row.end) > int(row.start):
        spans.append(Span(int(row.start), int(row.end), ("source", f"source-{_css_name(row.source_kind)}"),
                          f"source: {row.source_kind}" + (f" · cue “{row.cue}”" if _text(row.cue) else ""),
                          "source"))
    if _text(row.cue) and sentence is not None:
        cue = find_cue(text, sentence[0], sentence[1], str(row.cue), near=int(row.start))
        if cue is not None:
            spans.append(Span(cue[0], cue[1], ("cue",), f"attribution cue{stance}", "cue"))
    return spans


def find_cue(text: str, start: int, end: int, cue: str, *, near: int) -> tuple[int, int] | None:
    """Document offsets of ``cue`` (whole words, any case, any spacing) in ``text[start:end]``, nearest ``near``.

    A cue of several words that is split in the text ("described him as") falls back to its first word.
    """
    words = cue.split()
    for pattern in (r"\s+".join(map(re.escape, words)), re.escape(words[0]) if words else None):
        if not pattern:
            continue
        found = [(m.start(), m.end()) for m in re.finditer(rf"(?<!\w){pattern}(?!\w)", text[start:end],
                                                              re.IGNORECASE)]
        if found:
            best = min(found, key=lambda span: abs(start + span[0] - near))
            return start + best[0], start + best[1]
    return None


def hedge_spans(text: str, start: int, end: int, hedges: str) -> list[Span]:
    """Marks for a sentence's hedge phrases (the ``hedge`` column, several joined by "; "), found in its text."""
    spans = []
    for hedge in (h.strip() for h in str(hedges).split(";")):
        if not hedge:
            continue
        pattern = r"\s+".join(map(re.escape, hedge.split()))
        match = re.search(rf"(?<!\w){pattern}(?!\w)", text[start:end], re.IGNORECASE)
        if match:
            spans.append(Span(start + match.start(), start + match.end(), ("hedge",), f"hedge: {hedge}", "hedge"))
    return spans


_KIND_ORDER = {"loaded": 0, "source": 1, "cue": 2, "hedge": 3, "quote": 4, "scare": 5}


def highlight(text: str, start: int, end: int, spans: SpanIndex | Iterable[Span]) -> Markup:
    """``text[start:end]`` as HTML with ``spans`` marked: cut at every span boundary, each piece escaped.

    Overlapping or nested spans become non-overlapping pieces that carry the classes (and notes) of every span
    covering them (loaded term first, then source, cue, hedge, quotation), so a loaded term inside a quotation is
    ``<mark class="loaded cat-… voice-reported quote" title="…">``; any other marked piece is a ``<span>``.
    ``spans`` is a :class:`SpanIndex` (looked up by bisection) or any iterable of spans (scanned).
    """
    if isinstance(spans, SpanIndex):
        relevant = spans.overlapping(start, end)
    else:
        relevant = [s for s in spans if s.start < end and s.end > start]
    cuts = sorted({start, end} | {max(start, s.start) for s in relevant} | {min(end, s.end) for s in relevant})
    pieces = []
    for a, b in zip(cuts, cuts[1:]):
        active = [s for s in relevant if s.start <= a and s.end >= b]
        if not active:
            pieces.append(escape(text[a:b]))
            continue
        active.sort(key=lambda s: _KIND_ORDER.get(s.kind, len(_KIND_ORDER)))
        classes = " ".join(dict.fromkeys(c for s in active for c in s.classes))
        note = " | ".join(dict.fromkeys(s.note for s in active))
        tag = "mark" if any(s.kind == "loaded" for s in active) else "span"
        # The same as Markup('<{0} class="{1}" …').format(…), which escapes every argument, at a third of the
        # cost: a long document has one such piece per mark, and string.Formatter dominated report writing.
        pieces.append(Markup(f'<{tag} class="{escape(classes)}" title="{escape(note)}">{escape(text[a:b])}</{tag}>'))
    return Markup("").join(pieces)


def _text(value) -> str:
    """A table cell as text: "" for missing values (NaN, None)."""
    return value if isinstance(value, str) else ""


def _css_name(value) -> str:
    return re.sub(r"[^a-z0-9_-]+", "-", str(value).lower()).strip("-") or "other"


# ---------------------------------------------------------------------------------------------------------
# Reading view


def reading_events(analysis, marks: MarkedCorpus, colours: dict[str, str]) -> list[dict]:
    """Each event with one column per document: its sentences, marked, and the event's numbers for that document."""
    order = analysis.order
    anchors = {doc_id: f"doc-{i + 1}" for i, doc_id in enumerate(order)}
    # One pass over the members and the comparison instead of a boolean filter per event and per cell: a few
    # long documents can share thousands of events.
    members: dict[tuple, list[int]] = {}
    for event_id, doc_id, sent_id in zip(analysis.events["event_id"], analysis.events["doc_id"],
                                         analysis.events["sent_id"]):
        members.setdefault((event_id, doc_id), []).append(int(sent_id))
    comparison = {}
    if len(analysis.comparison):
        comparison = dict(zip(zip(analysis.comparison["event_id"], analysis.comparison["doc_id"]),
                              analysis.comparison.to_dict("records")))
    events = []
    for index, label in enumerate(analysis.event_labels.itertuples(index=False), start=1):
        columns = []
        for doc_id in order:
            sent_ids = sorted(members.get((label.event_id, doc_id), []))
            numbers = {}
            if (label.event_id, doc_id) in comparison:
                row = comparison[(label.event_id, doc_id)]
                numbers = {"mean_compound": number(row["mean_compound"], 2, signed=True),
                           **{name: int(row[name]) if pd.notna(row[name]) else 0
                              for name in ("loaded_authorial", "loaded_reported")}}
            columns.append({
                "doc_id": doc_id, "colour": colours[doc_id],
                "sentences": [_event_sentence(marks, doc_id, s, anchors[doc_id]) for s in sent_ids],
                **numbers,
            })
        events.append({"event_id": label.event_id, "anchor": f"event-{index}", "label": label.label,
                       "source": label.source, "n_documents": int(label.n_documents),
                       "n_sentences": int(label.n_sentences), "columns": columns})
    return events


def _event_sentence(marks: MarkedCorpus, doc_id: str, sent_id: int, anchor: str) -> dict:
    section, compound = marks.scores[(doc_id, sent_id)]
    return {"sent_id": sent_id, "anchor": f"{anchor}-s{sent_id}", "html": marks.sentence_html(doc_id, sent_id),
            "section": str(section), "compound": number(compound, 2, signed=True)}


def full_texts(analysis, marks: MarkedCorpus, colours: dict[str, str]) -> list[dict]:
    """Each document's full cleaned text, paragraph by paragraph, every sentence marked and anchored.

    A paragraph holds the sentences that lie wholly inside it, each anchored; the text between them is shown
    marked but unanchored.
    """
    event_anchor = {event_id: f"event-{i}" for i, event_id in enumerate(analysis.event_labels["event_id"], start=1)}
    by_doc = {doc_id: table for doc_id, table in analysis.sentences.groupby("doc_id", sort=False)}
    paragraphs = {doc_id: table for doc_id, table in analysis.corpus.paragraphs.groupby("doc_id", sort=False)}
    texts = []
    for index, doc_id in enumerate(analysis.order, start=1):
        text, spans = marks.texts[doc_id], marks.spans[doc_id]
        sentences = by_doc.get(doc_id, analysis.sentences.iloc[:0]).sort_values("start")
        rows = list(sentences.itertuples(index=False))
        starts = sentences["start"].to_numpy()
        ends = sentences["end"].to_numpy()
        out = []
        for para in paragraphs.get(doc_id, analysis.corpus.paragraphs.iloc[:0]).sort_values("start") \
                .itertuples(index=False):
            # Sentences are sorted by start, so those inside the paragraph lie between the first starting at or
            # after its start and the last starting at or before its end; each is still checked for its end.
            first = int(starts.searchsorted(para.start, side="left"))
            last = int(starts.searchsorted(para.end, side="right"))
            pieces, position = [], int(para.start)
            for i in range(first, last):
                if ends[i] > para.end:
                    continue
                sent = rows[i]
                if sent.start > position:
                    pieces.append(highlight(text, position, int(sent.start), spans))
                pieces.append({"anchor": f"doc-{index}-s{sent.sent_id}", "sent_id": int(sent.sent_id),
                               "html": highlight(text, int(sent.start), int(sent.end), spans),
                               "event_id": sent.event_id,
                               "event_anchor": event_anchor.get(sent.event_id, "")})
                position = int(sent.end)
            if para.end > position:
                pieces.append(highlight(text, position, int(para.end), spans))
            out.append({"section": para.section, "section_name": SECTION_NAMES.get(para.section, para.section),
                        "pieces": pieces})
        texts.append({"doc_id": doc_id, "anchor": f"doc-{index}", "colour": colours[doc_id], "paragraphs": out})
    return texts


# ---------------------------------------------------------------------------------------------------------
# Accuracy (benchmarks/RESULTS.md or the packaged copy)


def accuracy() -> dict:
    """The benchmark numbers the report quotes: from ``benchmarks/RESULTS.md`` if beside the source, else packaged.

    Returns
    -------
    dict with ``origin`` (where the numbers come from) and one dict per benchmark (``sentiment``, ``alignment``,
    ``loaded_terms``, ``attribution``), each with ``measured`` (date) and its numbers; a benchmark missing from
    the file is an empty dict.
    """
    if RESULTS_MD.exists():
        record = parse_results(RESULTS_MD.read_text(encoding="utf-8"))
        record["origin"] = "benchmarks/RESULTS.md of this source tree"
        return record
    record = tomllib.loads(files("framing.data").joinpath(ACCURACY_TOML).read_text(encoding="utf-8"))
    record["origin"] = "the copy of benchmarks/RESULTS.md packaged with framing (framing/data/accuracy.toml)"
    return record


BENCHMARKS = ("sentiment", "alignment", "loaded_terms", "attribution")
_SECTION_TITLES = {"sentiment": "Sentiment", "alignment": "Alignment", "loaded_terms": "Loaded terms",
                   "attribution": "Attribution"}
_NUMBER = r"([0-9][0-9,]*(?:\.[0-9]+)?)"
# (benchmark, key, pattern): the first group of the first match is the value.
_PATTERNS: tuple[tuple[str, str, str], ...] = (
    ("sentiment", "snippets", rf"\|\s*snippets\s*\|\s*{_NUMBER}"),
    ("sentiment", "pearson_r", rf"\|\s*Pearson r[^|]*\|\s*{_NUMBER}"),
    ("sentiment", "paper_r", rf"\(paper:\s*{_NUMBER}\)"),
    ("alignment", "threshold", rf"threshold\s+{_NUMBER}\*\*"),
    ("alignment", "proposed", rf"\*\*At the default threshold:\*\*\s*{_NUMBER} pairs"),
    ("alignment", "precision", rf"Gold precision\s+{_NUMBER}"),
    ("alignment", "recall", rf"gold\s+recall\s+{_NUMBER}"),
    ("alignment", "gold_pairs", rf"recall\s+{_NUMBER}\s+\(all\s+{_NUMBER}"),
    ("alignment", "estimated_precision", rf"proposals\s*≈\s*{_NUMBER}"),
    ("loaded_terms", "babe_sentences", rf"\|\s*BABE\s*\|\s*test\s*\|\s*{_NUMBER}"),
    ("loaded_terms", "babe_precision", rf"\|\s*BABE\s*\|\s*test\s*\|[^|]*\|\s*{_NUMBER}"),
    ("loaded_terms", "babe_recall", rf"\|\s*BABE\s*\|\s*test\s*\|[^|]*\|[^|]*\|\s*{_NUMBER}"),
    ("loaded_terms", "babe_f1", rf"\|\s*BABE\s*\|\s*test\s*\|(?:[^|]*\|){{3}}\s*{_NUMBER}"),
    ("loaded_terms", "babe_sentence_macro_f1", rf"\|\s*BABE\s*\|\s*test\s*\|(?:[^|]*\|){{4}}\s*{_NUMBER}"),
    ("loaded_terms", "mbic_precision", rf"\|\s*MBIC\s*\|\s*development\s*\|[^|]*\|\s*{_NUMBER}"),
    ("loaded_terms", "mbic_f1", rf"\|\s*MBIC\s*\|\s*development\s*\|(?:[^|]*\|){{3}}\s*{_NUMBER}"),
    ("attribution", "cases", r"\((\d+) labelled sentences"),
    ("attribution", "source_kind_accuracy", rf"\|\s*source-kind accuracy[^|]*\|\s*{_NUMBER}"),
    ("attribution", "quotation_f1", rf"\|\s*quotation F1[^|]*\|\s*{_NUMBER}"),
    ("attribution", "hedge_f1", rf"\|\s*hedge F1[^|]*\|\s*{_NUMBER}"),
    ("attribution", "voice_agreement", rf"\|\s*voice cases[^|]*\|\s*{_NUMBER}"),
)


def accuracy_rows(record: dict) -> list[dict]:
    """The benchmark table of the report: ``area, measure, value, data, measured`` per row, as text.

    A benchmark with no section in RESULTS.md (or the packaged copy) gives one row saying it was not measured.
    """
    def get(key: str, name: str, digits: int = 2) -> str | None:
        value = record.get(key, {}).get(name)
        return None if value is None else number(value, digits)

    rows = []

    def add(area: str, key: str, items: list[tuple[str, str | None, str]]) -> None:
        shown = [(measure, value, data) for measure, value, data in items if value is not None]
        measured = record.get(key, {}).get("measured", "")
        if not shown:
            rows.append({"area": area, "measure": "not measured yet", "value": "—",
                         "data": "no section in benchmarks/RESULTS.md", "measured": "—"})
        for measure, value, data in shown:
            rows.append({"area": area, "measure": measure, "value": value, "data": data, "measured": measured})

    sentiment, loaded, attribution, alignment = (record.get(k, {}) for k in
                                                 ("sentiment", "loaded_terms", "attribution", "alignment"))
    add("Sentiment", "sentiment", [
        ("Pearson r, sentence compound vs mean human rating", get("sentiment", "pearson_r", 3),
         f"{number(sentiment.get('snippets'), 0)} NYT editorial snippets (Hutto & Gilbert 2014; paper: "
         f"{sentiment.get('paper_r', 0.49)})" if "snippets" in sentiment else "NYT editorial snippets"),
    ])
    add("Loaded terms", "loaded_terms", [
        ("word-level precision / recall / F1 (writer's own hits vs annotated biased words)",
         None if "babe_f1" not in loaded else
         f"{get('loaded_terms', 'babe_precision', 3)} / {get('loaded_terms', 'babe_recall', 3)} / "
         f"{get('loaded_terms', 'babe_f1', 3)}",
         f"BABE, held-out test set ({number(loaded.get('babe_sentences'), 0)} sentences)"),
        ("sentence-level macro-F1 (has a writer's own loaded term vs labelled biased)",
         get("loaded_terms", "babe_sentence_macro_f1", 3), "BABE, held-out test set"),
    ])
    add("Attribution", "attribution", [
        ("source kind right (named / anonymous / none)", get("attribution", "source_kind_accuracy", 3),
         f"{attribution.get('cases', '?')} labelled sentences (development set: the rules were written on it)"),
        ("source kind right, on fresh sentences (labelled before the first run)", _pooled(attribution),
         f"{sum(b['sentences'] for b in attribution.get('fresh', []))} new sentences in wire, broadsheet and "
         "opinion phrasings"),
        ("direct quotations found, F1", get("attribution", "quotation_f1", 3), "development set"),
        ("hedges found, F1", get("attribution", "hedge_f1", 3), "development set"),
        ("loaded-term voice right", get("attribution", "voice_agreement", 3), "labelled voice cases"),
    ])
    add("Alignment", "alignment", [
        ("precision / recall of proposed sentence pairs",
         None if "recall" not in alignment else
         f"{get('alignment', 'precision')} / {get('alignment', 'recall')}",
         f"{number(alignment.get('gold_pairs'), 0)} hand-aligned pairs of the seeds, threshold "
         f"{alignment.get('threshold', '?')}"),
        ("estimated precision of everything proposed", get("alignment", "estimated_precision"),
         "hand audit of sampled proposals that are not gold pairs"),
    ])
    return rows


def _pooled(attribution: dict) -> str | None:
    batches = attribution.get("fresh", [])
    total = sum(b["sentences"] for b in batches)
    if not total:
        return None
    return number(sum(b["source_kind_accuracy"] * b["sentences"] for b in batches) / total, 3)


def parse_results(text: str) -> dict:
    """The numbers of ``benchmarks/RESULTS.md`` the report quotes, by benchmark (see :func:`accuracy`)."""
    sections = {}
    for match in re.finditer(r"^## (.+?)\n(.*?)(?=^## |\Z)", text, re.MULTILINE | re.DOTALL):
        for key, title in _SECTION_TITLES.items():
            if match.group(1).startswith(title) and key not in sections:
                sections[key] = match.group(2)
    record: dict = {key: {} for key in BENCHMARKS}
    for key, body in sections.items():
        date = re.search(r"(?:Measured|Run)\s+(\d{4}-\d{2}-\d{2})", body)
        record[key]["measured"] = date.group(1) if date else "undated"
    for key, name, pattern in _PATTERNS:
        if key not in sections:
            continue
        found = re.search(pattern, sections[key])
        if found:
            value = found.group(found.lastindex if name == "gold_pairs" else 1).replace(",", "")
            record[key][name] = float(value) if "." in value else int(value)
    if "sentiment" in sections:
        saturation = re.findall(r"^\|\s*([^|]+?)\s*\|\s*(\d+)\s*\|\s*(-?[0-9.]+)\s*\|\s*(-?[0-9.]+)\s*\|\s*$",
                                sections["sentiment"], re.MULTILINE)
        if saturation:
            record["sentiment"]["saturation"] = [
                {"doc_id": d, "sentences": int(n), "mean_sentence": float(m), "whole_text": float(w)}
                for d, n, m, w in saturation]
    if "attribution" in sections:
        fresh = re.findall(r"^\|\s*(batch [^|:]+)[^|]*\|\s*([0-9.]+)\s*\|\s*(\d+)/(\d+)\s*\|",
                           sections["attribution"], re.MULTILINE)
        if fresh:
            record["attribution"]["fresh"] = [
                {"batch": name.strip(), "sentences": int(n), "source_kind_accuracy": float(acc),
                 "fully_right": int(right)} for name, acc, right, n in fresh]
    return record


def accuracy_toml(record: dict, *, source: str = "benchmarks/RESULTS.md") -> str:
    """``record`` (from :func:`parse_results`) as the text of ``framing/data/accuracy.toml``."""
    lines = ["# Benchmark numbers quoted by report.html when benchmarks/RESULTS.md is not beside the source (an",
             "# installed package). Copied from " + source + " by `python -m framing.html --update-accuracy`;",
             "# each table says when its benchmark was measured. framing project, MIT licence.", ""]
    for key in BENCHMARKS:
        values = record.get(key, {})
        lines.append(f"[{key}]")
        for name, value in values.items():
            if not isinstance(value, list):
                lines.append(f"{name} = {_toml_value(value)}")
        lines.append("")
        for name, rows in values.items():
            if isinstance(rows, list):
                for row in rows:
                    lines.append(f"[[{key}.{name}]]")
                    lines.extend(f"{field} = {_toml_value(value)}" for field, value in row.items())
                    lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"


def _toml_value(value) -> str:
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    return repr(value)


# ---------------------------------------------------------------------------------------------------------
# Provenance and Markdown


def provenance(run: dict) -> dict:
    """``run.json`` reshaped for the footer: inputs, lexicon, options, versions (missing parts empty)."""
    versions = dict(run.get("versions", {}))
    return {
        "framing": versions.pop("framing", "unknown"),
        "python": versions.pop("python", "unknown"),
        "versions": versions,
        "inputs": [{**item, "sha256_short": str(item.get("sha256", ""))[:12]} for item in run.get("inputs", [])],
        "lexicon": run.get("lexicon", {}),
        "options": run.get("options", {}),
    }


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_<>|]|\](?=[(\[]))")


def markdown_escape(value) -> str:
    """Text safe inside a Markdown table cell or paragraph: specials backslash-escaped, newlines as spaces."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", re.sub(r"\s+", " ", str(value))).strip()


def _update_accuracy() -> Path:
    target = Path(__file__).resolve().parent / "data" / ACCURACY_TOML
    target.write_text(accuracy_toml(parse_results(RESULTS_MD.read_text(encoding="utf-8"))), encoding="utf-8")
    return target


if __name__ == "__main__":  # python -m framing.html --update-accuracy
    import sys

    if sys.argv[1:] != ["--update-accuracy"]:
        sys.exit("usage: python -m framing.html --update-accuracy   (copies benchmarks/RESULTS.md numbers into "
                 "src/framing/data/accuracy.toml)")
    print(f"wrote {_update_accuracy()}")
