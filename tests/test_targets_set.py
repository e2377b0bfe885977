"""The labelled target sets' files (the targets set, the hold-out set, the third to fourteenth blind sets) agree with
each other and with the lexicon (the linker's accuracy is benchmarks/targets.py's)."""

from __future__ import annotations

import importlib.util
from collections import Counter
from pathlib import Path
from typing import NamedTuple

import pandas as pd
import pytest

from framing import load_corpus
from framing.corpus.manifest import read_manifest
from framing.lexicons import load_lexicon

DATA = Path(__file__).resolve().parent / "data"
TARGETS = DATA / "targets"
RELATIONS = {"premodifier", "appositive", "copula", "naming", "possessive", "referent"}
VOICES = {"authorial", "reported"}


class LabelledSet(NamedTuple):
    """A labelled set's folder and the size its README promises (the first set is larger than the hold-out)."""

    folder: Path
    min_excerpts: int
    min_kinds: int
    min_stories: int
    min_hits: int
    min_per_relation: int
    min_resolved_mentions: int  # pronouns and bare definite descriptions among target_text


SETS = [LabelledSet(TARGETS, 12, 5, 4, 80, 8, 8), LabelledSet(DATA / "targets_holdout", 8, 4, 3, 50, 4, 4),
        LabelledSet(DATA / "targets_blind3", 12, 5, 4, 90, 7, 6),
        LabelledSet(DATA / "targets_blind4", 10, 5, 4, 80, 6, 6),
        LabelledSet(DATA / "targets_blind5", 10, 5, 4, 80, 6, 6),
        LabelledSet(DATA / "targets_blind6", 10, 5, 4, 80, 6, 6),
        LabelledSet(DATA / "targets_blind7", 10, 5, 4, 80, 6, 6),
        LabelledSet(DATA / "targets_blind8", 10, 5, 4, 80, 6, 6),
        LabelledSet(DATA / "targets_blind9", 10, 5, 4, 80, 6, 6),
        LabelledSet(DATA / "targets_blind10", 10, 5, 4, 80, 6, 6),
        LabelledSet(DATA / "targets_blind11", 10, 5, 4, 80, 6, 6),
        LabelledSet(DATA / "targets_blind12", 10, 5, 4, 80, 6, 6),
        LabelledSet(DATA / "targets_blind13", 10, 5, 4, 80, 6, 6),
        LabelledSet(DATA / "targets_blind14", 10, 5, 4, 80, 6, 6)]
