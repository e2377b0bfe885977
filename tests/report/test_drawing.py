"""Figures drawn by forked children while the tables are written are the files drawn in-process, and warn alike."""

import concurrent.futures
import warnings
from pathlib import Path

import pytest

from framing import analyze
from framing.errors import FramingWarning
from framing.executor import FIGURES_NAME
from framing.figures.registry import AFTER_ALIGNMENT, FIGURES
from framing.report import write_analysis
from framing.report import drawing
from framing.report.drawing import FORK_SENTENCE_LIMIT, EarlyFigures, drawing_workers

from ..conftest import write_documents


@pytest.mark.parametrize(("jobs", "sentences", "workers"), [
    (1, 100, 0),                          # one process asked for: drawn here
    (2, 100, 2),
    (3, FORK_SENTENCE_LIMIT, 3),
    (2, FORK_SENTENCE_LIMIT + 1, 0),      # large runs: a child would count the parent's memory again
])
def test_drawing_workers(jobs, sentences, workers):
    assert drawing_workers(jobs, sentences) == workers


def files_of(folder):
    return {path.relative_to(folder).as_posix(): path.read_bytes() for path in folder.rglob("*") if path.is_file()}


def written_with(analysis, out, jobs):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        write_analysis(out, analysis, options={}, jobs=jobs)
    return files_of(out), [str(w.message) for w in caught if issubclass(w.category, FramingWarning)]


def test_forked_figures_are_the_same_files_with_the_same_warnings(two_documents, tmp_path):
    analysis = analyze([two_documents])
    here, warned_here = written_with(analysis, tmp_path / "here", jobs=1)
    forked, warned_forked = written_with(analysis, tmp_path / "forked", jobs=2)
    assert sorted(here) == sorted(forked)
    assert len([name for name in here if name.endswith(".png")]) >= 8
    assert [name for name in here if here[name] != forked[name]] == []
    assert warned_here == warned_forked


def test_a_figure_with_nothing_to_show_warns_from_a_child(tmp_path):
    # One document: no word shift (figure 5) — the warning is raised in a child and again in this process.
    folder = tmp_path / "one"
    folder.mkdir()
    (folder / "a.txt").write_text("The regime said the talks would resume. Officials gave no date.\n")
    analysis = analyze([folder])
    files, warned = written_with(analysis, tmp_path / "out", jobs=2)
    assert any(message.startswith("figure 05_word_shift left out") for message in warned), warned
    assert not any(name.startswith("figures/05_word_shift") for name in files)


class NoFigures:
    def makers(self):
        return {"01_a": None, "02_b": None}


@pytest.mark.skipif(not Path("/proc/self/comm").exists(), reason="process names are read from Linux's /proc")
def test_the_children_that_draw_are_named(tmp_path, monkeypatch):
    def process_name(stem, make, figure_dir):
        return Path("/proc/self/comm").read_text(encoding="ascii").strip()

    monkeypatch.setattr(drawing, "draw_and_save", process_name)  # inherited by the forked children
    pool, futures = drawing._forked(NoFigures(), ["01_a", "02_b"], tmp_path, workers=2)
    try:
        assert {future.result() for future in futures.values()} == {FIGURES_NAME}
    finally:
        pool.shutdown()


def early_and_final(paths, jobs=2):
    """A run whose figures began before its alignment: the EarlyFigures (still open) and the analysis."""
    early = EarlyFigures(jobs)
    return early, analyze(paths, before_alignment=early.start)


def written_early(early, analysis, out):
    with early, warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        write_analysis(out, analysis, options={}, jobs=2, early=early)
    return files_of(out), [str(w.message) for w in caught if issubclass(w.category, FramingWarning)]


def test_figures_begun_before_the_alignment_are_the_files_drawn_after_it(two_documents, tmp_path):
    # Figures outside AFTER_ALIGNMENT are drawn from the run before it aligns: if one of them read an alignment
    # table (empty then), its files would differ from those drawn from the whole run.
    early, analysis = early_and_final([two_documents])
    assert set(early.futures) == set(FIGURES) - AFTER_ALIGNMENT
    concurrent.futures.wait(early.futures.values())  # every early figure drawn from the run before alignment
    with_early, warned_early = written_early(early, analysis, tmp_path / "early")
    after, warned_after = written_with(analysis, tmp_path / "after", jobs=1)
    assert sorted(with_early) == sorted(after)
    assert [name for name in after if after[name] != with_early[name]] == []
    assert warned_early == warned_after
    assert not early._folder.exists()  # the early files were moved into the run's folder, their folder removed


