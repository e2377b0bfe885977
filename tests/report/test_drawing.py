"""Figures drawn by forked children while the tables are written are the files drawn in-process, and warn alike."""

import warnings

import pytest

from framing import analyze
from framing.errors import FramingWarning
from framing.report import write_analysis
from framing.report.drawing import FORK_SENTENCE_LIMIT, drawing_workers


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
