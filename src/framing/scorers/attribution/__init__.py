"""Attribution per sentence: who is cited, with which verb, how much is quoted, and what the writer hedges.

Data flow: ``sentences`` (from :func:`framing.sentences`) and ``documents`` (``corpus.documents``, for the cleaned
texts) → :class:`Attribution` → :class:`AttributionTables` from one parse: ``scores`` (one row per sentence),
``sources`` (every source found; a sentence may cite several — also :func:`attribution_details`) and ``spans``
(every quotation, scare quote, attributed clause, cue and hedge as document offsets; the first three kinds are
:func:`reported_spans`, the text not in the writer's own voice, for the loaded-term scorer). ``scores`` →
:func:`summarise_attribution` (one row per document) and :func:`split_by_attribution` (any per-sentence score,
split by attributed vs. unattributed sentences).

Everything is rules over tokens — no parser, no model — so every decision can be read here and argued with.
Cues, hedges and word classes are package data (``data/attribution_cues.tsv``, ``data/hedges.tsv``,
``data/word_classes.toml``); the phrase grammar stays code (:mod:`framing.phrases`), where each rule reads as
the decision it is — a pattern language would be a worse parser.

Modules: :mod:`.vocabulary` (the data files, word classes, limits), :mod:`.parser` (the phrase walker that records
sources: passives, negation, frames), :mod:`.cues` (one rule per cue pattern type), :mod:`.kinds` (named or
anonymous), :mod:`.hedges`, :mod:`.sentence` (one sentence, every span), :mod:`.scope` (voice scope in a sentence:
trailing tags, quotations a cue governs), :mod:`.discourse` (across sentences: quotations, continued reports and
pronouns), :mod:`.antecedents` (what a pronoun source stands for), :mod:`.scorer` (:class:`Attribution` and the tables), :mod:`.summary` (per document),
:mod:`.records` (the records in between).

**Cues** (``pattern_type`` in the cue file) and where the source is:

* ``verb`` — the subject before the verb ("US officials say …", "The State Department has said …",
  "Iran's envoy, Hamid Rezaei, told reporters …"), or after it when the verb follows a quotation or comma
  ("'…,' said Leila Farhadi, a fellow at …"). A relative pronoun stands for the noun before it ("pro-regime
  Iranians, who saw him as …" → "pro-regime Iranians"). A participle after a comma (", adding that …",
  "welcomed the strike, writing that …") takes the sentence's earlier source or its main subject. A passive with
  an agent ("was rejected by X") cites the agent; "is quoted as saying" cites the subject. A subject with a
  relative clause and no commas keeps it ("Refugees who reached the border said …", not "the border"). People
  describing a noun phrase give their account ("Witnesses described a scene of carnage"); a thing does not. Verbs that are also
  common nouns (state, report, note, claim, question, …) count only before "that", a colon or a quotation, or as
  a sentence-final frame; "find / show / suggest" only with a document subject (a survey, report, accounts …).
* ``verb_as`` — "X described Y as Z", "Y was hailed as Z by X", "Y is listed by X as Z": needs "as"; the source
  is the subject (active) or the agent after "by" (passive). Without an agent it is a hedge, not a source.
* ``verb_complement`` — "X called Y Z", "branded / labelled / dubbed / designated Y Z" (not "called for / on"); a
  passive with an agent ("was designated Z by X") cites the agent.
* ``verb_of`` / ``verb_for`` — "X accused Y of Z", "X blamed Y for Z"; with a fronted object ("a commander whom
  rights groups have accused of …") the verb may stand right before "of".
* ``verb_from`` — "RT has learned from a source in the ministry that …": the source follows "from".
* ``prep`` — "according to X", "in the words of X", ", citing X": the source follows, up to the comma that
  starts the main clause (an appositive "John Maguire, a former CIA officer in Iraq," stays with it, words with a
  verb of their own after the comma are the main clause: "According to the statement, 40 rebels were killed", and
  "several sources, including Riad Hijab" gives two sources).
* ``put_it`` — "as X put it".
* ``viewpoint`` — "To his supporters, he is a hero", "To the government, they are agitators": a sentence that opens
  with "To X," where X is people or a body (not "To date", "To the north"), and whose clause then says what
  something is (a form of "be" among its first words): the clause is X's view.

Cues inside a quotation are the quoted speaker's and are ignored. A first-person subject (I, we) is the writer;
"nobody" and "there" are no source. A negated cue or a refusal ("did not say who …", "declined to comment")
attributes nothing.

**Source kind.** ``named``: a proper-noun head ("Reuters", "the Pentagon", "Iran's Revolutionary Guards",
"Petraeus"), a title or role with a name ("former CIA analyst Kenneth Pollack"), or a definite or possessive
singular role, institution or document ("the ministry", "the president", "his office", "the statement",
"Press TV's correspondent") — the reader can tell who it is. An unnamed spokesperson of a named body is not
treated specially: "a Pentagon spokesman" starts with "a" and is ``anonymous`` like "a ministry spokesman", and
"Hamas officials" like "US officials"; a qualified institution is one body: "Taliban authorities" is ``named``.
``anonymous``: an indefinite or quantified noun phrase ("a senior Iraqi official", "two U.S. officials", "some
sources", "one former diplomat", "many"), a bare plural or collective ("US officials", "analysts", "witnesses",
"Iranian media", "Western sources", "pro-regime Iranians"), a definite plural group ("the apologists"), or any
phrase with an anonymity marker ("anonymous", "unnamed", "on condition of anonymity", "familiar with"). An
indefinite phrase turns ``named`` with a proper-name appositive ("a former CIA officer, John Maguire"). A
document is as identifiable as its issuer: "A Pentagon statement", "a survey … by IranPoll", "the figures, compiled
by the health ministry", "a statement from the ministry" are ``named``; "a leaked memo seen by this newspaper" (a
reader, not an issuer) and "a leaked report" are ``anonymous``. "Told The New York Times": the channel is not the
source; the teller is. Capitalisation decides what is a name; a sentence-initial capital is discounted for
ordinary words ("Witnesses said"), and Arabic names with a lower-case particle count as capitalised ("al-Sadr").

**Pronouns.** A pronoun subject (he, she, they, it) refers to one source by one rule (:mod:`.antecedents`): an
agreeing source cited earlier in its sentence ("US officials dismissed the claim as they saw Iran as …"), else the
sentence's opening subject before it ("Norway and Chile tabled a motion, which they called …"), else an agreeing
source of the previous one or two sentences ("they" a plural or coordinated source, "he/she" no body, "it" no
person). The ``source`` column keeps the pronoun as written; the ``sources`` table's ``refers_to`` holds what it
stands for ("" when nothing agrees), and the pronoun takes that source's kind. With no antecedent it takes the kind
of a source cited earlier in the sentence, else of the previous one or two sentences' source; with no source
there, ``named`` when those sentences mention a proper name and ``named`` as a last resort (an unresolved "he"
still refers to one specific person). A pronoun right before a cue verb is the whole subject ("in what they call",
"whom he called"). So in "According to a senior, non-Syrian security source …,
Iranian fighters played a crucial role. 'Qassem Soleimani is there in the same area', he said." the second
sentence is ``anonymous`` — "he" is the unnamed security source. A sentence that is mostly a quotation and has
no cue of its own takes the source of the sentence that closes or opens the same quotation, else of the
previous one or two sentences, else the named subject of the previous sentence; its ``cue`` stays empty.

**Continued reports.** A sentence with no source of its own that opens with a pronoun or a definite description
naming the source again, then a cue verb with a clause ("It added the …", "The ministry went on to say …"), keeps
the source of one of the previous one or two sentences of the same paragraph (:func:`.discourse.continue_report`);
a sentence that does not open so stays the writer's own.

**One source per row.** When a sentence cites several sources, the row shows a ``named`` one before an anonymous
one; among those, the outermost frame (in "Abdul Mahdi condemned the attack as an 'aggression', his office said."
the office reports the whole sentence), then a main-clause cue before one in a relative clause ("Iraqi officials,
who asked not to be named, accused …" → accused), then the first. :func:`attribution_details` keeps them all.

**Hedges** (``data/hedges.tsv``) are matched outside quotations: adverbs (reportedly, allegedly), adjectives
before a noun (his alleged involvement), agentless reporting passives (is said / believed / thought to, was
considered, is regarded / seen / described as, was credited with), appearance (seems / appears to) and
impersonal frames (it is understood, there were reports, we are told), unverified claims (if confirmed, could not
be verified). A passive with a real agent ("described as … by the ministry") is a cue, not a hedge; with a vague
agent ("seen by many as") it is both.
"Was said in his homeland to": the phrase is kept as an anonymous source too, and "there were reports by X"
cites X.

**Reported spans** (:func:`reported_spans`) — text not in the writer's voice, as document offsets:

* ``quotation`` and ``scare_quote``: the quotation marks' spans (:mod:`framing.scorers.quotes`), cut per sentence;
  a one- or two-word phrase that is a cue's object or complement with a source is a ``quotation`` (:mod:`.scope`).
* ``attributed``: the content of an attributed clause. "X said (that) …" → the clause after the verb (after "that"
  when it comes within a few words, so "told reporters" and "in a statement" stay out); "according to X, …" → the
  rest of the sentence after the source; "…, according to X." and "…, X said." / "…, said X." → the part before (any
  trailing tag: "…, X and Y said on Monday, citing …", "…, X told Reuters."; :mod:`.scope`); a parenthetical "The
  general, officials said, was …" → the part after it; "X called him a terrorist" / "branded / labelled / dubbed Y
  Z" → the complement Z; "designated as a terrorist organisation by the US", "was hailed as a hero", "praised as a
  martyr by …", "described as …", "regarded as …" → the complement after "as" (up to the agent "by", a comma, or a
  place/time phrase: in, on, at, during …); "accused X of …" → the part after "of"; "X claimed / alleged / insisted
  / warned / argued that …" → the clause. A clause ends at the sentence end, a semicolon, ", but" / ", yet", or —
  when the cue sits in a relative clause (", which rights groups say killed hundreds,") — at the next comma.
* The attribution frame itself is the writer's: in "The regime said it would retaliate" the word "regime" is in
  no span, "it would retaliate" is. Hedged sentences ("reportedly a terrorist") produce no span — the writer
  still asserts the claim — except for the "as" labels above, which always name a label someone else gave.
"""

