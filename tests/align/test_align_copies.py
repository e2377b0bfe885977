"""Verbatim copies: the collapsed aligner gives the same pairs and events as comparing every copy.

The reference (``tests/align/align_reference.py``) is the aligner as it was before copies were collapsed.
"""

import numpy as np
import pandas as pd
import pytest

import framing.align.pairs as align_pairs
from framing.align import MAX_PARTNERS, Aligner, events

from . import align_reference as reference

# A wire story's sentences: several events, names, years (two of them conflicting), a sentence of stop words only.
POOL = [
    "In 1999 the commander signed a letter to President Khatami demanding he crush the student protests.",
    "During the 1999 student protests he threatened Khatami in a letter, vowing to crush them.",
    "The United Nations put the general on its sanctions list in 2007.",
    "The United Nations put the general on its sanctions list in 2011.",
    "A leaked report said the general met Hill and Odierno in Baghdad in 2009.",
    "Hill and Odierno denied the meeting took place.",
    "He was killed by a drone strike near Baghdad airport in January 2020.",
    "A US drone strike killed Qasem Soleimani at Baghdad airport.",
    "Iran fired missiles at two bases in Iraq housing American troops.",
    "Iranian missiles hit bases in Iraq where American soldiers were stationed.",
    "Thousands of mourners filled the streets of Tehran for the funeral.",
    "Crowds of mourners packed Tehran for his funeral procession.",
    "It was not what they had said it would be.",
    "The Quds Force runs operations abroad for the Revolutionary Guards.",
    "Soleimani led the Quds Force of the Revolutionary Guards for two decades.",
    "Officials declined to comment on the budget figures.",
    "The weather in the capital was mild for the season.",
    "The museum reopened after a long renovation of its galleries.",
    "Farmers reported a good harvest of wheat and barley this autumn.",
    "Kurdish fighters and Iraqi militias fought Islamic State near Mosul.",
    "Kurds and Iraq's militias battled the Islamic State around Mosul in 2016.",
    "The Syrian government relied on Iranian advisers during the war in Syria.",
]


def near_copy(text: str, rng) -> str:
    """The text with one small change: a word dropped, a word upper-cased, or punctuation added."""
    words = text.split()
    kind = rng.integers(3)
    k = int(rng.integers(1, len(words)))
    if kind == 0:
        del words[k]
    elif kind == 1:
        words[k] = words[k].upper()
    else:
        words[k] = words[k] + ","
    return " ".join(words)


def copied_corpus(n_docs: int = 80, seed: int = 1, *, interleave: bool = False) -> pd.DataFrame:
    """Documents drawing sentences from :data:`POOL`: every pool sentence has many verbatim copies across
    documents, some documents repeat a sentence of their own, a few copies are near-copies, and adjacent pairs of
    sentences (runs) recur. ``interleave`` splits each document in two halves placed apart in the table."""
    rng = np.random.default_rng(seed)
    rows = []
    for d in range(n_docs):
        start = int(rng.integers(len(POOL)))
        picked = [(start + k) % len(POOL) for k in range(int(rng.integers(6, 14)))]  # story order: runs recur
        texts = [POOL[p] if rng.random() > 0.1 else near_copy(POOL[p], rng) for p in picked]
        if rng.random() < 0.3:  # the document repeats one of its own sentences (a caption, a pull quote)
            texts.append(texts[int(rng.integers(len(texts)))])
        if d % 8 == 0:
            # A sentence of its own, with "guards" in lower case and "sanction" in the singular: counted once per
            # copy, "Guards" is still a name and "sanctions" the usual spelling; counted once per text, not.
            texts.append(f"The guards at gate {d} checked every sanction notice.")
        if d == 3:
            # Matches the "Khatami letter" event's cues but is like no other sentence: seeded, not aligned.
            texts.append("Khatami's letter listed zebras, giraffes, penguins, walruses and otters for the student zoo.")
        section = ["body"] * len(texts)
        if rng.random() < 0.2:
            section[0] = "headline"
        rows.extend((f"doc{d:03d}", k + 1, s, t) for k, (s, t) in enumerate(zip(section, texts)))
    table = pd.DataFrame(rows, columns=["doc_id", "sent_id", "section", "text"])
    if interleave:
        half = table.groupby("doc_id").cumcount() >= table.groupby("doc_id")["sent_id"].transform("size") // 2
        table = pd.concat([table[~half], table[half]], ignore_index=True)
    return table


