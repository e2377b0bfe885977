"""Score the target linker (issue 17: who is called what) on the targets set, labelled before the linker first ran.

Run from the project root:  python benchmarks/targets.py [--set FOLDER] [--no-write] [--actors FILE]

Reads ``tests/data/targets`` by default, or ``--set tests/data/targets_holdout`` (the hold-out set: 8 excerpts on
three other stories, labelled blind, never used to tune the linker), ``--set tests/data/targets_blind3`` (the
third blind set: 12 excerpts on four more stories, labelled and committed before the linker ever read them),
``--set tests/data/targets_blind4`` (the fourth blind set: 10 excerpts on four further stories, likewise),
``--set tests/data/targets_blind5`` (the fifth blind set: 10 excerpts on four stories again new, likewise),
``--set tests/data/targets_blind6`` (the sixth blind set: 10 excerpts on four more new stories, likewise),
``--set tests/data/targets_blind7`` (the seventh blind set: 10 excerpts on four stories new again, likewise),
``--set tests/data/targets_blind8`` (the eighth blind set: 10 excerpts on four further new stories, likewise),
``--set tests/data/targets_blind9`` (the ninth blind set: 10 excerpts on four more stories new again, likewise),
``--set tests/data/targets_blind10`` (the tenth blind set: 10 excerpts on four further stories again, likewise),
``--set tests/data/targets_blind11`` (the eleventh blind set: 10 excerpts on four more new stories, likewise),
``--set tests/data/targets_blind12`` (the twelfth blind set: 10 excerpts on four stories new again, likewise),
``--set tests/data/targets_blind13`` (the thirteenth blind set: 10 excerpts on four further new stories, likewise) or
``--set tests/data/targets_blind14`` (the fourteenth blind set: 10 excerpts on four more stories new again, likewise);
the default is the targets set (18 excerpts on six stories in wire, broadsheet, tabloid, state-media, opinion and
encyclopedic styles; every lexicon hit labelled with its target actor, relation, voice and speaker; conventions in
its README), analyses the excerpts with :func:`framing.analyze` and matches each labelled occurrence to a row of
``analysis.terms``: same document, a hit overlapping the term inside the labelled sentence (located in the cleaned
text, so framing's own split does not matter), the k-th label of a term in a sentence taking its k-th occurrence.
It reads the linker's columns by their contract names — ``target`` (canonical actor, "" when none),
``target_text``, ``relation``, ``speaker`` — and prints: lexicon coverage (labels found / all), then over the found
ones the share with the right target (the labelled actor or any alias of it in ``actors.csv``, case-insensitive;
empty for empty is right), per labelled relation and overall; relation accuracy with a confusion matrix; speaker
accuracy on reported hits (right when the two share a content word, or both are empty); every disagreement.

Without those columns on ``analysis.terms`` (the linker is not merged here) it says so in one line and exits 2.
Otherwise it stores the numbers as the set's table of ``src/framing/data/accuracy.json`` (``targets``,
``targets_holdout``, ``targets_blind3`` … ``targets_blind14``) — ``latest`` every time, ``first_run`` only when
none is stored, so the honest number on unseen text survives later tuning — and renders the set's section of
``benchmarks/RESULTS.md`` ("## Who is called what (targets set)", "(hold-out set)", "(third blind set)", "(fourth
blind set)", "(fifth blind set)", "(sixth blind set)", "(seventh blind set)", "(eighth blind set)", "(ninth blind
set)", "(tenth blind set)", "(eleventh blind set)", "(twelfth blind set)", "(thirteenth blind set)" or "(fourteenth
blind set)"); ``--no-write`` only prints.

``--actors FILE`` passes a user's actors file to :func:`framing.analyze` (as ``framing analyze --actors`` does) to
measure how much naming a story's parties helps; such a run only prints, never writes accuracy.json or RESULTS.md
(the stored numbers are those of framing without help). Its target accuracy is printed twice: strictly (the
predicted name must be one of the labelled actor's names) and through the file (right also when any name the
file gives the predicted actor is one of them, since the user declared those names to be that actor).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path
from typing import NamedTuple

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent))
from agency_fresh import rate, same_party, share  # noqa: E402
from fresh_set import locate_gold, locate_terms, overlapping  # noqa: E402
from results import ACCURACY, RESULTS, publish  # noqa: E402

from framing import analyze  # noqa: E402
from framing.scorers.actors.actors_file import read_actors_file  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
TARGETS = ROOT / "tests" / "data" / "targets"
HOLDOUT = ROOT / "tests" / "data" / "targets_holdout"
BLIND3 = ROOT / "tests" / "data" / "targets_blind3"
BLIND4 = ROOT / "tests" / "data" / "targets_blind4"
BLIND5 = ROOT / "tests" / "data" / "targets_blind5"
BLIND6 = ROOT / "tests" / "data" / "targets_blind6"
BLIND7 = ROOT / "tests" / "data" / "targets_blind7"
BLIND8 = ROOT / "tests" / "data" / "targets_blind8"
BLIND9 = ROOT / "tests" / "data" / "targets_blind9"
BLIND10 = ROOT / "tests" / "data" / "targets_blind10"
BLIND11 = ROOT / "tests" / "data" / "targets_blind11"
BLIND12 = ROOT / "tests" / "data" / "targets_blind12"
BLIND13 = ROOT / "tests" / "data" / "targets_blind13"
BLIND14 = ROOT / "tests" / "data" / "targets_blind14"
LINKER_COLUMNS = ("target", "target_text", "relation", "speaker")
RELATIONS = ("premodifier", "appositive", "copula", "naming", "possessive", "referent")
NO_RELATION = "none"  # how an empty relation is shown in tables and stored keys


class Publication(NamedTuple):
    """Where a labelled set's numbers go: its accuracy.json key, its RESULTS.md title, and what the section says
    the set is (the words after "on `folder`", in brackets)."""

    benchmark: str
    title: str
    described: str


PUBLICATIONS = {
    TARGETS: Publication(
        "targets", "Who is called what (targets set)",
        "18 invented excerpts on six stories — Syria, Somalia, Venezuela, Myanmar, Hong Kong 2019, the 2023 Niger "
        "coup — in wire, broadsheet, tabloid, state-media, opinion and encyclopedic styles; {labelled} lexicon hits "
        "labelled with target, relation, voice and speaker and committed before the linker first ran"),
    HOLDOUT: Publication(
        "targets_holdout", "Who is called what (hold-out set)",
        "8 invented excerpts on three stories the linker was never tuned on — Sudan's RSF 2023, the Belarus 2020 "
        "protests, the Houthi Red Sea attacks 2024 — in wire, tabloid, broadsheet, opinion, state-media and "
        "encyclopedic styles; {labelled} lexicon hits labelled blind, without reading or running the linker, and "
        "committed before its first run on them"),
    BLIND3: Publication(
        "targets_blind3", "Who is called what (third blind set)",
        "12 invented excerpts on four more stories — the Tigray war 2020–21, Haiti's gangs 2024, Iran's 2022 "
        "protests, the 2023 Karabakh offensive — in wire, state-media, broadcaster, tabloid, broadsheet, opinion "
        "and encyclopedic styles; {labelled} lexicon hits labelled blind, without reading or running the linker, "
        "and committed before its first run on them"),
    BLIND4: Publication(
        "targets_blind4", "Who is called what (fourth blind set)",
        "10 invented excerpts on four further stories — Colombia's 2021 national strike, Kenya's 2024 finance-bill "
        "protests, Mali and the Wagner Group 2022, Sri Lanka's 2022 protests — in wire, state-media, broadcaster, "
        "tabloid, broadsheet, opinion and encyclopedic styles; {labelled} lexicon hits labelled blind, without "
        "reading or running the linker, and committed before its first run on them"),
    BLIND5: Publication(
        "targets_blind5", "Who is called what (fifth blind set)",
        "10 invented excerpts on four stories again new — Nicaragua's 2018 protests, Georgia's 2024 protests, "
        "Serbia's 2024–25 student protests, eastern Congo and the M23 2025 — in wire, state-media, broadcaster, "
        "tabloid, broadsheet, opinion and encyclopedic styles; {labelled} lexicon hits labelled blind, without "
        "reading or running the linker, and committed before its first run on them"),
    BLIND6: Publication(
        "targets_blind6", "Who is called what (sixth blind set)",
        "10 invented excerpts on four more new stories — France's 2023 pension strikes, Chile's 2019–20 protests, "
        "Bangladesh's 2024 student uprising, Peru's 2022–23 protests — in wire, state-media, broadcaster, tabloid, "
        "broadsheet, opinion and encyclopedic styles; {labelled} lexicon hits labelled blind, without reading or "
        "running the linker, and committed before its first run on them"),
    BLIND7: Publication(
        "targets_blind7", "Who is called what (seventh blind set)",
        "10 invented excerpts on four stories new again — Catalonia's 2017 independence crisis, the 6 January 2021 "
        "Capitol attack, the Philippines' drug war 2017, Thailand's 2020 protests — in wire, state-media, "
        "broadcaster, tabloid, broadsheet, opinion and encyclopedic styles; {labelled} lexicon hits labelled blind, "
        "without reading or running the linker, and committed before its first run on them"),
    BLIND8: Publication(
        "targets_blind8", "Who is called what (eighth blind set)",
        "10 invented excerpts on four further new stories — Mozambique's 2024 post-election protests, Ecuador's 2019 "
        "fuel-subsidy protests, Zimbabwe's 2017 coup, the 8 January 2023 attack in Brasília — in wire, state-media, "
        "broadcaster, tabloid, broadsheet, opinion and encyclopedic styles; {labelled} lexicon hits labelled blind, "
        "without reading or running the linker, and committed before its first run on them"),
    BLIND9: Publication(
        "targets_blind9", "Who is called what (ninth blind set)",
        "10 invented excerpts on four more stories new again — Armenia's 2018 protests, Tunisia's 2021 suspension "
        "of parliament, South Korea's 2024 martial law, Pakistan's May 2023 unrest — in wire, state-media, "
        "broadcaster, tabloid, broadsheet, opinion and encyclopedic styles; {labelled} lexicon hits labelled blind, "
        "without reading or running the linker, and committed before its first run on them"),
    BLIND10: Publication(
        "targets_blind10", "Who is called what (tenth blind set)",
        "10 invented excerpts on four further stories again — Lebanon's 2019 protests, Kazakhstan's January 2022 "
        "unrest, Burkina Faso's September 2022 coup, Nepal's 2025 Gen Z protests — in wire, state-media, "
        "broadcaster, tabloid, broadsheet, opinion and encyclopedic styles; {labelled} lexicon hits labelled blind, "
        "without reading or running the linker, and committed before its first run on them"),
    BLIND11: Publication(
        "targets_blind11", "Who is called what (eleventh blind set)",
        "10 invented excerpts on four more new stories — Libya's 2011 uprising, Egypt's August 2013 Rabaa "
        "dispersal, Iraq's 2019 Tishreen protests, Bolivia's 2019 crisis — in wire, state-media, broadcaster, "
        "tabloid, broadsheet, opinion and encyclopedic styles; {labelled} lexicon hits labelled blind, without "
        "reading or running the linker, and committed before its first run on them"),
    BLIND12: Publication(
        "targets_blind12", "Who is called what (twelfth blind set)",
        "10 invented excerpts on four stories new again — Indonesia's August 2025 protests, Cameroon's Anglophone "
        "crisis (the 2020 Ngarbuh killings), Mexico's drug cartels (the 2019 battle of Culiacán), Senegal's 2023–24 "
        "crisis — in wire, state-media, broadcaster, tabloid, broadsheet, opinion and encyclopedic styles; "
        "{labelled} lexicon hits labelled blind, without reading or running the linker, and committed before its "
        "first run on them"),
    BLIND13: Publication(
        "targets_blind13", "Who is called what (thirteenth blind set)",
        "10 invented excerpts on four further new stories — Cuba's 11 July 2021 protests, Eswatini's 2021 "
        "pro-democracy protests, Uganda's 2020–21 unrest and election, Kyrgyzstan's October 2020 crisis — in wire, "
        "state-media, broadcaster, tabloid, broadsheet, opinion and encyclopedic styles; {labelled} lexicon hits "
        "labelled blind, without reading or running the linker, and committed before its first run on them"),
    BLIND14: Publication(
        "targets_blind14", "Who is called what (fourteenth blind set)",
        "10 invented excerpts on four more stories new again — Algeria's 2019 Hirak, Sierra Leone's August 2022 "
        "unrest, Guinea's September 2021 coup, Honduras's 2017 post-election crisis — in wire, state-media, "
        "broadcaster, tabloid, broadsheet, opinion and encyclopedic styles; {labelled} lexicon hits labelled blind, "
        "without reading or running the linker, and committed before its first run on them"),
}


def read_set(folder: Path = TARGETS) -> tuple[pd.DataFrame, pd.DataFrame, dict[str, set[str]]]:
    """The labelled sentences, the labelled occurrences and each actor's accepted names (lower case)."""
    sentences = pd.read_csv(folder / "sentences.csv", keep_default_na=False)
    labels = pd.read_csv(folder / "targets.csv", keep_default_na=False)
    actors = pd.read_csv(folder / "actors.csv", keep_default_na=False)
    names = {row.actor: {row.actor.lower(), *(alias.lower() for alias in row.aliases.split("; ") if alias)}
             for row in actors.itertuples()}
    return sentences, labels, names


