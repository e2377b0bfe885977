"""Attribution per sentence: who is cited, with which verb, how much is quoted, and what the writer hedges.

Data flow: ``sentences`` (from :func:`framing.sentences`) and ``documents`` (``corpus.documents``, for the cleaned
texts) → :class:`Attribution` → ``scores`` (one row per sentence) → :func:`summarise_attribution` (one row per
document) and :func:`split_by_attribution` (any per-sentence score, split by attributed vs. unattributed
sentences). :func:`attribution_details` lists every source found (a sentence may cite several) and
:func:`reported_spans` the text that is not in the writer's own voice, for the loaded-term scorer.

Everything is rules over tokens — no parser, no model — so every decision can be read here and argued with.
Cues and hedges are package data (``data/attribution_cues.tsv``, ``data/hedges.tsv``).

**Cues** (``pattern_type`` in the cue file) and where the source is:

* ``verb`` — the subject before the verb ("US officials say …", "The State Department has said …",
  "Iran's envoy, Hamid Rezaei, told reporters …"), or after it when the verb follows a quotation or comma
  ("'…,' said Leila Farhadi, a fellow at …"). A relative pronoun stands for the noun before it ("pro-regime
  Iranians, who saw him as …" → "pro-regime Iranians"). A participle after a comma (", adding that …",
  "welcomed the strike, writing that …") takes the sentence's earlier source or its main subject. A passive with
  an agent ("was rejected by X") cites the agent; "is quoted as saying" cites the subject. Verbs that are also
  common nouns (state, report, note, claim, question, …) count only before "that", a colon or a quotation, or as
  a sentence-final frame; "find / show / suggest" only with a document subject (a survey, report, accounts …).
* ``verb_as`` — "X described Y as Z", "Y was hailed as Z by X", "Y is listed by X as Z": needs "as"; the source
  is the subject (active) or the agent after "by" (passive). Without an agent it is a hedge, not a source.
* ``verb_complement`` — "X called Y Z", "branded / labelled / dubbed Y Z" (not "called for / on").
* ``verb_of`` / ``verb_for`` — "X accused Y of Z", "X blamed Y for Z".
* ``verb_from`` — "RT has learned from a source in the ministry that …": the source follows "from".
* ``prep`` — "according to X", "in the words of X", ", citing X": the source follows, up to the comma that
  starts the main clause (an appositive "John Maguire, a former CIA officer in Iraq," stays with it, and
  "several sources, including Riad Hijab" gives two sources).
* ``put_it`` — "as X put it".

Cues inside a quotation are the quoted speaker's and are ignored. A first-person subject (I, we) is the writer;
"nobody" and "there" are no source. A negated cue or a refusal ("did not say who …", "declined to comment")
attributes nothing.

**Source kind.** ``named``: a proper-noun head ("Reuters", "the Pentagon", "Iran's Revolutionary Guards",
"Petraeus"), a title or role with a name ("former CIA analyst Kenneth Pollack"), or a definite or possessive
singular role, institution or document ("the ministry", "the president", "his office", "the statement",
"Press TV's correspondent") — the reader can tell who it is. An unnamed spokesperson of a named body is not
treated specially: "a Pentagon spokesman" starts with "a" and is ``anonymous`` like "a ministry spokesman".
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

**Pronouns.** A pronoun subject (he, she, they, it) takes the kind of a source cited earlier in the same sentence
("US officials dismissed the claim as they saw Iran as …"), else of the source cited in the previous one or two
sentences of the same document; with no source there, ``named`` when those sentences mention a proper name (the
person "he" stands for) and ``named`` as a last resort (an unresolved "he" still refers to one specific person).
The ``source`` column keeps the pronoun as written. So in "According to a senior, non-Syrian security source …,
Iranian fighters played a crucial role. 'Qassem Soleimani is there in the same area', he said." the second
sentence is ``anonymous`` — "he" is the unnamed security source. A sentence that is mostly a quotation and has
no cue of its own takes the source of the sentence that closes or opens the same quotation, else of the
previous one or two sentences, else the named subject of the previous sentence; its ``cue`` stays empty.

**One source per row.** When a sentence cites several sources, the row shows a ``named`` one before an anonymous
one; among those, the outermost frame (in "Abdul Mahdi condemned the attack as an 'aggression', his office said."
the office reports the whole sentence), then a main-clause cue before one in a relative clause ("Iraqi officials,
who asked not to be named, accused …" → accused), then the first. :func:`attribution_details` keeps them all.

**Hedges** (``data/hedges.tsv``) are matched outside quotations: adverbs (reportedly, allegedly), adjectives
before a noun (his alleged involvement), agentless reporting passives (is said / believed / thought to, was
considered, is regarded / seen / described as, was credited with), appearance (seems / appears to) and
impersonal frames (it is understood, there were reports, we are told). A passive followed by a real agent
("described as … by the ministry") is a cue, not a hedge; with a vague agent ("seen by many as") it is both.
"Was said in his homeland to": the phrase is kept as an anonymous source too, and "there were reports by X"
cites X.

**Reported spans** (:func:`reported_spans`) — text not in the writer's voice, as document offsets:

* ``quotation`` and ``scare_quote``: the quotation marks' spans (:mod:`framing.scorers.quotes`), cut per sentence.
* ``attributed``: the content of an attributed clause. "X said (that) …" → the clause after the verb (after
  "that" when it comes within a few words, so "told reporters" and "in a statement" stay out); "according to X,
  …" → the rest of the sentence after the source; "…, according to X." and "…, X said." / "…, said X." → the
  part before; a parenthetical "The general, officials said, was …" → the part after it; "X called him a
  terrorist" / "branded / labelled / dubbed Y Z" → the complement Z; "designated as a terrorist organisation by
  the US", "was hailed as a hero", "praised as a martyr by …", "described as …", "regarded as …" → the
  complement after "as" (up to the agent "by", a comma, or a place/time phrase: in, on, at, during …); "accused X
  of …" → the part after "of"; "X claimed / alleged / insisted / warned / argued that …" → the clause. A clause
  ends at the sentence end, a semicolon, ", but" / ", yet", or — when the cue sits in a relative clause
  (", which rights groups say killed hundreds,") — at the next comma.
* The attribution frame itself is the writer's: in "The regime said it would retaliate" the word "regime" is in
  no span, "it would retaliate" is. Hedged sentences ("reportedly a terrorist") produce no span — the writer
  still asserts the claim — except for the "as" labels above, which always name a label someone else gave.
"""

from __future__ import annotations

import csv
import io
import json
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from typing import Literal, NamedTuple

import numpy as np
import pandas as pd

from ..corpus import WORD, clean_text
from ..errors import input_error
from ..segment import split_spans
from .quotes import QuoteSpan, quote_spans

SourceKind = Literal["named", "anonymous", "none"]
SOURCE_KINDS: tuple[str, ...] = ("named", "anonymous", "none")
Stance = Literal["neutral", "distancing", "endorsing"]
STANCES: tuple[str, ...] = ("neutral", "distancing", "endorsing")
PatternType = Literal["verb", "verb_as", "verb_complement", "verb_of", "verb_for", "verb_from", "prep", "put_it"]
PATTERN_TYPES: tuple[str, ...] = ("verb", "verb_as", "verb_complement", "verb_of", "verb_for", "verb_from", "prep",
                                  "put_it")
HedgeKind = Literal["adverb", "adjective", "passive_report", "passive_view", "appearance", "impersonal"]
HEDGE_KINDS: tuple[str, ...] = ("adverb", "adjective", "passive_report", "passive_view", "appearance",
                                "impersonal")
SpanKind = Literal["quotation", "scare_quote", "attributed"]
SPAN_KINDS: tuple[str, ...] = ("quotation", "scare_quote", "attributed")

SCORE_COLUMNS = ["doc_id", "sent_id", "source", "source_kind", "cue", "stance", "quote", "quoted_share",
                 "scare_quotes", "hedged", "hedge"]
DETAIL_COLUMNS = ["doc_id", "sent_id", "source", "source_kind", "cue", "stance", "start", "end"]
SPAN_COLUMNS = ["doc_id", "sent_id", "start", "end", "kind"]
SUMMARY_COLUMNS = [
    "doc_id", "n_sentences", "share_named", "share_anonymous", "share_none", "named_to_anonymous",
    "quoted_word_share", "quote_sentence_share", "scare_quotes_per_100", "hedges_per_100", "citations_per_100",
    "share_attributed_by_citation", "stance_neutral", "stance_distancing", "stance_endorsing",
]
CUE_COLUMNS = ["cue", "lemma", "stance", "pattern_type", "note"]
HEDGE_COLUMNS = ["hedge", "kind", "note"]
CUES_FILE = "attribution_cues.tsv"
HEDGES_FILE = "hedges.tsv"

# A mostly quoted sentence with no cue of its own inherits a nearby source above this share of quoted words.
INHERIT_QUOTED_SHARE = 0.5
# "X said (that) …": the content starts after "that" when "that" comes within this many tokens of the verb.
THAT_WINDOW = 10
# "described Y as Z": "as" must come within this many tokens of the verb.
AS_WINDOW = 8
# Words that may follow a sentence-final frame (", a senior Iraqi official told the New Yorker for a long
# profile of Soleimani." has 9); a longer tail means the verb has content of its own.
MAX_FRAME_TAIL = 12
# A source phrase longer than this (in words) is not a noun phrase but a clause; fall back to its name run.
MAX_SOURCE_WORDS = 16


# ---------------------------------------------------------------------------------------------------------
# Package data


class Cue(NamedTuple):
    """One row of the cue list: a surface form (``cue``, lower case, words separated by spaces)."""

    cue: str
    lemma: str
    stance: Stance
    pattern_type: PatternType


class Hedge(NamedTuple):
    """One row of the hedge list with its compiled pattern."""

    hedge: str
    kind: HedgeKind
    pattern: re.Pattern
    keyword: str = ""  # a word every match contains (lower case): a cheap test before the pattern runs


def _read_tsv(name: str, columns: list[str]) -> list[dict]:
    text = files("framing.data").joinpath(name).read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    rows = list(csv.DictReader(io.StringIO("\n".join(lines)), delimiter="\t", quoting=csv.QUOTE_NONE))
    if not rows or list(rows[0].keys()) != columns:
        raise input_error(name, f"expected columns {', '.join(columns)}")
    return rows


@cache
def load_cues() -> tuple[Cue, ...]:
    """The packaged attribution cues (``data/attribution_cues.tsv``), read once."""
    cues = []
    for line, row in enumerate(_read_tsv(CUES_FILE, CUE_COLUMNS), start=2):
        if row["stance"] not in STANCES or row["pattern_type"] not in PATTERN_TYPES:
            raise input_error(CUES_FILE, f"bad stance or pattern_type in row {row}", line=line)
        cues.append(Cue(row["cue"].strip().lower(), row["lemma"].strip(), row["stance"], row["pattern_type"]))
    return tuple(cues)


_BE = (r"(?:is|are|was|were|be|been|being|'s|(?:has|have|had)\s+been|(?:will|would|may|might|could|can|must)"
       r"\s+be)(?:\s+(?:also|widely|often|long|still|generally|commonly|now|once|even|later|sometimes|"
       r"[a-z]+ly))?")
