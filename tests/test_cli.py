import pandas as pd
import pytest
from click.testing import CliRunner

from framing.cli import main

from .conftest import SEEDS


@pytest.fixture
def runner():
    return CliRunner()


def test_analyze_writes_the_sentence_table(runner, tmp_path):
    out = tmp_path / "out"
    result = runner.invoke(main, ["analyze", str(SEEDS), "--out", str(out)])
    assert result.exit_code == 0, result.output
    table = pd.read_csv(out / "sentences.csv")
    assert {"doc_id", "sent_id", "para_id", "section", "text", "n_words", "citations"} <= set(table.columns)
    assert set(table["doc_id"]) == {"wikipedia-2025", "wikipedia-2017", "dailymail-2020"}


@pytest.mark.parametrize("command", [[], ["analyze"]])
def test_every_command_has_help_with_an_example(runner, command):
    result = runner.invoke(main, [*command, "--help"])
    assert result.exit_code == 0
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
    assert result.exit_code == 2
    assert "unknown section 'footer'" in result.output


def test_out_pointing_at_a_file_is_refused(runner, tmp_path):
    target = tmp_path / "file.csv"
    target.write_text("keep me")
    result = runner.invoke(main, ["analyze", str(SEEDS), "--out", str(target)])
    assert result.exit_code == 1
    assert "not a folder" in result.output
    assert target.read_text() == "keep me"


def test_existing_out_folder_keeps_foreign_files(runner, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "notes.txt").write_text("mine")
    result = runner.invoke(main, ["analyze", str(SEEDS), "--out", str(out)])
    assert result.exit_code == 0
    assert (out / "notes.txt").read_text() == "mine"
