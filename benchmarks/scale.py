"""Corpus-scale speed and memory, measured against bare VADER on exactly the same sentences.

Builds synthetic corpora of N articles (N = 100, 1,000, 10,000 by default): each article is 15–35 sentences
drawn with a fixed seed from the seeds (every section), MBIC's sentences and the VADER paper's NYT snippets
(``../shared/benchmarks``; BABE, the lexicon's test set, is not used), in paragraphs of three, written as one CSV
with five outlets. Each measurement runs in a fresh process so that its peak memory (``ru_maxrss``) is its own:

* **pipeline**: ``framing.analyze`` on the CSV (read, clean, split, sentiment + contributions, attribution,
  loaded terms, alignment, events, summaries) plus writing every CSV table; grouped by outlet;
* **figures** and **report**: built from the grouped view, timed separately;
* **bare VADER**: ``SentimentIntensityAnalyzer.polarity_scores`` over the pipeline's own sentence texts, in the
  same process, after the pipeline.

Then ``--jobs 2`` against ``--jobs 1`` on the largest corpus, and the Dask engine against the single-process
path on the 1,000-article corpus (tables compared for equality).

Run from the repository root: ``.venv/bin/python benchmarks/scale.py [--sizes 100,1000,10000]``. Needs
``../shared/benchmarks`` (says so and stops when it is absent). Updates its section of ``benchmarks/RESULTS.md``.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent))
from results import update_section  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "benchmarks"
MBIC = SHARED / "mbic" / "mbic_labeled_dataset.csv"
NYT = SHARED / "vader_nyt" / "nytEditorialSnippets_GroundTruth.txt"
TITLE = "Corpus scale (speed and memory against bare VADER)"
OUTLETS = 5
SEED = 2026


def sentence_pool() -> list[str]:
    """Seed sentences, MBIC sentences and NYT snippets: the material the synthetic articles are made of."""
    import framing

    seeds = framing.sentences(framing.load_corpus(ROOT / "seeds"))["text"].tolist()
    mbic = pd.read_csv(MBIC)["sentence"].dropna().astype(str).tolist()
    nyt = [line.split("\t", 2)[2].strip() for line in NYT.read_text(encoding="utf-8", errors="replace").splitlines()
           if line.count("\t") >= 2]
    return [s for s in seeds + mbic + nyt if s.strip()]


def write_corpus(path: Path, n_articles: int, pool: list[str]) -> None:
    rng = random.Random(SEED + n_articles)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["id", "outlet", "text"])
        for k in range(n_articles):
            picked = rng.sample(pool, rng.randint(15, 35))
            text = "\n\n".join(" ".join(picked[i:i + 3]) for i in range(0, len(picked), 3))
            writer.writerow([f"a{k:05d}", f"outlet{k % OUTLETS}", text])


def measure_one(corpus: Path, jobs: int, engine: str, figures: bool) -> dict:
    """One run in this process: the numbers of one table row."""
    import warnings

    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    from framing.errors import FramingWarning
    from framing.figures.build import build_figures
    from framing.groups import group_view
    from framing.html import write_report
    from framing.pipeline import TableOptions, analyze
    from framing.report import analysis_tables, save_figure

    warnings.simplefilter("ignore", FramingWarning)
    out = Path(tempfile.mkdtemp(prefix="framing-scale-"))
    start = time.perf_counter()
    analysis = analyze(corpus, table=TableOptions(meta_columns=("outlet",)), group_by="outlet", jobs=jobs,
                       engine=engine)
    for name, table in analysis_tables(analysis).items():
        table.to_csv(out / name, index=False, lineterminator="\n")
    pipeline = time.perf_counter() - start
    row = {"pipeline_s": pipeline, **{f"{k}_s": v for k, v in analysis.timings.items()},
           "documents": len(analysis.corpus.documents), "sentences": len(analysis.sentences),
           "pairs": len(analysis.pairs), "events": len(analysis.event_labels)}
    if figures:
        start = time.perf_counter()
        view = group_view(analysis)
        (out / "figures").mkdir()
        for stem, figure in build_figures(view).items():
            save_figure(figure, out / "figures" / stem)
        row["figures_s"] = time.perf_counter() - start
        start = time.perf_counter()
        write_report(out, view)
        row["report_s"] = time.perf_counter() - start
    texts = analysis.sentences["text"].tolist()
    vader = SentimentIntensityAnalyzer()
    start = time.perf_counter()
    for text in texts:
        vader.polarity_scores(text)
    row["vader_s"] = time.perf_counter() - start
    row["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    row["children_peak_rss_mb"] = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return row


def compare_engines(corpus: Path) -> dict:
    """Dask against the single process on one corpus: are the tables identical?"""
    from framing.pipeline import TableOptions, analyze

    options = {"table": TableOptions(meta_columns=("outlet",)), "group_by": "outlet"}
    start = time.perf_counter()
    local = analyze(corpus, **options)
    local_s = time.perf_counter() - start
    start = time.perf_counter()
    remote = analyze(corpus, jobs=2, engine="dask", **options)
    dask_s = time.perf_counter() - start
    same = all(getattr(local, name).equals(getattr(remote, name)) for name in
               ("sentences", "terms", "contributions", "sources", "pairs", "events", "comparison", "documents"))
    return {"local_s": local_s, "dask_s": dask_s, "identical": same, "sentences": len(local.sentences)}


def in_child(*args: str) -> dict:
    """Run this script on one measurement in a fresh process and return its JSON line."""
    done = subprocess.run([sys.executable, __file__, *args], capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"measurement {' '.join(args)} failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def table(rows: list[dict]) -> str:
    lines = ["| articles | sentences | bare VADER s | pipeline s (read+score / align / summaries) | ratio | "
             "sentences/s | figures s | report s | peak RSS MB |",
             "|---|---|---|---|---|---|---|---|---|"]
    for r in rows:
        lines.append(
            f"| {r['documents']:,} | {r['sentences']:,} | {r['vader_s']:.2f} | {r['pipeline_s']:.1f} "
            f"({r['documents_s']:.1f} / {r['alignment_s']:.1f} / {r['summaries_s']:.1f}) | "
            f"{r['pipeline_s'] / r['vader_s']:.1f}× | {r['sentences'] / r['pipeline_s']:,.0f} | "
            f"{r.get('figures_s', float('nan')):.1f} | {r.get('report_s', float('nan')):.1f} | "
            f"{r['peak_rss_mb']:,.0f} |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100,1000,10000")
    parser.add_argument("--one", nargs=4, metavar=("CORPUS", "JOBS", "ENGINE", "FIGURES"), help=argparse.SUPPRESS)
    parser.add_argument("--engines", metavar="CORPUS", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        corpus, jobs, engine, figures = args.one
        print(json.dumps(measure_one(Path(corpus), int(jobs), engine, figures == "yes")))
        return
    if args.engines:
        print(json.dumps(compare_engines(Path(args.engines))))
        return
    if not MBIC.exists() or not NYT.exists():
        raise SystemExit(f"benchmark data not found under {SHARED} (it sits beside the repository on the "
                         "development machines; a user's clone does not have it)")
    sizes = [int(s) for s in args.sizes.split(",")]
    folder = Path(tempfile.mkdtemp(prefix="framing-corpora-"))
    pool = sentence_pool()
    rows, corpora = [], {}
    for n in sizes:
        corpora[n] = folder / f"corpus_{n}.csv"
        write_corpus(corpora[n], n, pool)
        row = in_child("--one", str(corpora[n]), "1", "local", "yes")
        rows.append(row)
        print(f"N={n}: {json.dumps({k: round(v, 2) if isinstance(v, float) else v for k, v in row.items()})}",
              flush=True)
    largest = max(sizes)
    two = in_child("--one", str(corpora[largest]), "2", "local", "no")
    print(f"N={largest} --jobs 2: {two}", flush=True)
    one = next(r for r in rows if r["documents"] == largest)
    engines = in_child("--engines", str(corpora[1000 if 1000 in corpora else min(sizes)]))
    print(f"dask vs local: {engines}", flush=True)
    body = f"""`benchmarks/scale.py`, {os.cpu_count()} cores; synthetic corpora (seeds + MBIC + NYT sentences, 15–35
per article, 5 outlets, seeded), read from one CSV, grouped by outlet, single process unless stated. Pipeline =
read, clean, split, VADER + word contributions, attribution, loaded terms, alignment and events, summaries, and
writing the CSV tables. Bare VADER = `polarity_scores` over the same sentence texts. Peak RSS = `ru_maxrss` of the
measuring process.

{table(rows)}

`--jobs 2` on {largest:,} articles: read+score {two['documents_s']:.1f} s against {one['documents_s']:.1f} s with one
process ({one['documents_s'] / two['documents_s']:.2f}× on the parallel part); whole pipeline {two['pipeline_s']:.1f} s
against {one['pipeline_s']:.1f} s ({one['pipeline_s'] / two['pipeline_s']:.2f}×); worker peak RSS
{two['children_peak_rss_mb']:,.0f} MB.

Dask (`--engine dask`, local cluster, 2 workers) on {engines['sentences']:,} sentences: tables identical to the
single process: **{'yes' if engines['identical'] else 'NO'}**; {engines['dask_s']:.1f} s against
{engines['local_s']:.1f} s.
"""
    update_section(TITLE, body)
    print(body)


if __name__ == "__main__":
    main()
