"""Benchmark event alignment on the seeds: gold pairs, an audit of what else it proposes, and speed.

Three kinds of evidence, because the gold set alone misleads:

1. **Gold pairs** (tests/data/alignment_gold.csv, 65 aligned / 57 not): precision and recall for a sweep of
   thresholds. Its negatives are *hard* (same year, same names, different event); there are only 57 of them,
   while the seeds have ~21,000 cross-document sentence pairs that are easy negatives. A threshold chosen on gold
   F1 alone lands low and proposes hundreds of wrong pairs.
2. **Audit**: a random sample of proposed pairs that are not in the gold set, 12 from each similarity band,
   judged by hand ("same event or same specific fact?"; verdicts below, made once for this aligner). It
   estimates the precision a reader of the seed report actually gets.
3. **Held-out choice**: over 200 random halvings of the gold pairs by event (pairs of one event stay together),
   the threshold is picked on one half — maximising F1 of (audited corpus precision, gold recall on that half)
   over the band edges — and scored on the other half. The gold-only choice is shown beside it.

Speed: align() on ~20,000 sentences (the seed sentences copied into 77 documents, 30% of the sentences with
shuffled word order and a dropped word).

Run:  .venv/bin/python benchmarks/alignment.py   (stores the ``alignment`` table of src/framing/data/accuracy.json
and writes its section of benchmarks/RESULTS.md from the same numbers)
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent))
from alignment_gold import gold_scores, resolve_gold  # noqa: E402
from results import publish  # noqa: E402

import framing  # noqa: E402
from framing.align import Aligner, event_comparison, events, omissions  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
BANDS = [0.05, 0.08, 0.11, 0.14, 0.18, 0.25, 1.01]
SWEEP = [0.05, 0.08, 0.11, 0.14, 0.18, 0.22, 0.25, 0.30]
SPLITS = 200

# Hand verdicts on a random sample (seed 11) of non-gold pairs proposed at similarity >= 0.05, 12 per band.
# True = same event or same specific fact (as in the gold set); judged from the two sentences alone.
AUDIT = [
    ("wikipedia-2025", 19, "wikipedia-2017", 95, False), ("wikipedia-2025", 6, "dailymail-2020", 14, False),
    ("wikipedia-2025", 10, "dailymail-2020", 24, False), ("wikipedia-2017", 45, "dailymail-2020", 6, False),
    ("wikipedia-2025", 16, "dailymail-2020", 38, False), ("wikipedia-2017", 55, "dailymail-2020", 5, False),
    ("wikipedia-2017", 53, "dailymail-2020", 12, False), ("wikipedia-2025", 35, "wikipedia-2017", 94, False),
    ("wikipedia-2017", 93, "dailymail-2020", 86, False), ("wikipedia-2025", 18, "wikipedia-2017", 98, False),
    ("wikipedia-2025", 43, "wikipedia-2017", 94, False), ("wikipedia-2025", 26, "dailymail-2020", 39, False),
    ("wikipedia-2017", 56, "dailymail-2020", 92, False), ("wikipedia-2017", 118, "dailymail-2020", 69, False),
    ("wikipedia-2017", 93, "dailymail-2020", 93, False), ("wikipedia-2025", 29, "wikipedia-2017", 42, False),
    ("wikipedia-2017", 55, "dailymail-2020", 92, False), ("wikipedia-2025", 5, "wikipedia-2017", 48, False),
    ("wikipedia-2025", 36, "dailymail-2020", 83, False), ("wikipedia-2025", 6, "dailymail-2020", 16, False),
    ("wikipedia-2025", 11, "wikipedia-2017", 4, False), ("wikipedia-2025", 35, "wikipedia-2017", 74, False),
    ("wikipedia-2017", 71, "dailymail-2020", 32, False), ("wikipedia-2025", 35, "wikipedia-2017", 63, False),
    ("wikipedia-2017", 1, "dailymail-2020", 63, True), ("wikipedia-2025", 12, "wikipedia-2017", 83, False),
    ("wikipedia-2017", 9, "dailymail-2020", 12, True), ("wikipedia-2017", 20, "dailymail-2020", 93, False),
    ("wikipedia-2017", 42, "dailymail-2020", 39, False), ("wikipedia-2017", 48, "dailymail-2020", 37, True),
    ("wikipedia-2017", 52, "dailymail-2020", 10, False), ("wikipedia-2025", 20, "dailymail-2020", 6, False),
    ("wikipedia-2025", 3, "wikipedia-2017", 75, True), ("wikipedia-2025", 19, "dailymail-2020", 64, False),
    ("wikipedia-2025", 38, "wikipedia-2017", 112, False), ("wikipedia-2025", 33, "wikipedia-2017", 92, False),
    ("wikipedia-2025", 6, "wikipedia-2017", 78, False), ("wikipedia-2017", 19, "dailymail-2020", 33, False),
    ("wikipedia-2017", 41, "dailymail-2020", 37, True), ("wikipedia-2025", 40, "wikipedia-2017", 50, False),
    ("wikipedia-2025", 13, "wikipedia-2017", 81, False), ("wikipedia-2025", 27, "wikipedia-2017", 78, False),
    ("wikipedia-2017", 82, "dailymail-2020", 20, False), ("wikipedia-2017", 21, "dailymail-2020", 70, False),
    ("wikipedia-2017", 11, "dailymail-2020", 11, False), ("wikipedia-2017", 42, "dailymail-2020", 76, False),
    ("wikipedia-2017", 15, "dailymail-2020", 60, True), ("wikipedia-2025", 14, "wikipedia-2017", 57, True),
    ("wikipedia-2017", 37, "dailymail-2020", 7, False), ("wikipedia-2025", 13, "wikipedia-2017", 83, False),
    ("wikipedia-2025", 38, "wikipedia-2017", 108, False), ("wikipedia-2017", 89, "dailymail-2020", 19, False),
    ("wikipedia-2017", 37, "dailymail-2020", 8, True), ("wikipedia-2025", 5, "wikipedia-2017", 23, False),
    ("wikipedia-2025", 13, "wikipedia-2017", 84, True), ("wikipedia-2025", 21, "dailymail-2020", 83, False),
    ("wikipedia-2017", 8, "dailymail-2020", 12, True), ("wikipedia-2025", 7, "dailymail-2020", 33, False),
    ("wikipedia-2017", 42, "dailymail-2020", 58, False), ("wikipedia-2017", 46, "dailymail-2020", 28, False),
    ("wikipedia-2025", 34, "wikipedia-2017", 57, False), ("wikipedia-2025", 13, "wikipedia-2017", 85, True),
    ("wikipedia-2025", 37, "dailymail-2020", 53, True), ("wikipedia-2025", 27, "wikipedia-2017", 35, False),
    ("wikipedia-2025", 17, "wikipedia-2017", 121, True), ("wikipedia-2017", 40, "dailymail-2020", 78, True),
    ("wikipedia-2025", 12, "wikipedia-2017", 78, True), ("wikipedia-2017", 107, "dailymail-2020", 68, True),
    ("wikipedia-2017", 14, "dailymail-2020", 4, True), ("wikipedia-2025", 36, "dailymail-2020", 53, False),
    ("wikipedia-2025", 12, "wikipedia-2017", 77, True), ("wikipedia-2017", 20, "dailymail-2020", 80, True),
]


def markdown(table: pd.DataFrame, *, index: bool = True, digits: int = 3) -> str:
    """A GitHub table without the optional tabulate dependency."""
    frame = table.reset_index() if index else table

    def cell(value):
        if isinstance(value, (float, np.floating)):
            return "" if np.isnan(value) else f"{value:.{digits}f}"
        return str(value)

    lines = ["| " + " | ".join(map(str, frame.columns)) + " |", "|" + "---|" * len(frame.columns)]
    lines += ["| " + " | ".join(cell(v) for v in row) + " |" for row in frame.itertuples(index=False)]
    return "\n".join(lines)


def gold_curve(similarity: pd.Series, aligned: pd.Series, thresholds) -> pd.DataFrame:
    rows = []
    for t in thresholds:
        proposed = similarity >= t
        tp = int((proposed & aligned).sum())
        precision = tp / int(proposed.sum()) if proposed.any() else np.nan
        recall = tp / int(aligned.sum())
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        rows.append((t, precision, recall, f1))
    return pd.DataFrame(rows, columns=["threshold", "precision", "recall", "f1"])


def audit_bands(candidates: pd.DataFrame, in_gold: pd.Series) -> pd.DataFrame:
    """Per similarity band: proposals, gold pairs among them, audited non-gold pairs and their precision."""
    verdicts = {key[:4]: key[4] for key in AUDIT}
    keys = list(zip(candidates.doc_a, candidates.sent_a, candidates.doc_b, candidates.sent_b))
    judged = pd.Series([verdicts.get(k) for k in keys], index=candidates.index)
    band = pd.cut(candidates["similarity"], BANDS, right=False)
    table = pd.DataFrame({
        "proposed": candidates.groupby(band, observed=False).size(),
        "gold": in_gold.groupby(band, observed=False).sum(),
        "audited": judged.notna().groupby(band, observed=False).sum(),
        "audited_right": judged.eq(True).groupby(band, observed=False).sum(),
    })
    table["precision"] = table["audited_right"] / table["audited"]
    table.index = [f"[{b.left:.2f}, {min(b.right, 1.0):.2f})" for b in table.index]
    return table


def corpus_precision(bands: pd.DataFrame, band_gold_right: np.ndarray, band_gold_unknown: np.ndarray) -> list:
    """Estimated precision of everything proposed at each band edge (gold pairs known, the rest from the audit)."""
    out = []
    for k in range(len(bands)):
        rest = bands.iloc[k:]
        unknown = rest["proposed"] - rest["gold"] + band_gold_unknown[k:]
        right = (unknown * rest["precision"]).sum() + band_gold_right[k:].sum()
        out.append(right / rest["proposed"].sum())
    return out


def noisy_corpus(sentences: pd.DataFrame, copies: int, seed: int = 0) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    frames = []
    for k in range(copies):
        copy = sentences.assign(doc_id=sentences["doc_id"] + f"-{k:02d}")
        texts = []
        for text in copy["text"]:
            words = text.split()
            if rng.random() < 0.3 and len(words) > 3:
                words = list(rng.permutation(words))
                del words[rng.integers(len(words))]
            texts.append(" ".join(words))
        frames.append(copy.assign(text=texts))
    return pd.concat(frames, ignore_index=True)


def main() -> None:
    corpus = framing.load_corpus(ROOT / "seeds")
    sentences = framing.sentences(corpus)
    gold = resolve_gold(sentences, pd.read_csv(ROOT / "tests" / "data" / "alignment_gold.csv"))
    aligned = gold["label"].eq("aligned")
    aligner = Aligner()

    candidates = aligner.align(sentences, threshold=0.05)
    similarity = gold_scores(candidates, gold)
    curve = gold_curve(similarity, aligned, SWEEP)
    curve["proposed"] = [int((candidates["similarity"] >= t).sum()) for t in SWEEP]

    gold_keys = set(zip(gold.doc_a, gold.sent_a, gold.doc_b, gold.sent_b)) | \
        set(zip(gold.doc_b, gold.sent_b, gold.doc_a, gold.sent_a))
    in_gold = pd.Series([k in gold_keys for k in zip(candidates.doc_a, candidates.sent_a, candidates.doc_b,
                                                     candidates.sent_b)], index=candidates.index)
    bands = audit_bands(candidates, in_gold)
    edges = BANDS[:-1]
    gold_band = np.digitize(similarity, BANDS) - 1  # -1: not proposed
    n_bands = len(edges)

    def band_counts(mask):
        right = np.array([int(((gold_band == b) & mask & aligned).sum()) for b in range(n_bands)])
        return right

    all_right = band_counts(np.ones(len(gold), bool))
    estimate_all = corpus_precision(bands, all_right, np.zeros(n_bands))
    bands["est. precision at this edge"] = estimate_all

    # Held-out threshold choice.
    rng = np.random.default_rng(1)
    event_names = gold["event"].unique()
    chosen, held = [], []
    for _ in range(SPLITS):
        train_events = set(rng.choice(event_names, size=len(event_names) // 2, replace=False))
        train = gold["event"].isin(train_events).to_numpy()
        # Test-half gold pairs count as unknown in the estimate: judged at their band's audited precision.
        unknown = np.array([int(((gold_band == b) & ~train).sum()) for b in range(n_bands)])
        estimate = corpus_precision(bands, band_counts(train), unknown)
        train_recall = [((similarity >= t) & aligned & train).sum() / (aligned & train).sum() for t in edges]
        f1 = [2 * p * r / (p + r) if p + r else 0 for p, r in zip(estimate, train_recall)]
        t_audit = edges[int(np.argmax(f1))]
        train_curve = gold_curve(similarity[train], aligned[train], SWEEP)
        t_gold = float(train_curve.loc[train_curve["f1"].idxmax(), "threshold"])
        for name, t in (("audit + gold recall", t_audit), ("gold F1 only", t_gold)):
            test = gold_curve(similarity[~train], aligned[~train], [t]).iloc[0]
            held.append((name, t, test["precision"], test["recall"]))
        chosen.append(t_audit)
    held = pd.DataFrame(held, columns=["rule", "threshold", "precision", "recall"])
    summary = held.groupby("rule").agg(
        threshold_median=("threshold", "median"), precision_mean=("precision", "mean"),
        precision_sd=("precision", "std"), recall_mean=("recall", "mean"), recall_sd=("recall", "std"))
    picks = pd.Series(chosen).value_counts().sort_index()

    pairs = aligner.align(sentences)
    default = gold_curve(gold_scores(pairs, gold), aligned, [aligner.threshold]).iloc[0]
    audited_at_default = bands.loc[[i for i, lo in zip(bands.index, edges) if lo >= aligner.threshold]]

    # Speed on ~20,000 sentences.
    big = noisy_corpus(sentences, copies=77)
    start = time.perf_counter()
    big_pairs = aligner.align(big)
    seconds = time.perf_counter() - start
    print(f"align() on {len(big):,} sentences: {seconds:.1f} s", file=sys.stderr)

    # Events on the seeds with the shipped events file, and omissions between the tabloid and the 2017 article.
    found = events(sentences, pairs, events_file=ROOT / "seeds" / "events.toml")
    coverage = found.members.groupby("event_id")["doc_id"].agg(lambda d: ", ".join(pd.unique(d)))
    labels = found.labels.assign(documents=found.labels["event_id"].map(coverage))
    missing = omissions(event_comparison(found, sentences))

    def between(a, b):
        rows = missing[(missing["missing_from"] == b) & missing["covered_by"].str.contains(a)]
        return "; ".join(f"{r.event_id} {r.label}" for r in rows.itertuples()) or "(none)"

    numbers = {"threshold": float(aligner.threshold), "proposed": len(pairs),
               "precision": round(float(default.precision), 2), "recall": round(float(default.recall), 2),
               "gold_pairs": len(gold),
               "estimated_precision": round(float(estimate_all[edges.index(aligner.threshold)]), 2)}

    def render(stored: dict) -> str:
        """The section, with the numbers the report quotes taken from the stored table."""
        return f"""
