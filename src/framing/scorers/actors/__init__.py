"""Who is called what: the actors each document mentions, and the actor each loaded label is applied to.

Counting "terrorist" per 1,000 words says a text is loaded, not **who** it calls a terrorist. This package finds
the actors (people, states, organisations and armed groups: proper-noun phrases, demonyms and the names of the
actors files), merges them into one actor per document set ("Qasem Soleimani", "Soleimani", "Gen. Soleimani";
"US", "U.S.", "Washington"; "Israel", "Israeli forces", "IDF"), and ties each loaded label to its target by the
construction that links them (premodifier, appositive, copula, naming verb, possessive, referent), keeping its
voice and, for reported uses, the speaker. Rules over the phrase walker's tokens (:mod:`framing.phrases`); the
speaker comes from attribution's ``sources``.

* :mod:`.actors_file` — ``[[actor]] name, aliases, group`` files: the user's (``--actors``, or ``actors.toml``
  beside the documents) and the shipped ``data/actors_known.toml``;
* :mod:`.book` — the names and aliases of the actors files, ready for lookup;
* :mod:`.mentions` — the mentions of one sentence and their shape (person, state, group, other);
* :mod:`.offices` — unnamed office-holders: "the president" in a document that never names the holder is a
  person of its own, keyed by the document's state (:mod:`.office_names`: "French president");
* :mod:`.story_nouns` — where the user's lower-case aliases ("protesters", "the regime") name their actor: only in
  documents of that actor's story;
* :mod:`.context` — the one rule for pronouns, definite descriptions and bare definite labels, and the nouns
  for bodies, governments and the recurring parties of a story ("the protesters", "the soldiers");
* :mod:`.parties` — a document's unnamed parties: its civil party ("protesters") and the crowd words, the
  affected ("the dead") and the quoted "we" that stand for it;
* :mod:`.slots` — one sentence's tokens and mentions, and the actor a phrase of it names;
* :mod:`.uses` — how a loaded term is used (a label, a word said of someone, an act), which decides the
  constructions that may tie it;
* :mod:`.targets` — loaded term → target, construction by construction (:mod:`.naming` for naming verbs,
  :mod:`.possessives` for owners);
* :mod:`.scorer` — :class:`ActorFinder` (per batch, in the workers) and :func:`summarise_labels`;
* :mod:`.speakers` — the speaker of a reported label, a pronoun source as attribution's ``refers_to``;
* :mod:`.aliases` — :func:`canonical_actors`, the merge into canonical names, once per run after the map.

Example::

    from framing.scorers.actors import ActorFinder, canonical_actors, summarise_labels

    found = ActorFinder()(sentences, terms, sources)   # terms: loaded-term hits; sources: attribution's
    merged = canonical_actors(found.mentions)
    terms = with_canonical_targets(found.terms, merged.names)
    merged.actors                 # doc_id, actor, group, mentions, aliases
    summarise_labels(terms)       # doc_id, actor, category, voice, n
"""

from __future__ import annotations

from .actors_file import ACTOR_KEYS, KNOWN_ACTORS_FILE, ActorSpec, actors_beside, known_actors, read_actors_file
from .aliases import ACTOR_COLUMNS, CanonicalActors, canonical_actors, with_canonical_targets
from .context import LOOKBACK, Recent, Wanted
from .book import AliasBook, alias_book
from .mentions import SHAPES, Mention, Shape, sentence_mentions
from .scorer import (LABEL_COLUMNS, MENTION_COLUMNS, TARGET_COLUMNS, ActorFinder, ActorTables,
                     summarise_labels)
from .speakers import speakers
from .targets import RELATIONS, Relation, Target, link_label
from .uses import LABEL_CATEGORIES

__all__ = [
    "ACTOR_COLUMNS", "ACTOR_KEYS", "AliasBook", "KNOWN_ACTORS_FILE", "LABEL_CATEGORIES", "LABEL_COLUMNS", "LOOKBACK",
    "MENTION_COLUMNS", "RELATIONS", "SHAPES", "TARGET_COLUMNS", "ActorFinder", "ActorSpec", "ActorTables",
    "CanonicalActors", "Mention", "Recent", "Relation", "Shape", "Target", "Wanted", "actors_beside",
    "alias_book", "canonical_actors", "sentence_mentions", "known_actors", "link_label", "read_actors_file", "speakers",
    "summarise_labels", "with_canonical_targets",
]
