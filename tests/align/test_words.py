from concurrent.futures import ThreadPoolExecutor

from framing.align.words import FeatureAnalyzer, Names, _stem, proper_names, split_words


def test_stems_fold_british_spellings_and_inflections():
    assert _stem("organisations") == _stem("organizations") == _stem("organization") == "organiz"
    assert _stem("centre") == _stem("center")
    assert _stem("killed") == _stem("killing") == _stem("kills") == "kill"


def test_stems_keep_apart_words_an_older_snowball_merged():
    # NLTK's Snowball stemmer (used until 2026-12) gave these pairs one stem, so "international" aligned with
    # "intern", "organization" with "organ" and "emergency" with "emerge".
    for word, other in (("international", "intern"), ("organization", "organ"), ("emergency", "emerge"),
                        ("evening", "even"), ("added", "ad")):
        assert _stem(word) != _stem(other), (word, other)


def test_features_are_names_years_and_stems_without_stop_or_reporting_words():
    texts = ["General Soleimani was killed in Baghdad in 2020, officials said.",
             "The strike on Soleimani near Baghdad airport killed ten people."]
    analyzer = FeatureAnalyzer(proper_names(texts))
    # A sentence's first word is capitalised whatever it is: never taken for a name ("General" is stemmed).
    assert analyzer(texts[0]) == ["general", "N:soleimani", "kill", "N:baghdad", "Y:2020", "offici"]
    assert analyzer(texts[1]) == ["strike", "N:soleimani", "near", "N:baghdad", "airport", "kill", "peopl"]


def test_a_given_name_before_a_name_gives_no_feature_of_its_own():
    texts = ["Qasem Soleimani spoke.", "Later Qasem Soleimani left.", "Crowds mourned Soleimani."]
    names = proper_names(texts)
    assert names.given == frozenset({"qasem"})
    assert FeatureAnalyzer(names)(texts[1]) == ["later", "N:soleimani", "left"]


def test_split_words_drops_possessives_and_marks_words_joined_by_spaces():
    words = split_words("Iran's leader–Iraq talks")
    assert words.texts == ("Iran", "leader", "Iraq", "talks")
    assert [words.is_joined(k) for k in range(3)] == [True, False, True]


def test_stems_are_the_same_from_several_threads():
    words = [f"{stem}{suffix}" for stem in ("negotiat", "organis", "bomb", "protest", "govern")
             for suffix in ("ed", "ing", "ion", "ions", "s")] * 40
    expected = [_stem(word) for word in words]
    _stem.cache_clear()  # each thread stems for itself, not from the cache
    with ThreadPoolExecutor(4) as pool:
        results = list(pool.map(lambda chunk: [_stem(word) for word in chunk],
                                [words[k::4] for k in range(4)]))
    assert [stem for k in range(4) for stem in results[k]] == [s for k in range(4) for s in expected[k::4]]


def test_names_of_nothing_are_empty():
    assert proper_names([]) == Names(frozenset(), frozenset())