`benchmarks/alignment.py`; seeds (260 sentences, ~21,000 cross-document sentence pairs); default
`Aligner()`: TF-IDF over content stems, names and years (each ×1.5), IDF squared, given names folded into the
surname, year-conflict ×0.5, runs of 2, top-3 partners, at least 2 shared features, **threshold
{stored["threshold"]}**.

**At the default threshold:** {stored["proposed"]} pairs proposed. Gold precision {stored["precision"]:.2f}, gold
recall {stored["recall"]:.2f} (all {stored["gold_pairs"]} pairs). The issue's target (both ≥ 0.8) is **not** met for
recall; see below.

Gold curve (all 122 pairs) and how many pairs the aligner proposes on the seeds:

{markdown(curve, index=False)}

Audit of proposals that are not gold pairs (12 sampled per band, judged by hand; verdicts in the script) and the
estimated precision of *everything* proposed at or above each band's lower edge:

{markdown(bands.rename_axis("similarity band"), digits=2)}

At the default threshold the audited bands give {int(audited_at_default['audited_right'].sum())} right of
{int(audited_at_default['audited'].sum())} sampled non-gold pairs; estimated precision of all {stored["proposed"]}
proposals ≈ {stored["estimated_precision"]:.2f}. Below 0.11 the audit found nothing right
(0 of 24): the many easy negatives, not the gold negatives, decide where the threshold can go.

