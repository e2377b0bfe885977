"""Sparse products: row blocks within a budget, and the shortlist that compares a large corpus in linear time."""

import warnings

import numpy as np
import pandas as pd
import pytest
import scipy.sparse as sp
from sklearn.preprocessing import normalize

import framing.align.products as products
from framing.align import Aligner
from framing.align.products import RowBlock, Shortlist, row_blocks
from framing.errors import FramingWarning

from .test_align_copies import copied_corpus


def test_row_blocks_cover_every_row_once_and_keep_products_within_budget(monkeypatch):
    matrix = sp.random(60, 25, density=0.25, format="lil", random_state=3)
    matrix[5] = 0  # an empty row costs nothing
    matrix = matrix.tocsr()
    matrix.eliminate_zeros()
    monkeypatch.setattr(products, "PRODUCT_ENTRIES", 50)
    blocks = row_blocks(matrix, 45)
    assert blocks[0][0] == 0 and blocks[-1][1] == 45
    assert all(first[1] == second[0] for first, second in zip(blocks, blocks[1:]))
    frequency = np.bincount(matrix.indices, minlength=25)
    for start, stop in blocks:
        product_bound = sum(frequency[matrix[row].indices].sum() for row in range(start, stop))
        assert product_bound <= 50 or stop - start == 1
        assert (matrix[start:stop] @ matrix.T).nnz <= max(product_bound, 50)
    assert row_blocks(matrix, 0) == []


def unit_rows(seed: int = 4) -> sp.csr_matrix:
    """120 unit-length rows over 40 features; features 0–3 are in most rows (common words), the rest rare."""
    rng = np.random.default_rng(seed)
    dense = (rng.random((120, 40)) < 0.06) * rng.random((120, 40))
    dense[:, :4] = (rng.random((120, 4)) < 0.7) * rng.random((120, 4)) * 0.6
    return normalize(sp.csr_matrix(dense))


def common_above(monkeypatch, limit: int) -> None:
    """Make every corpus large enough for the shortlist, with features in more than ``limit`` units common."""
    monkeypatch.setattr(products, "common_limit", lambda frequency, uses, budget: limit)


def test_common_limit_sets_aside_the_commonest_features_until_the_rest_fit():
    frequency = np.array([1, 1, 2, 2, 5, 10])
    uses = np.array([1, 1, 2, 1, 5, 10])  # products: 1, 1, 4, 2, 25, 100 entries (133 in all)
    assert products.common_limit(frequency, uses, 133) is None
    assert products.common_limit(frequency, uses, 132) == 5
    assert products.common_limit(frequency, uses, 33) == 5
    assert products.common_limit(frequency, uses, 32) == 2
    assert products.common_limit(frequency, uses, 8) == 2
    assert products.common_limit(frequency, uses, 7) == 1
    assert products.common_limit(frequency, uses, 0) == 1


def test_budget_grows_with_the_matrix_beyond_a_floor(monkeypatch):
    matrix = unit_rows()
    assert products.product_budget(matrix) == products.EXACT_PRODUCT_ENTRIES
    monkeypatch.setattr(products, "EXACT_PRODUCT_ENTRIES", 10)
    assert products.product_budget(matrix) == products.ENTRIES_PER_USE * matrix.nnz


def test_no_shortlist_for_a_small_corpus_or_when_every_pair_is_asked_for(monkeypatch):
    matrix = unit_rows()
    assert Shortlist.of(matrix, 120) is None  # its exact products are far below the budget
    monkeypatch.setattr(products, "EXACT_PRODUCT_ENTRIES", 0)
    monkeypatch.setattr(products, "ENTRIES_PER_USE", 1)
    shortlist = Shortlist.of(matrix, 120)
    assert shortlist is not None and 0 in shortlist.common_features
    assert Shortlist.of(matrix, 120, compare_all=True) is None


def test_shortlist_splits_the_matrix_by_common_features(monkeypatch):
    matrix = unit_rows()
    common_above(monkeypatch, 30)
    shortlist = Shortlist.of(matrix, 120)
    frequency = np.bincount(matrix.indices, minlength=40)
    assert shortlist.common_features.tolist() == np.flatnonzero(frequency > 30).tolist() == [0, 1, 2, 3]
    assert abs(shortlist.uncommon + shortlist.common - matrix).max() == 0
    assert set(shortlist.common.indices) == {0, 1, 2, 3}
    assert not set(shortlist.uncommon.indices) & {0, 1, 2, 3}
    assert (shortlist.transposed != shortlist.uncommon.T).nnz == 0