def run_framing(folder: Path = TARGETS, actors: Path | None = None):
    """framing's analysis of the set's excerpts (every section kept: headlines are labelled too), with the
    user's actors file ``actors`` when given."""
    return analyze([folder / "excerpts"], manifest=folder / "manifest.csv", sections=None, jobs=1,
                   contributions="none", actors=actors)


def names_in_file(path: Path) -> dict[str, set[str]]:
    """Each actor of an actors file (lower-case name) → its name and aliases, lower case."""
    return {spec.name.lower(): {spec.name.lower(), *(alias.lower() for alias in spec.aliases)}
            for spec in read_actors_file(path)}


def through_file(names: dict[str, set[str]], declared: dict[str, set[str]]) -> dict[str, set[str]]:
    """``names`` widened so that a predicted actor of the file is accepted when any name the file declares for it
    is one of the labelled actor's accepted names."""
    return {gold: accepted | {actor for actor, aliases in declared.items() if aliases & accepted}
            for gold, accepted in names.items()}


def locate(sentences: pd.DataFrame, labels: pd.DataFrame, documents: pd.DataFrame) -> pd.DataFrame:
    """``labels`` with the document offsets ``start, end`` of each labelled term, found inside its labelled
    sentence in the cleaned text (``documents``: ``doc_id, text``)."""
    return locate_terms(labels, locate_gold(sentences, documents), documents)


