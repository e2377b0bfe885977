"""The alias merge: one canonical actor per document set, from the distinct mentions the batches found.

It runs once after the map, over the small table of distinct ``(doc_id, key)`` mention keys — never over
sentences, and nothing in it compares documents pairwise. The rules, in order:

1. **Actors files.** A key the actors files know (their names and aliases: "U.S." → United States, "Iranian"
   → Iran, "IDF" → Israel) is already that actor's name (:mod:`.mentions` looked it up).
2. **Spelling variants** of a person's full name with the same surname ("Qasem Soleimani", "Qassem
   Soleimani") are one actor, named by the most frequent spelling, when their whole names are close
   (:data:`SPELLING_RATIO`, difflib's ratio); an office-holder's key ("Iranian president") is no name.
3. **Surnames.** A one-word key that is the surname of a full name ("Soleimani", "Assad" of "Bashar al-Assad")
   is that person: the full name the same document uses most, else the one the whole set uses most.
4. **Acronyms.** An all-capital key ("IRGC", "NDF") whose letters are the initials of a longer key ("National
   Defence Forces": "of", "and", "the" and particles skipped) is that actor.
5. Anything else is its own actor, named by its key (the mention without titles: "Gen. Soleimani" →
   "Soleimani").

Titles ("Gen.", "General", "President") are already out of the keys (:mod:`.mentions`).
"""

from __future__ import annotations

from difflib import SequenceMatcher
from typing import NamedTuple

import pandas as pd

from ...errors import require_columns
from .actors_file import ActorSpec, known_actors
from .context import surname
from .mentions import OFFICE_STATUSES, OFFICE_WORDS, OFFICES
from .scorer import MENTION_COLUMNS
from ...rows import table_rows, typed_table

ACTOR_COLUMNS = ["doc_id", "actor", "group", "mentions", "aliases"]
# Two full names with the same surname are one person from this difflib ratio of their case-folded texts up.
SPELLING_RATIO = 0.85
_SKIPPED_IN_ACRONYMS = frozenset({"of", "and", "the", "for", "al", "el", "de"})


class CanonicalActors(NamedTuple):
    """The merge's result: ``names`` maps ``(doc_id, key)`` to the canonical actor; ``actors`` is actors.csv."""

    names: dict[tuple[str, str], str]
    actors: pd.DataFrame


def canonical_actors(mentions: pd.DataFrame, user: tuple[ActorSpec, ...] = ()) -> CanonicalActors:
    """Merge the mention keys of every batch into actors (rules in the module docstring).

    Returns
    -------
    :class:`CanonicalActors`; its ``actors`` table has one row per document and actor: ``doc_id, actor, group``
    (of the actors files, "" otherwise), ``mentions`` (how many) and ``aliases`` (the mentions as written,
    most frequent first, "; "-joined). Actors all of whose mentions have shape ``other`` (a lone capitalised
    word never seen in a person's or body's name: mostly places) are left out of the table, not of ``names``.
    Rows are in document order of ``mentions``, then by ``mentions`` descending, then by actor.
    """
    require_columns(mentions, MENTION_COLUMNS, "mentions")
    # Plain lists: the table is small, and pandas' per-group Python calls cost more than the work.
    rows = _Rows(*(mentions[column].tolist() for column in MENTION_COLUMNS))
    totals: dict[str, int] = {}
    for key, n in zip(rows.key, rows.n):
        totals[key] = totals.get(key, 0) + n
    person_keys = {key for key, shape in zip(rows.key, rows.shape)
                   if shape == "person" and " " in key and not _office_holder(key)}
    variants = _spelling_variants(totals, person_keys)
    by_document = _surnames_by_document(rows, variants)
    by_set = _surnames_in_set(totals, variants)
    acronyms = _acronyms(totals)
    filed = {spec.name for spec in (*known_actors(), *user)}
    names: dict[tuple[str, str], str] = {}
    for doc_id, key in zip(rows.doc_id, rows.key):
        if (doc_id, key) in names:
            continue
        if key in filed:
            name = key
        elif " " in key:
            name = variants.get(key, key)
        else:
            name = _surname_owner(doc_id, key, by_document, by_set) or acronyms.get(key, key)
        names[(doc_id, key)] = name
    return CanonicalActors(names, _actor_table(rows, names, user))


class _Rows(NamedTuple):
    """The mentions table as lists (columns of :data:`MENTION_COLUMNS`)."""

    doc_id: list
    mention: list
    key: list
    shape: list
    n: list


def _office_holder(key: str) -> bool:
    """A key of an office-holder ("Iranian president", "president of Albania", "acting president of Albania"):
    its last word is an office's, not a surname, so "Iraqi president" is no spelling of "Iranian president"."""
    words = key.lower().split()
    if words[-1] in OFFICE_WORDS:
        return True
    office = words[:words.index("of")] if "of" in words[:-1] else []
    return " ".join(office[1:] if office[:1] and office[0] in OFFICE_STATUSES else office) in OFFICES


