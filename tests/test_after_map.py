"""The work after the map: word contributions made by the workers, and the pool's end."""

import time

import pandas as pd

import framing.after_map as after_map
from framing.executor import worker_pool
from framing.scorers.contributions import contributions


def sentences_table(n: int) -> pd.DataFrame:
    texts = [f"The talks were a good step, officials said on day {k}." for k in range(n)]
    return pd.DataFrame({"doc_id": [f"d{k % 3}" for k in range(n)], "sent_id": range(1, n + 1), "start": 0,
                         "text": texts})


def test_contributions_in_the_workers_equal_those_made_here(monkeypatch):
    monkeypatch.setattr(after_map, "CONTRIBUTION_CHUNK", 4)  # three chunks
    sentences = sentences_table(10)
    here = after_map.start_contributions(sentences, None, 1, "local")
    assert here.futures == []
    expected = here.wait()
    assert expected["sent_id"].tolist() == list(range(1, 11)) and (expected["token"] == "good").all()
    with worker_pool(2, "local") as pool:
        made = after_map.start_contributions(sentences, None, 2, "local", pool)
        assert len(made.futures) == 3
        pd.testing.assert_frame_equal(made.wait(), expected)
    one = contributions(sentences[sentences["sent_id"] == 1].reset_index(drop=True))
    pd.testing.assert_frame_equal(expected[expected["sent_id"] == 1].reset_index(drop=True), one)


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
