"""Word documents read as documents: paragraphs, title, lists, tracked changes, and one message per bad file."""

import io
import re
import sys
import zipfile

import docx
import pandas as pd
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from framing.corpus import clean_documents, load_documents
from framing.corpus.reading import read_text_file
from framing.corpus.word_files import read_word_file
from framing.errors import FramingError, FramingWarning


def saved(document, path):
    document.save(path)
    return path


def word_text(path):
    return read_word_file(path, path.read_bytes())


def storm_document():
    document = docx.Document()
    document.add_paragraph("Storm floods coastal towns", style="Title")
    document.add_paragraph("Heavy rain flooded three towns on Tuesday, officials said.")
    document.add_paragraph("Roads closed", style="List Bullet")
    document.add_paragraph("Schools shut", style="List Number")
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "Town", "Homes flooded"
    document.add_paragraph("Forecasters expect more rain on Friday.")
    return document


def test_paragraphs_title_and_lists_are_read_and_tables_left_out_with_a_warning(tmp_path):
    path = saved(storm_document(), tmp_path / "storm.docx")
    with pytest.warns(FramingWarning, match=r"storm\.docx: holds 1 table\(s\), which are left out"):
        read = word_text(path)
    assert read.title == "Storm floods coastal towns"
    assert read.text == ("Storm floods coastal towns\n\n"
                         "Heavy rain flooded three towns on Tuesday, officials said.\n\n"
                         "• Roads closed\n\n• Schools shut\n\n"
                         "Forecasters expect more rain on Friday.")


def test_a_first_heading_is_the_title_and_a_later_one_is_only_a_paragraph(tmp_path):
    document = docx.Document()
    document.add_paragraph("")  # an empty first paragraph does not count
    document.add_heading("Talks resume in Geneva", level=1)
    document.add_paragraph("Negotiators met again on Monday.")
    document.add_heading("Background", level=1)
    read = word_text(saved(document, tmp_path / "talks.docx"))
    assert read.title == "Talks resume in Geneva"
    assert read.text.split("\n\n") == ["Talks resume in Geneva", "Negotiators met again on Monday.", "Background"]
    plain = docx.Document()
    plain.add_paragraph("Negotiators met again on Monday.")
    plain.add_heading("Background", level=2)
    assert word_text(saved(plain, tmp_path / "plain.docx")).title == ""


def test_text_word_shows_is_read_and_deleted_text_is_not(tmp_path):
    document = docx.Document()
    paragraph = document.add_paragraph("The minister ")
    paragraph._p.append(parse_xml(f'<w:ins {nsdecls("w")} w:id="1" w:author="ed"><w:r><w:t xml:space="preserve">'
                                  'flatly </w:t></w:r></w:ins>'))
    paragraph._p.append(parse_xml(f'<w:del {nsdecls("w")} w:id="2" w:author="ed"><w:r><w:delText>angrily '
                                  '</w:delText></w:r></w:del>'))
    paragraph._p.append(parse_xml(f'<w:moveFrom {nsdecls("w")} w:id="3" w:author="ed"><w:r><w:t>today </w:t></w:r>'
                                  '</w:moveFrom>'))
    paragraph._p.append(parse_xml(f'<w:hyperlink {nsdecls("w")}><w:r><w:t>denied</w:t></w:r></w:hyperlink>'))
    run = paragraph.add_run(" the report")
    paragraph._p.append(parse_xml(f'<w:moveTo {nsdecls("w")} w:id="4" w:author="ed"><w:r><w:t xml:space="preserve">'
                                  ' today</w:t></w:r></w:moveTo>'))
    run = paragraph.add_run(".")
    run.add_break()
    paragraph.add_run("Second line.")
    body = document.element.body
    body.insert(len(body) - 1, parse_xml(  # a content control around a paragraph, before the section properties
        f'<w:sdt {nsdecls("w")}><w:sdtContent><w:p><w:r><w:t>Inside a control.</w:t></w:r></w:p></w:sdtContent>'
        '</w:sdt>'))
    read = word_text(saved(document, tmp_path / "changes.docx"))
    assert read.text == "The minister flatly denied the report today.\nSecond line.\n\nInside a control."


def test_a_word_document_is_a_document_with_its_title_as_headline(tmp_path):
    saved(storm_document(), tmp_path / "storm.docx")
    (tmp_path / "wire.txt").write_text("Floods hit coast\n\nFloodwaters swept through three towns on Tuesday.\n")
    with pytest.warns(FramingWarning, match="table"):
        documents = load_documents([tmp_path])
    storm = documents.set_index("doc_id").loc["storm"]
    assert storm["title"] == "Storm floods coastal towns" and storm["encoding"] == "docx"
    assert storm["path"] == "storm.docx" and len(storm["sha256"]) == 64
    corpus = clean_documents(documents)
    sections = corpus.paragraphs[corpus.paragraphs["doc_id"] == "storm"]["section"].tolist()
    assert sections == ["headline", "body", "bullet", "bullet", "body"]
    assert "headline_first" not in corpus.documents.columns


def test_a_manifest_title_wins_over_the_documents_own(tmp_path):
    saved(storm_document(), tmp_path / "storm.docx")
    (tmp_path / "manifest.csv").write_text("doc_id,file,title\nstorm,storm.docx,Coastal flooding (class copy)\n")
    with pytest.warns(FramingWarning, match="table"):
        documents = load_documents([tmp_path])
    assert documents["title"].tolist() == ["Coastal flooding (class copy)"]


