"""The speaker of a reported label: the source attribution cites for it in its sentence, a pronoun written as the
source it stands for.

Attribution owns both facts: its ``sources`` table lists every source of a sentence and, in ``refers_to``, what a
pronoun source ("It said", "which they described as") stands for, by its one antecedent rule
(:mod:`framing.scorers.attribution.antecedents`). The speaker reads them (:func:`speakers`, :func:`speaker_of`);
a pronoun with no antecedent stays as written.
"""

from __future__ import annotations

from typing import NamedTuple

import pandas as pd

from ...errors import require_columns
from ...rows import table_rows

_SOURCE_COLUMNS = ("doc_id", "sent_id", "source", "start", "end")


class _Source(NamedTuple):
    """One cited source of a sentence (document offsets of its text), and who it is as written."""

    start: int
    end: int
    speaker: str


def speakers(terms: pd.DataFrame, sources: pd.DataFrame | None) -> list[str]:
    """For each hit of ``terms`` (``doc_id, sent_id, voice, start, end``), its speaker (:func:`speaker_of`) when
    ``reported``; "" for an authorial hit or a sentence with no source."""
    if sources is None or sources.empty:
        return [""] * len(terms)
    by_sentence = _sources_by_sentence(sources)
    out = []
    for doc_id, sent_id, voice, start, end in table_rows(terms, "doc_id", "sent_id", "voice", "start", "end"):
        found = by_sentence.get((doc_id, int(sent_id)), []) if voice == "reported" else []
        out.append(speaker_of(found, int(start), int(end)))
    return out


def speaker_of(found: list[_Source], start: int, end: int) -> str:
    """The speaker of a reported label at ``[start, end)`` among its sentence's sources: the nearest one cited
    before it — a report follows its source, so in "X regard him as …, while Y call him …" X says the first
    label and Y the second — else the nearest after it (a trailing "…, X said"); "" when there is none. A source
    whose phrase holds the label is passed over while another is cited: in "X, a teacher whom the government
    calls a demagogue, denied it" the label is the government's, not X's."""
    outside = [s for s in found if not (s.start <= start and end <= s.end)]
    found = outside or found
    before = [s for s in found if s.start < start]
    candidates = before or found
    if not candidates:
        return ""
    return min(candidates, key=lambda s: _gap(s, start, end)).speaker


def _sources_by_sentence(sources: pd.DataFrame) -> dict[tuple[str, int], list[_Source]]:
    """Each sentence's sources, a pronoun as its antecedent (``refers_to``) when attribution found one; a
    sources table without ``refers_to`` (read from an older run, or made by hand) gives every source as
    written."""
    require_columns(sources, _SOURCE_COLUMNS, "sources")
    refers = sources["refers_to"] if "refers_to" in sources.columns else [""] * len(sources)
    by_sentence: dict[tuple[str, int], list[_Source]] = {}
    for doc_id, sent_id, source, refers_to, start, end in zip(
            sources["doc_id"], sources["sent_id"], sources["source"], refers, sources["start"], sources["end"]):
        written = refers_to if isinstance(refers_to, str) and refers_to else source
        by_sentence.setdefault((doc_id, int(sent_id)), []).append(_Source(int(start), int(end), str(written)))
    return by_sentence


def _gap(source: _Source, start: int, end: int) -> int:
    return max(0, source.start - end, start - source.end)
