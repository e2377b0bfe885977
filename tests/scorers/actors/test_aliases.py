"""The alias merge: one canonical actor per document set."""

import pandas as pd
import pytest

from framing.scorers.actors import ActorSpec, canonical_actors


def mentions(*rows):
    """Rows of ``(doc_id, mention, key, shape, n)``."""
    return pd.DataFrame(rows, columns=["doc_id", "mention", "key", "shape", "n"])


@pytest.mark.parametrize("rows, doc_key, actor", [
    # a surname is the full name its document uses
    ([("a", "Qassem Soleimani", "Qassem Soleimani", "person", 2), ("a", "Soleimani", "Soleimani", "other", 5)],
     ("a", "Soleimani"), "Qassem Soleimani"),
    # ... or, when its document has none, the full name the set uses most
    ([("a", "Bashar al-Assad", "Bashar al-Assad", "person", 3), ("b", "Assad", "Assad", "other", 1)],
     ("b", "Assad"), "Bashar al-Assad"),
    # spelling variants of one full name: the most frequent spelling names them
    ([("a", "Qasem Soleimani", "Qasem Soleimani", "person", 5), ("b", "Qassem Soleimani", "Qassem Soleimani",
                                                                  "person", 2)],
     ("b", "Qassem Soleimani"), "Qasem Soleimani"),
    # two people with one surname stay two
    ([("a", "Saddam Hussein", "Saddam Hussein", "person", 5), ("a", "Fuad Hussein", "Fuad Hussein", "person", 1)],
     ("a", "Fuad Hussein"), "Fuad Hussein"),
    # an acronym is the name whose initials it spells
    ([("a", "National Defence Forces", "National Defence Forces", "group", 1), ("a", "NDF", "NDF", "group", 3)],
     ("a", "NDF"), "National Defence Forces"),
    # the actors file's names stay as they are ("Jordan" is no surname of a Michael Jordan)
    ([("a", "Michael Jordan", "Michael Jordan", "person", 4), ("a", "Jordan", "Jordan", "state", 1)],
     ("a", "Jordan"), "Jordan"),
    # office-holders of two states are two, however alike their keys ("president" is no surname)
    ([("a", "Iran's president", "Iranian president", "person", 3), ("a", "Iraq's president", "Iraqi president",
                                                                     "person", 1)],
     ("a", "Iraqi president"), "Iraqi president"),
    ([("a", "Mali's president", "Malian president", "person", 3), ("b", "the president of Bali",
                                                                    "president of Bali", "person", 1)],
     ("b", "president of Bali"), "president of Bali"),
    # a status makes another holder of one state's office ("acting president of X" is no spelling of "former
    # president of X", though difflib finds the two alike)
    ([("a", "the former president", "former president of Saint Vincent and the Grenadines", "person", 3),
      ("a", "the acting president", "acting president of Saint Vincent and the Grenadines", "person", 1)],
     ("a", "acting president of Saint Vincent and the Grenadines"),
     "acting president of Saint Vincent and the Grenadines"),
])
def test_mentions_merge_into_one_canonical_actor(rows, doc_key, actor):
    assert canonical_actors(mentions(*rows)).names[doc_key] == actor


def test_actor_table_counts_mentions_and_joins_the_aliases_as_written():
    table = canonical_actors(mentions(
        ("a", "Iran", "Iran", "state", 3), ("a", "Iranian forces", "Iran", "state", 1),
        ("a", "Qassem Soleimani", "Qassem Soleimani", "person", 1), ("a", "Soleimani", "Soleimani", "other", 4),
        ("a", "Aleppo", "Aleppo", "other", 2))).actors
    assert table.to_dict("records") == [
        {"doc_id": "a", "actor": "Qassem Soleimani", "group": "", "mentions": 5,
         "aliases": "Soleimani; Qassem Soleimani"},
        {"doc_id": "a", "actor": "Iran", "group": "state", "mentions": 4, "aliases": "Iran; Iranian forces"},
    ]  # Aleppo: a lone word never seen in a person's or body's name is left out


def test_users_group_wins_and_an_empty_run_has_the_columns():
    user = (ActorSpec("Iran", ("Tehran",), "axis"),)
    table = canonical_actors(mentions(("a", "Tehran", "Iran", "state", 1)), user).actors
    assert table["group"].tolist() == ["axis"]
    empty = canonical_actors(mentions()).actors
    assert list(empty.columns) == ["doc_id", "actor", "group", "mentions", "aliases"] and empty.empty
