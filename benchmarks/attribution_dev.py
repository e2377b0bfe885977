"""Score the attribution scorer on the labelled development set and profile the seeds.

Run from the project root:  python benchmarks/attribution_dev.py [--write]

Reads ``tests/data/attribution_dev.csv`` (144 sentences: seed sentences and sentences written in the style of
wires, broadsheets, state media and opinion pages, each with the sentences before it when they matter) and
prints source-kind accuracy with its confusion matrix, source / cue / stance agreement, quote, scare-quote and
hedge precision / recall / F1, and every disagreement. Also checks the reported spans against the voice cases of
``tests/data/voice_cases.csv`` (is the labelled term inside a reported span?) and prints the attribution profile
of the three seed documents side by side. ``--write`` stores the ``attribution`` table of
``src/framing/data/accuracy.json`` and replaces the "## Attribution (development set)" section of
``benchmarks/RESULTS.md`` with one rendered from the same numbers (other benchmarks are left alone).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import NamedTuple

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent))
from results import ACCURACY, RESULTS, publish  # noqa: E402

from framing import clean_text, load_corpus, sentences
from framing.scorers.attribution import (
    SOURCE_KINDS,
    Attribution,
    attribute_text,
    cue_lemma,
    reported_spans,
    summarise_attribution,
)

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT / "tests" / "data" / "attribution_dev.csv"
VOICE = ROOT / "tests" / "data" / "voice_cases.csv"
TITLE = "Attribution (development set)"


class FreshBatch(NamedTuple):
    """Sentences labelled before their first scoring, and how that first run did."""

    name: str
    source_kind_accuracy: float
    fully_right: int
    sentences: int
    error_classes: str


# Fresh sentences written after the rules and labelled before scoring them (first run, before any fix). They are
# parametrised tests now (tests/scorers/test_attribution.py), so they are no longer held out.
FRESH = [
    FreshBatch("batch 1: 50 sentences in wire, broadsheet and opinion phrasings", 0.920, 46, 50,
     "a noun-like cue word ending a noun phrase ('Iraqi state television' cut to 'television'); an inverted "
     "subject read without a comma or quotation before the verb ('Nobody claimed responsibility …'); documents "
     "with a named issuer ('A Pentagon statement', 'figures compiled by the health ministry') called anonymous"),
    FreshBatch("batch 2: 40 sentences", 0.925, 37, 40,
     "a document 'from the ministry' called anonymous; a bare predicate adjective ('called the killing unlawful') "
     "missed; a negated cue ('did not say who …') counted"),
]


def normalise(text: str) -> str:
    """Lower case, straight quotes, no punctuation at the ends: for comparing source strings."""
    text = clean_text(text).text if text.strip() else ""
    return re.sub(r"\s+", " ", text).strip(" ,.;:").lower()


def source_match(gold: str, predicted: str) -> tuple[bool, bool]:
    """(exact, lenient): lenient accepts one string containing the other or half the words shared."""
    gold, predicted = normalise(gold), normalise(predicted)
    if gold == predicted:
        return True, True
    if not gold or not predicted:
        return False, False
    gold_words, predicted_words = set(gold.split()), set(predicted.split())
    jaccard = len(gold_words & predicted_words) / len(gold_words | predicted_words)
    return False, gold in predicted or predicted in gold or jaccard >= 0.5


def predict(dev: pd.DataFrame) -> pd.DataFrame:
    """The scorer's output for every case, next to the labels."""
    rows = []
    for case in dev.itertuples():
        row = attribute_text(case.sentence, context=case.context).iloc[0]
        rows.append({"case_id": case.case_id, "pred_source": row["source"], "pred_kind": row["source_kind"],
                     "pred_cue": cue_lemma(row["cue"]), "pred_stance": row["stance"], "pred_quote": row["quote"],
                     "pred_scare": row["scare_quotes"], "pred_hedged": row["hedged"], "pred_hedge": row["hedge"]})
    return dev.merge(pd.DataFrame(rows), on="case_id")