from __future__ import annotations

from .records import (REPORTED_KINDS, SPAN_KINDS, AttributionSpan, AttributionTables, Found, HedgeHit, ReportedKind,
                      SentenceAnalysis, SpanKind)
from .scorer import (ATTRIBUTION_COLUMNS, DETAIL_COLUMNS, SPAN_COLUMNS, SPAN_TABLE_COLUMNS, Attribution,
                     ReportedVoice, attribute_text, attribution_details, attribution_tables, reported_only, reported_spans,
                     score_attribution)
from .summary import ATTRIBUTION_SUMMARY_COLUMNS, is_attributed, split_by_attribution, summarise_attribution
from .vocabulary import (CUE_COLUMNS, CUES_FILE, HEDGE_COLUMNS, HEDGE_KINDS, HEDGES_FILE, PATTERN_TYPES,
                         SOURCE_KINDS, STANCES, Cue, Hedge, HedgeKind, PatternType, SourceKind, Stance, cue_lemma,
                         cue_lemmas, load_cues, load_hedges)

__all__ = [
    "ATTRIBUTION_COLUMNS", "ATTRIBUTION_SUMMARY_COLUMNS", "CUES_FILE", "CUE_COLUMNS", "DETAIL_COLUMNS",
    "HEDGES_FILE", "HEDGE_COLUMNS", "HEDGE_KINDS", "PATTERN_TYPES", "REPORTED_KINDS", "SOURCE_KINDS",
    "SPAN_COLUMNS", "SPAN_KINDS", "SPAN_TABLE_COLUMNS", "STANCES", "Attribution", "AttributionSpan",
    "AttributionTables", "Cue", "Found", "Hedge", "HedgeHit", "HedgeKind", "PatternType", "ReportedKind", "ReportedVoice",
    "SentenceAnalysis", "SourceKind", "SpanKind", "Stance", "attribute_text", "attribution_details",
    "attribution_tables", "cue_lemma", "cue_lemmas", "is_attributed", "load_cues", "load_hedges", "reported_only",
    "reported_spans", "score_attribution", "split_by_attribution", "summarise_attribution",
]
