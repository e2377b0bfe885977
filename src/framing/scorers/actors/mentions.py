"""Actor mentions in one sentence: names of the actors files (the user's first, then the shipped one), demonyms,
and proper-noun phrases.

Only the **runs of capitalised words** of a sentence are read word by word (one regular expression finds them;
most of a sentence is lower case), and what a run holds is cached per distinct run, since names recur across a
corpus. Inside a run:

* a **known** mention is a name or alias of an actors file ("Iranian", "U.S.", "IDF", "Islamic State of Iraq
  and the Levant"); a demonym or state right before a body noun ("Israeli forces", "Iranian regime") keeps the
  noun in its text and stands for the state. An unknown adjective-like word before one ("Bolivarian
  militia") makes a body of its own, a group. Lower-case aliases of a user's file ("protesters") are found
  anywhere in the sentence;
* a **name phrase** is a run of capitalised words ("Qassem Soleimani", "Quds Force"; "of" and particles may join
  them, "and" does not: "Larijani and Rezaei" are two people), after any titles ("Gen.", "General",
  "President", "Martyr"), which stay in the text as written but are left out of the mention's ``key``. A word
  that news text mostly writes in lower case starts no name at the start of a sentence, after a quotation mark
  or a colon ("The", "According", "Martyrdom"); a word in capitals that is an ordinary word ("THOUSANDS") is no
  name; a hyphenated adjective ("Iranian-backed") neither.

Three rules of news writing correct what the runs give: a nickname in quotation marks between a first and a
last name is part of the person's name ('Wilner "Tizo" Jean-Baptiste' is one person, keyed "Wilner
Jean-Baptiste"); an unknown name right after a preposition of place or a place noun's "of" ("outside Mekelle",
"the slums of Cité Soleil") is a place; a state's office named with it ("Iran's president", "the president of
Belarus") is the office-holder, a person of his own keyed by the state's demonym ("Iranian president",
:mod:`.office_names`).

Each mention has a **shape** the pronoun and referent rules (:mod:`.context`) test: ``person`` (a title, or two
to four capitalised words with no institution or place word), ``state`` and ``group`` (by the actors file's
group, or an institution word or acronym in the name), or ``other`` (a single unknown capitalised word, a place,
an event: never a pronoun's antecedent).
"""

from __future__ import annotations

import re
from typing import Literal, NamedTuple

from ...memo import MEMO_TEXTS
from ...phrases import PhraseWalker, Token, is_cap, is_proper, is_quote_mark, is_word, looks_common, tokenize
from ...phrases.words import (FIRST_PERSON, INSTITUTIONS, MID_LOWER, MONTHS_AND_DAYS, PRONOUNS, ROLES,
                              TITLE_ABBREVIATIONS, orthography)
from .actors_file import ActorSpec
from .book import AliasBook
from .office_names import office_key

Shape = Literal["person", "state", "group", "other"]
SHAPES: tuple[str, ...] = ("person", "state", "group", "other")
# Words that join two capitalised words inside one name ("Bank of England", "Abu Bakr al Baghdadi"); "and"
# does not: "Larijani and Rezaei" are two people (names with "and" come from the actors files).
JOINERS = frozenset({"of", "al", "bin", "ibn", "de", "la", "van", "von", "der", "&"})
# Capitalised titles before a name: kept in the text, left out of the key ("Gen. Soleimani" → "Soleimani").
TITLES = frozenset(ROLES | {"lieutenant", "major", "colonel", "captain", "sergeant", "admiral", "brigadier",
                            "supreme", "prime", "foreign", "defence", "defense", "interior", "vice", "deputy",
                            "former", "late", "mr", "mrs", "ms", "dr", "sir", "lord", "haj", "hajj", "sayyed",
                            "grand", "crown", "president-elect", "secretary-general", "martyr", "shahid", "attorney",
                            "representative", "justice", "officer", "agent", "detective", "inspector", "sheriff",
                            "professor", "rabbi", "reverend", "father", "bishop", "cardinal", "pastor", "dame"}
                   | {abbreviation.lower() + "." for abbreviation in TITLE_ABBREVIATIONS})