# Stories of the other labelled sets: each set is on text none of the others uses.
OTHER_STORIES = {TARGETS: "soleimani|protests|ukraine|gaza|channel|med-|trial",
                 DATA / "targets_holdout": "soleimani|protests|ukraine|gaza|channel|med-|trial|syria|somalia|"
                                           "venezuela|myanmar|hongkong|niger",
                 DATA / "targets_blind3": "soleimani|protests|ukraine|gaza|channel|med-|trial|syria|somalia|"
                                          "venezuela|myanmar|hongkong|niger|sudan|belarus|houthi",
                 DATA / "targets_blind4": "soleimani|protests|ukraine|gaza|channel|med-|trial|syria|somalia|"
                                          "venezuela|myanmar|hongkong|niger|sudan|belarus|houthi|tigray|haiti|"
                                          "iran|karabakh",
                 DATA / "targets_blind5": "soleimani|protests|ukraine|gaza|channel|med-|trial|syria|somalia|"
                                          "venezuela|myanmar|hongkong|niger|sudan|belarus|houthi|tigray|haiti|"
                                          "iran|karabakh|colombia|kenya|mali|srilanka",
                 DATA / "targets_blind6": "soleimani|protests|ukraine|gaza|channel|med-|trial|syria|somalia|"
                                          "venezuela|myanmar|hongkong|niger|sudan|belarus|houthi|tigray|haiti|"
                                          "iran|karabakh|colombia|kenya|mali|srilanka|nicaragua|georgia|serbia|"
                                          "congo",
                 DATA / "targets_blind7": "soleimani|protests|ukraine|gaza|channel|med-|trial|syria|somalia|"
                                          "venezuela|myanmar|hongkong|niger|sudan|belarus|houthi|tigray|haiti|"
                                          "iran|karabakh|colombia|kenya|mali|srilanka|nicaragua|georgia|serbia|"
                                          "congo|france|chile|bangladesh|peru",
                 DATA / "targets_blind8": "soleimani|protests|ukraine|gaza|channel|med-|trial|syria|somalia|"
                                          "venezuela|myanmar|hongkong|niger|sudan|belarus|houthi|tigray|haiti|"
                                          "iran|karabakh|colombia|kenya|mali|srilanka|nicaragua|georgia|serbia|"
                                          "congo|france|chile|bangladesh|peru|catalonia|capitol|philippines|"
                                          "thailand",
                 DATA / "targets_blind9": "soleimani|protests|ukraine|gaza|channel|med-|trial|syria|somalia|"
                                          "venezuela|myanmar|hongkong|niger|sudan|belarus|houthi|tigray|haiti|"
                                          "iran|karabakh|colombia|kenya|mali|srilanka|nicaragua|georgia|serbia|"
                                          "congo|france|chile|bangladesh|peru|catalonia|capitol|philippines|"
                                          "thailand|mozambique|ecuador|zimbabwe|brazil",
                 DATA / "targets_blind10": "soleimani|protests|ukraine|gaza|channel|med-|trial|syria|somalia|"
                                           "venezuela|myanmar|hongkong|niger|sudan|belarus|houthi|tigray|haiti|"
                                           "iran|karabakh|colombia|kenya|mali|srilanka|nicaragua|georgia|serbia|"
                                           "congo|france|chile|bangladesh|peru|catalonia|capitol|philippines|"
                                           "thailand|mozambique|ecuador|zimbabwe|brazil|armenia|tunisia|korea|"
                                           "pakistan",
                 DATA / "targets_blind11": "soleimani|protests|ukraine|gaza|channel|med-|trial|syria|somalia|"
                                           "venezuela|myanmar|hongkong|niger|sudan|belarus|houthi|tigray|haiti|"
                                           "iran|karabakh|colombia|kenya|mali|srilanka|nicaragua|georgia|serbia|"
                                           "congo|france|chile|bangladesh|peru|catalonia|capitol|philippines|"
                                           "thailand|mozambique|ecuador|zimbabwe|brazil|armenia|tunisia|korea|"
                                           "pakistan|lebanon|kazakhstan|burkina|nepal",
                 DATA / "targets_blind12": "soleimani|protests|ukraine|gaza|channel|med-|trial|syria|somalia|"
                                           "venezuela|myanmar|hongkong|niger|sudan|belarus|houthi|tigray|haiti|"
                                           "iran|karabakh|colombia|kenya|mali|srilanka|nicaragua|georgia|serbia|"
                                           "congo|france|chile|bangladesh|peru|catalonia|capitol|philippines|"
                                           "thailand|mozambique|ecuador|zimbabwe|brazil|armenia|tunisia|korea|"
                                           "pakistan|lebanon|kazakhstan|burkina|nepal|libya|egypt|iraq|bolivia",
                 DATA / "targets_blind13": "soleimani|protests|ukraine|gaza|channel|med-|trial|syria|somalia|"
                                           "venezuela|myanmar|hongkong|niger|sudan|belarus|houthi|tigray|haiti|"
                                           "iran|karabakh|colombia|kenya|mali|srilanka|nicaragua|georgia|serbia|"
                                           "congo|france|chile|bangladesh|peru|catalonia|capitol|philippines|"
                                           "thailand|mozambique|ecuador|zimbabwe|brazil|armenia|tunisia|korea|"
                                           "pakistan|lebanon|kazakhstan|burkina|nepal|libya|egypt|iraq|bolivia|"
                                           "indonesia|cameroon|mexico|senegal",
                 DATA / "targets_blind14": "soleimani|protests|ukraine|gaza|channel|med-|trial|syria|somalia|"
                                           "venezuela|myanmar|hongkong|niger|sudan|belarus|houthi|tigray|haiti|"
                                           "iran|karabakh|colombia|kenya|mali|srilanka|nicaragua|georgia|serbia|"
                                           "congo|france|chile|bangladesh|peru|catalonia|capitol|philippines|"
                                           "thailand|mozambique|ecuador|zimbabwe|brazil|armenia|tunisia|korea|"
                                           "pakistan|lebanon|kazakhstan|burkina|nepal|libya|egypt|iraq|bolivia|"
                                           "indonesia|cameroon|mexico|senegal|cuba|eswatini|uganda|kyrgyzstan"}


@pytest.fixture(scope="module", params=SETS, ids=lambda labelled: labelled.folder.name)
def labelled_set(request) -> LabelledSet:
    return request.param


def read(labelled_set: LabelledSet, name: str) -> pd.DataFrame:
    return pd.read_csv(labelled_set.folder / name, keep_default_na=False)


@pytest.fixture(scope="module")
def manifest(labelled_set) -> pd.DataFrame:
    return read_manifest(labelled_set.folder / "manifest.csv")


@pytest.fixture(scope="module")
def sentences(labelled_set) -> pd.DataFrame:
    return read(labelled_set, "sentences.csv")


@pytest.fixture(scope="module")
def targets(labelled_set) -> pd.DataFrame:
    return read(labelled_set, "targets.csv")


