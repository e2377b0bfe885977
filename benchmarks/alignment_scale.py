"""What the alignment's shortlist costs and loses at corpus scale, against comparing every pair.

A corpus whose exact comparison would exceed its budget (``framing.align.products.product_budget``) compares only
the pairs its less common words put on a shortlist (:mod:`framing.align.products`). For each corpus this script
aligns the same sentences both ways, on all cores — ``Aligner(compare_all=True)`` and the shortlist (forced,
also where the corpus is small enough for the exact comparison, so that its loss is measured where the exact
answer is cheap) — and prints the time of each, the pairs each keeps, the exact pairs the shortlist also keeps
(recall; also among the exact pairs of similarity 0.3 and 0.5 and more) and the shortlist's pairs the exact
comparison does not keep (a sentence whose better partners were left out can keep a weaker one under its cap).
The seeds are far below the budget: compared exactly, their gold pairs are unchanged (``alignment.py``).

Corpora, built as ``scale.py`` builds them (same seeds): synthetic articles of whole pool sentences (repeated
across articles, as wire copy is) and articles of spliced sentences (rarely repeated; the hard case). Sentences
are cut with framing's splitter; every sentence is in the body.

Run from the repository root: ``.venv/bin/python benchmarks/alignment_scale.py [--sizes 1000,3000]
[--spliced-sizes 1000,3000] [--no-write]``. Needs ``../shared/benchmarks`` (as ``scale.py``). Updates its section
of ``benchmarks/RESULTS.md``.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
import warnings
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent))
from results import update_section  # noqa: E402
from scale import BABE, MBIC, NYT, SHARED, sentence_pool, write_articles, write_spliced_articles  # noqa: E402

import framing.align.products as products  # noqa: E402
from framing.align import Aligner  # noqa: E402
from framing.errors import FramingWarning  # noqa: E402
from framing.executor import available_cores  # noqa: E402
from framing.segment import split_spans  # noqa: E402

TITLE = "Alignment at corpus scale: the shortlist against every pair"
CORES = available_cores()


def sentences_of(corpus_csv: Path) -> pd.DataFrame:
    """The sentences of a corpus table's articles (``doc_id, sent_id, section, text``)."""
    rows = []
    for doc_id, text in pd.read_csv(corpus_csv, usecols=["id", "text"]).itertuples(index=False):
        rows.extend((doc_id, k + 1, "body", text[start:end]) for k, (start, end) in enumerate(split_spans(text)))
    return pd.DataFrame(rows, columns=["doc_id", "sent_id", "section", "text"])


def timed_pairs(aligner: Aligner, sentences: pd.DataFrame, featurized) -> tuple[pd.DataFrame, float, bool]:
    """The pairs, the seconds they took, and whether the aligner said it used its shortlist."""
    clock = time.perf_counter()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", FramingWarning)
        pairs = aligner.align(sentences, featurized=featurized)
    shortlisted = any("less common words" in str(w.message) for w in caught)
    return pairs, time.perf_counter() - clock, shortlisted


def compare(label: str, sentences: pd.DataFrame) -> dict:
    aligner = Aligner(threads=CORES)
    featurized = aligner.featurize(sentences)  # shared: what is compared here is the comparison
    exact, exact_s, _ = timed_pairs(Aligner(threads=CORES, compare_all=True), sentences, featurized)
    short, short_s, by_default = timed_pairs(aligner, sentences, featurized)
    if not by_default:
        floor = products.EXACT_PRODUCT_ENTRIES
        products.EXACT_PRODUCT_ENTRIES = 0  # the shortlist, whatever the size
        try:
            short, short_s, _ = timed_pairs(aligner, sentences, featurized)
        finally:
            products.EXACT_PRODUCT_ENTRIES = floor
    key = ["doc_a", "sent_a", "doc_b", "sent_b"]
    both = exact.merge(short[key], on=key, how="inner")
    row = {"corpus": label, "sentences": len(sentences), "default": "shortlist" if by_default else "exact",
           "exact_s": exact_s, "shortlist_s": short_s, "exact_pairs": len(exact), "shortlist_pairs": len(short),
           "recall": len(both) / max(len(exact), 1),
           "new_share": (len(short) - len(both)) / max(len(short), 1)}
    for floor in (0.3, 0.5):
        strong = exact["similarity"] >= floor
        row[f"recall_{floor}"] = float((both["similarity"] >= floor).sum() / max(int(strong.sum()), 1))
    print(row, flush=True)
    return row


def table(rows: list[dict]) -> str:
    lines = ["| corpus | sentences | default | every pair: s | shortlist: s | pairs (every / shortlist) | recall | "
             "recall, similarity ≥ 0.3 | ≥ 0.5 | shortlist pairs not in every pair |",
             "|---|---|---|---|---|---|---|---|---|---|"]
    for r in rows:
        lines.append(f"| {r['corpus']} | {r['sentences']:,} | {r['default']} | {r['exact_s']:.1f} | "
                     f"{r['shortlist_s']:.1f} | {r['exact_pairs']:,} / {r['shortlist_pairs']:,} | "
                     f"{r['recall']:.3f} | {r['recall_0.3']:.3f} | {r['recall_0.5']:.3f} | {r['new_share']:.3f} |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,3000", help="sizes of the corpora of whole pool sentences")
    parser.add_argument("--spliced-sizes", default="1000,3000", help="sizes of the corpora of spliced sentences")
    parser.add_argument("--no-write", action="store_true", help="print the table, leave RESULTS.md alone")
    args = parser.parse_args()
    if not all(path.exists() for path in (MBIC, NYT, BABE)):
        raise SystemExit(f"benchmark data not found under {SHARED}")
    with tempfile.TemporaryDirectory(prefix="framing-align-scale-") as name:
        folder = Path(name)
        pool = sentence_pool()
        rows = []
        for n in (int(s) for s in args.sizes.split(",") if s):
            corpus = folder / f"articles_{n}.csv"
            write_articles(corpus, n, pool, outlets=False)
            rows.append(compare(f"{n:,} articles", sentences_of(corpus)))
        for n in (int(s) for s in args.spliced_sizes.split(",") if s):
            corpus = folder / f"spliced_{n}.csv"
            write_spliced_articles(corpus, n, pool)
            rows.append(compare(f"{n:,} articles, spliced sentences", sentences_of(corpus)))
    body = f"""`benchmarks/alignment_scale.py`, {CORES} cores (threads of one process). The same sentences aligned by
comparing every pair (`--exact-alignment`) and through the shortlist: the commonest words are set aside until
the products of the others hold at most max({products.EXACT_PRODUCT_ENTRIES:,}, {products.ENTRIES_PER_USE} × the
matrix's stored entries) entries; a pair is compared when its other words give {products.CANDIDATE_SHARE:.0%} of
the threshold, and its similarity is then computed in full. "default" says which the run uses (the shortlist
only when comparing every pair would exceed that budget); where the default is exact, the shortlist is forced
with a budget of {products.ENTRIES_PER_USE} per stored entry, to measure its loss where the exact answer is cheap.
Times are the `align` call, the features counted beforehand. Recall = share of the exact pairs the shortlist
keeps. Synthetic articles as in `scale.py`.

{table(rows)}
"""
    print(body)
    if not args.no_write:
        update_section(TITLE, body)


if __name__ == "__main__":
    main()
