import pytest

from framing.phrases import Phrase, PhraseWalker, tokenize

# Verbs of other clauses (the attribution scorer passes its reporting verbs).
VERBS = frozenset({"said", "told", "denied", "found"})


def walker(sentence):
    return PhraseWalker(sentence, tokenize(sentence, []), VERBS)


def index_of(walk, word):
    return [t.text for t in walk.tokens].index(word)


@pytest.mark.parametrize("sentence, verb, subject, how", [
    ("Former CIA analyst Kenneth Pollack said the strike was legal.", "said", "Former CIA analyst Kenneth Pollack",
     "np"),
    ("Iran's Revolutionary Guards have repeatedly denied the report.", "denied", "Iran's Revolutionary Guards", "np"),
    ("The head of the agency told reporters on Monday that talks had stalled.", "told", "The head of the agency",
     "np"),
    ("In 2011, US officials said Iran was behind the plot.", "said", "US officials", "np"),
    ("Hamid Rezaei, Iran's envoy, told reporters.", "told", "Hamid Rezaei, Iran's envoy", "np"),
    ("Pro-regime Iranians, who saw him as a hero, mourned.", "saw", "Pro-regime Iranians", "relative"),
    ("A survey published in 2018 by IranPoll found broad support.", "found",
     "A survey published in 2018 by IranPoll", "np"),
    # A pronoun takes no modifiers: in a relative clause without "that" the noun before it is another phrase.
    ("Critics called the board corrupt, a charge it denied.", "denied", "it", "np"),
    ("It was a deal they said was fair.", "said", "they", "np"),
    # "what" opens a clause: the subject starts after it.
    ("The guilds urged the council to investigate what one found at the docks.", "found", "one", "np"),
    # A determiner begins its phrase: the time phrase before it is another one.
    ("For five years the separatist leaders of the region have denied it.", "denied",
     "the separatist leaders of the region", "np"),
    # … but not after a name (an appositive without its comma), nor after "of", "all" or a bracket.
    ("Hadi Amiri the head of the Badr group told reporters.", "told", "Hadi Amiri the head of the Badr group",
     "np"),
    ("All the rebels denied it.", "denied", "All the rebels", "np"),
    # the time spent is no subject; the subject of "spend" is
    ("Youth leaders had spent months denouncing the chief.", "denouncing", "Youth leaders", "np"),
    # a part of a group before "of whom" speaks for the group
    ("The rebels, some of whom denied it, surrendered.", "denied", "The rebels", "relative"),
])
def test_subject_left(sentence, verb, subject, how):
    walk = walker(sentence)
    found, found_how = walk.subject_left(index_of(walk, verb))
    assert walk.text_of(*found) == subject and found_how == how


def test_subject_left_says_when_there_is_none():
    walk = walker("He left and said nothing.")
    assert walk.subject_left(index_of(walk, "said")) == (None, "coordinated")
    walk = walker('"We will win," said the minister.')
    assert walk.subject_left(index_of(walk, "said")) == (None, "after_comma")


def test_np_left_bounds():
    walk = walker("Sergei Lavrov, Medea Benjamin and Hillary Mann Leverett said talks failed.")
    assert walk.np_left(index_of(walk, "Leverett")) == Phrase(0, 9)
    # "a move analysts said": a singular determiner cannot head the plural noun.
    walk = walker("It was a move analysts said was overdue.")
    assert walk.np_left(index_of(walk, "analysts")) == Phrase(4, 5)
    assert walk.np_left(index_of(walk, "move")) == Phrase(2, 4)


def test_np_right_takes_an_appositive_up_to_its_comma():
    walk = walker("According to John Maguire, a former CIA officer in Iraq, the plan failed.")
    phrase = walk.np_right(2)
    assert phrase == Phrase(2, 11) and walk.text_of(*phrase) == "John Maguire, a former CIA officer in Iraq"
    assert walk.np_right(2, allow_appositive=False) == Phrase(2, 4)
    assert walk.appositive_end(5, final_ok=False) == 11


def test_np_right_keeps_a_title_abbreviation_and_a_capitalised_place():
    walk = walker("He met Gen. Petraeus in Baghdad.")
    assert walk.text_of(*walk.np_right(2)) == "Gen. Petraeus in Baghdad"


def test_main_subject_after_an_introductory_phrase():
    walk = walker("In 2011, US officials said Iran was behind the plot.")
    assert walk.text_of(*walk.main_subject()) == "US officials"
    walk = walker("A survey published in 2018 by IranPoll found broad support.")
    assert walk.text_of(*walk.main_subject()) == "A survey"


def test_main_subject_after_two_introductory_phrases():
    walk = walker("On 11 July, when thousands marched in the capital, the council met and called them mercenaries.")
    assert walk.text_of(*walk.main_subject()) == "the council"


def test_main_subject_after_a_wire_dateline():
    walk = walker("LANVER, Dec 3 (Reuters) - The council declared a curfew, calling the marchers a mob.")
    assert walk.text_of(*walk.main_subject()) == "The council"


def test_skip_left_passes_auxiliaries_and_adverbs():
    walk = walker("The ministry has also repeatedly said it.")
    assert walk.skip_left(index_of(walk, "said") - 1) == 1


def test_clause_ends():
    sentence = "Iraqi officials, who asked not to be named, accused Iran; the ministry denied it."
    walk = walker(sentence)
    assert sentence[:walk.clause_end(0)] == "Iraqi officials, who asked not to be named, accused Iran"
    assert sentence[walk.tokens[3].start:walk.clause_end(3, relative=True)] == "who asked not to be named"
    sentence = "The head of the agency told reporters on Monday that talks had stalled."
    walk = walker(sentence)
    that = walk.find_that(index_of(walk, "told") + 1)
    start, end = walk.content_from(that)
    assert sentence[start:end] == "talks had stalled."


def test_subject_left_passes_an_indefinite_appositive_with_a_relative_clause():
    walk = walker("The mayor, a former teacher who was ousted in a vote last year, calls the case a farce.")
    subject, how = walk.subject_left(index_of(walk, "calls"))
    assert (walk.text_of(*subject), how) == ("The mayor", "np")
    # a clause between commas that is no appositive still gives no subject
    walk = walker("The mayor, the papers had reported for weeks, calls the case a farce.")
    assert walk.subject_left(index_of(walk, "calls")) == (None, "after_comma")


def test_subject_left_passes_a_phrase_of_place_or_manner_between_commas():
    walk = walker("The mayor, in a video address, urged calm.")
    subject, how = walk.subject_left(index_of(walk, "urged"))
    assert (walk.text_of(*subject), how) == ("The mayor", "np")
    walk = walker("Critics, among them two senators, said the plan would fail.")
    subject, how = walk.subject_left(index_of(walk, "said"))
    assert (walk.text_of(*subject), how) == ("Critics", "np")
