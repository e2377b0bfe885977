"""Small synthetic tables in the producing modules' column contracts, for figure tests and previews."""

from __future__ import annotations

import numpy as np
import pandas as pd

DOCS = ["wikipedia-2025", "wikipedia-2017", "dailymail-2020"]
CATEGORIES = ["pejorative_label", "honorific_label", "violent_dramatic", "hyperbole", "euphemism",
              "delegitimising", "legitimising"]


def sentences(n=(12, 20, 16)) -> pd.DataFrame:
    rows = []
    for doc_id, count in zip(DOCS, n):
        for sent_id in range(1, count + 1):
            if doc_id == "dailymail-2020":
                section = "headline" if sent_id == 1 else "bullet" if sent_id <= 3 else \
                    "caption" if sent_id > count - 2 else "body"
            elif doc_id == "wikipedia-2025":
                section = "headline" if sent_id == 1 else "caption" if sent_id > count - 2 else "body"
            else:
                section = "subhead" if sent_id == 8 else "body"
            rows.append((doc_id, sent_id, 1, section, 0, 10, f"Sentence {sent_id}.", 20, sent_id % 3 == 0))
    return pd.DataFrame(rows, columns=["doc_id", "sent_id", "para_id", "section", "start", "end", "text",
                                       "n_words", "citations"]).astype({"citations": int})


def scores(n=(12, 20, 16)) -> pd.DataFrame:
    rng = np.random.default_rng(1)
    sents = sentences(n)
    shift = {"wikipedia-2025": 0.05, "wikipedia-2017": 0.1, "dailymail-2020": -0.35}
    compound = [float(np.clip(rng.normal(shift[d], 0.35), -0.99, 0.99)) if rng.random() > 0.3 else 0.0
                for d in sents["doc_id"]]
    out = sents[["doc_id", "sent_id"]].copy()
    out["compound"] = compound
    out["neg"] = np.clip(-out["compound"], 0, None) / 2
    out["pos"] = np.clip(out["compound"], 0, None) / 2
    out["neu"] = 1 - out["neg"] - out["pos"]
    return out[["doc_id", "sent_id", "neg", "neu", "pos", "compound"]]


def sentiment_summary(scores_: pd.DataFrame) -> pd.DataFrame:
    g = scores_.groupby("doc_id", sort=False)["compound"]
    out = pd.DataFrame({"n_sentences": g.size(), "mean_compound": g.mean(), "median_compound": g.median()})
    out["ci_low"] = out["mean_compound"] - 0.1
    out["ci_high"] = out["mean_compound"] + 0.1
    out["share_positive"] = g.apply(lambda s: (s >= 0.05).mean())
    out["share_negative"] = g.apply(lambda s: (s <= -0.05).mean())
    out["share_neutral"] = 1 - out["share_positive"] - out["share_negative"]
    return out.reset_index()[["doc_id", "n_sentences", "mean_compound", "ci_low", "ci_high", "median_compound",
                              "share_positive", "share_neutral", "share_negative"]]


def loaded_summary() -> pd.DataFrame:
    words = {"wikipedia-2025": 1247, "wikipedia-2017": 3081, "dailymail-2020": 2496}
    hits = {("dailymail-2020", "pejorative_label", "authorial"): 9,
            ("dailymail-2020", "pejorative_label", "reported"): 4,
            ("dailymail-2020", "violent_dramatic", "authorial"): 12,
            ("dailymail-2020", "hyperbole", "authorial"): 6,
            ("wikipedia-2025", "honorific_label", "reported"): 3,
            ("wikipedia-2025", "pejorative_label", "reported"): 2,
            ("wikipedia-2017", "honorific_label", "authorial"): 1,
            ("wikipedia-2017", "euphemism", "authorial"): 2}
    rows = []
    for doc_id in DOCS:
        for category in CATEGORIES:
            for voice in ("authorial", "reported"):
                n = hits.get((doc_id, category, voice), 0)
                rows.append((doc_id, category, voice, n, words[doc_id], 1000 * n / words[doc_id]))
    return pd.DataFrame(rows, columns=["doc_id", "category", "voice", "n_hits", "n_words", "per_1000_words"])


def term_counts() -> pd.DataFrame:
    rows = [
        ("dailymail-2020", "terrorist", "pejorative_label", "pejorative", "(name the group)", 5, 3),
        ("dailymail-2020", "regime", "pejorative_label", "pejorative", "government", 4, 1),
        ("dailymail-2020", "blood * on <poss> hands", "violent_dramatic", "pejorative", "responsible for", 3, 0),
        ("dailymail-2020", "slaughter", "violent_dramatic", "pejorative", "kill", 2, 0),
        ("dailymail-2020", "mastermind", "hyperbole", "pejorative", "(describe the act)", 2, 0),
        ("wikipedia-2025", "martyr", "honorific_label", "honorific", "(omit)", 0, 3),
        ("wikipedia-2025", "regime", "pejorative_label", "pejorative", "government", 0, 2),
        ("wikipedia-2017", "legendary", "honorific_label", "honorific", "(omit)", 1, 0),
        ("wikipedia-2017", "neutralise", "euphemism", "other", "kill", 2, 0),
    ]
    out = pd.DataFrame(rows, columns=["doc_id", "lemma", "category", "direction", "neutral", "authorial",
                                      "reported"])
    out["total"] = out["authorial"] + out["reported"]
    return out.sort_values(["doc_id", "total", "lemma"], ascending=[True, False, True]).reset_index(drop=True)


