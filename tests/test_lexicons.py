import pytest

from framing import FramingError
from framing.lexicons import CATEGORIES, inflections, load_lexicon, read_lexicon_text

HEADER = "term\tcategory\tdirection\tneutral\tnote\n"


def lexicon_file(tmp_path, body, name="lex.tsv"):
    path = tmp_path / name
    path.write_text(HEADER + body, encoding="utf-8")
    return path


def test_default_lexicon_is_large_categorised_and_complete():
    entries = load_lexicon().entries
    assert len(entries) >= 300
    assert set(entries["category"]) <= set(CATEGORIES)
    assert entries["term"].is_unique
    assert entries["neutral"].str.len().gt(0).all()
    neutral = entries.set_index("term")["neutral"]
    for term in ("regime", "slaughter", "mastermind", "martyr", "assassination", "terrorist"):
        assert term in neutral.index, term
    assert "government" in neutral["regime"]
    assert "kill" in neutral["slaughter"]


@pytest.mark.parametrize(
    ("word", "form"),
    [("martyr", "martyrs"), ("martyr", "martyred"), ("terrorist", "terrorists"), ("slaughter", "slaughtered"),
     ("assassinate", "assassinated"), ("assassinate", "assassinating"), ("bully", "bullied"), ("hero", "heroes"),
     ("slam", "slammed"), ("riot", "riots"), ("riot", "rioted"), ("riot", "rioting"), ("murder", "murdered"),
     ("maraud", "marauding"), ("swarm", "swarmed")],
)
def test_inflections(word, form):
    assert form in inflections(word)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Martyrs, martyrdom and the martyred.", ["martyr", "martyrdom", "martyr"]),
        ("Terrorist general with the blood of THOUSANDS on his hands", ["terrorist", "blood * on <poss> hands"]),
        ("the blood on their hands", ["blood * on <poss> hands"]),
        ("a noble warrior fell", ["noble warrior"]),
        ("pro-regime Iranians", ["regime"]),
        ("the regime's message", ["regime"]),
        ("He was killed in a strike.", []),
    ],
)
def test_matching_handles_inflections_phrases_gaps_and_hyphens(tmp_path, text, expected):
    path = lexicon_file(tmp_path, "terrorist\tpejorative_label\tpejorative\tmilitant\tn\n"
                                  "martyr\thonorific_label\thonorific\tperson killed\tn\n"
                                  "martyrdom\thonorific_label\thonorific\tdeath\tn\n"
                                  "blood * on <poss> hands\tviolent_dramatic\tpejorative\tresponsible for\tn\n"
                                  "noble warrior\thonorific_label\thonorific\tfighter\tn\n"
                                  "regime\tpejorative_label\tpejorative\tgovernment\tn\n")
    assert [m.term for m in load_lexicon(path).find(text)] == expected


def test_longest_entry_wins_and_offsets_point_at_the_words(tmp_path):
    path = lexicon_file(tmp_path, "war\tviolent_dramatic\tother\tconflict\tn\n"
                                  "war criminal\tpejorative_label\tpejorative\taccused of war crimes\tn\n")
    text = "He is a war criminal."
    [match] = load_lexicon(path).find(text)
    assert (match.term, text[match.start:match.end]) == ("war criminal", "war criminal")


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("regime\tpejorative_label\tpejorative\tgovernment\n", r"lex\.tsv:2: expected 5 tab-separated fields"),
        ("regime\tslur\tpejorative\tgovernment\tn\n", r"lex\.tsv:2: unknown category 'slur'"),
        ("regime\tpejorative_label\tbad\tgovernment\tn\n", r"lex\.tsv:2: unknown direction 'bad'"),
        ("regime\tpejorative_label\tpejorative\tgovernment\tn\n# comment\nRegime\tpejorative_label\tpejorative\tgov\tn\n",
         r"lex\.tsv:4: duplicate term 'regime' \(first on line 2\)"),
        ("regime\tpejorative_label\tpejorative\t\tn\n", r"lex\.tsv:2: term 'regime' has no neutral alternative"),
        ("* hands\tviolent_dramatic\tother\tx\tn\n", r"lex\.tsv:2: term '\* hands' may not start"),
        ("regime\tpejorative_label\tpejorative\tgovernment\tn\n-\thyperbole\tother\tx\tn\n",
         r"lex\.tsv:3: term '-' has no word to match"),
        ("'\thyperbole\tother\tx\tn\n", r"lex\.tsv:2: term \"'\" has no word to match"),
        ("general * * * * * zzz\thyperbole\tother\tx\tn\n", r"lex\.tsv:2: term 'general \* .*' has 5 '\*' gaps; "
                                                             r"at most 4"),
    ],
)
def test_malformed_lexicon_is_refused_with_the_line(tmp_path, body, message):
    with pytest.raises(FramingError, match=message):
        load_lexicon(lexicon_file(tmp_path, body))


