import hashlib
import re
import warnings
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from framing import FramingError, FramingWarning, clean_text, load_corpus, load_documents
from framing.corpus import (
    ENGLISH_MIN_SHARE,
    LANGUAGE_MIN_LETTERS,
    LANGUAGE_MIN_WORDS,
    clean_documents,
    english_share,
    list_documents,
    read_manifest,
    warn_unless_english,
)
from framing.corpus.language import _latin_letter_share
from framing.corpus.paragraphs import _EDIT_START, _INLINE_EDITS
from framing.corpus.reading import folder_labels

from ..conftest import SEEDS


def removals_of(cleaned, kind):
    return cleaned.removals[cleaned.removals["kind"] == kind]


# --- noise kinds on small synthetic inputs -------------------------------------------------------------------

@pytest.mark.parametrize(
    ("raw", "expected", "n_citations"),
    [
        ("He said so.[33][40][41] Then he left.", "He said so. Then he left.", 3),
        ("[1] According to Reuters, he met them.", "According to Reuters, he met them.", 1),
        ("Born 1957[note 1] in Kerman.", "Born 1957 in Kerman.", 1),
        ("The grave. [ 210 ] [ 211 ]", "The grave.", 2),
        ("As Yamamoto[156] wrote, it was over.", "As Yamamoto wrote, it was over.", 1),
        ('He asked for a stone "similar to [his] comrades".', 'He asked for a stone "similar to [his] comrades".', 0),
    ],
)
def test_citation_markers_are_removed_and_counted(raw, expected, n_citations):
    cleaned = clean_text(raw)
    assert cleaned.text == expected
    assert len(removals_of(cleaned, "citation")) == n_citations


def test_citation_positions_point_into_the_cleaned_text():
    cleaned = clean_text("Alpha beta.[12] Gamma[3] delta.")
    positions = removals_of(cleaned, "citation")["position"].tolist()
    assert cleaned.text == "Alpha beta. Gamma delta."
    assert positions == [cleaned.text.index(" Gamma"), cleaned.text.index(" delta")]


def test_tabloid_layout_gets_sections_and_collapses_repeated_captions():
    raw = (
        "Villain with blood on his hands: the inside story\n\n"
        "  • He was killed on Thursday \n"
        "  • He was seen as powerful\n\n"
        "The general was killed on Friday in a strike.\n\n"
        "The general (pictured in 2015) at a rally\n\n"
        "The general (pictured in 2015) at a rally\n\n"
        "Officials said he had planned attacks for years.\n"
    )
    cleaned = clean_text(raw)
    sections = cleaned.paragraphs["section"].tolist()
    assert sections == ["headline", "bullet", "bullet", "body", "caption", "body"]
    duplicates = removals_of(cleaned, "duplicate")
    assert duplicates["text"].tolist() == ["The general (pictured in 2015) at a rally"]
    assert cleaned.text.count("at a rally") == 1
    assert len(removals_of(cleaned, "bullet_marker")) == 2


def test_a_line_printed_twice_is_a_caption_even_without_a_picture_cue():
    raw = "Body text is here.\n\nA youth celebrates before a burning vehicle in 2003\n\n" \
          "A youth celebrates before a burning vehicle in 2003\n\nMore body text."
    cleaned = clean_text(raw)
    assert cleaned.paragraphs["section"].tolist() == ["body", "caption", "body"]


def test_trailing_block_of_short_unpunctuated_lines_is_captions():
    raw = ("Qasem Soleimani\n\nHe was an officer.\n\nHe was killed in 2020.\n\n"
           "Map of the region. The offensive was reportedly led by him. [ 1 ]\n"
           "Soleimani praying in the desert in 2017\nMourners at Azadi Square , Tehran\n")
    cleaned = clean_text(raw)
    assert cleaned.paragraphs["section"].tolist() == ["headline", "body", "body", "caption", "caption", "caption"]


def test_infobox_residue_before_the_lead_sentence_is_removed_and_recorded():
    raw = ('"Haj Qasem" (among supporters) Kurdish Rebellion (1979) Iran–Iraq War (1980–1988) Syrian Civil War '
           'Major General Qasem Soleimani (Persian: قاسم سلیمانی, born 11 March 1957) is an Iranian officer. '
           "He joined in 1979.")
    cleaned = clean_text(raw)
    assert cleaned.text.startswith("Major General Qasem Soleimani (Persian")
    infobox = removals_of(cleaned, "infobox")["text"].tolist()
    assert infobox == ['"Haj Qasem" (among supporters) Kurdish Rebellion (1979) Iran–Iraq War (1980–1988) '
                       "Syrian Civil War"]


