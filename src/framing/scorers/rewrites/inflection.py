"""Giving a swap the inflection, case and article the loaded word had.

Word forms come from ``lemminflect``, whose packaged tables give irregular verbs and plurals (gunned down → shot
dead, child → children) and tell whether a word is known as a verb at all. "a" / "an" is a compact rule set
(:func:`article_for`): the ``inflect`` library does it too but takes 2.5 s to load in every worker process, a
seventh of a 1,000-article run, for a choice among the few words the lexicon swaps in. The lexicon's matcher only
adds regular endings (:func:`framing.lexicons.inflections`), so reading which ending a hit has is a short rule set
here.
"""

from __future__ import annotations

from functools import cache
from typing import Literal

Form = Literal["base", "plural", "past", "gerund"]

# A past form after one of these is a participle ("were slaughtered" → "were killed", "had taken"), else a
# simple past ("troops slaughtered" → "troops killed", "took").
AUXILIARIES = frozenset({"is", "was", "are", "were", "be", "been", "being", "am", "has", "have", "had", "having",
                         "get", "gets", "got", "gotten", "getting"})
# In a swap of several words, the noun a plural falls on stands before the first of these ("person killed" →
# "people killed", "member of" → "members of"), else it is the last word ("mass killing" → "mass killings").
POSTMODIFIERS = frozenset({"of", "who", "in", "to", "for", "with", "from", "on", "at", "by", "that", "pending"})


def form_of(written: str, base: str) -> Form:
    """Which regular ending the hit word ``written`` adds to the lexicon word ``base`` (both any case)."""
    written, base = written.lower(), base.lower()
    if written == base:
        return "base"
    if written.endswith("ing") and not base.endswith("ing"):
        return "gerund"
    if written.endswith("ed") or (base.endswith("e") and written == base + "d"):
        return "past"
    if written.endswith("s"):
        return "plural"
    return "base"


def inflected(words: tuple[str, ...], form: Form, *, participle: bool = False) -> tuple[str, ...] | None:
    """``words`` (a swap in base form) given ``form``; ``None`` when the form cannot be made cleanly (a verb
    form of a word that is not a verb: "commander" for "butchered").

    Verb forms fall on the first word ("shoot dead" → "shot dead"), ``participle`` choosing the past participle
    over the simple past; a plural on the head noun (see :data:`POSTMODIFIERS`), or on the first word as a verb's
    third person when the head is known only as a verb ("criticise" → "criticises").
    """
    if form == "base" or not words:
        return words
    if form in ("past", "gerund"):
        tag = "VBG" if form == "gerund" else ("VBN" if participle else "VBD")
        verb = _verb_form(words[0], tag)
        return None if verb is None else (verb, *words[1:])
    if _only_a_verb(words[0]):
        return (_verb_form(words[0], "VBZ"), *words[1:])
    head = _head(words)
    return (*words[:head], _plural(words[head]), *words[head + 1:])


def _head(words: tuple[str, ...]) -> int:
    for index, word in enumerate(words[1:], start=1):
        if word.lower() in POSTMODIFIERS or (word.endswith("ed") and word.islower()):
            return index - 1
    return len(words) - 1


@cache
def _verb_form(word: str, tag: str) -> str | None:
    from lemminflect import getAllInflections, getInflection

    if not getAllInflections(word.lower(), upos="VERB"):
        return None
    return getInflection(word.lower(), tag=tag)[0]


@cache
def _only_a_verb(word: str) -> bool:
    from lemminflect import getAllInflections

    lower = word.lower()
    return bool(getAllInflections(lower, upos="VERB")) and not getAllInflections(lower, upos="NOUN")


@cache
def _plural(word: str) -> str:
    from lemminflect import getInflection

    # A hyphenated word takes the plural on its last part ("non-citizens").
    head, dash, last = word.rpartition("-")
    forms = getInflection(last, tag="NNS")
    return f"{head}{dash}{forms[0]}" if forms else word


def cased(text: str, written: str, *, first_in_sentence: bool) -> str:
    """``text`` in the case of ``written``: ALL CAPS stays all caps (a headline word), a capital at the start of
    the sentence stays a capital; elsewhere the swap keeps the lexicon's case ("Israel", "United States")."""
    letters = [c for c in written if c.isalpha()]
    if len(letters) > 1 and all(c.isupper() for c in letters):
        return text.upper()
    if first_in_sentence and written[:1].isupper():
        return text[:1].upper() + text[1:]
    return text


# "an" goes by sound: a vowel letter that sounds like a consonant ("a unit", "a one-party state", "a European"),
# a silent h ("an hour"), and an abbreviation said letter by letter whose first letter's name starts with a vowel
# ("an MP", "an FBI agent", "a US-born child").
CONSONANT_VOWELS = ("uni", "use", "usu", "uti", "ura", "eu", "one", "once", "ubi")
SILENT_H = ("hour", "honest", "honour", "honor", "heir")
VOWEL_LETTER_NAMES = frozenset("AEFHILMNORSX")


def article_for(word: str, written_article: str) -> str:
    """"a" or "an" before ``word``, in the case the text's article was written in ("A", "AN", "a")."""
    article = "an" if _starts_with_vowel_sound(word) else "a"
    if written_article.isupper() and len(written_article) > 1:
        return article.upper()
    if written_article.isupper() or written_article[:1].isupper():
        return article.capitalize()
    return article


def _starts_with_vowel_sound(word: str) -> bool:
    letters = word.split("-")[0].split("'")[0]
    if len(letters) > 1 and letters.isupper():
        return letters[0] in VOWEL_LETTER_NAMES
    lower = word.lower()
    if lower.startswith(SILENT_H):
        return True
    return lower[:1] in "aeiou" and not lower.startswith(CONSONANT_VOWELS)