@pytest.mark.slow
def test_spread_figures_begun_before_the_alignment_are_the_files_drawn_after_it(tmp_path):
    texts = {f"d{k:02d}.txt": f"The regime said talks {k} would resume. Officials denied the report on day {k}. "
                              f"A spokesman called the strike a brutal crime." for k in range(14)}
    folder = write_documents(tmp_path / "many", texts)
    early, analysis = early_and_final([folder])
    assert analysis.view.kind == "spread" and set(early.futures) == set(FIGURES) - AFTER_ALIGNMENT
    concurrent.futures.wait(early.futures.values())
    with_early, _ = written_early(early, analysis, tmp_path / "early")
    after, _ = written_with(analysis, tmp_path / "after", jobs=1)
    assert [name for name in after if after[name] != with_early.get(name)] == []


@pytest.mark.slow
def test_early_figures_not_yet_begun_are_drawn_with_the_others(two_documents, tmp_path):
    # One child draws nine figures for seconds; two documents align in a fraction of one: when the run is
    # written, most early figures have not begun, and are drawn with figures 5 and 6 instead.
    early, analysis = early_and_final([two_documents])
    futures = dict(early.futures)
    files, _ = written_early(early, analysis, tmp_path / "early")
    after, _ = written_with(analysis, tmp_path / "after", jobs=1)
    assert any(future.cancelled() for future in futures.values())
    assert [name for name in after if after[name] != files.get(name)] == [] and sorted(files) == sorted(after)


def test_early_figures_are_not_used_for_another_view(two_documents, tmp_path):
    early, analysis = early_and_final([two_documents])
    other = analysis.view._replace(reason="another")
    assert early.taken_for(other) == {}
    assert all(not future.cancelled() for future in early.futures.values())
    with early:
        pass


def test_leaving_early_figures_on_an_error_stops_them_and_removes_their_folder(two_documents):
    early, analysis = early_and_final([two_documents])
    processes = list(early._pool._processes.values())
    with pytest.raises(KeyboardInterrupt), early:
        raise KeyboardInterrupt
    assert not early._folder.exists()
    assert all(not process.is_alive() for process in processes)


def test_no_early_figures_on_one_core(two_documents):
    one, _ = early_and_final([two_documents], jobs=1)
    assert one.futures == {}
    with one:
        pass


@pytest.mark.slow
def test_figures_of_groups_begun_before_the_alignment_are_the_files_drawn_after_it(tmp_path):
    # The child regroups the run as it stands before the alignment: a figure outside AFTER_ALIGNMENT that read
    # a regrouped alignment table (empty there) would differ from the one drawn from the whole run.
    path = tmp_path / "outlets.csv"
    rows = [f"a{k},o{k % 3},\"The regime said talks {k} would resume. Officials denied the report on day {k}. "
            f"A spokesman called the strike a brutal crime, {k} witnesses said.\"\n" for k in range(9)]
    path.write_text("id,outlet,text\n" + "".join(rows), encoding="utf-8")
    early = EarlyFigures(2)
    analysis = analyze(path, meta_columns="outlet", group_by="outlet", before_alignment=early.start)
    assert analysis.view.group_by == "outlet" and set(early.futures) == set(FIGURES) - AFTER_ALIGNMENT
    concurrent.futures.wait(early.futures.values())
    assert all(future.exception() is None for future in early.futures.values())
    with_early, warned_early = written_early(early, analysis, tmp_path / "early")
    after, warned_after = written_with(analysis, tmp_path / "after", jobs=1)
    assert "groups.csv" in after and sorted(with_early) == sorted(after)
    assert [name for name in after if after[name] != with_early[name]] == []
    assert warned_early == warned_after


def test_without_a_temporary_folder_every_figure_is_drawn_at_writing(two_documents, tmp_path, monkeypatch):
    import tempfile

    def full(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(tempfile, "mkdtemp", full)
    early, analysis = early_and_final([two_documents])
    assert early.futures == {}
    monkeypatch.undo()  # the run's staging folder is made the same way
    files, _ = written_early(early, analysis, tmp_path / "out")
    after, _ = written_with(analysis, tmp_path / "after", jobs=1)
    assert sorted(files) == sorted(after)
