"""Source kinds, cues and hedges on news beyond one story (issue 16): organisations and their people, impersonal and
passive attribution, reporting verbs and phrases, unverified claims, and subjects that only stand for facts."""

import pandas as pd
import pytest

from framing import clean_text, sentences
from framing.corpus import Corpus
from framing.scorers.attribution import Attribution, attribute_text, cue_lemma, load_cues, load_hedges


def row(sentence):
    return attribute_text(sentence).iloc[0]


def source_of(sentence):
    scored = row(sentence)
    return scored["source"], scored["source_kind"], scored["cue"], scored["stance"]


# --- a named body speaks as itself; its unnamed people stay anonymous -------------------------------------------

@pytest.mark.parametrize("sentence, source, kind", [
    # A qualified institution with no determiner is one body, as with "the".
    ("Taliban authorities said the ban on girls' schooling would stay.", "Taliban authorities", "named"),
    ("County police said three men had been arrested after the march.", "County police", "named"),
    ("Israeli police said two officers were hurt in the clashes.", "Israeli police", "named"),
    ("Kenyan government said the curfew would be lifted on Friday.", "Kenyan government", "named"),
    ("Russian military said its air defences had downed 12 drones overnight.", "Russian military", "named"),
    ("The party's youth wing said it would boycott the congress.", "The party's youth wing", "named"),
    ("The navy's spokesman said the frigate had been struck by a missile.", "The navy's spokesman", "named"),
    # The people of a named body are not named by it.
    ("Hamas officials said the talks in Cairo had stalled.", "Hamas officials", "anonymous"),
    ("Hezbollah fighters said they had pulled back from the border villages.", "Hezbollah fighters", "anonymous"),
    ("A Taliban commander said the fighters would not disarm.", "A Taliban commander", "anonymous"),
    # Bodies named by several units, unqualified institutions and documents keep their old kinds.
    ("Kurdish forces said they had retaken the dam.", "Kurdish forces", "anonymous"),
    ("Authorities said the motorway would reopen at noon.", "Authorities", "anonymous"),
    ("Leaked government memo said the plan was approved in May.", "Leaked government memo", "anonymous"),
])
def test_a_named_body_speaks_as_itself_and_its_people_stay_anonymous(sentence, source, kind):
    assert source_of(sentence) == (source, kind, "said", "neutral")


# --- impersonal and passive attribution -------------------------------------------------------------------------

@pytest.mark.parametrize("sentence, hedge", [
    ("It is claimed that the convoy carried weapons for the rebels.", "It is claimed"),
    ("It was alleged that the mayor had taken bribes from the contractor.", "It was alleged"),
    ("It is being claimed that the army shelled the market.", "It is being claimed"),
    ("Fires were reported at two fuel depots near the port.", "were reported"),
    ("Dozens have been reported killed in the fighting around the airport.", "have been reported"),
    ("Fraud was alleged in three districts of the capital.", "was alleged"),
    ("The rebel leader is said to have fled across the border.", "is said to"),
    ("The general was accused of ordering the shelling of the camp.", "was accused of"),
    ("Two banks accused of financing the militia were put under sanctions.", "accused of"),
    ("The militia was blamed for the bombing of the bridge.", "was blamed for"),
])
def test_impersonal_and_agentless_passive_attribution_is_a_hedge_not_the_writers_assertion(sentence, hedge):
    scored = row(sentence)
    assert (scored["source_kind"], scored["cue"], bool(scored["hedged"]), scored["hedge"]) == \
        ("none", "", True, hedge)


@pytest.mark.parametrize("sentence, source, kind, cue", [
    # A passive with an agent cites the agent.
    ("The general was accused by rights groups of ordering the shelling.", "rights groups", "anonymous", "accused"),
    ("The bombing was blamed by Turkish officials on the PKK, and the militia was blamed by the ministry for it.",
     "the ministry", "named", "blamed"),
    ("The militia was accused by Amnesty International of torturing prisoners.", "Amnesty International", "named",
     "accused"),
    # "Quoted (by X) as saying": the one quoted is the source; X is the channel.
    ("The minister was quoted as saying the border would stay shut.", "The minister", "named", "quoted"),
    ("The minister was quoted by state media as saying the border would stay shut.", "The minister", "named",
     "quoted"),
    ("A senior rebel was quoted by local radio as saying the truce was over.", "A senior rebel", "anonymous",
     "quoted"),
])
def test_a_passive_cites_its_speaker_not_the_channel(sentence, source, kind, cue):
    scored = row(sentence)
    assert (scored["source"], scored["source_kind"], scored["cue"], bool(scored["hedged"])) == \
        (source, kind, cue, False)


