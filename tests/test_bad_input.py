"""The README's bad-input matrix, one test per row, through the command line where the row is about it.

Unusable input: exit status 1, one line ``Error: <file>[:<line>]: <problem>`` on stderr, no traceback, and the
``--out`` folder exactly as it was (here it already holds a file framing did not write) with no staging folder
left beside it. Usable input: a ``warning: <file>: …`` line and a correct result — all usable rows share one
``framing analyze`` run over a folder holding one file per row, so the matrix costs one analysis.
"""

import fcntl
import gzip
import json
import os
import pty
import random
import re
import struct
import subprocess
import sys
import termios
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner

from framing.cli import main
from framing.corpus import ENGLISH_MIN_SHARE, clean_text, english_share, warn_unless_english
from framing.errors import FramingWarning
from framing.segment import MAX_SENTENCE_WORDS

from .conftest import SEEDS

FOREIGN = "notes.txt"


@pytest.fixture
def out(tmp_path):
    """An ``--out`` folder that already holds a file framing did not write."""
    folder = tmp_path / "out"
    folder.mkdir()
    (folder / FOREIGN).write_text("mine", encoding="utf-8")
    return folder


def analyze(*args):
    return CliRunner().invoke(main, ["analyze", *map(str, args)])


def assert_refused(result, out: Path, *expected: str) -> None:
    """Exit 1; exactly one line on stderr, the error naming the file and problem; --out untouched."""
    assert result.exit_code == 1, result.output
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("Error: ")
    for fragment in expected:
        assert fragment in lines[0], (fragment, lines[0])
    assert "Traceback" not in result.output
    assert [p.name for p in out.iterdir()] == [FOREIGN]
    assert (out / FOREIGN).read_text(encoding="utf-8") == "mine"
    assert not list(out.parent.glob(".framing-*")), "a staging folder was left behind"


def corpus_folder(tmp_path: Path, files: dict[str, bytes | str]) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir(exist_ok=True)
    for name, content in files.items():
        path = folder / name
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return folder


PLAIN = "The regime said the talks would resume. Officials gave no date.\n"


# --- unusable input: refused -------------------------------------------------------------------------------------

def test_empty_file(tmp_path, out):
    folder = corpus_folder(tmp_path, {"a.txt": PLAIN, "empty.txt": b""})
    assert_refused(analyze(folder, "--out", out), out, "empty.txt: is empty (remove the file, or skip the files that "
                                                       "cannot be read: --skip-bad-rows, or skip_bad_rows=True")