def prf(gold: pd.Series, predicted: pd.Series) -> tuple[float, float, float]:
    gold, predicted = gold.astype(bool), predicted.astype(bool)
    tp = int((gold & predicted).sum())
    precision = tp / predicted.sum() if predicted.sum() else 1.0
    recall = tp / gold.sum() if gold.sum() else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def evaluate(table: pd.DataFrame) -> dict:
    """Aggregate numbers: accuracies, F1s and the source-kind confusion matrix."""
    sourced = table[table["source_kind"] != "none"]
    matches = [source_match(g, p) for g, p in zip(sourced["source"], sourced["pred_source"])]
    cued = table[table["cue"] != ""]
    return {
        "n": len(table),
        "n_written": int(table["origin"].str.startswith("written").sum()),
        "kind_accuracy": (table["source_kind"] == table["pred_kind"]).mean(),
        "source_exact": sum(m[0] for m in matches) / len(matches),
        "source_lenient": sum(m[1] for m in matches) / len(matches),
        "cue_accuracy": (table["cue"] == table["pred_cue"]).mean(),
        "cue_recall_lemma": (cued["cue"] == cued["pred_cue"]).mean(),
        "stance_accuracy": (table["stance"] == table["pred_stance"]).mean(),
        "quote": prf(table["quote"], table["pred_quote"]),
        "scare": prf(table["scare_quotes"], table["pred_scare"]),
        "hedged": prf(table["hedged"], table["pred_hedged"]),
        "confusion": pd.crosstab(table["source_kind"], table["pred_kind"], rownames=["gold"],
                                 colnames=["predicted"]).reindex(index=list(SOURCE_KINDS),
                                                                 columns=list(SOURCE_KINDS), fill_value=0),
    }


def disagreements(table: pd.DataFrame) -> pd.DataFrame:
    wrong = (table["source_kind"] != table["pred_kind"]) | (table["quote"].astype(bool) != table["pred_quote"]) \
        | (table["hedged"].astype(bool) != table["pred_hedged"]) \
        | (table["scare_quotes"].astype(bool) != table["pred_scare"]) | (table["cue"] != table["pred_cue"])
    return table[wrong]


def voice_agreement() -> tuple[float, int, pd.DataFrame]:
    """Share of voice cases whose term is reported iff it overlaps a reported span."""
    cases = pd.read_csv(VOICE, keep_default_na=False)
    rows = []
    for case in cases.itertuples():
        text = clean_text(case.sentence).text
        term = clean_text(case.term).text
        position = text.find(term)
        if position < 0:
            position = text.lower().find(term.lower())
        table = pd.DataFrame({"doc_id": ["v"], "sent_id": [1], "start": [0], "end": [len(text)], "text": [text]})
        spans = reported_spans(table, pd.DataFrame({"doc_id": ["v"], "text": [text]}))
        inside = any(s < position + len(term) and position < e for s, e in zip(spans["start"], spans["end"]))
        predicted = "reported" if inside else "authorial"
        rows.append((case.case_id, case.term, case.voice, predicted, case.sentence))
    result = pd.DataFrame(rows, columns=["case_id", "term", "voice", "predicted", "sentence"])
    return (result["voice"] == result["predicted"]).mean(), len(result), result[result["voice"] != result["predicted"]]


def seed_profile() -> pd.DataFrame:
    """Scored over all sentences (headlines and captions give pronouns their context), summarised over body
    sentences — the sections the report's summaries use by default."""
    corpus = load_corpus(ROOT / "seeds")
    table = sentences(corpus)
    scores = Attribution()(table, corpus.documents).scores
    body = table[table["section"] == "body"]
    summary = summarise_attribution(body, scores.merge(body[["doc_id", "sent_id"]], on=["doc_id", "sent_id"]))
    return summary.set_index("doc_id").T


def fmt(value) -> str:
    if isinstance(value, float) and value == value and value.is_integer() and abs(value) >= 1:
        return str(int(value))
    if isinstance(value, float):
        return "—" if value != value else f"{value:.3f}"
    return str(value)


def attribution_numbers(metrics: dict, voice: tuple[float, int, pd.DataFrame]) -> dict:
    """The numbers the report quotes, rounded as RESULTS.md shows them, and the fresh batches."""
    return {"cases": int(metrics["n"]), "source_kind_accuracy": round(float(metrics["kind_accuracy"]), 3),
            "quotation_f1": round(float(metrics["quote"][2]), 3), "hedge_f1": round(float(metrics["hedged"][2]), 3),
            "voice_agreement": round(float(voice[0]), 3),
            "fresh": [{"batch": batch.name.split(":")[0], "sentences": batch.sentences,
                       "source_kind_accuracy": batch.source_kind_accuracy, "fully_right": batch.fully_right}
                      for batch in FRESH]}