def match(labels: pd.DataFrame, hits: pd.DataFrame) -> pd.DataFrame:
    """Each located label with ``found`` and the first overlapping hit's ``pred_*`` linker columns (one to one:
    a hit already taken by an earlier label is not used again)."""
    used: set = set()
    rows = []
    for label in labels.itertuples():
        candidates = overlapping(hits, label.doc_id, label.start, label.end)
        candidates = candidates[~candidates.index.isin(list(used))]
        hit = candidates.iloc[0] if len(candidates) else None
        if hit is not None:
            used.add(candidates.index[0])
        rows.append({"found": hit is not None,
                     **{f"pred_{column}": "" if hit is None else as_text(hit[column]) for column in LINKER_COLUMNS}})
    return pd.concat([labels.reset_index(drop=True), pd.DataFrame(rows)], axis=1)


def as_text(value) -> str:
    """A linker cell as a string: missing values (None, NaN) are empty."""
    return "" if value is None or pd.isna(value) else str(value)


def target_right(gold: str, predicted: str, names: dict[str, set[str]]) -> bool:
    """Empty for empty, or the predicted name is the labelled actor or one of its aliases (case-insensitive)."""
    if not gold:
        return not predicted.strip()
    return predicted.strip().lower() in names[gold]


def speaker_right(gold: str, predicted: str) -> bool:
    """Both empty, or the two share a content word ("A military source" and "the source")."""
    return (not gold and not predicted) or same_party(gold, predicted)


