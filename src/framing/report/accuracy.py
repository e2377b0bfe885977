"""The benchmark numbers the report quotes ("How accurate the measures are"), read from the package only.

The numbers live in ``framing/data/accuracy.json``, one table per benchmark with the date it was measured. The
benchmark scripts write them there (``benchmarks/results.py``) and render their sections of
``benchmarks/RESULTS.md`` from the same numbers, so a source checkout and an installed package give the same
report.
"""

from __future__ import annotations

import json
from importlib.resources import files
from typing import Literal, NamedTuple, get_args

from .format import number

ACCURACY_JSON = "accuracy.json"
Benchmark = Literal["sentiment", "alignment", "loaded_terms", "attribution", "fresh", "agency_fresh", "passive",
                    "targets", "targets_holdout", "targets_blind3", "targets_blind4", "targets_blind5",
                    "targets_blind6", "targets_blind7", "targets_blind8", "targets_blind9", "targets_blind10",
                    "targets_blind11", "targets_blind12", "targets_blind13", "targets_blind14"]
BENCHMARKS: tuple[Benchmark, ...] = get_args(Benchmark)
# Where the numbers come from, as the report says it: the scripts that measure them, which write them into the
# package (so an installed copy quotes the same numbers as a checkout) and into RESULTS.md with their context.
ORIGIN = ("framing's benchmark scripts (benchmarks/ in the source; the numbers ship with the package, "
          "benchmarks/RESULTS.md explains each)")


def accuracy() -> dict:
    """The benchmark numbers the report quotes, from the packaged ``framing/data/accuracy.json``.

    Returns
    -------
    dict with ``origin`` (where the numbers come from, as the report says it) and one dict per benchmark
    (``sentiment``, ``alignment``, ``loaded_terms``, ``attribution``), each with ``measured`` (date) and its
    numbers; a benchmark missing from the file is an empty dict.
    """
    stored = json.loads(files("framing.data").joinpath(ACCURACY_JSON).read_text(encoding="utf-8"))
    return {**{key: stored.get(key, {}) for key in BENCHMARKS}, "origin": ORIGIN}


class _Measure(NamedTuple):
    measure: str
    value: str | None
    data: str
    # The date of the run the value comes from, when it is not the area's benchmark table (the "Who is called
    # what" rows read fourteen labelled sets, each measured on its own day); None takes the area's date.
    measured: str | None = None


def accuracy_rows(record: dict) -> list[dict]:
    """The benchmark table of the report: ``area, measure, value, data, measured`` per row, as text.

    A benchmark with no numbers in the packaged file gives one row saying it was not measured.
    """
    rows = []
    for area, key, measures in (("Sentiment", "sentiment", _sentiment_measures(record)),
                                ("Loaded terms", "loaded_terms", _loaded_measures(record)),
                                ("Attribution", "attribution", _attribution_measures(record)),
                                ("Other stories", "fresh", _fresh_measures(record)),
                                ("How harm is told", "agency_fresh", _agency_measures(record)),
                                ("Who is called what", "targets", _target_measures(record)),
                                ("Alignment", "alignment", _alignment_measures(record))):
        shown = [measure for measure in measures if measure.value is not None]
        if not shown:
            rows.append({"area": area, "measure": "not measured yet", "value": "—",
                         "data": "no numbers packaged with this version", "measured": "—"})
        measured = record.get(key, {}).get("measured", "")
        rows += [{"area": area, "measure": m.measure, "value": m.value, "data": m.data,
                  "measured": measured if m.measured is None else m.measured} for m in shown]
    return rows


def _value(table: dict, name: str, digits: int = 2) -> str | None:
    value = table.get(name)
    return None if value is None else number(value, digits)


def _sentiment_measures(record: dict) -> list[_Measure]:
    sentiment = record.get("sentiment", {})
    data = (f"{number(sentiment.get('snippets'), 0)} NYT editorial snippets (Hutto & Gilbert 2014; paper: "
            f"{sentiment.get('paper_r', 0.49)})" if "snippets" in sentiment else "NYT editorial snippets")
    return [_Measure("Pearson r, sentence compound vs mean human rating", _value(sentiment, "pearson_r", 3), data)]