def test_ordinary_lead_sentence_is_not_mistaken_for_infobox():
    raw = "In a speech on Monday, the minister said the talks were over. John Smith is a British diplomat."
    assert clean_text(raw).text == raw


@pytest.mark.parametrize(
    ("raw", "expected", "kind"),
    [
        ("He was at the southern front He was injured there.", "He was at the southern front He was injured there.",
         "sentence_break"),
        ("It ended in 1988.The war was over.", "It ended in 1988.The war was over.", None),
        ("It was over.The war had ended.", "It was over. The war had ended.", "space_inserted"),
        ("Iran\u00a0and Iraq", "Iran and Iraq", "space_normalised"),
        ("“Hero,” she said. ‘Yes’, Iran’s envoy said.", '"Hero," she said. \'Yes\', Iran\'s envoy said.',
         "quote_normalised"),
        ("He wrote ''the best'' operation.", 'He wrote "the best" operation.', "quote_normalised"),
        ("zero\u200bwidth", "zerowidth", "invisible"),
    ],
)
def test_spacing_and_quote_noise_is_normalised_and_recorded(raw, expected, kind):
    cleaned = clean_text(raw)
    assert cleaned.text == expected
    if kind:
        assert kind in set(cleaned.removals["kind"])


def test_removal_positions_stay_inside_the_text():
    cleaned = clean_text("[1] “A” [2]\n\nB\u00a0C.[3]")
    assert cleaned.removals["position"].between(0, len(cleaned.text)).all()


# --- the real seeds -----------------------------------------------------------------------------------------

def test_seed_manifest_gives_meaningful_metadata(seed_corpus):
    docs = seed_corpus.documents.set_index("doc_id")
    assert list(docs.index) == ["wikipedia-2025", "wikipedia-2017", "dailymail-2020"]
    assert docs.loc["dailymail-2020", "kind"] == "tabloid"
    assert docs.loc["wikipedia-2017", "kind"] == "encyclopedic"
    assert docs["sha256"].str.len().eq(64).all()


def test_daily_mail_has_one_headline_four_bullets_and_captions_once(seed_corpus):
    paragraphs = seed_corpus.paragraphs.query("doc_id == 'dailymail-2020'")
    counts = paragraphs["section"].value_counts()
    assert counts["headline"] == 1
    assert counts["bullet"] == 4
    text = seed_corpus.documents.set_index("doc_id").loc["dailymail-2020", "text"]
    assert text.count("Iranian Revolutionary Guards Corps Lieutenant General and Commander of the Quds Force") == 1
    duplicates = seed_corpus.removals.query("doc_id == 'dailymail-2020' and kind == 'duplicate'")
    assert len(duplicates) == counts["caption"] == 10


def test_old_revision_loses_its_infobox_residue(seed_corpus, seed_sentences):
    old = seed_sentences.query("doc_id == 'wikipedia-2017'")
    assert old["text"].iloc[0].startswith("Major General Qasem Soleimani")
    assert not old["text"].str.contains("Kurdish Rebellion (1979)", regex=False).any()
    assert "infobox" in set(seed_corpus.removals.query("doc_id == 'wikipedia-2017'")["kind"])


def test_new_revision_citations_and_trailing_captions(seed_corpus, seed_sentences):
    new = seed_sentences.query("doc_id == 'wikipedia-2025'")
    assert not new["text"].str.contains(r"\[\s*\d+\s*\]|\[note", regex=True).any()
    assert new["citations"].sum() == 48
    assert new.query("section == 'caption'")["text"].str.contains("Mourners at Azadi Square").any()
    assert new["section"].iloc[0] == "headline"


# --- bad input ------------------------------------------------------------------------------------------------