def section(stored: dict, metrics: dict, voice: tuple[float, int, pd.DataFrame], profile: pd.DataFrame,
            wrong: pd.DataFrame) -> str:
    """The RESULTS.md section: the ``stored`` numbers (:func:`attribution_numbers`) and the rest of this run."""
    q, s, h = metrics["quote"], metrics["scare"], metrics["hedged"]
    lines = [
        "With `python benchmarks/attribution_dev.py --write` on `tests/data/attribution_dev.csv` "
        f"({stored['cases']} labelled sentences: {metrics['n'] - metrics['n_written']} from the three seeds, "
        f"{metrics['n_written']} written in wire, broadsheet, state-media and opinion styles). The rules were "
        "developed against this set, so these are development numbers, not a test of unseen outlets.", "",
        "| measure | value | target |", "|---|---|---|",
        f"| source-kind accuracy (named / anonymous / none) | {stored['source_kind_accuracy']:.3f} | ≥ 0.9 |",
        f"| quotation F1 (precision / recall) | {stored['quotation_f1']:.3f} ({q[0]:.3f} / {q[1]:.3f}) | ≥ 0.9 |",
        f"| hedge F1 (precision / recall) | {stored['hedge_f1']:.3f} ({h[0]:.3f} / {h[1]:.3f}) | ≥ 0.9 |",
        f"| scare-quote F1 (precision / recall) | {s[2]:.3f} ({s[0]:.3f} / {s[1]:.3f}) | — |",
        f"| cue lemma accuracy (all sentences, \"\" = no cue) | {metrics['cue_accuracy']:.3f} | — |",
        f"| stance accuracy (all sentences) | {metrics['stance_accuracy']:.3f} | — |",
        f"| source text, exact / lenient match (sentences with a source) | {metrics['source_exact']:.3f} / "
        f"{metrics['source_lenient']:.3f} | — |",
        f"| voice cases: term reported iff inside a reported span ({voice[1]} cases, "
        f"`tests/data/voice_cases.csv`) | {stored['voice_agreement']:.3f} | — |",
        "", "Source-kind confusion (rows gold, columns predicted):", "",
        "| gold \\ predicted | " + " | ".join(SOURCE_KINDS) + " |", "|---|---|---|---|",
    ]
    for kind in SOURCE_KINDS:
        lines.append(f"| {kind} | " + " | ".join(str(metrics["confusion"].loc[kind, c]) for c in SOURCE_KINDS)
                     + " |")
    lines += ["", f"Cases with any disagreement ({len(wrong)}; kind, quote, scare, hedge or cue)"
              + (":" if len(wrong) else ": none.") , ""]
    for case in wrong.itertuples():
        diffs = []
        if case.source_kind != case.pred_kind:
            diffs.append(f"kind {case.source_kind}→{case.pred_kind}")
        if case.cue != case.pred_cue:
            diffs.append(f"cue '{case.cue}'→'{case.pred_cue}'")
        if bool(case.quote) != case.pred_quote:
            diffs.append(f"quote {bool(case.quote)}→{case.pred_quote}")
        if bool(case.scare_quotes) != case.pred_scare:
            diffs.append(f"scare {bool(case.scare_quotes)}→{case.pred_scare}")
        if bool(case.hedged) != case.pred_hedged:
            diffs.append(f"hedged {bool(case.hedged)}→{case.pred_hedged}")
        lines.append(f"- {case.case_id}: {'; '.join(diffs)}")
    lines += ["", "Fresh sentences, first run (labels fixed before scoring; every error was then fixed by a general "
              "rule, so these are the better estimate for unseen outlets):", "",
              "| set | source-kind accuracy | fully right | error classes |", "|---|---|---|---|"]
    for batch, numbers in zip(FRESH, stored["fresh"]):
        lines.append(f"| {batch.name} | {numbers['source_kind_accuracy']:.3f} | {numbers['fully_right']}/"
                     f"{numbers['sentences']} | {batch.error_classes} |")
    lines += ["", "Known weaknesses: perspective frames are not read ('For his supporters he was a hero', 'To his fans "
              "… Soleimani was' — the one voice-case disagreement); source boundaries around relative clauses and "
              "appositives differ from the labels in a few cases (exact match above); pronouns take the kind of the "
              "nearest earlier source without checking gender or number; a mostly quoted sentence with no cue takes "
              "the previous source even across paragraphs (wrong in the wikipedia-2025 excerpt, whose paragraphs are "
              "not contiguous); capitalisation drives named vs anonymous, so title-case or all-caps headlines and "
              "lower-case handles are unreliable; stance comes from the verb only ('falsely claimed' is distancing "
              "because of 'claimed', not 'falsely').", ""]
    lines += ["", "Attribution profile of the seeds (body sentences, as the report's summaries; "
              "`summarise_attribution`):", "",
              "| measure | " + " | ".join(profile.columns) + " |", "|---|" + "---|" * len(profile.columns)]
    for measure, row in profile.iterrows():
        lines.append(f"| {measure} | " + " | ".join(fmt(v) for v in row) + " |")
    return "\n".join(lines) + "\n"


