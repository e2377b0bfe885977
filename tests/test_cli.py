import json

import pandas as pd
import pytest
from click.testing import CliRunner

from framing.cli import main

from .conftest import SEEDS


@pytest.fixture
def runner():
    return CliRunner()


@pytest.fixture(scope="module")
def seed_run(tmp_path_factory):
    """One ``framing analyze seeds`` run (with ``--pair``), shared by the tests that read what it wrote."""
    out = tmp_path_factory.mktemp("seeds") / "out"
    result = CliRunner().invoke(main, ["analyze", str(SEEDS), "--out", str(out),
                                       "--pair", "dailymail-2020,wikipedia-2017"])
    return result, out


def test_analyze_writes_the_sentence_table(seed_run):
    result, out = seed_run
    assert result.exit_code == 0, result.output
    table = pd.read_csv(out / "sentences.csv")
    assert {"doc_id", "sent_id", "para_id", "section", "text", "n_words", "citations"} <= set(table.columns)
    assert set(table["doc_id"]) == {"wikipedia-2025", "wikipedia-2017", "dailymail-2020"}


def test_the_command_group_has_help_with_an_example(runner):
    result = runner.invoke(main, ["--help"])
    assert result.exit_code == 0
    assert "Example" in result.output


@pytest.mark.parametrize("name", sorted(main.commands))
def test_every_command_has_help_with_an_example(runner, name):
    result = runner.invoke(main, [name, "--help"])
    assert result.exit_code == 0, result.output
    usage = result.output.splitlines()[0]
    assert usage.startswith("Usage: ") and f" {name} " in usage, usage
    assert "Example" in result.output


def test_missing_path_gives_one_clear_line_and_no_output(runner, tmp_path):
    out = tmp_path / "out"
    result = runner.invoke(main, ["analyze", str(tmp_path / "nope.txt"), "--out", str(out)])
    assert result.exit_code == 1
    assert "nope.txt: no such file or folder" in result.output
    assert "Traceback" not in result.output
    assert not out.exists()


def test_unknown_section_is_refused(runner, tmp_path):
    result = runner.invoke(main, ["analyze", str(SEEDS), "--sections", "body,footer", "--out", str(tmp_path / "o")])
    # Exit status 1 and one line, as for every other bad input (click's default was 2 and the usage text).
    assert result.exit_code == 1
    assert result.output.strip().splitlines() == [
        "Error: Invalid value for --sections: unknown section 'footer'; choose from headline, bullet, body, "
        "caption, subhead or 'all'"]


def test_out_pointing_at_a_file_is_refused(runner, tmp_path):
    target = tmp_path / "file.csv"
    target.write_text("keep me")
    result = runner.invoke(main, ["analyze", str(SEEDS), "--out", str(target)])
    assert result.exit_code == 1
    assert "not a folder" in result.output
    assert target.read_text() == "keep me"


def test_existing_out_folder_keeps_foreign_files(runner, tmp_path, two_documents):
    out = tmp_path / "out"
    out.mkdir()
    (out / "notes.txt").write_text("mine")
    result = runner.invoke(main, ["analyze", str(two_documents), "--out", str(out)])
    assert result.exit_code == 0
    assert (out / "notes.txt").read_text() == "mine"


def test_exact_alignment_is_recorded_in_the_run(runner, tmp_path, two_documents):
    out = tmp_path / "out"
    result = runner.invoke(main, ["analyze", str(two_documents), "--out", str(out), "--exact-alignment"])
    assert result.exit_code == 0, result.output
    run = json.loads((out / "run.json").read_text())
    assert run["options"]["exact_alignment"] is True
    assert run["alignment"] == {"compared": "every pair", "note": ""}


def test_a_shortlisted_alignment_is_said_in_the_run_and_report(runner, tmp_path, two_documents, monkeypatch):
    import framing.align.products as products

    # As if the corpus were large: words in more than one sentence or run are common.
    monkeypatch.setattr(products, "common_limit", lambda frequency, uses, budget: 1)
    out = tmp_path / "out"
    result = runner.invoke(main, ["analyze", str(two_documents), "--out", str(out)])
    assert result.exit_code == 0, result.output
    run = json.loads((out / "run.json").read_text())
    assert run["alignment"]["compared"] == "shortlist"
    assert "compared only where their less common words" in run["alignment"]["note"]
    assert "About the alignment." in (out / "report.html").read_text(encoding="utf-8")
    assert "compared only where their less common words" in result.output  # the warning, on the terminal


@pytest.mark.parametrize("option", ["--lexicon", "--extend-lexicon", "--events"])
def test_missing_option_file_is_refused_before_any_work(runner, tmp_path, option):
    out = tmp_path / "out"
    result = runner.invoke(main, ["analyze", str(SEEDS), option, str(tmp_path / "none.tsv"), "--out", str(out)])
    assert result.exit_code == 1
    assert "none.tsv" in result.output and "not found" in result.output
    assert not out.exists()