def attribution_summary() -> pd.DataFrame:
    return pd.DataFrame({
        "doc_id": DOCS,
        "n_sentences": [12, 20, 16],
        "share_named": [0.25, 0.10, 0.375],
        "share_anonymous": [0.0, 0.05, 0.25],
        "share_none": [0.75, 0.85, 0.375],
        "named_to_anonymous": [np.nan, 2.0, 1.5],
        "quoted_word_share": [0.02, 0.0, 0.18],
        "quote_sentence_share": [0.083, 0.0, 0.3125],
        "scare_quotes_per_100": [0.0, 5.0, 12.5],
        "hedges_per_100": [8.3, 15.0, 6.25],
        "citations_per_100": [75.0, 40.0, 0.0],
    })


def harm_summary() -> pd.DataFrame:
    """Per-document harm constructions as in documents.csv: one document with no harm expression."""
    shares = {"share_active": [0.5, np.nan, 0.2], "share_passive_agent": [0.0, np.nan, 0.1],
              "share_agentless_passive": [0.25, np.nan, 0.3], "share_nominal": [0.25, np.nan, 0.3],
              "share_adjectival": [0.0, np.nan, 0.0], "share_intransitive": [0.0, np.nan, 0.1]}
    return pd.DataFrame({"doc_id": DOCS, "n_sentences": [12, 20, 16], "n_harms": [4, 0, 10], **shares,
                         "share_agent_stated": [0.5, np.nan, 0.3]})


def rewrite_summary() -> pd.DataFrame:
    """Per-document neutral-rewrite columns as in documents.csv: one document with no rewritten sentence."""
    before, after = [-0.1, np.nan, -0.42], [-0.15, np.nan, -0.55]
    return pd.DataFrame({"doc_id": DOCS, "n_rewritten": [3, 0, 13], "swapped_terms": [3, 0, 15],
                         "unswapped_terms": [0, 1, 2], "rewritten_compound_before": before,
                         "rewritten_compound_after": after,
                         "rewritten_compound_shift": np.subtract(after, before)})


def word_shift() -> pd.DataFrame:
    terms = ["terrorist", "killed", "blood", "hero", "commander", "war", "attack", "peace", "death", "honoured",
             "threat", "support", "slaughter", "respected", "evil", "popular", "crisis"]
    rng = np.random.default_rng(3)
    a = rng.normal(0, 0.05, len(terms))
    b = rng.normal(0, 0.05, len(terms))
    out = pd.DataFrame({"term": terms, "contribution_a": a, "contribution_b": b})
    out["difference"] = out["contribution_a"] - out["contribution_b"]
    out["rank"] = out["difference"].abs().rank(ascending=False, method="first").astype(int)
    return out.sort_values("rank").reset_index(drop=True)


def event_comparison() -> pd.DataFrame:
    events = [("E1", "Drone strike at Baghdad airport kills Soleimani"),
              ("E2", "Command of the Quds Force"),
              ("E3", "Role in the Syrian civil war"),
              ("E4", "Anniversary rally and funeral"),
              ("E5", "US designation as terrorist")]
    covered = {("E1", "wikipedia-2017"): False, ("E4", "wikipedia-2017"): False, ("E4", "dailymail-2020"): False,
               ("E5", "wikipedia-2025"): False}
    rng = np.random.default_rng(5)
    rows = []
    for event_id, label in events:
        for doc_id in DOCS:
            if covered.get((event_id, doc_id), True):
                n = int(rng.integers(1, 9))
                mean = float(np.clip(rng.normal(-0.2 if doc_id == "dailymail-2020" else 0.0, 0.3), -0.9, 0.9))
                a, r = int(rng.integers(0, 4)), int(rng.integers(0, 2))
                rows.append((event_id, label, doc_id, n, mean, a, r, 0.5, "1;2"))
            else:
                rows.append((event_id, label, doc_id, 0, np.nan, 0, 0, np.nan, ""))
    return pd.DataFrame(rows, columns=["event_id", "label", "doc_id", "n_sentences", "mean_compound",
                                       "loaded_authorial", "loaded_reported", "share_attributed", "sentences"])


def by_section() -> pd.DataFrame:
    """The per-section table (``sections.csv``): dailymail-2020 with a headline, bullets and a body,
    wikipedia-2025 with a headline and a body, wikipedia-2017 with a body only."""
    rows = [
        ("wikipedia-2025", "headline", 1, 2, 0.0, np.nan, np.nan, 0.0, 0.0, 0.0, 0.0, 1.0),
        ("wikipedia-2025", "body", 30, 1097, -0.10, -0.30, 0.10, 4.6, 7.3, 0.43, 0.1, 0.47),
        ("wikipedia-2017", "body", 122, 3058, -0.03, -0.10, 0.05, 2.0, 2.9, 0.21, 0.07, 0.72),
        ("dailymail-2020", "headline", 1, 41, -0.87, np.nan, np.nan, 97.6, 0.0, 0.0, 0.0, 1.0),
        ("dailymail-2020", "bullet", 4, 75, -0.27, np.nan, np.nan, 13.3, 0.0, 0.0, 0.0, 1.0),
        ("dailymail-2020", "body", 80, 1846, -0.09, -0.19, 0.01, 8.7, 3.8, 0.23, 0.18, 0.6),
        ("dailymail-2020", "caption", 10, 259, -0.15, -0.43, 0.13, 42.5, 0.0, 0.0, 0.0, 1.0),
    ]
    return pd.DataFrame(rows, columns=["doc_id", "section", "n_sentences", "n_words", "mean_compound", "ci_low",
                                       "ci_high", "loaded_authorial_per_1000", "loaded_reported_per_1000",
                                       "share_named", "share_anonymous", "share_none"])