_PP = r"(?P<pp>\s+(?:in|among|by|within|across)(?:\s+[\w'-]+){1,4}?)?"
_VAGUE_AGENTS = r"(?:many|some|most|others|several|few)"


def _hedge_pattern(hedge: str) -> re.Pattern:
    parts = []
    for word in hedge.split():
        if word == "{be}":
            parts.append(r"\s+" + _BE)
        elif word == "{pp}":
            parts.append(_PP)
        elif word == "{vague}":
            parts.append(r"\s+" + _VAGUE_AGENTS)
        else:
            parts.append(r"\s+" + re.escape(word))
    body = "".join(parts)
    body = body[3:] if body.startswith(r"\s+") else body
    return re.compile(rf"(?<![\w'-]){body}(?![\w'-])", re.IGNORECASE)


@cache
def load_hedges() -> tuple[Hedge, ...]:
    """The packaged hedges (``data/hedges.tsv``) with compiled patterns, read once."""
    hedges = []
    for line, row in enumerate(_read_tsv(HEDGES_FILE, HEDGE_COLUMNS), start=2):
        if row["kind"] not in HEDGE_KINDS:
            raise input_error(HEDGES_FILE, f"unknown hedge kind {row['kind']!r}", line=line)
        phrase = row["hedge"].strip()
        words = [word for word in phrase.split() if not word.startswith("{")]
        hedges.append(Hedge(phrase, row["kind"], _hedge_pattern(phrase), max(words, key=len).lower()))
    return tuple(hedges)


@cache
def _cue_index() -> dict[str, list[tuple[tuple[str, ...], Cue]]]:
    index: dict[str, list[tuple[tuple[str, ...], Cue]]] = {}
    for cue in load_cues():
        words = tuple(cue.cue.split())
        index.setdefault(words[0], []).append((words, cue))
    for entries in index.values():
        entries.sort(key=lambda entry: -len(entry[0]))
    return index


@cache
def cue_lemmas() -> dict[str, str]:
    """Map every ``cue`` value the scorer can output (lower case) to its lemma: "said" → "say",
    "described as" → "describe as", "according to" → "according to"."""
    lemmas = {}
    for cue in load_cues():
        surface = f"{cue.cue} as" if cue.pattern_type == "verb_as" else cue.cue
        lemmas.setdefault(surface, cue.lemma)
    lemmas.setdefault("reports", "report")
    return lemmas


def cue_lemma(cue: str) -> str:
    """The lemma of an output ``cue`` ("told" → "tell"); "" for ""."""
    return cue_lemmas().get(cue.lower(), cue.lower()) if cue else ""


@cache
def _ortho() -> dict[str, int]:
    # Punkt's orthographic statistics (how often a word type was seen lower case mid-sentence in news text) tell
    # a common noun that starts a sentence ("Witnesses said") from a name ("Reuters said").
    data = json.loads(files("framing.data").joinpath("punkt_english.json").read_text(encoding="utf-8"))
    return data["ortho_context"]


_MID_LOWER, _MID_UPPER = 1 << 5, 1 << 2  # NLTK Punkt's _ORTHO_MID_LC and _ORTHO_MID_UC flags


# ---------------------------------------------------------------------------------------------------------
# Word classes (closed classes and the vocabulary of sources)

DEFINITE = frozenset("the this that these those".split())
POSSESSIVE = frozenset("his her its their our my your".split())
INDEFINITE = frozenset("""a an one two three four five six seven eight nine ten dozens hundreds thousands some
    several many few various numerous other others certain most multiple another any""".split())
NEGATIVE = frozenset("nobody none no noone".split())
PRONOUNS = frozenset("he she they it".split())
FIRST_PERSON = frozenset("i we".split())
RELATIVE = frozenset("who which that whom".split())
AUXILIARY = frozenset("""has have had will would could can may might shall should must did does do is are was
    were be been being 's having""".split())
BE_FORMS = frozenset("is are was were be been being 's".split())
REFUSALS = frozenset("declined declines decline refused refuses refuse".split())
CONTROL_VERBS = frozenset("""sought seek seeks seeking tried try tries trying attempted attempt attempts wanted want
    wants continued continue continues began begin begins went going used appeared seemed""".split())
ADVERBS = frozenset("""also later previously repeatedly reportedly publicly privately openly initially first now
    then once again still even further already recently earlier never not n't just only allegedly separately
    subsequently immediately quickly since formally officially simply yet often widely long commonly generally
    sometimes usually frequently""".split())
TIME_WORDS = frozenset("""monday tuesday wednesday thursday friday saturday sunday today yesterday tonight
    january february march april may june july august september october november december""".split())
BOUNDARY = frozenset("""that which who whom whose when while as if because though although since after before
    but or so than where whether until unless whereas and nor""".split())
PREPOSITIONS = frozenset("""of for in at to with from on near by about against among amid across into over under
    after before during within without through via between behind beyond despite toward towards upon""".split())
NP_PREPOSITIONS = frozenset("of for in at to with from on near close by".split())
POST_MODIFIERS = frozenset("familiar close loyal linked opposed allied based speaking".split())
SPEECH_START_PREPOSITIONS = frozenset("""in on at during after before to from late earlier last this when while
    via through outside inside near with""".split())
TITLE_ABBREVIATIONS = ("Mr", "Mrs", "Ms", "Dr", "Gen", "Maj", "Lt", "Col", "Capt", "Sen", "Rep", "Gov", "Prof",
                       "Sgt", "Adm", "Brig", "Jr", "Sr", "St")
# Participles that are ordinary adjectives in a noun phrase ("a leaked memo", "an unnamed official").
MODIFIER_PARTICIPLES = frozenset("""leaked unnamed unidentified armed retired exiled allied based backed appointed
    elected concerned informed affiliated detained embattled besieged ruling leading governing opposing visiting
    outgoing incoming acting founding serving so-called united""".split())
COMMON_VERBS = frozenset("""met saw made took gave went came got held led left kept put ran sent set spoke stood won
    thought felt brought bought fought caught taught built began became fled knew meant paid lost struck
    killed is are was were has have had be been did does do""".split())

# Heads that make a phrase anonymous: vague people and groups (also under "the": "the officials").
VAGUE_PEOPLE = frozenset("""official officials source sources analyst analysts expert experts critic critics
    observer observers commentator commentators diplomat diplomats insider insiders aide aides person people
    witness witnesses resident residents activist activists supporter supporters opponent opponents apologist
    apologists lawmaker lawmakers legislator legislators politician politicians leader leaders commander
    commanders fighter fighters militant militants member members figure figures someone somebody others many
    some most several few observers pundits pundit scholars scholar academic academics researchers researcher
    investigators investigator authorities agents agent operatives operative veterans veteran protesters
    mourners crowds crowd voices sceptics skeptics hardliners reformists conservatives liberals journalists
    journalist reporters reporter correspondents rivals allies governments states countries nations groups
    outlets accounts reports rumours rumors claims sources""".split())
COLLECTIVE = frozenset("media press outlets accounts reports intelligence circles quarters".split())
# Institutions, offices and documents: named when definite or possessive ("the ministry", "his office").
INSTITUTIONS = frozenset("""government ministry military army navy police authorities regime administration
    embassy court agency department office council parliament committee commission presidency cabinet
    broadcaster channel television radio newspaper paper network website agency service services guards corps
    force forces movement party group organisation organization company firm bank treasury statement letter
    report communique decree memo memorandum document documents cable cables study survey poll review audit
    indictment complaint lawsuit filing judgment ruling verdict resolution journal white house kremlin
    pentagon""".split())
ROLES = frozenset("""president minister secretary spokesman spokeswoman spokesperson senator general commander
    ambassador envoy leader chief premier chairman chairwoman chair director head governor mayor king queen prince
    emir ayatollah cleric adviser advisor correspondent editor author writer founder ceo prosecutor judge
    speaker sheikh imam pope chancellor""".split())
DOCUMENT_SUBJECTS = frozenset("""survey surveys study studies poll polls report reports investigation inquiry
    analysis review research accounts documents document records cables cable memo memorandum audit assessment
    figures data census estimates statement statements letter communique decree indictment filing ruling
    judgment verdict""".split())
ISSUING = frozenset("""published issued compiled released written produced commissioned conducted signed prepared
    drafted authored filed""".split())
BROADCASTERS = frozenset("television tv radio broadcaster agency".split())
ANONYMITY = re.compile(r"\b(?:anonymous|anonymity|unnamed|unidentified|not authori[sz]ed|asked not to be named|"
                       r"declined to be (?:named|identified)|familiar with|who requested anonymity)\b",
                       re.IGNORECASE)
DEMONYMS = frozenset("""iranian iraqi syrian american russian israeli palestinian lebanese saudi turkish kurdish
    afghan pakistani yemeni qatari emirati egyptian jordanian british french german european western eastern
    arab persian chinese indian ukrainian shia shiite shi'ite sunni islamic muslim jewish christian gulf middle
    us u.s. uk u.k. eu un u.n. foreign westerner westerners kurd kurds iraqis iranians americans""".split())
MONTHS_AND_DAYS = frozenset(w.capitalize() for w in TIME_WORDS)
# Verbs whose base or -s form is far more often a noun: they count only before "that", a colon or a quotation,
# or as a sentence-final frame.
NOUN_LIKE = frozenset("""state states report reports note notes claim claims question questions comment comments
    warn warning list lists name names view views call calls quote cite post tweet tweets dismiss stress pledge
    pledges vow vows answer add adds recall recalls maintain maintains respond responds reply replies
    declare""".split())
# "Tehran claims to speak for …": a to-infinitive is their content.
INFINITIVE_CUES = frozenset("claim purport pledge vow promise threaten".split())
# These lemmas need a clause or a frame even in the past tense ("recalled the ambassador", "maintained a low
# profile", "responded to the attack by launching missiles").
CLAUSE_ONLY = frozenset("recall maintain respond add note stress comment declare predict post explain".split())
# A that-less clause usually starts with one of these ("he added there would be no Iraq …").
CLAUSE_STARTS = frozenset("he she they it there we i this these those".split())
# "find / show / suggest" report only when a document or study is the subject.
DOCUMENT_ONLY = frozenset("find show suggest".split())
# Passives with an agent that cite it ("was rejected by X"); "asked by reporters" does not make reporters a source.
NO_PASSIVE_SOURCE = frozenset("ask question tell reply respond believe".split())


# ---------------------------------------------------------------------------------------------------------
# Tokens


class Token(NamedTuple):
    text: str
    lower: str
    start: int  # offset in the sentence
    end: int
    quoted: bool  # inside a quotation (not a scare quote)


_TOKEN = re.compile(
    r"(?:%s)\.|(?:[A-Za-z]\.){2,}|\w+(?:[-'’/]\w+)*|[^\w\s]" % "|".join(TITLE_ABBREVIATIONS)
)


def _tokens(text: str, quoted: list[tuple[int, int]]) -> list[Token]:
    out = []
    for match in _TOKEN.finditer(text):
        start, end = match.span()
        word = match.group()
        # Most sentences quote nothing: skip the span test for them (this runs for every token of a corpus).
        inside = bool(quoted) and any(s <= start and end <= e for s, e in quoted) and word not in "\"'"
        out.append(Token(word, word.lower().replace("’", "'"), start, end, inside))
    return out


