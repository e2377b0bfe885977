"""Language: a warning for a document that is not English.

Every measure is English-only (VADER's lexicon, the loaded-term lexicon, attribution cues, Punkt's model). A
document in another language does not crash anything — it scores near zero everywhere, which looks like a
finding. Common English function words make up 37–41% of the seeds' words (no 80-word stretch below 25%) and
2–9% of French, German, Spanish, Italian, Portuguese and Dutch news paragraphs, so a share under 12% on a
document long enough to judge is a safe sign.
"""

from __future__ import annotations

import re
from itertools import islice
from pathlib import Path
from typing import NamedTuple

from ..errors import warn
from .paragraphs import WORD

ENGLISH_FUNCTION_WORDS = frozenset("""the of and to a an in is are was were be been being that this these those it
its for on with as at by from or but not no he she they we you i his her their our my your him them us me have
has had do does did will would can could should may might must shall there which who whom whose what when where
why how than then so if about into over after before between under against during through up out more most all
any some such only also very just other each both said says""".split())
ENGLISH_MIN_SHARE = 0.12
# Below this many words the share is too noisy to judge (a caption, a headline, a list of names).
LANGUAGE_MIN_WORDS = 50
# The first this-many words decide; enough for a stable share, cheap on a 50 MB file.
LANGUAGE_SAMPLE_WORDS = 20_000
# Scripts without spaces (Chinese, Japanese) give few "words"; a text whose letters are mostly not Latin is
# judged by its letters instead.
LANGUAGE_MIN_LETTERS = 200


class EnglishShare(NamedTuple):
    """What :func:`english_share` returns."""

    share: float  # of the words looked at, those that are common English function words
    n_words: int  # words looked at


class LatinShare(NamedTuple):
    share: float  # of the letters looked at, those in the Latin script
    n_letters: int  # letters looked at


def english_share(text: str) -> EnglishShare:
    """The share of words that are common English function words, over the first
    :data:`LANGUAGE_SAMPLE_WORDS` words."""
    if len(text) < LANGUAGE_SAMPLE_WORDS:
        words = WORD.findall(text)  # too short to hold more words than the sample: one C call, no islice
    else:
        words = [match.group() for match in islice(WORD.finditer(text), LANGUAGE_SAMPLE_WORDS)]
    if not words:
        return EnglishShare(0.0, 0)
    return EnglishShare(sum(map(ENGLISH_FUNCTION_WORDS.__contains__, map(str.lower, words))) / len(words),
                        len(words))


_LETTER = re.compile(r"[^\W\d_]")  # a letter of any script (regex, not a Python loop: this runs per document)
_LATIN_LETTER = re.compile(r"[A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f]")  # × and ÷ are not letters
# A letter that is not Latin (every character _LATIN_LETTER matches is a letter, so these are the rest).
_NON_LATIN_LETTER = re.compile(r"[^\W\d_A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f]")


def _latin_letter_share(text: str) -> LatinShare:
    sample = text[:LANGUAGE_SAMPLE_WORDS * 6]
    n_letters = len(_LETTER.findall(sample))
    if not n_letters:
        return LatinShare(1.0, 0)
    return LatinShare(len(_LATIN_LETTER.findall(sample)) / n_letters, n_letters)


def warn_unless_english(text: str, path: str | Path | None = None) -> bool:
    """Warn (naming the file) when a text does not look like English; return whether it warned."""
    if _may_be_non_latin(text):
        latin, n_letters = _latin_letter_share(text)
        if n_letters >= LANGUAGE_MIN_LETTERS and latin < 0.5:
            warn(path, "does not look like English (mostly non-Latin script); framing's measures are "
                       "English-only, so its scores mean little")
            return True
    # n words take at least 2n - 1 characters (words are separated), so a shorter text cannot be judged.
    if len(text) < 2 * LANGUAGE_MIN_WORDS - 1:
        return False
    share, n_words = english_share(text)
    if n_words >= LANGUAGE_MIN_WORDS and share < ENGLISH_MIN_SHARE:
        warn(path, f"does not look like English (only {share:.0%} of its words are common English words); "
                   "framing's measures are English-only, so its scores mean little")
        return True
    return False


def _may_be_non_latin(text: str) -> bool:
    """Whether the script test can fire at all, found without counting every letter.

    It fires when more than half of at least :data:`LANGUAGE_MIN_LETTERS` letters are not Latin, which takes more
    than ``LANGUAGE_MIN_LETTERS / 2`` non-Latin letters. An ASCII text has none; an English text has a few (a
    Greek letter, a name in Arabic script), and finding those few is much cheaper than listing all its letters.
    """
    sample = text[:LANGUAGE_SAMPLE_WORDS * 6]
    if sample.isascii():
        return False
    return 2 * len(_NON_LATIN_LETTER.findall(sample)) > LANGUAGE_MIN_LETTERS