def _loaded_measures(record: dict) -> list[_Measure]:
    loaded = record.get("loaded_terms", {})
    word_level = None if "babe_f1" not in loaded else (
        f"{_value(loaded, 'babe_precision', 3)} / {_value(loaded, 'babe_recall', 3)} / {_value(loaded, 'babe_f1', 3)}")
    return [
        _Measure("word-level precision / recall / F1 (writer's own hits vs annotated biased words)", word_level,
                 f"BABE, held-out test set ({number(loaded.get('babe_sentences'), 0)} sentences)"),
        _Measure("sentence-level macro-F1 (has a writer's own loaded term vs labelled biased)",
                 _value(loaded, "babe_sentence_macro_f1", 3), "BABE, held-out test set"),
    ]


def _attribution_measures(record: dict) -> list[_Measure]:
    attribution = record.get("attribution", {})
    fresh = attribution.get("fresh", [])
    return [
        _Measure("source kind right (named / anonymous / none)", _value(attribution, "source_kind_accuracy", 3),
                 f"{attribution.get('cases', '?')} labelled sentences (development set: the rules were written "
                 "on it)"),
        _Measure("source kind right, on fresh sentences (labelled before the first run)", _pooled(fresh),
                 f"{sum(batch['sentences'] for batch in fresh)} new sentences in wire, broadsheet and opinion "
                 "phrasings"),
        _Measure("direct quotations found, F1", _value(attribution, "quotation_f1", 3), "development set"),
        _Measure("hedges found, F1", _value(attribution, "hedge_f1", 3), "development set"),
        _Measure("loaded-term voice right", _value(attribution, "voice_agreement", 3), "labelled voice cases"),
    ]


def _fresh_measures(record: dict) -> list[_Measure]:
    """The first run on excerpts from other stories, labelled before framing ever read them: the honest number
    for text like the user's (later runs on the same set were made with its errors in view)."""
    first = record.get("fresh", {}).get("first_run", {})
    data = (f"first run on {number(first.get('sentences'), 0)} sentences of {number(first.get('documents'), 0)} "
            "excerpts on protests, wars, migration and a trial, labelled before the run")
    quote, hedged = first.get("quote") or [None] * 3, first.get("hedged") or [None] * 3
    return [
        _Measure("source kind right (named / anonymous / none)", _value(first, "source_kind_accuracy", 3), data),
        _Measure("direct quotations found, F1", None if quote[2] is None else number(quote[2], 3), data),
        _Measure("hedged sentences found, F1", None if hedged[2] is None else number(hedged[2], 3), data),
        _Measure("hand-labelled loaded words the lexicon finds (recall)", _value(first, "loaded_recall", 3), data),
        _Measure("voice right, among the loaded words found", _value(first, "voice_accuracy_found", 3), data),
    ]


def _agency_measures(record: dict) -> list[_Measure]:
    """Construction and agent of harm expressions, first run on a hand-labelled set, and passive detection."""
    first = record.get("agency_fresh", {}).get("first_run", {})
    passive = record.get("passive", {})
    data = f"first run on {number(first.get('labelled'), 0)} hand-labelled harm expressions, other stories"
    return [
        _Measure("harm expressions found (recall / precision)",
                 None if "recall" not in first else f"{_value(first, 'recall', 3)} / {_value(first, 'precision', 3)}",
                 data),
        _Measure("construction right, among those found", _value(first, "construction_accuracy", 3), data),
        _Measure("agent stated or not, right", _value(first, "agent_stated_accuracy", 3), data),
        _Measure("passive sentences, accuracy", _value(passive, "accuracy", 3),
                 f"{number(passive.get('sentences'), 0)} crowd-labelled sentences (PassivePy; development set)"),
    ]


def _target_measures(record: dict) -> list[_Measure]:
    """Which actor each loaded label is applied to: the first run on a set labelled before the linker read it
    (the honest number), and the latest run, made after fixing general rules with that set's errors in view."""
    targets = record.get("targets", {})
    first = targets.get("first_run", {})
    data = (f"{number(first.get('labelled'), 0)} hand-labelled loaded-term hits in 18 excerpts on six other "
            "stories")
    by_relation = first.get("target_by_relation", {})
    worst = min(by_relation.items(), key=lambda item: item[1]) if by_relation else None
    first_date = _run_date(record, "targets", "first_run")
    return [
        _Measure("target right, among the lexicon's hits (first run)", _value(first, "target_accuracy", 3), data,
                 first_date),
        _Measure("target right, hits labelled with a target (first run)",
                 _value(first, "target_accuracy_with_target", 3),
                 data + ("" if worst is None else f"; weakest construction: {worst[0]} {number(worst[1], 2)}"),
                 first_date),
        # The value cell stays short (the table's value column does not wrap): the range, the list beside it.
        _Measure("target right by construction, lowest–highest (first run)",
                 f"{number(min(by_relation.values()), 2)}–{number(max(by_relation.values()), 2)}"
                 if by_relation else None,
                 " · ".join(f"{name} {number(value, 2)}" for name, value in by_relation.items()), first_date),
        _Measure("target right, among the lexicon's hits (after fixing general rules on the set)",
                 None if targets.get("latest", {}) == first else _value(targets.get("latest", {}), "target_accuracy", 3),
                 "same set; no longer unseen", _run_date(record, "targets", "latest")),
        _Measure("speaker right, reported hits (first run)", _value(first, "speaker_accuracy_reported", 3), data,
                 first_date),
        _blind_sets_measure(record),
    ]