def _is_word(token: Token) -> bool:
    return token.text[:1].isalnum()


_NAME_PARTICLE = re.compile(r"(?:al|el|ad|an|ar|as|at|ash|az|bin|ibn|abu|abd)-[A-Z]")


def _is_cap(token: Token) -> bool:
    """Capitalised, counting Arabic names written with a lower-case particle ("al-Sadr", "bin-Salman")."""
    return token.text[:1].isupper() or bool(_NAME_PARTICLE.match(token.text))


def _is_quote_mark(token: Token) -> bool:
    return token.text in "\"'"


def _looks_common(token: Token, index: int) -> bool:
    """A capitalised word that is an ordinary word in lower case (only trusted at the start of a sentence)."""
    lower = token.lower
    if lower in VAGUE_PEOPLE or lower in INDEFINITE or lower in DEFINITE or lower in POSSESSIVE \
            or lower in COLLECTIVE or lower in INSTITUTIONS or lower in ROLES or lower in NEGATIVE \
            or lower in PRONOUNS or lower in FIRST_PERSON or lower in BOUNDARY or lower in PREPOSITIONS:
        return True
    if index != 0:
        return False
    flags = _ortho().get(lower, 0)
    return bool(flags & _MID_LOWER) and not flags & _MID_UPPER


def _is_proper(token: Token, index: int) -> bool:
    """A capitalised name word: not a demonym, month or title abbreviation, not a common word at the start."""
    if not _is_cap(token) or not _is_word(token):
        return False
    if token.lower in DEMONYMS or token.text in MONTHS_AND_DAYS or token.text.rstrip(".") in TITLE_ABBREVIATIONS:
        return False
    if _plural_demonym(token.lower):
        return False
    return not (index == 0 and _looks_common(token, 0))


def _plural_demonym(lower: str) -> bool:
    return lower in DEMONYMS and lower.endswith("s") or bool(re.fullmatch(r"[a-z]+(?:ians|eans|ese|is)", lower)) \
        and lower not in {"analysis", "crisis", "thesis"}


def _is_plural(lower: str) -> bool:
    return lower.endswith("s") and not lower.endswith(("ss", "us", "is", "'s")) or lower in {"people", "media",
                                                                                            "police", "many"}


_ADJECTIVE = re.compile(r"(?:ful|less|ous|ive|al|ic|able|ible|ant|ent|ary|ile|ish)$|^(?:un|il|ir|im|in)\w+ed$")


def _is_participle(lower: str) -> bool:
    return (lower.endswith(("ed", "en")) or lower in {"seen", "said", "told", "shown", "found", "thought",
                                                      "held", "known", "written"})


# ---------------------------------------------------------------------------------------------------------
# Records


class Found(NamedTuple):
    """One source found in a sentence (offsets are sentence-relative until the end of the analysis)."""

    source: str
    kind: str  # named / anonymous / pronoun / inherited kinds resolved later
    cue: str
    stance: str
    start: int
    end: int
    content: tuple[tuple[int, int], ...]  # attributed spans
    cue_start: int
    agent: bool  # the source is a passive agent ("by X")
    subordinate: bool = False  # the cue sits in a relative clause ("officials, who asked not to be named, …")
    outer: bool = False  # its content holds another cue of the sentence (", his office said.")


class SentenceAnalysis(NamedTuple):
    """Everything the public tables are built from, for one sentence (document offsets)."""

    doc_id: str
    sent_id: int
    start: int
    end: int
    found: tuple[Found, ...]
    quote: bool
    quoted_share: float
    scare: bool
    hedges: tuple[str, ...]
    spans: tuple[tuple[int, int, str], ...]


class Phrase(NamedTuple):
    """A noun phrase as a range of token indices."""

    start: int  # index of its first token
    end: int  # index after its last token


# ---------------------------------------------------------------------------------------------------------
# The scorer


@dataclass(frozen=True)
class Attribution:
    """Source, source kind, cue, stance, quotation and hedges per sentence.

    ``lookback`` is how many earlier sentences a pronoun ("he said") or a cue-less quotation may look back to
    for its source.
    """

    lookback: int = 2

    def __call__(self, sentences: pd.DataFrame, documents: pd.DataFrame) -> pd.DataFrame:
        """Score every sentence.

        Parameters
        ----------
        sentences
            From :func:`framing.sentences` (needs ``doc_id, sent_id, start, end, text``).
        documents
            ``corpus.documents`` (needs ``doc_id, text``: the cleaned texts the offsets point into).

        Returns
        -------
        DataFrame, one row per input sentence in input order, with ``doc_id, sent_id``; ``source`` (the cited
        source as written, "" when none; a pronoun stays a pronoun); ``source_kind`` (named / anonymous / none);
        ``cue`` (the reporting verb or phrase as written, lower case: "said", "according to", "described as";
        "" when none — :func:`cue_lemma` gives its lemma); ``stance`` (neutral / distancing / endorsing, "" when
        no cue); ``quote`` (bool: a direct quotation covers at least one word); ``quoted_share`` (0–1, share of
        the sentence's words inside quotations, scare quotes not counted); ``scare_quotes`` (bool: one- or
        two-word quotes, also inside a quotation); ``hedged`` (bool) and ``hedge`` (the hedges as written,
        joined by "; ").
        """
        return _score_table(self.analyse(sentences, documents))

    def analyse(self, sentences: pd.DataFrame, documents: pd.DataFrame) -> list[SentenceAnalysis]:
        """The full analysis behind the three public tables, one :class:`SentenceAnalysis` per sentence."""
        missing = [c for c in ("doc_id", "sent_id", "start", "end", "text") if c not in sentences.columns]
        if missing:
            raise input_error(None, f"sentences table lacks column(s) {', '.join(missing)}")
        texts = dict(zip(documents["doc_id"], documents["text"]))
        results: dict[int, SentenceAnalysis] = {}
        for doc_id, group in sentences.groupby("doc_id", sort=False):
            if doc_id not in texts:
                raise input_error(None, f"no document text for doc_id {doc_id!r}")
            text = texts[doc_id]
            spans = quote_spans(text)
            by_position = _SpanIndex(spans)
            ordered = group.sort_values("sent_id")
            history: list[SentenceAnalysis] = []
            parsed = []
            # Plain columns, not itertuples: that builds a namedtuple class per call, i.e. per document.
            for index, sent_id, start, end in zip(ordered.index, ordered["sent_id"], ordered["start"],
                                                  ordered["end"]):
                start, end = int(start), int(end)
                parsed.append((index, _parse_sentence(doc_id, int(sent_id), start, end, text,
                                                      by_position.overlapping(start, end))))
            items = [item for _, item in parsed]
            items = _propagate_quotations(items, spans, text)
            for (index, _), item in zip(parsed, items):
                item = _resolve(item, history[-self.lookback:] if self.lookback else [], text)
                history.append(item)
                results[index] = item
        return [results[index] for index in sentences.index]


class _SpanIndex:
    """Quote spans sorted by start, to find those overlapping a sentence without scanning them all: a 50 MB
    document has 10⁵ sentences and as many spans, and a scan per sentence would be quadratic."""

    def __init__(self, spans: list[QuoteSpan]) -> None:
        self.spans = sorted(spans)
        self.starts = [span.start for span in self.spans]
        self.longest = max((span.end - span.start for span in self.spans), default=0)

    def overlapping(self, start: int, end: int) -> list[QuoteSpan]:
        """The spans overlapping ``[start, end)``, sorted by start."""
        first = bisect_left(self.starts, start - self.longest)
        last = bisect_left(self.starts, end)
        return [span for span in self.spans[first:last] if span.start < end and span.end > start]


def score_attribution(sentences: pd.DataFrame, documents: pd.DataFrame) -> pd.DataFrame:
    """``Attribution()(sentences, documents)``: the per-sentence table (see :meth:`Attribution.__call__`)."""
    return Attribution()(sentences, documents)


def attribution_details(sentences: pd.DataFrame, documents: pd.DataFrame) -> pd.DataFrame:
    """Every source found, several per sentence when a sentence cites several.

    Returns
    -------
    DataFrame with ``doc_id, sent_id, source, source_kind`` (named / anonymous), ``cue, stance`` ("" for a
    source inherited by a cue-less quotation), ``start, end`` (document offsets of the source text; for an
    inherited source, those of the sentence it came from).
    """
    return _details_table(Attribution().analyse(sentences, documents))


def reported_spans(sentences: pd.DataFrame, documents: pd.DataFrame) -> pd.DataFrame:
    """Spans of text not in the writer's own voice (rules in the module docstring).

    Returns
    -------
    DataFrame with ``doc_id, sent_id, start, end`` (document offsets, within the sentence) and ``kind``
    (``quotation`` — inside quotation marks, marks included; ``scare_quote``; ``attributed`` — the content of an
    attributed clause). Spans may overlap (a quotation inside an attributed clause).
    """
    return _spans_table(Attribution().analyse(sentences, documents))


def attribution_tables(sentences: pd.DataFrame, documents: pd.DataFrame, *, lookback: int = 2
                       ) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """The three tables of :class:`Attribution`, :func:`attribution_details` and :func:`reported_spans` from one
    parse (the parse is the expensive part; the pipeline needs all three)."""
    items = Attribution(lookback=lookback).analyse(sentences, documents)
    return _score_table(items), _details_table(items), _spans_table(items)


def _score_table(items: list[SentenceAnalysis]) -> pd.DataFrame:
    rows = []
    for item in items:
        primary = _primary(item.found)
        rows.append((
            item.doc_id, item.sent_id,
            primary.source if primary else "",
            primary.kind if primary else "none",
            primary.cue if primary else "",
            primary.stance if primary else "",
            item.quote, item.quoted_share, item.scare, bool(item.hedges), "; ".join(item.hedges),
        ))
    table = pd.DataFrame(rows, columns=SCORE_COLUMNS)
    return table.astype({"sent_id": "int64", "quote": bool, "quoted_share": float, "scare_quotes": bool,
                         "hedged": bool})


def _details_table(items: list[SentenceAnalysis]) -> pd.DataFrame:
    rows = [(item.doc_id, item.sent_id, found.source, found.kind, found.cue, found.stance, found.start, found.end)
            for item in items for found in item.found]
    return pd.DataFrame(rows, columns=DETAIL_COLUMNS).astype({"sent_id": "int64", "start": "int64",
                                                              "end": "int64"})


def _spans_table(items: list[SentenceAnalysis]) -> pd.DataFrame:
    rows = [(item.doc_id, item.sent_id, start, end, kind) for item in items for start, end, kind in item.spans]
    return pd.DataFrame(rows, columns=SPAN_COLUMNS).astype({"sent_id": "int64", "start": "int64", "end": "int64"})


# ---------------------------------------------------------------------------------------------------------
# One sentence


