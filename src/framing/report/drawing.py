"""Drawing and saving a run's figures, in forked processes while this one writes the tables, when that pays.

Each figure costs about half a second to draw and save (PNG at 200 dpi and SVG), whatever the corpus size:
eleven of them were a third of a 1,000-article run, drawn one after another while the second core idled. On a
machine with more than one core the figures are drawn by forked children. They inherit the analysis as it is
in memory (fork copies the page table; nothing is pickled) and send back only the paths they saved and the
warnings they raised, which are raised again here, in figure order, so a run warns the same way either way.
The files are the same either way: the same code draws them, with the same fixed SVG salt.

Why not at every size: a forked child's resident size counts the parent's pages again, and touching Python
objects copies them. Beyond :data:`FORK_SENTENCE_LIMIT` sentences the figures are a small part of the run and
the memory is not, so they are drawn by one new Python process fed only the tables they read, beside the tables
(:mod:`framing.report.apart`), or in this process when that cannot be.

Most figures read only the summaries, which are made before the alignment. :class:`EarlyFigures` starts those
(all but :data:`~framing.figures.registry.AFTER_ALIGNMENT`) in one forked child per core but one while this
process aligns, when the second core would otherwise idle (for a run that compares groups, the child regroups
the run first: 1,000 articles by outlet, 10.8 → 9.9 s); :func:`figures_drawn` then draws the rest, and any early
figure not yet begun, beside the tables, and moves the early files in. Beyond the fork limit the early figures
of a run that does not compare groups are drawn the same way by a new process (3,000 articles: the figures had
kept the run waiting 2.2 s after its tables; 20.7–20.9 → 19.2–19.8 s), and a second one draws the two that read
the alignment beside the tables.
"""

from __future__ import annotations

import gc
import importlib
import multiprocessing
import shutil
import tempfile
import warnings
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import Any, NamedTuple

from ..executor import FIGURES_NAME, available_cores, end_workers, name_process, stop_workers
from ..heap import release_freed_memory
from ..progress import stage, steps
from .outdir import FIGURE_FORMATS

# What drawing the figures and writing the report import: matplotlib and the figure modules, jinja2. Imported by
# this process before it forks children to draw (each would otherwise import matplotlib itself, about half a second
# apiece), and by a run with worker processes already beside its map (framing.imports_ahead).
WRITING_MODULES = ("framing.report.html", "framing.figures.build")

# Above this many sentences in the run, the figures are drawn in this process (module docstring). 50,000 is
# about 2,000 articles: a child then adds a few hundred MB of resident size, well under the 2 GB budget.
FORK_SENTENCE_LIMIT = 50_000

FIGURE_DPI = 200
# Fixed so that the same run gives byte-identical SVGs (matplotlib salts its SVG ids with a random value).
SVG_SALT = "framing"


class FigureSource(NamedTuple):
    """What a run's figures are drawn from: the run as shown, the word-shift pair asked for, the view; with
    ``regroup``, the run as it stands before the alignment, to be regrouped for a view that compares groups."""

    analysis: Any
    pair: tuple[str, str] | None
    view: Any
    regroup: bool = False

    def makers(self) -> dict[str, Callable]:
        """Stem → a function that draws the figure (:func:`framing.figures.build.figure_makers`)."""
        from ..figures.build import figure_makers

        analysis = self.analysis
        if self.regroup:
            from ..groups import shown_analysis

            # In the child, on the core the alignment leaves free. Without the pair: its word shift reads the
            # contributions made beside the alignment (figure 5 is drawn after it).
            analysis = shown_analysis(replace(analysis, word_shift_pair=None, word_shift=None), self.view)
        return figure_makers(analysis, pair=self.pair, view=self.view)


# What forked children draw from: set just before they are forked, so they inherit it, and cleared after. Each
# child builds the makers itself (the modules they come from are imported before the fork: WRITING_MODULES).
_SOURCE: list[FigureSource] = []
_CHILD_MAKERS: dict[str, Callable] = {}


