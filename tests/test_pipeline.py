"""The pipeline as a map over documents: corpus tables, worker processes, Dask, and groups."""

import csv
import json
import random
from dataclasses import replace

import pandas as pd
import pytest
from click.testing import CliRunner

from framing.cli import main
from framing.errors import FramingError, FramingWarning
from framing.groups import group_view
from framing.pipeline import TableOptions, analyze

N_ARTICLES = 24
OUTLETS = ("Planet", "Bugle", "Sentinel")


@pytest.fixture(scope="module")
def corpus_rows(seed_sentences):
    """Articles made of shuffled seed sentences (seeded), three outlets in turn."""
    rng = random.Random(7)
    pool = seed_sentences.loc[seed_sentences["section"] == "body", "text"].tolist()
    rows = []
    for k in range(N_ARTICLES):
        picked = rng.sample(pool, 9)
        text = "\n\n".join(" ".join(picked[i:i + 3]) for i in range(0, 9, 3))
        rows.append({"id": f"art{k:02d}", "outlet": OUTLETS[k % 3], "text": text})
    return rows


@pytest.fixture(scope="module")
def corpus_csv(tmp_path_factory, corpus_rows):
    path = tmp_path_factory.mktemp("table") / "corpus.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=["id", "outlet", "text"])
        writer.writeheader()
        writer.writerows(corpus_rows)
    return path