def _parse_sentence(doc_id: str, sent_id: int, start: int, end: int, text: str,
                    spans: list[QuoteSpan]) -> SentenceAnalysis:
    sentence = text[start:end]
    local = [(max(s, start) - start, min(e, end) - start, k) for s, e, k in spans if s < end and e > start]
    quotations = [(s, e) for s, e, k in local if k == "quotation"]
    tokens = _tokens(sentence, quotations)
    parser = _Parser(sentence, tokens)
    found = parser.sources()
    hedges, hedge_found = _hedges(sentence, quotations, found)
    found = found + hedge_found
    found = tuple(f._replace(outer=any(o is not f and any(s <= o.cue_start < e for s, e in f.content)
                                       for o in found)) for f in found)
    words = [(m.start(), m.end()) for m in WORD.finditer(sentence)]
    in_quote = [any(s <= w < e for s, e in quotations) for w, _ in words] if quotations else []
    quote = any(in_quote)
    share = sum(in_quote) / len(words) if words else 0.0
    scare = any(k == "scare" for _, _, k in local)
    out_spans = [(start + s, start + e, "quotation" if k == "quotation" else "scare_quote") for s, e, k in local
                 if e > s]
    content = [c for f in found for c in f.content] + parser.agentless_labels
    for s, e in content:
        s, e = _trim(sentence, s, e)
        if e > s:
            out_spans.append((start + s, start + e, "attributed"))
    found = tuple(f._replace(start=start + f.start, end=start + f.end, content=()) for f in found)
    return SentenceAnalysis(doc_id, sent_id, start, end, found, quote, round(share, 4), scare, tuple(hedges),
                            tuple(sorted(set(out_spans))))


def _trim(sentence: str, start: int, end: int) -> tuple[int, int]:
    """Drop spaces, clause punctuation and quotation marks at the edges (the marks belong to quotation spans)."""
    while start < end and (sentence[start].isspace() or sentence[start] in ",;:—–-\"'"):
        start += 1
    while end > start and (sentence[end - 1].isspace() or sentence[end - 1] in ",;:—–-.\"'"):
        end -= 1
    return start, end


def _primary(found: tuple[Found, ...]) -> Found | None:
    """The source a sentence row shows: named before anonymous; then the outermost frame (", his office said"
    reports the whole sentence, including the cue inside it); then a main-clause cue before one in a relative
    clause; then reading order."""
    ranked = [f for f in found if f.kind in ("named", "anonymous")]
    if not ranked:
        return None
    return min(ranked, key=lambda f: (f.kind != "named", not f.outer, f.subordinate, f.cue_start))