@pytest.mark.parametrize(("content", "message"), [
    (b"Just some text, renamed.", r"is not a Word document \(a \.docx file is a ZIP archive; this one is not\)"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1rest", r"is a password-protected Word document or an old \.doc renamed"),
    ("zip", r"is a ZIP archive but not a Word document"),
    ("xlsx", r"is not a Word document but an Excel workbook \(\.xlsx\)"),
    ("empty", r"is a Word document with no text in its paragraphs"),
])
def test_a_file_named_docx_that_is_not_a_readable_word_document_gets_one_message(tmp_path, content, message):
    path = tmp_path / "essay.docx"
    if content == "zip":
        with zipfile.ZipFile(path, "w") as archive:
            archive.writestr("notes.txt", "not a document")
    elif content == "xlsx":
        import openpyxl

        openpyxl.Workbook().save(path)
    elif content == "empty":
        docx.Document().save(path)
    else:
        path.write_bytes(content)
    with pytest.raises(FramingError, match=rf"essay\.docx: {message}.*(save it as Plain Text|$)"):
        read_text_file(path)


def test_without_python_docx_the_message_names_the_extra(tmp_path, monkeypatch):
    path = saved(storm_document(), tmp_path / "storm.docx")
    monkeypatch.setitem(sys.modules, "docx", None)
    with pytest.raises(FramingError, match=r"needs python-docx: pip install 'framing\[docx\]', or save it as Plain"):
        read_text_file(path)


def test_a_word_file_renamed_txt_is_refused_with_the_name_that_reads_it(tmp_path):
    buffer = io.BytesIO()
    storm_document().save(buffer)
    path = tmp_path / "essay.txt"
    path.write_bytes(buffer.getvalue())
    with pytest.raises(FramingError, match=r"essay\.txt: is a Word document \(\.docx\) named otherwise; rename it "
                                           r"\.docx to read it as one$"):
        read_text_file(path)
    (tmp_path / "other.txt").write_bytes(b"PK\x03\x04 an archive of another kind")
    with pytest.raises(FramingError, match=r"is a ZIP archive \(an \.odt or \.pages file\?\)"):
        read_text_file(tmp_path / "other.txt")


@pytest.mark.slow
def test_word_copies_of_the_seeds_give_the_same_analysis_as_their_text_files(tmp_path):
    from framing.pipeline import analyze
    from tests.conftest import SEEDS

    for text_file in SEEDS.glob("*.txt"):
        document = docx.Document()
        for paragraph in re.split(r"\n\s*\n", text_file.read_text(encoding="utf-8")):
            if paragraph.strip():
                document.add_paragraph(paragraph.strip())
        document.save(tmp_path / f"{text_file.stem}.docx")
    manifest = (SEEDS / "manifest.csv").read_text(encoding="utf-8")
    (tmp_path / "manifest.csv").write_text(manifest.replace(".txt", ".docx"), encoding="utf-8")
    (tmp_path / "events.toml").write_bytes((SEEDS / "events.toml").read_bytes())
    from_text, from_word = analyze(SEEDS), analyze(tmp_path)
    for name in ("sentences", "terms", "sources", "harms", "events", "pairs", "rewrites"):
        pd.testing.assert_frame_equal(getattr(from_word, name), getattr(from_text, name), obj=name)
    assert from_word.corpus.documents["encoding"].eq("docx").all()


def test_many_word_documents_are_read_by_forked_processes_with_the_same_results_and_warnings(tmp_path,
                                                                                             monkeypatch):
    import warnings

    from framing.corpus import reading

    monkeypatch.setattr(reading, "PARALLEL_WORD_FILES", 4)
    paths = []
    for k in range(9):
        document = docx.Document()
        document.add_paragraph(f"Report {k}", style="Title")
        document.add_paragraph(f"Officials said {k} homes were flooded on Tuesday.")
        if k % 3 == 0:
            document.add_table(rows=1, cols=1).cell(0, 0).text = "Town"
        paths.append(saved(document, tmp_path / f"r{k}.docx"))
    (tmp_path / "broken.docx").write_bytes(b"not a zip")
    paths.insert(4, tmp_path / "broken.docx")
    (tmp_path / "plain.txt").write_bytes("Caf\xe9 owners said so.".encode("cp1252"))  # warns: not UTF-8
    paths.append(tmp_path / "plain.txt")

    def read(jobs):
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            results = list(reading.read_text_files(paths, jobs=jobs))
        return [str(r) if isinstance(r, FramingError) else r for r in results], [str(w.message) for w in caught]

    here, forked = read(1), read(2)
    assert forked == here
    results, warned = here
    assert [r.title for r in results if not isinstance(r, str)] == [f"Report {k}" for k in range(9)] + [""]
    assert "broken.docx: is not a Word document" in results[4]
    assert [w.split(": ")[0].rsplit("/", 1)[-1] for w in warned] == ["r0.docx", "r3.docx", "r6.docx", "plain.txt"]


def test_a_refused_word_document_among_many_stops_the_reading_at_once(tmp_path, monkeypatch):
    from framing.corpus import reading

    monkeypatch.setattr(reading, "PARALLEL_WORD_FILES", 2)
    for k in range(40):
        saved(docx.Document(), tmp_path / f"empty{k:02d}.docx")
    with pytest.raises(FramingError, match=r"empty00\.docx: is a Word document with no text .*--skip-bad-rows"):
        load_documents([tmp_path], jobs=2)
