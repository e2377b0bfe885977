"""Shared helper for benchmark scripts: store a benchmark's numbers in the package, and its `## section` of
benchmarks/RESULTS.md.

The numbers the report quotes live in ``src/framing/data/accuracy.json`` (package data: an installed framing
reads them too), one table per benchmark with the date it was measured. A script hands its numbers to
:func:`publish`, which stores them and renders the RESULTS.md section from the stored table, so the two never
disagree. JSON rather than TOML because the standard library writes it (``tomllib`` only reads).
"""

from __future__ import annotations

import datetime as _dt
import json
import re
from collections.abc import Callable
from pathlib import Path

RESULTS = Path(__file__).resolve().parent / "RESULTS.md"
ACCURACY = Path(__file__).resolve().parents[1] / "src" / "framing" / "data" / "accuracy.json"
HEADER = "# Benchmark results\n\nWritten by the scripts in `benchmarks/`; each section says when it was measured.\n"


def publish(benchmark: str, title: str, numbers: dict, render: Callable[[dict], str], *,
            date: str | None = None) -> dict:
    """Store ``numbers`` as ``benchmark``'s table of accuracy.json, then write ``## title`` of RESULTS.md with the
    body ``render`` makes from the stored table. Returns the table (``numbers`` plus ``measured``)."""
    table = record_numbers(benchmark, numbers, date=date)
    update_section(title, render(table), date=table["measured"])
    return table


def record_numbers(benchmark: str, numbers: dict, *, date: str | None = None) -> dict:
    """Replace ``benchmark``'s table in accuracy.json with ``measured`` (the date, today by default) and
    ``numbers`` (plain ints, floats, strings and lists of tables of them); other benchmarks are left alone."""
    stored = json.loads(ACCURACY.read_text(encoding="utf-8")) if ACCURACY.exists() else {}
    table = {"measured": date or _dt.date.today().isoformat(), **numbers}
    stored[benchmark] = table
    ACCURACY.write_text(json.dumps(stored, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return table


def update_section(title: str, body: str, *, date: str | None = None) -> None:
    """Write ``## title`` with ``body`` (and the measurement date) into RESULTS.md, replacing an older one."""
    date = date or _dt.date.today().isoformat()
    text = RESULTS.read_text(encoding="utf-8") if RESULTS.exists() else HEADER
    section = f"## {title}\n\nMeasured {date}.\n\n{body.strip()}\n"
    pattern = re.compile(rf"^## {re.escape(title)}\n.*?(?=^## |\Z)", re.DOTALL | re.MULTILINE)
    if pattern.search(text):
        text = pattern.sub(lambda _: section + "\n", text)
    else:
        text = text.rstrip("\n") + "\n\n" + section
    RESULTS.write_text(text.rstrip("\n") + "\n", encoding="utf-8")
