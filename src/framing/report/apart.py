"""Drawing a large run's figures in a spawned process, beside the tables, from only what the figures read.

Above :data:`~framing.report.drawing.FORK_SENTENCE_LIMIT` sentences the figures are not drawn by forked children:
a fork counts the run's pages again in the process tree's resident size (3,000 articles: 0.85 → 2.0 GB). Drawn
in the run's process they came after the tables, on one core while the other idled: 5.3 s of a 10,000-article
run, 4.7–6.2 s at 3,000 articles. A *spawned* process starts empty: it imports framing and matplotlib and is sent
the run without what no figure reads — the tables of :data:`UNREAD_TABLES` emptied (their columns kept), the texts
of the documents and sentences, the paragraphs and removals — and draws every figure while this process writes
the tables. The files are the same (the same code draws them from the same numbers; ``tests/report``
compares them); when the process cannot be started, or dies, ``drawing`` draws them in the run's process as
before. At 3,000
articles the figures were then done 0.8 s after the tables instead of 5.1 s; at 10,000 articles grouped by outlet
the process tree's peak was 1,775 MB (RSS sum; 1,644–1,695 MB drawn here), the spawned process's imports about
2 CPU s on the core that idled (``benchmarks/RESULTS.md``, sessions 20–21).
"""

from __future__ import annotations

import multiprocessing
import pickle
import tempfile
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
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
    """The figures ``stems`` of a :class:`~framing.report.drawing.FigureSource`, drawn into ``figure_dir`` by one
    spawned process calling ``draw(source, stems, figure_dir)`` (a module-level function, which the process
    imports by name); :meth:`drawn` waits for them."""

    def __init__(self, source, stems: list[str], figure_dir: Path, draw: Callable):
        self.pool: ProcessPoolExecutor | None = None
        self.future: Future | None = None
        self.handoff: Path | None = None
        sent = source._replace(analysis=figure_inputs(source.analysis))
        try:
            # Pickled here, into a file the process reads and removes: a table that cannot be pickled means
            # drawing here rather than an error later, and this process does not hold the pickled bytes (about
            # 100 MB at 10,000 articles) while it writes the tables, as the pool would until the result came.
            with tempfile.NamedTemporaryFile(prefix="framing-figures-", suffix=".pickle", delete=False) as file:
                self.handoff = Path(file.name)
                pickle.dump(sent, file, protocol=pickle.HIGHEST_PROTOCOL)
            self.pool = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn"))
            self.future = self.pool.submit(_draw_pickled, self.handoff, stems, figure_dir, draw)
        except (pickle.PicklingError, TypeError, AttributeError, OSError):
            self.pool = None

    def drawn(self) -> dict | None:
        """What ``draw`` returned in the process; ``None`` when the process could not be started or died (the
        caller then draws here). A figure's own error is raised as it would be here."""
        try:
            return self.future.result() if self.future is not None else None
        except BrokenProcessPool:
            return None
        finally:
            self.remove_handoff()

    def remove_handoff(self) -> None:
        """Remove the pickled run if the process has not (it died, or never started)."""
        if self.handoff is not None:
            self.handoff.unlink(missing_ok=True)


def _draw_pickled(handoff: Path, stems: list[str], figure_dir: Path, draw: Callable) -> dict:
    """In the spawned process: ``draw`` the figures of the source pickled in ``handoff`` (removed once read)."""
    with open(handoff, "rb") as file:
        source = pickle.load(file)
    handoff.unlink(missing_ok=True)
    return draw(source, stems, figure_dir)