@pytest.fixture(scope="module")
def corpus_jsonl(tmp_path_factory, corpus_rows):
    path = tmp_path_factory.mktemp("table") / "corpus.jsonl"
    path.write_text("".join(json.dumps(row) + "\n" for row in corpus_rows), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def single(corpus_csv):
    return analyze(corpus_csv, table=TableOptions(meta_columns=("outlet",)), group_by="outlet")


TABLES = ("sentences", "terms", "contributions", "sources", "pairs", "events", "event_labels", "comparison",
          "documents")


def assert_same_tables(a, b):
    for name in TABLES:
        pd.testing.assert_frame_equal(getattr(a, name), getattr(b, name), obj=name)


def test_a_corpus_table_gives_one_document_per_row(single, corpus_rows):
    assert single.order == [row["id"] for row in corpus_rows]
    assert single.corpus.documents["outlet"].tolist() == [row["outlet"] for row in corpus_rows]
    per_document = single.sentences.groupby("doc_id").size()
    assert per_document.isin([8, 9]).all() and per_document.sum() >= N_ARTICLES * 9 - 3  # a few seed
    # sentences end without a full stop and join the next one
    assert single.documents["n_sentences"].sum() == single.summary_sentences.shape[0]


def test_jsonl_gives_the_same_tables_as_csv(single, corpus_jsonl):
    other = analyze(corpus_jsonl, table=TableOptions(meta_columns=("outlet",)), group_by="outlet")
    for name in ("sentences", "terms", "pairs", "events"):
        pd.testing.assert_frame_equal(getattr(single, name), getattr(other, name), obj=name)


def test_an_excel_workbook_gives_the_same_tables_as_csv(single, corpus_rows, tmp_path):
    path = tmp_path / "corpus.xlsx"
    pd.DataFrame(corpus_rows).to_excel(path, index=False)
    other = analyze(path, table=TableOptions(meta_columns=("outlet",)), group_by="outlet")
    for name in ("sentences", "terms", "pairs", "events"):
        pd.testing.assert_frame_equal(getattr(single, name), getattr(other, name), obj=name)
    assert other.corpus.documents["path"].iloc[0] == "corpus.xlsx:row 2"


def test_two_worker_processes_give_identical_tables(single, corpus_csv):
    assert_same_tables(single, analyze(corpus_csv, table=TableOptions(meta_columns=("outlet",)),
                                       group_by="outlet", jobs=2))


def test_dask_engine_gives_identical_tables(single, corpus_csv):
    pytest.importorskip("dask.distributed")
    assert_same_tables(single, analyze(corpus_csv, table=TableOptions(meta_columns=("outlet",)),
                                       group_by="outlet", jobs=2, engine="dask"))


def test_group_view_sums_the_documents_of_each_outlet(single):
    view = group_view(single)
    assert view.order == list(OUTLETS)
    per_outlet = single.summary_sentences.merge(single.corpus.documents[["doc_id", "outlet"]], on="doc_id")
    counts = per_outlet.groupby("outlet").size()
    assert view.documents.set_index("doc_id")["n_sentences"].to_dict() == counts.to_dict()
    means = per_outlet.groupby("outlet")["compound"].mean()
    got = view.sentiment_summary.set_index("doc_id")["mean_compound"]
    assert got.round(6).to_dict() == means.round(6).to_dict()
    assert view.terms["doc_id"].isin(OUTLETS).all() and len(view.terms) == len(single.terms)
    assert (view.pairs["doc_a"] != view.pairs["doc_b"]).all()
    first = view.sentences[view.sentences["doc_id"] == "Planet"]
    assert first["sent_id"].tolist() == list(range(1, len(first) + 1))


def test_more_groups_than_the_grid_limit_list_only_covered_events_and_no_omissions(single, monkeypatch):
    full = group_view(single)
    assert (full.comparison["n_sentences"] == 0).any() and len(full.omissions) > 0
    monkeypatch.setattr("framing.align.compare.FULL_GRID_LIMIT", 2)  # three outlets: as 300 would be against 50
    with pytest.warns(FramingWarning, match=r"^more than 2 groups by outlet: group_event_comparison.csv lists only "
                                            r"the events each group covers and group_omissions.csv stays empty"):
        sparse = group_view(single)
    covered = full.comparison[full.comparison["n_sentences"] > 0].reset_index(drop=True)
    pd.testing.assert_frame_equal(sparse.comparison.reset_index(drop=True), covered)
    assert sparse.omissions.empty and list(sparse.omissions.columns) == list(full.omissions.columns)


def test_group_pairs_are_the_same_by_table_or_by_search_and_for_any_string_storage(single, monkeypatch):
    import framing.groups as groups

    expected = group_view(single).pairs
    assert len(expected) > 0
    monkeypatch.setattr(groups, "DENSE_LOOKUP_PER_ROW", 0)  # as for a corpus with one very long document:
    monkeypatch.setattr(groups, "DENSE_LOOKUP_MIN_SLOTS", 0)  # the binary search instead of the table
    pd.testing.assert_frame_equal(group_view(single).pairs, expected)
    as_objects = replace(single, pairs=single.pairs.astype({"doc_a": object, "doc_b": object}))  # no pyarrow
    pd.testing.assert_frame_equal(group_view(as_objects).pairs, expected)
    # each pair between two groups, mapped through each side's sentence, earlier group first
    numbered = group_view(single).sentences
    assert set(zip(expected["doc_a"], expected["sent_a"])) <= set(zip(numbered["doc_id"], numbered["sent_id"]))


def test_grouping_needs_a_metadata_column(corpus_csv):
    with pytest.raises(FramingError, match="cannot group by 'outlet': not a metadata column with values"):
        analyze(corpus_csv, group_by="outlet")


def test_groups_spelt_two_ways_are_named_before_any_document_is_scored(monkeypatch):
    import framing.pipeline
    monkeypatch.setattr(framing.pipeline, "score_batch", lambda *a, **k: pytest.fail("scored before the warning"))
    frame = pd.DataFrame({"text": ["The talks resumed on Monday."] * 5,
                          "outlet": ["BBC", "bbc", "The Sun", "the  sun ", "Reuters"]})
    with pytest.warns(FramingWarning, match=r"^--group-by outlet: 'BBC' and 'bbc'; 'The Sun' and 'the  sun' differ "
                                            r"only in case or spaces and are compared as separate groups"):
        with pytest.raises(pytest.fail.Exception):
            analyze(frame, meta_columns=["outlet"], group_by="outlet")


def test_documents_that_repeat_another_are_named_once():
    texts = {f"d{i}": f"The talks resumed on Monday in city number {i}. Officials gave no date." for i in range(8)}
    texts.update({f"copy{i}": texts[f"d{i}"] for i in range(7)})
    with pytest.warns(FramingWarning) as caught:
        analysis = analyze(texts)
    repeated = [str(w.message) for w in caught if "same text" in str(w.message)]
    assert repeated == ["7 document(s) have the same text as an earlier one (copy0 = d0, copy1 = d1, copy2 = d2, "
                        "copy3 = d3, copy4 = d4, and 2 more); each is analysed and counted as a document of its "
                        "own: drop the repeats if they are one article given twice"]
    assert len(analysis.documents) == 15


def test_a_headline_column_fills_the_headline_section_in_workers_and_from_a_dataframe(tmp_path):
    frame = pd.DataFrame({"id": [f"a{i}" for i in range(4)],
                          "title": ["Iran vows revenge!", "Strike kills general", "", "Talks resume"],
                          "text": ["The regime said it would retaliate. Officials gave no date."] * 4})
    path = tmp_path / "titled.csv"
    frame.to_csv(path, index=False)
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["analyze", str(path), "--headline-column", "title", "--out", str(out),
                                       "--jobs", "2"])
    assert result.exit_code == 0, result.output
    sentences = pd.read_csv(out / "sentences.csv")
    headlines = sentences[sentences["section"] == "headline"]
    assert headlines[["doc_id", "text"]].values.tolist() == [
        ["a0", "Iran vows revenge!"], ["a1", "Strike kills general"], ["a3", "Talks resume"]]
    assert (out / "figures" / "11_headline_vs_body.png").exists()
    assert "headline_first" not in pd.read_csv(out / "documents.csv").columns
    assert json.loads((out / "run.json").read_text())["options"]["headline_column"] == "title"
    from_memory = analyze(frame, headline_column="title").sentences
    assert from_memory.loc[from_memory["section"] == "headline", "text"].tolist() == headlines["text"].tolist()


