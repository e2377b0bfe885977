"""Actors files: bad ones refused with one line naming the file and line, before any work; good ones used."""

import shutil

import pandas as pd
import pytest
from click.testing import CliRunner

from framing.cli import main
from framing.scorers.actors import read_actors_file

from ...conftest import SEEDS

GOOD = '''[[actor]]
name = "Qasem Soleimani"
aliases = ["Haj Qasem"]
group = "Iran"
'''


@pytest.mark.parametrize("text, where, message", [
    ('[[actor]]\nname = "Iran"\naliases = [Tehran]\n', ":3", "not valid TOML"),
    ('[[actor]]\nname = "Iran"\n\n[[actor]]\naliases = ["Syria"]\n', ":4", "actor 2 needs a name"),
    ('[[actor]]\nname = "Iran"\naliases = ["Tehran"]\n\n[[actor]]\nname = "Syria"\naliases = ["tehran"]\n', ":7",
     "'tehran' is claimed by two actors ('Iran' and 'Syria')"),
    ('[[actor]]\nname = "Iran"\nside = "axis"\n', ":3", "unknown key 'side'"),
    ('[[actor]]\nname = "Iran"\naliases = "Tehran"\n', ":3", "aliases must be a list"),
    ('[[actors]]\nname = "Iran"\n', ":1", "unknown key 'actors'"),
])
def test_bad_actors_file_gets_one_line_with_its_line_number(tmp_path, text, where, message):
    path = tmp_path / "actors.toml"
    path.write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["analyze", str(SEEDS), "--actors", str(path), "--out", str(out)])
    assert result.exit_code == 1
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and f"actors.toml{where}: " in lines[0] and message in lines[0], result.output
    assert "Traceback" not in result.output and not out.exists()


def test_missing_actors_file_is_refused_before_any_work(tmp_path):
    result = CliRunner().invoke(main, ["analyze", str(SEEDS), "--actors", str(tmp_path / "none.toml"),
                                       "--out", str(tmp_path / "out")])
    assert result.exit_code == 1 and "none.toml" in result.output and "not found" in result.output
    assert not (tmp_path / "out").exists()


def test_good_file_reads_names_aliases_and_groups(tmp_path):
    path = tmp_path / "actors.toml"
    path.write_text(GOOD, encoding="utf-8")
    (spec,) = read_actors_file(path)
    assert (spec.name, spec.aliases, spec.group) == ("Qasem Soleimani", ("Haj Qasem",), "Iran")


@pytest.fixture(scope="module")
def seeds_with_actors(tmp_path_factory):
    """The seeds run with an actors.toml beside them (read without --actors)."""
    folder = tmp_path_factory.mktemp("corpus") / "seeds"
    shutil.copytree(SEEDS, folder)
    (folder / "actors.toml").write_text(GOOD, encoding="utf-8")
    out = folder.parent / "out"
    result = CliRunner().invoke(main, ["analyze", str(folder), "--out", str(out)])
    assert result.exit_code == 0, result.output
    return out


def test_seeds_have_the_new_columns_and_tables(seeds_with_actors):
    terms = pd.read_csv(seeds_with_actors / "terms.csv", keep_default_na=False)
    assert list(terms.columns[-4:]) == ["target", "target_text", "relation", "speaker"]
    assert set(terms["relation"]) <= {"", "premodifier", "appositive", "copula", "naming", "possessive", "referent"}
    labels = pd.read_csv(seeds_with_actors / "labels.csv", keep_default_na=False)
    assert list(labels.columns) == ["doc_id", "actor", "category", "voice", "n"]
    actors = pd.read_csv(seeds_with_actors / "actors.csv", keep_default_na=False)
    assert list(actors.columns) == ["doc_id", "actor", "group", "mentions", "aliases"]
    soleimani = actors[(actors["doc_id"] == "dailymail-2020") & (actors["actor"] == "Qasem Soleimani")].iloc[0]
    assert soleimani["group"] == "Iran"  # the user's file names the actor and its group
    assert {"Soleimani", "Qassem Soleimani", "General Soleimani"} <= set(soleimani["aliases"].split("; "))


def test_seeds_show_who_each_document_calls_what(seeds_with_actors):
    labels = pd.read_csv(seeds_with_actors / "labels.csv", keep_default_na=False)
    terms = pd.read_csv(seeds_with_actors / "terms.csv", keep_default_na=False)
    mail = terms[(terms["doc_id"] == "dailymail-2020") & (terms["lemma"] == "terrorist")].iloc[0]
    assert (mail["target"], mail["voice"], mail["speaker"]) == ("Qasem Soleimani", "authorial", "")
    martyr = terms[(terms["doc_id"] == "wikipedia-2025") & (terms["lemma"] == "martyr")].iloc[0]
    assert (martyr["target"], martyr["voice"], martyr["relation"]) == ("Qasem Soleimani", "reported", "naming")
    assert martyr["speaker"].startswith("speaker of the Iranian parliament Ali Larijani")
    honoured = labels[(labels["doc_id"] == "wikipedia-2025") & (labels["actor"] == "Qasem Soleimani")]
    assert honoured[["category", "voice"]].values.tolist() == [["honorific_label", "reported"]]