@pytest.fixture(scope="module")
def actors(labelled_set) -> pd.DataFrame:
    return read(labelled_set, "actors.csv")


def test_manifest_lists_every_excerpt_in_varied_styles_and_stories(labelled_set, manifest):
    excerpts = labelled_set.folder / "excerpts"
    assert {Path(file).name for file in manifest["file"]} == {p.name for p in excerpts.glob("*.txt")}
    assert len(manifest) >= labelled_set.min_excerpts
    assert manifest["kind"].nunique() >= labelled_set.min_kinds
    assert manifest["doc_id"].str.split("-").str[0].nunique() >= labelled_set.min_stories
    assert not manifest["doc_id"].str.contains(OTHER_STORIES[labelled_set.folder]).any()


def test_excerpt_paragraphs_are_their_sentences_in_order(manifest, sentences):
    for doc in manifest.itertuples():
        rows = sentences[sentences["doc_id"] == doc.doc_id]
        assert rows["sent_no"].tolist() == list(range(1, len(rows) + 1)), doc.doc_id
        assert 5 <= len(rows) <= 12, doc.doc_id
        remaining = rows["sentence"].tolist()
        paragraphs = [p.strip() for p in Path(doc.file).read_text(encoding="utf-8").split("\n\n") if p.strip()]
        for paragraph in paragraphs:
            taken = []
            while remaining and len(" ".join(taken)) < len(paragraph):
                taken.append(remaining.pop(0))
            assert " ".join(taken) == paragraph, doc.doc_id
        assert not remaining, doc.doc_id


def test_every_row_quotes_its_numbered_sentence(targets, sentences):
    numbered = targets.merge(sentences, on=["doc_id", "sent_no"], suffixes=("", "_listed"), how="left")
    assert (numbered["sentence"] == numbered["sentence_listed"]).all()


def test_vocabularies_and_target_iff_relation(targets):
    assert set(targets["relation"]) <= RELATIONS | {""}
    assert set(targets["voice"]) <= VOICES
    assert ((targets["target"] == "") == (targets["relation"] == "")).all()
    assert ((targets["target"] == "") == (targets["target_text"] == "")).all()
    assert (targets.loc[targets["voice"] == "authorial", "speaker"] == "").all()
    assert (targets["why"] != "").all()


def test_mentions_and_speakers_are_written_in_the_text(targets, sentences):
    for row in targets.itertuples():
        assert row.target_text in row.sentence, (row.doc_id, row.sent_no, row.target_text)
        so_far = sentences[(sentences["doc_id"] == row.doc_id) & (sentences["sent_no"] <= row.sent_no)]
        assert row.speaker in " ".join(so_far["sentence"]), (row.doc_id, row.sent_no, row.speaker)


def test_targets_are_listed_actors_with_closed_groups(targets, actors):
    assert actors["actor"].is_unique
    assert set(targets["target"]) - {""} == set(actors["actor"])
    assert set(actors["group"]) <= {"state", "person", "organisation", "armed group", "group of people"}
    for row in actors.itertuples():
        assert row.actor in row.aliases.split("; "), row.actor


def test_counts_cover_every_relation_and_the_no_target_case(labelled_set, targets):
    assert len(targets) >= labelled_set.min_hits
    counts = targets["relation"].value_counts()
    assert all(counts.get(relation, 0) >= labelled_set.min_per_relation for relation in RELATIONS), counts.to_dict()
    assert counts.get("", 0) >= 10
    pronouns = {"he", "him", "his", "its", "it", "they", "them", "themselves", "the group", "the regime",
                "the terrorists"}
    assert targets["target_text"].str.lower().isin(pronouns).sum() >= labelled_set.min_resolved_mentions


def test_labels_are_exactly_the_lexicon_hits_in_order(targets, sentences):
    lexicon = load_lexicon()
    hits = [(row.doc_id, row.sent_no, row.sentence[hit.start:hit.end].lower())
            for row in sentences.itertuples() for hit in lexicon.find(row.sentence)]
    labelled = [(row.doc_id, row.sent_no, row.term.lower()) for row in targets.itertuples()]
    assert Counter(labelled) == Counter(hits)
    assert labelled == hits


# benchmarks/targets.py scores the linker on this set; its matching and scoring are checked here on the labels
# themselves (as a perfect or a degraded prediction), without running framing or the linker.

