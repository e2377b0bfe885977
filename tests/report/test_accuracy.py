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
                  "targets_blind4": "Who is called what (fourth blind set)",
                  "targets_blind5": "Who is called what (fifth blind set)",
                  "targets_blind6": "Who is called what (sixth blind set)",
                  "targets_blind7": "Who is called what (seventh blind set)",
                  "targets_blind8": "Who is called what (eighth blind set)",
                  "targets_blind9": "Who is called what (ninth blind set)",
                  "targets_blind10": "Who is called what (tenth blind set)",
                  "targets_blind11": "Who is called what (eleventh blind set)",
                  "targets_blind12": "Who is called what (twelfth blind set)",
                  "targets_blind13": "Who is called what (thirteenth blind set)",
                  "targets_blind14": "Who is called what (fourteenth blind set)"}


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


BLIND_ROW = "target right, among the lexicon's hits (sets labelled blind, first run on each)"


def who_is_called_what(record: dict) -> dict[str, dict]:
    return {row["measure"]: row for row in accuracy_rows(record) if row["area"] == "Who is called what"}


def test_the_blind_target_sets_share_one_row_reading_their_range():
    # Thirteen sets would be thirteen rows; one row keeps the table readable, each set's number stays in its note.
    record = {"targets_holdout": {"first_run": {"labelled": 66, "target_accuracy": 0.697}},
              "targets_blind3": {"first_run": {"labelled": 112, "target_accuracy": 0.5}},
              "targets_blind4": {"first_run": {"labelled": 100, "target_accuracy": 0.61}},
              "targets_blind5": {"first_run": {"labelled": 103, "target_accuracy": 0.58}},
              "targets_blind6": {"first_run": {"labelled": 84, "target_accuracy": 0.72}},
              "targets_blind7": {"first_run": {"labelled": 87, "target_accuracy": 0.66}},
              "targets_blind8": {"first_run": {"labelled": 99, "target_accuracy": 0.64}},
              "targets_blind9": {"first_run": {"labelled": 87, "target_accuracy": 0.69}},
              "targets_blind10": {"first_run": {"labelled": 99, "target_accuracy": 0.63}},
              "targets_blind11": {"first_run": {"labelled": 102, "target_accuracy": 0.6}},
              "targets_blind12": {"first_run": {"labelled": 108, "target_accuracy": 0.65}},
              "targets_blind13": {"first_run": {"labelled": 90, "target_accuracy": 0.62}},
              "targets_blind14": {"first_run": {"labelled": 84, "target_accuracy": 0.64}}}
    shown = who_is_called_what(record)
    assert [measure for measure in shown if "blind" in measure] == [BLIND_ROW]
    row = shown[BLIND_ROW]
    assert row["value"] == "0.50–0.72"
    assert row["data"].startswith("on thirteen sets labelled blind, each run after fixes on the sets before it: ")
    assert row["data"].split(": ", 1)[1].split(" · ") == [
        "hold-out 0.697 (66 hits in 8 excerpts, undated)", "third 0.500 (112 hits in 12 excerpts, undated)",
        "fourth 0.610 (100 hits in 10 excerpts, undated)", "fifth 0.580 (103 hits in 10 excerpts, undated)",
        "sixth 0.720 (84 hits in 10 excerpts, undated)", "seventh 0.660 (87 hits in 10 excerpts, undated)",
        "eighth 0.640 (99 hits in 10 excerpts, undated)", "ninth 0.690 (87 hits in 10 excerpts, undated)",
        "tenth 0.630 (99 hits in 10 excerpts, undated)", "eleventh 0.600 (102 hits in 10 excerpts, undated)",
        "twelfth 0.650 (108 hits in 10 excerpts, undated)", "thirteenth 0.620 (90 hits in 10 excerpts, undated)",
        "fourteenth 0.640 (84 hits in 10 excerpts, undated)"]


@pytest.mark.parametrize("unrun", ["targets_blind6", "targets_blind7", "targets_blind8", "targets_blind9",
                                   "targets_blind10", "targets_blind11", "targets_blind12", "targets_blind13",
                                   "targets_blind14"])