@pytest.fixture(scope="module")
def corpus():
    return copied_corpus()


def test_corpus_has_the_copies_it_should(corpus):
    copies = corpus["text"].value_counts()
    assert copies.max() > MAX_PARTNERS + 5  # the partner cap is reached by copies alone
    assert corpus.duplicated(["doc_id", "text"]).any()  # within-document copies
    assert corpus["text"].nunique() > len(POOL)  # near-copies


def test_featurize_counts_each_copy(corpus):
    new, old = Aligner().featurize(corpus), reference.featurize(corpus)
    assert "N:guards" in new.features and new.display["sanction"] == "sanctions"
    assert list(new.features) == list(old.features)
    assert new.display == old.display
    assert (new.counts != old.counts).nnz == 0
    # Same entries in the same order within each row: the vectors, and so every similarity, are bit for bit equal.
    assert np.array_equal(new.counts.indptr, old.counts.indptr)
    assert np.array_equal(new.counts.indices, old.counts.indices)


@pytest.mark.parametrize("aligner", [
    Aligner(), Aligner(threshold=0.08), Aligner(max_run=3), Aligner(max_run=1), Aligner(min_shared=1),
    Aligner(top_k=None), Aligner(top_k=1, threshold=0.3),
], ids=repr)
@pytest.mark.parametrize("interleave", [False, True], ids=["documents-together", "documents-interleaved"])
def test_collapsed_pairs_equal_uncollapsed(aligner, interleave):
    corpus = copied_corpus(interleave=interleave)
    pairs = aligner.align(corpus)
    expected = reference_pairs(aligner, corpus)
    assert len(pairs) > 100
    pd.testing.assert_frame_equal(pairs, expected, check_exact=True)


def reference_pairs(aligner: Aligner, corpus: pd.DataFrame) -> pd.DataFrame:
    """The uncollapsed aligner's pairs when it reads the sentences by ``doc_id, sent_id`` (as the aligner does,
    whatever the order of the rows), listed as the aligner lists them: ``doc_a`` first in the corpus's document
    order, rows in the corpus's order."""
    found = reference.align(aligner, corpus.sort_values(["doc_id", "sent_id"]).reset_index(drop=True))
    position = pd.Series(np.arange(len(corpus)), index=pd.MultiIndex.from_frame(corpus[["doc_id", "sent_id"]]))
    a = position.loc[list(zip(found["doc_a"], found["sent_a"]))].to_numpy()
    b = position.loc[list(zip(found["doc_b"], found["sent_b"]))].to_numpy()
    doc = pd.factorize(corpus["doc_id"])[0]
    swap = doc[a] > doc[b]
    first, second = np.where(swap, b, a), np.where(swap, a, b)
    order = np.lexsort((second, first))
    rows = lambda where: corpus.iloc[where[order]]  # noqa: E731
    return pd.DataFrame({"doc_a": rows(first)["doc_id"].to_numpy(), "sent_a": rows(first)["sent_id"].to_numpy(),
                         "doc_b": rows(second)["doc_id"].to_numpy(), "sent_b": rows(second)["sent_id"].to_numpy(),
                         "similarity": found["similarity"].to_numpy()[order]})