class _Parser:
    """Finds cues and their sources in one sentence's tokens."""

    def __init__(self, sentence: str, tokens: list[Token]):
        self.sentence = sentence
        self.tokens = tokens
        self.n = len(tokens)
        self.agentless_labels: list[tuple[int, int]] = []
        self._found: list[Found] = []

    # -- helpers --------------------------------------------------------------------------------------------

    def low(self, i: int) -> str:
        return self.tokens[i].lower if 0 <= i < self.n else ""

    def text_of(self, i: int, j: int) -> str:
        if j <= i:
            return ""
        return self.sentence[self.tokens[i].start:self.tokens[j - 1].end]

    def skip_left(self, i: int) -> int:
        """From token i leftwards, skip auxiliaries, adverbs, negation and short time phrases; return the index
        of the first token that is none of these (may be -1)."""
        while i >= 0:
            low = self.low(i)
            if low in AUXILIARY or low in ADVERBS or (low.endswith("ly") and low.isalpha() and low not in
                                                       {"italy", "family", "july", "early"} and
                                                       not _is_cap(self.tokens[i])):
                i -= 1
            elif low == "to" and self.low(i - 1) in CONTROL_VERBS:
                i -= 2
            elif low in TIME_WORDS and self.low(i - 1) in {"on", "last", "this", "in", "late", "early"}:
                i -= 2
            elif low.isdigit() and len(low) == 4 and self.low(i - 1) == "in":
                i -= 2
            elif low in {"week", "month", "year", "night"} and self.low(i - 1) in {"last", "this"}:
                i -= 2
            elif low == "time" and self.low(i - 1) == "the" and self.low(i - 2) == "at":
                i -= 3
            else:
                break
        return i

    def clause_end(self, i: int, *, relative: bool = False) -> int:
        """Sentence offset where the clause starting at token i ends."""
        depth = 0
        for j in range(i, self.n):
            tok = self.tokens[j]
            if tok.quoted:
                continue
            if tok.text in "([":
                depth += 1
            elif tok.text in ")]":
                depth = max(0, depth - 1)
            elif depth:
                continue
            elif tok.text == ";":
                return tok.start
            elif tok.text == "," and (relative or self.low(j + 1) in {"but", "yet"}):
                return tok.start
        return len(self.sentence)

    def content_from(self, i: int, *, relative: bool = False) -> tuple[int, int] | None:
        """The attributed content from token i to the end of its clause (sentence offsets)."""
        if i >= self.n:
            return None
        end = self.clause_end(i, relative=relative)
        return (self.tokens[i].start, end) if end > self.tokens[i].start else None

    def find_that(self, i: int) -> int | None:
        """Index of the token after "that" (or ":") within THAT_WINDOW tokens from i, not crossing a quote."""
        for j in range(i, min(self.n, i + THAT_WINDOW)):
            low = self.low(j)
            if self.tokens[j].quoted or _is_quote_mark(self.tokens[j]):
                return None
            if low in {"that", ":"}:
                return j + 1
            if low in {";", "."}:
                return None
        return None

    # -- noun phrases ---------------------------------------------------------------------------------------

    def np_left(self, i: int) -> Phrase | None:
        """The noun phrase ending at token i (inclusive), walking left."""
        j = i
        has_and = False
        while j >= 0:
            tok = self.tokens[j]
            low = tok.lower
            if tok.quoted or _is_quote_mark(tok):
                break
            if tok.text == ")":
                depth, k = 0, j
                while k >= 0:
                    depth += self.tokens[k].text == ")"
                    depth -= self.tokens[k].text == "("
                    if depth == 0:
                        break
                    k -= 1
                if k < 0:
                    break
                j = k - 1
                continue
            if tok.text == ",":
                # A list of names: "Sergei Lavrov, Medea Benjamin (…) and Hillary Mann Leverett".
                if has_and and j > 0 and _is_cap(self.tokens[j - 1]):
                    j -= 1
                    continue
                break
            if not _is_word(tok) and tok.text not in {"-", "/", "&", "."}:
                break
            if tok.text == "." and not (j > 0 and self.tokens[j - 1].text.rstrip(".") in TITLE_ABBREVIATIONS):
                break
            if low == "and":
                left = self.tokens[j - 1] if j > 0 else None
                right = self.tokens[j + 1] if j + 1 <= i else None
                if left is not None and right is not None and (_is_cap(left) or left.text == ")") and \
                        (_is_cap(right) or right.lower in DEFINITE):
                    has_and = True
                    j -= 1
                    continue
                break
            if low in BOUNDARY or low in NEGATIVE - {"no"} or (low in ADVERBS and j != i):
                break
            if low in PREPOSITIONS and low not in NP_PREPOSITIONS:
                break
            if not _is_cap(tok) and low in COMMON_VERBS and j != i:
                break
            if not _is_cap(tok) and low in cue_lemmas() and low not in NOUN_LIKE and j != i:
                break  # another clause's verb ("state television" keeps its noun "state")
            if not _is_cap(tok) and low.endswith(("ed", "ing")) and low not in MODIFIER_PARTICIPLES \
                    and "-" not in low and j != i:
                # A participle is a post-modifier only right after a noun and before a preposition:
                # "a survey published in 2018 by …"; otherwise it is the verb of another clause.
                nxt = self.low(j + 1)
                prev = self.tokens[j - 1] if j > 0 else None
                if not (nxt in NP_PREPOSITIONS and prev is not None and _is_word(prev)
                        and prev.lower not in AUXILIARY and prev.lower not in BOUNDARY):
                    break
            j -= 1
        start = j + 1
        # Prepositions cannot start a noun phrase.
        while start <= i and self.low(start) in PREPOSITIONS:
            start += 1
        if start > i:
            return None
        # "a move analysts said": a singular determiner cannot head a plural noun; keep the plural.
        words = [t.lower for t in self.tokens[start:i + 1]]
        if words[0] in {"a", "an"} and _is_plural(words[-1]) and not _is_cap(self.tokens[i]) \
                and not any(w in NP_PREPOSITIONS for w in words):
            start = i
        return Phrase(start, i + 1)

    def np_right(self, i: int, *, allow_appositive: bool = True, to_comma: bool = False) -> Phrase | None:
        """The noun phrase starting at token i, walking right (used after "according to", "by", "said")."""
        if i >= self.n or self.tokens[i].quoted:
            return None
        if to_comma:
            clause = self._segment_np(i)
            if clause is not None:
                return clause
        j = i
        seen_cap = False
        while j < self.n:
            tok = self.tokens[j]
            low = tok.lower
            if tok.quoted or _is_quote_mark(tok) or (not _is_word(tok) and tok.text not in {"-", "/", "&", "(",
                                                                                          "."}):
                break
            if tok.text == ".":
                if j > i and self.tokens[j - 1].text in TITLE_ABBREVIATIONS:
                    j += 1
                    continue
                break
            if tok.text == "(":
                depth, k = 0, j
                while k < self.n:
                    depth += self.tokens[k].text == "("
                    depth -= self.tokens[k].text == ")"
                    if depth == 0:
                        break
                    k += 1
                if k >= self.n:
                    break  # an unclosed bracket ends the phrase
                j = k + 1
                continue
            if j > i and (low in BOUNDARY and low != "and" or low in ADVERBS):
                break
            if low == "and":
                if seen_cap and j + 1 < self.n and (_is_cap(self.tokens[j + 1]) or self.low(j + 1) in DEFINITE):
                    j += 1
                    continue
                break
            if j > i and low in PREPOSITIONS and low not in NP_PREPOSITIONS:
                break
            if j > i and low in NP_PREPOSITIONS and seen_cap and _is_cap(self.tokens[j - 1]) \
                    and not (j + 1 < self.n and (_is_cap(self.tokens[j + 1]) or self.low(j + 1) in DEFINITE)):
                # "Kenneth Pollack in a profile": a name ends the phrase before a lower-case prepositional phrase.
                break
            if j > i and not _is_cap(tok) and (low in COMMON_VERBS or low in AUXILIARY or
                                               (low.endswith("ed") and low not in MODIFIER_PARTICIPLES
                                                and seen_cap)):
                break
            if j > i and not _is_cap(tok) and low in cue_lemmas() and low not in NOUN_LIKE:
                break
            seen_cap = seen_cap or _is_cap(tok)
            j += 1
        if j == i:
            return None
        end = j
        while end > i and self.low(end - 1) in PREPOSITIONS | {"and", "-"}:
            end -= 1
        if allow_appositive and end < self.n and self.tokens[end].text == ",":
            appositive = self._appositive(end + 1, final_ok=True)
            if appositive is not None:
                end = appositive
        return Phrase(i, end) if end > i else None

    def _appositive(self, i: int, *, final_ok: bool) -> int | None:
        """If tokens from i form an appositive ("a former CIA officer in Iraq", "who sits on …", "Hamid Rezaei")
        ending at a comma (or the sentence end when ``final_ok``), return the index after it."""
        if i >= self.n:
            return None
        first = self.tokens[i]
        if first.quoted or _is_quote_mark(first):
            return None
        if first.lower.endswith("ing") and not _is_cap(first):
            return None  # ", adding that …" is a participle clause, not an appositive
        starts = first.lower in {"a", "an", "the", "former", "then", "one", "who", "whose"} \
            or first.lower in POSSESSIVE or (_is_cap(first) and first.lower not in BOUNDARY)
        if not starts:
            return None
        if first.lower in {"who", "whose"}:
            j = i
            while j < self.n and self.tokens[j].text not in {",", ";", ".", ":", "—", "–"} \
                    and not _is_quote_mark(self.tokens[j]):
                j += 1
        else:
            phrase = self.np_right(i, allow_appositive=False)
            if phrase is None:
                return None
            j = phrase.end
            if self.low(j) in {"who", "whose"}:  # "a former Syrian premier who defected in August 2012"
                while j < self.n and self.tokens[j].text not in {",", ";", ".", ":", "—", "–"} \
                        and not _is_quote_mark(self.tokens[j]):
                    j += 1
        if j - i > MAX_SOURCE_WORDS:
            return None
        if j < self.n and self.tokens[j].text == ",":
            return j
        if final_ok and (j >= self.n or (self.tokens[j].text == "." and j == self.n - 1)):
            return j
        return None

    def _segment_np(self, i: int) -> Phrase | None:
        """After "according to": the source runs to the comma that starts the main clause."""
        j = i
        while j < self.n and self.tokens[j].text not in {",", ";", ":", "—", "–"} and not self.tokens[j].quoted \
                and not _is_quote_mark(self.tokens[j]):
            j += 1
        if j >= self.n or self.tokens[j].text != "," or j == i:
            # Runs to the end (sentence-final "…, according to X.") or has no comma.
            if j >= self.n or (self.tokens[j].text == "." and j == self.n - 1):
                end = j
                if end - i <= MAX_SOURCE_WORDS:
                    return Phrase(i, end)
            return None
        if j - i > MAX_SOURCE_WORDS:
            return None
        end = j
        words = self.tokens[i:j]
        # "a senior, non-Syrian security source …": a comma between adjectives.
        if len(words) <= 3 and words[0].lower in INDEFINITE | DEFINITE and not any(_is_cap(w) for w in words[1:]) \
                and j + 1 < self.n and not _is_cap(self.tokens[j + 1]):
            nxt = self._appositive_any(j + 1)
            if nxt is not None:
                end = nxt
        # ", including Riad Hijab, a former Syrian premier …"
        while end < self.n and self.tokens[end].text == "," and self.low(end + 1) in {"including", "among"}:
            inner = self.np_right(end + 2, allow_appositive=False)
            if inner is None:
                break
            end = inner.end
        # "John Maguire, a former CIA officer in Iraq, …" (an appositive followed by another comma)
        if end < self.n and self.tokens[end].text == "," and _is_cap(self.tokens[end - 1]):
            appositive = self._appositive(end + 1, final_ok=False)
            if appositive is not None and self.tokens[end + 1].lower in {"a", "an", "former", "then",
                                                                         "one", "who"} | POSSESSIVE:
                end = appositive
        return Phrase(i, end)

    def _appositive_any(self, i: int) -> int | None:
        j = i
        while j < self.n and self.tokens[j].text not in {",", ";", ".", ":"} and not self.tokens[j].quoted:
            j += 1
        if j < self.n and self.tokens[j].text == "," and j - i <= MAX_SOURCE_WORDS:
            return j
        return None

    def subject_left(self, verb: int) -> tuple[Phrase | None, str]:
        """The subject of the verb at token ``verb``; also say how it was found: ``np``, ``relative`` (a
        relative pronoun stood for it), ``coordinated`` (an "and/but" with no subject), ``after_comma``, ``none``.
        """
        i = self.skip_left(verb - 1)
        if i < 0:
            return None, "none"
        tok = self.tokens[i]
        if tok.lower in {"and", "but", "or"}:
            return None, "coordinated"
        if tok.text == ",":
            # "X, an IRGC commander, told …" / "X, who spoke on condition of anonymity, said …"
            k = i - 1
            depth = 0
            while k >= 0 and not (self.tokens[k].text == "," and depth == 0):
                depth += self.tokens[k].text == ")"
                depth -= self.tokens[k].text == "("
                if self.tokens[k].quoted or _is_quote_mark(self.tokens[k]):
                    break
                k -= 1
            if k >= 0 and self.tokens[k].text == "," and k + 1 < i:
                inner_first = self.low(k + 1)
                inner = [t.lower for t in self.tokens[k + 1:i]]
                relative = inner_first in {"who", "which", "whom"}
                if not relative and (len(inner) > MAX_SOURCE_WORDS or any(w in AUXILIARY for w in inner)):
                    return None, "after_comma"  # a clause between the commas, not an appositive
                head = self.np_left(k - 1)
                if head is None:
                    return None, "after_comma"
                if relative:
                    return head, "np"
                return Phrase(head.start, i), "np"
            return None, "after_comma"
        if tok.lower in RELATIVE:
            return self._antecedent(i), "relative"
        if tok.text in {"—", "–"}:
            # "A survey published … – one of the few considered reliable – found …"
            k = i - 1
            while k >= 0 and self.tokens[k].text not in {"—", "–"}:
                k -= 1
            if k > 0:
                head = self.np_left(k - 1)
                if head is not None:
                    return head, "np"
            return None, "none"
        if _is_quote_mark(tok) or not (_is_word(tok) or tok.text == ")" or tok.text == "."):
            return None, "after_comma" if _is_quote_mark(tok) or tok.text in ",:" else "none"
        clause = self.np_left(i)
        if clause is None:
            return None, "none"
        before = clause.start - 1
        if before >= 0 and self.low(before) in RELATIVE and clause.end - clause.start == 0:
            return self._antecedent(before), "relative"
        return clause, "np"

    def _antecedent(self, i: int) -> Phrase | None:
        j = i - 1
        if j >= 0 and self.tokens[j].text == ",":
            j -= 1
        if j < 0:
            return None
        return self.np_left(j)

    def main_subject(self) -> Phrase | None:
        """The sentence's first noun phrase after any introductory phrase ("In 2011, US officials …")."""
        i = 0
        if self.n and (self.low(0) in PREPOSITIONS or self.low(0) in BOUNDARY or
                       self.low(0).endswith(("ing", "ed")) or _is_quote_mark(self.tokens[0])):
            comma = next((j for j in range(self.n) if self.tokens[j].text == "," and not self.tokens[j].quoted),
                         None)
            if comma is None:
                return None
            i = comma + 1
        clause = self.np_right(i, allow_appositive=True)
        if clause is not None and len(WORD.findall(self.text_of(clause.start, clause.end))) > MAX_SOURCE_WORDS // 2 \
                and "," not in self.text_of(clause.start, clause.end):
            return None
        return clause

    # -- cues -----------------------------------------------------------------------------------------------

    def sources(self) -> tuple[Found, ...]:
        index = _cue_index()
        i = 0
        while i < self.n:
            tok = self.tokens[i]
            if tok.quoted or not _is_word(tok):
                i += 1
                continue
            matched = False
            for words, cue in index.get(tok.lower, ()):
                if tuple(self.low(i + k) for k in range(len(words))) != words:
                    continue
                if any(self.tokens[i + k].quoted for k in range(len(words))):
                    continue
                handler = getattr(self, f"_cue_{cue.pattern_type}")
                if handler(i, i + len(words), cue):
                    matched = True
                    i += len(words)
                    break
            if not matched:
                i += 1
        return tuple(self._found)

    def _add(self, clause: Phrase, kind: str, cue_text: str, cue: Cue, cue_index: int,
             content: list[tuple[int, int] | None], *, agent: bool = False, source_text: str | None = None,
             subordinate: bool = False) -> bool:
        text = source_text if source_text is not None else self.text_of(clause.start, clause.end)
        text = text.strip(" ,")
        if not text:
            return False
        start = self.tokens[clause.start].start
        end = start + len(text)
        self._found.append(Found(text, kind, cue_text, cue.stance, start, end,
                                 tuple(c for c in content if c is not None), self.tokens[cue_index].start, agent,
                                 subordinate))
        return True

    def _add_source(self, clause: Phrase, cue_text: str, cue: Cue, cue_index: int,
                    content: list[tuple[int, int] | None], *, agent: bool = False,
                    subordinate: bool = False) -> bool:
        """Classify and add a source phrase, splitting "several sources, including X" into two sources."""
        tokens = self.tokens[clause.start:clause.end]
        for k, tok in enumerate(tokens):
            if tok.lower in {"including", "among"} and k > 0:
                group = Phrase(clause.start, clause.start + k - (tokens[k - 1].text == ","))
                member = Phrase(clause.start + k + 1, clause.end)
                added = False
                for part in (group, member):
                    if part.end > part.start:
                        kind = self.classify(part)
                        if kind:
                            added = self._add(part, kind, cue_text, cue, cue_index, content, agent=agent,
                                              subordinate=subordinate) or added
                return added
        kind = self.classify(clause)
        if kind is None:
            return False
        return self._add(clause, kind, cue_text, cue, cue_index, content, agent=agent, subordinate=subordinate)

    def _passive(self, verb: int) -> bool:
        i = verb - 1
        while i >= 0 and (self.low(i) in ADVERBS or (self.low(i).endswith("ly") and not _is_cap(self.tokens[i]))):
            i -= 1
        return i >= 0 and self.low(i) in BE_FORMS | {"get", "got", "gets"} and _is_participle(self.low(verb))

    def _by_agent(self, i: int, limit: int | None = None) -> Phrase | None:
        j = i
        while j < self.n and (self.low(j) in ADVERBS or self.low(j).endswith("ly")):
            j += 1
        if self.low(j) == "by" and not self.tokens[j].quoted and (limit is None or j < limit):
            return self.np_right(j + 1)
        return None

    def _negated(self, verb: int) -> bool:
        """ "did not say", "would never confirm", "declined to comment": nothing is attributed."""
        i = verb - 1
        while i >= 0 and (self.low(i) in AUXILIARY or self.low(i) in ADVERBS or self.low(i) == "to"):
            if self.low(i) in {"not", "n't", "never"} or (self.low(i) == "to" and self.low(i - 1) in REFUSALS):
                return True
            i -= 1
        return False

    def _cue_verb(self, i: int, end: int, cue: Cue) -> bool:
        low = self.tokens[i].lower
        prev = self.low(i - 1)
        if self._negated(i):
            return False
        nxt = self.low(end)
        surface = self.text_of(i, end).lower()
        # Adjectives and nouns: "the stated goal", "no reported casualties", "Soleimani's claim".
        if prev in DEFINITE | POSSESSIVE | {"a", "an", "no", "any", "every"} or prev.endswith("'s"):
            return False
        if prev in PREPOSITIONS and not (prev == "to" and self.low(i - 2) in CONTROL_VERBS):
            return False
        if cue.lemma == "add" and nxt == "to":
            return False
        if cue.lemma == "note" and nxt == "for":
            return False
        if nxt in cue_lemmas() and end < self.n and not _is_cap(self.tokens[end]):
            return False  # "a leaked report stated": the next word is the verb, this one a noun
        clause_follows = nxt in {"that", ":"} or (end < self.n and _is_quote_mark(self.tokens[end])) or \
            (end < self.n and self.tokens[end].quoted) or (nxt == "to" and cue.lemma in INFINITIVE_CUES)
        frame_final = self._frame_final(end, cue) and self._frame_position(i)
        if low in NOUN_LIKE and not (clause_follows or frame_final):
            return False
        if cue.lemma in CLAUSE_ONLY and not (clause_follows or frame_final or self.find_that(end) is not None
                                             or nxt in CLAUSE_STARTS):
            return False
        # Passive: "was rejected by X" cites X; "is quoted as saying" cites the subject; otherwise a hedge.
        # A participle right before "by" is a passive even without "be" ("grounds cited by the EU").
        if self._passive(i) or (_is_participle(low) and nxt == "by"):
            if cue.lemma == "quote" and nxt == "as":
                subject, _ = self.subject_left(self.skip_left(i - 1) + 1)
                if subject is not None:
                    return self._add_source(subject, surface, cue, i, [])
                return False
            if cue.lemma in NO_PASSIVE_SOURCE:
                return False
            agent = self._by_agent(end)
            if agent is None:
                return False
            return self._add_source(agent, surface, cue, i, [], agent=True)
        if low.endswith("ing"):
            return self._participle(i, end, cue, surface)
        subject, how = self.subject_left(i)
        if how == "coordinated":
            subject = self._previous_subject()
        if subject is None and how == "after_comma":
            # Inverted: "'…,' said Leila Farhadi, a fellow at …" / "…, said X."
            starts_np = end < self.n and _is_word(self.tokens[end]) and not self.tokens[end].quoted and \
                self.low(end) not in BOUNDARY | PREPOSITIONS | AUXILIARY
            inverted = self.np_right(end) if starts_np else None
            if inverted is None:
                return False
            if not (self._frame_final(inverted.end, cue) or self._content_follows_quote(i)):
                return False
            content = [self._before_frame(i)]
            return self._add_source(inverted, surface, cue, i, content)
        if subject is None:
            return False
        if cue.lemma in DOCUMENT_ONLY and not self._document_subject(subject):
            return False
        relative = how == "relative" or self._in_relative(subject)
        content = self._verb_content(i, end, subject, cue, relative=relative)
        return self._add_source(subject, surface, cue, i, content, subordinate=relative)

    def _participle(self, i: int, end: int, cue: Cue, surface: str) -> bool:
        prev = self.low(i - 1)
        if prev not in {",", "and", "while", "before", "after", "by", "when"}:
            return False
        subject = self._previous_subject() or self.main_subject()
        if subject is None:
            return False
        that = self.find_that(end)
        content = [self.content_from(that if that is not None else end)]
        return self._add_source(subject, surface, cue, i, content)

    def _previous_subject(self) -> Phrase | None:
        if self._found:
            last = self._found[-1]
            for k, tok in enumerate(self.tokens):
                if tok.start == last.start:
                    j = k
                    while j < self.n and self.tokens[j].end <= last.end:
                        j += 1
                    return Phrase(k, j)
        return self.main_subject()

    def _in_relative(self, subject: Phrase) -> bool:
        before = subject.start - 1
        return before >= 0 and self.low(before) in {"which", "who", "whom"} and self.low(before - 1) == ","

    def _document_subject(self, subject: Phrase) -> bool:
        words = [t.lower for t in self.tokens[subject.start:subject.end]]
        return any(w in DOCUMENT_SUBJECTS for w in words)

    def _frame_final(self, end: int, cue: Cue) -> bool:
        """After the verb (or the inverted source) only a short tail remains: "…, X said in a statement."."""
        j = end
        if j >= self.n or (self.tokens[j].text in {".", "!", "?"} and j == self.n - 1):
            return True
        tail = self.tokens[j:]
        if any(t.lower == "that" or t.text in {",", ";", ":"} for t in tail) or \
                sum(_is_word(t) for t in tail) > MAX_FRAME_TAIL:
            return False
        first = tail[0].lower
        if first in SPEECH_START_PREPOSITIONS or first in TIME_WORDS or first in {"told", "on", ","} \
                or (cue.lemma in {"tell", "ask"}):
            return not any(t.lower in AUXILIARY - {"'s"} for t in tail)
        return False

    def _frame_position(self, verb: int) -> bool:
        """The frame comes after its content: a comma or closing quotation mark before the subject (or before
        the verb, when the subject follows it)."""
        i = self.skip_left(verb - 1)
        if i < 0:
            return False
        if self.tokens[i].text == "," or _is_quote_mark(self.tokens[i]) or self.tokens[i].text in {"?", "!"}:
            return True
        clause = self.np_left(i)
        before = clause.start - 1 if clause is not None else -1
        return before >= 0 and (self.tokens[before].text == "," or _is_quote_mark(self.tokens[before]))

    def _content_follows_quote(self, verb: int) -> bool:
        i = self.skip_left(verb - 1)
        while i >= 0 and self.tokens[i].text in {",", "?", "!"}:
            i -= 1
        return i >= 0 and _is_quote_mark(self.tokens[i])

    def _before_frame(self, verb: int) -> tuple[int, int] | None:
        """The content of a sentence-final frame: from the clause start to the comma before the frame."""
        i = verb - 1
        while i >= 0 and self.tokens[i].text not in {",", "\"", "'"}:
            i -= 1
        while i >= 0 and self.tokens[i].text in {",", "\"", "'", "?", "!"} and not self.tokens[i].quoted:
            i -= 1
        if i < 0:
            return None
        start = 0
        for k in range(i, -1, -1):
            if self.tokens[k].text == ";" and not self.tokens[k].quoted:
                start = self.tokens[k].end
                break
        end = self.tokens[i].end
        return (start, end) if end > start else None

    def _verb_content(self, verb: int, end: int, subject: Phrase, cue: Cue, *,
                      relative: bool) -> list[tuple[int, int] | None]:
        before_subject = subject.start - 1
        after_comma = before_subject >= 0 and (self.tokens[before_subject].text == "," or
                                               _is_quote_mark(self.tokens[before_subject])) \
            and not relative
        if after_comma:
            nxt = end
            # Parenthetical: "The general, officials said, was a terrorist …"
            if nxt < self.n and self.tokens[nxt].text == "," and nxt + 1 < self.n \
                    and not self._frame_final(nxt + 1, cue):
                return [self.content_from(nxt + 1)]
            if self._frame_final(end, cue):
                return [self._before_frame(subject.start + 1 if subject.start + 1 <= verb else verb)]
        that = self.find_that(end)
        if that is not None:
            return [self.content_from(that, relative=relative)]
        start = end
        if cue.lemma in {"tell", "ask"}:
            # Skip the listener: "told reporters", "told The New York Times".
            obj = self.np_right(start, allow_appositive=False)
            if obj is not None:
                start = obj.end
        return [self.content_from(start, relative=relative)]

    def _cue_verb_as(self, i: int, end: int, cue: Cue) -> bool:
        as_index = None
        for j in range(end, min(self.n, end + AS_WINDOW)):
            if self.tokens[j].text in {",", ";", ".", ":"} and not self.tokens[j].quoted:
                break
            if self.low(j) == "as" and not self.tokens[j].quoted:
                as_index = j
                break
        if as_index is None:
            return False
        prev = self.low(i - 1)
        if prev in DEFINITE | POSSESSIVE | {"a", "an", "no"} or prev.endswith("'s"):
            return False
        if prev in PREPOSITIONS and not (prev == "to" and self.low(i - 2) in CONTROL_VERBS):
            return False
        surface = f"{self.text_of(i, end).lower()} as"
        label = self._label_end(as_index + 1)
        label_stop = label[1] if label else len(self.sentence)
        passive = self._passive(i) or (_is_participle(self.low(i)) and prev in {"and", ",", ""}) \
            or (_is_participle(self.low(i)) and self.low(end) == "by")
        if passive:
            agent = self._by_agent(end, limit=as_index)
            by_after = None
            if agent is None:
                for j in range(as_index + 1, self.n):
                    if self.tokens[j].start >= label_stop:
                        break
                    if self.low(j) == "by" and not self.tokens[j].quoted:
                        by_after = j
                        break
                if by_after is not None:
                    agent = self.np_right(by_after + 1)
            content = (self.tokens[as_index + 1].start, self.tokens[by_after].start) if by_after is not None \
                else label
            if agent is None:
                if content and content[1] > content[0]:
                    self.agentless_labels.append(content)
                return False
            return self._add_source(agent, surface, cue, i, [content], agent=True)
        subject, how = self.subject_left(i)
        if how == "coordinated":
            subject = self._previous_subject()
        if subject is None:
            return False
        return self._add_source(subject, surface, cue, i, [label],
                                subordinate=how == "relative" or self._in_relative(subject))

    def _label_end(self, i: int) -> tuple[int, int] | None:
        """The label after "as" / the complement of "called": to a comma, clause end, agent or place/time phrase."""
        if i >= self.n:
            return None
        end = len(self.sentence)
        for j in range(i, self.n):
            tok = self.tokens[j]
            if tok.quoted:
                continue
            if tok.text in {",", ";", "—", "–"} or (tok.text == "." and j == self.n - 1):
                end = tok.start
                break
            if j > i and tok.lower in {"in", "on", "at", "during", "after", "before", "since", "from", "while",
                                       "when", "because", "although", "but"}:
                end = tok.start
                break
            if j > i and tok.lower in AUXILIARY - {"'s"} | {"will", "would"}:
                end = tok.start
                break
        start = self.tokens[i].start
        return (start, end) if end > start else None

    def _cue_verb_complement(self, i: int, end: int, cue: Cue) -> bool:
        nxt = self.low(end)
        prev = self.low(i - 1)
        if nxt in {"for", "on", "off", "up", "in", "out", "back", "it", "upon", "to"} and cue.lemma == "call":
            if not (nxt == "it" and end + 1 < self.n and self.low(end + 1) in INDEFINITE | DEFINITE):
                return False
        if prev in DEFINITE | POSSESSIVE | {"a", "an", "no"} or prev.endswith("'s") or self._passive(i):
            return False
        if prev in PREPOSITIONS and not (prev == "to" and self.low(i - 2) in CONTROL_VERBS):
            return False
        subject = self._cue_subject(i, prev)
        if subject is None:
            return False
        # "What the Pentagon calls a 'defensive action'", "which Iran called an act of war": no object.
        fronted = subject.start > 0 and self.low(subject.start - 1) in {"what", "which", "that"}
        complement_start = end if fronted else self._object_end(end)
        if complement_start is None or complement_start >= self.n:
            return False
        label = self._label_end(complement_start)
        if label is None:
            return False
        surface = self.text_of(i, end).lower()
        return self._add_source(subject, surface, cue, i, [label])

    def _cue_subject(self, i: int, prev: str):
        """Who speaks through the cue verb at ``i``: the subject on its left, or for a participle after a comma
        or "and" ("…, calling him …") and for coordinated verbs, the previous clause's subject."""
        if self.tokens[i].lower.endswith("ing"):
            return self._previous_subject() if prev in {",", "and"} else None
        subject, how = self.subject_left(i)
        return self._previous_subject() if how == "coordinated" else subject

    def _object_end(self, i: int) -> int | None:
        """Index where the complement starts after the object of call/brand/label/dub."""
        if i >= self.n:
            return None
        first = self.tokens[i]
        if first.lower in {"him", "her", "it", "them", "himself", "herself", "itself", "themselves", "this",
                           "us", "me", "you"}:
            return i + 1
        j = i + 1 if not _is_quote_mark(first) else i
        while j < self.n:
            tok = self.tokens[j]
            prev = self.tokens[j - 1]
            if _is_quote_mark(tok) or tok.quoted:
                return j
            if tok.lower in INDEFINITE | DEFINITE | POSSESSIVE and prev.lower not in PREPOSITIONS:
                return j
            if _is_cap(tok) and not _is_cap(prev) and prev.lower not in PREPOSITIONS | DEFINITE \
                    and _is_word(prev):
                return j
            if tok.text in {",", ";", "."}:
                break
            j += 1
        # No second noun phrase: a final predicate adjective is the complement ("called the killing unlawful").
        last = j - 1
        if last > i + 1 and _ADJECTIVE.search(self.tokens[last].lower) and not _is_cap(self.tokens[last]):
            return last
        return None

    def _cue_verb_of(self, i: int, end: int, cue: Cue, *, particle: str = "of") -> bool:
        prev = self.low(i - 1)
        if prev in DEFINITE | POSSESSIVE | {"a", "an"} or prev.endswith("'s") or self._passive(i):
            return False
        subject = self._cue_subject(i, prev)
        if subject is None:
            return False
        if self.low(end) == particle:
            return False  # "enterprises accused of funding …": a reduced passive, the accuser is not named
        content: list[tuple[int, int] | None] = []
        for j in range(end, min(self.n, end + AS_WINDOW)):
            if self.low(j) == particle and not self.tokens[j].quoted:
                content = [self.content_from(j + 1)]
                break
            if self.tokens[j].text in {",", ";", "."}:
                break
        if not content:
            return False
        return self._add_source(subject, self.text_of(i, end).lower(), cue, i, content)

    def _cue_verb_for(self, i: int, end: int, cue: Cue) -> bool:
        return self._cue_verb_of(i, end, cue, particle="for")

    def _cue_verb_from(self, i: int, end: int, cue: Cue) -> bool:
        j = end
        while j < self.n and self.low(j) in ADVERBS:
            j += 1
        surface = self.text_of(i, end).lower()
        that = self.find_that(end)
        content = [self.content_from(that)] if that is not None else []
        if self.low(j) == "from":
            source = self.np_right(j + 1, allow_appositive=False)
            if source is not None:
                end_source = source.end
                while end_source > source.start and self.low(end_source - 1) == "that":
                    end_source -= 1
                return self._add_source(Phrase(source.start, end_source), surface, cue, i, content)
        if that is None:
            return False
        subject, _ = self.subject_left(i)
        if subject is None:
            return False
        return self._add_source(subject, surface, cue, i, content)

    def _cue_prep(self, i: int, end: int, cue: Cue) -> bool:
        source = self.np_right(end, to_comma=True)
        if source is None:
            return False
        text = self.text_of(source.start, source.end)
        if len(WORD.findall(text)) > MAX_SOURCE_WORDS:
            source = self.np_right(end, allow_appositive=False)
            if source is None:
                return False
        surface = self.text_of(i, end).lower()
        sentence_final = source.end >= self.n or (source.end == self.n - 1 and self.tokens[-1].text in ".!?")
        starts = i == 0 or self.skip_left(i - 1) < 0
        content: list[tuple[int, int] | None]
        if cue.cue in {"citing", "quoting"} or (sentence_final and not starts):
            content = [self._before_frame(i + 1 if self.low(i - 1) != "," else i)]
        elif source.end < self.n and self.tokens[source.end].text == ",":
            content = [self.content_from(source.end + 1)]
        else:
            content = [self.content_from(source.end)]
        return self._add_source(source, surface, cue, i, content)

    def _cue_put_it(self, i: int, end: int, cue: Cue) -> bool:
        subject, _ = self.subject_left(i)
        if subject is None or self.low(subject.start - 1) != "as":
            return False
        j = end
        while j < self.n and self.tokens[j].text not in {",", "."} and not _is_quote_mark(self.tokens[j]):
            j += 1
        if j < self.n and self.tokens[j].text == "," and j + 1 < self.n:
            content = [self.content_from(j + 1)]
        else:
            content = [self._before_frame(subject.start - 1)]
        return self._add_source(subject, "put it", cue, i, content)

    # -- source kind ----------------------------------------------------------------------------------------

    def _issued_by_named(self, clause: Phrase, modifiers: list[Token]) -> bool:
        if any(_is_proper(t, self.tokens.index(t)) for t in modifiers):
            return True
        for k in range(clause.start, clause.end):
            # "published / compiled by X" names the issuer; "seen / obtained by this newspaper" the reader.
            if self.low(k) in {"by", "from"} and k + 1 < clause.end and (
                    self.low(k - 1) in DOCUMENT_SUBJECTS
                    or any(self.low(m) in ISSUING for m in range(max(clause.start, k - 5), k))):
                agent = self.np_right(k + 1, allow_appositive=False)
                if agent is not None:
                    agent = Phrase(agent.start, min(agent.end, clause.end))
                    return self.classify(agent) == "named"
        return False

    def classify(self, clause: Phrase) -> str | None:
        """``named`` / ``anonymous`` / ``pronoun`` for a source phrase; None when it is no source (the writer,
        "nobody")."""
        tokens = self.tokens[clause.start:clause.end]
        words = [t for t in tokens if _is_word(t)]
        if not words:
            return None
        text = self.text_of(clause.start, clause.end)
        first = words[0].lower
        if len(words) == 1 and first in PRONOUNS:
            return "pronoun"
        if first in FIRST_PERSON or first in NEGATIVE or first in {"no", "nobody", "everyone", "everybody", "there",
                                                                 "here"}:
            return None
        if ANONYMITY.search(text):
            return "anonymous"
        # Split the core phrase from appositives, parentheses and relative clauses.
        core, appositive = [], []
        target = core
        depth = 0
        for t in tokens:
            if t.text == "(":
                depth += 1
            elif t.text == ")":
                depth -= 1
            elif depth:
                continue
            elif t.text == "," or (t.lower in RELATIVE and target is core and core):
                target = appositive
            elif _is_word(t) or t.text in {"."}:
                target.append(t)
        core_words = [t for t in core if _is_word(t)]
        if not core_words:
            return None
        head_index = len(core_words) - 1
        for k, t in enumerate(core_words):
            post_participle = k >= 2 and not _is_cap(t) and "-" not in t.lower and _is_participle(t.lower) \
                and t.lower not in MODIFIER_PARTICIPLES  # "a survey published in 2018 by …"
            if k and (t.lower in NP_PREPOSITIONS or t.lower in POST_MODIFIERS or post_participle):
                head_index = k - 1
                break
        head = core_words[head_index]
        position = clause.start + tokens.index(head) if head in tokens else clause.start
        head_is_proper = _is_proper(head, position)
        first_is_sentence_start = clause.start == 0
        first_lower = first
        if first_is_sentence_start and _looks_common(words[0], 0):
            first_lower = words[0].lower
        appositive_named = any(_is_proper(t, 1) for t in appositive[:3]) and appositive \
            and appositive[0].lower not in {"a", "an", "who", "which", "one"} | INDEFINITE
        if head.lower in DOCUMENT_SUBJECTS and self._issued_by_named(clause, core_words[:head_index]):
            # "A Pentagon statement", "a survey … by IranPoll", "the figures, compiled by the health ministry":
            # a document is as identifiable as whoever issued it.
            return "named"
        if first_lower in INDEFINITE or first_lower.isdigit():
            if appositive_named:
                return "named"
            return "anonymous"
        if len(core_words) == 1 and first_lower in VAGUE_PEOPLE | {"many", "some", "others", "most"}:
            return "anonymous"
        if head_is_proper:
            if _is_plural(head.lower) and _plural_demonym(head.lower):
                return "anonymous"
            return "named"
        head_lower = head.lower
        if _plural_demonym(head_lower):
            return "anonymous"
        determiner = first_lower in DEFINITE or first_lower in POSSESSIVE or any(
            t.lower.endswith("'s") for t in core_words[:head_index])
        if determiner:
            if head_lower in INSTITUTIONS or head_lower in ROLES:
                return "named"
            if _is_plural(head_lower) or head_lower in VAGUE_PEOPLE:
                return "anonymous"
            return "named"
        # No determiner.
        if head_lower in COLLECTIVE or _is_plural(head_lower):
            return "anonymous"
        if any(_is_proper(t, clause.start + tokens.index(t)) for t in core_words if t in tokens) \
                or appositive_named:
            return "named"
        if head_lower in BROADCASTERS and any(t.lower in DEMONYMS for t in core_words):
            return "named"  # "Iranian state television": one identifiable broadcaster
        return "anonymous"


