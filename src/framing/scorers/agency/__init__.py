"""Agency in reports of harm — "police killed", "were killed", "died" — and passive voice.

How a text reports violence frames it: "protesters were killed" hides who did it, "protesters died" hides that
anyone did, "police killed protesters" says it (the choices counted by studies of police-killing coverage,
Moreno-Medina et al., NBER 2022). :class:`Agency` finds every harm expression of ``data/harm_words.tsv`` (killing,
dying, wounding, arresting …, verbs, nouns and euphemisms), tells its construction, the agent and victim its
clause states and its voice, and flags passive sentences. Rules over tokens (:mod:`framing.phrases`), no parser.

* :mod:`.vocabulary` — the harm words and participles of ``data/`` (read once);
* :mod:`.passive` — be/get + past participle, adjectival participles ("was tired") excluded;
* :mod:`.harms` — which words report harm here, in which sense and part of speech;
* :mod:`.construction` — active, passive_agent, agentless_passive, intransitive, nominal, adjectival; agent and
  victim;
* :mod:`.scorer` — :class:`Agency` (→ :class:`AgencyTables`) and :func:`summarise_agency`.

Example::

    from framing.scorers.agency import Agency

    tables = Agency()(framing.sentences(corpus), spans)   # spans: AttributionTables.spans, optional
    tables.harms       # doc_id, sent_id, expression, lemma, construction, agent, victim, voice, start, end
    tables.sentences   # doc_id, sent_id, passive, agentless_passive
"""

from __future__ import annotations

from .construction import CONSTRUCTIONS, Construction, HarmClause
from .harms import HarmWordAt, harm_words_in
from .passive import Passive, find_passives
from .scorer import (HARM_COLUMNS, SENTENCE_COLUMNS, SUMMARY_COLUMNS, Agency, AgencyTables, SentenceAgency,
                     analyse_sentence, summarise_agency)
from .vocabulary import (HARM_CLASSES, HARM_POS, HARM_WORDS_FILE, PARTICIPLES_FILE, HarmClass, HarmForm, HarmPos,
                         HarmWord, harm_forms, is_past_participle, participles)

__all__ = [
    "CONSTRUCTIONS", "HARM_CLASSES", "HARM_COLUMNS", "HARM_POS", "HARM_WORDS_FILE", "PARTICIPLES_FILE",
    "SENTENCE_COLUMNS", "SUMMARY_COLUMNS", "Agency", "AgencyTables", "Construction", "HarmClass", "HarmClause",
    "HarmForm", "HarmPos", "HarmWord", "HarmWordAt", "Passive", "SentenceAgency", "analyse_sentence",
    "find_passives", "harm_forms", "harm_words_in", "is_past_participle", "participles", "summarise_agency",
]
