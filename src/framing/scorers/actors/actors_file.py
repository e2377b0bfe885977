"""Actors files: who is who, given by the user (``--actors actors.toml``) or shipped (``data/actors_known.toml``).

Format::

    [[actor]]
    name = "Qasem Soleimani"                          # required, unique: the canonical name
    aliases = ["Soleimani", "Haj Qasem", "the general"]  # optional: other ways the texts name it
    group = "Iran"                                     # optional: a group of your own (side, kind, country …)

An alias written in lower case matches any case ("protesters"); one with capitals matches those capitals
("Hamas", "IDF"). A user's file takes precedence over the shipped one: its names and aliases are looked up first.
"""

from __future__ import annotations

import re
import tomllib
from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import NamedTuple

from ...errors import input_error

KNOWN_ACTORS_FILE = "actors_known.toml"
ACTOR_KEYS = ("name", "aliases", "group")


class ActorSpec(NamedTuple):
    """One ``[[actor]]`` of an actors file."""

    name: str
    aliases: tuple[str, ...]
    group: str


def read_actors_file(path: str | Path) -> tuple[ActorSpec, ...]:
    """Read and check a user's actors file.

    Raises :class:`~framing.errors.FramingError` naming the file and line for a missing file, invalid TOML or
    UTF-8, a missing or empty ``name``, wrong types, an unknown key, a name given twice and an alias claimed by
    two actors.
    """
    where = Path(path)
    if not where.is_file():
        raise input_error(where, "actors file not found")
    try:
        text = where.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        raise input_error(where, f"not UTF-8 text (byte {error.start}); save the actors file as UTF-8") from None
    return parse_actors(where, text)


@cache
def known_actors() -> tuple[ActorSpec, ...]:
    """The actors shipped in ``data/actors_known.toml`` (states with their demonyms and capitals, armed groups)."""
    return parse_actors(f"framing/data/{KNOWN_ACTORS_FILE}",
                        files("framing.data").joinpath(KNOWN_ACTORS_FILE).read_text(encoding="utf-8"))


def parse_actors(where: str | Path, text: str) -> tuple[ActorSpec, ...]:
    """Check the text of an actors file (``where`` names it in error messages)."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        line = re.search(r"line (\d+)", str(error))
        raise input_error(where, f"not valid TOML ({error})", line=int(line.group(1)) if line else None) from None
    lines = text.splitlines()
    stray = sorted(set(data) - {"actor"})
    if stray:
        raise input_error(where, f"unknown key {stray[0]!r}; an actors file holds only [[actor]] tables",
                          line=_line_of(lines, stray[0], 0))
    tables = data.get("actor")
    if not isinstance(tables, list) or not tables:
        raise input_error(where, "expected one or more [[actor]] tables")
    headers = [number for number, line in enumerate(lines) if re.match(r"\s*\[\[\s*actor\s*\]\]", line)]
    specs: list[ActorSpec] = []
    owners: dict[str, str] = {}  # a name or alias, case-folded → the actor that claims it
    for index, table in enumerate(tables):
        header = headers[index] if index < len(headers) else 0
        spec = _actor_spec(where, table, index, lines, header)
        for claimed in (spec.name, *spec.aliases):
            owner = owners.setdefault(claimed.casefold(), spec.name)
            if owner != spec.name:
                raise input_error(where, f"{claimed!r} is claimed by two actors ({owner!r} and {spec.name!r})",
                                  line=_line_of(lines, "aliases", header) or header + 1)
        specs.append(spec)
    return tuple(specs)


def _actor_spec(where, table: dict, index: int, lines: list[str], header: int) -> ActorSpec:
    """Check one ``[[actor]]`` table (``index`` from 0, its header on line ``header + 1``)."""
    extra = sorted(set(table) - set(ACTOR_KEYS))
    if extra:
        raise input_error(where, f"actor {index + 1} has unknown key {extra[0]!r}; allowed: {', '.join(ACTOR_KEYS)}",
                          line=_line_of(lines, extra[0], header) or header + 1)
    name = table.get("name")
    if not isinstance(name, str) or not name.strip():
        raise input_error(where, f"actor {index + 1} needs a name (a non-empty string)", line=header + 1)
    aliases = table.get("aliases", [])
    if not isinstance(aliases, list) or not all(isinstance(alias, str) and alias.strip() for alias in aliases):
        raise input_error(where, f"actor {name!r}: aliases must be a list of non-empty strings",
                          line=_line_of(lines, "aliases", header) or header + 1)
    group = table.get("group", "")
    if not isinstance(group, str):
        raise input_error(where, f"actor {name!r}: group must be a string",
                          line=_line_of(lines, "group", header) or header + 1)
    return ActorSpec(name.strip(), tuple(dict.fromkeys(alias.strip() for alias in aliases)), group.strip())


def _line_of(lines: list[str], key: str, header: int) -> int | None:
    """The 1-based line where ``key =`` (or a ``[key]`` table) first appears at or after line ``header``."""
    pattern = re.compile(rf"\s*(?:{re.escape(key)}\s*=|\[+\s*{re.escape(key)}\b)")
    return next((number + 1 for number in range(header, len(lines)) if pattern.match(lines[number])), None)


def actors_beside(paths) -> Path | None:
    """An ``actors.toml`` in the (single) corpus folder is used like the ``events.toml`` found there."""
    folders = [Path(p) for p in (paths if isinstance(paths, (list, tuple)) else [paths]) if Path(p).is_dir()]
    if len(folders) == 1 and (folders[0] / "actors.toml").is_file():
        return folders[0] / "actors.toml"
    return None
