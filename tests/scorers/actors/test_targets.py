"""Label → target, construction by construction, on sentences written for these tests."""

import pytest

from framing.scorers.actors import RELATIONS


def first_label(hits, term):
    row = hits[hits["term"].str.lower() == term].iloc[0]
    return row["target"], row["relation"]


@pytest.mark.parametrize("text, term, target, relation", [
    # premodifier: before a name (titles between), after one, inside a known mention
    ("Terrorist leader Abu Karim Haddad was arrested on Monday.", "terrorist", "Abu Karim Haddad", "premodifier"),
    ("The court heard from dictator Bashar al-Assad's former aide.", "dictator", "Bashar al-Assad", "premodifier"),
    ("Hundreds of ISIS terrorists crossed the river.", "terrorists", "Islamic State", "premodifier"),
    ("Sanctions on the Assad regime were extended.", "regime", "Assad", "premodifier"),
    ("The Iranian regime denied the report.", "regime", "Iran", "premodifier"),
    # appositive: either side of the comma, and the headline colon
    ("Qassem Soleimani, the mastermind of the attacks, died on Friday.", "mastermind", "Qassem Soleimani",
     "appositive"),
    ("The warlord, Ahmed Musa Dirie, fled south.", "warlord", "Ahmed Musa Dirie", "appositive"),
    ("Terrorist general with blood on his hands: Qassem Soleimani died in a strike.", "terrorist",
     "Qassem Soleimani", "appositive"),
    # naming verbs, active (the object) and passive (the subject)
    ("Khamenei has called Soleimani a 'living martyr'.", "living martyr", "Soleimani", "naming"),
    ("The minister branded Hamas a terrorist organisation.", "terrorist", "Hamas", "naming"),
    ("Soleimani was praised as a martyr by the speaker of parliament.", "martyr", "Soleimani", "naming"),
    ("He is listed by the United States as a known terrorist.", "terrorist", "", ""),  # no antecedent
    ("George Bush named Iran as part of the axis of evil.", "axis of evil", "Iran", "naming"),
    # copula
    ("Mohammed Ali Rahimi was a hero to his village.", "hero", "Mohammed Ali Rahimi", "copula"),
    # possessive and "of"
    ("Critics of Assad's regime were jailed.", "regime", "Assad", "possessive"),
    ("Many fled the regime of Bashar al-Assad.", "regime", "Bashar al-Assad", "possessive"),
])
def test_each_construction_links_the_label_to_its_actor(link, text, term, target, relation):
    assert first_label(link(text), term) == (target, relation)


@pytest.mark.parametrize("text, term", [
    ("The fight against terrorism goes on.", "terrorism"),  # not a label category, and no actor
    ("Washington has long wanted regime change in Tehran.", "regime"),  # "regime change": not an actor's regime
    ("A terrorist attack killed four people.", "terrorist"),  # a label on a common noun, no actor
    ("The men were described as thugs.", "thugs"),  # naming, but the subject names nobody
    ("He masterminded the plot.", "masterminded"),  # a verb form of a label
])
def test_labels_applied_to_no_actor_get_no_target(link, text, term):
    assert first_label(link(text), term) == ("", "")


def test_referent_takes_the_actor_of_the_previous_sentence(link):
    hits = link("Al-Shabaab fighters attacked the base at dawn. The terrorists then withdrew into the forest.")
    assert first_label(hits, "terrorists") == ("al-Shabaab", "referent")


def test_government_label_prefers_a_state_to_a_nearer_group(link):
    hits = link("Iran's Revolutionary Guard trains the militias. Analysts say the regime funds them.")
    assert first_label(hits, "regime") == ("Iran", "referent")


@pytest.mark.parametrize("text, target", [
    # resolves: the nearest person before the pronoun in its own sentence
    ("Ahmed Musa Dirie's men cheered as he was hailed as a hero.", "Ahmed Musa Dirie"),
    # resolves: the only person of the previous sentence
    ("Ahmed Musa Dirie returned to Mogadishu in May. He was a hero to his clan.", "Ahmed Musa Dirie"),
    # resolves: several persons in the previous sentence, the one it opens with (its subject)
    ("Ahmed Musa Dirie met Omar Farah Yusuf in May. He was a hero to his clan.", "Ahmed Musa Dirie"),
    # declines: several persons, and the sentence opens with none of them
    ("In May, the envoy said Ahmed Musa Dirie met Omar Farah Yusuf. He was a hero to his clan.", ""),
    # declines: nobody compatible within two sentences, and two people the document named equally often
    ("Ahmed Musa Dirie met Omar Farah Yusuf. The rain fell. The river rose. He was a hero to his clan.", ""),
    # resolves beyond two sentences: the pronoun takes the person the document has named most (its protagonist)
    ("Ahmed Musa Dirie left. The rain fell. The river rose. He was a hero to his clan.", "Ahmed Musa Dirie"),
    ("Omar Farah Yusuf saw Ahmed Musa Dirie go. Dirie left. The rain fell. The river rose. He was a hero to his "
     "clan.", "Ahmed Musa Dirie"),
])
def test_pronoun_rule_resolves_or_declines(link, text, target):
    # An ordinary first sentence: the cleaner may read a document's first line of names as a byline.
    assert first_label(link("The talks ended on Friday. " + text), "hero")[0] == target


def test_reported_label_names_its_speaker_and_authorial_none(link):
    hits = link("The strike came at night. Qassem Soleimani was a ruthless man, the Daily Mail wrote. "
                "Iranian officials called him a martyr. The terrorist Abu Karim Haddad fled.")
    martyr = hits[hits["term"] == "martyr"].iloc[0]
    assert (martyr["voice"], martyr["speaker"], martyr["target"]) == ("reported", "Iranian officials",
                                                                      "Qassem Soleimani")
    terrorist = hits[hits["term"] == "terrorist"].iloc[0]
    assert (terrorist["voice"], terrorist["speaker"], terrorist["target"]) == ("authorial", "", "Abu Karim Haddad")
    assert set(hits["relation"]) <= {*RELATIONS, ""}


@pytest.mark.parametrize("text, term, target", [
    # a person label after a demonym is a person of that state, found in context, not the state
    ("Vladimir Putin ordered the strike. The Russian tyrant's bombs fell at dawn.", "tyrant", "Vladimir Putin"),
    # plural and collective labels want a group: neither a state nor a person nearby
    ("Israel is the aggressor and the terrorists are freedom fighters.", "terrorists", ""),
    ("Senator Rick Alder blamed the mob.", "mob", ""),
])
def test_compatible_actors_only(link, text, term, target):
    assert first_label(link("The talks ended on Friday. " + text), term)[0] == target


def test_a_label_before_a_state_adjective_is_about_the_head_noun(link):
    hits = link("The talks ended on Friday. The strike killed Qasem Soleimani, the revered Iranian military commander.")
    assert first_label(hits, "revered") == ("Qasem Soleimani", "appositive")
