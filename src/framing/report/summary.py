"""The side-by-side summary table of the report: one row per measure, one column per document (or group)."""

from __future__ import annotations

import math
from typing import NamedTuple

import pandas as pd

from ..figures._common import MIN_INTERVAL_SENTENCES, TOO_FEW, has_interval
from .format import number


class SummaryRow(NamedTuple):
    """One measure of the side-by-side table: its label, what it means, and one value per document."""

    label: str
    help: str
    values: list[str]
    group: str = ""


def mean_with_interval(mean, low, high, n_sentences) -> str:
    """``-0.102 [-0.301, 0.098]``; ``-0.600 (n too small)`` below the sentences an interval needs; ``—`` with no
    mean."""
    if pd.isna(mean):
        return "—"
    if not has_interval(n_sentences, low, high):
        return f"{number(mean, 3)} ({TOO_FEW})"
    return f"{number(mean, 3)} [{number(low, 3)}, {number(high, 3)}]"


def summary_rows(documents: pd.DataFrame, order: list[str], *, metadata: bool = True) -> list[SummaryRow]:
    """The side-by-side summary: one row per measure, one value per document (in ``order``), as text.

    ``metadata=False`` leaves out the manifest rows (kind, published), which say nothing about groups.
    """
    table = documents.set_index("doc_id").reindex(order)

    def values(column: str, digits: int = 2, **options) -> list[str]:
        if column not in table.columns:
            return ["—"] * len(order)
        return [number(v, digits, **options) for v in table[column]]

    def text(column: str) -> list[str]:
        if column not in table.columns:
            return ["—"] * len(order)
        return ["—" if pd.isna(v) or str(v) == "" else str(v) for v in table[column]]

    compound = [mean_with_interval(m, lo, hi, n)
                for m, lo, hi, n in zip(table.get("mean_compound", [math.nan] * len(order)),
                                        table.get("ci_low", [math.nan] * len(order)),
                                        table.get("ci_high", [math.nan] * len(order)),
                                        table.get("n_sentences", [math.nan] * len(order)))]
    shares = [f"{number(p, 0, percent=True)} / {number(n, 0, percent=True)} / {number(g, 0, percent=True)}"
              for p, n, g in zip(table.get("share_positive", [math.nan] * len(order)),
                                 table.get("share_neutral", [math.nan] * len(order)),
                                 table.get("share_negative", [math.nan] * len(order)))]
    sources = [f"{number(a, 0, percent=True)} / {number(b, 0, percent=True)} / {number(c, 0, percent=True)}"
               for a, b, c in zip(table.get("share_named", [math.nan] * len(order)),
                                  table.get("share_anonymous", [math.nan] * len(order)),
                                  table.get("share_none", [math.nan] * len(order)))]
    manifest = [
        SummaryRow("Kind", "From the manifest: encyclopedic, tabloid, wire, broadsheet, …", text("kind"), "document"),
        SummaryRow("Published", "From the manifest.", text("published"), "document"),
    ]
    return (manifest if metadata else []) + [
        SummaryRow("Words", "Words in the sentences the summaries use.", values("n_words", 0), "document"),
        SummaryRow("Sentences", "Sentences the summaries use.", values("n_sentences", 0), "document"),
        SummaryRow("Mean compound [95% interval]",
                   "Mean of the sentences' VADER compound scores (−1 to +1), with a 95% interval (percentile "
                   "bootstrap; Student's t from 5,000 sentences on, where the two agree). Intervals that overlap "
                   f"do not show a difference; with fewer than {MIN_INTERVAL_SENTENCES} sentences there is none "
                   f"(“{TOO_FEW}”).", compound, "sentiment"),
        SummaryRow("Sentences positive / neutral / negative",
                   "Share of sentences with compound above +0.05, within ±0.05, below −0.05.", shares,
                   "sentiment"),
        SummaryRow("Mean compound, writer's own / attributed sentences",
                   "Mean compound of sentences with no source or quotation, and of sentences with one.",
                   [f"{a} / {b}" for a, b in zip(values("mean_compound_unattributed", 3),
                                                 values("mean_compound_attributed", 3))], "sentiment"),
        SummaryRow("Loaded terms per 1,000 words: writer's own",
                   "Lexicon terms in the writer's own voice (outside quotations and attributed clauses).",
                   values("loaded_authorial_per_1000", 1), "loaded terms"),
        SummaryRow("Loaded terms per 1,000 words: reported",
                   "Lexicon terms inside a quotation or a clause attributed to a source.",
                   values("loaded_reported_per_1000", 1), "loaded terms"),
        SummaryRow("Sentences naming a source / anonymous / none",
                   "Share of sentences by the kind of source they give.", sources, "attribution"),
        SummaryRow("Words inside quotations", "Share of all words that stand inside quotation marks.",
                   values("quoted_word_share", 1, percent=True), "attribution"),
        SummaryRow("Sentences with a quotation", "Share of sentences holding a direct quotation.",
                   values("quote_sentence_share", 0, percent=True), "attribution"),
        SummaryRow("Scare quotes per 100 sentences", "Sentences with one or two quoted words used as a label.",
                   values("scare_quotes_per_100", 1), "attribution"),
        SummaryRow("Hedges per 100 sentences",
                   "Phrases such as “reportedly”, “is believed to”, “seems to”.", values("hedges_per_100", 1),
                   "attribution"),
        SummaryRow("Citations per 100 sentences", "Reference markers ([12]) the cleaner removed.",
                   values("citations_per_100", 1), "attribution"),
        SummaryRow("Harm expressions", "Reports of killing, death, wounding, arrest … (harms.csv has each one).",
                   values("n_harms", 0), "agency"),
        SummaryRow("Harms with the agent stated / passive, no agent / “died”",
                   "Share told with who did it (“police killed”, “killed by police”), as a passive without an agent "
                   "(“were killed”), and with a verb that allows none (“died”); the rest are nouns and adjectives.",
                   [f"{a} / {b} / {c}" for a, b, c in zip(values("share_agent_stated", 0, percent=True),
                                                          values("share_agentless_passive", 0, percent=True),
                                                          values("share_intransitive", 0, percent=True))],
                   "agency"),
    ]