# Nouns for a state's bodies: "Israeli forces" is Israel acting.
BODY_HEADS = frozenset({"forces", "force", "troops", "army", "military", "government", "officials", "authorities",
                        "police", "navy", "regime", "administration", "soldiers", "leadership", "militia",
                        "militias"})
# Words that make a name a place, an event or a date, not an actor's: its shape is "other".
PLACE_WORDS = frozenset({"province", "county", "governorate", "square", "sea", "river", "camp", "street", "city",
                         "district", "region", "valley", "mountains", "airport", "bridge", "operation", "war", "day",
                         "revolution", "ceremony", "anniversary", "siege", "battle", "offensive", "university"})
# Words that make a name an organisation's (media included: "The New York Times").
GROUP_WORDS = INSTITUTIONS | {
    "times", "post", "news", "journal", "herald", "guardian", "telegraph", "tribune", "mail", "express", "mirror",
    "standard", "observer", "economist", "gazette", "chronicle", "magazine", "broadcasting", "tv", "brigade",
    "brigades", "militia", "militias", "front", "organisation", "division", "army", "guard", "guards", "corps",
    "force", "forces", "state", "party"}
_NAMED_SHAPES = {"state": "state", "country": "state", "person": "person"}


class Mention(NamedTuple):
    """One actor mention: sentence offsets ``start`` to ``end`` (:mod:`.targets` turns them into token indices)."""

    start: int
    end: int
    text: str  # as written, a possessive "'s" left out
    key: str  # what the alias merge reads: a known actor's name, or the text without titles
    shape: Shape
    opens: bool  # among the first words of its sentence: its subject, for the context rule
    common: bool = False  # found by a lower-case alias of the user's file ("protesters"), not by a name


_CAPITAL = "A-ZÀ-ÖØ-Þ"
_NAME_WORD = rf"(?:(?:al|el|ad|an|ar|as|at|ash|az|bin|ibn|abu|abd)-)?[{_CAPITAL}][\w'’.-]*"
# A run of capitalised words, joined by spaces and the joiners of names. It starts at a capital letter, with
# no look-behind or alternation there: those made it several times slower on a corpus; a particle before the
# first word ("al-Shabaab") is taken in afterwards (_PARTICLE_BEFORE).
RUN = re.compile(rf"[{_CAPITAL}][\w'’.-]*(?:[ \t]+(?:(?:of|al|bin|ibn|de|la|van|von|der|&)[ \t]+)?{_NAME_WORD})*")
_PARTICLE_BEFORE = re.compile(r"(?:^|(?<=[^\w'’-]))(?:al|el|ad|an|ar|as|at|ash|az|bin|ibn|abu|abd)-$")
# Offices held by one person of a state: "Iran's president" names that person, not the state.
OFFICES = ("president", "vice president", "vice-president", "prime minister", "premier", "chancellor", "king",
           "queen", "emir", "supreme leader", "leader", "foreign minister", "defence minister", "defense minister",
           "interior minister", "home minister", "justice minister", "finance minister", "army chief",
           "security chief")
# The offices' last words ("president", "minister", "king" …): an office-holder's key ends with one.
OFFICE_WORDS = frozenset(office.split()[-1] for office in OFFICES)
# A status that makes another holder of the office ("the former president" is not "the president").
OFFICE_STATUSES = ("former", "acting", "deputy", "interim", "ousted", "deposed", "outgoing", "new")
# After a state's possessive: up to two describing words, then the office with its status ("Brazil's leftist
# president", "Ecuador's self-styled reformist president", "Brazil's former president"). The describing words
# are tried fewest first, so a longer office wins ("Brazil's vice president" is the vice president).
_OFFICE_AFTER = re.compile(r"[ \t]+(?:[a-z][\w'’-]*[ \t]+){0,2}?(?P<office>(?:(?:%s)[ \t]+)?(?:%s))\b(?!['’]s)"
                           r"(?![ \t]+(?:of|and)\b)" % ("|".join(OFFICE_STATUSES), "|".join(OFFICES)))
