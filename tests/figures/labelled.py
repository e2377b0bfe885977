"""Hand-made "who is called what" tables in the target linker's contract, for figure 9 and its report section.

The seed rows are plausible readings of the seeds' loaded-term hits (doc_id, sent_id and term as the lexicon finds
them; a few extra hits added so that one label repeats); the labels table is summed from them as the linker's
contract says (document × actor × category × voice, only hits with a target).
"""

from __future__ import annotations

import pandas as pd

TERM_COLUMNS = ["doc_id", "sent_id", "term", "lemma", "category", "voice", "target", "target_text", "relation",
                "speaker"]
PEJ, HON, VIOLENT, DELEG = "pejorative_label", "honorific_label", "violent_dramatic", "delegitimising"
SOLEIMANI, IRAN, QUDS, US, ASSAD = "Qasem Soleimani", "Iran", "Quds Force", "United States", "Bashar al-Assad"

SEED_TERMS = [
    ("dailymail-2020", 1, "Terrorist", "terrorist", PEJ, "authorial", SOLEIMANI, "Qassem Soleimani", "appositive", ""),
    ("dailymail-2020", 1, "masterminded", "mastermind", PEJ, "authorial", SOLEIMANI, "Soleimani", "copula", ""),
    ("dailymail-2020", 1, "blood of THOUSANDS on his hands", "blood * on <poss> hands", VIOLENT, "authorial",
     SOLEIMANI, "his", "possessive", ""),
    ("dailymail-2020", 5, "terrorist", "terrorist", PEJ, "authorial", SOLEIMANI, "the general", "referent", ""),
    ("dailymail-2020", 9, "terrorist", "terrorist", PEJ, "authorial", SOLEIMANI, "he", "copula", ""),
    ("dailymail-2020", 7, "regime", "regime", PEJ, "authorial", IRAN, "Iranian", "premodifier", ""),
    ("dailymail-2020", 11, "regime", "regime", PEJ, "authorial", IRAN, "Iranian", "premodifier", ""),
    ("dailymail-2020", 15, "regime", "regime", PEJ, "authorial", IRAN, "Tehran", "possessive", ""),
    ("dailymail-2020", 15, "bullying", "bully", DELEG, "authorial", IRAN, "Tehran", "possessive", ""),
    ("dailymail-2020", 18, "hero", "hero", HON, "reported", SOLEIMANI, "Soleimani", "copula", "Iranian state TV"),
    ("dailymail-2020", 18, "selfless", "selfless", HON, "reported", SOLEIMANI, "Soleimani", "premodifier",
     "Iranian state TV"),
    ("dailymail-2020", 24, "dictator", "dictator", PEJ, "authorial", ASSAD, "Bashar al-Assad", "premodifier", ""),
    ("dailymail-2020", 29, "terrorists", "terrorist", PEJ, "reported", QUDS, "the Quds Force", "copula",
     "the Pentagon"),
    ("dailymail-2020", 24, "slaughtered", "slaughter", VIOLENT, "authorial", "", "", "", ""),
    ("wikipedia-2025", 5, "occupiers", "occupier", PEJ, "reported", US, "American troops", "premodifier",
     "Iranian officials"),
    ("wikipedia-2025", 6, "regime", "regime", PEJ, "authorial", IRAN, "Iranian", "premodifier", ""),
    ("wikipedia-2025", 18, "noble warrior", "noble warrior", HON, "reported", SOLEIMANI, "him", "naming",
     "Ali Khamenei"),
    ("wikipedia-2025", 21, "martyr", "martyr", HON, "reported", SOLEIMANI, "Soleimani", "naming",
     "Iranian officials"),
    ("wikipedia-2025", 25, "terrorist", "terrorist", PEJ, "reported", QUDS, "the Quds Force", "naming",
     "the United States"),
    ("wikipedia-2025", 29, "Martyr", "martyr", HON, "reported", SOLEIMANI, "Soleimani", "premodifier",
     "Iranian officials"),
    ("wikipedia-2025", 41, "shahid", "shahid", HON, "reported", SOLEIMANI, "Soleimani", "naming", ""),
    ("wikipedia-2025", 3, "assassination", "assassination", DELEG, "authorial", "", "", "", ""),
    ("wikipedia-2017", 15, "bravery", "bravery", HON, "authorial", SOLEIMANI, "his", "possessive", ""),
    ("wikipedia-2017", 32, "Axis of evil", "axis of evil", PEJ, "reported", IRAN, "Iran", "naming", "George W. Bush"),
    ("wikipedia-2017", 36, "living martyr", "living martyr", HON, "reported", SOLEIMANI, "Soleimani", "naming",
     "Ali Khamenei"),
    ("wikipedia-2017", 61, "terrorist", "terrorist", PEJ, "authorial", QUDS, "the Quds Force", "naming", ""),
    ("wikipedia-2017", 120, "terrorist", "terrorist", PEJ, "reported", QUDS, "the Quds Force", "naming",
     "the US Treasury"),
]