class Drawn(NamedTuple):
    """What drawing one figure left: the files saved (none when it had nothing to show) and the warnings raised
    while drawing it."""

    paths: list[Path]
    warnings: list[Warning]


def drawing_workers(jobs: int | None, n_sentences: int) -> int:
    """How many forked children draw the figures: ``jobs`` (default: one per core), or 0 — draw here — on one
    core, beyond :data:`FORK_SENTENCE_LIMIT` sentences, or where processes cannot be forked."""
    workers = jobs or available_cores()
    if workers < 2 or n_sentences > FORK_SENTENCE_LIMIT or "fork" not in multiprocessing.get_all_start_methods():
        return 0
    return workers


def drawing_apart(jobs: int | None, n_sentences: int) -> bool:
    """Whether a run too large for forked children (:func:`drawing_workers` 0 above
    :data:`FORK_SENTENCE_LIMIT`) draws its figures in a new Python process beside the tables
    (:mod:`framing.report.apart`): not when one process was asked for (``jobs`` 1)."""
    return (jobs is None or jobs >= 2) and n_sentences > FORK_SENTENCE_LIMIT and available_cores() >= 2


class EarlyFigures:
    """The figures drawn while the run aligns (module docstring). Use as a context manager around the run and its
    writing: :meth:`start` is the pipeline's ``before_alignment``; :func:`figures_drawn` takes over what it
    started; leaving the block ends the children (at once on an error or Ctrl-C) and removes their folder."""

    def __init__(self, jobs: int | None):
        self.jobs = jobs
        self.view = None  # the view the early figures were drawn for
        self.futures: dict[str, Future] = {}
        self._pool: ProcessPoolExecutor | None = None
        self._apart = None  # a FiguresApart drawing the early figures of a run too large to fork
        self.apart_stems: list[str] = []
        self._folder: Path | None = None

    def start(self, analysis) -> None:
        """Start the figures of ``analysis`` (the run before the alignment) that do not read the alignment — for a
        run that compares groups, regrouped in the child (:func:`framing.groups.shown_analysis`) —; nothing when
        there is no core to spare beside the alignment. Once per run.

        Up to :data:`FORK_SENTENCE_LIMIT` sentences they are drawn by forked children; beyond it, by a new Python
        process (:func:`drawing_apart`), unless the view compares groups: regrouping reads the tables that process
        is not sent (:data:`framing.report.apart.UNREAD_TABLES`), so a large grouped run draws every figure beside
        its tables."""
        from ..figures.registry import AFTER_ALIGNMENT, FIGURES

        n_sentences = len(analysis.sentences)
        workers = drawing_workers(self.jobs, n_sentences)
        forked = workers >= 2
        apart = not workers and drawing_apart(self.jobs, n_sentences) and analysis.view is not None \
            and analysis.view.group_by is None
        if self._folder is not None or analysis.view is None or not (forked or apart):
            return
        stems = [stem for stem in FIGURES if stem not in AFTER_ALIGNMENT]
        try:
            self._folder = Path(tempfile.mkdtemp(prefix="framing-figures-"))
        except OSError:  # no temporary folder to be had: every figure is drawn at writing, as without this
            return
        source = FigureSource(analysis, None, analysis.view, regroup=analysis.view.group_by is not None)
        if forked:
            self._pool, self.futures = _forked(source, stems, self._folder, workers - 1)
        else:
            from .apart import FiguresApart

            self._apart, self.apart_stems = FiguresApart(source, stems, self._folder, draw_every), stems
        self.view = analysis.view

    def taken_for(self, view) -> dict[str, Future]:
        """The early figures a run shown in ``view`` can use: those begun or done (the rest are cancelled, to be
        drawn with the others); none when they were drawn for another view."""
        if view != self.view:
            return {}
        return {stem: future for stem, future in self.futures.items() if not future.cancel()}

    def moved(self, drawn: Drawn, figure_dir: Path) -> Drawn:
        """``drawn`` with its files moved from the early folder into ``figure_dir``."""
        paths = [Path(shutil.move(path, figure_dir / path.name)) for path in drawn.paths]
        return drawn._replace(paths=paths)

    def apart_taken_for(self, view) -> list[str]:
        """The figures a new process began drawing before the alignment that a run shown in ``view`` can use
        (none when they were drawn for another view)."""
        return self.apart_stems if self._apart is not None and view == self.view else []

    def apart_drawn(self, figure_dir: Path) -> dict[str, Drawn] | None:
        """Wait for the figures of :meth:`apart_taken_for`: what each left, its files moved into ``figure_dir``;
        ``None`` when that process could not be started or failed (the caller draws them)."""
        drawn = self._apart.drawn()
        return None if drawn is None else {stem: self.moved(result, figure_dir) for stem, result in drawn.items()}

    def __enter__(self) -> EarlyFigures:
        return self

    def __exit__(self, kind, error, trace) -> None:
        if self._apart is not None:
            self._apart.stop()  # nothing left to stop once its figures were taken
        if self._pool is not None:
            # Figures left unfinished (an error, Ctrl-C, a run written in another view) are not waited for.
            if kind is None and all(future.done() for future in self.futures.values()):
                end_workers(self._pool)
            else:
                stop_workers(self._pool)
        if self._folder is not None:
            shutil.rmtree(self._folder, ignore_errors=True)


