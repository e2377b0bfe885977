"""Drawing and saving a run's figures, in forked processes while this one writes the tables, when that pays.

Each figure costs about half a second to draw and save (PNG at 200 dpi and SVG), whatever the corpus size:
eleven of them were a third of a 1,000-article run, drawn one after another while the second core idled. On a
machine with more than one core the figures are drawn by forked children. They inherit the analysis as it is
in memory (fork copies the page table; nothing is pickled) and send back only the paths they saved and the
warnings they raised, which are raised again here, in figure order, so a run warns the same way either way.
The files are the same either way: the same code draws them, with the same fixed SVG salt.

Why not at every size: a forked child's resident size counts the parent's pages again, and touching Python
objects copies them. Beyond :data:`FORK_SENTENCE_LIMIT` sentences the figures are a small part of the run and
the memory is not, so they are drawn in this process (see ``executor.worker_pool`` for the 10,000-article
measurement).
"""

from __future__ import annotations

import gc
import multiprocessing
import warnings
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from contextlib import contextmanager
from pathlib import Path
from typing import NamedTuple

from ..executor import available_cores, end_workers, stop_workers
from ..heap import release_freed_memory
from ..progress import steps
from .outdir import FIGURE_FORMATS

# Above this many sentences in the run, the figures are drawn in this process (module docstring). 50,000 is
# about 2,000 articles: a child then adds a few hundred MB of resident size, well under the 2 GB budget.
FORK_SENTENCE_LIMIT = 50_000

FIGURE_DPI = 200
# Fixed so that the same run gives byte-identical SVGs (matplotlib salts its SVG ids with a random value).
SVG_SALT = "framing"

# What the children draw from: set just before they are forked, so they inherit it, and cleared after.
_MAKERS: dict[str, Callable] = {}


class Drawn(NamedTuple):
    """What drawing one figure left: the files saved (none when it had nothing to show) and the warnings raised
    while drawing it, as ``(category, message)``."""

    paths: list[Path]
    warnings: list[tuple[type[Warning], str]]


def drawing_workers(jobs: int | None, n_sentences: int) -> int:
    """How many forked children draw the figures: ``jobs`` (default: one per core), or 0 — draw here — on one
    core, beyond :data:`FORK_SENTENCE_LIMIT` sentences, or where processes cannot be forked."""
    workers = jobs or available_cores()
    if workers < 2 or n_sentences > FORK_SENTENCE_LIMIT or "fork" not in multiprocessing.get_all_start_methods():
        return 0
    return workers


@contextmanager
def figures_drawn(makers: dict[str, Callable], figure_dir: Path, *, workers: int, progress: bool
                  ) -> Iterator[Callable[[], list[Path]]]:
    """Start drawing every figure of ``makers`` (stem → function, :func:`framing.figures.build.figure_makers`)
    into ``figure_dir``; the block runs meanwhile and calls the function it is given to wait for the figures:
    the saved paths, in stem order. With ``workers`` 0 the figures are drawn when that function is called."""
    if not workers:
        yield lambda: _raised_again({stem: draw_and_save(stem, make, figure_dir) for stem, make in
                                     steps(makers.items(), "drawing figures", total=len(makers), unit="figure",
                                           shown=progress)})
        return
    _MAKERS.update(makers)
    # Frozen objects are never traversed by a child's garbage collector, which would otherwise write to (and
    # so copy) every page of the parent's heap it inherited.
    gc.freeze()
    try:
        pool = ProcessPoolExecutor(max_workers=min(workers, len(makers)),
                                   mp_context=multiprocessing.get_context("fork"))
        # The slowest figures first would balance better, but which those are depends on the view: stem order.
        futures = {stem: pool.submit(_draw_inherited, stem, figure_dir) for stem in makers}
    finally:
        # Every child is forked by now (all of them at the first submit): the parent's copy can go.
        gc.unfreeze()
        _MAKERS.clear()
    try:
        yield lambda: _waited_for(futures, progress=progress)
    except BaseException:
        stop_workers(pool)
        raise
    end_workers(pool)


def draw_and_save(stem: str, make: Callable, figure_dir: Path) -> Drawn:
    """Draw one figure and save it as ``figure_dir/stem.png`` and ``.svg``, recording the warnings raised."""
    from ..figures.build import drawn

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        figure = drawn(stem, make)
        paths = [] if figure is None else save_figure(figure, figure_dir / stem, formats=FIGURE_FORMATS)
    release_freed_memory()  # the figure's tables and its rendering
    return Drawn(paths, [(warning.category, str(warning.message)) for warning in caught])


def _draw_inherited(stem: str, figure_dir: Path) -> Drawn:
    """In a child: draw the figure ``stem`` from the makers it inherited."""
    return draw_and_save(stem, _MAKERS[stem], figure_dir)


def _waited_for(futures: dict[str, Future], *, progress: bool) -> list[Path]:
    """Wait for every figure, with a progress bar as they finish; then as :func:`_raised_again`."""
    for _ in steps(as_completed(futures.values()), "drawing figures", total=len(futures), unit="figure",
                   shown=progress):
        pass
    return _raised_again({stem: future.result() for stem, future in futures.items()})  # a child's error raises


def _raised_again(drawn_by_stem: dict[str, Drawn]) -> list[Path]:
    """Raise each figure's warnings again, in stem order, and return the saved paths in stem order."""
    paths = []
    for drawn in drawn_by_stem.values():
        for category, message in drawn.warnings:
            warnings.warn(message, category, stacklevel=2)
        paths += drawn.paths
    return paths


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
            # The layout solved for the first file serves the next: the PNG and the SVG are laid out alike,
            # and constrained layout is not solved again (a quarter of the SVG's cost).
            figure.set_layout_engine("none")
    plt.close(figure)
    return paths