def test_pairs_do_not_depend_on_the_order_of_the_rows():
    # Reported: 823 of ~7,300 pairs changed when a corpus's rows were reversed (ties at the partner cap went to
    # whichever copy came first, and only later documents' sentences were partners).
    corpus = copied_corpus(n_docs=40, seed=3)
    shuffled = corpus.sample(frac=1.0, random_state=4).reset_index(drop=True)
    assert len(Aligner().align(corpus)) > 100

    def as_set(pairs):
        sides = zip(zip(pairs["doc_a"], pairs["sent_a"]), zip(pairs["doc_b"], pairs["sent_b"]), pairs["similarity"])
        return {(*sorted((one, two)), similarity) for one, two, similarity in sides}

    for rows in (corpus.iloc[::-1], shuffled):
        assert as_set(Aligner().align(rows)) == as_set(Aligner().align(corpus))


@pytest.mark.parametrize("threads", [2, 3])
def test_threads_give_the_same_pairs(corpus, monkeypatch, threads):
    # A small product budget splits the corpus into many row blocks, worked on by several threads at once.
    monkeypatch.setattr(align_pairs, "PRODUCT_ENTRIES", 1_500)
    seen = []
    real = align_pairs._block_pairs
    monkeypatch.setattr(align_pairs, "_block_pairs", lambda *args: seen.append(args[-1]) or real(*args))
    one = Aligner().align(corpus)
    blocks_alone = len(seen)
    seen.clear()
    several = Aligner(threads=threads).align(corpus)
    assert blocks_alone > 5 and len(seen) >= blocks_alone  # the budget is shared: more, smaller blocks
    assert len(one) > 100
    pd.testing.assert_frame_equal(several, one, check_exact=True)


def test_threads_must_be_positive():
    from framing.errors import FramingError

    with pytest.raises(FramingError, match="threads must be at least 1"):
        Aligner(threads=0)


def test_pairs_stay_linear_in_sentences(corpus):
    aligner = Aligner(top_k=None, threshold=0.05, min_shared=1)
    pairs = aligner.align(corpus)
    # Each sentence keeps at most MAX_PARTNERS units, each of at most max_run sentences.
    assert len(pairs) <= MAX_PARTNERS * aligner.max_run * len(corpus)


def test_partner_cap_with_many_copies(monkeypatch):
    # A small cap makes ties at the cap common: the tie order (by unit number) must match too.
    monkeypatch.setattr(align_pairs, "MAX_PARTNERS", 4)
    monkeypatch.setattr(reference, "MAX_PARTNERS", 4)
    corpus = copied_corpus(n_docs=30, seed=5)
    pd.testing.assert_frame_equal(Aligner().align(corpus), reference.align(Aligner(), corpus), check_exact=True)


def test_small_chunks_and_blocks_give_the_same_pairs(corpus, monkeypatch):
    expected = Aligner().align(corpus)
    monkeypatch.setattr(align_pairs, "EXPANSION_ENTRIES", 50)
    monkeypatch.setattr(align_pairs, "PRODUCT_ENTRIES", 500)
    pd.testing.assert_frame_equal(Aligner().align(corpus), expected, check_exact=True)


def test_collapsed_events_equal_uncollapsed(corpus):
    aligner = Aligner()
    featurized = aligner.featurize(corpus)
    grouped = events(corpus, aligner.align(corpus, featurized=featurized), featurized=featurized)
    old_featurized = reference.featurize(corpus)
    expected = reference.events(corpus, reference.align(aligner, corpus, old_featurized),
                                featurized=old_featurized)
    assert len(grouped.labels) > 3
    pd.testing.assert_frame_equal(grouped.members, expected.members, check_exact=True)
    pd.testing.assert_frame_equal(grouped.labels, expected.labels, check_exact=True)


EVENTS_TOML = """
[[event]]
name = "Khatami letter"
terms = ["Khatami", "letter", "student"]
years = [1999]

[[event]]
name = "Drone strike"
terms = ["drone", "Baghdad", "airport"]

[[event]]
name = "Funeral"
terms = ["mourners", "funeral", "Tehran"]
"""