def score(labels: pd.DataFrame, names: dict[str, set[str]]) -> pd.DataFrame:
    """The matched labels with ``relation_shown`` and, for found ones, ``target_ok, relation_ok, speaker_ok``."""
    scored = labels.assign(relation_shown=labels["relation"].replace("", NO_RELATION))
    scored["target_ok"] = [target_right(g, p, names) for g, p in zip(scored["target"], scored["pred_target"])]
    scored["relation_ok"] = scored["relation"] == scored["pred_relation"]
    scored["speaker_ok"] = [speaker_right(g, p) for g, p in zip(scored["speaker"], scored["pred_speaker"])]
    return scored


def evaluate(scored: pd.DataFrame) -> dict:
    """The numbers stored for one run (plain ints, floats, None and lists, as accuracy.json holds them)."""
    found = scored[scored["found"]]
    reported = found[found["voice"] == "reported"]
    predicted_relations = found["pred_relation"].replace("", NO_RELATION)
    shown = [*RELATIONS, NO_RELATION]
    unexpected = sorted(set(predicted_relations) - set(shown))
    confusion = pd.crosstab(found["relation_shown"], predicted_relations).reindex(
        index=shown, columns=[*shown, *unexpected], fill_value=0)
    return {
        "commit": subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True,
                                 text=True).stdout.strip(),
        "labelled": len(scored), "found": len(found),
        "coverage": share(scored["found"]),
        "target_accuracy": share(found["target_ok"]),
        "target_accuracy_with_target": share(found.loc[found["target"] != "", "target_ok"]),
        "target_by_relation": {relation: share(found.loc[found["relation_shown"] == relation, "target_ok"])
                               for relation in shown},
        "found_by_relation": {relation: int((found["relation_shown"] == relation).sum()) for relation in shown},
        "relation_accuracy": share(found["relation_ok"]),
        "speaker_accuracy_reported": share(reported["speaker_ok"]),
        "reported_found": len(reported),
        "confusion": [{"gold": gold, **{str(k): int(v) for k, v in row.items()}}
                      for gold, row in confusion.iterrows()],
    }