def test_empty_file_is_refused_with_its_name(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_text("")
    with pytest.raises(FramingError, match=r"empty\.txt: is empty"):
        load_documents([path])


def test_whitespace_only_file_is_refused(tmp_path):
    path = tmp_path / "blank.txt"
    path.write_text("  \n\n \t\n")
    with pytest.raises(FramingError, match="only whitespace"):
        load_documents([path])


def test_pdf_renamed_txt_is_refused(tmp_path):
    path = tmp_path / "paper.txt"
    path.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nstream\x00\x01\x02")
    with pytest.raises(FramingError, match=r"paper\.txt: is a PDF"):
        load_documents([path])


def test_binary_file_is_refused(tmp_path):
    path = tmp_path / "image.txt"
    path.write_bytes(bytes(range(256)) * 20)
    with pytest.raises(FramingError, match="binary"):
        load_documents([path])


def test_missing_path_is_refused(tmp_path):
    with pytest.raises(FramingError, match="no such file"):
        load_documents([tmp_path / "nope.txt"])


def test_two_files_with_the_same_doc_id_are_refused(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "story.txt").write_text("One sentence.")
    (tmp_path / "a" / "story.md").write_text("Another sentence.")
    with pytest.raises(FramingError, match="same doc_id 'story'"):
        load_documents([tmp_path / "a"])
    # In two folders, the folder tells them apart.
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "story.md").rename(tmp_path / "b" / "story.md")
    assert load_documents([tmp_path / "a", tmp_path / "b"])["doc_id"].tolist() == ["a/story", "b/story"]


def test_cp1252_file_is_read_with_a_warning(tmp_path):
    path = tmp_path / "word.txt"
    path.write_bytes("He called it a \u201cmassacre\u201d \u2013 twice.".encode("cp1252"))
    with pytest.warns(FramingWarning, match="cp1252"):
        docs = load_documents([path])
    assert docs["raw_text"].iloc[0] == "He called it a \u201cmassacre\u201d \u2013 twice."


def test_utf8_bom_is_read_silently(tmp_path):
    path = tmp_path / "bom.txt"
    path.write_bytes("\ufeffA plain sentence.".encode("utf-8"))
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        docs = load_documents([path])
    assert docs["raw_text"].iloc[0] == "A plain sentence."
    assert docs["encoding"].iloc[0] == "utf-8-sig"


def test_utf16_is_read(tmp_path):
    path = tmp_path / "utf16.txt"
    path.write_bytes("A sentence in UTF-16.".encode("utf-16"))
    assert load_documents([path])["raw_text"].iloc[0] == "A sentence in UTF-16."


# --- manifest -------------------------------------------------------------------------------------------------

def write_manifest(folder, text):
    (folder / "a.txt").write_text("First document.")
    (folder / "b.txt").write_text("Second document.")
    path = folder / "manifest.csv"
    path.write_text(text)
    return path


def test_folder_without_manifest_uses_file_names_and_unknown_kind(tmp_path):
    (tmp_path / "wire_story.txt").write_text("A wire story.")
    (tmp_path / "notes.md").write_text("A note.")
    docs = load_documents([tmp_path])
    assert sorted(docs["doc_id"]) == ["notes", "wire_story"]
    assert set(docs["kind"]) == {"unknown"}


def outlet_folders(root: Path) -> Path:
    """A corpus laid out one folder per outlet, as archives and class projects often are."""
    for outlet, names in {"bbc": ["a", "b"], "sun": ["c"], ".git": ["d"]}.items():
        (root / outlet).mkdir(parents=True)
        for name in names:
            (root / outlet / f"{name}.txt").write_text("The talks resumed on Monday.")
    out = root / "framing-out"  # an earlier run's --out inside the corpus folder: its report.md is no document
    out.mkdir()
    (out / "report.md").write_text("# Report")
    (out / "run.json").write_text("{}")
    return root


def test_a_folder_of_outlet_folders_is_read_as_its_subfolders(tmp_path):
    root = outlet_folders(tmp_path / "corpus")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        table = load_documents([root])
    # Hidden folders and an earlier run's --out are no documents; the folder is a metadata column.
    assert table[["doc_id", "folder", "path", "kind"]].values.tolist() == [
        ["a", "bbc", "bbc/a.txt", "unknown"], ["b", "bbc", "bbc/b.txt", "unknown"], ["c", "sun", "sun/c.txt", "unknown"]]


