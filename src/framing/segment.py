"""Split cleaned documents into sentences: the first table contract of the pipeline.

Sentence boundaries come from NLTK's Punkt with parameters trained for English news and shipped in the package
(``data/punkt_english.json``, made by ``tools/train_punkt.py``), so nothing is downloaded at run time. On top of
Punkt: a paragraph break always ends a sentence, and the cleaner's ``sentence_break`` records (a boundary with no
punctuation) split too; pieces Punkt cuts where news style never ends a sentence (after a title, inside or right
after a bracket that closes an abbreviation: "Sen. Jane Doe (D-Ore.), …") are joined back. A "sentence" longer than
:data:`MAX_SENTENCE_WORDS` words (a paragraph without full stops, a transcript, a list run together) is cut into
pieces of at most that many words — at a semicolon or colon when there is one, else at a comma or dash, else between
words — with a warning naming the file: the scorers need sentence-sized units (VADER's leave-one-out contributions
grow with the cube of a sentence's length).
"""

from __future__ import annotations

import json
import re
from bisect import bisect_left, bisect_right
from collections import defaultdict
from functools import cache
from importlib.resources import files
from itertools import islice

import pandas as pd

from .corpus import WORD, Corpus
from .nltk_parts import punkt, stdlib_regex_punkt_classes
from .arguments import require_type
from .errors import warn

SENTENCE_COLUMNS = ["doc_id", "sent_id", "para_id", "section", "start", "end", "text", "n_words", "citations"]
# The longest sentence kept whole, in words. The seeds' longest is 58; long legal or academic sentences reach
# about 100. Longer ones are run-on text without full stops.
MAX_SENTENCE_WORDS = 150


@cache
def punkt_tokenizer():
    """The packaged English Punkt tokenizer (NLTK's ``PunktSentenceTokenizer``, its fixed patterns under the stdlib
    ``re``: see :func:`~framing.nltk_parts.stdlib_regex_punkt_classes`), built once."""
    data = json.loads(files("framing.data").joinpath("punkt_english.json").read_text(encoding="utf-8"))
    nltk_punkt = punkt()
    params = nltk_punkt.PunktParameters()
    params.abbrev_types = set(data["abbrev_types"])
    params.collocations = {tuple(pair) for pair in data["collocations"]}
    params.sent_starters = set(data["sent_starters"])
    params.ortho_context = defaultdict(int, data["ortho_context"])
    language_vars, token_class = stdlib_regex_punkt_classes()
    return nltk_punkt.PunktSentenceTokenizer(params, lang_vars=language_vars(), token_cls=token_class)


def count_words(text: str) -> int:
    """Words as the tables count them: runs of letters/digits, with inner hyphens and apostrophes."""
    return len(WORD.findall(text))


def split_spans(text: str, *, breaks: list[int] = ()) -> list[tuple[int, int]]:
    """Sentence spans ``(start, end)`` of one paragraph; ``breaks`` are extra boundary offsets.

    Sentences longer than :data:`MAX_SENTENCE_WORDS` words are cut (see :func:`cap_length`)."""
    return _paragraph_spans(text, breaks)[0]


def _paragraph_spans(text: str, breaks) -> tuple[list[tuple[int, int]], int]:
    """``(spans, number of over-long sentences that were cut)`` of one paragraph."""
    spans = []
    for start, end in punkt_tokenizer().span_tokenize(text):
        cuts = [b for b in breaks if start < b < end]
        for cut in cuts:
            piece_end = len(text[start:cut].rstrip()) + start
            if piece_end > start:
                spans.append((start, piece_end))
            start = cut
        spans.append((start, end))
    return cap_length(text, _merge_fragments(text, spans))


def cap_length(text: str, spans: list[tuple[int, int]], *, max_words: int = MAX_SENTENCE_WORDS
               ) -> tuple[list[tuple[int, int]], int]:
    """Cut every span of more than ``max_words`` words into pieces of at most ``max_words`` words.

    Returns ``(spans, number of spans that were cut)``. A piece ends at the last semicolon or colon that leaves
    it at least half of ``max_words``; failing that at the last comma or dash; failing that after the
    ``max_words``-th word. Pieces never start or end with white space, so ``text[start:end]`` stays a clean
    sentence.
    """
    capped: list[tuple[int, int]] = []
    n_cut = 0
    for start, end in spans:
        pieces = _cut_long(text, start, end, max_words)
        n_cut += len(pieces) > 1
        capped.extend(pieces)
    return capped, n_cut


