"""``--out`` safety: the user's files are never overwritten or deleted, and a folder never mixes two runs.

A run lists what it wrote in ``run.json`` (``outputs``). A file in ``--out`` with an output's name that no earlier
``run.json`` lists is the user's: the run is refused, before the analysis and again at write time, and nothing
changes. Files an earlier run listed and this one does not write are removed. Every failure leaves ``--out`` as
it was and no ``.framing-*`` staging folder beside it.
"""

from __future__ import annotations

import errno
import json
import os
from dataclasses import replace
from pathlib import Path

import pytest
from click.testing import CliRunner

import framing.report.html
import framing.report.outdir
import framing.report.write
from framing.cli import main
from framing.errors import FramingError
from framing.figures.registry import FIGURES
from framing.report import GROUP_TABLE_NAMES, RUN_JSON, output_names, write_analysis

ARTICLES = {
    "planet-1": ("Planet", "The regime said the talks would resume on Monday. Officials gave no date for the "
                           "meeting.\n\nA spokesman declined to comment on the claims."),
    "planet-2": ("Planet", "Protesters marched in the capital. The police said the crowd was peaceful.\n\n"
                           "Critics called the crackdown a massacre."),
    "bugle-1": ("Bugle", "The government said the talks would resume. The minister praised the heroes of the "
                         "ceasefire.\n\nOfficials reportedly met for three hours."),
    "bugle-2": ("Bugle", "Crowds gathered in the capital on Sunday. Witnesses said the police fired into the "
                         "air.\n\nThe ministry denied the claims and said the move was lawful."),
}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """Four short articles from two outlets, as a corpus table with an ``outlet`` column."""
    import csv

    path = tmp_path_factory.mktemp("corpus") / "articles.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["id", "outlet", "text"])
        for doc_id, (outlet, text) in ARTICLES.items():
            writer.writerow([doc_id, outlet, text])
    return path


@pytest.fixture(scope="module")
def grouped(corpus):
    """The corpus analysed with ``group_by="outlet"`` (figures and report compare outlets)."""
    from framing.pipeline import TableOptions, analyze

    return analyze(corpus, table=TableOptions(meta_columns=("outlet",)), group_by="outlet")


@pytest.fixture(scope="module")
def plain(grouped):
    """The same analysis without grouping: one figure panel per document, no group tables."""
    return replace(grouped, group_by=None)


_STEMS: dict[tuple, list[str]] = {}


@pytest.fixture(autouse=True)
def quick_figures(monkeypatch):
    """Figures drawn as blank 1 × 1 inch canvases: these tests are about files, and drawing and saving the real
    figures at 200 dpi takes most of a run's 2 s. Which figures a view gets is still the real
    ``build_figures``' answer, asked once per view."""
    import matplotlib.pyplot as plt

    import framing.figures.build

    real = framing.figures.build.iter_figures

    def quick(analysis, *, pair=None, view=None):
        key = (analysis.group_by, tuple(analysis.order))
        if key not in _STEMS:
            figures = dict(real(analysis, pair=pair, view=view))
            _STEMS[key] = list(figures)
            for figure in figures.values():
                plt.close(figure)
        return iter([(stem, plt.figure(figsize=(1, 1))) for stem in _STEMS[key]])

    monkeypatch.setattr(framing.figures.build, "iter_figures", quick)


def snapshot(root: Path) -> dict[str, tuple]:
    """Every file and folder under ``root``: kind, bytes and modification time, by relative path."""
    state = {}
    for path in sorted(root.rglob("*")):
        info = path.lstat()
        name = path.relative_to(root).as_posix()
        state[name] = ("dir", info.st_mtime_ns) if path.is_dir() else ("file", path.read_bytes(), info.st_mtime_ns)
    return state


def tool_files(out: Path) -> list[str]:
    return json.loads((out / RUN_JSON).read_text(encoding="utf-8"))["outputs"]


def files_in(out: Path) -> list[str]:
    return sorted(path.relative_to(out).as_posix() for path in out.rglob("*") if path.is_file())


def assert_no_staging(parent: Path) -> None:
    assert not list(parent.glob(".framing-*")), "a staging folder was left behind"


def user_folder(tmp_path: Path, files: dict[str, str]) -> Path:
    out = tmp_path / "out"
    for name, text in files.items():
        (out / name).parent.mkdir(parents=True, exist_ok=True)
        (out / name).write_text(text, encoding="utf-8")
    return out


