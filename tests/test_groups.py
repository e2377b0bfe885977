"""Group pairs are ordered as the multi-column sort they replace (the rest of groups.py: test_pipeline.py)."""

import numpy as np
import pytest

from framing.groups import _order_of


@pytest.mark.parametrize("numbers", [40, 2**31])  # a combined code; too large for one, np.lexsort
def test_pairs_are_ordered_by_group_then_sentence_stably(numbers):
    rng = np.random.default_rng(7)
    rank_a, rank_b = rng.integers(0, 3, 500), rng.integers(0, 3, 500)
    sent_a, sent_b = rng.integers(1, 40, 500), rng.integers(1, 40, 500)  # many ties: stability shows
    order = _order_of(rank_a, sent_a, rank_b, sent_b, groups=3, numbers=numbers)
    np.testing.assert_array_equal(order, np.lexsort((sent_b, rank_b, sent_a, rank_a)))