_OFFICE_BEFORE = re.compile(r"\bthe[ \t]+(?P<office>(?:%s)[ \t]+of[ \t]+)$" % "|".join(OFFICES), re.IGNORECASE)
# Nouns that make an unknown name before them a criminal or armed group's name ("the Sinaloa cartel").
GANG_HEADS = frozenset({"cartel", "gang", "clan", "syndicate", "mafia"})
_GANG_AFTER = re.compile(r"[ \t]+(?:%s)(?:['’]s)?\b" % "|".join(sorted(GANG_HEADS)))
_BODY_AFTER = re.compile(r"[ \t]+(%s)\b" % "|".join(sorted(BODY_HEADS)))
_OPENING_MARKS = frozenset("\"':(—–")
# A sentence's first words (its subject, for the context rule): what precedes the fourth word.
_FIRST_WORDS = re.compile(r"\s*(?:\S+\s+){3}")
# Runs remembered per process and alias book before the cache is emptied (a bound on memory, not a tuning knob).
RUN_CACHE_SIZE = 200_000


def shape_of(spec: ActorSpec) -> Shape:
    """A known actor's shape: by its group ("state", "country", "person"; any other group is a group), or by its
    name when it has no group."""
    if spec.group:
        return _NAMED_SHAPES.get(spec.group.lower(), "group")
    return "person" if _person_like(spec.name.split()) else "group"


def _person_like(words: list[str]) -> bool:
    """Two to four capitalised words, none an institution word or an acronym: most likely a person's name."""
    return 2 <= len(words) <= 4 and all(_capitalised(word) or word.lower() in JOINERS - {"of", "&"}
                                        for word in words) \
        and not any(word.lower() in GROUP_WORDS | PLACE_WORDS or (word.isupper() and len(word) > 1) for word in words)


def _capitalised(word: str) -> bool:
    return is_cap(Token(word, word.lower(), 0, len(word), False))


def sentence_mentions(text: str, book: AliasBook) -> list[Mention]:
    """Every actor mention of a sentence, in order, without overlaps (sentence offsets). What it finds depends on the
    text and the book alone, so each distinct text is read once per book (wire copy repeats whole sentences; the
    book's ``sentences``, emptied when it holds :data:`~framing.memo.MEMO_TEXTS` of them)."""
    kept = book.sentences.get(text)
    if kept is None:
        if len(book.sentences) >= MEMO_TEXTS:
            book.sentences.clear()
        kept = book.sentences[text] = tuple(_sentence_mentions(text, book))
    return list(kept)


def _sentence_mentions(text: str, book: AliasBook) -> list[Mention]:
    found: list[Mention] = []
    first_words = _FIRST_WORDS.match(text)
    subject_end = first_words.end() if first_words else len(text)
    for run in RUN.finditer(text):
        run_start = run.start()
        if run_start and (text[run_start - 1].isalnum() or text[run_start - 1] == "-"):
            particle = _PARTICLE_BEFORE.search(text, max(0, run_start - 5), run_start)
            if particle is None:
                continue  # a capital inside a word ("iPhone") or after a hyphen ("anti-Iran" keeps "Iran")
            run_start = particle.start()
        opening = _opening(text, run_start)
        for start, end, written, key, shape, common in _run_mentions(text[run_start:run.end()], opening, book):
            start, end = start + run_start, end + run_start
            named_gang = _GANG_AFTER.match(text, end) if end == run.end() and key not in book.specs else None
            if named_gang is not None and not written.endswith(("'s", "’s")):  # "the Sinaloa cartel('s)"
                end, written = named_gang.end(), text[start:named_gang.end()]
                key, shape = _without_possessive(written), "group"
            elif end == run.end() and (key in book.specs or (shape == "other" and adjectival(key))):
                body = _BODY_AFTER.match(text, end)
                if body is not None and not written.endswith("'s"):  # "Israeli forces", "Bolivarian militia"
                    end, written = body.end(), text[start:body.end()]
                    if key not in book.specs:
                        key, shape = written, "group"
            if shape != "other" and (key not in book.specs or _seat(key, shape, written)) \
                    and placed(text, start, written):
                shape = "other"
            if shape == "state" and counted_people(text, start, written, key):
                shape = "other"
            office = _OFFICE_AFTER.match(text, end) if shape == "state" and written.endswith(("'s", "’s")) else None
            office_of = _OFFICE_BEFORE.search(text, max(0, start - 30), start) if shape == "state" else None
            if office is not None:  # "Azerbaijan's president": the office-holder, a person of his own
                end, written = office.end(), text[start:office.end()]
                key, shape = office_key(book.specs.get(key), office.group("office")), "person"
            elif office_of is not None:  # "the president of Belarus", likewise
                start, written = office_of.start(), text[office_of.start():end]  # "the" is the office's
                key, shape = office_key(book.specs.get(key), office_of.group("office")[:-3].strip()), "person"
            found.append(Mention(start, end, _without_possessive(written), key, shape, start < subject_end, common))
    if book.lower_aliases is not None:
        found = _with_lower_aliases(text, found, book, subject_end)
    return _with_nicknames(text, found, book)