def test_shortlist_entries_are_the_exact_entries_whose_uncommon_part_comes_near_the_threshold(monkeypatch):
    matrix, threshold = unit_rows(), 0.3
    common_above(monkeypatch, 30)
    shortlist = Shortlist.of(matrix, 120)
    a, b, value = shortlist.entries(RowBlock(10, 70), threshold)

    exact = (matrix[10:70] @ matrix.T).toarray()
    uncommon = (shortlist.uncommon[10:70] @ shortlist.uncommon.T).toarray()
    itself = np.arange(60)[:, None] + 10 == np.arange(120)  # each row with itself: its copies pair up
    rows, columns = np.nonzero((exact >= threshold) & ((uncommon >= products.CANDIDATE_SHARE * threshold) | itself))
    expected = dict(zip(zip(rows + 10, columns), exact[rows, columns]))
    found = dict(zip(zip(a.tolist(), b.tolist()), value))
    assert found.keys() == expected.keys()
    assert len(found) > 20
    assert max(abs(found[key] - expected[key]) for key in found) < 1e-12
    # What it leaves out: pairs above the threshold through their common words.
    left_out = (exact >= threshold) & (uncommon < products.CANDIDATE_SHARE * threshold)
    assert (left_out & ~itself).sum() > 0
    assert (left_out & itself).sum() > 0  # rows whose own uncommon words are few, listed with themselves all the same
    # Candidates that cannot reach the threshold even with their common words at most (the product of the two
    # rows' lengths in them) are dropped before their dot product: here too, and the entries above are exact.
    norms = np.linalg.norm(shortlist.common.toarray(), axis=1)
    candidates = (uncommon >= products.CANDIDATE_SHARE * threshold) | itself
    unreachable = uncommon + norms[10:70, None] * norms[None, :] < threshold
    assert (candidates & unreachable).sum() > 20
    assert np.allclose(shortlist.common_norms, norms)


# Sentences that share only words common in this corpus ("minister", "government", "policy", "review"), and
# one event told twice with its own words.
COMMON_TALK = [
    "The minister said the government would review the policy.",
    "The government policy review was announced by the minister.",
    "A minister defended the government policy after the review.",
    "The review of government policy worried the minister.",
]
EVENT = [
    "A zebra escaped from the Lisbon zoo and trotted along the tram lines of Alfama.",
    "Keepers of the Lisbon zoo caught the zebra on the Alfama tram lines.",
]


def common_talk_corpus() -> pd.DataFrame:
    rows = []
    for d in range(8):
        texts = [COMMON_TALK[d % 4], f"Rainfall in district {d} reached {40 + d} millimetres overnight."]
        if d in (2, 5):
            texts.append(EVENT[d == 5])
        rows.extend((f"doc{d}", k + 1, "body", text) for k, text in enumerate(texts))
    return pd.DataFrame(rows, columns=["doc_id", "sent_id", "section", "text"])


def pair_set(pairs: pd.DataFrame) -> dict:
    return {(r.doc_a, r.sent_a, r.doc_b, r.sent_b): r.similarity for r in pairs.itertuples()}


def test_a_large_corpus_compares_what_its_rare_words_shortlist_and_says_so(monkeypatch):
    corpus = common_talk_corpus()
    with warnings.catch_warnings():
        warnings.simplefilter("error", FramingWarning)  # a small corpus is compared in full, without a word
        everything = pair_set(Aligner(top_k=None).align(corpus))
    common_above(monkeypatch, 6)
    with pytest.warns(FramingWarning, match=r"compared only where their less common words") as caught:
        shortlisted = pair_set(Aligner(top_k=None).align(corpus))
    message = str(caught[0].message)
    with pytest.warns(FramingWarning):
        assert Aligner(top_k=None).aligned(corpus).shortlist_note == message  # what the report and run.json say
    assert "--exact-alignment" in message
    assert ("9 words are each in more than 6 sentences or runs (e.g. district, millimetres, overnight, rainfall)"
            in message)
    zebra = ("doc2", 3, "doc5", 3)
    assert zebra in everything and zebra in shortlisted
    assert shortlisted[zebra] == pytest.approx(everything[zebra], abs=1e-4)
    # Different common-word sentences share only common words: no longer compared. Copies of one of them share
    # its rarer words too ("announced", "defended"), and are.
    talk = {key for key in everything if key[1] == key[3] == 1}
    different = {key for key in talk if int(key[0][3:]) % 4 != int(key[2][3:]) % 4}
    assert len(different) >= 10
    assert not different & shortlisted.keys()
    assert talk - different <= shortlisted.keys()
    assert shortlisted.keys() <= everything.keys()
    # compare_all keeps every pair, whatever the corpus's size, and has nothing to say.
    found = Aligner(top_k=None, compare_all=True).aligned(corpus)
    assert pair_set(found.table) == everything and found.shortlist_note == ""


def test_shortlist_keeps_copies_collapsed_and_the_pairs_of_rare_words(monkeypatch):
    corpus = copied_corpus()
    everything = pair_set(Aligner().align(corpus))
    common_above(monkeypatch, 20)
    with pytest.warns(FramingWarning):
        shortlisted = pair_set(Aligner().align(corpus))
    same = everything.keys() & shortlisted.keys()
    assert len(same) >= 0.9 * len(everything)
    assert max(abs(everything[key] - shortlisted[key]) for key in same) < 1e-4