# --- the user's files with output names: refused, nothing changed ----------------------------------------------

def test_users_report_md_is_refused_before_any_analysis(tmp_path, corpus, monkeypatch):
    import framing.pipeline

    def must_not_run(*args, **kwargs):
        raise AssertionError("the analysis ran although --out was refused")

    monkeypatch.setattr(framing.pipeline, "analyze", must_not_run)
    out = user_folder(tmp_path, {"report.md": "# my own notes\n", "notes.txt": "mine", "drafts/a.txt": "draft"})
    before = snapshot(tmp_path)
    result = CliRunner().invoke(main, ["analyze", str(corpus), "--out", str(out)])
    assert result.exit_code == 1, result.output
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert lines == [f"Error: {out}: --out holds files framing did not write and would overwrite: report.md (no "
                     "run.json of an earlier framing run there lists them); choose another --out folder, or move "
                     "those files away"]
    assert snapshot(tmp_path) == before
    assert_no_staging(tmp_path)


def test_users_figure_is_refused_at_write_time(tmp_path, plain):
    # A file that appears while the analysis runs is caught when the files are written.
    out = user_folder(tmp_path, {"figures/01_sentiment_distribution.png": "my own plot", "notes.txt": "mine"})
    before = snapshot(tmp_path)
    with pytest.raises(FramingError, match=r"would overwrite: figures/01_sentiment_distribution\.png \(no"):
        write_analysis(out, plain, options={})
    assert snapshot(tmp_path) == before
    assert_no_staging(tmp_path)


def test_users_file_appearing_during_writing_is_refused_before_moving(tmp_path, plain, monkeypatch):
    out = user_folder(tmp_path, {"notes.txt": "mine"})
    real = framing.report.outdir.move_into_place

    def user_saves_a_file_meanwhile(staging, out_dir, outputs):
        (out_dir / "terms.csv").write_text("my own table", encoding="utf-8")
        return real(staging, out_dir, outputs)

    monkeypatch.setattr(framing.report.write, "move_into_place", user_saves_a_file_meanwhile)
    with pytest.raises(FramingError, match="would overwrite: terms.csv"):
        write_analysis(out, plain, options={})
    assert files_in(out) == ["notes.txt", "terms.csv"]
    assert (out / "terms.csv").read_text(encoding="utf-8") == "my own table"
    assert_no_staging(tmp_path)


def test_many_user_files_are_named_up_to_five(tmp_path):
    out = user_folder(tmp_path, {name: "mine" for name in ("documents.csv", "sentences.csv", "terms.csv",
                                                             "events.csv", "report.html", "report.md",
                                                             "run.json")})
    with pytest.raises(FramingError) as error:
        framing.report.prepare_out_dir(out)
    assert ": documents.csv, events.csv, report.html, report.md, run.json and 2 more (" in str(error.value)


def test_users_own_run_json_does_not_vouch_for_other_files(tmp_path):
    out = user_folder(tmp_path, {"run.json": json.dumps({"outputs": ["report.md"]}), "report.md": "mine"})
    with pytest.raises(FramingError, match=r"would overwrite: report\.md, run\.json \(no run\.json"):
        framing.report.prepare_out_dir(out)


def test_run_json_of_an_older_framing_lists_nothing(tmp_path):
    old = {"inputs": [], "options": {}, "versions": {"framing": "0.0.9", "python": "3.11.7"}}
    out = user_folder(tmp_path, {"run.json": json.dumps(old), "report.html": "<p>old</p>"})
    with pytest.raises(FramingError, match=r"report\.html, run\.json \(its run\.json comes from an older framing "
                                           r"that did not list its outputs\)"):
        framing.report.prepare_out_dir(out)


def test_folder_with_an_output_name_is_refused(tmp_path):
    out = tmp_path / "out"
    (out / "report.html").mkdir(parents=True)
    (out / "report.html" / "index.html").write_text("mine", encoding="utf-8")
    with pytest.raises(FramingError, match=r"would overwrite: report\.html \("):
        framing.report.prepare_out_dir(out)