# What stands between a first and a last name around a nickname: one or two capitalised words in quotation marks.
_NICKNAME_GAP = re.compile(r"[ \t]+[\"'“‘][A-Z][\w'’.-]*(?:[ \t][A-Z][\w'’.-]*)?[\"'”’][ \t]+")


def _with_nicknames(text: str, found: list[Mention], book: AliasBook) -> list[Mention]:
    """``found`` with each name written around a nickname in quotation marks made one person: English news
    writes a nickname between a person's first and last names (First "Nick" Last), so the whole is one person,
    keyed by the first and last names. Names of the actors files are left as they are."""
    out: list[Mention] = []
    i = 0
    while i < len(found):
        first = found[i]
        # The last name is the next mention, or the one after when the nickname was read as a name itself.
        j = next((j for j in (i + 1, i + 2) if j < len(found)
                  and _NICKNAME_GAP.fullmatch(text, first.end, found[j].start)), None)
        if j is not None and first.key not in book.specs and found[j].key not in book.specs:
            last = found[j]
            out.append(Mention(first.start, last.end, text[first.start:last.end], f"{first.key} {last.key}",
                               "person", first.opens))
            i = j + 1
            continue
        out.append(first)
        i += 1
    return out


_LOCATIVE_BEFORE = re.compile(
    r"\b(?:in|near|outside|across|throughout|into|(?:slums|streets|outskirts|city|town|village|capital|suburbs|"
    r"region|province|district|neighbou?rhoods?)[ \t]+of)[ \t]+(?:the[ \t]+)?$", re.IGNORECASE)


def placed(text: str, start: int, written: str) -> bool:
    """An unknown name right after a preposition of place or a place noun's "of", with or without "the" ("in
    Mekelle", "the slums of Cité Soleil", "across the Sahel") is a place, whatever its words look like: people
    and groups stand there only with a possessive ("in Assad's Syria")."""
    return not written.endswith(("'s", "’s", "s'", "s’")) and _LOCATIVE_BEFORE.search(text, max(0, start - 30),
                                                                                    start) is not None


# A count or a word for ordinary people before a plural noun: "hundreds of", "tens of thousands of", "young".
_PEOPLE_COUNTED_BEFORE = re.compile(
    r"\b(?:(?:dozens|scores|hundreds|thousands|millions|tens|many|most|some|few|all)[ \t]+of[ \t]+(?:the[ \t]+)?"
    r"|(?:\d[\d,.]*|two|three|four|five|six|seven|eight|nine|ten|many|few|ordinary|young|older|fellow|"
    r"poor|working|jobless|unemployed|angry|frustrated)[ \t]+)$", re.IGNORECASE)


def counted_people(text: str, start: int, written: str, key: str) -> bool:
    """A state's plural demonym counted or described as people ("hundreds of young Kenyans", "ordinary
    Iranians", "3,000 Syrians"): the country's people, who are not its government — never the state's mention,
    nor a pronoun's antecedent for it. "The Iranians" (the usual shorthand for a government in diplomacy) stays
    the state."""
    return written != key and written.endswith("s") and not written.endswith(("'s", "’s")) \
        and _PEOPLE_COUNTED_BEFORE.search(text, max(0, start - 40), start) is not None


