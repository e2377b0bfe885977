"""The actor scorer: per batch, every sentence's actor mentions and each loaded label's target and speaker; once
per run, the labels summary."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import NamedTuple

import pandas as pd

from ...errors import require_columns
from ...phrases import DATELINE, PhraseWalker
from .actors_file import ActorSpec
from .context import Recent, surname
from .book import AliasBook, alias_book
from .mentions import PLACE_WORDS, Mention, placed, sentence_mentions
from .parties import DocumentParties
from .slots import SentenceActors
from .offices import with_unnamed_offices
from .story_nouns import anchored
from .speakers import speakers
from .uses import ACTOR_NOUNS, LABEL_CATEGORIES
from .targets import NO_TARGET, Target, link_label
from ...rows import table_rows, typed_table

TARGET_COLUMNS = ["target", "target_text", "relation", "speaker"]
MENTION_COLUMNS = ["doc_id", "mention", "key", "shape", "n"]
LABEL_COLUMNS = ["doc_id", "actor", "category", "voice", "n"]
_SENTENCE_COLUMNS = ("doc_id", "sent_id", "start", "text")
_TERM_COLUMNS = ("doc_id", "sent_id", "lemma", "category", "voice", "start", "end")


class ActorTables(NamedTuple):
    """What one pass of :class:`ActorFinder` finds over a batch (columns in :meth:`ActorFinder.__call__`)."""

    terms: pd.DataFrame
    mentions: pd.DataFrame


@dataclass(frozen=True)
class ActorFinder:
    """Actor mentions and label targets of a batch of documents.

    ``actors`` are the user's actors file (:func:`~framing.scorers.actors.read_actors_file`), looked up before
    the shipped ``data/actors_known.toml``. The canonical names across the document set come after the map
    (:func:`~framing.scorers.actors.canonical_actors`): here ``target`` holds the mention's key.
    """

    actors: tuple[ActorSpec, ...] = ()

    def __call__(self, sentences: pd.DataFrame, terms: pd.DataFrame, sources: pd.DataFrame | None = None
                 ) -> ActorTables:
        """Find the mentions and link every hit of ``terms`` (the loaded-term hits of these sentences).

        Returns
        -------
        ActorTables with

        * ``terms`` — the input hits in their order, their columns kept, plus ``target`` (the key of the actor
          mention the label is applied to, "" when none; canonical after :func:`canonical_actors`),
          ``target_text`` (that mention as written — for a pronoun or a definite label, its antecedent),
          ``relation`` (premodifier, appositive, copula, naming, possessive, referent; "" with no target) and
          ``speaker`` ("" for an authorial hit; for a reported one, the sentence's source nearest the hit, as
          written in ``sources``, a pronoun as its antecedent, ``refers_to`` (:mod:`.speakers`), "" when
          attribution found none);
        * ``mentions`` — one row per document and mention as written: ``doc_id, mention, key`` (what the alias
          merge reads), ``shape`` (person, state, group, other: :mod:`.mentions`) and ``n`` (how many times).
        """
        require_columns(sentences, _SENTENCE_COLUMNS, "sentences")
        require_columns(terms, _TERM_COLUMNS, "terms")
        book = alias_book(self.actors)
        hits_by_sentence: dict[tuple[str, int], list[int]] = {}
        for position, key in enumerate(zip(terms["doc_id"], terms["sent_id"])):
            hits_by_sentence.setdefault(key, []).append(position)
        starts, ends = terms["start"].to_numpy(), terms["end"].to_numpy()
        categories, lemmas = terms["category"].to_numpy(), terms["lemma"].to_numpy()
        targets: list[Target] = [NO_TARGET] * len(terms)
        counts: dict[tuple[str, str, str, str], int] = {}
        for doc_id, rows in _documents(sentences):
            found = _document_mentions(rows, book)
            recent, parties = Recent(), DocumentParties([text for _, _, text in rows])
            for (sent_id, start, text), mentions in zip(rows, found):
                hits = hits_by_sentence.get((doc_id, sent_id), ())
                mentions = _without_dateline_agency(mentions, text)
                if hits:
                    mentions = _without_labels(mentions, {(int(starts[p]) - start, int(ends[p]) - start)
                                                          for p in hits})
                for mention in mentions:
                    seen = (doc_id, mention.text, mention.key, mention.shape)
                    counts[seen] = counts.get(seen, 0) + 1
                if hits:
                    # Tokens only for the sentences with a loaded term: the constructions need them.
                    actors = SentenceActors.of(text, mentions, recent, parties)
                    ranges = {position: _token_range(actors.walker, int(starts[position]) - start,
                                                     int(ends[position]) - start) for position in hits}
                    actors = actors._replace(labels=frozenset(
                        k for position, (first, last) in ranges.items()
                        if first is not None and categories[position] in LABEL_CATEGORIES
                        for k in range(first, last + 1)))
                    for position in hits:
                        first, last = ranges[position]
                        if first is not None:
                            targets[position] = link_label(actors, first, last, categories[position],
                                                           lemmas[position])
                recent.push(mentions)
        linked = terms.reset_index(drop=True).copy()
        linked["target"] = [t.mention.key if t.mention else "" for t in targets]
        linked["target_text"] = [t.mention.text if t.mention else "" for t in targets]
        linked["relation"] = [t.relation for t in targets]
        linked["speaker"] = speakers(linked, sources)
        mention_rows = [(*seen, n) for seen, n in counts.items()]
        return ActorTables(linked, typed_table(mention_rows, MENTION_COLUMNS, {"n": "int64"}))


def _without_dateline_agency(mentions: list[Mention], text: str) -> list[Mention]:
    """The sentence's mentions less the news agency of a dateline it opens with: the agency that filed the story
    is no actor in it, and no antecedent for "the rioters" two sentences on."""
    dateline = DATELINE.match(text)
    if dateline is None:
        return mentions
    start, end = dateline.span("agency")
    return [m for m in mentions if not (start <= m.start and m.end <= end)]


def _without_labels(mentions: list[Mention], hit_spans: set[tuple[int, int]]) -> list[Mention]:
    """The sentence's mentions less those that are exactly a loaded term: a label written with a capital (a
    headline's "Rampaging rioters", "FRENZIED mob") is no actor's name."""
    return [m for m in mentions if (m.start, m.end) not in hit_spans]


def _documents(sentences: pd.DataFrame):
    """``(doc_id, [(sent_id, start, text), …])`` per document, in the table's order (a document's sentences are
    consecutive rows, in order, as :func:`framing.sentences` makes them)."""
    rows: list[tuple[int, int, str]] = []
    current = None
    for doc_id, sent_id, start, text in table_rows(sentences, "doc_id", "sent_id", "start", "text"):
        if doc_id != current and rows:
            yield current, rows
            rows = []
        current = doc_id
        rows.append((int(sent_id), int(start), text))
    if rows:
        yield current, rows


def _document_mentions(rows, book: AliasBook) -> list[list[Mention]]:
    """Every sentence's mentions, with two document-wide corrections of a name's guessed shape: a lone surname of
    a person the document names in full anywhere is that person ("Assad" in the headline, "Bashar al-Assad"
    further down); a name the document writes after "the" ("the so-called Jaish al-Islam", "the White Helmets
    said", "the members of the Basij") is no person's, whatever its words look like, so it is a group — also a
    single unknown word, as a person's surname never follows "the"; but a word the document also writes before a
    place noun ("the Tigray region") or after a preposition of place ("in the Sahel") names a place, and stays
    one."""
    texts = [text for _, _, text in rows]
    found = with_unnamed_offices(texts, anchored([sentence_mentions(text, book) for text in texts], book), book)
    articled = {m.key for (_, _, text), mentions in zip(rows, found) for m in mentions
                if (m.shape == "person" or _lone_word(m)) and _after_article(text, m)}
    if articled:
        articled -= {m.key for (_, _, text), mentions in zip(rows, found) for m in mentions if m.key in articled
                     and _lone_word(m) and (_before_place_word(text, m) or placed(text, m.start, m.text))}
    surnames = {surname(m.key.split()[-1]) for mentions in found for m in mentions
                if m.shape == "person" and " " in m.key and m.key not in articled}
    if not surnames and not articled:
        return found
    return [[_corrected(m, surnames, articled) for m in mentions] for mentions in found]


def _corrected(mention: Mention, surnames: set[str], articled: set[str]) -> Mention:
    if mention.key in articled:
        return mention._replace(shape="group")
    if mention.shape == "other" and " " not in mention.key and surname(mention.key) in surnames:
        return mention._replace(shape="person")
    return mention


# Capitalised words written after "the" that are no group's name: a headline's capital, a sentence opener.
_SKIPPED_AFTER_ARTICLE = frozenset({"The", "A", "An", "This", "That"})
_ARTICLE_BEFORE = re.compile(r"\bthe\s+(?:so-called\s+|self-styled\s+)?[\"'“‘]?$", re.IGNORECASE)
_NOUN_AFTER = re.compile(r"\s+([a-z][\w-]*)")
_NAME_GOES_ON = re.compile(r"\s+(?:and|of|&)\s+[A-Z]")
# A capitalised word and "and" or "of" before "the": the word after "the" ends a longer name ("Islamic State of
# Iraq and the Levant", "the State of the Union"), it names nobody alone.
_NAME_GOES_BEFORE = re.compile(r"[A-Z][\w'’.-]*\s+(?:and|of)\s+$")


def _lone_word(mention: Mention) -> bool:
    """A single unknown capitalised word (shape ``other``), not a place by the words around it."""
    return mention.shape == "other" and " " not in mention.key and mention.key not in _SKIPPED_AFTER_ARTICLE


def _before_place_word(text: str, mention: Mention) -> bool:
    """A name written before a place noun somewhere in the document ("the Tigray region"): a place's name."""
    after = _NOUN_AFTER.match(text, mention.end)
    return after is not None and after.group(1) in PLACE_WORDS


def _after_article(text: str, mention: Mention) -> bool:
    """A name written after "the" that heads its phrase ("the so-called Jaish al-Islam", not "the Bashar
    al-Assad government", where "the" belongs to the government, nor "the Hong Kong and Macao Affairs Office",
    a longer name, nor "Islamic State of Iraq and the Levant", whose "the" is inside one)."""
    article = _ARTICLE_BEFORE.search(text, 0, mention.start)
    if article is None or _NAME_GOES_ON.match(text, mention.end) \
            or _inside_longer_name(text, article.start()):
        return False
    after = _NOUN_AFTER.match(text, mention.end)
    return after is None or after.group(1) not in ACTOR_NOUNS | PLACE_WORDS


def _inside_longer_name(text: str, article: int) -> bool:
    """Whether the "the" at offset ``article`` follows a name's word and "and" or "of" (not a sentence's
    capitalised first word: "Rebels of the …")."""
    before = _NAME_GOES_BEFORE.search(text, 0, article)
    return before is not None and before.start() > 0


def _token_range(walker: PhraseWalker, start: int, end: int) -> tuple[int | None, int]:
    """The first and last tokens overlapping sentence offsets ``[start, end)``."""
    inside = [k for k, token in enumerate(walker.tokens) if token.end > start and token.start < end]
    return (inside[0], inside[-1]) if inside else (None, -1)


def summarise_labels(terms: pd.DataFrame) -> pd.DataFrame:
    """Loaded labels per document, actor, category and voice: only hits with a target.

    Returns
    -------
    DataFrame with ``doc_id, actor, category, voice, n`` (hits), documents in their order of ``terms``, then
    ``n`` descending, then actor, category and voice.
    """
    require_columns(terms, ("doc_id", "target", "category", "voice"), "terms")
    linked = terms[terms["target"].astype(str) != ""]
    if linked.empty:
        return pd.DataFrame({column: pd.Series(dtype="int64" if column == "n" else object)
                             for column in LABEL_COLUMNS})
    table = (linked.groupby(["doc_id", "target", "category", "voice"], sort=False).size().rename("n")
             .reset_index().rename(columns={"target": "actor"}))
    order = {doc_id: i for i, doc_id in enumerate(pd.unique(terms["doc_id"]))}
    table = table.assign(_order=table["doc_id"].map(order)).sort_values(
        ["_order", "n", "actor", "category", "voice"], ascending=[True, False, True, True, True], kind="stable")
    return table[LABEL_COLUMNS].reset_index(drop=True).astype({"n": "int64"})
