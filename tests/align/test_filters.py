"""Ranks within groups, as the partner filter uses them."""

import numpy as np
import pandas as pd

from framing.align.filters import _min_rank


def test_ranks_within_each_group_largest_first_ties_at_the_better_place():
    group = np.array([7, 3, 7, 7, 3, 7, 3])
    value = np.array([0.5, 0.9, 0.8, 0.5, 0.9, 0.2, 0.1])
    np.testing.assert_array_equal(_min_rank(group, value), [2, 1, 1, 2, 1, 4, 3])


def test_ranks_equal_pandas_rank_min_on_many_ties():
    rng = np.random.default_rng(5)
    group, value = rng.integers(0, 300, 20_000), np.round(rng.random(20_000), 2)
    expected = pd.Series(value).groupby(group).rank(method="min", ascending=False).to_numpy()
    np.testing.assert_array_equal(_min_rank(group, value), expected.astype(np.int64))
    assert len(_min_rank(np.zeros(0, np.int64), np.zeros(0))) == 0
