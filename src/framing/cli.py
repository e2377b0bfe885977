"""The ``framing`` command: thin click commands over the library."""

from __future__ import annotations

import atexit
import gc
import os
import sys
import warnings
from pathlib import Path

import click

from . import __version__
from .errors import FramingError, FramingWarning
from .signals import terminate_as_interrupt
from .warning_digest import WarningDigest

# When the process ends, the interpreter runs full garbage collections over every object still alive: half a
# second after a 1,000-article run, all of it after the last file was written. Objects frozen at exit (atexit runs
# before those collections) are not walked again; the process ends all the same.
atexit.register(gc.freeze)


# The warnings of this invocation: a few of each kind shown, the rest counted (framing.warning_digest).
_DIGEST = WarningDigest()


def _show_warning(message, category, filename, lineno, file=None, line=None):
    if issubclass(category, FramingWarning):
        _write_warnings(_DIGEST.shown(message))
    else:
        sys.stderr.write(warnings.formatwarning(message, category, filename, lineno, line))


def _write_warnings(messages: list) -> None:
    # Through tqdm, which lifts an open progress line and draws it again below the warning: printed plainly, a
    # warning raised while a stage runs ("writing tables") was glued to the end of that stage's line.
    from tqdm import tqdm

    for message in messages:
        tqdm.write(f"warning: {message}", file=sys.stderr)


class FramingGroup(click.Group):
    """Turns :class:`FramingError` and an invalid option value into one line on stderr and exit status 1, and
    SIGTERM into the path Ctrl-C takes ("Aborted!", exit status 1, nothing left behind)."""

    def invoke(self, ctx):
        global _DIGEST
        _DIGEST = WarningDigest()
        warnings.showwarning = _show_warning
        try:
            with terminate_as_interrupt():
                return super().invoke(ctx)
        except FramingError as error:
            raise click.ClickException(str(error)) from None
        except click.BadParameter as error:
            # A bad value is bad input like any other (click's own default is the usage text and status 2).
            raise click.ClickException(error.format_message()) from None


@click.group(cls=FramingGroup)
@click.version_option(__version__, prog_name="framing")
def main():
    """Show how different texts frame the same story.

    \b
    Example:
      framing analyze seeds --out framing-out
    """


def _shared_check(check, value, param_hint: str):
    """Run one of :mod:`framing.arguments`' checks, which the Python API runs too, so both say the same."""
    try:
        return check(value)
    except FramingError as error:
        raise click.BadParameter(str(error), param_hint=param_hint) from None


class SharedChoice(click.Choice):
    """A choice whose refusal is the Python API's message (``check``), with click's list of choices in
    ``--help``."""

    def __init__(self, choices, check):
        super().__init__(choices)
        self.check = check

    def convert(self, value, param, ctx):
        try:
            return self.check(value)
        except FramingError as error:
            self.fail(str(error), param, ctx)


def _sections(value: str | None) -> tuple[str, ...] | None:
    from .arguments import section_choice

    return _shared_check(section_choice, value, "--sections")


def _pair(value: str | None) -> tuple[str, str] | None:
    from .arguments import pair_choice

    return _shared_check(pair_choice, value, "--pair")


def _contributions(value: str) -> str:
    from .arguments import one_of
    from .pipeline import CONTRIBUTION_MODES

    return one_of(value, CONTRIBUTION_MODES, "contributions setting")


def _table_format(value: str) -> str:
    from .report.table_formats import check_format

    return check_format(value)


