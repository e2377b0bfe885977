"""The fresh development set's files parse and agree with each other (its accuracy is benchmarks/fresh_set.py's)."""

from __future__ import annotations

import json
import re
from importlib.resources import files
from pathlib import Path

import pandas as pd
import pytest

from framing.corpus.manifest import read_manifest
from framing.scorers.attribution import SOURCE_KINDS

FRESH = Path(__file__).resolve().parent / "data" / "fresh"
VOICES = {"authorial", "reported"}


@pytest.fixture(scope="module")
def manifest() -> pd.DataFrame:
    return read_manifest(FRESH / "manifest.csv")


@pytest.fixture(scope="module")
def labelled() -> pd.DataFrame:
    return pd.read_csv(FRESH / "sentences.csv", keep_default_na=False)


@pytest.fixture(scope="module")
def loaded() -> pd.DataFrame:
    return pd.read_csv(FRESH / "loaded.csv", keep_default_na=False)


def test_manifest_lists_every_excerpt_with_varied_outlets(manifest):
    listed = {Path(file).name for file in manifest["file"]}
    assert listed == {path.name for path in (FRESH / "excerpts").glob("*.txt")}
    assert len(manifest) >= 14
    assert manifest["kind"].nunique() >= 5
    assert manifest["source"].str.startswith("written for framing's fresh development set").all()


def test_sentences_are_numbered_from_one_in_every_excerpt(manifest, labelled):
    assert set(labelled["doc_id"]) == set(manifest["doc_id"])
    for doc_id, rows in labelled.groupby("doc_id", sort=False):
        assert rows["sent_no"].tolist() == list(range(1, len(rows) + 1)), doc_id


def test_excerpt_paragraphs_are_their_labelled_sentences_in_order(manifest, labelled):
    # Each paragraph is a run of consecutive labelled sentences joined by single spaces, so the labelled split
    # covers the excerpt's text exactly.
    for doc in manifest.itertuples():
        sentences = labelled.loc[labelled["doc_id"] == doc.doc_id, "sentence"].tolist()
        paragraphs = [p for p in Path(doc.file).read_text(encoding="utf-8").split("\n\n") if p.strip()]
        for paragraph in paragraphs:
            taken = []
            while sentences and len(" ".join(taken)) < len(paragraph.strip()):
                taken.append(sentences.pop(0))
            assert " ".join(taken) == paragraph.strip(), doc.doc_id
        assert not sentences, doc.doc_id
        assert 4 <= len(labelled[labelled["doc_id"] == doc.doc_id]) <= 9, doc.doc_id


def test_attribution_labels_are_consistent(labelled):
    assert set(labelled["source_kind"]) <= set(SOURCE_KINDS)
    assert ((labelled["source_kind"] == "none") == (labelled["source"] == "")).all()
    assert set(labelled["quote"]) <= {0, 1} and set(labelled["hedged"]) <= {0, 1}
    assert ((labelled["hedged"] == 1) == (labelled["hedge"] != "")).all()
    for row in labelled.itertuples():
        for hedge in filter(None, row.hedge.split("; ")):
            assert hedge.lower() in row.sentence.lower(), (row.doc_id, row.sent_no, hedge)
        # A wholly quoted sentence with no cue keeps the previous speaker, so a source may be named earlier.
        so_far = labelled[(labelled["doc_id"] == row.doc_id) & (labelled["sent_no"] <= row.sent_no)]
        if row.source_kind != "none":
            assert row.source in " ".join(so_far["sentence"]), (row.doc_id, row.sent_no, row.source)
        if row.quote:
            assert re.search(r"[\"“”‘’']", row.sentence), (row.doc_id, row.sent_no)


def test_loaded_terms_occur_in_their_sentence(labelled, loaded):
    assert set(loaded["voice"]) <= VOICES
    text = {(row.doc_id, row.sent_no): row.sentence for row in labelled.itertuples()}
    for row in loaded.itertuples():
        assert row.term in text[(row.doc_id, row.sent_no)], (row.doc_id, row.sent_no, row.term)
        assert row.why, (row.doc_id, row.sent_no, row.term)


def test_the_first_run_is_stored_next_to_the_latest():
    stored = json.loads(files("framing.data").joinpath("accuracy.json").read_text(encoding="utf-8"))["fresh"]
    assert {"first_run", "latest"} <= set(stored)
    assert stored["first_run"]["sentences"] == len(pd.read_csv(FRESH / "sentences.csv"))