def main() -> None:
    dev = pd.read_csv(DEV, keep_default_na=False)
    table = predict(dev)
    metrics = evaluate(table)
    q, s, h = metrics["quote"], metrics["scare"], metrics["hedged"]
    print(f"cases {metrics['n']}")
    print(f"source-kind accuracy {metrics['kind_accuracy']:.3f}")
    print(f"quote     P {q[0]:.3f} R {q[1]:.3f} F1 {q[2]:.3f}")
    print(f"scare     P {s[0]:.3f} R {s[1]:.3f} F1 {s[2]:.3f}")
    print(f"hedged    P {h[0]:.3f} R {h[1]:.3f} F1 {h[2]:.3f}")
    print(f"cue lemma accuracy {metrics['cue_accuracy']:.3f} (on cued gold: {metrics['cue_recall_lemma']:.3f})")
    print(f"stance accuracy {metrics['stance_accuracy']:.3f}")
    print(f"source text exact {metrics['source_exact']:.3f} lenient {metrics['source_lenient']:.3f}")
    print(metrics["confusion"].to_string())
    voice = voice_agreement()
    print(f"voice cases agreement {voice[0]:.3f} of {voice[1]}")
    with pd.option_context("display.width", 250, "display.max_colwidth", 110):
        print(voice[2][["case_id", "term", "voice", "predicted", "sentence"]].to_string(index=False))
    wrong = disagreements(table)
    print(f"\n{len(wrong)} cases with a disagreement")
    for case in wrong.itertuples():
        print(f"{case.case_id}: gold {case.source_kind}/{case.source!r}/{case.cue}/{case.stance} "
              f"q{case.quote} s{case.scare_quotes} h{case.hedged} {case.hedge!r}")
        print(f"        pred {case.pred_kind}/{case.pred_source!r}/{case.pred_cue}/{case.pred_stance} "
              f"q{int(case.pred_quote)} s{int(case.pred_scare)} h{int(case.pred_hedged)} {case.pred_hedge!r}")
        print(f"        {case.sentence}")
    sourced = table[(table["source_kind"] != "none") & (table["source_kind"] == table["pred_kind"])]
    misses = [(c.case_id, c.source, c.pred_source) for c in sourced.itertuples()
              if not source_match(c.source, c.pred_source)[1]]
    print(f"\nsource text not matching (lenient) where the kind is right: {len(misses)}")
    for case_id, gold, predicted in misses:
        print(f"  {case_id}: {gold!r} vs {predicted!r}")
    profile = seed_profile()
    print("\nSeed attribution profile")
    print(profile.to_string(float_format=lambda v: f"{v:.3f}"))
    if "--write" in sys.argv:
        publish("attribution", TITLE, attribution_numbers(metrics, voice),
                lambda stored: section(stored, metrics, voice, profile, wrong))
        print(f"\nwrote the attribution table of {ACCURACY} and the {TITLE!r} section of {RESULTS}")


if __name__ == "__main__":
    main()