class _BlindSet(NamedTuple):
    """A targets set labelled blind, as the report's note names it."""

    benchmark: Benchmark
    name: str
    excerpts: int


# In the order they were labelled: each first run came after the linker was fixed on the sets before it.
BLIND_TARGET_SETS = (_BlindSet("targets_holdout", "hold-out", 8), _BlindSet("targets_blind3", "third", 12),
                     _BlindSet("targets_blind4", "fourth", 10), _BlindSet("targets_blind5", "fifth", 10),
                     _BlindSet("targets_blind6", "sixth", 10), _BlindSet("targets_blind7", "seventh", 10),
                     _BlindSet("targets_blind8", "eighth", 10), _BlindSet("targets_blind9", "ninth", 10),
                     _BlindSet("targets_blind10", "tenth", 10), _BlindSet("targets_blind11", "eleventh", 10),
                     _BlindSet("targets_blind12", "twelfth", 10), _BlindSet("targets_blind13", "thirteenth", 10),
                     _BlindSet("targets_blind14", "fourteenth", 10))
_COUNT_WORDS = {1: "one", 2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven", 8: "eight",
                9: "nine", 10: "ten", 11: "eleven", 12: "twelve", 13: "thirteen",
                14: "fourteen"}


def _blind_sets_measure(record: dict) -> _Measure:
    """The first run on every set labelled blind as one row, so the table does not grow a row per set: the range
    in the value cell (which does not wrap), each set's number, size and date in the note, the latest date as the
    row's. A set not measured yet is left out of both."""
    measured = [(blind, record.get(blind.benchmark, {}).get("first_run", {})) for blind in BLIND_TARGET_SETS]
    measured = [(blind, first) for blind, first in measured if first.get("target_accuracy") is not None]
    measure = "target right, among the lexicon's hits (sets labelled blind, first run on each)"
    if not measured:
        return _Measure(measure, None, "")
    values = [first["target_accuracy"] for _, first in measured]
    value = number(values[0], 3) if len(values) == 1 else f"{number(min(values), 2)}–{number(max(values), 2)}"
    dates = [_run_date(record, blind.benchmark, "first_run") for blind, _ in measured]
    sets = f"{_COUNT_WORDS.get(len(measured), len(measured))} set{'s' if len(measured) > 1 else ''}"
    each = " · ".join(f"{blind.name} {number(first['target_accuracy'], 3)} ({number(first.get('labelled'), 0)} hits "
                      f"in {blind.excerpts} excerpts, {date or 'undated'})"
                      for (blind, first), date in zip(measured, dates))
    return _Measure(measure, value, f"on {sets} labelled blind, each run after fixes on the sets before it: {each}",
                    max(dates))


def _run_date(record: dict, benchmark: Benchmark, run: Literal["first_run", "latest"]) -> str:
    """When ``run`` of a labelled set was measured: the run's own date, else its set's table date."""
    table = record.get(benchmark, {})
    return table.get(run, {}).get("measured") or table.get("measured", "")


def _alignment_measures(record: dict) -> list[_Measure]:
    alignment = record.get("alignment", {})
    pairs = None if "recall" not in alignment else \
        f"{_value(alignment, 'precision')} / {_value(alignment, 'recall')}"
    return [
        _Measure("precision / recall of proposed sentence pairs", pairs,
                 f"{number(alignment.get('gold_pairs'), 0)} hand-aligned pairs of the seeds, threshold "
                 f"{alignment.get('threshold', '?')}"),
        _Measure("estimated precision of everything proposed", _value(alignment, "estimated_precision"),
                 "hand audit of sampled proposals that are not gold pairs"),
    ]


def _pooled(batches: list[dict]) -> str | None:
    """Source-kind accuracy over all fresh batches, each weighted by its sentences."""
    total = sum(batch["sentences"] for batch in batches)
    if not total:
        return None
    return number(sum(batch["source_kind_accuracy"] * batch["sentences"] for batch in batches) / total, 3)