def test_files_of_the_same_name_in_two_folders_are_told_apart_by_folder(tmp_path):
    root = outlet_folders(tmp_path / "corpus")
    (root / "sun" / "a.txt").write_text("The talks failed on Tuesday.")
    table = load_documents([root])
    assert table[["doc_id", "title", "folder"]].values.tolist() == [
        ["bbc/a", "bbc/a", "bbc"], ["bbc/b", "bbc/b", "bbc"], ["sun/a", "sun/a", "sun"], ["sun/c", "sun/c", "sun"]]
    # The same through the folders named one by one, and through their files named one by one (a shell glob).
    assert load_documents([root / "bbc", root / "sun"])["doc_id"].tolist() == ["bbc/a", "bbc/b", "sun/a", "sun/c"]
    assert load_documents(sorted((root / "sun").glob("*.txt")) + [root / "bbc" / "a.txt"])[
        "doc_id"].tolist() == ["sun/a", "sun/c", "bbc/a"]
    # Within one folder, names are unique already: no folder column, doc_ids as before.
    assert "folder" not in load_documents([root / "sun"]).columns


def test_subfolders_beside_documents_are_named_in_a_warning(tmp_path):
    root = outlet_folders(tmp_path / "corpus")
    (root / "top.txt").write_text("The regime fell.")
    with pytest.warns(FramingWarning, match=r"its subfolders bbc, sun hold 3 documents, which are not read "
                                            r"beside the folder's own: name the folder and its subfolders to read "
                                            r"them all \(each document's folder is then a metadata column, folder\), "
                                            r"e\.g\. framing analyze .*corpus .*corpus/bbc .*corpus/sun$"):
        assert load_documents([root])["doc_id"].tolist() == ["top"]
    # As the warning says: the folder and its subfolders, each document labelled by its own folder.
    table = load_documents([root, root / "bbc", root / "sun"])
    assert table[["doc_id", "folder"]].values.tolist() == [["top", "corpus"], ["a", "bbc"], ["b", "bbc"],
                                                          ["c", "sun"]]
    # A manifest says what is read, subfolders included: no warning.
    (root / "manifest.csv").write_text("doc_id,file\ntop,top.txt\na,bbc/a.txt\n")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert load_documents([root])["doc_id"].tolist() == ["top", "a"]


def test_a_manifest_may_list_only_documents_in_subfolders(tmp_path):
    root = outlet_folders(tmp_path / "corpus")
    (root / "manifest.csv").write_text("doc_id,file,outlet\na,bbc/a.txt,BBC\nc,sun/c.txt,The Sun\n")
    table = load_documents([root])
    assert table[["doc_id", "outlet", "path", "folder"]].values.tolist() == [["a", "BBC", "bbc/a.txt", "bbc"],
                                                                            ["c", "The Sun", "sun/c.txt", "sun"]]


def test_folders_named_together_are_each_read_with_their_own_manifest_or_without(tmp_path):
    # Before, the first folder's manifest decided alone and the other folders' documents were not read.
    for name, manifest in (("a", "doc_id,file,outlet\nx,x.txt,Planet\n"), ("b", "doc_id,file,outlet\ny,y.txt,Bugle\n"),
                           ("c", None)):
        (tmp_path / name).mkdir()
        (tmp_path / name / f"{'y' if name == 'b' else 'x'}.txt").write_text("The talks resumed on Monday.")
        if manifest:
            (tmp_path / name / "manifest.csv").write_text(manifest)
    table = load_documents([tmp_path / "a", tmp_path / "b", tmp_path / "c"])
    # c's x.txt, known by its name alone, would repeat a's doc_id x: its folder tells it apart.
    assert table[["doc_id", "outlet", "folder", "path"]].values.tolist() == [
        ["x", "Planet", "a", "x.txt"], ["y", "Bugle", "b", "y.txt"], ["c/x", "", "c", "x.txt"]]
    (tmp_path / "b" / "manifest.csv").write_text("doc_id,file\nx,y.txt\n")
    with pytest.raises(FramingError, match="two files give the same doc_id 'x'"):
        load_documents([tmp_path / "a", tmp_path / "b"])


def test_folder_labels_name_folders_from_their_common_ancestor(tmp_path):
    a, b = tmp_path / "a" / "bbc", tmp_path / "b" / "bbc"
    assert folder_labels([a / "x.txt", a / "y.txt"]) is None
    assert folder_labels([a / "x.txt", b / "y.txt", a / "z.txt"]) == ["a/bbc", "b/bbc", "a/bbc"]
    assert folder_labels([tmp_path / "top.txt", a / "x.txt"]) == [tmp_path.name, "a/bbc"]