def _seat(key: str, shape: Shape, written: str) -> bool:
    """A one-word alias of a state other than its name ("Colombo", "Nairobi"): the seat of its government,
    which news also writes as a place ("in Colombo"), where it names no actor."""
    return shape == "state" and " " not in written and written != key


def adjectival(key: str) -> bool:
    """One unknown word shaped like an adjective of a place or creed ("Bolivarian", "Houthi"): before a body
    noun it names a body ("Bolivarian militia"), where a surname ("the Assad regime") names its owner."""
    return " " not in key and key.endswith(("an", "ese", "ist", "ic", "i"))


def _opening(text: str, start: int) -> bool:
    """Whether offset ``start`` opens the sentence: nothing but spaces before it, or an opening mark."""
    j = start - 1
    while j >= 0 and text[j].isspace():
        j -= 1
    return j < 0 or text[j] in _OPENING_MARKS


def _with_lower_aliases(text: str, found: list[Mention], book: AliasBook, subject_end: int) -> list[Mention]:
    """``found`` and the lower-case aliases of the sentence that overlap none of them, in order."""
    for match in book.lower_aliases.finditer(text):
        if any(m.start < match.end() and match.start() < m.end for m in found):
            continue
        spec = book.lookup(match.group())
        if spec is not None:
            found.append(Mention(match.start(), match.end(), match.group(), spec.name, shape_of(spec),
                                 match.start() < subject_end, common=True))
    return sorted(found)


def _run_mentions(run: str, opening: bool, book: AliasBook) -> tuple:
    """The mentions inside one run of capitalised words, as ``(start, end, text, key, shape, common)`` (run
    offsets; ``common``: found by a lower-case alias of the user's file, as "Rioters" opening a headline);
    ``opening``: the run opens its sentence (or follows a quotation mark or colon)."""
    cached = book.runs.get((run, opening))
    if cached is not None:
        return cached
    walker = PhraseWalker(run, tokenize(run, []))
    out, i = [], 0
    while i < walker.n:
        known = book.match(walker.tokens, i) if is_word(walker.tokens[i]) else None
        if known is not None and _member_name(book, known[1], walker.text_of(i, known[0])):
            known = None  # a person the user lists under a body is a person of his own
        if known is not None:
            end, spec, common = known
            found = (i, end, spec.name, shape_of(spec))
        else:
            found, common = _name_mention(walker, i, opening and i == 0), False
        if found is None:
            i += 1
            continue
        start, end, key, shape = found
        out.append((walker.tokens[start].start, walker.tokens[end - 1].end, walker.text_of(start, end), key, shape,
                    common))
        i = end
    if len(book.runs) >= RUN_CACHE_SIZE:
        book.runs.clear()
    book.runs[(run, opening)] = result = tuple(out)
    return result


def _member_name(book: AliasBook, spec: ActorSpec, written: str) -> bool:
    """Whether ``written`` (an alias of the user's ``spec``) is a person's name the user lists among the aliases
    of a body (a state, party or group), or that name's last word: labels said of a named person ("the
    ringleader", "notorious") are about him, and news names him, not the body he belongs to. He stays an actor
    of his own, found as a name phrase; the body keeps its other names."""
    if spec.name not in book.user or shape_of(spec) == "person":
        return False
    members = book.members.get(spec.name)
    if members is None:
        people = [alias for alias in spec.aliases if _person_like(alias.split())]
        members = book.members[spec.name] = frozenset(
            {alias.casefold() for alias in people} | {alias.split()[-1].casefold() for alias in people})
    return _without_possessive(written).casefold() in members