def disagreements(scored: pd.DataFrame) -> list[str]:
    """One line per missed label and per found one whose target, relation or (reported) speaker is wrong."""
    lines = []
    for row in scored.itertuples():
        where = f"{row.doc_id} #{row.sent_no} {row.term!r}"
        if not row.found:
            lines.append(f"missed  {where} (not a framing hit)")
            continue
        diffs = []
        if not row.target_ok:
            diffs.append(f"target {row.target!r} ({row.target_text!r}) → {row.pred_target!r} ({row.pred_target_text!r})")
        if not row.relation_ok:
            diffs.append(f"relation {row.relation_shown} → {row.pred_relation or NO_RELATION}")
        if row.voice == "reported" and not row.speaker_ok:
            diffs.append(f"speaker {row.speaker!r} → {row.pred_speaker!r}")
        if diffs:
            lines.append(f"wrong   {where}: " + "; ".join(diffs))
    return lines


def print_run(numbers: dict, scored: pd.DataFrame) -> None:
    print(f"{numbers['labelled']} labelled lexicon hits; framing found {numbers['found']} "
          f"(coverage {rate(numbers['coverage'])}) at {numbers['commit']}")
    print(f"target right {rate(numbers['target_accuracy'])} of found hits "
          f"({rate(numbers['target_accuracy_with_target'])} of those labelled with a target)")
    print("target right by labelled relation: " + ", ".join(
        f"{relation} {rate(value)} (n={numbers['found_by_relation'][relation]})"
        for relation, value in numbers["target_by_relation"].items()))
    print(f"relation accuracy {rate(numbers['relation_accuracy'])}")
    print(pd.DataFrame(numbers["confusion"]).set_index("gold").to_string())
    print(f"speaker right on reported hits {rate(numbers['speaker_accuracy_reported'])} "
          f"(n={numbers['reported_found']})")
    print("\ndisagreements:")
    print("\n".join(disagreements(scored)) or "none")


def print_through_file(scored: pd.DataFrame, names: dict[str, set[str]], declared: dict[str, set[str]]) -> None:
    """Target accuracy again, a predicted actor of the actors file counting as right through any name it declares."""
    widened = evaluate(score(scored[list(scored.columns[:scored.columns.get_loc("relation_shown")])],
                             through_file(names, declared)))
    print(f"\nthrough the actors file: target right {rate(widened['target_accuracy'])} of found hits "
          f"({rate(widened['target_accuracy_with_target'])} of those labelled with a target); by labelled relation: "
          + ", ".join(f"{relation} {rate(value)}" for relation, value in widened["target_by_relation"].items()))


MEASURES = [
    ("lexicon coverage (labelled hits found)", lambda run: f"{run['found']}/{run['labelled']} ({rate(run['coverage'])})"),
    ("target right, found hits", lambda run: rate(run["target_accuracy"])),
    ("target right, found hits labelled with a target", lambda run: rate(run["target_accuracy_with_target"])),
    ("relation right, found hits", lambda run: rate(run["relation_accuracy"])),
    ("speaker right, found reported hits", lambda run: rate(run["speaker_accuracy_reported"])),
]