def test_a_folder_with_neither_documents_nor_document_subfolders_is_refused(tmp_path):
    (tmp_path / "empty").mkdir()
    (tmp_path / "notes.pdf").write_bytes(b"%PDF-")
    with pytest.raises(FramingError, match=r"folder has no \.txt, \.md or \.docx files; it holds 1 \.pdf file\(s\)"):
        load_documents([tmp_path])


def test_a_folder_of_files_in_other_document_formats_names_them(tmp_path):
    for name in ("essay1.odt", "essay2.odt", "notes.pdf"):
        (tmp_path / name).write_bytes(b"PK\x03\x04")
    with pytest.raises(FramingError, match=r"folder has no \.txt, \.md or \.docx files; it holds 2 \.odt, 1 \.pdf "
                                           r"file\(s\), which are not read: save them as Word \(\.docx\) or Plain "
                                           r"Text \(\.txt\)$"):
        load_documents([tmp_path])
    (tmp_path / "a.txt").write_text("The talks resumed on Monday.")
    (tmp_path / "page.html").write_text("<p>The talks resumed.</p>")
    with pytest.warns(FramingWarning, match=r"it holds 2 \.odt, 1 \.html, 1 \.pdf file\(s\), which are not read: save "
                                            r"them as Word \(\.docx\) or Plain Text \(\.txt\); a web page \(\.html\) "
                                            r"may also be given"):
        assert load_documents([tmp_path])["doc_id"].tolist() == ["a"]
    for name in ("essay1.odt", "essay2.odt"):
        (tmp_path / name).unlink()
    with pytest.warns(FramingWarning, match=r"it holds 1 \.html, 1 \.pdf file\(s\), which are not read: save them as "
                                            r"Plain Text \(\.txt\); a web page"):  # not as Word: it keeps nothing more
        load_documents([tmp_path])


def test_a_headline_given_as_such_is_labelled_headline_whatever_its_punctuation():
    from framing.corpus import clean_documents

    from framing.corpus.manifest import METADATA_COLUMNS

    documents = pd.DataFrame({"doc_id": ["a", "b"], "path": ["a", "b"], "headline_first": [True, False],
                              "raw_text": ["Iran vows revenge!\n\nThe regime said so. It fell.",
                                           "Iran vows revenge!\n\nThe regime said so. It fell."],
                              "sha256": ["0", "1"], "encoding": "utf-8",
                              **{column: "" for column in METADATA_COLUMNS if column != "doc_id"}})
    corpus = clean_documents(documents)
    sections = corpus.paragraphs.groupby("doc_id")["section"].first()
    assert sections.to_dict() == {"a": "headline", "b": "body"}  # "!" ends a sentence: no headline by itself
    assert "headline_first" not in corpus.documents.columns and "headline_first" in documents.columns


def test_manifest_is_used_automatically_from_the_folder(tmp_path):
    write_manifest(tmp_path, "doc_id,file,kind,outlet\nwire,a.txt,wire,AP\nop,b.txt,opinion,Times\n")
    docs = load_documents([tmp_path])
    assert docs["doc_id"].tolist() == ["wire", "op"]
    assert docs["outlet"].tolist() == ["AP", "Times"]


def test_toml_manifest(tmp_path):
    (tmp_path / "a.txt").write_text("First document.")
    path = tmp_path / "manifest.toml"
    path.write_text('[[document]]\ndoc_id = "a"\nfile = "a.txt"\nkind = "wire"\n')
    assert read_manifest(path)[["doc_id", "kind"]].values.tolist() == [["a", "wire"]]


