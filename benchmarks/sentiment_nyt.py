"""Sanity check of the sentiment scorer against human ratings, and the whole-document saturation it avoids.

Reads the VADER paper's 5,190 NYT editorial snippets with mean human ratings (Hutto & Gilbert, ICWSM 2014; MIT,
from cjhutto/vaderSentiment) from ``../shared/benchmarks/vader_nyt`` next to the repository, scores each snippet
as one sentence with :class:`~framing.scorers.sentiment.SentimentScorer`, and reports Pearson's r of compound vs
the human rating (the paper reports 0.49 for VADER). Also times the word contributions (shortcut and
exhaustive) and prints each seed's compound when its body is scored as one text.

Run from the repository root: ``.venv/bin/python benchmarks/sentiment_nyt.py``. Stores its numbers as the
``sentiment`` table of ``src/framing/data/accuracy.json`` and updates its section of ``benchmarks/RESULTS.md``.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent))
from results import ACCURACY, RESULTS, publish  # noqa: E402  (the shared results writer of benchmarks/)

import framing  # noqa: E402
from framing.scorers.contributions import contributions  # noqa: E402
from framing.scorers.sentiment import SentimentScorer, score_sentiment  # noqa: E402
from framing.scorers.vader import analyzer  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "benchmarks" / "vader_nyt" / "nytEditorialSnippets_GroundTruth.txt"
TITLE = "Sentiment (VADER on NYT editorial snippets)"
PAPER_R = 0.49


def read_snippets(path: Path) -> pd.DataFrame:
    """The snippets as a sentences-like table: ``doc_id, sent_id, snippet_id, rating, text``."""
    rows = [line.split("\t", 2) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    table = pd.DataFrame(rows, columns=["snippet_id", "rating", "text"])
    table["rating"] = table["rating"].astype(float)
    table.insert(0, "doc_id", "nyt")
    table.insert(1, "sent_id", np.arange(1, len(table) + 1))
    return table


def timed(function, *args, **kwargs):
    started = time.perf_counter()
    result = function(*args, **kwargs)
    return result, time.perf_counter() - started


def seed_saturation() -> pd.DataFrame:
    """Per seed: body sentences, mean sentence compound, and the compound of the body scored as one text."""
    sentences = framing.sentences(framing.load_corpus(ROOT / "seeds"), sections=("body",))
    scores = SentimentScorer()(sentences).scores
    rows = []
    for doc_id, body in sentences.groupby("doc_id", sort=False):
        whole = analyzer().polarity_scores(" ".join(body["text"]))["compound"]
        mean = scores.loc[scores["doc_id"] == doc_id, "compound"].mean()
        rows.append((doc_id, len(body), round(mean, 4), whole))
    return pd.DataFrame(rows, columns=["doc_id", "body_sentences", "mean_sentence_compound", "whole_body_compound"])


def sentiment_numbers(n: int, r: float, saturation: pd.DataFrame) -> dict:
    """The numbers the report quotes: snippets, Pearson r (and the paper's), each seed's saturation."""
    return {"snippets": n, "pearson_r": round(r, 3), "paper_r": PAPER_R,
            "saturation": [{"doc_id": row.doc_id, "sentences": int(row.body_sentences),
                            "mean_sentence": round(float(row.mean_sentence_compound), 4),
                            "whole_text": round(float(row.whole_body_compound), 4)}
                           for row in saturation.itertuples()]}


def section_body(numbers, score_seconds, shortcut_seconds, exhaustive_seconds, n_rows, same) -> str:
    """The RESULTS.md section: the stored ``numbers`` (:func:`sentiment_numbers`) and this run's timings."""
    lines = [
        "`benchmarks/sentiment_nyt.py`, vaderSentiment 3.3.2; each snippet scored as one sentence.",
        "",
        "| measure | value |",
        "|---|---|",
        f"| snippets | {numbers['snippets']:,} |",
        f"| Pearson r, compound vs mean human rating | {numbers['pearson_r']:.3f} (paper: {numbers['paper_r']:.2f}) |",
        f"| time to score | {score_seconds:.2f} s |",
        f"| time for word contributions (shortcut) | {shortcut_seconds:.2f} s |",
        f"| time for word contributions (every token) | {exhaustive_seconds:.2f} s |",
        f"| contribution rows; shortcut equals every-token | {n_rows:,}; {'yes' if same else 'NO'} |",
        "",
        "Whole-document saturation on the seeds (body sentences joined and scored as one text — never report "
        "this):",
        "",
        "| doc_id | body sentences | mean sentence compound | compound of whole body |",
        "|---|---|---|---|",
        *(f"| {row['doc_id']} | {row['sentences']} | {row['mean_sentence']:.4f} | {row['whole_text']:.4f} |"
          for row in numbers["saturation"]),
        "",
    ]
    return "\n".join(lines)


def main() -> int:
    if not DATA.exists():
        print(f"sentiment_nyt: benchmark data not found at {DATA}; nothing to do.")
        return 0
    snippets = read_snippets(DATA)
    scores, score_seconds = timed(score_sentiment, snippets)
    r = float(np.corrcoef(scores["compound"], snippets["rating"])[0, 1])
    shortcut, shortcut_seconds = timed(contributions, snippets)
    exhaustive, exhaustive_seconds = timed(contributions, snippets, exhaustive=True)
    same = shortcut.equals(exhaustive)
    saturation = seed_saturation()

    print(f"NYT editorial snippets: n = {len(snippets):,}")
    print(f"Pearson r (compound vs human mean rating) = {r:.3f}  (paper: {PAPER_R:.2f})")
    print(f"scoring took {score_seconds:.2f} s; contributions {shortcut_seconds:.2f} s "
          f"(every token: {exhaustive_seconds:.2f} s; same table: {same})")
    print("\nWhole-document compound of each seed's body (saturates; never report it):")
    print(saturation.to_string(index=False))
    publish("sentiment", TITLE, sentiment_numbers(len(snippets), r, saturation),
            lambda numbers: section_body(numbers, score_seconds, shortcut_seconds, exhaustive_seconds,
                                         len(shortcut), same))
    print(f"\nwrote {ACCURACY.relative_to(ROOT)} and {RESULTS.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
