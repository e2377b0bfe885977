"""Corpus-scale speed and memory of the CLI as a user runs it, against bare VADER on the same sentences.

Each row runs ``framing analyze corpus.csv --out …`` as a subprocess — reading, scoring, alignment, summaries,
every CSV, the figures and the report — and measures its wall time and the peak resident memory of its whole
process tree (the sum over the CLI and its worker processes, sampled from ``/proc`` every 0.1 s; also
``ru_maxrss`` of the largest single process). Then, in this process, one pass of bare
``SentimentIntensityAnalyzer.polarity_scores`` over the sentence texts the run wrote to ``sentences.csv``: the
ratio is CLI time over that pass.

Corpora (built with a fixed seed):

* **articles**: N articles (100, 1,000, 10,000 by default) of 15–35 sentences drawn from the seeds, MBIC's
  sentences and the VADER paper's NYT snippets, in paragraphs of three, one CSV; with ``outlet`` metadata
  (5 outlets) or without any;
* **spliced articles** (1,000 and 10,000 by default): the same shape, but each sentence is the start of one pool
  sentence joined to the end of another, so texts rarely repeat (:func:`write_spliced_articles`);
* **posts** (40,000 by default): one to three spliced sentences each, one CSV: many tiny documents
  (:func:`write_posts`);
* **one-sentence documents**: BABE's 3,674 sentences, one document each (used for speed only; BABE is the
  lexicon's test set and nothing here looks at its labels);
* **long documents** (8,000 sentences each by default): three .txt files in a folder, as many sentences in all
  as 1,000 articles, drawn from the same pool in paragraphs of four — the other end of "every size": a few
  transcripts or books read closely, side by side (:func:`write_long_documents`).

Run from the repository root: ``.venv/bin/python benchmarks/scale.py [--sizes 100,1000,10000]
[--spliced-sizes 1000,10000] [--post-sizes 40000] [--long-sizes 8000] [--repeat 3] [--no-write] [--keep]``.
``--repeat N`` measures each row N times (a run, then its VADER pass) and shows the run with the median ratio and
the range: this machine's speed drifts by a quarter within minutes, so one run per row can land either side of a
target.
Needs ``../shared/benchmarks`` (says so and stops when it is absent). Updates its section of
``benchmarks/RESULTS.md``.
"""

from __future__ import annotations

import argparse
import csv
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterable
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import NamedTuple

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent))
from results import update_section  # noqa: E402

from framing.executor import FIGURES_NAME, WORKER_NAME, available_cores  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "benchmarks"
MBIC = SHARED / "mbic" / "mbic_labeled_dataset.csv"
NYT = SHARED / "vader_nyt" / "nytEditorialSnippets_GroundTruth.txt"
BABE = SHARED / "babe" / "final_labels_SG2.csv"
FRAMING = Path(sys.executable).with_name("framing")
TITLE = "Corpus scale (speed and memory against bare VADER)"
OUTLETS = 5
SEED = 2026
SAMPLE_SECONDS = 0.1
CORES = available_cores()
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


def sentence_pool() -> list[str]:
    """Seed sentences, MBIC sentences and NYT snippets: the material the synthetic articles are made of."""
    import framing

    seeds = framing.sentences(framing.load_corpus(ROOT / "seeds"))["text"].tolist()
    mbic = pd.read_csv(MBIC)["sentence"].dropna().astype(str).tolist()
    nyt = [line.split("\t", 2)[2].strip() for line in NYT.read_text(encoding="utf-8", errors="replace").splitlines()
           if line.count("\t") >= 2]
    return [s for s in seeds + mbic + nyt if s.strip()]


def write_articles(path: Path, n_articles: int, pool: list[str], *, outlets: bool) -> None:
    rng = random.Random(SEED + n_articles)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["id", "outlet", "text"] if outlets else ["id", "text"])
        for k in range(n_articles):
            picked = rng.sample(pool, rng.randint(15, 35))
            text = "\n\n".join(" ".join(picked[i:i + 3]) for i in range(0, len(picked), 3))
            writer.writerow([f"a{k:05d}", f"outlet{k % OUTLETS}", text] if outlets else [f"a{k:05d}", text])


def _splicer(rng: random.Random, pool: list[str]) -> Callable[[], str]:
    """A function making a sentence that joins the first words of one pool sentence to the last words of another,
    cut at random."""
    def spliced() -> str:
        first, last = rng.choice(pool).split(), rng.choice(pool).split()
        return " ".join(first[:rng.randint(2, max(2, len(first) - 1))] + last[rng.randint(1, max(1, len(last) - 1)):])

    return spliced