# --- reporting verbs and phrases --------------------------------------------------------------------------------

REPORTING_VERBS = [
    ("The ministry described how the convoy was ambushed at dawn.", "The ministry", "named", "described",
     "neutral"),
    ("The ministry described the protest as illegal.", "The ministry", "named", "described as", "neutral"),
    ("The electoral court determined that the vote count was valid.", "The electoral court", "named",
     "determined", "endorsing"),
    ("The prime minister reiterated that troops would stay until spring.", "The prime minister", "named",
     "reiterated", "neutral"),
    ("The UN called on both sides to halt the fighting.", "The UN", "named", "called on", "neutral"),
    ("Amnesty has called on the government to free the detained students.", "Amnesty", "named", "called on",
     "neutral"),
    ("The governor made an appeal for calm after the verdict.", "The governor", "named", "made an appeal",
     "neutral"),
    ("Church leaders appealed for calm ahead of the funerals.", "Church leaders", "anonymous", "appealed for",
     "neutral"),
    ("The opposition leader took aim at the government's record on prices.", "The opposition leader", "named",
     "took aim at", "neutral"),
    ("Protesters demanded the release of the detained journalists.", "Protesters", "anonymous", "demanded",
     "neutral"),
    ("The inquiry concluded that the police had used excessive force.", "The inquiry", "named", "concluded",
     "neutral"),
    ("Aid agencies estimate that 40,000 people have fled the town.", "Aid agencies", "anonymous", "estimate",
     "neutral"),
    ("Several witnesses testified that the soldiers fired first.", "Several witnesses", "anonymous", "testified",
     "neutral"),
    ("Senator Harris complained that the bill had been rushed.", "Senator Harris", "named", "complained",
     "neutral"),
    ("The audit proved that the funds had been diverted.", "The audit", "named", "proved", "endorsing"),
    ("The audit indicates that the funds were diverted.", "The audit", "named", "indicates", "neutral"),
]


@pytest.mark.parametrize("sentence", [
    "The talks concluded on Monday without a deal.",  # clause-only: no clause, no report
    "The rebels are determined to hold the town.",
    "An estimated 3,000 people marched through the capital.",
    "Both armies observed the ceasefire over the holiday.",
    "He indicated the road on the map.",  # indicate/prove/demonstrate need a document subject
    "The city's rebuilding testifies to the resilience of its people.",
    "It also describes a quiet street on the edge of town.",  # describe needs a clause
    "There were 40 million calls on New Year's Eve.",  # the noun
    "The union's demands that pay rise by 10 percent were rejected.",
    "The guards were determined to hold the gate.",
])
def test_new_cue_words_in_their_other_senses_attribute_nothing(sentence):
    assert source_of(sentence) == ("", "none", "", "")


@pytest.mark.parametrize("sentence, source, kind", [
    # Names ending in "-is" are names, not plurals like "Iraqis"; "-men" plurals are nouns, not participles.
    ("Morris said the deal was off.", "Morris", "named"),
    ("Davis told reporters the talks had failed.", "Davis", "named"),
    ("Iraqis said the water had been cut.", "Iraqis", "anonymous"),
    ("In Lansing, armed white men said the lockdown was unlawful.", "armed white men", "anonymous"),
    ("Every mainstream media organisation said the figures were wrong.",
     "Every mainstream media organisation", "anonymous"),
])
def test_names_plurals_and_quantifiers_get_their_kind(sentence, source, kind):
    scored = row(sentence)
    assert (scored["source"], scored["source_kind"]) == (source, kind)