# Where a run-on sentence is best cut, best first; each match ends where the piece ends.
_CUT_PATTERNS = (re.compile(r"[;:](?=\s)"), re.compile(r"[,–—](?=\s)"))
_SPACE = re.compile(r"\s*")


def _cut_long(text: str, start: int, end: int, max_words: int) -> list[tuple[int, int]]:
    if end - start <= 2 * max_words:
        return [(start, end)]  # too short to hold more words: each needs a character and a separator
    pieces = []
    while True:
        words = list(islice(WORD.finditer(text, start, end), max_words + 1))
        if len(words) <= max_words:
            pieces.append((start, end))
            return pieces
        earliest, latest = words[max_words // 2 - 1].end(), words[max_words].start()
        piece_end = _best_cut(text, earliest, latest) or words[max_words - 1].end()
        pieces.append((start, piece_end))
        start = _SPACE.match(text, piece_end).end()


def _best_cut(text: str, earliest: int, latest: int) -> int | None:
    """The end of the last clause break between ``earliest`` and ``latest``, by preference; ``None`` if none."""
    for pattern in _CUT_PATTERNS:
        ends = [match.end() for match in pattern.finditer(text, earliest, latest)]
        if ends:
            return ends[-1]
    return None


def _merge_fragments(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Join pieces Punkt cut off wrongly to the sentence before them.

    Punkt ends a sentence at every full stop after a word it does not know as an abbreviation, so it also cuts
    where news style never ends one. The cases joined back:

    * after a title that only ever precedes a name ("Dr. Rice", "Gen. Soleimani");
    * a piece with no word (a stray closing quote or bracket);
    * a piece that opens with a closing bracket ("Sen. Jane Doe (D-Ore" | "."), …"): the full stop was inside
      the brackets, and a sentence never starts by closing one;
    * after a short bracket that closes right after an abbreviation point ("(D-Ore.)", "(R-N.M.)",
      "(Acme Inc.)"): a party-state tag or a name's suffix in brackets is part of the sentence around it. A
      bracketed sentence of its own ("(Laughter.)" opening its piece) or a long one stays apart;
    * the attribution after a quotation that ends in ``?'`` or ``!"`` ("'…who is left?' Soleimani said in a
      speech."), which news style keeps in one sentence.
    """
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        previous = text[merged[-1][0]:merged[-1][1]] if merged else ""
        piece = text[start:end]
        if merged and _continues(previous, piece):
            merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


def _continues(previous: str, piece: str) -> bool:
    """``piece`` is the rest of the sentence ``previous`` (the cases of :func:`_merge_fragments`)."""
    if count_words(piece) == 0 or TITLE_END.search(previous) or piece.startswith(CLOSING_BRACKETS):
        return True
    bracket = ABBREVIATION_IN_BRACKETS.search(previous)
    if bracket and bracket.start() > 0 and count_words(bracket.group()) <= MAX_BRACKETED_WORDS:
        return True
    return bool(QUOTE_END.search(previous) and SPEECH_TAG.match(piece))


# Titles that precede a name and so never end a sentence (unlike "U.S." or "Inc.", which can).
TITLE_END = re.compile(r"(?:^|\s)(?:Mr|Mrs|Ms|Dr|Gen|Maj|Lt|Col|Capt|Sgt|Adm|Brig|Gov|Sen|Rep|Prof|Rev|Supt|Cmdr)\.$")
CLOSING_BRACKETS = (")", "]")
# A bracket closing right after an abbreviation point at the end of a piece: "(D-Ore.)", "[Acme Corp.]".
ABBREVIATION_IN_BRACKETS = re.compile(r"[(\[][^()\[\]]*\w\.[)\]]$")
# Words a bracket ending in an abbreviation point may hold and still be a tag inside its sentence
# ("(Nasdaq: ACME Corp.)" has three); more read as a bracketed sentence of its own.
MAX_BRACKETED_WORDS = 3
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
    require_type(corpus, Corpus, "sentences() needs a Corpus, as framing.load_corpus() returns")
    texts = dict(zip(corpus.documents["doc_id"], corpus.documents["text"]))
    paths = dict(zip(corpus.documents["doc_id"], corpus.documents["path"])) if "path" in corpus.documents else {}
    breaks, citations = _positions(corpus.removals)
    rows = []
    for doc_id, doc_paragraphs in _paragraphs_by_document(corpus.paragraphs).items():
        text = texts[doc_id]
        sent_id = 0
        n_cut = 0
        first_row = len(rows)
        doc_breaks = breaks.get(doc_id, [])
        doc_citations = citations.get(doc_id, [])
        for para_id, section, para_start, para_end in doc_paragraphs:
            paragraph = text[para_start:para_end]
            # bisect, not a scan: a 50 MB document has ~10⁵ paragraphs and as many break records.
            inside = doc_breaks[bisect_right(doc_breaks, para_start):bisect_left(doc_breaks, para_end)]
            spans, cut = _paragraph_spans(paragraph, [b - para_start for b in inside])
            n_cut += cut
            for start, end in spans:
                start, end = _trimmed(text, start + para_start, end + para_start)
                if start == end:
                    continue
                sent_id += 1
                sentence = text[start:end]
                rows.append((doc_id, sent_id, para_id, section, start, end, sentence, count_words(sentence), 0))
        if n_cut:
            warn(paths.get(doc_id, doc_id),
                 f"{n_cut} sentence(s) longer than {MAX_SENTENCE_WORDS} words were cut into pieces of at most "
                 f"{MAX_SENTENCE_WORDS} words (at semicolons, commas or between words)")
        _count_citations(rows, first_row, doc_citations)
    table = pd.DataFrame(rows, columns=SENTENCE_COLUMNS)
    if sections is not None:
        table = table[table["section"].isin(list(sections))].reset_index(drop=True)
    return table


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """``start, end`` moved inwards past Python whitespace: Punkt's idea of whitespace is narrower than
    ``str.strip``'s (it keeps control separators such as ``\x1f``), and a sentence must equal its stripped text."""
    piece = text[start:end]
    lead = len(piece) - len(piece.lstrip())
    if lead == len(piece):
        return start, start
    return start + lead, end - (len(piece) - len(piece.rstrip()))


def _paragraphs_by_document(paragraphs: pd.DataFrame) -> dict[str, list[tuple[int, str, int, int]]]:
    """``(para_id, section, start, end)`` of each document's paragraphs, documents in first-seen order.

    One pass over plain column lists: a pandas group and ``itertuples`` per document cost more than splitting a
    one-sentence document."""
    by_document: dict[str, list[tuple[int, str, int, int]]] = {}
    columns = [paragraphs[name].tolist() for name in ("doc_id", "para_id", "section", "start", "end")]
    for doc_id, *paragraph in zip(*columns):
        by_document.setdefault(doc_id, []).append(tuple(paragraph))
    return by_document


def _positions(removals: pd.DataFrame) -> tuple[dict[str, list[int]], dict[str, list[int]]]:
    """Sorted offsets of the ``sentence_break`` and of the ``citation`` removals, per document."""
    found: dict[str, dict[str, list[int]]] = {"sentence_break": {}, "citation": {}}
    for doc_id, kind, position in zip(removals["doc_id"].tolist(), removals["kind"].tolist(),
                                      removals["position"].tolist()):
        if kind in found:
            found[kind].setdefault(doc_id, []).append(position)
    for positions in found.values():
        for doc_positions in positions.values():
            doc_positions.sort()
    return found["sentence_break"], found["citation"]


def _count_citations(rows: list[tuple], first: int, positions: list[int]) -> None:
    """Give each marker to the sentence of the document (its rows are ``rows[first:]``) whose span holds it
    (start <= pos <= end)."""
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