# ---------------------------------------------------------------------------------------------------------
# Hedges


def _hedges(sentence: str, quotations: list[tuple[int, int]], found: tuple[Found, ...]
            ) -> tuple[list[str], tuple[Found, ...]]:
    """Hedges outside quotations, in reading order, and the sources some hedges carry."""
    masked = list(sentence)
    for s, e in quotations:
        for k in range(s, e):
            masked[k] = " " if not masked[k].isspace() else masked[k]
    masked_text = "".join(masked)
    hits: list[tuple[int, int, str]] = []
    extra: list[Found] = []
    lowered = masked_text.lower()
    for hedge in load_hedges():
        # Most sentences hold no hedge; a substring test is ~50× cheaper than running the pattern.
        if hedge.keyword not in lowered:
            continue
        for match in hedge.pattern.finditer(masked_text):
            start, end = match.span()
            if any(s < end and start < e for s, e, _ in hits):
                continue
            after = masked_text[end:end + 40]
            if hedge.kind == "adjective" and not _adjective_position(masked_text, start):
                continue
            if hedge.kind in {"passive_report", "passive_view"}:
                agent = re.match(r"\s+by\s+([\w'-]+)", after)
                if agent and agent.group(1).lower() not in {"many", "some", "most", "others", "several", "few"}:
                    continue
                if any(f.agent and start <= f.cue_start < end and f.source.lower() not in
                       {"many", "some", "most", "others", "several", "few"} for f in found):
                    continue
            if hedge.kind == "appearance" and hedge.hedge.startswith("appear") and \
                    not re.match(r"\s+(?:have|be|\w+)", after):
                continue
            hits.append((start, end, sentence[start:end]))
            pp = match.groupdict().get("pp")
            if pp:
                pp_text = pp.strip()
                pp_start = match.start("pp") + (len(pp) - len(pp.lstrip()))
                by = pp_text.lower().startswith("by ")
                extra.append(Found(pp_text[3:] if by else pp_text, "anonymous", _cue_word(sentence[start:end]),
                                   "neutral", pp_start + (3 if by else 0), pp_start + len(pp_text), (), start, by))
            if hedge.kind == "impersonal" and "reports" in hedge.hedge:
                by = re.match(r"\s+(?:by|from)\s+((?:[\w'-]+\s*){1,6}?)(?=\s+(?:that|of|about)\b|[,.;]|$)", after)
                if by:
                    source = by.group(1).strip()
                    offset = end + by.start(1)
                    kind = "named" if any(w[:1].isupper() for w in source.split()[1:]) and not re.match(
                        r"(?i)(?:some|many|several|a|an)\b", source) else "anonymous"
                    extra.append(Found(source, kind, "reports", "neutral", offset, offset + len(source), (), start,
                                       True))
    hits.sort()
    return [h for _, _, h in hits], tuple(extra)


