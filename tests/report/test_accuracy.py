"""The benchmark numbers: packaged data only, written by the benchmark scripts, and in step with RESULTS.md."""

from __future__ import annotations

import importlib.util
import json
import re
from importlib.resources import files

import pytest

from framing.report import accuracy, accuracy_rows

from ..conftest import ROOT

BENCHMARKS = ("sentiment", "alignment", "loaded_terms", "attribution")
RESULTS_MD = ROOT / "benchmarks" / "RESULTS.md"
# The RESULTS.md section each benchmark script writes.
SECTION_TITLES = {"sentiment": "Sentiment (VADER on NYT editorial snippets)", "alignment": "Alignment (gold pairs)",
                  "loaded_terms": "Loaded terms (MBIC development, BABE test)",
                  "attribution": "Attribution (development set)",
                  "fresh": "Fresh set (other stories, labelled before the first run)",
                  "passive": "Passive voice (agency scorer)",
                  "agency_fresh": "Agency (fresh harm set, labelled before the first run)",
                  "targets": "Who is called what (targets set)",
                  "targets_holdout": "Who is called what (hold-out set)",
                  "targets_blind3": "Who is called what (third blind set)",
                  "targets_blind4": "Who is called what (fourth blind set)"}


def packaged() -> dict:
    return json.loads(files("framing.data").joinpath("accuracy.json").read_text(encoding="utf-8"))