def test_the_cue_list_holds_the_new_acts_with_their_lemmas():
    lemmas = {cue.lemma for cue in load_cues()}
    for lemma in ["describe", "reiterate", "call on", "appeal", "make an appeal", "take aim at", "determine",
                  "conclude", "estimate", "demand", "testify", "prove", "demonstrate", "indicate"]:
        assert lemma in lemmas, lemma
    assert (cue_lemma("took aim at"), cue_lemma("described"), cue_lemma("described as")) == \
        ("take aim at", "describe", "describe as")


# --- hedges: unverified and purported claims --------------------------------------------------------------------

@pytest.mark.parametrize("sentence, hedge", [
    ("The video, if confirmed, would be the first proof of the attack.", "if confirmed"),
    ("The unverified footage shows soldiers firing on the crowd.", "unverified"),
    ("The claims could not be independently verified.", "could not be independently verified"),
    ("The death toll has not been confirmed.", "has not been confirmed"),
    ("Reporters could not independently verify the casualty figures.", "could not independently verify"),
    ("The purported letter from the general circulated on social media.", "purported"),
    ("A clip purported to show the downed jet was shared widely.", "purported to"),
    ("The jet was purportedly shot down by a shoulder-fired missile.", "purportedly"),
    ("The figures have yet to be verified.", "yet to be verified"),
])
def test_unverified_and_purported_claims_are_hedged(sentence, hedge):
    scored = row(sentence)
    assert (scored["source_kind"], bool(scored["hedged"]), scored["hedge"]) == ("none", True, hedge)


def test_unverified_hedges_are_labelled_with_their_own_kind():
    cleaned = clean_text("The claims could not be independently verified. The unverified video spread.")
    corpus = Corpus(pd.DataFrame({"doc_id": ["d"], "text": [cleaned.text]}), cleaned.paragraphs.assign(doc_id="d"),
                    cleaned.removals.assign(doc_id="d"))
    spans = Attribution()(sentences(corpus), corpus.documents).spans
    assert spans.loc[spans["kind"] == "hedge", "label"].tolist() == ["unverified", "unverified"]
    kinds = {hedge.hedge: hedge.kind for hedge in load_hedges()}
    assert kinds["{not} {be} verified"] == kinds["if confirmed"] == "unverified"


# --- subjects that only stand for facts -------------------------------------------------------------------------

@pytest.mark.parametrize("sentence", [
    "All of this clearly shows that the ceasefire has failed.",
    "All of this clearly reveals that the ceasefire has failed.",
    "Much of that confirms the account of the villagers.",
    "All this proves that the government misled parliament.",
    "None of this demonstrates that the army was responsible.",
    "Everything confirms that the vote was rigged.",
])
def test_a_fact_pronoun_subject_of_an_evidential_verb_is_no_source(sentence):
    assert source_of(sentence) == ("", "none", "", "")


# Documents and people stay sources of the verbs a fact pronoun goes with.
EVIDENTIAL_SOURCES = [
    ("All of these reports show that the ceasefire has failed.", "All of these reports", "named", "show",
     "endorsing"),
    ("A Gallup survey found that most residents had no clean water.", "A Gallup survey", "named", "found",
     "endorsing"),
    ("The mayor's office confirmed that the town was burning.", "The mayor's office", "named", "confirmed",
     "endorsing"),
    ("Local residents confirmed that the soldiers had left.", "Local residents", "anonymous", "confirmed",
     "endorsing"),
]


@pytest.mark.parametrize("sentence, source, kind, cue, stance", REPORTING_VERBS + EVIDENTIAL_SOURCES)
def test_reporting_verbs_and_phrases_attribute_to_their_source(sentence, source, kind, cue, stance):
    assert source_of(sentence) == (source, kind, cue, stance)


# --- a plural common noun opening its sentence is unnamed people, not a name ----------------------------------

@pytest.mark.parametrize("sentence, kind", [
    ("Refugees said the guards had beaten them at the crossing.", "anonymous"),
    ("Survivors told reporters the shelling lasted all night.", "anonymous"),
    ("Reuters said the convoy had turned back.", "named"),  # a name in -s stays a name
    ("Hendricks said the convoy had turned back.", "named"),
])
def test_a_plural_common_noun_opening_the_sentence_is_no_name(sentence, kind):
    assert row(sentence)["source_kind"] == kind
