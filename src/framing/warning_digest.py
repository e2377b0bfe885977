"""The warnings a run prints: each kind in full a few times, then counted.

One kind of warning can come once per document: "looks like HTML", "does not look like English", a row skipped.
At 10,000 documents that was 10,000 lines, and the warnings that come once (how the figures show the corpus,
cells written as text) scrolled away among them. So the command line shows the first :data:`SHOWN_PER_KIND` of
each kind, says once that more of that kind are counted, and at the end how many there were; ``run.json``
lists every warning (``warnings``), so that no document's warning is lost.

A warning's kind is its problem with the numbers and quoted names taken out: "looks like HTML: removed 11 tags"
and "… removed 5 tags" are one kind, whichever file or row they are about (:class:`~framing.errors.
FramingWarning`'s ``problem``; a warning without one is its whole text).
"""

from __future__ import annotations

import re

SHOWN_PER_KIND = 3
# Quoted names ('a00017', "text") and numbers (11, 5%, 1,000, 0.25): what differs between warnings of one kind.
_VARYING = re.compile(r"'[^']*'|\"[^\"]*\"|\d[\d,.]*%?")
# How much of a warning's problem a line about its kind quotes.
QUOTED_CHARS = 80


def kind_of(message: Warning | str) -> str:
    """The kind of a warning: its problem with quoted names and numbers replaced by ``#``."""
    return _VARYING.sub("#", _problem(message))


class WarningDigest:
    """Decides what the command line shows of each warning of a run, and remembers them all."""

    def __init__(self, shown_per_kind: int = SHOWN_PER_KIND):
        self._shown_per_kind = shown_per_kind
        self._counts: dict[str, int] = {}
        self._first: dict[str, Warning | str] = {}
        self._all: list[Warning | str] = []

    def shown(self, message: Warning | str) -> list[Warning | str]:
        """What to show for ``message`` now: the warning itself while its kind has been shown fewer than
        ``shown_per_kind`` times; once, a line saying that more of its kind will be counted; then nothing."""
        self._all.append(message)
        kind = kind_of(message)
        self._first.setdefault(kind, message)
        count = self._counts[kind] = self._counts.get(kind, 0) + 1
        if count <= self._shown_per_kind:
            return [message]
        if count == self._shown_per_kind + 1:
            return [f"more warnings like “{_quoted(self._first[kind])}” follow; they are counted, not shown "
                    "(run.json lists every warning)"]
        return []

    def summary(self) -> list[str]:
        """One line per kind of which some were not shown: how many there were in all. Empty when every warning
        was shown."""
        return [f"{count:,} warnings in all like “{_quoted(self._first[kind])}” "
                f"({count - self._shown_per_kind:,} not shown; run.json lists every warning)"
                for kind, count in self._counts.items() if count > self._shown_per_kind]

    def record(self) -> list[dict]:
        """Every warning so far, in order, for ``run.json``: ``where`` (the file, row or document, named as the
        outputs name inputs — never an absolute path — or ``None`` for the run as a whole) and ``problem``."""
        return [{"where": _where(message), "problem": _problem(message)} for message in self._all]


def warning_kinds(recorded: list[dict]) -> list[dict]:
    """Recorded warnings (:meth:`WarningDigest.record`, ``run.json``'s ``warnings``) by kind, in the order each
    kind first came: ``count`` and the first of the kind as ``first`` (``<where>: <problem>``)."""
    kinds: dict[str, dict] = {}
    for entry in recorded:
        problem = str(entry.get("problem", ""))
        where = entry.get("where")
        kind = kinds.setdefault(kind_of(problem), {"count": 0, "first": f"{where}: {problem}" if where else problem})
        kind["count"] += 1
    return list(kinds.values())


def _problem(message: Warning | str) -> str:
    return str(getattr(message, "problem", None) or message)


def _where(message: Warning | str) -> str | None:
    # Imported here: the command line makes a digest before it knows whether it will read any corpus.
    from .corpus.paths import shown_path

    where = getattr(message, "where", None)
    return None if where is None else shown_path(where)


def _quoted(message: Warning | str) -> str:
    problem = _problem(message)
    return problem if len(problem) <= QUOTED_CHARS else problem[:QUOTED_CHARS - 1].rstrip() + "…"