def test_output_names_cover_every_file_a_run_can_write():
    names = output_names()
    assert {"report.html", "report.md", "run.json", "sentences.csv", *GROUP_TABLE_NAMES} <= names
    assert "figures/07_sentiment_arc.svg" in names and "figures/01_sentiment_distribution.png" in names
    assert len([name for name in names if name.startswith("figures/")]) == 2 * len(FIGURES)  # PNG and SVG each
    assert "notes.txt" not in names and "figures/mine.png" not in names


# --- successful runs ----------------------------------------------------------------------------------------------

def test_new_folder_gets_the_outputs_in_one_rename(tmp_path, plain):
    out = tmp_path / "a" / "b" / "out"
    written = write_analysis(out, plain, options={})
    outputs = tool_files(out)
    assert outputs == sorted(outputs) == files_in(out)
    assert written == [out / name for name in outputs]
    assert {"report.html", "report.md", "run.json", "figures/07_sentiment_arc.png"} <= set(outputs)
    assert not set(GROUP_TABLE_NAMES) & set(outputs)
    # mkdtemp makes a private folder; --out gets the mode a plain mkdir gives it.
    umask = os.umask(0)
    os.umask(umask)
    assert out.stat().st_mode & 0o777 == 0o777 & ~umask
    assert_no_staging(out.parent)


def test_unrelated_user_files_are_kept_untouched(tmp_path, plain):
    out = user_folder(tmp_path, {"notes.txt": "mine", "drafts/chapter.md": "draft",
                                 "figures/my_plot.png": "my own plot"})
    os.utime(out / "notes.txt", ns=(1_000_000_000, 1_000_000_000))
    mine = {name: state for name, state in snapshot(out).items() if state[0] == "file"}
    write_analysis(out, plain, options={})
    after = snapshot(out)
    assert {name: after[name] for name in mine} == mine
    outputs = tool_files(out)
    assert sorted([*outputs, *mine]) == files_in(out)
    assert "figures/my_plot.png" not in outputs and "notes.txt" not in outputs
    assert_no_staging(tmp_path)


@pytest.mark.parametrize("with_user_file", [False, True], ids=["only-outputs", "beside-user-files"])
def test_rerun_into_own_output_replaces_it(tmp_path, plain, with_user_file):
    out = user_folder(tmp_path, {"notes.txt": "mine"} if with_user_file else {})
    write_analysis(out, plain, options={"run": 1})
    (out / "report.md").write_text("stale", encoding="utf-8")  # the rerun must replace the tool's own file
    folder = out.stat().st_ino
    write_analysis(out, plain, options={"run": 2})
    # Only the tool's files: the whole folder is swapped for the new one. Beside the user's: the same folder.
    assert (out.stat().st_ino == folder) is with_user_file
    assert json.loads((out / RUN_JSON).read_text(encoding="utf-8"))["options"] == {"run": 2}
    assert (out / "report.md").read_text(encoding="utf-8") != "stale"
    assert files_in(out) == sorted([*tool_files(out), *(["notes.txt"] if with_user_file else [])])
    assert_no_staging(tmp_path)


@pytest.mark.parametrize("with_user_file", [False, True], ids=["only-outputs", "beside-user-files"])
def test_stale_group_files_are_removed_by_a_run_without_groups(tmp_path, grouped, plain, with_user_file):
    out = user_folder(tmp_path, {"notes.txt": "mine"} if with_user_file else {})
    write_analysis(out, grouped, options={"group_by": "outlet"})
    first = tool_files(out)
    assert set(GROUP_TABLE_NAMES) <= set(first)
    assert "figures/07_sentiment_arc.svg" not in first  # an arc follows one document, not a group
    write_analysis(out, plain, options={})
    second = tool_files(out)
    assert not set(GROUP_TABLE_NAMES) & set(second)
    assert "figures/07_sentiment_arc.svg" in second
    assert files_in(out) == sorted([*second, *(["notes.txt"] if with_user_file else [])])
    assert_no_staging(tmp_path)


def test_stale_figures_are_removed_by_a_run_that_draws_fewer(tmp_path, plain, grouped):
    out = user_folder(tmp_path, {"notes.txt": "mine"})
    write_analysis(out, plain, options={})
    assert (out / "figures" / "07_sentiment_arc.png").exists()
    write_analysis(out, grouped, options={})
    assert not (out / "figures" / "07_sentiment_arc.png").exists()
    assert files_in(out) == sorted([*tool_files(out), "notes.txt"])