def test_analyze_writes_every_contract_file(seed_run):
    result, out = seed_run
    assert result.exit_code == 0, result.output
    for name in ("documents.csv", "sentences.csv", "terms.csv", "events.csv", "contributions.csv", "run.json",
                 "report.html", "report.md", "rewrites.csv"):
        assert (out / name).exists(), name
    # Every registered figure has something to show on the seeds.
    from framing.figures.registry import FIGURES
    assert sorted(p.stem for p in (out / "figures").glob("*.png")) == sorted(FIGURES)
    sentences = pd.read_csv(out / "sentences.csv", keep_default_na=False)
    assert list(sentences.columns[:20]) == [
        "doc_id", "sent_id", "para_id", "section", "text", "n_words", "neg", "neu", "pos", "compound", "source",
        "source_kind", "cue", "stance", "quote", "quoted_share", "hedged", "hedge", "citations", "event_id"]
    terms = pd.read_csv(out / "terms.csv")
    # The first nine are the original contract; issue 17 appended who each label is applied to, and by whom.
    assert list(terms.columns) == ["doc_id", "sent_id", "term", "lemma", "category", "direction", "voice", "start",
                                   "end", "vader_valence", "target", "target_text", "relation", "speaker"]


def test_unknown_pair_is_refused(runner, tmp_path):
    result = runner.invoke(main, ["analyze", str(SEEDS), "--out", str(tmp_path / "o"), "--pair", "a,b"])
    assert result.exit_code == 1
    assert "--pair needs two different doc_ids" in result.output
    assert not (tmp_path / "o").exists()


def test_compare_two_files(runner, tmp_path, file_reads):
    out = tmp_path / "cmp"
    files = ["dailymail_soleimani_2020-01-03.txt", "wikipedia_soleimani_2017.txt"]
    result = runner.invoke(main, ["compare", *(str(SEEDS / name) for name in files), "--out", str(out)])
    assert result.exit_code == 0, result.output
    documents = pd.read_csv(out / "documents.csv")
    assert documents["doc_id"].tolist() == ["dailymail-2020", "wikipedia-2017"]
    # compare checks the two documents without reading them a second time
    assert [file_reads[name] for name in files] == [1, 1], file_reads


def test_compare_refuses_the_same_document_twice(runner, tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "a.txt").write_text("The regime said the talks would resume.\n", encoding="utf-8")
    (folder / "manifest.csv").write_text("doc_id,file\nstory,a.txt\n", encoding="utf-8")
    result = runner.invoke(main, ["compare", str(folder / "a.txt"), str(folder / "a.txt"),
                                  "--out", str(tmp_path / "cmp")])
    assert result.exit_code == 1
    assert "compare needs two different documents, got 1" in result.output


def test_lexicon_check_reports_the_line(runner, tmp_path):
    path = tmp_path / "mine.tsv"
    path.write_text("term\tcategory\tdirection\tneutral\tnote\nhero\tpraise\thonorific\tperson\tn\n")
    result = runner.invoke(main, ["lexicon", "--check", str(path)])
    assert result.exit_code == 1
    assert "mine.tsv:2: unknown category 'praise'" in result.output


def test_a_document_with_no_body_sentences_is_named_in_a_warning(runner, tmp_path):
    # Reported: a document whose every sentence was labelled a caption got NaN summaries and no word of why.
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "a.txt").write_text("The regime said the talks would resume. Officials gave no date.\n")
    (folder / "photos.txt").write_text("A photo essay (pictured) of the city. The streets were quiet.\n")
    result = runner.invoke(main, ["analyze", str(folder), "--out", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    assert ("photos.txt: has no body sentences (see the section column of sentences.csv), so its summaries are "
            "empty") in result.output
    assert "a.txt: has no" not in result.output


def test_a_very_long_doc_id_is_shortened_in_figures_and_headings(runner, tmp_path):
    # Reported: a 5,000-character doc_id made a 56,797-px-wide report and raw matplotlib layout warnings.
    from framing.figures._common import short_label

    long_id = "x" * 5000
    texts = [(SEEDS / name).read_text(encoding="utf-8")[:3000]
             for name in ("dailymail_soleimani_2020-01-03.txt", "wikipedia_soleimani_2017.txt")]
    corpus = tmp_path / "export.csv"
    pd.DataFrame({"id": [long_id, "short"], "text": texts}).to_csv(corpus, index=False)
    out = tmp_path / "out"
    result = runner.invoke(main, ["analyze", str(corpus), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "Warning" not in result.output and "constrained_layout" not in result.output
    assert pd.read_csv(out / "documents.csv")["doc_id"].tolist() == [long_id, "short"]  # tables keep it whole
    report = (out / "report.html").read_text(encoding="utf-8")
    assert f'<h3><span title="{long_id}">{short_label(long_id)}</span>' in report
    assert f'<span style="word-break: break-all">{long_id}</span>' in report  # the inputs table, wrapped


def test_python_dash_m_framing_runs_the_command_line():
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-m", "framing", "--help"], capture_output=True, text=True, check=False)
    assert done.returncode == 0
    assert done.stdout.startswith("Usage: framing ") and "analyze" in done.stdout


def test_the_commands_draw_with_the_file_only_backend(two_documents, tmp_path):
    # Whatever backend the user's environment asks for (here MPLBACKEND=svg), a command that only saves figures
    # draws with Agg: no GUI toolkit is started, and the processes that draw figures can be forked safely.
    import os
    import subprocess
    import sys

    script = ("from framing.cli import main\nimport matplotlib\n"
              "try:\n    main()\nexcept SystemExit:\n    pass\n"
              "print(matplotlib.get_backend())\n")
    result = subprocess.run([sys.executable, "-c", script, "analyze", str(two_documents), "--out",
                             str(tmp_path / "out")], capture_output=True, text=True, timeout=300,
                            env={**os.environ, "MPLBACKEND": "svg"})
    assert result.stdout.strip().splitlines()[-1].lower() == "agg", result.stderr[-2000:]
