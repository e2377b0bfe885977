"""Issue 21, reproduced: input files that made a run hang, leak the user's folders or end in a traceback.

Each test builds the input the adversarial tester reported and checks the README's bad-input row: one line
``Error: <file>[:<line>]: <problem>`` before any analysis, ``--out`` as it was — or, for usable input, a warning.
"""

from __future__ import annotations

import json
import os
import threading
from pathlib import Path

import pandas as pd
import pytest

import framing.pipeline
from framing.corpus import list_documents, load_documents, read_manifest
from framing.errors import FramingError, FramingWarning

from ..test_bad_input import PLAIN, analyze, assert_refused, corpus_folder, out  # noqa: F401 (out: a fixture)

WORD_EXPORT = "He called it a \u201cmassacre\u201d \u2013 the caf\u00e9 stayed shut.\n"


@pytest.fixture
def no_analysis(monkeypatch):
    """Fail the test if a document is scored: these inputs must be refused before the analysis."""
    monkeypatch.setattr(framing.pipeline, "score_batch", lambda *a, **k: pytest.fail("a document was scored"))


# --- symbolic links and files that are not regular files --------------------------------------------------------

def test_symlink_in_a_scanned_folder_that_leaves_it_is_refused(tmp_path, out, no_analysis):
    secret = tmp_path / "private" / "diary.txt"
    secret.parent.mkdir()
    secret.write_text(PLAIN, encoding="utf-8")
    folder = corpus_folder(tmp_path, {"a.txt": PLAIN})
    (folder / "link.txt").symlink_to(secret)
    assert_refused(analyze(folder, "--out", out), out, "link.txt: is a symbolic link to a file outside the folder")


def test_symlink_that_stays_inside_the_folder_is_read(tmp_path):
    folder = corpus_folder(tmp_path, {"a.txt": PLAIN})
    (folder / "same.txt").symlink_to(folder / "a.txt")
    assert list_documents([folder])["doc_id"].tolist() == ["a", "same"]


def fifo(path: Path) -> Path:
    os.mkfifo(path)
    return path


def test_fifo_given_as_input_is_refused_without_blocking(tmp_path, out, no_analysis):
    pipe = fifo(tmp_path / "pipe.txt")
    result = run_with_timeout(lambda: analyze(pipe, "--out", out))
    assert_refused(result, out, "pipe.txt: is a named pipe (FIFO), not a regular file")


def test_fifo_named_in_a_manifest_is_refused_with_the_line(tmp_path, out, no_analysis):
    folder = corpus_folder(tmp_path, {"a.txt": PLAIN, "manifest.csv": "doc_id,file\na,a.txt\nb,pipe.txt\n"})
    fifo(folder / "pipe.txt")
    result = run_with_timeout(lambda: analyze(folder, "--out", out))
    assert_refused(result, out, "manifest.csv:3: 'pipe.txt' is a named pipe (FIFO), not a regular file")


def test_fifo_in_a_scanned_folder_is_refused(tmp_path):
    folder = corpus_folder(tmp_path, {"a.txt": PLAIN})
    fifo(folder / "pipe.md")
    with pytest.raises(FramingError, match=r"pipe\.md: is a named pipe \(FIFO\)"):
        run_with_timeout(lambda: list_documents([folder]))


def run_with_timeout(call, seconds: float = 20):
    """Run ``call`` in a thread and fail (instead of hanging the suite) if it blocks, as reading a FIFO does."""
    outcome = {}

    def target():
        try:
            outcome["value"] = call()
        except BaseException as error:  # handed to the test thread
            outcome["error"] = error

    thread = threading.Thread(target=target, daemon=True)
    thread.start()
    thread.join(seconds)
    if thread.is_alive():
        pytest.fail("blocked reading a non-regular file")
    if "error" in outcome:
        raise outcome["error"]
    return outcome["value"]


# --- encodings and malformed manifests -------------------------------------------------------------------------

def test_utf8_mark_followed_by_cp1252_bytes_is_refused_with_the_byte(tmp_path, out, no_analysis):
    folder = corpus_folder(tmp_path, {"a.txt": PLAIN, "mixed.txt": b"\xef\xbb\xbfThe caf\xe9 shut."})
    assert_refused(analyze(folder, "--out", out), out,
                   "mixed.txt: starts with a UTF-8 byte order mark but byte 10 is not UTF-8")