def section(stored: dict, folder: Path = TARGETS) -> str:
    """The RESULTS.md section of the set in ``folder`` from its stored table: the first run next to the latest,
    per-relation target accuracy, and the latest relation confusion."""
    first, latest = stored["first_run"], stored["latest"]
    command = "python benchmarks/targets.py" + ("" if folder == TARGETS else f" --set {shown_path(folder)}")
    lines = [
        f"With `{command}` on `{shown_path(folder)}` "
        f"({PUBLICATIONS[folder].described.format(labelled=first['labelled'])}). A target is right when it is the "
        "labelled actor or one of its aliases, or both are empty; a speaker when the two share a content word. "
        "The first run is the honest number; later runs may have been tuned on this set.", "",
        "| measure | first run | latest |", "|---|---|---|"]
    lines += [f"| {label} | {cell(first)} | {cell(latest)} |" for label, cell in MEASURES]
    lines += [f"| target right, labelled {relation} | {rate(first['target_by_relation'][relation])} | "
              f"{rate(latest['target_by_relation'][relation])} |" for relation in [*RELATIONS, NO_RELATION]]
    columns = [c for c in latest["confusion"][0] if c != "gold"]
    lines += ["", "Relation confusion, latest run (rows labelled, columns found):", "",
              "| labelled \\ found | " + " | ".join(columns) + " |", "|---|" + "---|" * len(columns)]
    lines += ["| " + row["gold"] + " | " + " | ".join(str(row[c]) for c in columns) + " |"
              for row in latest["confusion"]]
    return "\n".join(lines) + "\n"


def shown_path(folder: Path) -> str:
    """The set's folder as written in RESULTS.md: relative to the project root."""
    return folder.relative_to(ROOT).as_posix()


def store(numbers: dict, folder: Path = TARGETS) -> None:
    """Store the run as the set's ``latest``, and as its ``first_run`` when none is stored yet; render its
    section."""
    publication = PUBLICATIONS[folder]
    stored = json.loads(ACCURACY.read_text(encoding="utf-8")) if ACCURACY.exists() else {}
    today = pd.Timestamp.today().date().isoformat()
    run = {"measured": today, **numbers}
    first = stored.get(publication.benchmark, {}).get("first_run") or run
    publish(publication.benchmark, publication.title, {"first_run": first, "latest": run},
            lambda table: section(table, folder), date=today)
    kept = "kept the stored first run" if first is not run else "stored this run as the first run"
    print(f"\nwrote the {publication.benchmark} table of {ACCURACY} ({kept}) and the {publication.title!r} "
          f"section of {RESULTS}")


def parse_arguments(argv: list[str] | None = None) -> argparse.Namespace:
    """``--set`` (a labelled set's folder, one of ``PUBLICATIONS``; relative to the project root or absolute)
    and ``--no-write``."""
    parser = argparse.ArgumentParser(description="Score the target linker on a labelled set (issue 17).")
    parser.add_argument("--set", dest="folder", default=shown_path(TARGETS),
                        help=f"labelled set: {' or '.join(shown_path(f) for f in PUBLICATIONS)} (default: %(default)s)")
    parser.add_argument("--no-write", action="store_true", help="only print; store and render nothing")
    parser.add_argument("--actors", type=Path, default=None,
                        help="a user's actors file passed to framing.analyze; the run only prints (never writes "
                             "accuracy.json or RESULTS.md) and adds target accuracy through the file's aliases")
    arguments = parser.parse_args(argv)
    folder = (ROOT / arguments.folder).resolve()
    if folder not in PUBLICATIONS:
        parser.error(f"--set {arguments.folder}: not a labelled set ({', '.join(map(shown_path, PUBLICATIONS))})")
    arguments.folder = folder
    if arguments.actors is not None:
        arguments.no_write = True  # numbers with a user's help are never stored as framing's own
    return arguments


def main() -> None:
    arguments = parse_arguments()
    sentences, labels, names = read_set(arguments.folder)
    analysis = run_framing(arguments.folder, arguments.actors)
    missing = [column for column in LINKER_COLUMNS if column not in analysis.terms.columns]
    if missing:
        print(f"analysis.terms has no {', '.join(missing)} column: the target linker (issue 17) is not merged "
              "here; nothing scored.")
        raise SystemExit(2)
    scored = score(match(locate(sentences, labels, analysis.corpus.documents), analysis.terms), names)
    numbers = evaluate(scored)
    with pd.option_context("display.width", 200):
        print_run(numbers, scored)
    if arguments.actors is not None:
        print_through_file(scored, names, names_in_file(arguments.actors))
    if not arguments.no_write:
        store(numbers, arguments.folder)


if __name__ == "__main__":
    main()
