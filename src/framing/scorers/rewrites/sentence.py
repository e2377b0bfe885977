"""One sentence with its loaded words in the writer's own voice swapped for the lexicon's neutral alternative.

Rules (``data/LEXICON.md`` says how the ``neutral`` column is read, :mod:`.swaps`):

* the hit keeps its ending (verb -ed/-ing/-s, plural), its case (ALL-CAPS headline word, capital at the start of
  the sentence) and what follows it (a possessive "'s" stays: "the regime's" → "the government's");
* an entry with ``*`` / ``<poss>`` keeps the words those matched and swaps only its own words;
* ``(omit)`` drops the word only before another word and not after a linking or degree word ("is brave",
  "most notorious"), where dropping it would leave a broken sentence;
* "a" / "an" before the swapped (or dropped) word is fixed to the word that now follows it.

A hit that cannot be swapped cleanly by these rules (no swap, a verb form of a noun swap, a drop that would break
the sentence, placeholders that cannot be lined up) is left as written and counted in ``n_skipped``.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from ...lexicons import LowerWord, inflections, tokens
from .inflection import AUXILIARIES, article_for, cased, form_of, inflected
from .swaps import Swap, entry_segments, swap_for

ARTICLE_BEFORE = re.compile(r"\b([Aa][Nn]?|AN)(\s+)$")
NEXT_WORD = re.compile(r"\s*[\"\u201c\u2018']?(\w[\w'-]*)")  # an opening quote may stand before it
# Dropping a word after these leaves "he was" / "the most": the word is the predicate or is graded.
NO_DROP_AFTER = AUXILIARIES | {"seem", "seems", "seemed", "became", "become", "becomes", "very", "so", "too",
                               "most", "more", "less", "least", "as", "how", "remain", "remains", "remained",
                               "and", "or", "but", "nor"}
# Dropping a word before these leaves "a and" / "was to".
NO_DROP_BEFORE = frozenset({"and", "or", "but", "nor", "than", "to", "as"})
# An entry that is both noun and verb ("slaughter") in its base form is read as a verb, and takes the entry's verb
# swap, after "to" or a modal, or before an object ("helped Assad slaughter his people"), unless a determiner
# stands before it ("the slaughter of").
VERB_BEFORE = frozenset({"to", "will", "would", "can", "could", "may", "might", "must", "shall", "should", "did",
                         "do", "does", "not"})
OBJECT_START = frozenset({"the", "a", "an", "his", "her", "their", "its", "our", "my", "your", "them", "him", "us",
                          "me", "these", "those", "thousands", "hundreds", "dozens", "scores"})
DETERMINERS = frozenset({"the", "a", "an", "his", "her", "their", "its", "our", "my", "your", "this", "that",
                         "these", "those", "of", "mass"})


class Hit(NamedTuple):
    """An authorial hit inside a sentence: offsets into the sentence, the lexicon term and its neutral column."""

    start: int
    end: int
    term: str
    neutral: str


class Rewrite(NamedTuple):
    """A sentence rewritten: the neutral text, what was swapped (``"slaughtered → killed"`` each) and where each
    swapped-in word stands in the neutral text (``(start, end)``; a dropped word has none)."""

    text: str
    n_swapped: int
    n_skipped: int
    swaps: tuple[str, ...]
    spans: tuple[tuple[int, int], ...]


def rewrite_sentence(text: str, hits: list[Hit]) -> Rewrite:
    """``text`` with every hit of ``hits`` (non-overlapping, any order) swapped where the rules allow."""
    pieces: list[str] = []
    position, swaps, spans, skipped = 0, [], [], 0
    for hit in sorted(hits):
        before = "".join(pieces) + text[position:hit.start]
        replacement = _replacement(text, hit, before)
        if replacement is None:
            skipped += 1
            continue
        new, end, marked = replacement
        if not new and end < len(text) and text[end].isspace():
            end += 1  # a dropped word takes one space with it
        following = new or (NEXT_WORD.match(text, end).group(1) if NEXT_WORD.match(text, end) else "")
        pieces = [_fix_article(before, following)]
        offset = len(pieces[0])
        spans += [(offset + s, offset + e) for s, e in marked]
        pieces.append(new)
        swaps.append(f"{text[hit.start:hit.end]} → {new.strip() or '(dropped)'}")
        position = end
    pieces.append(text[position:])
    return Rewrite("".join(pieces), len(swaps), skipped, tuple(swaps), tuple(spans))


def _replacement(text: str, hit: Hit, before: str) -> tuple[str, int, list[tuple[int, int]]] | None:
    """The text to put in place of the hit, where the replaced stretch ends and where the swapped-in words stand
    in the new text (the words a placeholder matched are kept, not marked); ``None``: leave the hit."""
    swap = swap_for(hit.term, hit.neutral)
    if not swap.usable:
        return None
    words = tokens(text[hit.start:hit.end])
    if swap.segments == ((),):
        return ("", hit.end, []) if _droppable(text, hit, before) else None
    aligned = _align(entry_segments(hit.term), words)
    if aligned is None:
        return None
    out, cursor, marked = [], 0, []
    for entry_words, matched, neutral_words in zip(*aligned, swap.segments):
        after = text[hit.start + matched[-1].end:]
        chosen = _inflected_swap(entry_words, matched, neutral_words, swap, before, after)
        if chosen is None:
            return None
        written = text[hit.start + matched[0].start:hit.start + matched[-1].end]
        first = cursor == 0 and not any(c.isalnum() for c in before)
        out.append(text[hit.start + cursor:hit.start + matched[0].start])
        swapped = cased(" ".join(chosen), written, first_in_sentence=first)
        done = len("".join(out))
        marked += [(done + start, done + end) for start, end in _word_spans(swapped)]
        out.append(swapped)
        cursor = matched[-1].end
    return "".join(out), hit.end, marked


def _inflected_swap(entry_words: tuple[str, ...], matched: list[LowerWord], neutral_words: tuple[str, ...],
                    swap: Swap, before: str, after: str) -> tuple[str, ...] | None:
    """The swap segment with the ending of whichever matched word differs from its entry word."""
    form = "base"
    for entry_word, word in zip(entry_words, matched):
        if word.text != entry_word:
            form = form_of(word.text, entry_word)
            break
    previous = before.split()[-1].lower() if before.split() else ""
    if swap.verb is not None and (form in ("past", "gerund") or (form == "base" and _verb_use(previous, after))):
        neutral_words = swap.verb
    return inflected(neutral_words, form, participle=previous in AUXILIARIES)


def _verb_use(previous: str, after: str) -> bool:
    following = NEXT_WORD.match(after)
    next_word = following.group(1).lower() if following and after[:1].isspace() else ""
    return previous not in DETERMINERS and (previous in VERB_BEFORE or next_word in OBJECT_START)


def _align(segments: list[tuple[str, ...]], words: list[LowerWord]
           ) -> tuple[list[tuple[str, ...]], list[list[LowerWord]]] | None:
    """The hit's words that each of the entry's segments matched (the placeholders' words in between are
    skipped): the first way with the shortest gaps, as the matcher found it. ``None`` if they do not line up."""
    matched, position = [], 0
    for index, segment in enumerate(segments):
        if index:
            position = _after_placeholder(segment, words, position)
            if position is None:
                return None
        if not all(position + i < len(words) and words[position + i].text in inflections(word)
                   for i, word in enumerate(segment)):
            return None
        matched.append(words[position:position + len(segment)])
        position += len(segment)
    return segments, matched


def _after_placeholder(segment: tuple[str, ...], words: list[LowerWord], position: int) -> int | None:
    """Where the segment after a placeholder starts: a ``<poss>`` takes one word, a ``*`` up to three; the first
    place the segment's words match."""
    for start in range(position, min(position + 4, len(words)) + 1):
        if all(start + i < len(words) and words[start + i].text in inflections(word) for i, word in enumerate(segment)):
            return start
    return None


def _droppable(text: str, hit: Hit, before: str) -> bool:
    following = NEXT_WORD.match(text, hit.end)
    if following is None or not text[hit.end:hit.end + 1].isspace():
        return False  # end of sentence, punctuation or a hyphen follows: the word is not before its noun
    previous = before.split()[-1].lower() if before.split() else ""
    after_a_list = before.rstrip().endswith((",", ";", ":"))  # "a notorious, brave man" keeps its shape
    return previous not in NO_DROP_AFTER and not after_a_list and following.group(1).lower() not in NO_DROP_BEFORE


def _fix_article(before: str, following: str) -> str:
    article = ARTICLE_BEFORE.search(before)
    if article is None or not following:
        return before
    fixed = article_for(following, article.group(1))
    return before[:article.start(1)] + fixed + article.group(2)


def _word_spans(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(r"\S+", text)]
