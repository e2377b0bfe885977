"""The work after the map: the alignment in a worker beside the summaries (small runs) or here, same tables."""

import time
import warnings

import pandas as pd
import pytest

import framing.after_map as after_map
from framing import analyze
from framing.errors import FramingError, FramingWarning
from framing.executor import worker_pool
from framing.pipeline import events_beside
from framing.tables import summary_rows

from .conftest import SEEDS

ALIGNMENT_TABLES = ("pairs", "events", "event_labels", "comparison", "omissions", "word_choice")


@pytest.fixture(scope="module")
def seeds_analysis():
    return analyze(SEEDS)


def inputs(analysis):
    """What the pipeline aligns: the summarised rows, every sentence, the lexicon, the seeds' events file."""
    return (summary_rows(analysis.sentences, analysis.terms, analysis.harms), analysis.sentences, analysis.lexicon,
            events_beside([SEEDS]))


def test_a_small_run_aligns_in_a_worker_with_the_same_tables_as_here(seeds_analysis):
    here = after_map.start_alignment(*inputs(seeds_analysis), pool=None, threads=1)
    assert here.futures == []
    expected = here.wait()
    assert len(expected["pairs"]) > 0 and len(expected["events"]) > 0
    with worker_pool(2, "local") as pool:
        aligning = after_map.start_alignment(*inputs(seeds_analysis), pool=pool, threads=2)
        assert len(aligning.futures) == 1
        got = aligning.wait()
    for name in ALIGNMENT_TABLES:
        pd.testing.assert_frame_equal(got[name], expected[name], obj=name)
        pd.testing.assert_frame_equal(got[name], getattr(seeds_analysis, name), obj=name)


def test_a_large_run_aligns_here(seeds_analysis, monkeypatch):
    monkeypatch.setattr(after_map, "ALIGN_IN_WORKER_SENTENCES", len(seeds_analysis.sentences) - 1)
    with worker_pool(2, "local") as pool:
        aligning = after_map.start_alignment(*inputs(seeds_analysis), pool=pool, threads=2)
        assert aligning.futures == []  # nothing sent: a worker would hold a second copy at the peak
        assert len(aligning.wait()["pairs"]) == len(seeds_analysis.pairs)


def test_the_workers_warnings_are_raised_here_when_waited_for(seeds_analysis, monkeypatch):
    monkeypatch.setattr(after_map, "FULL_GRID_LIMIT", 1)  # three documents are "many"; the fork inherits it
    with worker_pool(2, "local") as pool:
        with warnings.catch_warnings(record=True) as before:
            warnings.simplefilter("always")
            aligning = after_map.start_alignment(*inputs(seeds_analysis), pool=pool, threads=1)
            aligning.futures[0].result()
        assert before == []  # nothing shown until the run waits for it, where one process would have shown it
        with pytest.warns(FramingWarning, match="more than 1 documents: event_comparison.csv lists only"):
            tables = aligning.wait()
    assert tables["omissions"].empty


def test_a_users_mistake_found_in_the_worker_is_the_same_error_here(seeds_analysis, tmp_path):
    events = tmp_path / "events.toml"
    events.write_text("[[event]]\nname = 'talks'\nterms = ['talks']\nyear = [2020]\n", encoding="utf-8")
    summary, sentences, lexicon, _ = inputs(seeds_analysis)
    with worker_pool(2, "local") as pool:
        aligning = after_map.start_alignment(summary, sentences, lexicon, events, pool=pool, threads=1)
        with pytest.raises(FramingError, match="events.toml:4: event 1 has unknown key 'year'"):
            aligning.wait()


def test_end_pool_ends_idle_workers_now_and_busy_ones_once_their_work_is_done():
    with worker_pool(2, "local") as pool:
        assert pool.submit(sum, [1, 2]).result() == 3
        processes = list(pool._processes.values())
        after_map.end_pool(pool)  # nothing left for them
        assert not any(process.is_alive() for process in processes)
    with worker_pool(2, "local") as pool:
        future = pool.submit(sum, [3, 4])
        processes = list(pool._processes.values())
        after_map.end_pool(pool, after_map.Pending(future.result, [future]))
        deadline = time.monotonic() + 30
        while any(process.is_alive() for process in processes) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not any(process.is_alive() for process in processes)  # still inside the run's block
        assert future.result() == 7