@pytest.mark.parametrize(
    ("manifest", "message"),
    [
        ("doc_id,kind\na,wire\n", r"manifest\.csv:1: missing required column\(s\) file"),
        ("doc_id,file\na,a.txt\nb,missing.txt\n", r"manifest\.csv:3: names a missing file 'missing.txt'"),
        ("doc_id,file\na,a.txt\na,b.txt\n", r"manifest\.csv:3: duplicate doc_id 'a'"),
        ("doc_id,file,kind\na,a.txt,blog\n", r"manifest\.csv:2: unknown kind 'blog'"),
        ("doc_id,file\na,../outside.txt\n", r"outside the manifest's folder"),
        # Without the check, rows b and c were read as a's title and the folder's files went unlisted.
        ('doc_id,file,title\na,a.txt,"Strike\nb,b.txt,B\nc,c.txt,C\n',
         r"manifest\.csv:2: a cell opened with a quote \(\"\) is never closed"),
    ],
)
def test_bad_manifests_are_refused_with_the_line(tmp_path, manifest, message):
    (tmp_path.parent / "outside.txt").write_text("Outside.")
    path = write_manifest(tmp_path, manifest)
    with pytest.raises(FramingError, match=message):
        load_documents([tmp_path], manifest=path)


def test_load_corpus_tables_have_their_documented_columns(seed_corpus):
    assert list(seed_corpus.paragraphs.columns) == ["doc_id", "para_id", "section", "start", "end"]
    assert list(seed_corpus.removals.columns) == ["doc_id", "para_id", "kind", "text", "position"]
    for doc in seed_corpus.documents.itertuples():
        paragraphs = seed_corpus.paragraphs.query("doc_id == @doc.doc_id")
        assert paragraphs["end"].max() == len(doc.text)
        assert isinstance(doc.text, str)


def test_load_corpus_accepts_a_single_path(tmp_path):
    (tmp_path / "x.txt").write_text("Only one.")
    corpus = load_corpus(tmp_path / "x.txt")
    assert corpus.documents["doc_id"].tolist() == ["x"]
    assert isinstance(corpus.documents, pd.DataFrame)


def test_named_files_take_their_metadata_from_the_manifest_beside_them():
    docs = load_documents([SEEDS / "dailymail_soleimani_2020-01-03.txt", SEEDS / "wikipedia_soleimani_2017.txt"])
    assert docs["doc_id"].tolist() == ["dailymail-2020", "wikipedia-2017"]
    assert docs["kind"].tolist() == ["tabloid", "encyclopedic"]


# --- batches: one table per batch, the same rows as cleaning each document alone ----------------------------

BATCH_TEXTS = {
    "tabloid": "Villain with blood on his hands\n\n  • He was killed \n\nThe general.[3] Said “so”.\n\n"
               "The general (pictured in 2015) at a rally\n\nThe general (pictured in 2015) at a rally\n\nEnd.",
    "plain": "Nothing to clean here.",  # no removals at all
    "one": "He said so.[33] Then he left front He was gone.",
    "html": "<html><body><h1>Title</h1><p>First&nbsp;para.</p><p>Second para.</p></body></html>",
}


def batch_of(texts: dict[str, str]) -> pd.DataFrame:
    """A batch as :func:`load_documents` gives it (metadata left empty)."""
    batch = pd.DataFrame({"doc_id": list(texts), "title": list(texts)})
    for column in ("outlet", "kind", "published", "source", "notes", "sha256", "encoding"):
        batch[column] = ""
    return batch.assign(path=[f"{doc_id}.txt" for doc_id in texts], raw_text=list(texts.values()))


def test_a_batch_gives_the_same_tables_as_cleaning_each_document_alone():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", FramingWarning)
        corpus = clean_documents(batch_of(BATCH_TEXTS))
        alone = {doc_id: clean_text(raw, path=f"{doc_id}.txt") for doc_id, raw in BATCH_TEXTS.items()}
    assert corpus.documents["text"].tolist() == [cleaned.text for cleaned in alone.values()]
    assert corpus.documents["n_paragraphs"].tolist() == [len(cleaned.paragraphs) for cleaned in alone.values()]
    for table in ("paragraphs", "removals"):
        expected = pd.concat([getattr(cleaned, table).assign(doc_id=doc_id) for doc_id, cleaned in alone.items()
                              if len(getattr(cleaned, table))], ignore_index=True)
        got = getattr(corpus, table)
        assert list(got.columns) == ["doc_id", *getattr(alone["one"], table).columns]
        pd.testing.assert_frame_equal(got[expected.columns], expected, check_exact=True)
    assert len(alone["plain"].removals) == 0 and "plain" not in set(corpus.removals["doc_id"])


