"""What each ``--format`` costs at corpus scale: the CLI run as a user runs it, once per format, on the same
synthetic articles as ``scale.py``; and, in this process, the same tables written as a workbook by XlsxWriter (what
``--format xlsx`` uses) and by openpyxl's write-only mode (what it used before, for the record of the choice).

For each size it prints the CLI's wall time per format, the format's extra time over CSV, the cells written and
the size of what was written; then seconds per million cells for both workbook writers on the CSV run's tables
(read back from its CSVs: the same cells, as text and numbers).

Run from the repository root: ``.venv/bin/python benchmarks/table_formats.py [--sizes 1000] [--no-write]``.
Needs ``../shared/benchmarks`` (the sentence pool) and ``framing[xlsx,parquet]``; openpyxl for the comparison
(the test extra has it). Updates its section of ``benchmarks/RESULTS.md``.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent))
from results import update_section  # noqa: E402
from scale import FRAMING, SHARED, sentence_pool, write_articles  # noqa: E402

from framing.report.workbook import write_workbook  # noqa: E402

TITLE = "Table formats at corpus scale (--format csv, xlsx, parquet)"
FORMATS = ("csv", "xlsx", "parquet")


def cli_seconds(corpus: Path, out: Path, table_format: str) -> float:
    """Wall time of ``framing analyze corpus --format table_format``, figures and report included."""
    start = time.perf_counter()
    done = subprocess.run([str(FRAMING), "analyze", str(corpus), "--out", str(out), "--format", table_format],
                          capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"framing failed with --format {table_format}:\n{done.stderr}")
    return seconds


def written_megabytes(out: Path, table_format: str) -> float:
    suffix = {"csv": "*.csv", "xlsx": "*.xlsx", "parquet": "*.parquet"}[table_format]
    return sum(path.stat().st_size for path in out.glob(suffix)) / 1e6


def openpyxl_workbook(path: Path, tables: dict[str, pd.DataFrame]) -> None:
    """The tables in openpyxl's write-only mode, one appended row per table row (the writer before XlsxWriter)."""
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    for name, table in tables.items():
        sheet = workbook.create_sheet(Path(name).stem[:31])
        sheet.append([str(column) for column in table.columns])
        for row in table.astype(object).where(table.notna(), None).itertuples(index=False, name=None):
            sheet.append(row)
    workbook.save(path)


def timed(write, path: Path, tables: dict[str, pd.DataFrame]) -> float:
    start = time.perf_counter()
    write(path, tables)
    return time.perf_counter() - start


def measure(n_articles: int, pool: list[str], folder: Path) -> list[dict]:
    corpus = folder / f"articles_{n_articles}.csv"
    write_articles(corpus, n_articles, pool, outlets=False)
    rows = []
    for table_format in FORMATS:
        out = folder / f"out_{n_articles}_{table_format}"
        seconds = cli_seconds(corpus, out, table_format)
        rows.append({"articles": n_articles, "format": table_format, "cli_s": seconds,
                     "written_mb": written_megabytes(out, table_format)})
        print(f"{n_articles:,} articles, --format {table_format}: {seconds:.1f} s, "
              f"{rows[-1]['written_mb']:.1f} MB written", flush=True)
    tables = {path.name: pd.read_csv(path, low_memory=False)
              for path in sorted((folder / f"out_{n_articles}_csv").glob("*.csv"))}
    cells = sum(table.size for table in tables.values())
    for row in rows:
        row["cells_m"] = cells / 1e6
        row["extra_s"] = row["cli_s"] - rows[0]["cli_s"]
    writers = {"XlsxWriter (--format xlsx)": write_workbook, "openpyxl write-only (before)": openpyxl_workbook}
    for label, write in writers.items():
        seconds = timed(write, folder / "workbook.xlsx", tables)
        rows.append({"articles": n_articles, "format": f"workbook alone: {label}", "cli_s": None,
                     "extra_s": seconds, "cells_m": cells / 1e6, "written_mb": None})
        print(f"{n_articles:,} articles, {cells / 1e6:.1f} M cells, {label}: {seconds:.1f} s "
              f"({seconds / (cells / 1e6):.2f} s per million cells)", flush=True)
    return rows


def table(rows: list[dict]) -> str:
    lines = ["| articles | format | CLI s (figures + report included) | over CSV s / writing alone s | cells (M) | "
             "s per million cells | written MB |", "|---|---|---|---|---|---|---|"]
    for row in rows:
        cli = "" if row["cli_s"] is None else f"{row['cli_s']:.1f}"
        per_million = "" if row["format"] in FORMATS else f"{row['extra_s'] / row['cells_m']:.2f}"
        written = "" if row["written_mb"] is None else f"{row['written_mb']:.1f}"
        lines.append(f"| {row['articles']:,} | {row['format']} | {cli} | {row['extra_s']:.1f} | "
                     f"{row['cells_m']:.1f} | {per_million} | {written} |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000", help="comma-separated numbers of articles")
    parser.add_argument("--no-write", action="store_true", help="print only; leave RESULTS.md alone")
    arguments = parser.parse_args()
    if not SHARED.is_dir():
        raise SystemExit(f"needs {SHARED} (the sentence pool); it is not there")
    pool = sentence_pool()
    rows = []
    with tempfile.TemporaryDirectory(prefix="framing-formats-") as folder:
        for size in (int(size) for size in arguments.sizes.split(",")):
            rows.extend(measure(size, pool, Path(folder)))
    text = table(rows)
    print(text)
    if not arguments.no_write:
        update_section(TITLE, "`benchmarks/table_formats.py`, 2 cores: the CLI as a user runs it (default options "
                              "but `--format`), then the two workbook writers alone on the CSV run's tables.\n\n"
                              + text)


if __name__ == "__main__":
    main()
