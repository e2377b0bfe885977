"""Split cleaned documents into sentences: the first table contract of the pipeline.

Sentence boundaries come from NLTK's Punkt with parameters trained for English news and shipped in the package
(``data/punkt_english.json``, made by ``tools/train_punkt.py``), so nothing is downloaded at run time. On top of
Punkt: a paragraph break always ends a sentence, and the cleaner's ``sentence_break`` records (a boundary with
no punctuation) split too.
"""

from __future__ import annotations

import json
import re
from bisect import bisect_left
from collections import defaultdict
from functools import cache
from importlib.resources import files

import pandas as pd
from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

from .corpus import WORD, Corpus

SENTENCE_COLUMNS = ["doc_id", "sent_id", "para_id", "section", "start", "end", "text", "n_words", "citations"]


@cache
def punkt_tokenizer() -> PunktSentenceTokenizer:
    """The packaged English Punkt tokenizer, built once."""
    data = json.loads(files("framing.data").joinpath("punkt_english.json").read_text(encoding="utf-8"))
    params = PunktParameters()
    params.abbrev_types = set(data["abbrev_types"])
    params.collocations = {tuple(pair) for pair in data["collocations"]}
    params.sent_starters = set(data["sent_starters"])
    params.ortho_context = defaultdict(int, data["ortho_context"])
    return PunktSentenceTokenizer(params)


def count_words(text: str) -> int:
    """Words as the tables count them: runs of letters/digits, with inner hyphens and apostrophes."""
    return len(WORD.findall(text))


def split_spans(text: str, *, breaks: list[int] = ()) -> list[tuple[int, int]]:
    """Sentence spans ``(start, end)`` of one paragraph; ``breaks`` are extra boundary offsets."""
    spans = []
    for start, end in punkt_tokenizer().span_tokenize(text):
        cuts = [b for b in breaks if start < b < end]
        for cut in cuts:
            piece_end = len(text[start:cut].rstrip()) + start
            if piece_end > start:
                spans.append((start, piece_end))
            start = cut
        spans.append((start, end))
    return _merge_fragments(text, spans)


def _merge_fragments(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Join pieces Punkt cut off wrongly to the sentence before them.

    Three cases: a title that only ever precedes a name ("Dr. Rice", "Gen. Soleimani"); a piece with no word (a stray closing quote or bracket), and the attribution after a quotation
    that ends in ``?'`` or ``!"`` ("'…who is left?' Soleimani said in a speech."), which news style keeps in one
    sentence.
    """
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        previous = text[merged[-1][0]:merged[-1][1]] if merged else ""
        piece = text[start:end]
        if merged and (count_words(piece) == 0 or TITLE_END.search(previous)
                       or (QUOTE_END.search(previous) and SPEECH_TAG.match(piece))):
            merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


# Titles that precede a name and so never end a sentence (unlike "U.S." or "Inc.", which can).
TITLE_END = re.compile(r"(?:^|\s)(?:Mr|Mrs|Ms|Dr|Gen|Maj|Lt|Col|Capt|Sgt|Adm|Brig|Gov|Sen|Rep|Prof|Rev|Supt|Cmdr)\.$")
QUOTE_END = re.compile(r"[?!]['\"]$")
SPEECH_TAG = re.compile(
    r"(?:(?:[A-Z][\w'.-]*\s+){1,4}|(?:he|she|they|it|we|I)\s+)(?:said|says|told|tells|added|adds|asked|asks|"
    r"wrote|writes|recalled|recounted|insisted|claimed|explained|declared|replied|continued)\b",
    re.IGNORECASE,
)


def sentences(corpus: Corpus, *, sections: tuple[str, ...] | list[str] | None = None) -> pd.DataFrame:
    """One row per sentence of the corpus.

    Parameters
    ----------
    corpus
        From :func:`framing.load_corpus`.
    sections
        Keep only sentences of these sections (e.g. ``("body",)``); all sections when ``None``.

    Returns
    -------
    DataFrame with columns
        ``doc_id``; ``sent_id`` (1-based, in reading order within the document); ``para_id`` (1-based);
        ``section`` (headline / bullet / body / caption / subhead); ``start, end`` (offsets into the document's
        cleaned text, ``corpus.documents.text``); ``text`` (equal to ``cleaned_text[start:end]``); ``n_words``;
        ``citations`` (citation markers the cleaner removed from this sentence — a marker at the start of a
        paragraph counts for that paragraph's first sentence).
    """
    texts = dict(zip(corpus.documents["doc_id"], corpus.documents["text"]))
    removals = corpus.removals
    breaks = _positions(removals[removals["kind"] == "sentence_break"])
    citations = _positions(removals[removals["kind"] == "citation"])
    rows = []
    for doc_id, doc_paragraphs in corpus.paragraphs.groupby("doc_id", sort=False):
        text = texts[doc_id]
        sent_id = 0
        doc_breaks = breaks.get(doc_id, [])
        doc_citations = citations.get(doc_id, [])
        for para in doc_paragraphs.itertuples(index=False):
            paragraph = text[para.start:para.end]
            local_breaks = [b - para.start for b in doc_breaks if para.start < b < para.end]
            for start, end in split_spans(paragraph, breaks=local_breaks):
                sent_id += 1
                start, end = start + para.start, end + para.start
                sentence = text[start:end]
                rows.append((doc_id, sent_id, para.para_id, para.section, start, end, sentence,
                             count_words(sentence), 0))
        _count_citations(rows, doc_id, doc_citations)
    table = pd.DataFrame(rows, columns=SENTENCE_COLUMNS)
    if sections is not None:
        table = table[table["section"].isin(list(sections))].reset_index(drop=True)
    return table


def _positions(removals: pd.DataFrame) -> dict[str, list[int]]:
    return {doc_id: sorted(group["position"].tolist()) for doc_id, group in removals.groupby("doc_id")}


def _count_citations(rows: list[tuple], doc_id: str, positions: list[int]) -> None:
    """Give each marker to the first sentence of the document whose span holds it (start <= pos <= end)."""
    first = next((i for i, row in enumerate(rows) if row[0] == doc_id), len(rows))
    doc_rows = rows[first:]
    starts = [row[4] for row in doc_rows]
    counts = [0] * len(doc_rows)
    for position in positions:
        index = bisect_left(starts, position + 1) - 1
        if index >= 0:
            # A marker in the gap after a sentence (before the next starts) still belongs to it.
            counts[index] += 1
    for offset, count in enumerate(counts):
        row = doc_rows[offset]
        rows[first + offset] = row[:-1] + (count,)