def write_spliced_articles(path: Path, n_articles: int, pool: list[str]) -> None:
    """Articles whose sentences rarely repeat: each joins the first words of one pool sentence to the last words
    of another, cut at random. Every text is nearly always new (framing's memo gains little), but the halves
    recur across articles, and the vocabulary is the pool's: many sentences share words, a hard case for the
    alignment."""
    rng = random.Random(SEED + 7 * n_articles)
    spliced = _splicer(rng, pool)

    def article() -> str:
        picked = [spliced() for _ in range(rng.randint(15, 35))]
        return "\n\n".join(" ".join(picked[i:i + 3]) for i in range(0, len(picked), 3))

    _write_texts(path, ((f"s{k:05d}", article()) for k in range(n_articles)))


def write_posts(path: Path, n_posts: int, pool: list[str]) -> None:
    """Posts of one to three spliced sentences (as comments, headlines or social media posts): many tiny
    documents, whose per-document and per-batch costs no article corpus shows."""
    rng = random.Random(SEED + 13 * n_posts)
    spliced = _splicer(rng, pool)
    _write_texts(path, ((f"p{k:06d}", " ".join(spliced() for _ in range(rng.randint(1, 3)))) for k in range(n_posts)))


def _write_texts(path: Path, rows: Iterable[tuple[str, str]]) -> None:
    """A corpus CSV of ``id, text`` rows."""
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["id", "text"])
        writer.writerows(rows)


def write_long_documents(folder: Path, n_sentences: int, pool: list[str], *, documents: int = 3) -> None:
    """``documents`` text files of ``n_sentences`` pool sentences each (drawn with replacement), in paragraphs of
    four, into ``folder``."""
    rng = random.Random(SEED + 11 * n_sentences)
    folder.mkdir(parents=True, exist_ok=True)
    for k in range(documents):
        picked = [rng.choice(pool) for _ in range(n_sentences)]
        text = "\n\n".join(" ".join(picked[i:i + 4]) for i in range(0, n_sentences, 4))
        (folder / f"long{k + 1}.txt").write_text(text + "\n", encoding="utf-8")


def write_one_sentence_documents(path: Path) -> int:
    texts = pd.read_csv(BABE, sep=None, engine="python", encoding="utf-8-sig")["text"].dropna().astype(str)
    pd.DataFrame({"id": [f"s{i:05d}" for i in range(len(texts))], "text": texts.to_numpy()}).to_csv(path,
                                                                                                   index=False)
    return len(texts)


class TreeSample(NamedTuple):
    """One look at a process tree: the sum of resident sizes (RSS, which counts a page that forked workers share
    with their parent once per process) and the sum of proportional sizes (PSS, which splits each shared page
    between the processes sharing it: the memory the tree really holds), in kB; and each process's name and CPU
    seconds so far."""

    rss_kb: int
    pss_kb: int
    cpu: dict[int, tuple[str, float]]  # pid → (name, user + system seconds)


def tree_sample(root: int) -> TreeSample:
    """:class:`TreeSample` of ``root`` and all its descendants, from /proc."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            status = Path(f"/proc/{entry}/status").read_text()
        except OSError:
            continue
        fields = dict(line.split(":", 1) for line in status.splitlines() if ":" in line)
        pid, ppid = int(entry), int(fields.get("PPid", "0").strip())
        children.setdefault(ppid, []).append(pid)
        rss[pid] = int(fields.get("VmRSS", "0 kB").split()[0]) if "VmRSS" in fields else 0
    total, proportional, cpu, stack = 0, 0, {}, [root]
    while stack:
        pid = stack.pop()
        total += rss.get(pid, 0)
        proportional += _pss_kb(pid)
        cpu[pid] = _cpu_seconds(pid)
        stack.extend(children.get(pid, []))
    return TreeSample(total, proportional, {pid: used for pid, used in cpu.items() if used is not None})


def _cpu_seconds(pid: int) -> tuple[str, float] | None:
    """A process's name (``/proc/PID/comm``: framing names its workers and figure processes) and the user + system
    seconds it has used so far."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    name, _, rest = stat.partition(" (")[2].rpartition(") ")
    fields = rest.split()
    return name, (int(fields[11]) + int(fields[12])) / CLOCK_TICKS


