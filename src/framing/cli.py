"""The ``framing`` command: thin click commands over the library."""

from __future__ import annotations

import sys
import warnings
from pathlib import Path

import click

from . import __version__
from .errors import FramingError, FramingWarning


def _show_warning(message, category, filename, lineno, file=None, line=None):
    if issubclass(category, FramingWarning):
        click.echo(f"warning: {message}", err=True)
    else:
        sys.stderr.write(warnings.formatwarning(message, category, filename, lineno, line))


class FramingGroup(click.Group):
    """Turns :class:`FramingError` into one line on stderr and exit status 1."""

    def invoke(self, ctx):
        warnings.showwarning = _show_warning
        try:
            return super().invoke(ctx)
        except FramingError as error:
            raise click.ClickException(str(error)) from None


@click.group(cls=FramingGroup)
@click.version_option(__version__, prog_name="framing")
def main():
    """Show how different texts frame the same story.

    \b
    Example:
      framing analyze seeds --out framing-out
    """


def _sections(value: str | None) -> tuple[str, ...] | None:
    from .corpus import SECTIONS

    if value is None or value.strip().lower() == "all":
        return None
    chosen = tuple(part.strip() for part in value.split(",") if part.strip())
    unknown = [part for part in chosen if part not in SECTIONS]
    if unknown or not chosen:
        raise click.BadParameter(f"unknown section {', '.join(unknown) or value!r}; choose from "
                                 f"{', '.join(SECTIONS)} or 'all'", param_hint="--sections")
    return chosen


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--manifest", type=click.Path(path_type=Path), help="CSV or TOML manifest with doc_id, file, ...")
@click.option("--out", "out_dir", type=click.Path(path_type=Path), default=Path("framing-out"), show_default=True,
              help="Folder to write the tables into (created; files the tool did not write are left alone).")
@click.option("--sections", default="all", show_default=True,
              help="Comma-separated sections to keep: headline, bullet, body, caption, subhead, or 'all'.")
def analyze(paths, manifest, out_dir, sections):
    """Analyse documents (files or folders of .txt/.md) and write tables to --out.

    \b
    Example:
      framing analyze seeds --out framing-out
      framing analyze my_articles/ --manifest my_articles/manifest.csv --sections body
    """
    from .corpus import load_corpus
    from .report import write_tables
    from .segment import sentences

    chosen = _sections(sections)
    corpus = load_corpus(list(paths), manifest=manifest)
    table = sentences(corpus, sections=chosen)
    written = write_tables(out_dir, {
        "documents.csv": corpus.documents.drop(columns="text"),
        "sentences.csv": table,
        "removals.csv": corpus.removals,
    })
    click.echo(f"wrote {len(written)} files to {out_dir} "
               f"({len(corpus.documents)} documents, {len(table)} sentences)")


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
