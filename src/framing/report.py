"""Writing outputs: the one library module that writes files.

Everything is written into a temporary folder beside ``--out`` and moved into place file by file only when all
of it was produced, so an interrupted or failed run never leaves half a report. Files in ``--out`` that the
tool did not write are never touched.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import pandas as pd

from .errors import input_error


def prepare_out_dir(out_dir: Path) -> Path:
    """Check ``--out`` is usable (a folder or nothing yet) and return it resolved."""
    out_dir = Path(out_dir)
    if out_dir.exists() and not out_dir.is_dir():
        raise input_error(out_dir, "--out points at an existing file, not a folder")
    return out_dir


def write_tables(out_dir: Path, tables: dict[str, pd.DataFrame]) -> list[Path]:
    """Write each DataFrame as UTF-8 CSV (no index) into ``out_dir``, atomically; return the written paths."""
    out_dir = prepare_out_dir(out_dir)
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix=".framing-", dir=out_dir.parent) as staging:
        staging = Path(staging)
        for name, table in tables.items():
            table.to_csv(staging / name, index=False, lineterminator="\n")
        return _move_into_place(staging, out_dir)


def _move_into_place(staging: Path, out_dir: Path) -> list[Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for source in sorted(staging.rglob("*")):
        if source.is_dir():
            continue
        target = out_dir / source.relative_to(staging)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.move(str(source), str(target))
        written.append(target)
    return written
