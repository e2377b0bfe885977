"""Shared helper for benchmark scripts: replace one `## section` of benchmarks/RESULTS.md, keep the others."""

from __future__ import annotations

import datetime as _dt
import re
from pathlib import Path

RESULTS = Path(__file__).resolve().parent / "RESULTS.md"
HEADER = "# Benchmark results\n\nWritten by the scripts in `benchmarks/`; each section says when it was measured.\n"


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