@contextmanager
def figures_drawn(source: FigureSource, figure_dir: Path, *, workers: int, progress: bool,
                  early: EarlyFigures | None = None, apart: bool = False) -> Iterator[Callable[[], list[Path]]]:
    """Start drawing every figure (:data:`~framing.figures.registry.FIGURES`) of ``source`` into ``figure_dir``;
    the block runs meanwhile and calls the function it is given to wait for the figures: the saved paths, in stem
    order. With ``workers`` 0 the figures are drawn when that function is called, unless ``apart``: then one
    new Python process draws them meanwhile (:func:`drawing_apart`). ``early``: figures already under way
    (:class:`EarlyFigures`), used instead of drawing them again when they were drawn for ``source.view``."""
    from ..figures.registry import FIGURES

    if not workers and apart:
        yield from _drawn_apart(source, figure_dir, progress=progress, early=early)
        return
    if not workers:
        makers = source.makers()
        yield lambda: _raised_again({stem: draw_and_save(stem, make, figure_dir) for stem, make in
                                     steps(makers.items(), "drawing figures", total=len(makers), unit="figure",
                                           shown=progress)})
        return
    taken = early.taken_for(source.view) if early is not None else {}
    left = [stem for stem in FIGURES if stem not in taken]
    pool, futures = _forked(source, left, figure_dir, workers) if left else (None, {})

    def wait() -> list[Path]:
        every = {stem: taken.get(stem) or futures[stem] for stem in FIGURES}
        drawn = _waited_for(every, progress=progress)
        return _raised_again({stem: early.moved(result, figure_dir) if stem in taken else result
                              for stem, result in drawn.items()})

    try:
        yield wait
    except BaseException:
        if pool is not None:
            stop_workers(pool)
        raise
    if pool is not None:
        end_workers(pool)