def test_missing_column_is_refused(tmp_path):
    path = tmp_path / "lex.tsv"
    path.write_text("term\tcategory\tneutral\nregime\tpejorative_label\tgovernment\n")
    with pytest.raises(FramingError, match=r"lex\.tsv:1: lexicon is missing column\(s\) direction, note"):
        load_lexicon(path)


def test_missing_file_is_refused(tmp_path):
    with pytest.raises(FramingError, match="lexicon file not found"):
        load_lexicon(tmp_path / "none.tsv")


def test_extend_adds_entries_and_overrides_same_terms(tmp_path):
    path = lexicon_file(tmp_path, "regime\tpejorative_label\tpejorative\tadministration\tmine\n"
                                  "glorious leader\thonorific_label\thonorific\tleader\tmine\n")
    lexicon = load_lexicon(extend=path)
    entries = lexicon.entries.set_index("term")
    assert entries.loc["regime", "neutral"] == "administration"
    assert "glorious leader" in entries.index
    assert len(entries) == len(load_lexicon().entries) + 1 - ("glorious leader" in load_lexicon().entries["term"].values)


def test_read_lexicon_text_skips_comments_and_blank_lines():
    table = read_lexicon_text("# provenance\n\n" + HEADER + "hero\thonorific_label\thonorific\tperson\tn\n",
                              path="x.tsv")
    assert table["term"].tolist() == ["hero"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a counter-terrorism operation", []),
        ("the anti-terrorism law", []),
        ("under the UN sanctions regime", []),
        ("the regime of Bashar al-Assad", ["regime"]),
        ("terrorism and counter-terrorism", ["terrorism"]),
    ],
)
def test_exception_phrases_block_technical_uses(text, expected):
    assert [m.term for m in load_lexicon().find(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Unrest and protest: the event noun and its inflections, labels for the crowd, verdicts on disorder.
        ("Riots broke out after the verdict.", ["riot"]),
        ("Youths rioted for a second night.", ["riot"]),
        ("The city saw rioting and arson.", ["riot"]),
        ("Looters emptied the shops on the high street.", ["looter"]),
        ("The capital descended into anarchy.", ["anarchy"]),
        ("Critics decried the lawlessness of the encampment.", ["lawlessness"]),
        ("Marauding gangs roamed the suburbs.", ["maraud"]),
        ("Fans ran amok in the square.", ["amok"]),
        ("The council condemned the thuggery outside the stadium.", ["thuggery"]),
        ("Officials blamed paid protesters and a foreign-backed plot.", ["paid protester", "foreign-backed"]),
        ("Dozens of counter-revolutionaries were detained.", ["counter-revolutionary"]),
        # Crime: murder as the writer's name for a killing.
        ("Soldiers murdered two farmers at the checkpoint.", ["murder"]),
        ("The murder of the shopkeeper shocked the town.", ["murder"]),
        ("Gangbangers and a crime wave, the mayor's rival warned.", ["gangbanger", "crime wave"]),
        ("The so-called pay-to-slay payments continued.", ["so-called", "pay to slay"]),
        # War: labels for the enemy, and euphemisms for one's own side's war.
        ("The Kyiv junta ordered new strikes.", ["kyiv junta"]),
        ("State television blamed Ukronazis and neo-Nazis.", ["ukronazi", "neo-nazi"]),
        ("The aim was to denazify the country.", ["denazify"]),
        ("Occupation soldiers raided the camp overnight.", ["occupation soldier"]),
        ("Occupation troops withdrew from the village.", ["occupation troop"]),
        ("Meat waves hit the trenches near the town.", ["meat wave"]),
        ("The special military operation entered its third year.", ["special military operation"]),
        ("Moscow called it a counter-terrorist operation.", ["counter-terrorist operation"]),
        ("Kyiv launched an anti-terrorist operation in the east.", ["anti-terrorist operation"]),
        # Migration: labels for people and metaphors for their arrival.
        ("Ministers vowed to stop illegal migrants crossing the Channel.", ["illegal migrant"]),
        ("A flood of desperate refugees reached the border.", ["flood of * refugee"]),
        ("Migrants swarmed the fence at dawn.", ["swarm"]),
        ("He attacked chain migration and catch-and-release.", ["chain migration", "catch and release"]),
        ("Criminal aliens were deported, the agency said.", ["criminal alien"]),
        ("Queue-jumpers and asylum shopping, the minister said.", ["queue jumper", "asylum shopping"]),
        # Irregular forms the matcher cannot derive from the base entry.
        ("The dictator's henchmen beat the strongmen's rivals.", ["dictator", "henchmen", "strongmen"]),
        ("The senator tore into the nominee.", ["tore into"]),
        ("They were branded fifth columnists.", ["fifth columnist"]),
    ],
)
def test_unrest_crime_war_and_migration_vocabulary_is_found(text, expected):
    assert [m.term for m in load_lexicon().find(text)] == expected