def test_cli_reads_a_table_and_compares_outlets(corpus_csv, tmp_path):
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["analyze", str(corpus_csv), "--meta-columns", "outlet", "--group-by",
                                       "outlet", "--out", str(out), "--jobs", "2"])
    assert result.exit_code == 0, result.output
    groups = pd.read_csv(out / "groups.csv")
    assert groups["doc_id"].tolist() == list(OUTLETS)
    assert groups["kind"].eq("group").all()
    assert len(pd.read_csv(out / "documents.csv")) == N_ARTICLES
    assert not (out / "figures" / "07_sentiment_arc.svg").exists()  # an arc follows one document
    html = (out / "report.html").read_text(encoding="utf-8")
    assert "compared by outlet" in html and "Full texts, marked" not in html
    run = json.loads((out / "run.json").read_text(encoding="utf-8"))
    assert run["options"]["group_by"] == "outlet" and "jobs" not in run["options"]


def test_cli_compares_a_corpus_laid_out_one_folder_per_outlet(corpus_rows, tmp_path):
    # As a class collects articles: corpus/<outlet>/<story>.txt, the same story names in every folder.
    corpus = tmp_path / "corpus"
    for k, row in enumerate(corpus_rows):
        folder = corpus / row["outlet"].lower()
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"story{k // 3:02d}.txt").write_text(row["text"], encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["analyze", str(corpus), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "compare them by folder (3 groups)" in " ".join(result.output.split())
    documents = pd.read_csv(out / "documents.csv")
    assert len(documents) == N_ARTICLES
    assert documents["doc_id"].head(2).tolist() == ["bugle/story00", "bugle/story01"]
    assert documents.groupby("folder").size().to_dict() == {"bugle": 8, "planet": 8, "sentinel": 8}
    assert pd.read_csv(out / "groups.csv")["doc_id"].tolist() == ["bugle", "planet", "sentinel"]


def test_cli_bad_row_gives_its_number_and_writes_nothing(tmp_path):
    table = tmp_path / "bad.csv"
    table.write_text("id,text\na,One sentence.\nb,\n", encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["analyze", str(table), "--out", str(out)])
    assert result.exit_code == 1
    assert "bad.csv: row 3: empty 'text' (document 'b')" in result.output
    assert "Traceback" not in result.output and not out.exists()


def test_cli_refuses_a_table_mixed_with_files(corpus_csv, tmp_path):
    from tests.conftest import SEEDS

    result = CliRunner().invoke(main, ["analyze", str(corpus_csv), str(SEEDS), "--out", str(tmp_path / "o")])
    assert result.exit_code == 1 and "give one corpus table" in result.output


@pytest.mark.parametrize("texts, hits", [
    (("It was. He is.", "It was here. He is there."), 0),  # no content word anywhere: nothing to align
    (("The weather was mild on Tuesday.\n\nThe bus arrived late.", "The train was on time on Monday."), 0),
])
def test_corpora_with_nothing_loaded_or_alignable_still_run(tmp_path, texts, hits):
    for k, text in enumerate(texts):
        (tmp_path / f"d{k}.txt").write_text(text + "\n", encoding="utf-8")
    analysis = analyze(tmp_path)
    assert len(analysis.terms) == hits
    assert analysis.sentences["doc_id"].nunique() == 2 and analysis.event_labels.empty


def test_skipping_contributions_says_why_the_word_shift_is_missing(tmp_path):
    from tests.conftest import SEEDS

    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["analyze", str(SEEDS), "--no-contributions", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "word contributions were skipped (--no-contributions)" in result.output
    assert pd.read_csv(out / "contributions.csv").empty
    assert not (out / "figures" / "05_word_shift.png").exists()
    assert (out / "figures" / "01_sentiment_distribution.png").exists()


def test_contributions_auto_are_those_of_the_word_shift_groups(single, corpus_csv):
    every = analyze(corpus_csv, table=TableOptions(meta_columns=("outlet",)), group_by="outlet",
                    contributions="all")
    assert single.view.kind == "groups" and set(single.word_shift_pair) <= set(OUTLETS)
    members = single.corpus.documents.loc[single.corpus.documents["outlet"].isin(single.word_shift_pair), "doc_id"]
    expected = every.contributions[every.contributions["doc_id"].isin(members)].reset_index(drop=True)
    pd.testing.assert_frame_equal(single.contributions, expected)
    assert len(expected) < len(every.contributions)  # the third outlet's rows were not computed


def test_many_documents_without_metadata_get_the_spread_view_and_the_pair_only(corpus_csv):
    spread = analyze(corpus_csv)
    assert spread.view.kind == "spread" and spread.view.chosen_by == "size"
    assert set(spread.contributions["doc_id"]) <= set(spread.word_shift_pair)
    assert spread.word_shift_pair[0] != spread.word_shift_pair[1]


def test_an_unknown_pair_or_group_column_is_refused_before_any_document_is_scored(corpus_csv, monkeypatch):
    import framing.pipeline
    def never(*args, **kwargs):
        raise AssertionError("a document was scored before the options were checked")

    monkeypatch.setattr(framing.pipeline, "score_batch", never)
    with pytest.raises(FramingError, match=r"--pair needs two different doc_ids from: art00, art01"):
        analyze(corpus_csv, pair=("art00", "nope"))
    # A table's metadata is kept only from --meta-columns: grouping by a column not asked for is refused at once.
    with pytest.raises(FramingError, match="cannot group by 'outlet': not a metadata column with values"):
        analyze(corpus_csv, group_by="outlet")
    # Grouped, the pair names groups.
    with pytest.raises(FramingError, match="outlet groups"):
        analyze(corpus_csv, meta_columns=["outlet"], group_by="outlet", pair=("art00", "art01"))


def test_before_alignment_sees_the_summaries_and_no_alignment(corpus_csv):
    seen = []
    final = analyze(corpus_csv, before_alignment=seen.append)
    assert len(seen) == 1
    early = seen[0]
    assert early.view == final.view and early.word_shift_pair == final.word_shift_pair
    pd.testing.assert_frame_equal(early.documents, final.documents)
    pd.testing.assert_frame_equal(early.sentiment_summary, final.sentiment_summary)
    columns = [column for column in final.sentences.columns if column != "event_id"]
    pd.testing.assert_frame_equal(early.sentences[columns], final.sentences[columns])
    assert set(final.sentences.columns) <= set(early.sentences.columns)
    assert set(early.sentences["event_id"]) == {""} and set(final.sentences["event_id"]) != {""}
    for name in ("pairs", "events", "event_labels", "comparison", "omissions", "word_choice"):
        assert early.__getattribute__(name).empty, name
        assert list(getattr(early, name).columns) == list(getattr(final, name).columns), name
    assert not final.pairs.empty and not final.comparison.empty
    assert early.word_shift is None and early.contributions.empty and not final.contributions.empty


# ---------------------------------------------------------------------------------------------------------
# Batches: at most 40 documents (more while under 100,000 characters) and 250,000 characters, a longer
# document alone


def test_batches_end_at_a_number_of_documents_or_of_characters(tmp_path):
    from framing.pipeline import document_batches

    lengths = {"a": 10, "b": 10, "c": 35, "d": 5, "e": 5, "f": 5, "g": 50}
    for doc_id, length in lengths.items():
        (tmp_path / f"{doc_id}.txt").write_text("x" * length, encoding="utf-8")
    found = document_batches([tmp_path], batch_size=3, batch_characters=30, least_characters=0)
    assert (found.metadata["doc_id"].tolist(), found.n_characters) == (list(lengths), 120)
    assert not {"raw_text", "path", "sha256", "encoding"} & set(found.metadata.columns)
    # c (35) and g (50) are longer than a batch may be: each alone; d, e, f stop at three documents.
    assert [batch["doc_id"].tolist() for batch in found.batches] == [["a", "b"], ["c"], ["d", "e", "f"], ["g"]]
    records = [{"doc_id": doc_id, "raw_text": "x" * length} for doc_id, length in lengths.items()]
    from_memory = document_batches([], records=records, batch_size=3, batch_characters=30, least_characters=0)
    assert (from_memory.metadata["doc_id"].tolist(), from_memory.n_characters) == (list(lengths), 120)
    assert [batch["doc_id"].tolist() for batch in from_memory.batches] == [["a", "b"], ["c"], ["d", "e", "f"], ["g"]]


def test_short_documents_fill_a_batch_to_its_least_characters(tmp_path):
    from framing.pipeline import document_batches

    table = tmp_path / "posts.csv"
    table.write_text("id,text\n" + "".join(f"p{k},{'w' * 9}\n" for k in range(10)), encoding="utf-8")
    # Two documents would end a batch, but not before it holds 25 characters: three posts of 9.
    found = document_batches([table], batch_size=2, batch_characters=40, least_characters=25)
    assert [len(batch) for batch in found.batches] == [3, 3, 3, 1]
    # The most characters still end a batch first: four posts (36) and a fifth would make 45.
    found = document_batches([table], batch_size=2, batch_characters=40, least_characters=100)
    assert [len(batch) for batch in found.batches] == [4, 4, 2]
    # By default, 40 articles (more than 100,000 characters) end a batch as before.
    articles = [{"doc_id": f"a{k}", "raw_text": "x" * 3_000} for k in range(90)]
    assert [len(batch) for batch in document_batches([], records=articles).batches] == [40, 40, 10]
    posts = [{"doc_id": f"p{k}", "raw_text": "x" * 280} for k in range(1_000)]
    assert [len(batch) for batch in document_batches([], records=posts).batches] == [358, 358, 284]


def test_a_streamed_table_is_counted_first_and_batched_by_characters_too(tmp_path):
    from framing.pipeline import document_batches

    table = tmp_path / "corpus.csv"
    table.write_text("id,text\na,short\nb," + "y" * 40 + "\nc,short\n", encoding="utf-8")
    found = document_batches([table], batch_size=40, batch_characters=20)
    assert (found.metadata["doc_id"].tolist(), found.n_characters) == (["a", "b", "c"], 50)
    assert [batch["doc_id"].tolist() for batch in found.batches] == [["a"], ["b"], ["c"]]


def test_a_bad_row_at_the_end_of_a_table_stops_the_run_before_any_document_is_scored(tmp_path, monkeypatch):
    import framing.pipeline as pipeline
    scored = []
    monkeypatch.setattr(pipeline, "score_batch", lambda batch, **_: scored.append(batch))
    table = tmp_path / "corpus.csv"
    rows = [f"d{k},The minister spoke on day {k}." for k in range(100)]
    table.write_text("id,text\n" + "\n".join(rows) + "\nd0,A repeated id in the last row.\n", encoding="utf-8")
    with pytest.raises(FramingError, match="row 102: id 'd0' repeats row 2"):
        analyze(table, jobs=1)
    assert scored == []


def test_a_corpus_too_large_to_show_side_by_side_says_so_before_any_document_is_scored(monkeypatch):
    import warnings

    import framing.pipeline as pipeline
    class Scored(Exception):
        pass

    def stop(*args, **kwargs):
        raise Scored

    monkeypatch.setattr(pipeline, "score_batch", stop)
    texts = {f"d{k:02d}": f"The minister spoke on day {k}." for k in range(13)}
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        with pytest.raises(Scored):
            analyze(texts, jobs=1)
    notices = [str(w.message) for w in caught if issubclass(w.category, FramingWarning)]
    assert notices == ["13 documents are too many to show side by side (at most 12) and no outlet, kind or folder "
                       "column sorts them into a few groups, so figures show each measure's spread across documents and "
                       "name the most extreme ones. Give metadata and --group-by to compare groups; every "
                       "per-document number is in documents.csv."]


def test_a_row_the_cleaner_leaves_without_text_is_refused_or_skipped(tmp_path):
    # Citation markers and tags only: nothing is left to score. Before, --skip-bad-rows did not skip it and the
    # run stopped when its batch was cleaned.
    path = tmp_path / "t.csv"
    path.write_text('id,text\na1,The talks resumed on Monday.\na2,[1][2]\na3,"<p><br/></p>"\n'
                    'a4,The talks failed on Tuesday.\n', encoding="utf-8")
    result = CliRunner().invoke(main, ["analyze", str(path), "--out", str(tmp_path / "out")])
    assert result.exit_code == 1 and not (tmp_path / "out").exists()
    assert result.stderr.strip().splitlines()[-1] == (
        "Error: t.csv:row 3: has no text left after cleaning (only markup, citation markers or bullet glyphs) (fix the "
        "row or file, or skip such documents: --skip-bad-rows, skip_bad_rows=True in Python)")
    with pytest.warns(FramingWarning, match=r"row 3: has no text left after cleaning .*; skipped"):
        analysis = analyze(path, skip_bad_rows=True, jobs=2)
    assert analysis.documents["doc_id"].tolist() == ["a1", "a4"]
    path.write_text("id,text\na2,[1][2]\n", encoding="utf-8")
    with pytest.raises(FramingError, match="no document is left to analyse: each was skipped"):
        analyze(path, skip_bad_rows=True, jobs=1)


@pytest.mark.parametrize("arrange", [
    lambda score: score,                                        # one row per sentence, in order: placed beside
    lambda score: score.iloc[::-1],                             # another order: merged
    lambda score: score.iloc[1:],                               # a sentence missing: merged, and left out
])
def test_scores_are_joined_as_merges_on_the_key_join_them(arrange):
    from framing.pipeline import _joined

    table = pd.DataFrame({"doc_id": ["a", "a", "b"], "sent_id": [1, 2, 1], "text": ["x", "y", "z"]})
    compound = pd.DataFrame({"doc_id": ["a", "a", "b"], "sent_id": [1, 2, 1], "compound": [0.5, -0.1, 0.0]})
    quoted = pd.DataFrame({"doc_id": ["a", "a", "b"], "sent_id": [1, 2, 1], "quote": [True, False, True]})
    expected = table.merge(arrange(compound), on=["doc_id", "sent_id"]).merge(quoted, on=["doc_id", "sent_id"])
    pd.testing.assert_frame_equal(_joined(table, arrange(compound), quoted), expected)