def _common_options(function):
    options = [
        click.option("--manifest", type=click.Path(path_type=Path),
                     help="CSV or TOML manifest with doc_id, file, title, outlet, kind, published, source, notes."),
        click.option("--lexicon", "lexicon_file", type=click.Path(path_type=Path),
                     help="Use this loaded-term lexicon (TSV: term, category, direction, neutral, note) instead "
                          "of the default."),
        click.option("--extend-lexicon", type=click.Path(path_type=Path),
                     help="Add the entries of this TSV to the lexicon (same columns; same term replaces)."),
        click.option("--events", "events_file", type=click.Path(path_type=Path),
                     help="TOML events file ([[event]] name, terms, years) that seeds the event grouping."),
        click.option("--actors", "actors_file", type=click.Path(path_type=Path),
                     help="TOML actors file ([[actor]] name, aliases, group) naming who is who; an actors.toml "
                          "in the corpus folder is read when not given."),
        click.option("--sections", default="body", show_default=True,
                     help="Sections the summaries and figures use: comma-separated headline, bullet, body, "
                          "caption, subhead, or 'all'. Every sentence is scored and kept in sentences.csv."),
        click.option("--text-column", default="text", show_default=True,
                     help="Corpus table (.csv/.tsv/.jsonl/.json/.xlsx, or a folder of .json files): the column "
                          "holding each article's text."),
        click.option("--id-column", default=None,
                     help="Corpus table: the column holding each article's unique id [default: id; when the table "
                          "has no id column, each article is named by its row: row2, row3, …]."),
        click.option("--headline-column", default=None,
                     help="Corpus table: a column holding each article's headline (e.g. title), read as its first "
                          "paragraph in the headline section (figure 11: headline vs body)."),
        click.option("--exclude-recurring", is_flag=True,
                     help="Leave sentences found word for word in 10%% of the documents (newsletter and share lines "
                          "a scraper kept, or wire copy) out of the summaries, alignment and figures."),
        click.option("--sheet", default=None,
                     help="Excel workbook: the sheet holding the articles, by name (default: the first)."),
        click.option("--meta-columns", default="",
                     help="Corpus table: comma-separated columns kept as metadata, e.g. outlet,published "
                          "(source.name: a JSON article's nested key)."),
        click.option("--skip-bad-rows", "--skip-bad-files", "skip_bad_rows", is_flag=True,
                     help="Skip, with a warning, instead of stopping: a corpus table's rows with no text or a "
                          "repeated id; a folder's files that cannot be read (empty, binary, a PDF named .txt)."),
        click.option("--group-by",
                     help="Compare groups of documents in the figures and report, by this metadata column "
                          "(e.g. outlet). Tables stay per document."),
        click.option("--jobs", type=click.IntRange(min=1), default=None,
                     help="Worker processes for reading and scoring documents [default: one per core for a "
                          "corpus of 200+ documents (rows of a corpus table) or 1 million+ characters of text, "
                          "else 1]."),
        click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True,
                     help="Where the per-document work runs: this machine's processes, or a local Dask "
                          "cluster (pip install 'framing[dask]')."),
        click.option("--contributions", "contributions", type=SharedChoice(["auto", "all", "none"], _contributions),
                     default="auto", show_default=True,
                     help="Per-word sentiment contributions (word-shift figure, contributions.csv): for every "
                          "sentence (all), none, or auto: every sentence when documents are shown side by side, "
                          "else only the two documents or groups the word shift compares."),
        click.option("--no-contributions", "no_contributions", is_flag=True,
                     help="Same as --contributions none."),
        click.option("--exact-alignment", is_flag=True,
                     help="Compare every pair of sentences that share a word, however large the corpus. By "
                          "default a corpus too large for that (about 1,700 articles of rarely repeated "
                          "sentences) compares only the pairs its less common words bring near the threshold, "
                          "and says so."),
        click.option("--format", "table_format", type=SharedChoice(["csv", "xlsx", "parquet"], _table_format),
                     default="csv", show_default=True,
                     help="How the tables are written: CSV files, one Excel workbook framing.xlsx with a sheet "
                          "per table (pip install 'framing[xlsx]'), or a Parquet file per table (pip install "
                          "'framing[parquet]'). Figures and the report are the same. A workbook is slow to "
                          "write (about 10 s per 1,000 articles); Parquet is the fastest."),
    ]
    for option in reversed(options):
        function = option(function)
    return function


def _check_file_option(path: Path | None, what: str) -> None:
    from .corpus.paths import require_regular_file

    if path is not None:
        require_regular_file(path, what)


def _check_events_file(path: Path | None) -> None:
    """Read the events file (given, or found beside the documents) before the documents are scored, so that a
    bad one is refused at once instead of after the long work (the alignment reads it again)."""
    from .align import read_events_file

    if path is None:
        return
    try:
        read_events_file(path)
    except UnicodeDecodeError as error:
        raise FramingError(f"{path}: not UTF-8 text (byte {error.start}); save the events file as UTF-8") from None