def seed_terms() -> pd.DataFrame:
    """The seeds' loaded-term hits with the linker's columns (``target`` "" when the label has no actor)."""
    return pd.DataFrame(SEED_TERMS, columns=TERM_COLUMNS)


def labels_from(terms: pd.DataFrame) -> pd.DataFrame:
    """``doc_id, actor, category, voice, n``: the labels table the linker derives from its hits."""
    targeted = terms[terms["target"] != ""].rename(columns={"target": "actor"})
    return (targeted.groupby(["doc_id", "actor", "category", "voice"], sort=False).size()
            .rename("n").reset_index())


def seed_labels() -> pd.DataFrame:
    return labels_from(seed_terms())


def group_labels() -> pd.DataFrame:
    """Three outlets' labels, as :func:`framing.groups.group_view` sums them."""
    rows = [("Fox News", "Hamas", PEJ, "authorial", 14), ("Fox News", "Israel", HON, "reported", 3),
            ("Fox News", "Hamas", PEJ, "reported", 4), ("Al Jazeera", "Israel", PEJ, "authorial", 6),
            ("Al Jazeera", "Israel", DELEG, "reported", 5), ("Al Jazeera", "Hamas", HON, "reported", 7),
            ("Al Jazeera", "Hamas", PEJ, "reported", 2), ("Reuters", "Hamas", PEJ, "reported", 6),
            ("Reuters", "Israel", PEJ, "reported", 2), ("Reuters", "United Nations", HON, "reported", 1)]
    return pd.DataFrame(rows, columns=["doc_id", "actor", "category", "voice", "n"])


def spread_terms(n_documents: int = 40, prefix: str = "doc-") -> pd.DataFrame:
    """``n_documents`` documents' (``<prefix>000`` …) hits tied to a few actors, in a known pattern.

    Every document calls Hamas "terrorists" in its own voice (1 + i % 3 times); every third also reports Hamas
    called "resistance fighters" by "Hamas officials"; every fourth calls Israel an "occupier" in its own voice
    twice; document 0 also reports the United Nations "so-called" (no speaker named).
    """
    rows = []
    for i in range(n_documents):
        doc_id = f"{prefix}{i:03d}"
        rows += [(doc_id, 1 + k, "terrorists", "terrorist", PEJ, "authorial", "Hamas", "Hamas", "premodifier", "")
                 for k in range(1 + i % 3)]
        if i % 3 == 0:
            rows.append((doc_id, 5, "resistance fighters", "resistance fighter", HON, "reported", "Hamas", "they",
                         "copula", "Hamas officials"))
        if i % 4 == 0:
            rows += [(doc_id, 6 + k, "occupier", "occupier", PEJ, "authorial", "Israel", "Israel", "copula", "")
                     for k in range(2)]
    rows.append((f"{prefix}000", 9, "so-called", "so-called", DELEG, "reported", "United Nations", "the UN",
                 "premodifier", ""))
    return pd.DataFrame(rows, columns=TERM_COLUMNS)


def spread_labels(n_documents: int = 40, prefix: str = "doc-") -> pd.DataFrame:
    return labels_from(spread_terms(n_documents, prefix))


def with_targets(terms: pd.DataFrame) -> pd.DataFrame:
    """A run's ``terms`` with the linker's columns from :data:`SEED_TERMS` ("" where a hit has no row there).

    The two hand-added hits (no such hit in the seeds) borrow the offsets of another hit of their sentence, so
    the reading view can mark them.
    """
    hand = seed_terms().drop(columns=["lemma", "category", "voice"])
    # The fixture's hand-made targets replace the linker's, so the tests do not depend on the linker's output.
    terms = terms.drop(columns=[c for c in ("target", "target_text", "relation", "speaker") if c in terms])
    merged = terms.merge(hand, on=["doc_id", "sent_id", "term"], how="left")
    merged[["target", "target_text", "relation", "speaker"]] = merged[
        ["target", "target_text", "relation", "speaker"]].fillna("")
    added = seed_terms().merge(terms[["doc_id", "sent_id", "term"]], on=["doc_id", "sent_id", "term"], how="left",
                               indicator=True)
    added = added[added["_merge"] == "left_only"].drop(columns="_merge")
    offsets = terms.drop_duplicates(["doc_id", "sent_id"])[["doc_id", "sent_id", "direction", "start", "end"]]
    added = added.merge(offsets, on=["doc_id", "sent_id"], how="inner")
    return pd.concat([merged, added.reindex(columns=merged.columns)], ignore_index=True)