def _cue_word(hedge_text: str) -> str:
    for word in hedge_text.lower().split():
        if word in cue_lemmas():
            return word
    return ""


def _adjective_position(text: str, start: int) -> bool:
    before = text[:start].rstrip()
    previous = re.search(r"([\w']+)$", before)
    if previous is None:
        return before == "" or before.endswith((",", "(", "—", "–"))
    word = previous.group(1).lower()
    return word in DEFINITE | POSSESSIVE | INDEFINITE | PREPOSITIONS or word.endswith("'s")


# ---------------------------------------------------------------------------------------------------------
# Across sentences: quotations and pronouns


def _propagate_quotations(items: list[SentenceAnalysis], spans: list[QuoteSpan],
                          text: str) -> list[SentenceAnalysis]:
    """Sentences inside one quotation share the source of the sentence that opens or closes it."""
    quotations = [(s, e) for s, e, k in spans if k == "quotation"]
    out = list(items)
    starts, ends = [item.start for item in items], [item.end for item in items]
    # Sentences in reading order (as the segmenter gives them): find a quotation's sentences by bisection
    # rather than a scan per quotation, which is quadratic on a long document.
    in_order = starts == sorted(starts) and ends == sorted(ends)
    for qs, qe in quotations:
        if in_order:
            members = list(range(bisect_right(ends, qs), bisect_left(starts, qe)))
        else:
            members = [k for k, item in enumerate(items) if item.start < qe and qs < item.end]
        if len(members) < 2:
            continue
        sourced = [k for k in members if _primary(items[k].found) is not None]
        if not sourced:
            continue
        donor = _primary(items[sourced[-1]].found)
        for k in members:
            if not out[k].found and out[k].quote and out[k].quoted_share >= INHERIT_QUOTED_SHARE:
                out[k] = out[k]._replace(found=(donor._replace(cue="", stance=""),))
    return out