def test_files_that_cannot_be_read_are_skipped_when_asked(tmp_path, out):
    # A scraped folder holds a few failed pages: empty files, a PDF saved as .txt.
    folder = corpus_folder(tmp_path, {"a.txt": PLAIN, "b.txt": PLAIN.replace("regime", "government"), "empty.txt": b"",
                                      "paper.txt": b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n"})
    result = analyze(folder, "--out", out, "--skip-bad-files")
    assert result.exit_code == 0, result.output
    assert "warning: " + str(folder / "empty.txt") + ": is empty; skipped" in result.stderr
    assert "paper.txt: is a PDF, not text; export it to .txt first (e.g. `pdftotext`); skipped" in result.stderr
    assert pd.read_csv(out / "documents.csv")["doc_id"].tolist() == ["a", "b"]
    run = json.loads((out / "run.json").read_text(encoding="utf-8"))
    assert [warning["problem"] for warning in run["warnings"]][:2] == [
        "is empty; skipped", "is a PDF, not text; export it to .txt first (e.g. `pdftotext`); skipped"]
    # Nothing left to read: refused, and --out untouched.
    for name in ("a.txt", "b.txt"):
        (folder / name).write_bytes(b"")
    result = analyze(folder, "--out", tmp_path / "out2", "--skip-bad-rows")
    assert result.exit_code == 1 and "none of the 4 files could be read as a document" in result.stderr
    assert not (tmp_path / "out2").exists()


def test_whitespace_only_file(tmp_path, out):
    folder = corpus_folder(tmp_path, {"a.txt": PLAIN, "blank.txt": " \n\t\r\n  \n"})
    assert_refused(analyze(folder, "--out", out), out, "blank.txt: contains only whitespace")


def test_pdf_renamed_txt(tmp_path, out):
    pdf = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nstream\n\x78\x9c\x00\x01\x02endstream\n"
    folder = corpus_folder(tmp_path, {"a.txt": PLAIN, "paper.txt": pdf})
    assert_refused(analyze(folder, "--out", out), out, "paper.txt: is a PDF, not text; export it to .txt first")


@pytest.mark.parametrize(("content", "problem"), [
    (b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00[Content_Types].xml", "is a ZIP archive (an .odt or .pages file?)"),
    (b"{\\rtf1\\ansi\\deff0 {\\fonttbl {\\f0 Times;}}\\f0 The ministry said.}", "is an RTF document, not plain"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(512), "is an old Word file (.doc), not text"),
])
def test_word_document_renamed_txt(tmp_path, out, content, problem):
    folder = corpus_folder(tmp_path, {"a.txt": PLAIN, "essay.txt": content})
    assert_refused(analyze(folder, "--out", out), out, f"essay.txt: {problem}",
                   "save it as Word (.docx) or Plain Text (.txt)")


def test_gzipped_document_is_refused_with_the_advice_to_decompress(tmp_path, out):
    folder = corpus_folder(tmp_path, {"a.txt": PLAIN})
    packed = folder / "b.txt.gz"
    packed.write_bytes(gzip.compress(PLAIN.encode()))
    assert_refused(analyze(folder / "a.txt", packed, "--out", out), out,
                   "b.txt.gz: is gzip-compressed; decompress it first (gunzip)", ".csv.gz or .jsonl.gz")


@pytest.mark.parametrize(("name", "problem"), [
    ("export.ods", "is a spreadsheet framing does not read; save it as .xlsx (Excel) or as CSV (UTF-8) and give "
                   "that, or in Python pass the DataFrame to framing.analyze (pandas.read_excel(...))"),
    ("export.xls", "is a spreadsheet framing does not read; save it as .xlsx"),
    ("export.parquet", "is a Parquet or Arrow file, not text; save it as CSV (UTF-8)"),
    ("essays.zip", "is a ZIP archive; unzip it and give the folder (or the files inside)"),
])
def test_a_table_in_another_format_is_not_read_as_one_text(tmp_path, out, name, problem):
    # Any other named file is read as plain text: a JSON array of 10,000 articles became one document.
    folder = corpus_folder(tmp_path, {"a.txt": PLAIN, name: '[{"id": "a1", "text": "' + PLAIN.strip() + '"}]'})
    assert_refused(analyze(folder / "a.txt", folder / name, "--out", out), out, f"{name}: {problem}")


@pytest.mark.parametrize(("content", "problem"), [
    (b"id,text\na1,The talks resumed.\n", "is not an Excel workbook (an .xlsx file is a ZIP archive; this one is not)"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600), "is a password-protected workbook or an old .xls renamed .xlsx"),
])
def test_a_workbook_that_is_not_one_is_refused_with_what_to_do(tmp_path, out, content, problem):
    # A CSV renamed .xlsx (web exports do this), or an encrypted workbook.
    path = tmp_path / "export.xlsx"
    path.write_bytes(content)
    assert_refused(analyze(path, "--out", out), out, f"export.xlsx: {problem}",
                   "save it again from the spreadsheet as .xlsx, or as CSV (UTF-8)")


def test_binary_file_renamed_txt(tmp_path, out):
    rng = random.Random(1)
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(rng.randrange(256) for _ in range(4000))
    folder = corpus_folder(tmp_path, {"a.txt": PLAIN, "photo.txt": png})
    assert_refused(analyze(folder, "--out", out), out, "photo.txt: looks like a binary file, not text")


def test_two_files_with_the_same_doc_id(tmp_path, out):
    # One folder's story.txt and story.md (in two folders, the folder tells them apart: bbc/story, sun/story).
    (tmp_path / "one").mkdir()
    (tmp_path / "one" / "story.txt").write_text(PLAIN, encoding="utf-8")
    (tmp_path / "one" / "story.md").write_text(PLAIN, encoding="utf-8")
    result = analyze(tmp_path / "one", "--out", out)
    assert_refused(result, out, "two files give the same doc_id 'story'", "one/story.md", "one/story.txt")


def test_manifest_with_a_duplicate_doc_id(tmp_path, out):
    folder = corpus_folder(tmp_path, {"a.txt": PLAIN, "b.txt": PLAIN.upper(),
                                      "manifest.csv": "doc_id,file\nstory,a.txt\nstory,b.txt\n"})
    assert_refused(analyze(folder, "--out", out), out, "manifest.csv:3: duplicate doc_id 'story' (first on line 2)")


def test_manifest_with_a_missing_column(tmp_path, out):
    folder = corpus_folder(tmp_path, {"a.txt": PLAIN, "manifest.csv": "doc_id,path,kind\na,a.txt,wire\n"})
    assert_refused(analyze(folder, "--out", out), out,
                   "manifest.csv:1: missing required column(s) file; has doc_id, path, kind")


@pytest.mark.parametrize("escape", ["../outside.txt", "sub/../../outside.txt", "{absolute}"])
def test_manifest_path_that_escapes_the_corpus_folder(tmp_path, out, escape):
    outside = tmp_path / "outside.txt"
    outside.write_text(PLAIN, encoding="utf-8")
    escape = escape.format(absolute=outside)
    folder = corpus_folder(tmp_path, {"a.txt": PLAIN, "manifest.csv": f"doc_id,file\na,a.txt\nb,{escape}\n"})
    assert_refused(analyze(folder, "--out", out), out,
                   f"manifest.csv:3: file '{escape}' is outside the manifest's folder")


def test_manifest_path_through_a_symlink_that_leaves_the_folder(tmp_path, out):
    outside = tmp_path / "outside.txt"
    outside.write_text(PLAIN, encoding="utf-8")
    folder = corpus_folder(tmp_path, {"a.txt": PLAIN, "manifest.csv": "doc_id,file\na,a.txt\nb,link.txt\n"})
    (folder / "link.txt").symlink_to(outside)
    assert_refused(analyze(folder, "--out", out), out, "manifest.csv:3: file 'link.txt' is outside")


def test_malformed_lexicon_names_the_line(tmp_path, out):
    lexicon = tmp_path / "mine.tsv"
    lexicon.write_text("term\tcategory\tdirection\tneutral\tnote\n"
                       "regime\tpejorative_label\tpejorative\tgovernment\tn\n"
                       "hero\tpraise\thonorific\tperson\tn\n", encoding="utf-8")
    folder = corpus_folder(tmp_path, {"a.txt": PLAIN})
    result = analyze(folder, "--extend-lexicon", lexicon, "--out", out)
    assert_refused(result, out, "mine.tsv:3: unknown category 'praise'")


def test_malformed_events_file_names_the_line(tmp_path, out):
    events = tmp_path / "events.toml"
    events.write_text("[[event]]\nname = 'talks'\nterms = ['talks']\nyear = [2020]\n", encoding="utf-8")
    folder = corpus_folder(tmp_path, {"a.txt": PLAIN})
    assert_refused(analyze(folder, "--events", events, "--out", out), out,
                   "events.toml:4: event 1 has unknown key 'year'; allowed: name, terms, years")


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_interrupted_run_leaves_no_partial_output(tmp_path, out, monkeypatch, jobs):
    # Ctrl-C while the figures are drawn (here, or in the forked children that draw them with --jobs 2): the
    # tables may be written, but only to the staging folder.
    import framing.report.drawing

    def interrupt(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(framing.report.drawing, "draw_and_save", interrupt)
    folder = corpus_folder(tmp_path, {"a.txt": PLAIN})
    result = analyze(folder, "--out", out, "--jobs", jobs)
    assert result.exit_code == 1
    assert "Aborted!" in result.output and "Traceback" not in result.output
    assert [p.name for p in out.iterdir()] == [FOREIGN]
    assert not list(out.parent.glob(".framing-*"))


# --- usable input: a warning and a correct result ---------------------------------------------------------------

WORD_EXPORT = "He called it a \u201cmassacre\u201d \u2013 the minister\u2019s words. The caf\u00e9 stayed shut.\n"
MIXED_ENDINGS = "First paragraph.\r\n\r\nSecond paragraph.\rA line of its own.\n\nLast paragraph.\r\n"
PASTED_PAGE = """<!DOCTYPE html>
<html><head><title>Talks resume</title><style>p { color: red }</style>
<script>var tracker = "the regime";</script></head>
<body><h1>Talks resume</h1>
<p>The ministry said the talks would resume at AT&amp;T&#39;s old
offices.</p><p>Officials gave <b>no</b> date.<br>A spokesman declined to comment.</p>
</body></html>
"""
MENTIONS_TAGS = "I <3 this city. If a < b and b > c, then a < c.\n"
UNCLOSED_QUOTE = ('Officials said "the regime is finished and the talks will fail.\n\n'
                  "The regime denied it on Monday.\n\nLater the regime closed the border.\n")
FRENCH = ("Le général a été tué vendredi à Bagdad lors d'une frappe ordonnée par le président. Il dirigeait depuis "
          "plus de vingt ans la force Al-Qods, l'unité chargée des opérations extérieures. Sa mort a provoqué une "
          "vague d'indignation, et des centaines de milliers de personnes ont défilé dans les rues pour lui rendre "
          "hommage. Les dirigeants ont promis une vengeance, tandis que les capitales européennes appelaient à la "
          "retenue.\n")
NO_PUNCTUATION = ("talks resume in the capital\nthe ministry gave no date\nofficials met for three hours\n"
                  "a spokesman declined to comment\n")
RUN_ON_WORDS = 30_000  # about 200,000 characters without a full stop
RUN_ON = " ".join(["the committee met on the third floor, and the members read the minutes of the meeting"]
                  * (RUN_ON_WORDS // 16)) + "\n"


@pytest.fixture(scope="module")
def usable(tmp_path_factory):
    """One ``framing analyze`` run over a folder with one usable-but-odd file per matrix row."""
    root = tmp_path_factory.mktemp("usable")
    corpus = corpus_folder(root, {
        "word_export.txt": WORD_EXPORT.encode("cp1252"),
        "latin1.txt": "Jos\u00e9 N\u00fa\u00f1ez said the caf\u00e9 in Montr\u00e9al was closed.\n".encode("latin-1"),
        "bom.txt": "\ufeffA plain sentence after a byte order mark.\n".encode("utf-8"),
        "utf16.txt": "A sentence saved as UTF-16 by Notepad.\n".encode("utf-16"),
        "mixed_endings.txt": MIXED_ENDINGS.encode("utf-8"),
        "pasted_page.txt": PASTED_PAGE,
        "mentions_tags.txt": MENTIONS_TAGS,
        "unclosed_quote.txt": UNCLOSED_QUOTE,
        "french.txt": FRENCH,
        "no_punctuation.txt": NO_PUNCTUATION,
        "run_on.txt": RUN_ON,
    })
    out = root / "out"
    out.mkdir()
    (out / FOREIGN).write_text("mine", encoding="utf-8")
    result = analyze(corpus, "--out", out)
    assert result.exit_code == 0, result.output
    tables = {name: pd.read_csv(out / f"{name}.csv", keep_default_na=False)
              for name in ("documents", "sentences", "terms", "removals")}
    return result, out, tables


def warnings_about(result, name: str) -> list[str]:
    return [line for line in result.stderr.splitlines() if line.startswith("warning: ") and f"{name}:" in line]


def sentence_texts(tables, doc_id: str) -> list[str]:
    sentences = tables["sentences"]
    return sentences.loc[sentences["doc_id"] == doc_id, "text"].tolist()


def test_usable_input_keeps_foreign_files_in_out(usable):
    _, out, _ = usable
    assert (out / FOREIGN).read_text(encoding="utf-8") == "mine"
    assert (out / "report.html").exists()


def test_cp1252_smart_quotes_from_word(usable):
    result, _, tables = usable
    [warning] = warnings_about(result, "word_export.txt")
    assert warning.endswith("word_export.txt: not valid UTF-8; read as cp1252 (save as UTF-8 to silence this)")
    documents = tables["documents"].set_index("doc_id")
    assert documents.loc["word_export", "encoding"] == "cp1252"
    assert sentence_texts(tables, "word_export") == [
        "He called it a \"massacre\" \u2013 the minister's words.", "The caf\u00e9 stayed shut."]
    removals = tables["removals"]
    normalised = removals[(removals["doc_id"] == "word_export") & (removals["kind"] == "quote_normalised")]
    assert normalised["text"].tolist() == ["\u201c", "\u201d", "\u2019"]


def test_latin1_text(usable):
    result, _, tables = usable
    [warning] = warnings_about(result, "latin1.txt")
    assert "not valid UTF-8; read as cp1252" in warning
    assert sentence_texts(tables, "latin1") == ["José Núñez said the café in Montréal was closed."]


def test_utf8_with_bom_is_read_silently(usable):
    result, _, tables = usable
    assert warnings_about(result, "bom.txt") == []
    assert tables["documents"].set_index("doc_id").loc["bom", "encoding"] == "utf-8-sig"
    assert sentence_texts(tables, "bom") == ["A plain sentence after a byte order mark."]


def test_utf16_is_read_silently(usable):
    result, _, tables = usable
    assert warnings_about(result, "utf16.txt") == []
    assert tables["documents"].set_index("doc_id").loc["utf16", "encoding"] == "utf-16"
    assert sentence_texts(tables, "utf16") == ["A sentence saved as UTF-16 by Notepad."]


def test_mixed_line_endings(usable):
    result, _, tables = usable
    assert warnings_about(result, "mixed_endings.txt") == []
    sentences = tables["sentences"][tables["sentences"]["doc_id"] == "mixed_endings"]
    assert sentences["text"].tolist() == ["First paragraph.", "Second paragraph.", "A line of its own.",
                                          "Last paragraph."]
    assert sentences["para_id"].tolist() == [1, 2, 3, 4]


def test_html_pasted_into_txt_is_stripped_with_a_warning(usable):
    result, _, tables = usable
    [warning] = warnings_about(result, "pasted_page.txt")
    assert "looks like HTML: removed" in warning and "save the page as plain text" in warning
    texts = sentence_texts(tables, "pasted_page")
    assert texts == ["Talks resume", "The ministry said the talks would resume at AT&T's old offices.",
                     "Officials gave no date.", "A spokesman declined to comment."]
    removals = tables["removals"]
    [markup] = removals.loc[(removals["doc_id"] == "pasted_page") & (removals["kind"] == "markup"), "text"]
    assert markup.startswith("HTML markup: ") and "2 entities decoded" in markup and "script/style/title" in markup


def test_text_that_mentions_angle_brackets_is_not_html(usable):
    result, _, tables = usable
    assert warnings_about(result, "mentions_tags.txt") == []
    assert sentence_texts(tables, "mentions_tags") == ["I <3 this city.", "If a < b and b > c, then a < c."]


def test_unclosed_quotation_does_not_make_the_rest_reported(usable):
    _, _, tables = usable
    terms = tables["terms"]
    regime = terms[(terms["doc_id"] == "unclosed_quote") & (terms["lemma"] == "regime")]
    # Inside the quotation that never closes; then two later paragraphs in the writer's own voice.
    assert regime["voice"].tolist() == ["reported", "authorial", "authorial"]
    assert regime["sent_id"].tolist() == [1, 2, 3]


def test_non_english_document_is_analysed_with_a_warning(usable):
    result, _, tables = usable
    [warning] = warnings_about(result, "french.txt")
    assert "does not look like English" in warning and "English-only" in warning
    assert len(sentence_texts(tables, "french")) == 4


def test_english_documents_get_no_language_warning(usable):
    result, _, _ = usable
    assert not [line for line in result.stderr.splitlines()
                if "English" in line and "french.txt" not in line]


def test_seeds_are_recognised_as_english():
    for path in sorted(SEEDS.glob("*.txt")):
        text = clean_text(path.read_text(encoding="utf-8")).text
        assert english_share(text)[0] > 3 * ENGLISH_MIN_SHARE, path
        assert not warn_unless_english(text, path)


@pytest.mark.parametrize("text", [
    "苏莱曼尼将军于星期五在巴格达机场附近的一次美国空袭中身亡。" * 12,  # no spaces: judged by its letters
    "Генерал Сулеймани погиб в пятницу в результате удара американского беспилотника в Багдаде. " * 6,
])
def test_documents_in_other_scripts_are_flagged(text):
    with pytest.warns(FramingWarning, match=r"story\.txt: does not look like English \(mostly non-Latin script\)"):
        assert warn_unless_english(text, "story.txt")


def test_document_without_sentence_punctuation(usable):
    result, _, tables = usable
    [warning] = warnings_about(result, "no_punctuation.txt")
    assert "has no sentence punctuation" in warning and "each line is read as one body sentence" in warning
    sentences = tables["sentences"][tables["sentences"]["doc_id"] == "no_punctuation"]
    assert sentences["text"].tolist() == NO_PUNCTUATION.splitlines()
    assert set(sentences["section"]) == {"body"}


def test_one_enormous_sentence_is_cut_into_bounded_pieces(usable):
    result, _, tables = usable
    [warning] = warnings_about(result, "run_on.txt")
    assert f"longer than {MAX_SENTENCE_WORDS} words were cut" in warning
    sentences = tables["sentences"][tables["sentences"]["doc_id"] == "run_on"]
    assert sentences["n_words"].max() <= MAX_SENTENCE_WORDS
    assert sentences["n_words"].sum() == len(RUN_ON.split())
    # Cut after a comma where one falls in the second half of the allowance, not in the middle of a clause.
    assert sentences["text"].iloc[0].endswith("third floor,")


# --- a 50 MB file ---------------------------------------------------------------------------------------------------

LARGE_BYTES = 50 * 1024 * 1024
# Growth of the peak resident memory over the interpreter with framing imported, per byte of input. Measured
# 9.5 on 2026-11-21: the raw text and the cleaned text are each held as a Python string (2 bytes a character
# once the text has a curly quote) and as a pandas string column, plus the sentence table.
MAX_MEMORY_PER_BYTE = 12


def write_large_text(path: Path, size: int, *, seed: int = 8) -> None:
    """About ``size`` bytes of news prose: seed sentences shuffled into four-sentence paragraphs (not repeats,
    which the cleaner would collapse)."""
    sentences = []
    for source in sorted(SEEDS.glob("*.txt")):
        text = source.read_text(encoding="utf-8")
        sentences += [s.replace("\n", " ") for s in re.split(r"(?<=[.!?])\s+", text) if len(s) > 40]
    rng = random.Random(seed)
    with path.open("w", encoding="utf-8") as handle:
        written = 0
        while written < size:
            paragraph = " ".join(rng.choice(sentences) for _ in range(4)) + "\n\n"
            written += handle.write(paragraph)


MEASURE = """
import json, resource, sys, warnings
warnings.simplefilter("ignore")
import framing

def peak_bytes():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024  # kilobytes on Linux

baseline = peak_bytes()
corpus = framing.load_corpus(sys.argv[1])
table = framing.sentences(corpus)
print(json.dumps({"n_sentences": len(table), "max_words": int(table["n_words"].max()),
                  "text_length": len(corpus.documents["text"].iloc[0]), "growth_bytes": peak_bytes() - baseline}))
"""


def test_50_mb_file_is_read_cleaned_and_split_within_memory(tmp_path):
    path = tmp_path / "large.txt"
    write_large_text(path, LARGE_BYTES)
    size = path.stat().st_size
    completed = subprocess.run([sys.executable, "-c", MEASURE, str(path)], capture_output=True, text=True,
                               timeout=600, check=True)
    measured = json.loads(completed.stdout)
    assert measured["growth_bytes"] < MAX_MEMORY_PER_BYTE * size, measured
    assert measured["text_length"] > 0.95 * size
    assert measured["n_sentences"] > size / 400  # seed sentences average ~150 characters
    assert measured["max_words"] <= MAX_SENTENCE_WORDS


def test_analyze_shows_progress_on_a_terminal(tmp_path):
    folder = corpus_folder(tmp_path, {"a.txt": PLAIN, "b.txt": "The regime denied it. Talks resumed.\n"})
    output = run_in_terminal([sys.executable, "-c", "from framing.cli import main; main()", "analyze",
                              str(folder), "--out", str(tmp_path / "out")])
    assert re.search(r"reading and scoring: +100%\|[^|]*\| 2/2", output), output
    # Every stage that can take more than a second says so on a terminal.
    for stage in ("collecting scores and naming actors", "aligning sentences and finding events", "summarising",
                  "writing tables", "drawing figures", "writing the report"):
        assert stage in output, output
    assert "comparing groups" not in output  # nothing is regrouped


def test_a_terminal_that_reports_no_width_still_shows_progress(tmp_path):
    # tqdm fits its bars to the terminal's width, and drew nothing at all where the terminal said 0 columns.
    folder = corpus_folder(tmp_path, {"a.txt": PLAIN, "b.txt": "The regime denied it. Talks resumed.\n"})
    output = run_in_terminal([sys.executable, "-c", "from framing.cli import main; main()", "analyze",
                              str(folder), "--out", str(tmp_path / "out")], columns=0)
    assert re.search(r"reading and scoring: +100%\|[^|]*\| 2/2", output), output
    assert "writing the report" in output
    bars = [line for line in re.split(r"[\r\n]", output) if "reading and scoring" in line]
    assert bars and max(len(line) for line in bars) <= 90  # fitted to 80 columns (and a cursor-control code)


def test_a_long_alignment_shows_its_steps_on_a_terminal(tmp_path):
    # The alignment's own bars show only after a second (most corpora are aligned sooner); with no delay and a
    # block per sentence they show on two documents, and a run that is quick shows neither.
    folder = corpus_folder(tmp_path, {"a.txt": PLAIN, "b.txt": "The regime denied it. Talks resumed.\n"})
    slow = ("import framing.progress, framing.align.products; framing.progress.DELAY_SECONDS = 0; "
            "framing.align.products.ROW_BLOCK = 1; from framing.cli import main; main()")
    output = run_in_terminal([sys.executable, "-c", slow, "analyze", str(folder), "--out", str(tmp_path / "slow")])
    assert re.search(r"reading words: +100%\|[^|]*\| \d+/\d+", output), output
    blocks = re.search(r"comparing sentences: +100%\|[^|]*\| (\d+)/(\d+)", output)
    assert blocks and int(blocks[1]) == int(blocks[2]) > 1, output
    assert re.search(r"finding events: +100%\|[^|]*\| \d+/\d+", output), output
    quick = run_in_terminal([sys.executable, "-c", "from framing.cli import main; main()", "analyze", str(folder),
                             "--out", str(tmp_path / "quick")])
    # ("finding events" alone is also part of the stage's name: "aligning sentences and finding events")
    assert not re.search(r"(comparing sentences|reading words|finding events): +\d+%", quick), quick


def test_a_warning_during_a_stage_gets_a_line_of_its_own_on_a_terminal(tmp_path):
    # The formula-cell warning is raised while "writing tables" is on screen; it was glued to that line's end.
    folder = corpus_folder(tmp_path, {"a.txt": PLAIN, "b.txt": "=1+1 was in the leaked sheet. Talks resumed.\n"})
    output = run_in_terminal([sys.executable, "-c", "from framing.cli import main; main()", "analyze", str(folder),
                              "--out", str(tmp_path / "out")])
    assert "warning: 1 cell(s) began with =" in output, output
    assert not re.search(r"\d\d:\d\d *warning:", output), output


def test_a_grouped_run_shows_the_regrouping_on_a_terminal(tmp_path):
    table = tmp_path / "corpus.csv"
    table.write_text("id,outlet,text\n" + "".join(f'd{i},outlet{i % 2},"{PLAIN.strip()}"\n' for i in range(4)),
                     encoding="utf-8")
    output = run_in_terminal([sys.executable, "-c", "from framing.cli import main; main()", "analyze", str(table),
                              "--meta-columns", "outlet", "--group-by", "outlet", "--out", str(tmp_path / "out")])
    assert "comparing groups by outlet" in output, output


def run_in_terminal(command: list[str], *, columns: int = 80) -> str:
    """Run ``command`` with a pseudo-terminal as stdout and stderr (tqdm shows bars only on a terminal), ``columns``
    wide (a new pseudo-terminal reports 0)."""
    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 24 if columns else 0, columns, 0, 0))
    process = subprocess.Popen(command, stdout=follower, stderr=follower, stdin=subprocess.DEVNULL)
    os.close(follower)
    chunks = []
    while True:
        try:
            chunk = os.read(leader, 4096)
        except OSError:  # the child closed the terminal
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(leader)
    assert process.wait(timeout=120) == 0, b"".join(chunks).decode(errors="replace")
    return b"".join(chunks).decode(errors="replace")
