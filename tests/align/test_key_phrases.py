"""Readable event labels (issue 20): a short phrase of the event's most central sentence, keywords beside it."""

import pytest

from framing.align import Aligner, events
from framing.align.key_phrases import MAX_WORDS, key_phrase


@pytest.mark.parametrize(("sentence", "keywords", "expected"), [
    ("When not at work, he spent his time lifting weights in local gyms and attending the sermons of a "
     "traveling preacher by the name of Hojjat Kamyab – a protege of Ayatollah Khomeini.",
     ["Kamyab", "attending", "gyms"], "… time lifting weights in local gyms and attending…"),
    # A date alone names no event: the clause with the actors wins over "On 12 July 2006".
    ("On 12 July 2006, Hezbollah launched a cross-border raid into Israel.", ["Israel", "Bazzi", "2006"],
     "Hezbollah launched a cross-border raid into Israel"),
    # Citation markers and quotation marks go; a link word does not start the label.
    ('and officials called him "the shadow commander"[12] of the war.', ["shadow", "commander"],
     "Officials called him the shadow commander…"),
    ("", ["x"], ""),
])
def test_key_phrase(sentence, keywords, expected):
    assert key_phrase(sentence, keywords) == expected


def test_key_phrase_is_short():
    long = "The minister said " + " ".join(f"word{i}" for i in range(40)) + " sanctions were imposed."
    phrase = key_phrase(long, ["sanctions", "imposed"])
    assert len(phrase.replace("…", " ").split()) <= MAX_WORDS and "sanctions" in phrase


def test_seed_events_get_readable_labels_and_keep_their_keywords(seed_sentences):
    found = events(seed_sentences, Aligner()(seed_sentences))
    labels = found.labels.set_index("keywords")["label"]
    # The event of Soleimani's gym and sermon years: a phrase of one of its two sentences, naming its keywords.
    kamyab = labels["Kamyab · attending · gyms"]
    assert kamyab in {"Attending the sermons of Hojjat Kamyab", "… time lifting weights in local gyms and attending…"}
    for label in found.labels["label"]:
        assert " · " not in label and len(label.replace("…", " ").split()) <= MAX_WORDS, label