@pytest.fixture(scope="module")
def benchmark():
    path = TARGETS.parents[2] / "benchmarks" / "targets.py"
    spec = importlib.util.spec_from_file_location("targets_benchmark", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def located(labelled_set, benchmark, sentences, targets) -> pd.DataFrame:
    folder = labelled_set.folder
    documents = load_corpus(folder / "excerpts", manifest=folder / "manifest.csv").documents
    return benchmark.locate(sentences, targets, documents).merge(documents[["doc_id", "text"]], on="doc_id")


def as_prediction(labels: pd.DataFrame) -> pd.DataFrame:
    """The labels as a framing terms table whose linker columns say exactly what the labels say."""
    return labels[["doc_id", "start", "end", "target", "target_text", "relation", "speaker"]].reset_index(drop=True)


def test_benchmark_locates_every_label_on_its_term(located):
    written = [text[start:end].lower() for text, start, end in zip(located["text"], located["start"], located["end"])]
    assert written == located["term"].str.lower().tolist()


def test_benchmark_scores_the_labels_themselves_as_perfect(labelled_set, benchmark, located):
    names = benchmark.read_set(labelled_set.folder)[2]
    numbers = benchmark.evaluate(benchmark.score(benchmark.match(located, as_prediction(located)), names))
    assert numbers["found"] == numbers["labelled"] == len(located)
    assert numbers["target_accuracy"] == numbers["relation_accuracy"] == numbers["speaker_accuracy_reported"] == 1.0
    assert set(numbers["target_by_relation"].values()) == {1.0}
    confusion = pd.DataFrame(numbers["confusion"]).set_index("gold")
    assert int(confusion.to_numpy().trace()) == len(located)
    rendered = benchmark.section({"first_run": numbers, "latest": numbers}, labelled_set.folder)
    assert "| target right, labelled naming | 1.000 | 1.000 |" in rendered
    assert f"on `tests/data/{labelled_set.folder.name}` (" in rendered and f"; {len(located)} lexicon hits" in rendered


def test_benchmark_counts_missed_hits_and_empty_predictions(labelled_set, benchmark, located):
    names = benchmark.read_set(labelled_set.folder)[2]
    kept = as_prediction(located).iloc[::2].assign(target="", target_text="", relation="", speaker="")
    numbers = benchmark.evaluate(benchmark.score(benchmark.match(located, kept), names))
    assert numbers["found"] == (len(located) + 1) // 2
    assert numbers["target_accuracy"] == round(float((located["target"].iloc[::2] == "").mean()), 3)
    assert numbers["target_by_relation"]["none"] == 1.0 and numbers["target_by_relation"]["naming"] == 0.0


def test_benchmark_accepts_aliases_and_shared_speaker_words(benchmark):
    names = benchmark.read_set()[2]
    assert benchmark.target_right("al-Shabaab", "Shabaab", names)
    assert benchmark.target_right("Myanmar military", "TATMADAW", names)
    assert not benchmark.target_right("al-Shabaab", "Somalia", names)
    assert benchmark.target_right("", "", names) and not benchmark.target_right("", "Syria", names)
    assert benchmark.speaker_right("A military source", "the source") and benchmark.speaker_right("", "")
    assert not benchmark.speaker_right("Fadumo", "") and not benchmark.speaker_right("The ministry", "Russia")


@pytest.mark.parametrize("key, title", [
    ("targets_holdout", "hold-out set"), ("targets_blind3", "third blind set"), ("targets_blind4", "fourth blind set"),
    ("targets_blind5", "fifth blind set"), ("targets_blind6", "sixth blind set"),
    ("targets_blind7", "seventh blind set"), ("targets_blind8", "eighth blind set"),
    ("targets_blind9", "ninth blind set"), ("targets_blind10", "tenth blind set"),
    ("targets_blind11", "eleventh blind set"), ("targets_blind12", "twelfth blind set"),
    ("targets_blind13", "thirteenth blind set"), ("targets_blind14", "fourteenth blind set"),
])
@pytest.mark.parametrize("no_write", [False, True])
def test_benchmark_publishes_each_set_under_its_own_key_and_title(benchmark, key, title, no_write):
    chosen = benchmark.parse_arguments(["--set", f"tests/data/{key}"] + (["--no-write"] if no_write else []))
    assert chosen.folder == DATA / key and chosen.no_write == no_write
    assert benchmark.PUBLICATIONS[chosen.folder].benchmark == key
    assert benchmark.PUBLICATIONS[chosen.folder].title == f"Who is called what ({title})"


def test_benchmark_defaults_to_the_targets_set(benchmark):
    default = benchmark.parse_arguments([])
    assert (default.folder, default.no_write) == (TARGETS, False)
    assert benchmark.PUBLICATIONS[default.folder].benchmark == "targets"


def test_benchmark_refuses_a_folder_that_is_not_a_labelled_set(benchmark, capsys):
    with pytest.raises(SystemExit) as stopped:
        benchmark.parse_arguments(["--set", "tests/data/fresh"])
    assert stopped.value.code == 2
    assert "--set tests/data/fresh: not a labelled set" in capsys.readouterr().err