Held-out threshold choice ({SPLITS} random halvings of the gold set by event; pick on one half, score the other):

{markdown(summary)}

Thresholds picked by the audit rule: {", ".join(f"{t:.2f} ×{n}" for t, n in picks.items())}. The gold-only
rule picks lower thresholds: higher held-out gold recall, but the audit shows most of what it adds is wrong.

Why recall stops near 0.5: of the 65 aligned gold pairs, 14 share at most one feature (name, year or word
stem) and 22 at most two ("called the assassination of Soleimani 'flatly illegal'" / "who was killed Friday in a US strike"; "Dear
Mr. Khatami, how long…" / "he threatened to topple the government"). Bag-of-words similarity cannot see them;
an events file with cue terms (seeds/events.toml) is the way to bring such sentences into one event.

**Speed:** `align()` on {len(big):,} sentences in {big['doc_id'].nunique()} documents: {seconds:.1f} s,
{len(big_pairs):,} pairs (sparse products in blocks of 2,000 rows; no Python loop over pairs). The synthetic corpus
is a worst case: every sentence has 76 near-copies, so most of the time goes into products that are mostly above
the threshold; tokenising and weighting take about 3 s of it.

Seed events with `seeds/events.toml` (ids in order of first sentence; documents covering each):

{markdown(labels[["event_id", "label", "source", "n_sentences", "documents"]], index=False)}

Omissions between the tabloid and the 2017 encyclopedia article:

- covered by dailymail-2020, missing from wikipedia-2017: {between("dailymail-2020", "wikipedia-2017")}
- covered by wikipedia-2017, missing from dailymail-2020: {between("wikipedia-2017", "dailymail-2020")}
"""
    print(render(publish("alignment", "Alignment (gold pairs)", numbers, render)))


if __name__ == "__main__":
    main()
