"""The warning digest: a few warnings of each kind shown, the rest counted, every one recorded."""

import functools
import json
import warnings
from pathlib import Path

import pytest
from click.testing import CliRunner

import framing.pipeline
from framing.cli import main
from framing.errors import FramingWarning, warn
from framing.warning_digest import WarningDigest, kind_of


def raised(where, problem) -> FramingWarning:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        warn(where, problem)
    return caught[0].message


def test_a_kind_is_the_problem_without_its_numbers_names_or_place():
    html = [raised("a.csv:row 2", "looks like HTML: removed 11 tags"),
            raised("b.txt", "looks like HTML: removed 5 tags")]
    assert kind_of(html[0]) == kind_of(html[1]) == "looks like HTML: removed # tags"
    assert kind_of(raised("e.csv", "row 8: empty 'text' (document 'a00006'); skipped")) == \
        "row #: empty # (document #); skipped"
    assert kind_of("does not look like English (only 5% of its words …), 1,000.5 words") == \
        "does not look like English (only # of its words …), # words"
    assert kind_of(html[0]) != kind_of(raised("a.txt", "does not look like English"))


def test_three_of_a_kind_are_shown_then_one_note_then_nothing():
    digest = WarningDigest()
    warned = [raised(f"x.csv:row {row}", f"looks like HTML: removed {row} tags") for row in range(2, 9)]
    shown = [digest.shown(message) for message in warned]
    assert shown[:3] == [[message] for message in warned[:3]]
    assert shown[3] == ["more warnings like “looks like HTML: removed 2 tags” follow; they are counted, not shown "
                        "(run.json lists every warning)"]
    assert shown[4:] == [[], [], []]
    # Another kind is shown in full though the first kind is being counted.
    view = raised(None, "the view changed")
    assert digest.shown(view) == [view]
    assert digest.summary() == ["7 warnings in all like “looks like HTML: removed 2 tags” (4 not shown; run.json "
                                "lists every warning)"]


def test_no_summary_when_every_warning_was_shown():
    digest = WarningDigest()
    for row in range(3):
        digest.shown(raised(f"x.csv:row {row}", "looks like HTML"))
    assert digest.summary() == []


def test_the_record_keeps_every_warning_in_order_and_no_absolute_path(tmp_path):
    digest = WarningDigest(shown_per_kind=1)
    digest.shown(raised(tmp_path / "export.csv", "row 2: empty 'text' (document 'a'); skipped"))
    digest.shown(raised(None, "more than 50 documents"))
    digest.shown("a plain string")
    assert digest.record() == [
        {"where": "export.csv", "problem": "row 2: empty 'text' (document 'a'); skipped"},
        {"where": None, "problem": "more than 50 documents"},
        {"where": None, "problem": "a plain string"},
    ]


def test_a_long_problem_is_cut_in_the_lines_about_its_kind():
    digest = WarningDigest(shown_per_kind=0)
    (line,) = digest.shown(raised("a.txt", "looks like HTML " + "x" * 200))
    assert "“looks like HTML xxx" in line and "x…”" in line and len(line) < 200


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_the_command_line_counts_warnings_of_a_kind_and_run_json_lists_them_all(tmp_path, monkeypatch, jobs):
    # Batches of two documents: with two workers, four batches whose warnings come back in batch order.
    monkeypatch.setattr(framing.pipeline, "document_batches",
                        functools.partial(framing.pipeline.document_batches, batch_size=2, least_characters=0))
    rows = [f'a{i},"<p>Officials said the talks would resume.</p><p>Row {i} gave no date.</p>"' for i in range(7)]
    corpus = tmp_path / "export.csv"
    corpus.write_text("id,text\n" + "\n".join(rows) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["analyze", str(corpus), "--out", str(out), "--jobs", jobs])
    assert result.exit_code == 0, result.output
    shown = [line for line in result.stderr.splitlines() if "looks like HTML" in line]
    # The first three in row order (the workers' warnings are raised again in batch order), one note, the count.
    assert [line.split(": looks")[0] for line in shown[:3]] == [f"warning: export.csv:row {row}" for row in (2, 3, 4)]
    assert "are counted, not shown" in shown[3]
    assert shown[4].startswith("warning: 7 warnings in all like “looks like HTML: removed 2 tags") and \
        "(4 not shown; run.json lists every warning)" in shown[4]
    assert len(shown) == 5
    recorded = json.loads((out / "run.json").read_text())["warnings"]
    html = [entry for entry in recorded if entry["problem"].startswith("looks like HTML")]
    assert [entry["where"] for entry in html] == [f"export.csv:row {row}" for row in range(2, 9)]
    assert not any(Path(entry["where"] or "x").is_absolute() for entry in recorded)