@pytest.mark.parametrize(("name", "text"), [
    ("manifest.csv", "doc_id,file,title\nstory,a.txt,Caf\u00e9 \u201ctalks\u201d\n"),
    ("manifest.toml", '[[document]]\ndoc_id = "story"\nfile = "a.txt"\ntitle = "Caf\u00e9 \u201ctalks\u201d"\n'),
])
def test_cp1252_manifest_is_read_with_a_warning(tmp_path, name, text):
    folder = corpus_folder(tmp_path, {"a.txt": PLAIN, name: text.encode("cp1252")})
    with pytest.warns(FramingWarning, match=f"{name}: not valid UTF-8; read as cp1252"):
        table = read_manifest(folder / name)
    assert table["title"].tolist() == ["Caf\u00e9 \u201ctalks\u201d"]


def test_manifest_toml_with_documents_that_are_not_tables_is_refused(tmp_path, out, no_analysis):
    folder = corpus_folder(tmp_path, {"a.txt": PLAIN, "manifest.toml": "document = [1, 2]\n"})
    assert_refused(analyze(folder, "--out", out), out,
                   "manifest.toml: document 1 is 1, not a table; write each document as a [[document]] table")


def test_manifest_toml_with_a_list_as_the_file_is_refused(tmp_path):
    folder = corpus_folder(tmp_path, {"a.txt": PLAIN, "manifest.toml": '[[document]]\ndoc_id = "a"\n'
                                                                        'file = ["a.txt"]\n'})
    with pytest.raises(FramingError, match="document 1: 'file' is a list, expected text"):
        read_manifest(folder / "manifest.toml")


def test_cp1252_events_file_is_refused_before_the_analysis(tmp_path, out, no_analysis):
    events = tmp_path / "events.toml"
    events.write_bytes("[[event]]\nname = 'caf\u00e9 talks'\nterms = ['talks']\n".encode("cp1252"))
    folder = corpus_folder(tmp_path, {"a.txt": PLAIN})
    assert_refused(analyze(folder, "--events", events, "--out", out), out,
                   "events.toml: not UTF-8 text (byte 21); save the events file as UTF-8")


def test_malformed_events_file_beside_the_documents_is_refused_before_the_analysis(tmp_path, out, no_analysis):
    folder = corpus_folder(tmp_path, {"a.txt": PLAIN, "events.toml": "[[event]]\nname = 'talks'\n"})
    assert_refused(analyze(folder, "--out", out), out, "events.toml")


# --- no absolute path in the outputs ----------------------------------------------------------------------------

def test_paths_are_relative_to_the_corpus_folder(tmp_path, monkeypatch):
    folder = corpus_folder(tmp_path, {"a.txt": PLAIN, "b.txt": PLAIN.upper()})
    (folder / "sub").mkdir()
    (folder / "sub" / "c.txt").write_text(PLAIN, encoding="utf-8")
    (folder / "manifest.csv").write_text("doc_id,file\na,a.txt\nc,sub/c.txt\n", encoding="utf-8")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    assert load_documents([folder])["path"].tolist() == ["a.txt", "sub/c.txt"]
    (folder / "manifest.csv").unlink()
    assert load_documents([folder])["path"].tolist() == ["a.txt", "b.txt"]
    # Files named one by one: relative to the current folder when under it, else by name.
    monkeypatch.chdir(tmp_path)
    assert load_documents([folder / "a.txt", elsewhere.parent / "corpus" / "b.txt"])["path"].tolist() == [
        "corpus/a.txt", "corpus/b.txt"]
    monkeypatch.chdir(elsewhere)
    assert load_documents([folder / "a.txt"])["path"].tolist() == ["a.txt"]


def test_outputs_hold_no_absolute_path(tmp_path, monkeypatch):
    folder = corpus_folder(tmp_path, {"a.txt": PLAIN, "b.txt": "The ministry denied it on Monday.\n"})
    lexicon = tmp_path / "extra.tsv"
    lexicon.write_text("term\tcategory\tdirection\tneutral\tnote\nfoe\tpejorative_label\tpejorative\trival\tn\n",
                       encoding="utf-8")
    out = tmp_path / "out"
    monkeypatch.chdir(tmp_path / "corpus")  # the inputs are outside the current folder: named by name alone
    result = analyze(folder, "--extend-lexicon", lexicon, "--out", out)
    assert result.exit_code == 0, result.output
    documents = pd.read_csv(out / "documents.csv", keep_default_na=False)
    assert documents["path"].tolist() == ["a.txt", "b.txt"]
    for name in ("documents.csv", "report.html", "report.md", "run.json"):
        assert str(tmp_path) not in (out / name).read_text(encoding="utf-8"), name
    record = json.loads((out / "run.json").read_text(encoding="utf-8"))
    assert record["options"]["paths"] == ["."] and record["options"]["extend_lexicon"] == "extra.tsv"
    assert record["lexicon"]["source"] == "default + extra.tsv"
    assert [entry["sha256"] for entry in record["inputs"]] == documents["sha256"].tolist()