def _name_mention(walker: PhraseWalker, i: int, opening: bool) -> tuple[int, int, str, Shape] | None:
    """The name phrase starting at token ``i`` of a run (titles first) as ``(start, end, key, shape)``, or
    ``None``; ``opening``: token ``i`` opens the sentence."""
    tokens, j = walker.tokens, i
    while j < walker.n and is_cap(tokens[j]) and tokens[j].lower in TITLES:
        j += 1
    first = j
    if first >= walker.n or not _starts_name(walker, first, titled=first > i, opening=opening):
        return None
    j = first + 1
    while j < walker.n and not walker.low(j - 1).endswith("'s"):
        if _initial(walker, j):
            j += 2  # "Christopher R. Hill"
        elif _name_word(tokens[j]):
            j += 1
        elif walker.low(j) in JOINERS and j + 1 < walker.n and _name_word(tokens[j + 1]) \
                and not tokens[j].text[:1].isupper():
            j += 2
        else:
            break
    if _plural_acronym(tokens[j - 1].text):
        # "Terrified MPs": a plural acronym is a class of people, and a capital before it at the opening is an
        # adjective's, not a name's
        j -= 1
        if j == first or (opening and first == i and j == first + 1):
            return None
    words = [token.text for token in tokens[first:j]]
    if all(word.lower() in TITLES | GROUP_WORDS for word in words):
        return None  # "General", "Force" on their own name nobody
    key = _without_possessive(walker.text_of(first, j))
    key = key[4:] if key.startswith("The ") else key
    lowered = {word.lower() for word in words}
    shape: Shape = "other" if lowered & PLACE_WORDS else "person" if first > i or _person_like(key.split()) \
        else "group" if _group_like(words) else "other"
    return i, j, key, shape


def _plural_acronym(text: str) -> bool:
    """An acronym with a plural "s" ("MPs", "NGOs"): a common noun for a class of people or bodies."""
    return len(text) > 2 and text.endswith("s") and text[:-1].isupper()


def _starts_name(walker: PhraseWalker, i: int, *, titled: bool, opening: bool) -> bool:
    token = walker.tokens[i]
    if not _name_word(token):
        return False
    if titled:
        return True
    word = token.lower.split("'")[0]  # "They're", "He's"
    if word in PRONOUNS or word in FIRST_PERSON:
        return False
    opening = opening or (i > 0 and (is_quote_mark(walker.tokens[i - 1]) or walker.tokens[i - 1].text in _OPENING_MARKS))
    if opening and (looks_common(token, 0) or orthography().get(token.lower, 0) & MID_LOWER):
        return False  # a capital that only starts the sentence: "According", "There", "Dear"
    return is_proper(token, 0 if opening else 1)


def _initial(walker: PhraseWalker, i: int) -> bool:
    """A middle initial: one capital letter, a full stop, then another name word."""
    text = walker.tokens[i].text
    return len(text) == 1 and text.isupper() and walker.low(i + 1) == "." and i + 2 < walker.n \
        and _name_word(walker.tokens[i + 2])


def _name_word(token: Token) -> bool:
    if not is_cap(token) or not is_word(token) or _without_possessive(token.text) in MONTHS_AND_DAYS:
        return False  # "Wednesday's riots" name no one
    if "-" in token.text and token.text.rsplit("-", 1)[1].islower() and len(token.text.rsplit("-", 1)[1]) > 2:
        return False  # "Iranian-backed", "IRGC-managed": an adjective; "Mujahedin-e" keeps its particle
    if token.text.isupper() and token.lower in JOINERS | {"and", "the", "in", "on", "at", "to", "for"}:
        return False  # "BUTCHER OF DAMASCUS": a headline in capitals, not one name
    if token.text.isupper() and len(token.text) > 4:
        return not orthography().get(token.lower, 0) & MID_LOWER  # "THOUSANDS" is shouting, not a name
    return True


def _group_like(words: list[str]) -> bool:
    return any(word.lower() in GROUP_WORDS for word in words) or any(word.isupper() and len(word) > 1
                                                                    for word in words)


def _without_possessive(text: str) -> str:
    """A mention as written, without a possessive ending ("Iran's" → "Iran", a headline's "IRAN'S" → "IRAN")."""
    ending = text[-2:].lower()
    return text[:-2] if ending in ("'s", "’s") else text[:-1] if ending in ("s'", "s’") else text