def results_module(monkeypatch, tmp_path):
    """benchmarks/results.py, writing into ``tmp_path`` instead of the package and benchmarks/."""
    spec = importlib.util.spec_from_file_location("benchmark_results", ROOT / "benchmarks" / "results.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    monkeypatch.setattr(module, "ACCURACY", tmp_path / "accuracy.json")
    monkeypatch.setattr(module, "RESULTS", tmp_path / "RESULTS.md")
    return module


def test_report_reads_the_packaged_numbers_only():
    record = accuracy()
    stored = packaged()
    assert {key: record[key] for key in BENCHMARKS} == {key: stored[key] for key in BENCHMARKS}
    for key in BENCHMARKS:
        assert record[key]["measured"]
    assert record["origin"]
    assert "not measured yet" not in {row["measure"] for row in accuracy_rows(record)}


def test_a_benchmark_missing_from_the_data_says_not_measured():
    rows = accuracy_rows({key: {} for key in BENCHMARKS})
    assert [row["area"] for row in rows] == ["Sentiment", "Loaded terms", "Attribution", "Other stories",
                                             "How harm is told", "Who is called what", "Alignment"]
    assert {row["measure"] for row in rows} == {"not measured yet"}


def test_publish_stores_one_table_and_renders_the_section_from_it(monkeypatch, tmp_path):
    results = results_module(monkeypatch, tmp_path)
    results.publish("alignment", "Alignment (gold pairs)", {"precision": 0.82}, lambda t: "first run",
                    date="2026-01-01")
    table = results.publish("sentiment", "Sentiment", {"snippets": 5190, "pearson_r": 0.503},
                            lambda t: f"r = {t['pearson_r']:.3f} on {t['snippets']:,} ({t['measured']})",
                            date="2026-01-02")
    results.publish("alignment", "Alignment (gold pairs)", {"precision": 0.8}, lambda t: "second run",
                    date="2026-01-03")
    assert table == {"measured": "2026-01-02", "snippets": 5190, "pearson_r": 0.503}
    stored = json.loads((tmp_path / "accuracy.json").read_text(encoding="utf-8"))
    assert stored == {"alignment": {"measured": "2026-01-03", "precision": 0.8}, "sentiment": table}
    text = (tmp_path / "RESULTS.md").read_text(encoding="utf-8")
    assert "## Sentiment\n\nMeasured 2026-01-02.\n\nr = 0.503 on 5,190 (2026-01-02)\n" in text
    assert "## Alignment (gold pairs)\n\nMeasured 2026-01-03.\n\nsecond run\n" in text and "first run" not in text


def test_packaged_numbers_match_benchmarks_results():
    # Both are written by the same script run; a hand edit of one of them shows up here.
    if not RESULTS_MD.exists():
        pytest.skip("benchmarks/RESULTS.md is not beside the source (installed package)")
    text = RESULTS_MD.read_text(encoding="utf-8")
    for key, table in packaged().items():
        found = re.search(rf"^## {re.escape(SECTION_TITLES[key])}\n(.*?)(?=^## |\Z)", text, re.MULTILINE | re.DOTALL)
        assert found, f"no section for {key} in benchmarks/RESULTS.md"
        section = found.group(1)
        assert f"Measured {table['measured']}." in section, key
        for name, value in table.items():
            if isinstance(value, (int, float)) and not isinstance(value, bool):
                shown = {str(value), f"{value:,}", f"{value:.2f}", f"{value:.3f}"}
                assert any(text_ in section for text_ in shown), (key, name, value)


def test_each_blind_target_set_gets_its_first_run_row_once_measured():
    holdout = {"first_run": {"labelled": 66, "target_accuracy": 0.697}}
    blind3 = {"first_run": {"labelled": 112, "target_accuracy": 0.5}}
    rows = accuracy_rows({"targets_holdout": holdout, "targets_blind3": blind3})
    shown = {row["measure"]: row for row in rows if row["area"] == "Who is called what"}
    third = shown["target right, among the lexicon's hits (third blind set, first run)"]
    assert third["value"] == "0.500" and third["data"].startswith("112 hits in 12 excerpts on four more stories")
    holdout_row = shown["target right, among the lexicon's hits (hold-out set, first run after those fixes)"]
    assert holdout_row["value"] == "0.697"
    unmeasured = {row["measure"] for row in accuracy_rows({"targets_holdout": holdout})}
    assert not any("third blind set" in measure for measure in unmeasured)


def test_the_fourth_blind_set_gets_its_first_run_row_once_measured():
    blind4 = {"first_run": {"labelled": 100, "target_accuracy": 0.61}}
    shown = {row["measure"]: row for row in accuracy_rows({"targets_blind4": blind4})}
    fourth = shown["target right, among the lexicon's hits (fourth blind set, first run)"]
    assert fourth["value"] == "0.610" and fourth["data"].startswith("100 hits in 10 excerpts on four further stories")
    assert fourth["area"] == "Who is called what"
    unmeasured = {row["measure"] for row in accuracy_rows({"targets_blind3": {"first_run": {"target_accuracy": 0.5}}})}
    assert not any("fourth blind set" in measure for measure in unmeasured)


def test_each_who_is_called_what_row_shows_the_date_of_its_own_run():
    record = {"targets": {"measured": "2026-03-09", "first_run": {"measured": "2026-01-05", "target_accuracy": 0.7},
                          "latest": {"measured": "2026-03-09", "target_accuracy": 0.88}},
              "targets_holdout": {"measured": "2026-04-01", "first_run": {"measured": "2026-02-10",
                                                                          "target_accuracy": 0.697}},
              "targets_blind3": {"measured": "2026-05-20", "first_run": {"target_accuracy": 0.625}},
              "targets_blind4": {"measured": "2026-06-30", "first_run": {"measured": "2026-06-30",
                                                                         "target_accuracy": 0.61}}}
    dates = {row["measure"]: row["measured"] for row in accuracy_rows(record) if row["area"] == "Who is called what"}
    assert dates["target right, among the lexicon's hits (first run)"] == "2026-01-05"
    assert dates["target right, among the lexicon's hits (after fixing general rules on the set)"] == "2026-03-09"
    assert dates["target right, among the lexicon's hits (hold-out set, first run after those fixes)"] == "2026-02-10"
    # A run stored without its own date falls back to its set's table, never to the first set's.
    assert dates["target right, among the lexicon's hits (third blind set, first run)"] == "2026-05-20"
    assert dates["target right, among the lexicon's hits (fourth blind set, first run)"] == "2026-06-30"
