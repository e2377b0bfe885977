"""Pronouns, definite labels and pronoun speakers (issue 17): each rule, with cases that must give no target."""

import pytest


def label_of(hits, term):
    row = hits[hits["term"].str.lower() == term].iloc[-1]
    return row["target"], row["relation"]


def speaker_of(hits, term):
    return hits[hits["term"].str.lower() == term].iloc[-1]["speaker"]


@pytest.mark.parametrize("text, term, expected", [
    # Two persons in the previous sentence, no subject among its first words: the one the document names most.
    ("Karimov clings on. For the past decade Ilham Karimov, an ally of Pavel Dreyer, has ruled the north. "
     "The dictator now faces a revolt.", "dictator", ("Ilham Karimov", "referent")),
    ("Karimov clings on. For the past decade Ilham Karimov, an ally of Pavel Dreyer, has ruled the north. "
     "His regime has jailed hundreds.", "regime", ("Ilham Karimov", "possessive")),
    # Equally prominent: a guess, so no target.
    ("For the past decade Ilham Karimov, an ally of Pavel Dreyer, has ruled the north. The dictator now faces a "
     "revolt.",
     "dictator", ("", "")),
])
def test_salience_breaks_a_tie_and_a_tie_declines(link, text, term, expected):
    assert label_of(link(text), term) == expected


@pytest.mark.parametrize("text, term, expected", [
    # ", and its …" opens a coordinated main clause: the sentence's subject, not the nearer state.
    ("The Nasr Brigade, the armed movement that has held much of rural Mali for years, has killed hundreds, and its "
     "fanatics have bombed markets.", "fanatics", ("Nasr Brigade", "possessive")),
    # "their own": bound to the subject, also a party phrase ("The generals").
    ("The generals call the students traitors and their own killing spree a clean-up.", "killing spree",
     ("generals", "possessive")),
    # No coordination, no "own": the nearest compatible actor, as before.
    ("The Nasr Brigade, the armed movement that has held much of rural Mali for years, fights its fanatics.",
     "fanatics", ("Mali", "possessive")),
    # A reporting verb between: the pronoun may be in what is reported, so the binding rule stays out.
    ("The Nasr Brigade said Mali had lost the war, and its fanatics had fled.", "fanatics", ("Mali", "possessive")),
])
def test_a_bound_pronoun_takes_the_sentence_subject(link, text, term, expected):
    assert label_of(link(text), term) == expected


@pytest.mark.parametrize("text, expected", [
    ('Officials said some protesters were "no better than thugs".', ("protesters", "copula")),
    ("Officials said Ilham Karimov was nothing but a thug.", ("Ilham Karimov", "copula")),
    ("Officials said Ilham Karimov was little more than a thug.", ("Ilham Karimov", "copula")),
    ("Officials said Ilham Karimov was better than a thug.", ("", "")),  # a comparison, not "is a thug"
])
def test_copula_across_a_comparison(link, text, expected):
    assert label_of(link(text), "thug" if "thug." in text else "thugs") == expected


@pytest.mark.parametrize("text, expected", [
    ("The Nasr Brigade is an armed group in Mali. It began in 2006 and is often described as the most radical of "
     "the groups.", ("Nasr Brigade", "naming")),
    ("The Nasr Brigade is an armed group in Mali. It opposed the most radical ideas.", ("", "")),
])
def test_a_superlative_after_as_is_a_naming_complement(link, text, expected):
    assert label_of(link(text), "radical") == expected


@pytest.mark.parametrize("text, expected", [
    # "the so-called Harakat al-Nasr": written after "the", so a group, and "the terrorist group" finds it.
    ("Soldiers cleared mines left by the terrorists of the so-called Harakat al-Nasr. "
     "A source said the terrorist group had shelled the town.", ("Harakat al-Nasr", "referent")),
    # Written without "the" it keeps its person-like shape: no group to find.
    ("Soldiers cleared mines left by Harakat al-Nasr. A source said the terrorist group had shelled the town.",
     ("", "")),
])
def test_a_name_written_after_the_is_no_person(link, text, expected):
    assert label_of(link(text), "terrorist") == expected


@pytest.mark.parametrize("text, expected", [
    # No state in the last two sentences: the state the document has mentioned most.
    ("Syria denies the attack. Syria blames rebels. Rescuers counted the dead. Doctors treated the wounded. "
     "Leaders lined up to condemn the regime.", ("Syria", "referent")),
    # Two states mentioned equally often: no target.
    ("Syria denies the attack. Turkey blames rebels. Rescuers counted the dead. "
     "Doctors treated the wounded. Leaders lined up to condemn the regime.", ("", "")),
])
def test_a_government_label_falls_back_on_the_documents_state(link, text, expected):
    assert label_of(link(text), "regime") == expected


def test_a_label_that_is_a_naming_verbs_own_object_is_no_naming(link):
    # "condemn the regime": the regime is condemned, not named; the referent rule decides.
    hits = link("Syria shelled Douma on Monday. Leaders condemned the regime.")
    assert label_of(hits, "regime") == ("Syria", "referent")


@pytest.mark.parametrize("text, term, speaker", [
    # The previous sentence's source (attribution's rule).
    ("The ministry said the rebels had fled. It said the so-called rescuers had staged the video.", "so-called",
     "The ministry"),
    # Its own sentence's opening subject, before any quotation.
    ("Talks failed. The United States and France responded with strikes, which they described as a "
     "proportionate response.", "proportionate response", "The United States and France"),
    # Number: "it" is no plural source; with no other source it stays as written.
    ("Monitors said the tax was extortion. It said the rebels were terrorists.", "terrorists", "It"),
    ("Monitors said the tax was extortion. They said the rebels were terrorists.", "terrorists", "Monitors"),
    # A quotation before the pronoun: the names in it are not the speaker's.
    ('The ministry spoke on Monday. "Ilham Karimov is a terrorist," he said.', "terrorist", "he"),
])
def test_a_pronoun_speaker_is_written_as_its_source(link, text, term, speaker):
    assert speaker_of(link(text), term) == speaker


@pytest.mark.parametrize("text, speaker", [
    # "they" wants a plural source, "he" a person's, "it" no person's: otherwise the pronoun stays as written.
    ("The Daily Courier reported the deal. They wrote that the rebels were terrorists.", "They"),
    ("According to BBC, the talks failed. Later he said the rebels were terrorists.", "he"),
    ("Ilham Karimov spoke on Monday. Ilham Karimov said the talks failed. It said the rebels were terrorists.",
     "It"),
    ("Karimov aides said the talks failed. He said the rebels were terrorists.", "He"),
    # A pronoun source in the previous sentence is resolved in turn.
    ("Ilham Karimov said the talks failed. He said they were over. He said the rebels were terrorists.",
     "Ilham Karimov"),
])
def test_a_pronoun_speaker_must_agree_with_its_source(link, text, speaker):
    assert speaker_of(link(text), "terrorists") == speaker


@pytest.mark.parametrize("text, expected", [
    ("Critics decried their own killing spree.", ("", "")),  # no actor to bind to
    ("The Nasr Brigade shelled Gao. Its killing spree went on.", ("Nasr Brigade", "possessive")),
    ("The Nasr Brigade mourned Ilham Karimov. His massacre by soldiers shocked Gao.", ("", "")),  # a victim
])
def test_an_acts_possessive_pronoun_names_its_doer_unless_an_agent_follows(link, text, expected):
    assert label_of(link(text), "killing spree" if "spree" in text else "massacre") == expected
