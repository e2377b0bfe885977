"""Actor mentions in one sentence, their keys and shapes."""

import pytest

from framing.scorers.actors import ActorSpec, alias_book, sentence_mentions


def found(text, user=()):
    return [(m.text, m.key, m.shape) for m in sentence_mentions(text, alias_book(tuple(user)))]


@pytest.mark.parametrize("text, expected", [
    ("Gen. Soleimani met U.S. officials.", [("Gen. Soleimani", "Soleimani", "person"),
                                             ("U.S. officials", "United States", "state")]),
    ("Israeli forces and the IDF said Washington agreed.", [("Israeli forces", "Israel", "state"),
                                                             ("IDF", "Israel", "state"),
                                                             ("Washington", "United States", "state")]),
    ("Iran's Revolutionary Guard backs al-Shabaab.", [("Iran", "Iran", "state"),
                                                      ("Revolutionary Guard", "Islamic Revolutionary Guard Corps",
                                                       "group"),
                                                      ("al-Shabaab", "al-Shabaab", "group")]),
    ("Ali Larijani and Mohsen Rezaei praised him.", [("Ali Larijani", "Ali Larijani", "person"),
                                                    ("Mohsen Rezaei", "Mohsen Rezaei", "person")]),
    # no names: a sentence-initial capital, shouting, the pronoun "us", a hyphenated adjective
    ("According to us, THOUSANDS of Iranian-backed fighters left.", []),
    ("It told The New York Times so.", [("The New York Times", "New York Times", "group")]),
    # a headline in capitals: "OF" joins no name; a known demonym before a title is the state
    ("BUTCHER OF DAMASCUS: Assad flees", [("BUTCHER", "BUTCHER", "group"), ("DAMASCUS", "Syria", "state"),
                                          ("Assad", "Assad", "other")]),
    ("Yesterday Venezuelan President Nicolás Maduro spoke.", [("Venezuelan", "Venezuela", "state"),
                                                              ("President Nicolás Maduro", "Nicolás Maduro",
                                                               "person")]),
    # an unknown adjective-like word before a body noun is a body; a surname before one is not
    ("He said the Bolivarian militia would fight.", [("Bolivarian militia", "Bolivarian militia", "group")]),
    ("He said the Assad regime would fall.", [("Assad", "Assad", "other")]),
])
def test_mentions_of_a_sentence(text, expected):
    assert found(text) == expected


def test_a_users_lower_case_alias_is_found_in_any_case():
    user = [ActorSpec("Protesters", ("protesters", "demonstrators"), "crowd")]
    assert found("Demonstrators marched as police watched the protesters.", user) == [
        ("Demonstrators", "Protesters", "group"), ("protesters", "Protesters", "group")]


def test_a_headline_possessive_in_capitals_is_left_out_of_the_mention():
    mention = sentence_mentions("IRAN'S REGIME is cruel.", alias_book(()))[0]
    assert (mention.text, mention.key, mention.shape) == ("IRAN", "Iran", "state")


@pytest.mark.parametrize("text, expected", [
    ("Gunmen loyal to the Lanver cartel fought troops.", ("Lanver cartel", "Lanver cartel", "group")),
    ("The Lanver cartel's gunmen fired on the convoy.", ("Lanver cartel", "Lanver cartel", "group")),
    ("Members of the Norte gang were arrested.", ("Norte gang", "Norte gang", "group")),
])
def test_an_unknown_name_before_a_gang_noun_names_the_gang(text, expected):
    mention = sentence_mentions(text, alias_book(()))[-1]
    assert (mention.text, mention.key, mention.shape) == expected


def test_a_sentence_repeated_is_read_once_per_book_and_each_caller_gets_its_own_list(monkeypatch):
    from framing.scorers.actors import mentions
    from framing.scorers.actors.book import AliasBook

    book = AliasBook(())
    reads = []
    original = mentions._sentence_mentions
    monkeypatch.setattr(mentions, "_sentence_mentions", lambda text, book: reads.append(text) or original(text, book))
    text = "Gen. Soleimani met U.S. officials."
    first = sentence_mentions(text, book)
    first.append("changed by its caller")
    second = sentence_mentions(text, book)
    assert reads == [text] and [m.key for m in second] == ["Soleimani", "United States"]
    assert [m.key for m in sentence_mentions(text, AliasBook(()))] == ["Soleimani", "United States"]  # another book
    assert reads == [text, text]


def test_the_sentences_a_book_keeps_are_bounded(monkeypatch):
    from framing.scorers.actors import mentions
    from framing.scorers.actors.book import AliasBook

    monkeypatch.setattr(mentions, "MEMO_TEXTS", 3)
    book = AliasBook(())
    for k in range(7):
        sentence_mentions(f"Officials met in Paris on day {k}.", book)
    assert 1 <= len(book.sentences) <= 3