@pytest.mark.parametrize("interleave", [False, True], ids=["documents-together", "documents-interleaved"])
def test_collapsed_events_with_events_file_equal_uncollapsed(tmp_path, interleave):
    path = tmp_path / "events.toml"
    path.write_text(EVENTS_TOML, encoding="utf-8")
    corpus = copied_corpus(interleave=interleave)
    aligner = Aligner()
    featurized = aligner.featurize(corpus)
    grouped = events(corpus, aligner.align(corpus, featurized=featurized), events_file=path, featurized=featurized)
    old_featurized = reference.featurize(corpus)
    expected = reference.events(corpus, reference.align(aligner, corpus, old_featurized), events_file=path,
                                featurized=old_featurized)
    assert grouped.labels["source"].eq("events file").sum() == 3
    assert grouped.members["similarity"].notna().all()
    pd.testing.assert_frame_equal(grouped.members, expected.members, check_exact=True)
    pd.testing.assert_frame_equal(grouped.labels, expected.labels, check_exact=True)


def test_copies_of_one_text_split_as_average_linkage_would(monkeypatch):
    import scipy.sparse as sp
    from sklearn.preprocessing import normalize

    import framing.align.clusters as align_module

    vectors = normalize(sp.random(60, 40, density=0.3, random_state=2, format="csr"))
    distance = align_module._copy_distance(vectors, np.arange(60))
    exact, rounded = np.flatnonzero(distance == 0)[0], np.flatnonzero(distance > 0)[0]  # both kinds occur
    for text in (exact, rounded):
        text_key = np.full(12, text)
        matrix = vectors[text_key]  # twelve copies of one text
        members = np.arange(12)
        for threshold in (0.18, 0.6, 0.999, 1.0):
            for limit in (100, 5):
                splitter = align_module.Splitter.of(matrix, None, limit, text_key, members)
                found = align_module.split_into_events(members, threshold, splitter)
                monkeypatch.setattr(align_module, "_copies_linkage", lambda *args: None)
                linked = align_module.split_into_events(members, threshold, splitter)
                monkeypatch.undo()
                # Linkage also lists singletons, the shortcut does not; neither makes an event.
                assert [list(c) for c in found if len(c) > 1] == [list(c) for c in linked if len(c) > 1]


def test_omissions_and_comparison_texts_on_many_documents(corpus):
    from framing.align import event_comparison, omissions

    featurized = Aligner().featurize(corpus)
    grouped = events(corpus, Aligner().align(corpus, featurized=featurized), featurized=featurized)
    comparison = event_comparison(grouped, corpus)
    assert (comparison["n_sentences"] == 0).sum() > 100
    found = omissions(comparison)
    assert len(found) > 100
    pd.testing.assert_frame_equal(found, reference.omissions(comparison), check_exact=True)
    # The texts column, as a groupby of the sorted members would join them.
    keyed = grouped.members.merge(corpus, on=["doc_id", "sent_id"]).sort_values(["event_id", "doc_id", "sent_id"])
    expected = keyed.groupby(["event_id", "doc_id"])["text"].agg("\n".join)
    covered = comparison[comparison["n_sentences"] > 0].set_index(["event_id", "doc_id"])["sentences"]
    assert covered.sort_index().to_dict() == expected.to_dict()
    assert comparison.loc[comparison["n_sentences"] == 0, "sentences"].eq("").all()


def test_pairs_in_input_order_are_sorted_by_both_rows():
    from framing.align.pairs import Pairs, in_input_order

    rng = np.random.default_rng(3)
    doc = np.repeat(np.arange(30), 10)  # 300 rows, ten per document
    i, j = rng.integers(0, 300, 2000), rng.integers(0, 300, 2000)
    keep = doc[i] != doc[j]
    pairs = Pairs(i[keep], j[keep], rng.random(int(keep.sum())))
    order = np.arange(300)[::-1]  # the rows were looked at in reverse
    got = in_input_order(pairs, order, doc)
    a, b = order[pairs.i], order[pairs.j]
    a, b = np.minimum(a, b), np.maximum(a, b)  # the earlier document (here: the lower row) first
    expected = np.lexsort((b, a))
    np.testing.assert_array_equal(got.i, a[expected])
    np.testing.assert_array_equal(got.j, b[expected])
    np.testing.assert_array_equal(got.similarity, pairs.similarity[expected])
