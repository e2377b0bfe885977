"""The same command twice gives the same bytes: every CSV, SVG, PNG, HTML and Markdown file.

The two runs are separate processes with different ``PYTHONHASHSEED`` values, so anything that depends on the
iteration order of a set or the ``hash()`` of a string shows up as a difference. ``run.json`` records what may
legitimately differ between machines (Python and package versions); between these two runs nothing differs.
"""

import json
import os
import re
import subprocess
import sys
from importlib.resources import files

import pytest

from framing.figures.registry import FIGURES

from ..conftest import SEEDS

COMPARED = {".csv", ".svg", ".png", ".html", ".md", ".json"}


def analyze_seeds(out, hash_seed: int) -> None:
    env = {**os.environ, "PYTHONHASHSEED": str(hash_seed)}
    subprocess.run([sys.executable, "-c", "from framing.cli import main; main()", "analyze", str(SEEDS),
                    "--out", str(out)], env=env, check=True, capture_output=True, timeout=300)


@pytest.fixture(scope="module")
def two_runs(tmp_path_factory):
    root = tmp_path_factory.mktemp("reproducible")
    analyze_seeds(root / "a", hash_seed=1)
    analyze_seeds(root / "b", hash_seed=2)
    return root / "a", root / "b"


def output_files(folder):
    return sorted(path.relative_to(folder) for path in folder.rglob("*") if path.is_file())


def test_two_runs_write_the_same_files_byte_for_byte(two_runs):
    a, b = two_runs
    names = output_files(a)
    assert names == output_files(b)
    assert {name.suffix for name in names} == COMPARED
    assert len([name for name in names if name.suffix == ".svg"]) == len(FIGURES)  # every figure has something to show
    different = [str(name) for name in names if (a / name).read_bytes() != (b / name).read_bytes()]
    assert different == []


def test_run_json_records_versions_and_no_time(two_runs):
    a, _ = two_runs
    record = json.loads((a / "run.json").read_text(encoding="utf-8"))
    versions = record["versions"]
    assert re.fullmatch(r"3\.\d+\.\d+", versions["python"])
    for package in ("framing", "nltk", "vaderSentiment", "pandas", "numpy", "matplotlib", "scikit-learn"):
        assert re.fullmatch(r"\d+(\.\w+)+", versions[package]), package
    assert [entry["sha256"] for entry in record["inputs"]] and record["lexicon"]["sha256"]
    clock_keys = [key for key in _keys(record)
                  if re.search(r"(?:^|_)(?:time|times|timings?|timestamp|date|created|started)(?:$|_)", key)]
    assert clock_keys == []


def _keys(value):
    if isinstance(value, dict):
        for key, item in value.items():
            yield key
            yield from _keys(item)
    elif isinstance(value, list):
        for item in value:
            yield from _keys(item)


def test_outputs_carry_no_timestamps(two_runs):
    # A timestamp with day resolution would pass the byte comparison of two runs on the same day, so look for
    # one: every ISO date in the outputs must come from the inputs (the manifest's publication dates) or from
    # the package's benchmark record, and no time of day may appear anywhere.
    a, _ = two_runs
    known = set()
    for source in [*SEEDS.glob("*"), files("framing.data").joinpath("accuracy.json")]:
        known |= set(re.findall(r"\d{4}-\d{2}-\d{2}", source.read_text(encoding="utf-8")))
    for name in output_files(a):
        if name.suffix == ".png":
            assert b"tIME" not in (a / name).read_bytes(), name
            continue
        text = (a / name).read_text(encoding="utf-8")
        assert set(re.findall(r"\b\d{4}-\d{2}-\d{2}\b", text)) <= known, name
        assert not re.search(r"\b\d{2}:\d{2}:\d{2}\b", text), name
        if name.suffix == ".svg":
            assert "<dc:date>" not in text