@pytest.mark.filterwarnings("ignore::framing.FramingWarning")
def test_removals_are_ordered_by_position_then_paragraph_in_each_document():
    corpus = clean_documents(batch_of(BATCH_TEXTS))
    for _, removals in corpus.removals.groupby("doc_id", sort=False):
        keys = list(zip(removals["position"], removals["para_id"]))
        assert keys == sorted(keys)


@pytest.mark.filterwarnings("ignore::framing.FramingWarning")
def test_removal_dtypes_do_not_depend_on_whether_a_batch_has_removals():
    with_removals = clean_documents(batch_of(BATCH_TEXTS)).removals
    without = clean_documents(batch_of({"plain": "Nothing to clean here."})).removals
    assert len(without) == 0
    assert without.dtypes.equals(with_removals.dtypes)
    assert with_removals["position"].dtype == "int64" and with_removals["para_id"].dtype == "int64"


def test_a_text_without_removals_keeps_clean_texts_empty_tables():
    cleaned = clean_text("Nothing to clean here.")
    assert list(cleaned.removals.columns) == ["para_id", "kind", "text", "position"] and cleaned.removals.empty
    assert cleaned.paragraphs.to_dict("records") == [{"para_id": 1, "section": "body", "start": 0, "end": 22}]


# --- shortcuts on short texts give what the full computations give ------------------------------------------

EDIT_CHARACTERS = list("abHeShTy .!?[]12note\t\n'\"`“”„‟«»″‘’‚‛′‹›\u00a0\u2002\u202f\u3000\u200b\u00ad")


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from([*EDIT_CHARACTERS, "He ", "She w", " [1]", " [note 2]", "[citation needed]"]),
                max_size=60))
def test_inline_edits_match_as_without_the_first_character_test(pieces):
    line = "".join(pieces)
    unfiltered = re.compile(_INLINE_EDITS.pattern.removeprefix(_EDIT_START), _INLINE_EDITS.flags)
    spans = [(m.start(), m.end(), m.lastgroup) for m in _INLINE_EDITS.finditer(line)]
    assert spans == [(m.start(), m.end(), m.lastgroup) for m in unfiltered.finditer(line)]


def full_language_test(text: str) -> bool:
    """warn_unless_english's decision computed the long way, with no shortcut."""
    latin, n_letters = _latin_letter_share(text)
    if n_letters >= LANGUAGE_MIN_LETTERS and latin < 0.5:
        return True
    share, n_words = english_share(text)
    return n_words >= LANGUAGE_MIN_WORDS and share < ENGLISH_MIN_SHARE


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["the ", "of ", "guerre ", "Krieg ", "é", "ß ", "中文", "Ζεύς ", "x", " ", "9"]),
                max_size=400))
def test_language_shortcuts_decide_as_the_full_test(pieces):
    text = "".join(pieces)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", FramingWarning)
        assert warn_unless_english(text) == full_language_test(text)


@pytest.mark.parametrize("text", ["中文字" * 150, "Ζεύς και " * 60, "le la de et que " * 30,
                                  "Der Krieg ist nicht gut und das Land " * 10])
def test_long_non_english_texts_still_warn(text):
    with pytest.warns(FramingWarning, match="does not look like English"):
        assert warn_unless_english(text, "x.txt")


def test_each_file_is_read_once_and_hashed_from_the_same_bytes(tmp_path, file_reads):
    texts = {"a.txt": "The regime said the talks would resume.\n", "b.md": "Officials gave no date.\n"}
    for name, text in texts.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    documents = load_documents([tmp_path])
    assert dict(file_reads) == {"a.txt": 1, "b.md": 1}
    assert documents["sha256"].tolist() == [hashlib.sha256(text.encode("utf-8")).hexdigest()
                                            for text in texts.values()]


def test_listing_documents_reads_no_text(tmp_path, monkeypatch):
    (tmp_path / "a.txt").write_bytes(b"%PDF-1.7 not a text")  # refused only when read
    (tmp_path / "manifest.csv").write_text("doc_id,file,outlet\nstory,a.txt,Wire\n", encoding="utf-8")
    monkeypatch.setattr(Path, "read_bytes", lambda path: pytest.fail(f"read {path}"))
    listed = list_documents([tmp_path / "a.txt"])
    assert listed[["doc_id", "outlet", "kind"]].values.tolist() == [["story", "Wire", "unknown"]]
    assert Path(listed["file"].iloc[0]) == (tmp_path / "a.txt").resolve()