def test_a_set_without_a_first_run_leaves_the_blind_row_as_it_was(unrun):
    # Each blind set is committed before its first run: until the linker's owner runs it, its table may be missing,
    # empty, or hold a later run only; none of these may change (or break) the row the earlier sets give.
    earlier = {"targets_holdout": {"first_run": {"labelled": 66, "target_accuracy": 0.697}},
               "targets_blind5": {"measured": "2026-07-01", "first_run": {"labelled": 103, "target_accuracy": 0.58}}}
    expected = who_is_called_what(earlier)[BLIND_ROW]
    assert expected["value"] == "0.58–0.70" and expected["measured"] == "2026-07-01"
    name = {"targets_blind6": "sixth", "targets_blind7": "seventh", "targets_blind8": "eighth",
            "targets_blind9": "ninth", "targets_blind10": "tenth", "targets_blind11": "eleventh",
            "targets_blind12": "twelfth", "targets_blind13": "thirteenth",
            "targets_blind14": "fourteenth"}[unrun]
    for table in ({}, {"measured": "2026-08-01"}, {"first_run": {}}, {"latest": {"target_accuracy": 0.9}}):
        row = who_is_called_what({**earlier, unrun: table})[BLIND_ROW]
        assert row == expected, table
        assert name not in row["data"] and row["data"].startswith("on two sets")


def test_the_blind_row_names_only_the_sets_measured_and_is_absent_before_any():
    one = who_is_called_what({"targets_blind4": {"first_run": {"labelled": 100, "target_accuracy": 0.61}}})[BLIND_ROW]
    assert one["value"] == "0.610"
    assert one["data"].startswith("on one set labelled blind") and "third" not in one["data"]
    assert "fourth 0.610 (100 hits in 10 excerpts" in one["data"]
    # A set whose first run is not stored yet (the fifth, until the linker's owner runs it) is not counted.
    two = who_is_called_what({"targets_blind3": {"first_run": {"labelled": 112, "target_accuracy": 0.625}},
                              "targets_blind4": {"first_run": {"labelled": 100, "target_accuracy": 0.58}},
                              "targets_blind5": {"latest": {"target_accuracy": 0.9}}})[BLIND_ROW]
    assert two["value"] == "0.58–0.62" and two["data"].startswith("on two sets") and "fifth" not in two["data"]
    unmeasured = who_is_called_what({"targets": {"first_run": {"target_accuracy": 0.5}}})
    assert BLIND_ROW not in unmeasured and unmeasured


def test_each_who_is_called_what_row_shows_the_date_of_its_own_run():
    record = {"targets": {"measured": "2026-03-09", "first_run": {"measured": "2026-01-05", "target_accuracy": 0.7},
                          "latest": {"measured": "2026-03-09", "target_accuracy": 0.88}},
              "targets_holdout": {"measured": "2026-04-01", "first_run": {"measured": "2026-02-10",
                                                                          "target_accuracy": 0.697}},
              "targets_blind3": {"measured": "2026-05-20", "first_run": {"target_accuracy": 0.625}},
              "targets_blind4": {"measured": "2026-06-30", "first_run": {"measured": "2026-06-30",
                                                                         "target_accuracy": 0.61}}}
    shown = who_is_called_what(record)
    dates = {measure: row["measured"] for measure, row in shown.items()}
    assert dates["target right, among the lexicon's hits (first run)"] == "2026-01-05"
    assert dates["target right, among the lexicon's hits (after fixing general rules on the set)"] == "2026-03-09"
    # The blind sets' row carries the latest of their first runs; each set's own date is in its note, and a run
    # stored without its own date falls back to its set's table, never to the first set's.
    assert dates[BLIND_ROW] == "2026-06-30"
    note = shown[BLIND_ROW]["data"]
    assert "hold-out 0.697 (— hits in 8 excerpts, 2026-02-10)" in note
    assert "third 0.625 (— hits in 12 excerpts, 2026-05-20)" in note
    assert "fourth 0.610 (— hits in 10 excerpts, 2026-06-30)" in note