def cpu_by_role(root: int, last_seen: dict[int, tuple[str, float]]) -> dict[str, float]:
    """CPU seconds of the run's own process (``run``), its scoring workers and its figure processes (by the names
    framing gives them, :func:`framing.executor.name_process`) and any ``other``, each process as last sampled."""
    roles = {"run": 0.0, "workers": 0.0, "figures": 0.0, "other": 0.0}
    for pid, (name, seconds) in last_seen.items():
        role = ("run" if pid == root else "workers" if name == WORKER_NAME else "figures" if name == FIGURES_NAME
                else "other")
        roles[role] += seconds
    return roles


def _pss_kb(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def run_cli(corpus: Path, out: Path, *options: str) -> dict:
    """One CLI run: wall seconds, CPU seconds of the process tree (exact) and of each kind of process in it
    (sampled with the memory, so a process's last tenth of a second may be missing: :func:`cpu_by_role`), peak tree
    RSS (MB), the largest process's ru_maxrss (MB), its stderr."""
    command = [str(FRAMING), "analyze", str(corpus), "--out", str(out), *options]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    peak, peak_pss, last_seen = 0, 0, {}
    while process.poll() is None:
        sample = tree_sample(process.pid)
        peak, peak_pss = max(peak, sample.rss_kb), max(peak_pss, sample.pss_kb)
        last_seen.update(sample.cpu)
        time.sleep(SAMPLE_SECONDS)
    wall = time.perf_counter() - start
    stdout, stderr = process.communicate()
    if process.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed ({process.returncode}):\n{stderr[-3000:]}")
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    largest = after.ru_maxrss / 1024
    # CPU of the CLI and every worker it waited for (a worker's time reaches the CLI's children count when
    # it is reaped, and the CLI's reaches ours).
    cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    return {"wall_s": wall, "cpu_s": cpu, "cpu_by_role": cpu_by_role(process.pid, last_seen),
            "tree_peak_mb": peak / 1024, "tree_peak_pss_mb": peak_pss / 1024,
            "largest_process_mb": largest, "stderr": stderr,
            "stdout": stdout}


def bare_vader(sentences_csv: Path) -> tuple[float, int, int]:
    """Seconds for one ``polarity_scores`` pass over the run's sentence texts, how many there were, and how many
    distinct texts among them (copies are read once by framing, :mod:`framing.memo`; bare VADER reads each)."""
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    texts = pd.read_csv(sentences_csv, usecols=["text"], keep_default_na=False)["text"].astype(str).tolist()
    analyzer = SentimentIntensityAnalyzer()
    start = time.perf_counter()
    for text in texts:
        analyzer.polarity_scores(text)
    return time.perf_counter() - start, len(texts), len(set(texts))


def measure(label: str, corpus: Path, folder: Path, *options: str, repeat: int = 1) -> dict:
    """One row: the CLI on ``corpus`` and a bare VADER pass right after it, ``repeat`` times over; the row is the
    repetition with the median ratio (this machine's speed drifts by a quarter within minutes, and a CLI run and
    the VADER pass after it see about the same speed), with the range of the ratios and the largest peak memory."""
    out = folder / f"out-{label.replace(' ', '_').replace(',', '')}"
    runs = []
    for _ in range(repeat):
        run = run_cli(corpus, out, *options)
        run["vader_s"], n_sentences, n_distinct = bare_vader(out / "sentences.csv")
        runs.append(run)
    ratios = sorted(run["wall_s"] / run["vader_s"] for run in runs)
    run = next(run for run in runs if run["wall_s"] / run["vader_s"] == ratios[(len(ratios) - 1) // 2])
    documents = len(pd.read_csv(out / "documents.csv", usecols=["doc_id"]))
    view = next((line.split(": ", 1)[1] for line in run["stderr"].splitlines()
                 if "too many to show side by side" in line), "")
    row = {"corpus": label, "options": " ".join(options), "documents": documents, "sentences": n_sentences,
           "distinct": n_distinct,
           "cli_s": run["wall_s"], "vader_s": run["vader_s"], "ratio": run["wall_s"] / run["vader_s"],
           "ratio_range": (ratios[0], ratios[-1]) if repeat > 1 else None,
           "cpu_s": run["cpu_s"], "cpu_by_role": run["cpu_by_role"], "floor": run["cpu_s"] / CORES / run["vader_s"],
           "tree_peak_mb": max(r["tree_peak_mb"] for r in runs),
           "tree_peak_pss_mb": max(r["tree_peak_pss_mb"] for r in runs),
           "largest_process_mb": max(r["largest_process_mb"] for r in runs),
           "view": ("spread" if "spread" in view else "groups (by size)" if view else "as given"),
           "figures": len(list((out / "figures").glob("*.png")))}
    print({k: round(v, 2) if isinstance(v, float) else _roles(v) if k == "cpu_by_role" else v
           for k, v in row.items()}, flush=True)
    return row


def table(rows: list[dict]) -> str:
    lines = ["| corpus | options | documents | sentences | distinct sentence texts | "
             "CLI s (figures + report included) | bare VADER s | ratio | CPU s, all processes | "
             "of which run / workers / figures (sampled) | "
             "ratio floor on these cores | "
             "peak memory, process tree: RSS sum / PSS sum MB | view | figures |",
             "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|"]
    for r in rows:
        lines.append(f"| {r['corpus']} | `{r['options'] or '—'}` | {r['documents']:,} | {r['sentences']:,} | "
                     f"{r['distinct']:,} | "
                     f"{r['cli_s']:.1f} | {r['vader_s']:.2f} | {r['ratio']:.1f}×{_range(r['ratio_range'])} | "
                     f"{r['cpu_s']:.1f} | "
                     f"{_roles(r['cpu_by_role'])} | "
                     f"{r['floor']:.1f}× | {r['tree_peak_mb']:,.0f} / "
                     f"{r['tree_peak_pss_mb']:,.0f} | "
                     f"{r['view']} | {r['figures']} |")
    return "\n".join(lines)


def _repeats(repeat: int) -> str:
    if repeat == 1:
        return "(one run per row)"
    return (f"(each row measured {repeat} times, a run and its VADER pass each time: the row shows the run with the "
            "median ratio, and in brackets the lowest and highest ratio)")


def _range(ratios: tuple[float, float] | None) -> str:
    return "" if ratios is None else f" ({ratios[0]:.1f}–{ratios[1]:.1f})"


def _roles(seconds: dict[str, float]) -> str:
    shown = f"{seconds['run']:.1f} / {seconds['workers']:.1f} / {seconds['figures']:.1f}"
    return shown + (f" (+{seconds['other']:.1f} other)" if seconds["other"] >= 0.05 else "")


# The libraries whose releases move these numbers (NLTK 3.10 made Punkt three times slower, say): named with each
# table, so that tables of different sessions can be compared.
LIBRARIES = ("python", "pandas", "numpy", "pyarrow", "matplotlib", "scipy", "scikit-learn", "nltk", "PyStemmer",
             "vaderSentiment")


def library_versions() -> str:
    """``pandas 3.1.1, numpy 2.4.6, …``: Python's version and each of :data:`LIBRARIES` installed here."""
    names = []
    for name in LIBRARIES:
        try:
            names.append(f"{name} {sys.version.split()[0] if name == 'python' else version(name)}")
        except PackageNotFoundError:
            names.append(f"{name} not installed")
    return ", ".join(names)


def compile_package() -> None:
    """Byte-compile framing's modules, as ``pip install`` does for an installed package and as Python does on a
    user's first run. An editable install has no bytecode until a run writes it, and a shell with
    ``PYTHONDONTWRITEBYTECODE`` set (this workplace's) never writes it: every run then compiles the package's
    145 modules again, about 0.3 s that no user's second run pays."""
    import compileall

    import framing

    compileall.compile_dir(Path(framing.__file__).parent, quiet=1)


def measure_all(args: argparse.Namespace, folder: Path) -> list[dict]:
    """Write every corpus the arguments ask for into ``folder`` and measure a run on each."""
    pool = sentence_pool()
    rows = []
    one_sentence = folder / "one_sentence.csv"
    write_one_sentence_documents(one_sentence)
    rows.append(measure("BABE sentences, one per document", one_sentence, folder, repeat=args.repeat))
    for n in (int(s) for s in args.sizes.split(",")):
        plain, with_outlets = folder / f"articles_{n}.csv", folder / f"articles_{n}_outlets.csv"
        write_articles(plain, n, pool, outlets=False)
        write_articles(with_outlets, n, pool, outlets=True)
        rows.append(measure(f"{n:,} articles", plain, folder, repeat=args.repeat))
        rows.append(measure(f"{n:,} articles, outlet", with_outlets, folder, "--meta-columns", "outlet",
                                repeat=args.repeat))
    for n in (int(s) for s in args.spliced_sizes.split(",") if s):
        spliced = folder / f"spliced_{n}.csv"
        write_spliced_articles(spliced, n, pool)
        rows.append(measure(f"{n:,} articles, spliced sentences", spliced, folder, repeat=args.repeat))
    for n in (int(s) for s in args.post_sizes.split(",") if s):
        posts = folder / f"posts_{n}.csv"
        write_posts(posts, n, pool)
        rows.append(measure(f"{n:,} posts of 1–3 spliced sentences", posts, folder, repeat=args.repeat))
    for n in (int(s) for s in args.long_sizes.split(",") if s):
        long_documents = folder / f"long_{n}"
        write_long_documents(long_documents, n, pool)
        rows.append(measure(f"3 documents of {n:,} sentences", long_documents, folder, repeat=args.repeat))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100,1000,10000")
    parser.add_argument("--spliced-sizes", default="1000,10000",
                        help="sizes of the corpora of spliced sentences, which rarely repeat ('' for none)")
    parser.add_argument("--post-sizes", default="40000",
                        help="numbers of posts of one to three spliced sentences ('' for none)")
    parser.add_argument("--long-sizes", default="8000",
                        help="sentences per document of the corpora of three long documents ('' for none)")
    parser.add_argument("--repeat", type=int, default=1,
                        help="runs per row, each followed by its bare VADER pass; the row shows the run with the "
                             "median ratio and the range of the ratios")
    parser.add_argument("--no-write", action="store_true", help="print the table, leave RESULTS.md alone")
    parser.add_argument("--keep", action="store_true",
                        help="keep the corpora and every run's outputs (figures, report) to look at; say where")
    args = parser.parse_args()
    if args.repeat < 1:
        parser.error("--repeat must be at least 1")
    if not all(path.exists() for path in (MBIC, NYT, BABE)):
        raise SystemExit(f"benchmark data not found under {SHARED} (it sits beside the repository on the "
                         "development machines; a user's clone does not have it)")
    compile_package()
    if args.keep:
        folder = Path(tempfile.mkdtemp(prefix="framing-scale-"))
        rows = measure_all(args, folder)
        print(f"corpora and outputs kept in {folder}")
    else:
        with tempfile.TemporaryDirectory(prefix="framing-scale-") as name:  # 1.2 GB of corpora and outputs
            rows = measure_all(args, Path(name))
    body = f"""`benchmarks/scale.py`, {CORES} cores. Libraries: {library_versions()}.
Each row is the CLI as a user runs it (`framing analyze corpus.csv --out …`, default options: `--jobs` one per
core for large corpora, contributions for what the word shift reads), **figures and report included**, as a
subprocess, framing's modules byte-compiled first as an install leaves them; bare VADER = one `polarity_scores`
pass over the same sentences (from the run's `sentences.csv`) in the benchmark process, right after the run
{_repeats(args.repeat)}. Peak memory = the sum
over the CLI and its workers, sampled every {SAMPLE_SECONDS} s, as resident size (RSS: a page forked workers share
with the CLI counts once per process) and as proportional size (PSS: shared pages split between the processes,
what the tree really holds). CPU s = user + system time of the CLI and every process it started; of which: the
run's own process, its scoring workers, the processes that draw its figures (framing names them; sampled every
0.1 s with the memory, so each process's last tenth of a second may be missing). **Ratio
floor** = CPU s ÷ cores ÷ bare VADER s, the ratio the run would have if every second of its work ran in parallel
on every core: no scheduling of this work can beat it, only doing less work can.
Synthetic articles: 15–35 sentences from the seeds, MBIC and the NYT snippets (so sentences repeat across
articles, as syndicated copy does: "distinct sentence texts" says how often; framing reads a repeated sentence
once per process, bare VADER every time); "outlet" rows carry 5 outlets in `--meta-columns`, so the figures compare
outlets; rows without metadata show the spread across documents. **Spliced sentences**: each sentence joins the
first words of one pool sentence to the last words of another, so texts rarely repeat (framing's memo gains
little, as on a corpus without syndicated copy), while halves recur and the vocabulary stays the pool's (many
sentences share words: a hard case for the alignment). **Posts**: one to three spliced sentences each, as
comments, headlines or social media posts: many tiny documents. **Long documents**: three text files of pool sentences,
as many in all as 1,000 articles, shown side by side with the reading view (a few long documents can share
thousands of events: the report shows the 50 most widely covered).

{table(rows)}
"""
    print(body)
    if not args.no_write:
        update_section(TITLE, body)


if __name__ == "__main__":
    main()
