"""How the aliases of a user's actors file enter the linker: a file adds names, it never costs a construction.
Invented sentences on an invented story (Norvania, the Kestrel Front)."""

import pytest

from framing.scorers.actors import ActorSpec, Mention, Recent, alias_book, sentence_mentions
from framing.scorers.actors.context import wanted_for_pronoun

from .test_targets import first_label

STORY = (
    ActorSpec("Kestrel Front", ("Kestrel", "thugs", "the gunmen", "Tomas Brel"), "armed group"),
    ActorSpec("Norvania", ("Norvanian", "Ostrava", "the regime"), "state"),
    ActorSpec("Norvanian police", ("police",), "state"),
)


@pytest.mark.parametrize("text, term, target, relation", [
    # a lower-case alias that is the label itself is no premodifier of itself: the referent of the context …
    ("The Kestrel Front attacked the depot. The thugs burned three trucks.", "thugs", "Kestrel Front", "referent"),
    # … and the constructions around it still decide: a name before it, a copula's subject
    ("Officials said Kestrel thugs burned the depot.", "thugs", "Kestrel Front", "premodifier"),
    ("The Kestrel Front raided Ostrava. Norvania said the Kestrel Front were thugs.", "thugs", "Kestrel Front",
     "copula"),
    # a generic bare plural stays without target
    ("The Kestrel Front denied it. Norvania warned against arming thugs.", "thugs", "", ""),
    # "the regime" of the file is Norvania's even with another state in the window
    ("Norvania shut the border. Greece protested on Monday. Aid groups said the regime had lied.", "regime",
     "Norvania", "referent"),
])
def test_a_label_alias_is_the_storys_word_not_a_name(link, text, term, target, relation):
    assert first_label(link(text, STORY), term) == (target, relation)


@pytest.mark.parametrize("text, target", [
    # a common noun names the file's actor only in a document that names it or its place …
    ("Norvanian officials met on Monday. Witnesses said the police were brutal.", "Norvanian police"),
    # … elsewhere it is left to the linker's own rules (the police of another story)
    ("Crowds gathered in Lisbon. Witnesses said the police were brutal.", "police"),
])
def test_a_common_noun_alias_names_its_actor_only_in_its_story(link, text, target):
    assert first_label(link(text, STORY), "brutal")[0] == target


def test_a_person_listed_under_a_body_is_a_person_of_his_own(link):
    hits = link("Tomas Brel, the ringleader of the Kestrel Front, was arrested.", STORY)
    assert first_label(hits, "ringleader") == ("Tomas Brel", "appositive")


def test_a_users_actor_named_as_a_shipped_one_keeps_its_shipped_names(link):
    user = (ActorSpec("Iran", ("the ministry",), "state"),)
    assert first_label(link("Iranian thugs beat the marchers.", user), "thugs") == ("Iran", "premodifier")


@pytest.mark.parametrize("text, shape", [
    ("Crowds gathered in Ostrava on Sunday.", "other"),  # a state's seat written as a place
    ("Ostrava said the rebels were to blame.", "state"),  # the seat as the government
])
def test_a_states_one_word_alias_after_a_preposition_of_place_is_a_place(text, shape):
    assert [m.shape for m in sentence_mentions(text, alias_book(STORY)) if m.key == "Norvania"] == [shape]


def test_a_common_noun_alias_is_no_pronouns_antecedent():
    recent = Recent()
    recent.push([Mention(0, 9, "Survivors", "Norvanian refugees", "group", True, common=True),
                 Mention(20, 33, "Kestrel Front", "Kestrel Front", "group", False)])
    assert recent.resolve(wanted_for_pronoun("they"), []).key == "Kestrel Front"
