"""The fresh harm set (tests/data/harms/) is well formed: the label files parse, every construction is
represented, and every labelled sentence, expression, agent and victim is found where the label says."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest

from framing.corpus.manifest import read_manifest

HARM_SET = Path(__file__).resolve().parent / "data" / "harms"
HARM_COLUMNS = ["doc_id", "sentence", "expression", "construction", "agent", "victim", "voice", "why"]
NOT_HARM_COLUMNS = ["doc_id", "sentence", "expression", "why"]
CONSTRUCTIONS = {"active", "passive_agent", "agentless_passive", "intransitive", "nominal", "adjectival"}
VOICES = {"authorial", "reported"}


def read_labels(name: str) -> pd.DataFrame:
    return pd.read_csv(HARM_SET / name, keep_default_na=False, dtype=str)


def excerpt(doc_id: str) -> str:
    return (HARM_SET / "excerpts" / f"{doc_id}.txt").read_text(encoding="utf-8")


def occurs(phrase: str, text: str) -> bool:
    """Whole words only: "die" is not found inside "died"."""
    return re.search(rf"(?<!\w){re.escape(phrase)}(?!\w)", text) is not None


@pytest.fixture(scope="module")
def harms() -> pd.DataFrame:
    return read_labels("harms.csv")


@pytest.fixture(scope="module")
def negatives() -> pd.DataFrame:
    return read_labels("not_harm.csv")


def test_manifest_lists_every_excerpt_with_a_known_kind():
    manifest = read_manifest(HARM_SET / "manifest.csv")
    files = {Path(f).name for f in manifest["file"]}
    assert files == {p.name for p in (HARM_SET / "excerpts").glob("*.txt")}
    assert len(manifest) >= 12
    assert manifest["kind"].nunique() >= 4


def test_label_files_parse_with_their_columns(harms, negatives):
    assert list(harms.columns) == HARM_COLUMNS
    assert list(negatives.columns) == NOT_HARM_COLUMNS
    assert len(harms) >= 80
    assert set(harms["construction"]) <= CONSTRUCTIONS
    assert set(harms["voice"]) <= VOICES
    assert (harms["expression"] != "").all() and (negatives["expression"] != "").all()
    documents = set(read_manifest(HARM_SET / "manifest.csv")["doc_id"])
    assert set(harms["doc_id"]) <= documents and set(negatives["doc_id"]) <= documents


def test_every_construction_appears_at_least_five_times(harms):
    counts = harms["construction"].value_counts()
    too_few = {kind: int(counts.get(kind, 0)) for kind in CONSTRUCTIONS if counts.get(kind, 0) < 5}
    assert too_few == {}


@pytest.mark.parametrize("name", ["harms.csv", "not_harm.csv"])
def test_every_labelled_sentence_occurs_in_its_excerpt(name):
    labels = read_labels(name)
    missing = [(row.doc_id, row.sentence) for row in labels.itertuples() if row.sentence not in excerpt(row.doc_id)]
    assert missing == []


def test_expressions_agents_and_victims_are_written_in_their_sentence(harms, negatives):
    missing = [(row.doc_id, column, value) for row in harms.itertuples() for column in ("expression", "agent", "victim")
               if (value := getattr(row, column)) and not occurs(value, row.sentence)]
    missing += [(row.doc_id, "expression", row.expression) for row in negatives.itertuples()
                if not occurs(row.expression, row.sentence)]
    assert missing == []


def test_repeated_expressions_occur_as_often_as_labelled(harms):
    """The benchmark takes the n-th label of an expression in a sentence as its n-th occurrence."""
    repeats = harms.groupby(["doc_id", "sentence", "expression"]).size()
    short = [key for key, n in repeats.items()
             if len(re.findall(rf"(?<!\w){re.escape(key[2])}(?!\w)", key[1], re.IGNORECASE)) < n]
    assert short == []