# --- failures while writing ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("existing", ["none", "previous-run", "previous-run-and-user-files"])
def test_failure_while_writing_leaves_out_as_it_was(tmp_path, plain, monkeypatch, existing):
    out = tmp_path / "parent" / "out"
    if existing != "none":
        write_analysis(out, plain, options={"run": 1})
    if existing == "previous-run-and-user-files":
        (out / "notes.txt").write_text("mine", encoding="utf-8")
        (out / "drafts").mkdir()
        (out / "drafts" / "a.txt").write_text("draft", encoding="utf-8")
    # The folder holding --out gets a staging folder and loses it again, so only its listing is compared.
    before = snapshot(out) if out.exists() else None, sorted(tmp_path.rglob("*"))

    def half_a_report(folder, analysis, *, view=None, run=None, table_format="csv"):
        (Path(folder) / "report.html").write_text("<p>half", encoding="utf-8")
        raise OSError("disk full")

    monkeypatch.setattr(framing.report.html, "write_report", half_a_report)
    with pytest.raises(OSError, match="disk full"):
        write_analysis(out, plain, options={"run": 2})
    assert (snapshot(out) if out.exists() else None, sorted(tmp_path.rglob("*"))) == before
    assert_no_staging(out.parent if out.parent.exists() else tmp_path)
    if existing == "none":
        assert not (tmp_path / "parent").exists()  # the folders created for --out are gone too