@pytest.mark.parametrize(
    "text",
    [
        # Unit and equipment names around riots, and the idiom for scolding.
        "Riot police fired tear gas.",
        "Officers in riot gear lined the avenue.",
        "A line of riot shields blocked the bridge.",
        "Anti-riot units were deployed.",
        "The coach read the riot act to his players.",
        # Murder as a charge, a plea, a verdict, a police procedure or a statistic names the legal fact.
        "He was charged with murder on Tuesday.",
        "Prosecutors charged the officer with second-degree murder.",
        "She was convicted of murder in 2019.",
        "He pleaded not guilty to murder.",
        "Two men were arrested on suspicion of murder.",
        "The murder trial opens next week.",
        "Police opened a murder investigation.",
        "The murder rate fell by a tenth.",
        "He faces a charge of attempted murder.",
        "The jury found him guilty of first-degree murder.",
        "He was tried for murder in 1977 and acquitted.",
        "He is on death row, awaiting execution for another murder.",
        # Fake meaning counterfeit, and overwhelm as a verb.
        "He crossed the border on a fake passport.",
        "Police seized fake banknotes and fake IDs.",
        "The network ran hundreds of fake accounts.",
        "Prisoners rushed the gate, overwhelming the guards.",
        "The storm surge risked overwhelming its defences.",
        # Names of groups, days and movements, not the writer's claim of liberation.
        "The Palestine Liberation Organization signed the accords.",
        "The People's Liberation Army held drills.",
        "She wrote a history of women's liberation.",
        # Swarms of machines and insects, flash mobs, the Mob, the Insurrection Act.
        "The army tested a drone swarm.",
        "A swarm of locusts destroyed the crops.",
        "A flash mob danced in the station.",
        "The mob boss was sentenced to life.",
        "Trump threatened to invoke the Insurrection Act.",
        # Neutral descriptions of the same events.
        "Thousands of peaceful protesters marched to the square.",
        "The invasion began at dawn; the occupation lasted a decade.",
        "The junta in Myanmar extended the state of emergency.",
        "Police said the suspect killed three people.",
        "Migrants and refugees crossed the border.",
        "A counter-terrorism unit raided the flat.",
    ],
)
def test_neutral_senses_are_not_loaded(text):
    assert [m.term for m in load_lexicon().find(text)] == []


def test_overwhelming_as_an_intensifier_is_still_found():
    # "overwhelming majority" stays a hit: MBIC annotators mark it (emphasis on consensus), unlike the verb.
    assert [m.term for m in load_lexicon().find("The overwhelming majority backed the plan.")] == ["overwhelming"]


def test_an_exception_blocks_the_hits_inside_it_not_a_longer_entry_around_it(tmp_path):
    path = lexicon_file(tmp_path, "terrorist\tpejorative_label\tpejorative\tmilitant\tn\n"
                                  "counter-terrorist operation\teuphemism\tother\tmilitary operation\tn\n")
    lexicon = load_lexicon(path)  # the packaged exceptions hold "counter terrorist"
    assert [m.term for m in lexicon.find("a counter-terrorist unit")] == []
    assert [m.term for m in lexicon.find("a counter-terrorist operation")] == ["counter-terrorist operation"]


def test_many_wildcards_are_matched_without_a_blow_up():
    # Reported: "general * * * * * * * * * * zzz" took 51 s per text (every way of filling the gaps was tried);
    # lexicons past the cap can still be built in code, and the matcher must stay fast for them too.
    import time

    import pandas as pd

    from framing.lexicons import Lexicon

    term = "general " + "* " * 12 + "zzz"
    entries = pd.DataFrame([{"term": term, "category": "hyperbole", "direction": "other", "neutral": "x",
                             "note": ""}])
    started = time.perf_counter()
    hits = Lexicon(entries=entries).find("general " * 200 + "no match here")
    assert hits == [] and time.perf_counter() - started < 2


def test_wildcards_take_the_shortest_gap_first(tmp_path):
    path = lexicon_file(tmp_path, "blood * on * hands\tviolent_dramatic\tpejorative\tresponsible\tn\n")
    text = "blood of many on their own hands on hands"
    [match] = load_lexicon(path).find(text)
    assert text[match.start:match.end] == "blood of many on their own hands"


@pytest.mark.parametrize(("term", "text"), [("u.s.-backed militia", "a U.S.-backed militia"),
                                            ("9/11 truther", "a 9/11 truther said")])
def test_terms_are_cut_into_words_as_the_text_is(tmp_path, term, text):
    # Reported: these passed `lexicon --check` but could never match ("u.s." is no word of the text).
    path = lexicon_file(tmp_path, f"{term}\tpejorative_label\tpejorative\tx\tn\n")
    assert [match.term for match in load_lexicon(path).find(text)] == [term]
