"""Sections: which cleaned paragraphs are headlines, captions or subheads, and the infobox residue that a copied
encyclopedia page leaves before its lead sentence."""

from __future__ import annotations

import re

from .paragraphs import TERMINAL, WORD, Paragraph
from .tables import Removal

PICTURE_CUE = re.compile(r"\((?:pictured|left|right|centre|center|above|below|top|bottom|inset)\b|^pictured\b",
                         re.IGNORECASE)
LEAD_VERB = re.compile(r"\b(?:is|was|are|were)\s+(?:an?|the)\b")
LEAD_SUBJECT = re.compile(r"(?:[A-Z][\w'.-]*\s+){0,5}[A-Z][\w'.-]*\s*(?:\([^()]*(?:\([^()]*\)[^()]*)*\))?\s*$")


def label_sections(paragraphs: list[Paragraph]) -> list[Paragraph]:
    """Body paragraphs relabelled by position, length and punctuation: headline, caption or subhead; then the
    infobox residue cut from the lead (:func:`_cut_infobox`)."""
    labelled = []
    for index, (text, section, removals) in enumerate(paragraphs):
        if section == "body":
            # Words are counted only for a paragraph without final punctuation (few are): the count decides only
            # between a headline or subhead and body text.
            punctuated = bool(TERMINAL.search(text))
            words = len(WORD.findall(text)) if not punctuated else 0
            if index == 0 and not punctuated and words < 60 and len(paragraphs) > 1:
                section = "headline"
            elif PICTURE_CUE.search(text):
                section = "caption"
            elif not punctuated and words <= 10 and index > 0:
                section = "subhead"
        labelled.append(Paragraph(text, section, removals))
    return _cut_infobox(labelled)


def _cut_infobox(paragraphs: list[Paragraph]) -> list[Paragraph]:
    """Remove table residue that precedes an encyclopedia's lead sentence in the first body paragraph.

    A copied Wikipedia infobox arrives as a run of names and years ("Kurdish Rebellion (1979) Iran–Iraq War
    (1980–1988) …") glued to "Major General Qasem Soleimani (…) is an Iranian …". The residue is the text before
    the lead's subject when it has no sentence punctuation and is mostly capitalised words, numbers and brackets.
    """
    for index, (text, section, removals) in enumerate(paragraphs):
        if section != "body":
            continue
        verb = LEAD_VERB.search(text)
        if not verb or verb.start() > 2000:
            return paragraphs
        head = text[:verb.start()]
        subject = LEAD_SUBJECT.search(head)
        if not subject:
            return paragraphs
        cut = _subject_start(head, subject)
        residue = head[:cut]
        tokens = residue.split()
        if len(tokens) < 4 or re.search(r"[.!?]\s", residue):
            return paragraphs
        formal = sum(t[:1].isupper() or t[:1] in "(\"'" or t[:1].isdigit() or t in {"–", "-"} for t in tokens)
        if formal < 0.6 * len(tokens):
            return paragraphs
        kept = [r._replace(position=r.position - cut) for r in removals if r.position >= cut]
        kept.insert(0, Removal(0, "infobox", residue.strip(), 0))
        paragraphs = list(paragraphs)
        paragraphs[index] = Paragraph(text[cut:], section, kept)
        return paragraphs
    return paragraphs


RANKS = {"major", "general", "lieutenant", "brigadier", "colonel", "admiral", "field", "marshal", "ayatollah",
         "grand", "sheikh", "president", "prime", "sir", "dame", "dr", "king", "queen", "prince", "princess"}


def _subject_start(head: str, subject: re.Match) -> int:
    """Where the lead's subject begins inside a run of capitalised words ("… Civil War Major General X Y").

    The run may have swallowed the last infobox item, so start at the first rank/honorific word if there is
    one, else keep at most three capitalised words (most names) before the bracket.
    """
    words = list(re.finditer(r"[A-Z][\w'.-]*", head[subject.start():].split("(")[0]))
    for word in words:
        if word.group().lower().rstrip(".") in RANKS:
            return subject.start() + word.start()
    if len(words) > 3:
        return subject.start() + words[-3].start()
    return subject.start()