def test_interrupted_file_by_file_move_lists_everything_the_tool_wrote(tmp_path, grouped, plain, monkeypatch):
    # Beside user files the outputs move one by one; cut off halfway, run.json still lists every file of the
    # tool in the folder, so the next run takes them for its own and tidies up.
    out = user_folder(tmp_path, {"notes.txt": "mine"})
    write_analysis(out, plain, options={})
    real = framing.report.outdir._replace

    def interrupted(source, target):
        if target.name == "omissions.csv":  # after groups.csv: the files move in sorted order
            raise KeyboardInterrupt
        real(source, target)

    monkeypatch.setattr(framing.report.outdir, "_replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_analysis(out, grouped, options={"group_by": "outlet"})
    monkeypatch.setattr(framing.report.outdir, "_replace", real)
    assert_no_staging(tmp_path)
    assert (out / "groups.csv").exists()  # moved before the interruption
    assert set(files_in(out)) - {"notes.txt"} <= set(tool_files(out))
    write_analysis(out, plain, options={})
    assert files_in(out) == sorted([*tool_files(out), "notes.txt"])
    assert not (out / "groups.csv").exists()


def test_out_as_a_symlink_stays_a_symlink(tmp_path, plain):
    # Swapping folders would replace the link by a real folder; the files go into the folder it points at.
    real = user_folder(tmp_path, {})
    real.mkdir(exist_ok=True)
    link = tmp_path / "link"
    link.symlink_to(real, target_is_directory=True)
    write_analysis(link, plain, options={})
    write_analysis(link, plain, options={})
    assert link.is_symlink()
    assert files_in(real) == tool_files(real)
    assert_no_staging(tmp_path)


def test_out_as_a_broken_symlink_is_refused(tmp_path):
    link = tmp_path / "link"
    link.symlink_to(tmp_path / "gone", target_is_directory=True)
    with pytest.raises(FramingError, match="--out is a symbolic link to a folder that does not exist"):
        framing.report.prepare_out_dir(link)


# --- issue 21: an --out the run could not write, or an input folder, is refused before any work ----------------

@pytest.mark.parametrize(("code", "reason"), [(errno.EROFS, "Read-only file system"),
                                              (errno.ENOSPC, "No space left on device"),
                                              (errno.EACCES, "Permission denied")])
def test_unwritable_out_is_refused_before_any_analysis(tmp_path, two_documents, monkeypatch, code, reason):
    # A read-only mount, a full disk or a folder without write permission (reproduced by the probe failing as
    # the system would; the tests run as root, to whom permissions are no obstacle).
    def failing_probe(folder):
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(framing.report.outdir, "_probe", failing_probe)
    monkeypatch.setattr("framing.pipeline.score_batch", lambda *a, **k: pytest.fail("a document was scored"))
    out = tmp_path / "new" / "out"
    result = CliRunner().invoke(main, ["analyze", str(two_documents), "--out", str(out)])
    assert result.exit_code == 1
    assert result.stderr.strip().splitlines() == [
        f"Error: {out}: --out cannot be written: creating a file in {str(tmp_path)!r} failed ({reason}); "
        "choose another --out folder"]
    assert not (tmp_path / "new").exists()


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_read_only_parent_of_out_is_refused(tmp_path):
    parent = tmp_path / "locked"
    parent.mkdir(mode=0o500)
    with pytest.raises(FramingError, match="--out cannot be written: creating a file in .* failed"):
        framing.report.prepare_out_dir(parent / "out")


def test_the_writability_probe_leaves_nothing_behind(tmp_path):
    out = user_folder(tmp_path, {"notes.txt": "mine"})
    framing.report.prepare_out_dir(out)
    assert files_in(tmp_path) == ["out/notes.txt"]
    assert_no_staging(tmp_path)
    assert_no_staging(out)


def test_out_inside_a_file_is_refused(tmp_path):
    (tmp_path / "report.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(FramingError, match=r"--out cannot be created: '.*report\.txt' is a file, not a folder"):
        framing.report.prepare_out_dir(tmp_path / "report.txt" / "out")


def test_out_equal_to_the_input_folder_is_refused(tmp_path, two_documents):
    # The reported case: a second run read the first run's report.md as a document.
    result = CliRunner().invoke(main, ["analyze", str(two_documents), "--out", str(two_documents)])
    assert result.exit_code == 1
    assert result.stderr.strip().splitlines() == [
        f"Error: {two_documents}: --out is the input folder {str(two_documents)!r}: the next run would read this "
        "run's report.md as a document; choose a folder outside it (or a subfolder)"]
    assert sorted(path.name for path in two_documents.iterdir()) == ["denial.txt", "talks.txt"]


def test_out_equal_to_an_outlet_subfolder_read_is_refused(tmp_path):
    # corpus/ holds only corpus/bbc and corpus/sun, so it is read as those: --out corpus/bbc would leave a run.json
    # there, and the next run would pass over bbc's articles as an earlier run's output.
    for outlet in ("bbc", "sun"):
        (tmp_path / "corpus" / outlet).mkdir(parents=True)
        (tmp_path / "corpus" / outlet / "a.txt").write_text("The talks resumed on Monday.")
    corpus = tmp_path / "corpus"
    with pytest.raises(FramingError, match=r"--out is the input folder '.*corpus/bbc': the next run would read"):
        framing.report.prepare_out_dir(corpus / "bbc", inputs=[corpus])
    assert framing.report.prepare_out_dir(corpus / "out", inputs=[corpus]) == corpus / "out"
    assert framing.report.prepare_out_dir(corpus / "bbc" / "out", inputs=[corpus]) == corpus / "bbc" / "out"


def test_out_in_a_subfolder_of_the_input_folder_is_allowed(two_documents):
    # A folder's documents are those at its top level: the run's files in a subfolder are never read.
    assert framing.report.prepare_out_dir(two_documents / "out", inputs=[two_documents]) == two_documents / "out"
    with pytest.raises(FramingError, match="--out is the input folder"):
        framing.report.prepare_out_dir(two_documents / ".", inputs=[two_documents])


@pytest.mark.slow
def test_the_view_of_a_large_corpus_is_announced_by_the_run_and_again_only_when_it_changed(tmp_path):
    import warnings

    from framing.errors import FramingWarning
    from framing.pipeline import analyze
    from framing.views import View

    texts = {f"d{k:02d}": f"The minister spoke on day {k}. Critics said the plan was reckless." for k in range(13)}

    def notices(call) -> list[str]:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            call()
        return [str(w.message) for w in caught
                if issubclass(w.category, FramingWarning) and "too many to show side by side" in str(w.message)]

    runs = []
    assert len(notices(lambda: runs.append(analyze(texts, jobs=1)))) == 1
    analysis = runs[0]
    assert notices(lambda: write_analysis(tmp_path / "same", analysis, options={})) == []
    # An Analysis whose view no longer fits its documents is shown in the view chosen again, which is said.
    stale = replace(analysis, view=View("documents", None, 13, "size", ""))
    assert notices(lambda: write_analysis(tmp_path / "changed", stale, options={})) == [analysis.view.reason]
