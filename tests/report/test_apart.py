"""framing.report.apart: a large run's figures drawn by a spawned process from the tables they read, the same files."""

import pickle
import subprocess
import sys
import warnings

import pandas as pd
import pytest

from framing import analyze
from framing.errors import FramingWarning
from framing.executor import available_cores
from framing.report import apart, drawing, write_analysis
from framing.figures.registry import AFTER_ALIGNMENT, FIGURES
from framing.report.apart import UNREAD_TABLES, figure_inputs
from framing.report.drawing import FORK_SENTENCE_LIMIT, EarlyFigures, drawing_apart

from .test_drawing import files_of

needs_two_cores = pytest.mark.skipif(available_cores() < 2, reason="figures are drawn apart only beside a second core")


@needs_two_cores
@pytest.mark.parametrize(("jobs", "sentences", "apart"), [
    (None, FORK_SENTENCE_LIMIT + 1, True),
    (2, FORK_SENTENCE_LIMIT + 1, True),
    (1, FORK_SENTENCE_LIMIT + 1, False),  # one process asked for
    (None, FORK_SENTENCE_LIMIT, False),   # forked children draw them
])
def test_drawing_apart(jobs, sentences, apart):
    assert drawing_apart(jobs, sentences) is apart


def test_figure_inputs_empty_the_unread_tables_and_drop_the_texts(two_documents):
    analysis = analyze([two_documents])
    sent = figure_inputs(analysis)
    for name in UNREAD_TABLES:
        assert getattr(sent, name).empty and list(getattr(sent, name).columns) == list(getattr(analysis, name).columns)
    assert not analysis.pairs.empty and not analysis.terms.empty  # so the emptying above was seen
    pd.testing.assert_frame_equal(sent.sentences, analysis.sentences.drop(columns="text"))
    pd.testing.assert_frame_equal(sent.corpus.documents, analysis.corpus.documents.drop(columns="text"))
    assert sent.corpus.paragraphs.empty and sent.documents is analysis.documents
    assert len(pickle.dumps(sent)) < len(pickle.dumps(analysis))


def written(analysis, out, *, jobs, early=None):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        write_analysis(out, analysis, options={}, jobs=jobs, early=early)
    return files_of(out), [str(w.message) for w in caught if issubclass(w.category, FramingWarning)]


def instances_of_figures_apart(monkeypatch) -> list:
    """Every FiguresApart made from now on (to see whether it drew in its process)."""
    made = []
    original = apart.FiguresApart.__init__

    def recorded(self, *args, **kwargs):
        original(self, *args, **kwargs)
        made.append(self)
    monkeypatch.setattr(apart.FiguresApart, "__init__", recorded)
    return made


@pytest.mark.slow
@needs_two_cores
def test_figures_drawn_apart_are_the_files_drawn_here_with_the_same_warnings(tmp_path, monkeypatch):
    # One document has no word shift: its warning comes from the spawned process and is raised again here.
    folder = tmp_path / "one"
    folder.mkdir()
    (folder / "a.txt").write_text("The regime said the talks would resume. Officials called it a brutal crime.\n")
    analysis = analyze([folder])
    here, warned_here = written(analysis, tmp_path / "here", jobs=1)
    monkeypatch.setattr(drawing, "FORK_SENTENCE_LIMIT", 0)  # as a run too large for forked children
    made = instances_of_figures_apart(monkeypatch)
    drawn_apart, warned_apart = written(analysis, tmp_path / "apart", jobs=None)
    assert len(made) == 1 and made[0].process.returncode == 0
    assert not made[0].handoff.exists()  # the pickled run, removed by the process that read it
    assert sorted(here) == sorted(drawn_apart) and any(name.endswith(".png") for name in here)
    assert [name for name in here if here[name] != drawn_apart[name]] == []
    assert any(message.startswith("figure 05_word_shift left out") for message in warned_apart), warned_apart
    assert warned_here == warned_apart


def stems_drawn_by(figures_apart) -> list[str]:
    """The figures a FiguresApart's process was asked to draw (the last arguments of its command)."""
    return [arg for arg in figures_apart.process.args if arg in FIGURES]


def early_apart_run(paths, monkeypatch, **options):
    """A run too large for forked children (as far as the drawing knows) whose figures began before its
    alignment: the EarlyFigures (still open), the analysis and every FiguresApart made."""
    monkeypatch.setattr(drawing, "FORK_SENTENCE_LIMIT", 0)
    made = instances_of_figures_apart(monkeypatch)
    early = EarlyFigures(None)
    return early, analyze(paths, before_alignment=early.start, **options), made


EARLY = [stem for stem in FIGURES if stem not in AFTER_ALIGNMENT]


