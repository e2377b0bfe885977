"""The rows of a JSON corpus table: JSON Lines (one object per line, streamed), one JSON document holding a list
of articles, as news APIs return them (``[{...}, …]``, or ``{"status": "ok", "articles": [{...}, …]}``), or a
folder of JSON files, one article each, as scrapers write them (news-please, trafilatura's ``--json``).

A JSON document is parsed whole (the standard library has no streaming parser): memory grows with the file, as it
does for the scored tables, and each of the two passes over a table parses it again. An article's nested objects
give dotted columns too (``{"source": {"name": "BBC"}}`` has the column ``source.name``), as
:func:`pandas.json_normalize` names them, so that ``--meta-columns source.name`` reaches them.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

from ..errors import FramingError, input_error, warn
from .encoding import Encoding, open_text
from .paths import is_passed_over

# How deep the list of articles may lie inside the document: {"articles": [...]} and
# {"articles": {"results": [...]}} (Event Registry) are found; anything deeper is a structure to extract first.
LIST_DEPTH = 2


def json_lines_rows(path: Path, encoding: Encoding) -> Iterator[tuple[int, dict]]:
    """``(line number, object)`` for every non-blank line of a JSON Lines file."""
    with open_text(path, encoding) as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                # Without its line break, so that a line cut short is reported at its end, not as "column 1".
                row = json.loads(line.rstrip("\r\n"), object_pairs_hook=_refuse_repeated_keys)
            except json.JSONDecodeError as error:
                raise input_error(path, f"not valid JSON ({error.msg}, column {error.colno}){_spread_hint(line)}",
                                  line=number) from None
            except _RepeatedKey as repeated:
                raise input_error(path, _repeated_message(repeated), line=number) from None
            if isinstance(row, list):
                raise input_error(path, "holds a JSON array, not one object per line (JSON Lines): name the file "
                                        ".json to read it as one", line=number)
            if not isinstance(row, dict):
                raise input_error(path, "each line must be one JSON object ({...})", line=number)
            yield number, _flattened(row)


def json_document_rows(path: Path, encoding: Encoding) -> Iterator[tuple[int, dict]]:
    """``(item number, object)`` for every article of the list a JSON document holds (numbered from 1)."""
    with open_text(path, encoding) as handle:
        document = _parsed(path, handle.read())
    for number, item in enumerate(_article_list(path, document), start=1):
        yield number, _article(path, number, item)


def _parsed(path: Path, data: str | bytes):
    """One JSON document (bytes are decoded as JSON's standard says: UTF-8, or UTF-16/32 by their marks), or one
    message: where it is not JSON (with the name that reads JSON Lines), not UTF-8, or repeats a key."""
    try:
        return json.loads(data, object_pairs_hook=_refuse_repeated_keys)
    except json.JSONDecodeError as error:
        lines = ("; it looks like JSON Lines (one object per line): name the file .jsonl"
                 if error.msg == "Extra data" and error.colno == 1 else "")
        raise input_error(path, f"not valid JSON ({error.msg}, column {error.colno}){lines}",
                          line=error.lineno) from None
    except UnicodeDecodeError:
        raise input_error(path, "is not UTF-8 text, as JSON must be; save it as UTF-8") from None
    except _RepeatedKey as repeated:
        raise input_error(path, _repeated_message(repeated)) from None


def _article(path: Path, number: int, item) -> dict:
    """An item of a list of articles, flattened; anything but an object is refused with its place."""
    if not isinstance(item, dict):
        raise input_error(path, f"item {number} of the list is not a JSON object ({{...}}) but "
                                f"{type(item).__name__ if item is not None else 'null'}")
    return _flattened(item)


def _article_list(path: Path, document) -> list:
    """The list of articles: the document itself, or the one list of objects inside it (at most
    :data:`LIST_DEPTH` keys down); otherwise one message saying what the document holds."""
    if isinstance(document, list):
        return document
    if not isinstance(document, dict):
        raise input_error(path, "holds a single JSON value, not a list of articles")
    found = dict(_object_lists(document, "", LIST_DEPTH))
    if len(found) == 1:
        return next(iter(found.values()))
    if not found:
        raise input_error(path, f"holds a JSON object with no list of articles in it (keys: "
                                f"{', '.join(map(str, document)) or 'none'}); framing reads a list of objects, one "
                                "per article")
    keys = ", ".join(found)
    first = next(iter(found))
    raise input_error(path, f"holds several lists of objects ({keys}); framing reads one list of articles: "
                            f"extract it, e.g. jq -c '.{first}[]' {path.name} > articles.jsonl")


def _object_lists(node: dict, prefix: str, depth: int) -> Iterator[tuple[str, list]]:
    for key, value in node.items():
        name = f"{prefix}{key}"
        if isinstance(value, list) and value and all(isinstance(item, dict) for item in value):
            yield name, value
        elif isinstance(value, dict) and depth > 1:
            yield from _object_lists(value, f"{name}.", depth - 1)


def _flattened(row: dict, prefix: str = "") -> dict:
    """The article with its nested objects' values also as dotted columns (``source`` and ``source.name``): the
    object itself stays, so that one given as the text or id is refused as an object, not as a missing column."""
    flat = {}
    for key, value in row.items():
        name = f"{prefix}{key}"
        flat[name] = value
        if isinstance(value, dict):
            flat.update(_flattened(value, f"{name}."))
    return flat


def _spread_hint(line: str) -> str:
    """A hint for a line that opens or closes a bracket alone: JSON written over many lines (pretty-printed), not
    one object per line."""
    if line.strip() not in ("[", "{", "]", "}", "},", "[{", "}]"):
        return ""
    return "; the file looks like JSON written over many lines, not JSON Lines (one object per line): name it .json"


class _RepeatedKey(Exception):
    """A JSON object with the same key twice (json keeps the last without a word)."""


def _refuse_repeated_keys(pairs: list[tuple[str, object]]) -> dict:
    row = dict(pairs)
    if len(row) != len(pairs):
        raise _RepeatedKey(next(key for index, (key, _) in enumerate(pairs) if key in dict(pairs[:index])))
    return row


def _repeated_message(repeated: _RepeatedKey) -> str:
    return f"key {repeated.args[0]!r} appears twice in one object; keep one"


# How far down a folder of JSON files is searched: news archives nest them by date and site
# (news-please: data/2020/01/03/bbc.co.uk/<article>.json).
JSON_FOLDER_LEVELS = 6


def json_files_in(folder: Path) -> list[Path]:
    """The ``.json`` files of ``folder`` and its subfolders (at most :data:`JSON_FOLDER_LEVELS` down), sorted by
    path; hidden files and folders (:func:`~framing.corpus.paths.is_passed_over`) and a framing run's output
    folder (which holds a ``run.json``) passed over."""
    found, level = [], [folder]
    for _ in range(JSON_FOLDER_LEVELS):
        below = []
        for parent in level:
            if parent != folder and (parent / "run.json").exists():
                continue
            try:
                entries = list(parent.iterdir())
            except OSError:  # a folder this user may not list is no corpus of theirs
                continue
            found += [p for p in entries if p.suffix.lower() == ".json" and not is_passed_over(p) and p.is_file()
                      and p.name != "run.json"]
            below += [p for p in entries if p.is_dir() and not is_passed_over(p)]
        level = below
    return sorted(found)


def json_folder_rows(folder: Path, *, skip_bad_files: bool = False) -> Iterator[tuple[str, dict]]:
    """``(name, article)`` for every article of a folder of JSON files: a file holding one object is one article
    (named by its path in the folder, ``bbc/a.json``); a file holding a list, such as one page of an API's
    results, gives each of its objects (``page1.json #3``). An object inside an article (its ``comments``) is
    never taken for a list of articles. A file that is not JSON (one a scraper was stopped while writing) is
    refused, or with ``skip_bad_files`` skipped with a warning."""
    for path in json_files_in(folder):
        name = path.relative_to(folder).as_posix()
        try:
            document = _parsed(path, path.read_bytes())
        except FramingError as error:
            if not skip_bad_files:
                raise FramingError(f"{error} (fix or remove the file, or pass --skip-bad-rows)") from None
            # "<path>:3: not valid JSON …" said of the file: "line 3: not valid JSON …; skipped".
            problem = re.sub(r"^:(\d+): ", r"line \1: ", str(error).removeprefix(str(path))).removeprefix(": ")
            warn(path, f"{problem}; skipped")
            continue
        if isinstance(document, dict):
            yield name, _flattened(document)
        elif isinstance(document, list):
            for number, item in enumerate(document, start=1):
                yield f"{name} #{number}", _article(path, number, item)
        else:
            raise input_error(path, "holds a single JSON value, not an article (an object) or a list of them")
