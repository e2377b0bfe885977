"""The agency scorer: harm expressions with their construction, agent, victim and voice; passive voice per
sentence; and the per-document summary."""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

import numpy as np
import pandas as pd

from ...errors import require_columns
from ...memo import per_text
from ...phrases import PhraseWalker, tokenize
from ..attribution import ReportedVoice
from .construction import CONSTRUCTIONS, HarmClause, analyse_harm
from .harms import harm_words_in
from .passive import Passive, find_passives
from ...rows import table_rows, typed_table

HARM_COLUMNS = ["doc_id", "sent_id", "expression", "lemma", "construction", "agent", "victim", "voice", "start",
                "end"]
SENTENCE_COLUMNS = ["doc_id", "sent_id", "passive", "agentless_passive"]
SUMMARY_COLUMNS = ["doc_id", "n_harms", *(f"share_{c}" for c in CONSTRUCTIONS), "share_agent_stated"]
_INPUT_COLUMNS = ("doc_id", "sent_id", "start", "end", "text")


class AgencyTables(NamedTuple):
    """What one pass of :class:`Agency` finds (columns in :meth:`Agency.__call__`)."""

    harms: pd.DataFrame
    sentences: pd.DataFrame


class SentenceAgency(NamedTuple):
    """One sentence's passives and harm clauses (token indices into ``walker``'s tokens)."""

    walker: PhraseWalker
    passives: list[Passive]
    harms: list[HarmClause]


def analyse_sentence(text: str) -> SentenceAgency:
    """The passives and harm clauses of one sentence."""
    walker = PhraseWalker(text, tokenize(text, []))
    passives = find_passives(walker)
    by_participle = {passive.participle: passive for passive in passives}
    clauses = (analyse_harm(walker, hit, by_participle) for hit in harm_words_in(walker))
    return SentenceAgency(walker, passives, [clause for clause in clauses if clause is not None])


class _Harm(NamedTuple):
    """One harm clause of a sentence: ``start, end`` are offsets into the sentence."""

    start: int
    end: int
    lemma: str
    construction: str
    agent: str
    victim: str


class _Findings(NamedTuple):
    """What :class:`Agency` keeps of one sentence's analysis: its passive flags and its harm clauses."""

    passive: bool
    agentless_passive: bool
    harms: tuple[_Harm, ...]


@per_text
def _findings(text: str) -> _Findings:
    """:func:`analyse_sentence` of ``text`` without its tokens, once per distinct text (:mod:`framing.memo`)."""
    found = analyse_sentence(text)
    tokens = found.walker.tokens
    harms = tuple(_Harm(tokens[clause.start].start, tokens[clause.end - 1].end, clause.word.lemma,
                        clause.construction, clause.agent, clause.victim) for clause in found.harms)
    return _Findings(bool(found.passives), any(passive.agent is None for passive in found.passives), harms)


@dataclass(frozen=True)
class Agency:
    """Who did it, as the text tells it: harm expressions and passive voice.

    Call it with the sentences table (``doc_id, sent_id, start, end, text``, as from :func:`framing.sentences`)
    and, optionally, the attribution ``spans`` table (:attr:`framing.scorers.attribution.AttributionTables.spans`
    or its reported part): a harm inside a ``quotation``, ``scare_quote`` or ``attributed`` span is ``reported``,
    any other ``authorial`` — the rule of :mod:`framing.scorers.loaded`. Without spans every harm is authorial.
    """

    def __call__(self, sentences: pd.DataFrame, spans: pd.DataFrame | None = None) -> AgencyTables:
        """Return the harms and the sentences' passive flags.

        Returns
        -------
        AgencyTables with

        * ``harms`` — one row per harm expression: ``doc_id, sent_id``; ``expression`` (as written); ``lemma``
          (of ``data/harm_words.tsv``); ``construction`` (active, passive_agent, agentless_passive, intransitive,
          nominal, adjectival); ``agent`` and ``victim`` (the noun phrases the clause states, "" when it states
          none); ``voice`` (authorial / reported); ``start, end`` (offsets into the document's cleaned text);
        * ``sentences`` — one row per input sentence: ``doc_id, sent_id``; ``passive`` (a be/get passive);
          ``agentless_passive`` (one without a by-agent).
        """
        require_columns(sentences, _INPUT_COLUMNS, "sentences")
        voices = ReportedVoice(spans)
        harm_rows, flag_rows = [], []
        for doc_id, sent_id, start, text in table_rows(sentences, "doc_id", "sent_id", "start", "text"):
            found = _findings(text)
            flag_rows.append((doc_id, sent_id, found.passive, found.agentless_passive))
            for harm in found.harms:
                hit_start, hit_end = int(start) + harm.start, int(start) + harm.end
                voice = voices.of(doc_id, hit_start, hit_end)
                harm_rows.append((doc_id, sent_id, text[harm.start:harm.end], harm.lemma, harm.construction,
                                  harm.agent, harm.victim, voice, hit_start, hit_end))
        harms = typed_table(harm_rows, HARM_COLUMNS, {"sent_id": "int64", "start": "int64", "end": "int64"})
        flags = typed_table(flag_rows, SENTENCE_COLUMNS, {"sent_id": "int64", "passive": bool,
                                                          "agentless_passive": bool})
        return AgencyTables(harms, flags)


def summarise_agency(harms: pd.DataFrame, sentences: pd.DataFrame) -> pd.DataFrame:
    """Per document, how its harms are told.

    Returns
    -------
    DataFrame with one row per document of ``sentences`` (in their order): ``doc_id``; ``n_harms``; and
    ``share_active``, ``share_passive_agent``, ``share_agentless_passive``, ``share_intransitive``,
    ``share_nominal``, ``share_adjectival`` (each construction's share of the document's harms) and
    ``share_agent_stated`` (share of harms whose agent is stated). A document with no harm expression has
    ``n_harms`` 0 and NaN shares: there is nothing to divide, and 0 would say "never active".
    """
    require_columns(harms, ("doc_id", "construction", "agent"), "harms")
    require_columns(sentences, ("doc_id",), "sentences")
    documents = pd.Index(sentences["doc_id"].drop_duplicates(), name="doc_id")
    counts = harms.groupby("doc_id").size().reindex(documents, fill_value=0)
    table = pd.DataFrame({"doc_id": documents, "n_harms": counts.to_numpy(dtype="int64")})
    denominator = counts.to_numpy(dtype=float)
    denominator[denominator == 0] = np.nan
    by_construction = harms.groupby(["doc_id", "construction"]).size().unstack(fill_value=0)
    for construction in CONSTRUCTIONS:
        column = by_construction[construction] if construction in by_construction else None
        numerator = column.reindex(documents, fill_value=0).to_numpy(dtype=float) if column is not None \
            else np.zeros(len(documents))
        table[f"share_{construction}"] = numerator / denominator
    stated = harms.assign(stated=harms["agent"] != "").groupby("doc_id")["stated"].sum()
    table["share_agent_stated"] = stated.reindex(documents, fill_value=0).to_numpy(dtype=float) / denominator
    return table[SUMMARY_COLUMNS]