def _draw_without_a_display() -> None:
    """The commands only save figures: matplotlib's file-only backend, so that no GUI toolkit is started on a
    desktop and the processes that draw figures can be forked safely (:mod:`framing.report.drawing`)."""
    if "matplotlib" in sys.modules:
        sys.modules["matplotlib"].use("Agg")
    else:  # read when matplotlib is first imported, which is only when the figures are drawn
        os.environ["MPLBACKEND"] = "Agg"


def _run(paths, *, out_dir, pair, manifest, lexicon_file, extend_lexicon, events_file, actors_file, sections,
         text_column, id_column, meta_columns, skip_bad_rows, group_by, jobs, engine, contributions, no_contributions,
         table_format, exact_alignment, headline_column, sheet, exclude_recurring):
    _draw_without_a_display()
    from .arguments import comma_separated
    from .pipeline import events_beside
    from .pipeline import analyze as run_analysis
    from .report import EarlyFigures, prepare_out_dir, write_analysis
    from .report.drawing import WRITING_MODULES

    chosen = _sections(sections)
    # Before any work: a refused --out (a file, an input folder, read-only, or a folder holding the user's own
    # report.md) or a bad events file costs nothing.
    prepare_out_dir(out_dir, inputs=paths)
    _check_file_option(lexicon_file, "lexicon file")
    _check_file_option(extend_lexicon, "lexicon file")
    _check_file_option(events_file, "events file")
    _check_file_option(actors_file, "actors file")
    _check_events_file(events_file if events_file is not None else events_beside(list(paths)))
    # jobs and engine change where the work runs, not what it gives, so run.json leaves them out: a rerun
    # with --jobs 2 writes the same files.
    options = {"paths": [str(p) for p in paths], "manifest": manifest, "lexicon": lexicon_file,
               "extend_lexicon": extend_lexicon, "events": events_file, "actors": actors_file, "sections": sections,
               "pair": ",".join(pair) if pair else None, "text_column": text_column, "id_column": id_column,
               "headline_column": headline_column, "sheet": sheet, "exclude_recurring": exclude_recurring,
               "meta_columns": meta_columns, "skip_bad_rows": skip_bad_rows, "group_by": group_by,
               "contributions": "none" if no_contributions else contributions, "format": table_format,
               "exact_alignment": exact_alignment}
    # Most figures need only the summaries: drawn by a spare core while this process aligns.
    with EarlyFigures(jobs) as early:
        analysis = run_analysis(list(paths), text_column=text_column, id_column=id_column,
                                meta_columns=comma_separated(meta_columns, "--meta-columns"),
                                skip_bad_rows=skip_bad_rows, manifest=manifest, sections=chosen,
                                lexicon=lexicon_file, extend_lexicon=extend_lexicon, events_file=events_file,
                                progress=True, group_by=group_by or None, jobs=jobs, engine=engine,
                                contributions="none" if no_contributions else contributions, pair=pair,
                                actors=actors_file, before_alignment=early.start,
                                exact_alignment=exact_alignment, headline_column=headline_column, sheet=sheet,
                                exclude_recurring=exclude_recurring, imports_ahead=WRITING_MODULES)
        # The pair travels in the analysis (analyze checked it and computed its contributions).
        written = write_analysis(out_dir, analysis, options=options, table_format=table_format, progress=True,
                                 jobs=jobs, early=early, run_warnings=_DIGEST.record)
    _write_warnings(_DIGEST.summary())
    click.echo(f"wrote {len(written)} files to {out_dir} ({len(analysis.corpus.documents)} documents, "
               f"{len(analysis.sentences)} sentences, {len(analysis.terms)} loaded-term hits, "
               f"{analysis.event_labels.shape[0]} events)")
    report = Path(out_dir) / "report.html"
    if report.exists():
        click.echo(f"open {report} in a browser to read the report")


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--out", "out_dir", type=click.Path(path_type=Path), default=Path("framing-out"), show_default=True,
              help="Folder to write into (created if missing). Files framing did not write are left alone; a run "
                   "that would overwrite one (your own report.md, say) is refused.")