def test_a_folder_holding_a_corpus_table_says_to_name_it(tmp_path):
    (tmp_path / "export.csv").write_text("id,text\na1,The talks resumed.\n", encoding="utf-8")
    with pytest.raises(FramingError, match=r"folder has no \.txt, \.md or \.docx files; it holds the corpus table\(s\) "
                                           r"export\.csv, which a folder scan does not read: give a table by name to "
                                           r"read its rows as documents, e\.g\. framing analyze .*export\.csv$"):
        load_documents([tmp_path])
    (tmp_path / "a.txt").write_text("The talks resumed on Monday.")
    with pytest.warns(FramingWarning, match=r"it holds the corpus table\(s\) export\.csv"):
        assert load_documents([tmp_path])["doc_id"].tolist() == ["a"]
    # A manifest is no corpus table.
    (tmp_path / "export.csv").unlink()
    (tmp_path / "manifest.csv").write_text("doc_id,file\na,a.txt\n")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        load_documents([tmp_path])


def test_json_files_beside_documents_are_named(tmp_path):
    # Alone in a folder they are a corpus table (corpus/test_json_rows.py); beside documents, the documents win.
    (tmp_path / "a.txt").write_text("The talks resumed on Monday.")
    for number in range(3):
        (tmp_path / f"article{number}.json").write_text('{"title": "Talks", "maintext": "The talks resumed."}')
    with pytest.warns(FramingWarning, match=r"it holds 3 \.json files, which are not read beside its documents: "
                                            r"give the JSON files, one article each, a folder of their own"):
        assert load_documents([tmp_path])["doc_id"].tolist() == ["a"]


def test_documents_nested_deeper_are_pointed_to(tmp_path):
    # As news archives store them: by date, then site.
    (tmp_path / "data" / "2020" / "01" / "bbc").mkdir(parents=True)
    (tmp_path / "data" / "2020" / "01" / "bbc" / "a.txt").write_text("The talks resumed on Monday.")
    with pytest.raises(FramingError, match=r"data: folder has no \.txt, \.md or \.docx files; its documents lie deeper "
                                           r"\(e\.g\. in .*data/2020/01/bbc\), and only a folder's own files or its "
                                           r"subfolders' are read: name the folders that hold them"):
        load_documents([tmp_path / "data"])
    (tmp_path / "empty" / "sub").mkdir(parents=True)
    with pytest.raises(FramingError, match=r"empty: folder has no \.txt, \.md or \.docx files$"):
        load_documents([tmp_path / "empty"])


def test_an_outlet_subfolder_with_its_own_manifest_is_read_with_it(tmp_path):
    # A class keeps one folder per outlet; one group also wrote a manifest for theirs.
    root = outlet_folders(tmp_path / "corpus")
    (root / "bbc" / "manifest.csv").write_text("doc_id,file,outlet,kind\nbbc-a,a.txt,BBC News,broadsheet\n")
    table = load_documents([root])
    # The manifest decides which of bbc's files are read (a, not b) and gives them its metadata.
    assert table[["doc_id", "outlet", "kind", "folder", "path"]].values.tolist() == [
        ["bbc-a", "BBC News", "broadsheet", "bbc", "bbc/a.txt"], ["c", "", "unknown", "sun", "sun/c.txt"]]


def test_hidden_and_lock_files_are_passed_over_by_a_folder_scan(tmp_path):
    (tmp_path / "a.txt").write_text("The talks resumed on Monday.")
    # macOS's companion of a file copied to a USB stick or zipped, and Word's lock file of an open document.
    (tmp_path / "._a.txt").write_bytes(b"\x00\x05\x16\x07\x00\x02\x00\x00Mac OS X        ")
    (tmp_path / "~$essay.docx").write_bytes(b"\x05Owner")
    (tmp_path / "._notes.pdf").write_bytes(b"\x00\x05\x16\x07")
    with warnings.catch_warnings():
        warnings.simplefilter("error", FramingWarning)  # no hint about the hidden .pdf either
        assert load_documents([tmp_path])["doc_id"].tolist() == ["a"]
    # Named on their own, they are read as asked, and refused for what they are.
    with pytest.raises(FramingError, match=r"\._a\.txt: looks like a binary file"):
        load_documents([tmp_path / "._a.txt"])
