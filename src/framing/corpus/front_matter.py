"""A header of ``key: value`` lines between ``---`` lines at the top of a document (front matter).

Scrapers write it: trafilatura's ``--with-metadata`` puts each article's title, author, URL, site name and date
there, and Markdown notes (Jekyll, Hugo, Obsidian, pandoc) carry one too. Read as text, its lines became
sentences of sentences.csv (``url: https://…``, ``date: 2020-01-03``, as captions), the title was no headline (so
figure 11 had nothing to compare), and the date and site were not metadata to group by. So the header is taken
out of the text (a ``front_matter`` removal), its title becomes the headline, and its fields fill the document's
metadata.

Only the simple form is read — one ``key: value`` per line, the value as written (trafilatura does not quote a
title holding a colon, which a YAML parser would refuse); indented lines and list items continue the key above
and are kept with it. A block that is not of that form is no front matter, and stays text.
"""

from __future__ import annotations

import re
from typing import NamedTuple

# The header ends within this many lines, or it is not one (a "---" rule at the top of an essay is no header).
MAX_LINES = 60
_FENCE = re.compile(r"(?:\ufeff)?\s*---[ \t\r]*\n")
_CLOSE = ("---", "...")
_FIELD = re.compile(r"(?P<key>[A-Za-z_][\w.-]*)[ \t]*:(?:[ \t]+(?P<value>.*?))?[ \t]*$")
_CONTINUED = re.compile(r"[ \t]+\S|-[ \t]")

#: Metadata columns and the header keys that fill them, first found first (trafilatura's keys are among them).
#: ``kind`` is not read: a manifest's kinds are checked against a fixed list, and a header's would not be.
METADATA_KEYS: dict[str, tuple[str, ...]] = {
    "title": ("title", "headline"),
    "outlet": ("outlet", "sitename", "site_name", "publisher", "hostname"),
    "published": ("published", "date", "publishedat", "published_at", "pubdate"),
    "source": ("source", "url", "link", "canonical_url"),
}
#: Further keys kept as metadata columns of their own. Not every key: a header's ``n_words`` or ``mean_compound``
#: would collide with the columns framing computes (the whole header is in removals.csv either way).
EXTRA_KEYS = ("author", "description", "tags", "categories", "language")


class FrontMatter(NamedTuple):
    """A document's header: its fields (keys lower-cased, values unquoted; a key's continuation lines joined to
    it by spaces), the header as written (fences included) and where the text after it starts."""

    fields: dict[str, str]
    block: str
    end: int

    def metadata(self) -> dict[str, str]:
        """The metadata columns the header fills (:data:`METADATA_KEYS`), then those of :data:`EXTRA_KEYS` it
        has; empty values left out."""
        mapped = {column: next((self.fields[key] for key in keys if self.fields.get(key)), "")
                  for column, keys in METADATA_KEYS.items()}
        mapped.update((key, self.fields.get(key, "")) for key in EXTRA_KEYS)
        return {column: value for column, value in mapped.items() if value}


def read_front_matter(text: str) -> FrontMatter | None:
    """The header at the top of ``text``, or ``None`` when it has none (see the module's docstring)."""
    opening = _FENCE.match(text)
    if opening is None:
        return None
    fields: dict[str, str] = {}
    key = None
    position = opening.end()
    for _ in range(MAX_LINES):
        newline = text.find("\n", position)
        line = (text[position:] if newline < 0 else text[position:newline]).rstrip("\r")
        position = len(text) if newline < 0 else newline + 1
        if line.strip() in _CLOSE:
            return FrontMatter(fields, text[:position], position) if fields else None
        field = _FIELD.match(line)
        if field is not None:
            key = field.group("key").casefold()
            fields[key] = _unquoted(field.group("value") or "")
        elif key is not None and _CONTINUED.match(line):
            fields[key] = " ".join(filter(None, [fields[key], line.strip().removeprefix("- ").strip()]))
        elif line.strip():
            return None  # prose, not a header
        if newline < 0:
            return None
    return None


def _unquoted(value: str) -> str:
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        return value[1:-1]
    return value