@click.option("--pair", help="Two doc_ids (A,B) for the word-shift figure; default: the two whose mean "
                             "sentiment differs most.")
@_common_options
def analyze(paths, out_dir, pair, **options):
    """Analyse documents (files or folders of .txt/.md/.docx, or a corpus table: .csv, .tsv, .jsonl, .json, also
    gzipped, or an Excel .xlsx, or a folder of .json files, one article each) and write tables, figures and a
    report to --out.
    A folder of subfolders (one per outlet) is read as its subfolders, each document's folder a metadata column
    (--group-by folder).

    \b
    Writes documents.csv, measures.csv, sentences.csv, terms.csv, events.csv, contributions.csv (and more;
    or, with --format, one framing.xlsx or a .parquet file per table), figures/ (PNG + SVG), report.html,
    report.md and run.json.

    \b
    Example:
      framing analyze seeds --out framing-out
      framing analyze my_articles/ --manifest my_articles/manifest.csv --sections body,bullet
      framing analyze class_corpus/ --group-by folder      # class_corpus/bbc/*.txt, class_corpus/sun/*.txt
      framing analyze export.csv --text-column text --id-column id --meta-columns outlet,published \\
          --group-by outlet --jobs 2
    """
    _run(paths, out_dir=out_dir, pair=_pair(pair), **options)


@main.command()
@click.argument("document_a", type=click.Path(path_type=Path))
@click.argument("document_b", type=click.Path(path_type=Path))
@click.option("--out", "out_dir", type=click.Path(path_type=Path), default=Path("framing-compare"),
              show_default=True,
              help="Folder to write into (created if missing). Files framing did not write are left alone; a run "
                   "that would overwrite one is refused.")
@_common_options
def compare(document_a, document_b, out_dir, manifest, **options):
    """Compare two documents: the same tables and report, with the pairwise figures for A vs B.

    \b
    Example:
      framing compare seeds/dailymail_soleimani_2020-01-03.txt seeds/wikipedia_soleimani_2017.txt
    """
    _draw_without_a_display()
    from .corpus import list_documents
    from .report import prepare_out_dir

    prepare_out_dir(out_dir, inputs=[document_a, document_b])  # before reading the documents, as analyze does
    # The doc_ids come from the file names or the manifest, so listing finds them without reading the texts;
    # the analysis reads each document once and refuses an unreadable one itself.
    ids = list_documents([document_a, document_b], manifest=manifest)["doc_id"].tolist()
    if len(ids) != 2:
        raise FramingError(f"compare needs two different documents, got {len(ids)}")
    _run([document_a, document_b], out_dir=out_dir, manifest=manifest, pair=(ids[0], ids[1]), **options)


@main.command()
@click.option("--check", "check_file", type=click.Path(path_type=Path),
              help="Validate this lexicon file (same columns as the default) instead of showing the default.")
@click.option("--category", help="Show only entries of this category.")
def lexicon(check_file, category):
    """Show the loaded-term lexicon, or validate a lexicon file of your own.

    \b
    Example:
      framing lexicon --category honorific_label
      framing lexicon --check my_terms.tsv
    """
    from .lexicons import CATEGORIES, load_lexicon

    loaded = load_lexicon(check_file)
    entries = loaded.entries
    if check_file is not None:
        counts = ", ".join(f"{name} {count}" for name, count in entries["category"].value_counts().items())
        click.echo(f"{check_file}: OK, {len(entries)} entries ({counts})")
        return
    if category:
        if category not in CATEGORIES:
            raise click.BadParameter(f"unknown category {category!r}; choose from {', '.join(CATEGORIES)}",
                                     param_hint="--category")
        entries = entries[entries["category"] == category]
    width = max(entries["term"].str.len().max(), 4)
    click.echo(f"{'term':<{width}}  {'category':<17}  {'direction':<10}  neutral alternative")
    for row in entries.itertuples():
        click.echo(f"{row.term:<{width}}  {row.category:<17}  {row.direction:<10}  {row.neutral}")
    click.echo(f"\n{len(entries)} entries; method and provenance: src/framing/data/LEXICON.md")