@pytest.mark.slow
@needs_two_cores
def test_figures_begun_apart_before_the_alignment_are_the_files_drawn_here(two_documents, tmp_path, monkeypatch):
    here, warned_here = written(analyze([two_documents]), tmp_path / "here", jobs=1)
    early, analysis, made = early_apart_run([two_documents], monkeypatch)
    assert len(made) == 1 and stems_drawn_by(made[0]) == EARLY == early.apart_stems
    with early:
        drawn, warned = written(analysis, tmp_path / "apart", jobs=None, early=early)
    # A second process drew only what reads the alignment; the first one's files were moved in, its folder removed.
    assert len(made) == 2 and stems_drawn_by(made[1]) == sorted(AFTER_ALIGNMENT)
    assert all(figures_apart.process.returncode == 0 for figures_apart in made)
    assert not early._folder.exists() and not made[0].handoff.exists()
    assert sorted(here) == sorted(drawn) and [name for name in here if here[name] != drawn[name]] == []
    assert warned == warned_here


@pytest.mark.slow
@needs_two_cores
def test_early_figures_whose_process_died_are_drawn_here(two_documents, tmp_path, monkeypatch):
    here, _ = written(analyze([two_documents]), tmp_path / "here", jobs=1)
    early, analysis, made = early_apart_run([two_documents], monkeypatch)
    made[0].process.kill()
    with early:
        drawn, _ = written(analysis, tmp_path / "apart", jobs=None, early=early)
    assert made[0].process.returncode != 0
    assert sorted(here) == sorted(drawn) and [name for name in here if here[name] != drawn[name]] == []


@needs_two_cores
def test_a_large_run_that_compares_groups_draws_no_figure_before_its_alignment(tmp_path, monkeypatch):
    # Regrouping reads tables the new process is not sent: every figure is drawn beside the tables.
    table = tmp_path / "corpus.csv"
    pd.DataFrame({"id": ["a", "b", "c"], "outlet": ["X", "X", "Y"],
                  "text": ["The regime said the talks would resume.", "Officials called it a brutal crime.",
                           "Rebels said the talks had failed."]}).to_csv(table, index=False)
    early, analysis, made = early_apart_run([table], monkeypatch, meta_columns="outlet", group_by="outlet")
    assert analysis.view.group_by == "outlet"
    assert made == [] and early.apart_stems == [] and early._folder is None


@needs_two_cores
def test_leaving_early_figures_apart_unused_stops_their_process(two_documents, monkeypatch):
    early, analysis, made = early_apart_run([two_documents], monkeypatch)
    with pytest.raises(KeyboardInterrupt), early:
        raise KeyboardInterrupt
    assert made[0].process.returncode is not None and not made[0].handoff.exists()
    assert not early._folder.exists()


@needs_two_cores
def test_a_run_that_cannot_be_pickled_draws_its_figures_here(two_documents, tmp_path, monkeypatch):
    analysis = analyze([two_documents])
    here, _ = written(analysis, tmp_path / "here", jobs=1)
    monkeypatch.setattr(drawing, "FORK_SENTENCE_LIMIT", 0)
    made = instances_of_figures_apart(monkeypatch)

    def unpicklable(*args, **kwargs):
        raise pickle.PicklingError("cannot pickle")
    monkeypatch.setattr(apart.pickle, "dump", unpicklable)
    drawn_here, _ = written(analysis, tmp_path / "fallback", jobs=None)
    assert len(made) == 1 and made[0].process is None and not made[0].handoff.exists()
    assert [name for name in here if here[name] != drawn_here.get(name)] == []


@pytest.mark.slow
@needs_two_cores
def test_a_script_without_a_main_guard_runs_once(tmp_path):
    # multiprocessing's spawn would run the script again in the drawing process: its corpus analysed twice.
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "a.txt").write_text("The regime said the talks would resume. Officials called it a crime.\n")
    (tmp_path / "docs" / "b.txt").write_text("Rebels said the talks had failed. A spokesman denied the report.\n")
    script = tmp_path / "script.py"
    log = str(tmp_path / "runs.log")
    script.write_text(
        "import framing\n"
        "from framing.report import apart, drawing\n"
        "drawing.FORK_SENTENCE_LIMIT = 0\n"
        "original = apart.FiguresApart.drawn\n"
        "def drawn(self):\n"
        "    result = original(self)\n"
        f"    open({log!r}, 'a').write('drawn apart\\n' if result is not None else 'drawn here\\n')\n"
        "    return result\n"
        "apart.FiguresApart.drawn = drawn\n"
        f"open({log!r}, 'a').write('run\\n')\n"
        f"framing.analyze([{str(tmp_path / 'docs')!r}]).write({str(tmp_path / 'out')!r})\n")
    done = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "runs.log").read_text() == "run\ndrawn apart\n"
    assert len(list((tmp_path / "out" / "figures").glob("*.png"))) >= 6
