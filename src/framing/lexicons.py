"""The loaded-term lexicon: reading, validating and matching it.

The default lexicon is package data (``data/loaded_terms.tsv``; method and provenance in ``data/LEXICON.md``).
A user's file has the same columns and can replace or extend it. Matching is token-based: every word of an entry
also matches its regular inflections (martyr → martyrs, martyred; slaughter → slaughtered), ``<poss>`` matches a
possessive pronoun and ``*`` up to three arbitrary words ("blood * on <poss> hands" matches "the blood of
THOUSANDS on his hands"), at most :data:`MAX_WILDCARDS` of them per entry. An entry is cut into words as the text
is (:data:`TOKEN`), so "u.s.-backed" matches "U.S.-backed"; an entry with no word is refused.
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
from dataclasses import dataclass, field
from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import Literal, NamedTuple

import pandas as pd

from .arguments import optional_path
from .errors import input_error
from .memo import per_text

Category = Literal["pejorative_label", "honorific_label", "violent_dramatic", "hyperbole", "euphemism",
                   "delegitimising", "legitimising"]
CATEGORIES: tuple[str, ...] = ("pejorative_label", "honorific_label", "violent_dramatic", "hyperbole",
                               "euphemism", "delegitimising", "legitimising")
DIRECTIONS: tuple[str, ...] = ("pejorative", "honorific", "other")
LEXICON_COLUMNS = ["term", "category", "direction", "neutral", "note"]
DEFAULT_LEXICON = "loaded_terms.tsv"
EXCEPTIONS = "loaded_terms_exceptions.tsv"

POSSESSIVES = frozenset({"his", "her", "their", "its", "my", "your", "our"})
MAX_GAP = 3  # words a "*" may skip
# More gaps than this in one entry is a typo or a pattern that would match almost any stretch of text.
MAX_WILDCARDS = 4
TOKEN = re.compile(r"\w+")
PLACEHOLDERS = frozenset({"*", "<poss>"})


class LowerWord(NamedTuple):
    """A word of a text, lower-cased, with its offsets in the text (what entries are matched against)."""

    text: str  # lowercase
    start: int
    end: int


class Match(NamedTuple):
    """One lexicon hit inside a text: ``start/end`` are offsets into that text."""

    term: str  # the lexicon entry (lemma)
    start: int
    end: int


def tokens(text: str) -> list[LowerWord]:
    """Lowercased word tokens with offsets; hyphens and apostrophes split ("pro-regime" → pro, regime)."""
    return [LowerWord(m.group().lower(), m.start(), m.end()) for m in TOKEN.finditer(text)]


@cache
def inflections(word: str) -> frozenset[str]:
    """The regular inflections of a lexicon word (plural/3rd person, past, gerund), itself included."""
    forms = {word, word + "s", word + "es", word + "ed", word + "ing"}
    if word.endswith("e"):
        forms |= {word + "d", word[:-1] + "ing"}
    if len(word) > 2 and word.endswith("y") and word[-2] not in "aeiou":
        forms |= {word[:-1] + "ies", word[:-1] + "ied"}
    if len(word) > 2 and word[-1] not in "aeiouwxy" and word[-2] in "aeiou" and word[-3] not in "aeiou":
        forms |= {word + word[-1] + "ed", word + word[-1] + "ing"}  # slam → slammed
    return frozenset(forms)


@dataclass(frozen=True, eq=False)
class Lexicon:
    """A validated lexicon and its matcher.

    Attributes
    ----------
    entries
        DataFrame with ``term, category, direction, neutral, note`` (one row per entry, ``term`` unique).
    source
        Where the entries came from (file paths, ``"default"``).
    sha256
        Hash of the file contents the entries came from, for provenance (``run.json``).
    """

    entries: pd.DataFrame
    source: str = "default"
    sha256: str = ""
    exceptions: tuple[str, ...] = ()
    _patterns: dict = field(default_factory=dict, repr=False, compare=False)
    _by_term: dict = field(default_factory=dict, repr=False, compare=False)
    _exception_patterns: dict = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self):
        self._patterns.update(_index(self.entries["term"]))
        self._exception_patterns.update(_index(self.exceptions))
        self._by_term.update({row["term"]: row for row in self.entries.to_dict("records")})

    def find(self, text: str) -> list[Match]:
        """All non-overlapping hits in ``text``, leftmost first, longest entry preferred.

        Hits inside an exception phrase ("counter-terrorism", "sanctions regime") are dropped. An entry that
        contains a whole exception phrase ("counter-terrorist operation") is kept: listing the longer phrase is
        the deliberate choice.
        """
        return list(_find_once(self, text))

    def row(self, term: str) -> dict:
        """The entry for a lexicon term: ``term, category, direction, neutral, note``."""
        return self._by_term[term]


@per_text
def _find_once(lexicon: Lexicon, text: str) -> tuple[Match, ...]:
    """:meth:`Lexicon.find`, once per lexicon and distinct text (:mod:`framing.memo`): the same text matches
    differently in another lexicon."""
    toks = tokens(text)
    hits = _scan(toks, lexicon._patterns)
    if hits and lexicon._exception_patterns:
        blocked = _scan(toks, lexicon._exception_patterns)
        hits = [hit for hit in hits if not any(b.start <= hit.start and hit.end <= b.end for b in blocked)]
    return tuple(hits)


def _index(terms) -> dict[str, list[tuple[str, tuple[str, ...]]]]:
    """Entries keyed by every form of their first word, longest entries first."""
    index: dict[str, list[tuple[str, tuple[str, ...]]]] = {}
    for term in terms:
        words = tuple(word.lower() for word in _pattern_words(term))
        for form in _word_forms(words[0]):
            index.setdefault(form, []).append((term, words))
    for candidates in index.values():
        candidates.sort(key=lambda item: -len(item[1]))
    return index


def _scan(toks: list[LowerWord], patterns: dict) -> list[Match]:
    matches, position = [], 0
    while position < len(toks):
        best = None
        for term, words in patterns.get(toks[position].text, ()):
            last = _match_words(words, toks, position)
            if last is not None and (best is None or last > best[1]):
                best = (term, max(last, position))
        if best is None:
            position += 1
            continue
        matches.append(Match(best[0], toks[position].start, toks[best[1]].end))
        position = best[1] + 1
    return matches


def _pattern_words(term: str) -> list[str]:
    """An entry's words as the text's words are cut (:data:`TOKEN`: "u.s.-backed" → u, s, backed), placeholders
    (:data:`PLACEHOLDERS`) kept whole."""
    words = []
    for part in term.split():
        words += [part] if part in PLACEHOLDERS else TOKEN.findall(part)
    return words


def _word_forms(word: str) -> frozenset[str]:
    if word == "<poss>":
        return POSSESSIVES
    return inflections(word)


def _match_words(words: tuple[str, ...], toks: list[LowerWord], position: int) -> int | None:
    """Index of the last token matched by ``words[1:]`` after ``words[0]`` matched the token at ``position``,
    or None: the first way found with the shortest gap at each ``*`` in turn."""
    return _match_from(words, 1, toks, position + 1, set())


def _match_from(words: tuple[str, ...], index: int, toks: list[LowerWord], position: int,
                failed: set[tuple[int, int]]) -> int | None:
    # Every (word, token) state is tried once: remembering the failed ones keeps an entry with many "*" linear
    # in its length instead of exponential in its gaps.
    if index == len(words):
        return position - 1
    if (index, position) in failed:
        return None
    word = words[index]
    last = None
    if word == "*":
        for skip in range(MAX_GAP + 1):
            last = _match_from(words, index + 1, toks, position + skip, failed)
            if last is not None:
                break
    elif position < len(toks) and toks[position].text in _word_forms(word):
        last = _match_from(words, index + 1, toks, position + 1, failed)
    if last is None:
        failed.add((index, position))
    return last


# ---------------------------------------------------------------------------------------------------------
# Reading and validating files


def read_lexicon_text(text: str, *, path: str | Path) -> pd.DataFrame:
    """Parse and validate lexicon TSV text; errors name ``path`` and the line."""
    lines = [(number, line) for number, line in enumerate(text.splitlines(), start=1)
             if line.strip() and not line.lstrip().startswith("#")]
    if not lines:
        raise input_error(path, "lexicon has no header and no entries")
    header_line, header = lines[0]
    columns = [column.strip() for column in header.split("\t")]
    missing = [column for column in LEXICON_COLUMNS if column not in columns]
    if missing:
        raise input_error(path, f"lexicon is missing column(s) {', '.join(missing)} (tab-separated header "
                                f"{', '.join(LEXICON_COLUMNS)})", line=header_line)
    rows, seen = [], {}
    for number, line in lines[1:]:
        values = next(csv.reader(io.StringIO(line), delimiter="\t", quoting=csv.QUOTE_NONE))
        if len(values) != len(columns):
            raise input_error(path, f"expected {len(columns)} tab-separated fields, found {len(values)}",
                              line=number)
        row = {column: value.strip() for column, value in zip(columns, values)}
        _validate_row(row, path=path, line=number, seen=seen)
        rows.append({column: row[column] for column in LEXICON_COLUMNS})
    if not rows:
        raise input_error(path, "lexicon has no entries")
    return pd.DataFrame(rows, columns=LEXICON_COLUMNS)


def _validate_row(row: dict, *, path, line: int, seen: dict) -> None:
    row["term"] = " ".join(row["term"].lower().split())
    term = row["term"]
    if not term:
        raise input_error(path, "empty term", line=line)
    words = _pattern_words(term)
    if not any(word not in PLACEHOLDERS for word in words):
        raise input_error(path, f"term {term!r} has no word to match (letters or digits)", line=line)
    # "far-right" and "far right" match the same words, so they are the same entry.
    key = " ".join(words)
    if key in seen:
        raise input_error(path, f"duplicate term {term!r} (first on line {seen[key]})", line=line)
    seen[key] = line
    if words[0] in {"*", "<poss>"} or words[-1] == "*":
        raise input_error(path, f"term {term!r} may not start with '*' or '<poss>', nor end with '*'", line=line)
    if any(part.startswith("<") and part != "<poss>" for part in term.split()):
        raise input_error(path, f"term {term!r}: the only placeholder is <poss>", line=line)
    if words.count("*") > MAX_WILDCARDS:
        raise input_error(path, f"term {term!r} has {words.count('*')} '*' gaps; at most {MAX_WILDCARDS}",
                          line=line)
    if row["category"] not in CATEGORIES:
        raise input_error(path, f"unknown category {row['category']!r}; use one of: {', '.join(CATEGORIES)}",
                          line=line)
    if row["direction"] not in DIRECTIONS:
        raise input_error(path, f"unknown direction {row['direction']!r}; use one of: {', '.join(DIRECTIONS)}",
                          line=line)
    if not row["neutral"]:
        raise input_error(path, f"term {term!r} has no neutral alternative", line=line)


def load_lexicon(path: str | Path | None = None, *, extend: str | Path | None = None) -> Lexicon:
    """Load the default lexicon, or a user's file instead of it, optionally extended by another file.

    Parameters
    ----------
    path
        A TSV with columns ``term, category, direction, neutral, note`` (``#`` lines are comments). ``None``
        means the packaged default.
    extend
        A second TSV whose entries are added; an entry with the same term replaces the base entry.
    """
    optional_path(path, "load_lexicon's path")
    optional_path(extend, "load_lexicon's extend")
    base_text, base_source = _read(path)
    entries = read_lexicon_text(base_text, path=base_source)
    texts, sources = [base_text], [base_source]
    if extend is not None:
        extra_text, extra_source = _read(extend)
        extra = read_lexicon_text(extra_text, path=extra_source)
        entries = pd.concat([entries[~entries["term"].isin(extra["term"])], extra], ignore_index=True)
        texts.append(extra_text)
        sources.append(extra_source)
    exceptions = _read_exceptions()
    texts.append("\n".join(exceptions))
    digest = hashlib.sha256("\n".join(texts).encode("utf-8")).hexdigest()
    return _cached_lexicon(entries, " + ".join(sources), digest, exceptions)


@cache
def _read_exceptions() -> tuple[str, ...]:
    text = files("framing.data").joinpath(EXCEPTIONS).read_text(encoding="utf-8")
    rows = [line.split("\t")[0].strip().lower() for line in text.splitlines()
            if line.strip() and not line.startswith("#")]
    return tuple(rows[1:])  # skip the header


def _read(path: str | Path | None) -> tuple[str, str]:
    if path is None:
        return files("framing.data").joinpath(DEFAULT_LEXICON).read_text(encoding="utf-8"), "default"
    path = Path(path)
    if not path.is_file():
        raise input_error(path, "lexicon file not found")
    try:
        return path.read_text(encoding="utf-8-sig"), str(path)
    except UnicodeDecodeError:
        raise input_error(path, "lexicon is not UTF-8 text") from None


_LEXICON_CACHE: dict[str, Lexicon] = {}


def _cached_lexicon(entries: pd.DataFrame, source: str, digest: str, exceptions: tuple[str, ...]) -> Lexicon:
    # Building the matcher index is cheap but not free; re-loading the same content reuses it.
    if digest not in _LEXICON_CACHE:
        _LEXICON_CACHE[digest] = Lexicon(entries=entries, source=source, sha256=digest, exceptions=exceptions)
    return _LEXICON_CACHE[digest]
