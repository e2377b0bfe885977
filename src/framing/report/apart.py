"""Drawing a large run's figures in a process of its own, beside the tables, from only what the figures read.

Above :data:`~framing.report.drawing.FORK_SENTENCE_LIMIT` sentences the figures are not drawn by forked children:
a fork counts the run's pages again in the process tree's resident size (3,000 articles: 0.85 → 2.0 GB). Drawn
in the run's process they came after the tables, on one core while the other idled: 5.3 s of a 10,000-article
run, 4.7–6.2 s at 3,000 articles. A new Python process starts empty: it imports framing and matplotlib and is sent
the run without what no figure reads — the tables of :data:`UNREAD_TABLES` emptied (their columns kept), the texts
of the documents and sentences, the paragraphs and removals — and draws every figure while this process writes
the tables. The files are the same (the same code draws them from the same numbers; ``tests/report``
compares them); when the process cannot be started, or dies, ``drawing`` draws them in the run's process as
before. At 3,000
articles the figures were then done 0.8 s after the tables instead of 5.1 s; at 10,000 articles grouped by outlet
the process tree's peak was 1,775 MB (RSS sum; 1,644–1,695 MB drawn here), the new process's imports about
2 CPU s on the core that idled (``benchmarks/RESULTS.md``, sessions 20–21). Since session 23 a run that does not
compare groups starts one such process before its alignment for the figures that do not read it
(:class:`~framing.report.drawing.EarlyFigures`) and another beside the tables for the two that do.
"""

from __future__ import annotations

import importlib
import os
import pickle
import subprocess
import sys
import tempfile
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

# The run's tables that no figure reads (figures/build.py reads the summaries, documents, comparison, labels,
# by_section, word shift and contributions, and the sentences' numbers).
UNREAD_TABLES = ("terms", "sources", "spans", "harms", "pairs", "events", "event_labels", "omissions", "word_choice",
                 "actors", "rewrites")


def figure_inputs(analysis: Any) -> Any:
    """``analysis`` with only what the figures read: :data:`UNREAD_TABLES` emptied, no text columns, no
    paragraphs or removals."""
    corpus = analysis.corpus
    slim_corpus = replace(corpus, documents=corpus.documents.drop(columns="text", errors="ignore"),
                          paragraphs=corpus.paragraphs.iloc[:0], removals=corpus.removals.iloc[:0])
    emptied = {name: getattr(analysis, name).iloc[:0] for name in UNREAD_TABLES}
    return replace(analysis, corpus=slim_corpus, sentences=analysis.sentences.drop(columns="text", errors="ignore"),
                   **emptied)


class FiguresApart:
    """The figures ``stems`` of a :class:`~framing.report.drawing.FigureSource`, drawn into ``figure_dir`` by a
    new Python process (``python -m framing.report.apart``) calling ``draw(source, stems, figure_dir)``, a
    module-level function it imports by name; :meth:`drawn` waits for it.

    A plain subprocess, not multiprocessing's *spawn*: spawn runs the caller's main script again in the new
    process, and a user's script without an ``if __name__ == "__main__":`` guard would then analyse its corpus a
    second time there."""

    def __init__(self, source, stems: list[str], figure_dir: Path, draw: Callable):
        self.process: subprocess.Popen | None = None
        self.handoff: Path | None = None
        sent = source._replace(analysis=figure_inputs(source.analysis))
        try:
            # Pickled here, into a file the process reads and removes: a table that cannot be pickled means
            # drawing here, and this process does not hold the pickled bytes (about 100 MB at 10,000 articles)
            # while it writes the tables.
            with tempfile.NamedTemporaryFile(prefix="framing-figures-", suffix=".pickle", delete=False) as file:
                self.handoff = Path(file.name)
                pickle.dump(sent, file, protocol=pickle.HIGHEST_PROTOCOL)
            # The new process finds framing where this one does (a source tree on sys.path, say).
            environment = {**os.environ, "PYTHONPATH": os.pathsep.join(path for path in sys.path if path)}
            command = [sys.executable, "-m", __name__, str(self.handoff), str(figure_dir),
                       f"{draw.__module__}:{draw.__qualname__}", *stems]
            self.process = subprocess.Popen(command, env=environment, stdin=subprocess.DEVNULL,
                                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        except (pickle.PicklingError, TypeError, AttributeError, OSError):
            self.process = None

    def drawn(self) -> dict | None:
        """What ``draw`` returned in the process; ``None`` when the process could not be started or failed (the
        caller then draws here, where a figure's own error is raised as it would be)."""
        try:
            if self.process is None or self.process.wait() != 0:
                return None
            with open(_result_path(self.handoff), "rb") as file:
                return pickle.load(file)
        except (OSError, EOFError, pickle.UnpicklingError):
            return None
        finally:
            self.remove_handoff()

    def stop(self) -> None:
        """End the process now (an error or Ctrl-C in this one) and remove its files."""
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            self.process.wait()
        self.remove_handoff()

    def remove_handoff(self) -> None:
        """Remove the pickled run and the pickled result, where they are left."""
        if self.handoff is not None:
            self.handoff.unlink(missing_ok=True)
            _result_path(self.handoff).unlink(missing_ok=True)


def _result_path(handoff: Path) -> Path:
    return handoff.with_suffix(".drawn")


def _draw_pickled(handoff: Path, figure_dir: Path, draw_name: str, stems: list[str]) -> None:
    """In the new process: ``draw`` the figures of the source pickled in ``handoff`` (removed once read) and
    pickle what it returned beside it (written whole, then renamed into place)."""
    module, _, name = draw_name.partition(":")
    draw = getattr(importlib.import_module(module), name)
    with open(handoff, "rb") as file:
        source = pickle.load(file)
    handoff.unlink(missing_ok=True)
    drawn = draw(source, stems, figure_dir)
    partial = _result_path(handoff).with_suffix(".partial")
    with open(partial, "wb") as file:
        pickle.dump(drawn, file, protocol=pickle.HIGHEST_PROTOCOL)
    partial.replace(_result_path(handoff))


if __name__ == "__main__":
    from ..executor import FIGURES_NAME, name_process

    name_process(FIGURES_NAME)
    _draw_pickled(Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3], sys.argv[4:])
