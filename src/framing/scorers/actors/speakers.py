"""The speaker of a reported label: the source attribution cites for its sentence, a pronoun written as the named
source it continues.

Attribution keeps a pronoun source as written ("It said", "they described") and only gives it the *kind* of its
antecedent (:mod:`framing.scorers.attribution.discourse`, "Pronouns" in that package's docstring): a source
cited earlier in the same sentence, else the source cited in the previous :data:`~.context.LOOKBACK` sentences
of the document. The speaker follows that rule over attribution's ``sources`` table, so the report reads "The
ministry", not "It", with two refinements:

1. between the two steps, the actor that opens the pronoun's own sentence as its subject, when compatible with
   the pronoun (:func:`.context.wanted_for_pronoun`) and no quotation comes before the pronoun: in "The United
   States, the United Kingdom and France responded …, which they described as …" *they* are the three states,
   not the previous sentence's source (in "'…,' he said" the names are the quotation's, not the speaker);
2. a previous sentence's source is taken in attribution's order (named before anonymous, then reading order)
   and only when it agrees with the pronoun (:func:`_agrees`): "it" and "he" are not "United Nations
   monitors", "they" not "The Los Angeles Times", "he" not "BBC".

A pronoun none of these resolves stays as written.
"""

from __future__ import annotations

import pandas as pd

from typing import NamedTuple

from ...phrases import is_plural
from .book import AliasBook, alias_book
from .context import LOOKBACK, PERSON_PRONOUNS, PLURAL_PRONOUNS, PRONOUNS, wanted_for_pronoun
from .mentions import Shape, sentence_mentions


class _Source(NamedTuple):
    """One cited source of a sentence (document offsets, as written, attribution's kind)."""

    start: int
    end: int
    text: str
    named: bool


class Opener(NamedTuple):
    """The actor mention that opens a sentence as its subject (document offsets), and where the sentence's first
    quotation mark is (the sentence's end when none)."""

    start: int
    text: str
    shape: Shape
    first_quote: int


def speakers(terms: pd.DataFrame, sources: pd.DataFrame | None,
             openers: dict[tuple[str, int], Opener] | None = None, book: AliasBook | None = None) -> list[str]:
    """For each reported hit, the source of its sentence nearest to it, a pronoun replaced by its antecedent
    (module docstring; ``openers``: the opening subject of the hits' sentences); "" for an authorial hit or a
    sentence with no source."""
    if sources is None or sources.empty:
        return [""] * len(terms)
    by_sentence = _sources_by_sentence(sources)
    book = alias_book(()) if book is None else book
    out = []
    for doc_id, sent_id, voice, start, end in zip(terms["doc_id"], terms["sent_id"], terms["voice"],
                                                  terms["start"], terms["end"]):
        found = by_sentence.get((doc_id, int(sent_id)), []) if voice == "reported" else []
        if not found:
            out.append("")
            continue
        nearest = min(found, key=lambda s: _gap(s, int(start), int(end)))
        opener = (openers or {}).get((doc_id, int(sent_id)))
        out.append(_as_named(nearest, doc_id, int(sent_id), by_sentence, book, opener))
    return out


def _sources_by_sentence(sources: pd.DataFrame) -> dict[tuple[str, int], list[_Source]]:
    by_sentence: dict[tuple[str, int], list[_Source]] = {}
    for doc_id, sent_id, source, kind, start, end in zip(sources["doc_id"], sources["sent_id"], sources["source"],
                                                         sources["source_kind"], sources["start"], sources["end"]):
        by_sentence.setdefault((doc_id, int(sent_id)), []).append(
            _Source(int(start), int(end), str(source), kind == "named"))
    return by_sentence


def _as_named(source: _Source, doc_id: str, sent_id: int, by_sentence: dict[tuple[str, int], list[_Source]],
              book: AliasBook, opener: Opener | None = None) -> str:
    """A pronoun source written as its antecedent (the rule of the module docstring); as written when none."""
    pronoun = source.text.strip().casefold()
    if pronoun not in PRONOUNS:
        return source.text
    earlier = [s for s in by_sentence.get((doc_id, sent_id), [])
               if s.end <= source.start and s.text.strip().casefold() not in PRONOUNS]
    if earlier:
        return max(earlier, key=lambda s: s.start).text
    wanted = wanted_for_pronoun(pronoun)
    if opener is not None and wanted is not None and opener.shape in wanted.shapes \
            and opener.start < source.start < opener.first_quote:
        return opener.text
    for back in range(1, LOOKBACK + 1):
        previous = [s for s in by_sentence.get((doc_id, sent_id - back), []) if _agrees(pronoun, s.text, book)]
        if previous:
            # A pronoun there is resolved in turn ("He said … . He added …").
            first = min(previous, key=lambda s: (not s.named, s.start))
            return _as_named(first, doc_id, sent_id - back, by_sentence, book)
    return source.text


def _agrees(pronoun: str, source: str, book: AliasBook) -> bool:
    """Whether a source may be what ``pronoun`` stands for: "they" a plural or coordinated source ("Monitors",
    "Protest leaders", "The United States and France"), the others a singular one; "he" and "she" no source
    that names only states or groups ("BBC"), "it" none that names only people."""
    if source.strip().casefold() in PRONOUNS:  # "He said … . He added …": resolved in turn
        return wanted_for_pronoun(source.strip().casefold()) == wanted_for_pronoun(pronoun)
    if (pronoun in PLURAL_PRONOUNS) != _plural(source):
        return False
    if pronoun in PLURAL_PRONOUNS:
        return True
    shapes = {m.shape for m in sentence_mentions(source, book) if m.shape != "other"}
    if pronoun in PERSON_PRONOUNS:
        return not shapes or "person" in shapes
    return shapes != {"person"}


def _plural(source: str) -> bool:
    """A plural source: coordinated, or a plural head noun. A capitalised head after other words is a name ("the
    United States", "The Los Angeles Times"), singular whatever its ending; a one-word source is capitalised by
    its place ("Monitors said")."""
    words = source.split()
    if not words:
        return False
    if "and" in words or "&" in words:
        return True
    return is_plural(words[-1].casefold()) and (words[-1].islower() or len(words) == 1)


def _gap(source: _Source, start: int, end: int) -> int:
    return max(0, source.start - end, start - source.end)
