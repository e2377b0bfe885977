"""Score the agency scorer on the fresh harm set: excerpts written and labelled before the scorer first ran.

Run from the project root:  python benchmarks/agency_fresh.py [--write] [--first-run]

Reads the 14 excerpts of ``tests/data/harms/excerpts`` (with ``tests/data/harms/manifest.csv``), their harm
expressions labelled in ``tests/data/harms/harms.csv`` and the hard negatives of ``tests/data/harms/not_harm.csv``
("made a killing", "strike a deal" …). Scores them with ``framing.scorers.agency.Agency`` and matches its harms to
the labels: same document, same sentence (by normalised text), overlapping expression words, one to one. Prints
recall and precision of harm expressions, construction accuracy among the matched ones (with a confusion
matrix), "agent stated or not" accuracy, agent and victim exact-or-overlapping match rates, voice accuracy, the
hard negatives wrongly found, and every disagreement.

``--write`` stores the numbers as the ``agency_fresh`` table of ``src/framing/data/accuracy.json`` (key
``latest``; ``first_run`` is kept from earlier runs) and renders the RESULTS.md section; ``--first-run`` (implies
``--write``) also stores this run as ``first_run`` — use it once, on the scorer's first run on this set, so the
honest number survives later tuning. Exits 0 with a message when the scorer cannot be imported.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import NamedTuple

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent))
from results import ACCURACY, RESULTS, publish  # noqa: E402

from framing import clean_text, load_corpus, sentences  # noqa: E402
from framing.scorers.attribution import Attribution  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
HARM_SET = ROOT / "tests" / "data" / "harms"
BENCHMARK = "agency_fresh"
TITLE = "Agency (fresh harm set, labelled before the first run)"
CONSTRUCTIONS = ("active", "passive_agent", "agentless_passive", "intransitive", "nominal", "adjectival")
# Words that do not make two agent or victim strings the same party.
FUNCTION_WORDS = {"a", "an", "the", "of", "its", "their", "his", "her", "and", "to", "in", "on", "by",
                  "at", "least", "more", "than", "about", "up"}


class LabelledSet(NamedTuple):
    """The harm set: sentences as framing splits them, and both label files located in them."""

    sentences: pd.DataFrame
    harms: pd.DataFrame
    negatives: pd.DataFrame
    documents: pd.DataFrame


class Matching(NamedTuple):
    """Labels paired with the scorer's harms: ``pairs`` (gold columns and ``pred_*`` columns, one row per match),
    ``missed`` (labels with no harm found), ``extra`` (harms found with no label; ``negative`` says whether it
    sits on a labelled hard negative)."""

    pairs: pd.DataFrame
    missed: pd.DataFrame
    extra: pd.DataFrame


def scorer_class():
    """``framing.scorers.agency.Agency``, or None when that package does not exist (yet)."""
    try:
        from framing.scorers.agency import Agency
    except ModuleNotFoundError as error:
        if error.name and "framing.scorers.agency".startswith(error.name):
            return None
        raise
    return Agency


def normalise(text: str) -> str:
    """Cleaned (straight quotes, single spaces), lower case: for comparing sentences as written and as split."""
    text = clean_text(text).text if text.strip() else ""
    return re.sub(r"\s+", " ", text).strip().lower()


def locate(labels: pd.DataFrame, table: pd.DataFrame, texts: dict[str, str]) -> pd.DataFrame:
    """Each label with ``sent_id, start, end``: its sentence in framing's split (by normalised text; a sentence
    split differently is looked for in the document instead) and its expression's document offsets. Repeated
    expressions in one sentence are taken in order of the label rows."""
    by_text = {(d, normalise(t)): (s, start, t) for d, s, start, t in
               zip(table["doc_id"], table["sent_id"], table["start"], table["text"])}
    seen: dict[tuple[str, str, str], int] = {}
    located = []
    for label in labels.itertuples(index=False):
        sent_id, sentence_start, text = by_text.get((label.doc_id, normalise(label.sentence)), (None, -1, ""))
        if sent_id is None:
            text = clean_text(label.sentence).text.strip()
            sentence_start = texts[label.doc_id].find(text)
        if sentence_start < 0:
            raise SystemExit(f"{label.doc_id}: labelled sentence not in the document: {label.sentence!r}")
        key = (label.doc_id, label.sentence, label.expression)
        nth = seen[key] = seen.get(key, -1) + 1
        found = list(re.finditer(rf"(?<!\w){re.escape(label.expression)}(?!\w)", text, re.IGNORECASE))
        start = sentence_start + found[nth].start()
        end = sentence_start + found[nth].end()
        if sent_id is None:
            sent_id = _sentence_at(table, label.doc_id, start)
        located.append({"sent_id": sent_id, "start": start, "end": end})
    return pd.concat([labels.reset_index(drop=True), pd.DataFrame(located)], axis=1)


def _sentence_at(table: pd.DataFrame, doc_id: str, offset: int) -> int:
    inside = table[(table["doc_id"] == doc_id) & (table["start"] <= offset) & (table["end"] > offset)]
    return int(inside["sent_id"].iloc[0])


def load_set() -> LabelledSet:
    corpus = load_corpus(HARM_SET / "excerpts", manifest=HARM_SET / "manifest.csv")
    table = sentences(corpus)
    texts = dict(zip(corpus.documents["doc_id"], corpus.documents["text"]))
    harms = pd.read_csv(HARM_SET / "harms.csv", keep_default_na=False)
    negatives = pd.read_csv(HARM_SET / "not_harm.csv", keep_default_na=False)
    return LabelledSet(table, locate(harms, table, texts), locate(negatives, table, texts),
                       corpus.documents[["doc_id", "text"]])


def score(labelled: LabelledSet, agency_class) -> pd.DataFrame:
    """The scorer's harms (``doc_id, sent_id, expression, lemma, construction, agent, victim, voice, start,
    end``) with the attribution spans it reads for voice."""
    spans = Attribution()(labelled.sentences, labelled.documents).spans
    return agency_class()(labelled.sentences, spans).harms.reset_index(drop=True)


def match(gold: pd.DataFrame, predicted: pd.DataFrame, negatives: pd.DataFrame) -> Matching:
    """Pair labels and found harms one to one, largest character overlap first, within one sentence."""
    candidates = gold.reset_index().merge(predicted.reset_index(), on=["doc_id", "sent_id"],
                                          suffixes=("", "_pred"))
    candidates["overlap"] = (candidates[["end", "end_pred"]].min(axis=1)
                             - candidates[["start", "start_pred"]].max(axis=1))
    candidates = candidates[candidates["overlap"] > 0].sort_values("overlap", ascending=False, kind="stable")
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    pairs = []
    for row in candidates.itertuples(index=False):
        if row.index in used_gold or row.index_pred in used_pred:
            continue
        used_gold.add(row.index)
        used_pred.add(row.index_pred)
        pairs.append((row.index, row.index_pred))
    pairs.sort()
    gold_rows = gold.loc[[g for g, _ in pairs]].reset_index(drop=True)
    pred_rows = predicted.loc[[p for _, p in pairs]].reset_index(drop=True).add_prefix("pred_")
    extra = predicted.drop(index=list(used_pred)).copy()
    extra["negative"] = [_on_negative(row, negatives) for row in extra.itertuples(index=False)]
    return Matching(pd.concat([gold_rows, pred_rows], axis=1), gold.drop(index=list(used_gold)), extra)


def _on_negative(found, negatives: pd.DataFrame) -> bool:
    same = negatives[(negatives["doc_id"] == found.doc_id) & (negatives["sent_id"] == found.sent_id)]
    return bool(((same["start"] < found.end) & (found.start < same["end"])).any())


def party_words(text: str) -> set[str]:
    """The content words of an agent or victim string ("Israel's" and "Israel" share one)."""
    words = re.findall(r"\w+(?:[-,]\w+)*", normalise(text).replace("'s", ""))
    return {word for word in words if word not in FUNCTION_WORDS}


def same_party(gold: str, predicted: str) -> bool:
    """Exact (after normalising) or overlapping: at least one content word in common."""
    if not gold or not predicted:
        return False
    return normalise(gold) == normalise(predicted) or bool(party_words(gold) & party_words(predicted))


def share(flags: pd.Series) -> float | None:
    return round(float(flags.mean()), 3) if len(flags) else None


def evaluate(matching: Matching, gold: pd.DataFrame, n_negatives: int) -> dict:
    """The numbers stored and printed: counts, rates (None when nothing to rate), recall per labelled
    construction and the confusion rows."""
    pairs = matching.pairs
    n_gold = len(gold)
    n_gold_by_kind = gold["construction"].value_counts()
    n_found = len(pairs) + len(matching.extra)
    agent_stated = pairs[pairs["agent"] != ""]
    victim_stated = pairs[pairs["victim"] != ""]
    # A construction outside the agreed six still gets its column, so nothing found is hidden.
    unexpected = sorted(set(pairs["pred_construction"]) - set(CONSTRUCTIONS))
    confusion = pd.crosstab(pairs["construction"], pairs["pred_construction"]).reindex(
        index=list(CONSTRUCTIONS), columns=[*CONSTRUCTIONS, *unexpected], fill_value=0)
    return {
        "labelled": n_gold, "found": n_found, "matched": len(pairs),
        "recall": round(len(pairs) / n_gold, 3) if n_gold else None,
        "precision": round(len(pairs) / n_found, 3) if n_found else None,
        "construction_accuracy": share(pairs["construction"] == pairs["pred_construction"]),
        "agent_stated_accuracy": share((pairs["agent"] != "") == (pairs["pred_agent"] != "")),
        "agent_match": share(pd.Series([same_party(g, p) for g, p in
                                        zip(agent_stated["agent"], agent_stated["pred_agent"])], dtype=bool)),
        "victim_match": share(pd.Series([same_party(g, p) for g, p in
                                         zip(victim_stated["victim"], victim_stated["pred_victim"])], dtype=bool)),
        "voice_accuracy": share(pairs["voice"] == pairs["pred_voice"]),
        "recall_by_construction": {kind: _recall_of(kind, pairs, n_gold_by_kind) for kind in CONSTRUCTIONS},
        "hard_negatives": n_negatives,
        "hard_negatives_found": int(matching.extra["negative"].sum()),
        "confusion": [{"gold": gold, **{str(k): int(v) for k, v in row.items()}}
                      for gold, row in confusion.iterrows()],
    }


def _recall_of(kind: str, pairs: pd.DataFrame, n_gold_by_kind: pd.Series) -> float | None:
    labelled = int(n_gold_by_kind.get(kind, 0))
    return round(int((pairs["construction"] == kind).sum()) / labelled, 3) if labelled else None


def disagreements(pairs: pd.DataFrame) -> list[str]:
    """One line per matched harm whose construction, agent, victim or voice differs from its label."""
    lines = []
    for row in pairs.itertuples(index=False):
        diffs = []
        if row.construction != row.pred_construction:
            diffs.append(f"construction {row.construction}→{row.pred_construction}")
        for part, gold, predicted in (("agent", row.agent, row.pred_agent), ("victim", row.victim, row.pred_victim)):
            if (gold or predicted) and not same_party(gold, predicted):
                diffs.append(f"{part} {gold!r}→{predicted!r}")
        if row.voice != row.pred_voice:
            diffs.append(f"voice {row.voice}→{row.pred_voice}")
        if diffs:
            lines.append(f"{row.doc_id} #{row.sent_id} {row.expression!r} (found {row.pred_expression!r}): "
                         + "; ".join(diffs))
    return lines


def rate(value) -> str:
    return "—" if value is None else f"{value:.3f}"


def report(numbers: dict, matching: Matching) -> None:
    print(f"labelled harms {numbers['labelled']}, found {numbers['found']}, matched {numbers['matched']}")
    print(f"recall {rate(numbers['recall'])}  precision {rate(numbers['precision'])}")
    print("recall by labelled construction: "
          + ", ".join(f"{kind} {rate(value)}" for kind, value in numbers["recall_by_construction"].items()))
    print(f"construction accuracy (matched) {rate(numbers['construction_accuracy'])}")
    print(pd.DataFrame(numbers["confusion"]).set_index("gold").to_string())
    print(f"agent stated or not, accuracy {rate(numbers['agent_stated_accuracy'])}")
    print(f"agent match, exact or overlapping (labels with an agent) {rate(numbers['agent_match'])}")
    print(f"victim match, exact or overlapping (labels with a victim) {rate(numbers['victim_match'])}")
    print(f"voice accuracy {rate(numbers['voice_accuracy'])}")
    print(f"hard negatives wrongly found {numbers['hard_negatives_found']} of {numbers['hard_negatives']}")
    print(f"\nmissed ({len(matching.missed)}):")
    for row in matching.missed.itertuples(index=False):
        print(f"  {row.doc_id} #{row.sent_id} {row.expression!r} ({row.construction}) | {row.sentence}")
    print(f"\nfound without a label ({len(matching.extra)}):")
    for row in matching.extra.itertuples(index=False):
        mark = " [hard negative]" if row.negative else ""
        print(f"  {row.doc_id} #{row.sent_id} {row.expression!r} ({row.construction}){mark}")
    wrong = disagreements(matching.pairs)
    print(f"\nmatched with a disagreement ({len(wrong)}):")
    for line in wrong:
        print(f"  {line}")


MEASURES = [
    ("harm expressions labelled / found / matched", None),
    ("recall of harm expressions", "recall"),
    ("precision of harm expressions", "precision"),
    ("construction accuracy (matched)", "construction_accuracy"),
    ("agent stated or not, accuracy (matched)", "agent_stated_accuracy"),
    ("agent match, exact or overlapping (matched, label has an agent)", "agent_match"),
    ("victim match, exact or overlapping (matched, label has a victim)", "victim_match"),
    ("voice accuracy (matched)", "voice_accuracy"),
    ("hard negatives wrongly found", None),
]


def _cell(run: dict | None, key: str | None, label: str) -> str:
    if run is None:
        return "not recorded"
    if key is not None:
        return rate(run[key])
    if label.startswith("harm expressions"):
        return f"{run['labelled']} / {run['found']} / {run['matched']}"
    return f"{run['hard_negatives_found']} of {run['hard_negatives']}"


def _recall_cell(run: dict | None, kind: str) -> str:
    return "not recorded" if run is None else rate(run["recall_by_construction"][kind])


def section(stored: dict) -> str:
    """The RESULTS.md section from the stored table: first run next to the latest, and the latest confusion."""
    first, latest = stored.get("first_run"), stored["latest"]
    lines = [
        "With `python benchmarks/agency_fresh.py --write` on `tests/data/harms/` (14 invented excerpts on five "
        "stories in wire, broadsheet, tabloid, state-media and opinion styles; every harm expression and hard "
        "negative labelled and committed before the scorer first ran). Matching: same document and sentence, "
        "overlapping expression words, one to one. The first run is the honest number; later runs may have been "
        "tuned on this set.", "",
        "| measure | first run | latest |", "|---|---|---|",
    ]
    lines += [f"| {label} | {_cell(first, key, label)} | {_cell(latest, key, label)} |" for label, key in MEASURES]
    lines += [f"| recall, labelled {kind} | {_recall_cell(first, kind)} | {_recall_cell(latest, kind)} |"
              for kind in CONSTRUCTIONS]
    columns = [c for c in latest["confusion"][0] if c != "gold"] if latest["confusion"] else []
    lines += ["", "Construction confusion, latest run (rows gold, columns found):", "",
              "| gold \\ found | " + " | ".join(columns) + " |", "|---|" + "---|" * len(columns)]
    lines += ["| " + row["gold"] + " | " + " | ".join(str(row[c]) for c in columns) + " |"
              for row in latest["confusion"]]
    return "\n".join(lines) + "\n"


def stored_first_run() -> dict | None:
    stored = json.loads(ACCURACY.read_text(encoding="utf-8")) if ACCURACY.exists() else {}
    return stored.get(BENCHMARK, {}).get("first_run")


def main() -> None:
    agency_class = scorer_class()
    if agency_class is None:
        print("framing.scorers.agency is not importable here: the agency scorer does not exist on this branch "
              "yet. Nothing scored; run this script where the scorer is merged.")
        return
    labelled = load_set()
    matching = match(labelled.harms, score(labelled, agency_class), labelled.negatives)
    numbers = evaluate(matching, labelled.harms, len(labelled.negatives))
    report(numbers, matching)
    first_run = "--first-run" in sys.argv
    if first_run or "--write" in sys.argv:
        first = numbers if first_run else stored_first_run()
        publish(BENCHMARK, TITLE, {"first_run": first, "latest": numbers}, section)
        print(f"\nwrote the {BENCHMARK} table of {ACCURACY} and the {TITLE!r} section of {RESULTS}"
              + ("" if first else " (no first run recorded: the first run was not stored with --first-run)"))


if __name__ == "__main__":
    main()