def _surname_owner(doc_id: str, key: str, by_document: dict, by_set: dict) -> str | None:
    """The full name a one-word key is the surname of (a hyphenated "Qassem-Soleimani" by its last part)."""
    for word in dict.fromkeys((surname(key), surname(key.rsplit("-", 1)[-1]))):
        name = by_document.get((doc_id, word)) or by_set.get(word)
        if name:
            return name
    return None


def _spelling_variants(totals: dict[str, int], person_keys: set[str]) -> dict[str, str]:
    """Full person names → the most frequent close spelling with the same surname (itself when it is that)."""
    by_surname: dict[str, list[str]] = {}
    for key in sorted(person_keys, key=lambda k: (-totals[k], k)):
        by_surname.setdefault(surname(key.split()[-1]), []).append(key)
    out: dict[str, str] = {}
    for names in by_surname.values():
        heads: list[str] = []
        for name in names:  # most frequent first: the first close head names the cluster
            head = next((h for h in heads if SequenceMatcher(None, h.casefold(), name.casefold()).ratio()
                         >= SPELLING_RATIO), None)
            if head is None:
                heads.append(name)
            out[name] = head or name
    return out


def _surnames_by_document(rows: _Rows, variants: dict[str, str]) -> dict[tuple[str, str], str]:
    """``(doc_id, surname)`` → the canonical full name the document mentions most with that surname."""
    totals: dict[tuple[str, str], int] = {}
    for doc_id, key, n in zip(rows.doc_id, rows.key, rows.n):
        if key in variants:
            totals[(doc_id, variants[key])] = totals.get((doc_id, variants[key]), 0) + n
    out: dict[tuple[str, str], str] = {}
    for doc_id, name in sorted(totals, key=lambda pair: (-totals[pair], pair[1])):
        out.setdefault((doc_id, surname(name.split()[-1])), name)
    return out


def _surnames_in_set(totals: dict[str, int], variants: dict[str, str]) -> dict[str, str]:
    """surname → the canonical full name the whole set mentions most with that surname."""
    by_name: dict[str, int] = {}
    for key, name in variants.items():
        by_name[name] = by_name.get(name, 0) + totals[key]
    out: dict[str, str] = {}
    for name in sorted(by_name, key=lambda n: (-by_name[n], n)):
        out.setdefault(surname(name.split()[-1]), name)
    return out


def _acronyms(totals: dict[str, int]) -> dict[str, str]:
    """All-capital keys → the longer key whose initials they spell (the most frequent when several do)."""
    initials: dict[str, str] = {}
    for key in sorted(totals, key=lambda k: (-totals[k], k)):
        words = [word for word in key.replace("-", " ").split() if word.lower() not in _SKIPPED_IN_ACRONYMS]
        if len(words) >= 2:
            initials.setdefault("".join(word[0] for word in words).upper(), key)
    out = {}
    for key in totals:
        letters = key.replace(".", "")
        if 2 <= len(letters) <= 6 and letters.isalpha() and letters.isupper() and letters in initials:
            out[key] = initials[letters]
    return out


def _actor_table(rows: _Rows, names: dict[tuple[str, str], str], user: tuple[ActorSpec, ...]) -> pd.DataFrame:
    groups = {spec.name: spec.group for spec in (*known_actors(), *user)}  # the user's last: it wins
    actors = [names[(doc_id, key)] for doc_id, key in zip(rows.doc_id, rows.key)]
    kept = {actor for actor, shape in zip(actors, rows.shape) if shape != "other"}
    counts: dict[tuple[str, str], int] = {}
    written: dict[tuple[str, str], dict[str, int]] = {}
    for doc_id, actor, mention, n in zip(rows.doc_id, actors, rows.mention, rows.n):
        if actor in kept:
            counts[(doc_id, actor)] = counts.get((doc_id, actor), 0) + n
            forms = written.setdefault((doc_id, actor), {})
            forms[mention] = forms.get(mention, 0) + n
    order = {doc_id: i for i, doc_id in enumerate(dict.fromkeys(rows.doc_id))}
    table = [(doc_id, actor, groups.get(actor, ""), n,
              "; ".join(sorted(written[(doc_id, actor)], key=lambda m, f=written[(doc_id, actor)]: (-f[m], m))))
             for (doc_id, actor), n in sorted(counts.items(), key=lambda item: (order[item[0][0]], -item[1],
                                                                                 item[0][1]))]
    return typed_table(table, ACTOR_COLUMNS, {"mentions": "int64"})


def with_canonical_targets(terms: pd.DataFrame, names: dict[tuple[str, str], str]) -> pd.DataFrame:
    """``terms`` with ``target`` turned from a mention key into its canonical actor (``names`` of
    :func:`canonical_actors`); "" stays ""."""
    canonical = [names.get((doc_id, key), key) if key else "" for doc_id, key in table_rows(terms, "doc_id",
                                                                                              "target")]
    return terms.assign(target=canonical)