def _drawn_apart(source: FigureSource, figure_dir: Path, *, progress: bool, early: EarlyFigures | None
                 ) -> Iterator[Callable[[], list[Path]]]:
    """:func:`figures_drawn`'s block for figures drawn by a process of their own (:mod:`framing.report.apart`):
    those ``early`` began before the alignment, and a new process for the rest. A process that could not be
    started or failed leaves its figures to be drawn here."""
    from ..figures.registry import FIGURES
    from .apart import FiguresApart

    taken = early.apart_taken_for(source.view) if early is not None else []
    left = [stem for stem in FIGURES if stem not in taken]
    drawing = FiguresApart(source, left, figure_dir, draw_every) if left else None

    def wait() -> list[Path]:
        with stage("drawing figures", progress):
            drawn: dict[str, Drawn] = {}
            if taken:
                drawn.update(early.apart_drawn(figure_dir) or draw_every(source, taken, figure_dir))
            if drawing is not None:
                drawn.update(drawing.drawn() or draw_every(source, left, figure_dir))
            return _raised_again({stem: drawn[stem] for stem in FIGURES})
    try:
        yield wait
    except BaseException:
        if drawing is not None:
            drawing.stop()
        raise


def _forked(source: FigureSource, stems: list[str], figure_dir: Path, workers: int
            ) -> tuple[ProcessPoolExecutor, dict[str, Future]]:
    """Forked children drawing the figures ``stems`` of ``source`` into ``figure_dir``: the pool and each stem's
    future."""
    for name in WRITING_MODULES:  # inherited by every child; the report imports them here anyway
        importlib.import_module(name)
    _SOURCE.append(source)
    # Frozen objects are never traversed by a child's garbage collector, which would otherwise write to (and
    # so copy) every page of the parent's heap it inherited.
    gc.freeze()
    try:
        pool = ProcessPoolExecutor(max_workers=min(workers, len(stems)),
                                   mp_context=multiprocessing.get_context("fork"), initializer=name_process,
                                   initargs=(FIGURES_NAME,))
        # The slowest figures first would balance better, but which those are depends on the view: stem order.
        futures = {stem: pool.submit(_draw_inherited, stem, figure_dir) for stem in stems}
    finally:
        # Every child is forked by now (all of them at the first submit): the parent's copy can go.
        gc.unfreeze()
        _SOURCE.clear()
    return pool, futures


def draw_every(source: FigureSource, stems: list[str], figure_dir: Path) -> dict[str, Drawn]:
    """Draw and save the figures ``stems`` of ``source`` one after another in this process: stem → what each
    left."""
    makers = source.makers()
    return {stem: draw_and_save(stem, makers[stem], figure_dir) for stem in stems}


def draw_and_save(stem: str, make: Callable, figure_dir: Path) -> Drawn:
    """Draw one figure and save it as ``figure_dir/stem.png`` and ``.svg``, recording the warnings raised."""
    from ..figures.build import drawn

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        figure = drawn(stem, make)
        paths = [] if figure is None else save_figure(figure, figure_dir / stem, formats=FIGURE_FORMATS)
    release_freed_memory()  # the figure's tables and its rendering
    return Drawn(paths, [warning.message for warning in caught])


def _draw_inherited(stem: str, figure_dir: Path) -> Drawn:
    """In a child: draw the figure ``stem`` of the source it inherited."""
    if not _CHILD_MAKERS:
        _CHILD_MAKERS.update(_SOURCE[0].makers())
    return draw_and_save(stem, _CHILD_MAKERS[stem], figure_dir)


def _waited_for(futures: dict[str, Future], *, progress: bool) -> dict[str, Drawn]:
    """Wait for every figure, with a progress bar as they finish; what each left, by stem (a child's error
    raises here)."""
    # Figures drawn while the run aligned are counted as done from the start (a rate of thousands a second
    # would say nothing).
    pending = [future for future in futures.values() if not future.done()]
    for _ in steps(as_completed(pending), "drawing figures", total=len(futures), unit="figure", shown=progress,
                   done=len(futures) - len(pending)):
        pass
    return {stem: future.result() for stem, future in futures.items()}


def _raised_again(drawn_by_stem: dict[str, Drawn]) -> list[Path]:
    """Raise each figure's warnings again, in stem order, and return the saved paths in stem order."""
    paths = []
    for drawn in drawn_by_stem.values():
        for message in drawn.warnings:
            warnings.warn(message, stacklevel=2)
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
