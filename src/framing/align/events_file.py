"""Events files: named events given by cue terms and years (TOML), and which sentences each one seeds."""

from __future__ import annotations

import re
import tomllib
from importlib.resources import files
from pathlib import Path
from typing import NamedTuple

import numpy as np
import pandas as pd

from ..errors import input_error
from ..lexicons import TOKEN

SEED_EVENTS = "events_seeds.toml"


class EventSpec(NamedTuple):
    """One event of an events file: its name, cue terms (lower case) and years."""

    name: str
    terms: tuple[str, ...]
    years: tuple[int, ...]


EVENT_KEYS = {"name", "terms", "years"}


def read_events_file(path: str | Path | None = None) -> list[EventSpec]:
    """Read and check an events file (TOML); ``None`` reads the one shipped for the seed corpus.

    Format::

        [[event]]
        name = "1999 letter to Khatami"          # required, unique
        terms = ["Khatami", "student", "letter"]  # required: words or phrases, any case
        years = [1999]                            # optional

    Raises :class:`~framing.errors.FramingError` naming the file and line for invalid TOML, a missing or empty
    ``name``/``terms``, wrong types, duplicate names and unknown keys.
    """
    where, text = _events_text(path)
    data = _parse_toml(where, text)
    lines = text.splitlines()
    unknown = sorted(set(data) - {"event"})
    if unknown:
        raise input_error(where, f"unknown key {unknown[0]!r}; an events file holds only [[event]] tables",
                          line=_key_line(lines, unknown[0], 0, len(lines)))
    tables = data.get("event")
    if not isinstance(tables, list) or not tables:
        raise input_error(where, "expected one or more [[event]] tables")
    headers = [k for k, line in enumerate(lines) if re.match(r"\s*\[\[\s*event\s*\]\]", line)] + [len(lines)]
    specs, seen = [], {}
    for index, table in enumerate(tables):
        start, end = (headers[index], headers[index + 1]) if index + 1 < len(headers) else (0, len(lines))
        specs.append(_event_spec(table, index, seen, _Lines(where, lines, start, end)))
        seen[table["name"]] = index + 1
    return specs


class _EventsText(NamedTuple):
    where: str | Path  # how error messages name the file
    text: str


def _events_text(path: str | Path | None) -> _EventsText:
    if path is None:
        return _EventsText(f"framing/data/{SEED_EVENTS}",
                           files("framing.data").joinpath(SEED_EVENTS).read_text(encoding="utf-8"))
    where = Path(path)
    if not where.exists():
        raise input_error(where, "events file not found")
    return _EventsText(where, where.read_text(encoding="utf-8"))


def _parse_toml(where: str | Path, text: str) -> dict:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        line = re.search(r"line (\d+)", str(error))
        raise input_error(where, f"not valid TOML ({error})", line=int(line.group(1)) if line else None) from None


class _Lines(NamedTuple):
    """Where one ``[[event]]`` table is: the file, its lines and the table's lines ``start … end-1``."""

    where: str | Path
    lines: list[str]
    start: int
    end: int

    def of_key(self, key: str) -> int:
        """The line number of ``key`` in the table, or of the table's header when not found."""
        return _key_line(self.lines, key, self.start, self.end) or self.start + 1


def _event_spec(table: dict, index: int, seen: dict[str, int], at: _Lines) -> EventSpec:
    """Check one ``[[event]]`` table (``index`` from 0; ``seen``: the names of the tables before it)."""
    where, line = at.where, at.start + 1
    extra = sorted(set(table) - EVENT_KEYS)
    if extra:
        raise input_error(where, f"event {index + 1} has unknown key {extra[0]!r}; allowed: name, terms, years",
                          line=at.of_key(extra[0]))
    name = table.get("name")
    if not isinstance(name, str) or not name.strip():
        raise input_error(where, f"event {index + 1} needs a name (a non-empty string)", line=line)
    if name in seen:
        raise input_error(where, f"duplicate event name {name!r} (first in event {seen[name]})", line=line)
    terms = table.get("terms")
    if not isinstance(terms, list) or not terms or not all(isinstance(t, str) and t.strip() for t in terms):
        raise input_error(where, f"event {name!r} needs terms = [...], a list of non-empty strings",
                          line=at.of_key("terms"))
    wordless = [term for term in terms if not TOKEN.search(term)]
    if wordless:  # a cue of no word ("-") would match between any two words: every sentence would join
        raise input_error(where, f"event {name!r}: term {wordless[0]!r} has no word to match (letters or digits)",
                          line=at.of_key("terms"))
    years = table.get("years", [])
    if not isinstance(years, list) or not all(isinstance(y, int) and 1000 <= y <= 2999 for y in years):
        raise input_error(where, f"event {name!r}: years must be a list of four-digit numbers, e.g. [1999]",
                          line=at.of_key("years"))
    return EventSpec(name.strip(), tuple(t.strip().lower() for t in terms), tuple(years))


def _key_line(lines: list[str], key: str, start: int, end: int) -> int | None:
    for number in range(start, end):
        if re.match(rf"\s*{re.escape(key)}\s*=", lines[number]) or re.match(rf"\s*\[+\s*{re.escape(key)}\b",
                                                                             lines[number]):
            return number + 1
    return None


def cue_pattern(term: str) -> re.Pattern:
    # A cue matches whole words, any case, with regular endings ("sanction" finds "sanctions", "sanctioned").
    words = [re.escape(word) for word in re.split(r"[\s\-–]+", term) if word]
    return re.compile(r"\b" + r"[\s\-–]+".join(words) + r"(?:s|es|ed|d|ing|'s)?\b", re.IGNORECASE)


def match_events(sentences: pd.DataFrame, specs: list[EventSpec], *, min_terms: int = 2) -> pd.Series:
    """Index of the event (position in ``specs``) each sentence is seeded into, or -1.

    A sentence matches an event when it contains at least ``min_terms`` of its cue terms, or one of its years and
    one cue term. A sentence matching several events goes to the one with most cues (terms plus years), the
    first in the file on a tie.
    """
    texts = sentences["text"].astype(str)
    best = np.full(len(sentences), -1)
    best_hits = np.zeros(len(sentences))
    for index, spec in enumerate(specs):
        terms = sum(texts.str.contains(cue_pattern(term)).to_numpy().astype(int) for term in spec.terms)
        years = sum(texts.str.contains(rf"\b{year}\b").to_numpy().astype(int) for year in spec.years) \
            if spec.years else np.zeros(len(sentences), dtype=int)
        match = (terms >= min_terms) | ((years > 0) & (terms > 0))
        hits = np.where(match, terms + years, 0)
        better = hits > best_hits
        best[better] = index
        best_hits[better] = hits[better]
    return pd.Series(best, index=sentences.index)
