"""Word documents (``.docx``): their paragraphs as a document's text, read with python-docx.

A class collects articles the way its students keep them: pasted into Word. Saving each as Plain Text first
is a step that loses what the file says about its own structure, which is what this reads instead:

- paragraphs, in order, one per text paragraph (a blank line between); a line break inside one is kept as a
  line break. Text inside tracked insertions and moves, hyperlinks, smart tags, simple fields and content
  controls is read; deleted text (tracked deletions, and moved text where it stood) is not, as Word does not
  show it.
- the title: the first paragraph, when Word's ``Title`` or ``Heading 1`` style marks it, is the headline
  (labelled so, whatever its punctuation) and fills the ``title`` column a manifest leaves empty.
- list paragraphs (numbered or bulleted) start with a bullet, so that the cleaner labels them ``bullet``.
- tables are left out, with a warning: their cells are figures and labels, not sentences.

Not read: headers, footers, footnotes, comments and text boxes (page furniture and asides, not the article).
The file's own properties (author, dates) are not used: they name whoever made the Word file and when, not the
article's writer and publication.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import NamedTuple

from ..errors import input_error, warn
from .encoding import OLE2_MAGIC

WORD_SUFFIXES = (".docx",)
# Word's built-in styles whose first paragraph is the document's title (their names as python-docx gives them,
# in English whatever the language of the Word that wrote the file).
TITLE_STYLES = ("Title", "Heading 1")
BULLET = "• "
# Where a paragraph's text lies among its children: runs, and runs inside these wrappers.
# Text moved with tracking on is in ``w:moveTo`` where it now stands (and in ``w:moveFrom``, read as deleted, where
# it stood).
_RUNS = ("./w:r | ./w:hyperlink/w:r | ./w:ins/w:r | ./w:moveTo/w:r | ./w:smartTag/w:r | ./w:fldSimple/w:r"
         " | ./w:sdt/w:sdtContent/w:r | ./w:ins/w:hyperlink/w:r | ./w:hyperlink/w:ins/w:r")
# The body's paragraphs and tables, also those inside content controls (a school's template wraps its fields).
_BLOCKS = "./w:p | ./w:tbl | ./w:sdt/w:sdtContent/w:p | ./w:sdt/w:sdtContent/w:tbl"
_SAVE_AS_TEXT = "or save it as Plain Text (.txt)"


class WordText(NamedTuple):
    """What :func:`read_word_file` returns: the text, and the title when the first paragraph is one (the text then
    starts with it)."""

    text: str
    title: str


def read_word_file(path: Path, data: bytes) -> WordText:
    """The text of the Word document ``path`` whose bytes are ``data`` (see the module's docstring), or one clear
    message: python-docx missing, or a file that is not a readable Word document."""
    document = _opened(path, data)
    paragraphs: list[str] = []
    title = ""
    tables = 0
    for block in document.element.body.xpath(_BLOCKS):
        if block.tag.endswith("}tbl"):
            tables += 1
            continue
        text = "".join(run.text for run in block.xpath(_RUNS)).strip()
        if not text:
            continue
        style = _style_name(document, block)
        if not paragraphs and style in TITLE_STYLES:
            title = " ".join(text.split())
        elif (block.pPr is not None and block.pPr.numPr is not None) or style.startswith("List"):
            text = BULLET + text
        paragraphs.append(text)
    if tables:
        warn(path, f"holds {tables} table(s), which are left out: their cells are not sentences")
    return WordText("\n\n".join(paragraphs), title)


def is_word_document(data: bytes) -> bool:
    """Whether ``data`` is a Word document's ZIP archive (it holds ``word/document.xml``), whatever its name."""
    if not data.startswith(b"PK\x03\x04"):
        return False
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return "word/document.xml" in archive.namelist()
    except zipfile.BadZipFile:
        return False


def _style_name(document, paragraph) -> str:
    style_id = paragraph.style  # the paragraph's own style id, None for the default
    if style_id is None:
        return ""
    style = document.styles.element.get_by_id(style_id)
    return "" if style is None or style.name_val is None else _english_name(style.name_val)


def _english_name(name: str) -> str:
    """Word stores built-in style names in lower case ("heading 1"); python-docx shows them capitalised."""
    from docx.styles import BabelFish

    return BabelFish.internal2ui(name)


def _opened(path: Path, data: bytes):
    """The document opened by python-docx, or one clear message."""
    try:
        import docx
        from docx.opc.exceptions import PackageNotFoundError
    except ImportError:
        raise input_error(path, "reading a Word document needs python-docx: pip install 'framing[docx]', "
                                f"{_SAVE_AS_TEXT}") from None
    from lxml.etree import XMLSyntaxError

    if data.startswith(OLE2_MAGIC):
        raise input_error(path, "is a password-protected Word document or an old .doc renamed .docx; remove the "
                                f"password and save it as .docx, {_SAVE_AS_TEXT}")
    try:
        return docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, PackageNotFoundError):
        problem = "is not a Word document (a .docx file is a ZIP archive; this one is not)"
    except KeyError:
        problem = "is a ZIP archive but not a Word document (it holds no document part)"
    except ValueError as error:  # another Office file renamed .docx: python-docx names its content type
        problem = f"is not a Word document but {_other_office_file(str(error))}"
    except XMLSyntaxError as error:
        problem = f"is a damaged Word document ({error})"
    raise input_error(path, f"{problem}; open it in Word and save it again as .docx, {_SAVE_AS_TEXT}")


_OTHER_OFFICE_FILES = {"spreadsheetml": "an Excel workbook (.xlsx)", "presentationml": "a PowerPoint file (.pptx)",
                       "macroEnabled": "a Word document with macros (.docm)", "template": "a Word template (.dotx)"}


def _other_office_file(message: str) -> str:
    """What python-docx's "content type is …" message says the file is, in words."""
    content_type = message.rpartition("content type is ")[2].strip("'")
    return next((name for key, name in _OTHER_OFFICE_FILES.items() if key in content_type),
                f"another Office file (content type {content_type})")
