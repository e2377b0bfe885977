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