def _resolve(item: SentenceAnalysis, history: list[SentenceAnalysis], text: str) -> SentenceAnalysis:
    """Resolve pronoun sources and give a cue-less quotation a nearby source."""
    found = list(item.found)
    for k, f in enumerate(found):
        if f.kind == "pronoun":
            # "US officials dismissed the claim as they saw Iran as …": an earlier source of the same sentence
            # comes first.
            earlier = [o for o in found if o.cue_start < f.cue_start and o.kind in ("named", "anonymous")]
            kind = max(earlier, key=lambda o: o.cue_start).kind if earlier else _antecedent_kind(history, text)
            found[k] = f._replace(kind=kind)
    if not found and item.quote and item.quoted_share >= INHERIT_QUOTED_SHARE:
        donor = None
        for previous in reversed(history):
            donor = _primary(previous.found)
            if donor is not None:
                break
        if donor is None and history:
            donor = _named_subject(history[-1], text)
        if donor is not None:
            found = [donor._replace(cue="", stance="")]
    return item._replace(found=tuple(found))


def _antecedent_kind(history: list[SentenceAnalysis], text: str) -> str:
    for previous in reversed(history):
        donor = _primary(previous.found)
        if donor is not None:
            return donor.kind
        if _mentions_name(text[previous.start:previous.end]):
            return "named"
    return "named"


def _mentions_name(sentence: str) -> bool:
    tokens = _tokens(sentence, [])
    return any(_is_proper(t, k) and t.lower not in PRONOUNS for k, t in enumerate(tokens))


def _named_subject(item: SentenceAnalysis, text: str) -> Found | None:
    span = (item.start, item.end)
    sentence = text[span[0]:span[1]]
    parser = _Parser(sentence, _tokens(sentence, []))
    clause = parser.main_subject()
    if clause is None or parser.classify(clause) != "named":
        return None
    source = parser.text_of(clause.start, clause.end).strip(" ,")
    start = span[0] + parser.tokens[clause.start].start
    return Found(source, "named", "", "", start, start + len(source), (), start, False)


# ---------------------------------------------------------------------------------------------------------
# Tables per document


def summarise_attribution(sentences: pd.DataFrame, scores: pd.DataFrame) -> pd.DataFrame:
    """The attribution profile of each document.

    Parameters
    ----------
    sentences
        From :func:`framing.sentences` (``doc_id, sent_id, n_words, citations`` are used).
    scores
        From :class:`Attribution` for the same sentences.

    Returns
    -------
    DataFrame, one row per document in first-seen order, with ``doc_id``; ``n_sentences``; ``share_named``,
    ``share_anonymous``, ``share_none`` (shares of sentences by ``source_kind``; they sum to 1);
    ``named_to_anonymous`` (named ÷ anonymous sentences, NaN when there is no anonymous one);
    ``quoted_word_share`` (words inside quotations ÷ all words); ``quote_sentence_share`` (share of sentences
    with a quotation); ``scare_quotes_per_100`` (sentences with scare quotes per 100 sentences);
    ``hedges_per_100`` (hedge phrases per 100 sentences); ``citations_per_100`` (citation markers the cleaner
    removed, per 100 sentences); ``share_attributed_by_citation`` (share of sentences with a citation marker and
    no source in the text — attributed only by the marker); ``stance_neutral``, ``stance_distancing``,
    ``stance_endorsing`` (shares of the sentences that have a cue; NaN when none has).
    """
    from .sentiment import DocumentGroups

    table = sentences[["doc_id", "sent_id", "n_words", "citations"]].merge(
        scores, on=["doc_id", "sent_id"], how="inner", validate="one_to_one")
    groups = DocumentGroups.of(table["doc_id"])
    if not groups.n:
        return pd.DataFrame([], columns=SUMMARY_COLUMNS)
    n = groups.sizes
    kind = table["source_kind"]
    named, anonymous = groups.count(kind == "named"), groups.count(kind == "anonymous")
    words = groups.sum(table["n_words"])
    quoted_words = groups.sum(table["quoted_share"] * table["n_words"])
    # "a; b" holds two hedges; counting separators is what splitting on them and counting the pieces gives.
    hedges = np.fromiter((hedge.count("; ") + 1 if hedge else 0 for hedge in table["hedge"]), dtype=np.int64,
                         count=len(table))
    cued = groups.count(table["stance"] != "")
    with np.errstate(invalid="ignore", divide="ignore"):
        columns = {
            "doc_id": groups.keys,
            "n_sentences": n,
            "share_named": named / n,
            "share_anonymous": anonymous / n,
            "share_none": groups.count(kind == "none") / n,
            "named_to_anonymous": np.where(anonymous > 0, named / anonymous, np.nan),
            "quoted_word_share": np.where(words != 0, quoted_words / words, np.nan),
            "quote_sentence_share": groups.mean(table["quote"]),
            "scare_quotes_per_100": 100 * groups.mean(table["scare_quotes"]),
            "hedges_per_100": 100 * groups.sum(hedges) / n,
            "citations_per_100": 100 * groups.sum(table["citations"]) / n,
            "share_attributed_by_citation": groups.count((table["citations"] > 0) & (kind == "none")) / n,
        }
        for stance in STANCES:
            columns[f"stance_{stance}"] = np.where(cued > 0, groups.count(table["stance"] == stance) / cued, np.nan)
    return pd.DataFrame(columns, columns=SUMMARY_COLUMNS)


def split_by_attribution(scores: pd.DataFrame, values: pd.DataFrame, value_column: str) -> pd.DataFrame:
    """Summarise any per-sentence score separately for attributed and unattributed sentences.

    "Attributed" means the sentence cites a source (``source_kind`` is not ``none``) or holds a direct quotation;
    the rest are the writer's own sentences. Use it to ask whether a document's tone or loaded language sits in
    its own voice or in the voices it cites — e.g. ``split_by_attribution(scores, sentiment, "compound")``, or a
    per-sentence count of loaded terms.

    Parameters
    ----------
    scores
        From :class:`Attribution`.
    values
        One row per sentence with ``doc_id, sent_id`` and ``value_column`` (numeric or bool). Sentences missing
        from ``values`` are left out; give counts a 0 row rather than no row.
    value_column
        The column to summarise.

    Returns
    -------
    DataFrame with ``doc_id``, ``attributed`` (bool), ``n_sentences`` (sentences with a value) and
    ``mean_<value_column>``; both ``attributed`` values appear for every document (NaN mean when empty).
    """
    from .sentiment import DocumentGroups

    if value_column not in values.columns:
        raise input_error(None, f"values table has no column {value_column!r}")
    table = scores[["doc_id", "sent_id", "source_kind", "quote"]].merge(
        values[["doc_id", "sent_id", value_column]], on=["doc_id", "sent_id"], how="inner",
        validate="one_to_one")
    table = table[table[value_column].notna()]
    attributed = (table["source_kind"] != "none") | table["quote"].astype(bool)
    columns = ["doc_id", "attributed", "n_sentences", f"mean_{value_column}"]
    documents = scores["doc_id"].drop_duplicates().tolist()
    if not documents:
        return pd.DataFrame([], columns=columns)
    # One group per document and voice, numbered 2 × document + attributed: unattributed first, as listed.
    codes = 2 * pd.Index(documents).get_indexer(table["doc_id"]) + attributed.to_numpy(dtype=int)
    groups = DocumentGroups(codes, [(doc_id, voice) for doc_id in documents for voice in (False, True)])
    return pd.DataFrame({
        "doc_id": [doc_id for doc_id, _ in groups.keys],
        "attributed": [voice for _, voice in groups.keys],
        "n_sentences": groups.sizes,
        columns[-1]: groups.mean(table[value_column].astype(float)),
    }, columns=columns)


def attribute_text(sentence: str, *, context: str = "") -> pd.DataFrame:
    """Score one sentence given as text, after an optional context (the sentences before it).

    The text is cleaned like a document (curly quotes made straight …); context and sentence form one paragraph,
    so a quotation opened in the context can close in the sentence and "he said" can find its antecedent.

    Returns
    -------
    One-row DataFrame with the columns of :meth:`Attribution.__call__` (``doc_id`` "text").
    """
    context_text = clean_text(context).text if context.strip() else ""
    sentence_text = clean_text(sentence).text
    text = f"{context_text} {sentence_text}" if context_text else sentence_text
    offset = len(text) - len(sentence_text)
    rows = []
    if context_text:
        for start, end in split_spans(context_text):
            rows.append((start, end))
    rows.append((offset, len(text)))
    table = pd.DataFrame({"doc_id": "text", "sent_id": range(1, len(rows) + 1),
                          "start": [s for s, _ in rows], "end": [e for _, e in rows],
                          "text": [text[s:e] for s, e in rows]})
    documents = pd.DataFrame({"doc_id": ["text"], "text": [text]})
    return Attribution()(table, documents).tail(1).reset_index(drop=True)
