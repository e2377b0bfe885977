"""The columns of every table the alignment returns, and the empty table of given columns."""

from __future__ import annotations

import pandas as pd

PAIR_COLUMNS = ["doc_a", "sent_a", "doc_b", "sent_b", "similarity"]
EVENT_COLUMNS = ["event_id", "doc_id", "sent_id", "similarity"]
LABEL_COLUMNS = ["event_id", "label", "n_documents", "n_sentences", "source", "keywords"]
COMPARISON_COLUMNS = ["event_id", "label", "doc_id", "n_sentences", "mean_compound", "loaded_authorial",
                      "loaded_reported", "share_attributed", "sentences"]
OMISSION_COLUMNS = ["event_id", "label", "covered_by", "missing_from"]
WORD_CHOICE_COLUMNS = ["doc_a", "sent_a", "doc_b", "sent_b", "loaded_doc", "term", "lemma", "neutral",
                       "other_side_text"]


def empty_table(columns) -> pd.DataFrame:
    """A table with no rows and the given columns (object dtype)."""
    return pd.DataFrame({column: pd.Series(dtype="object") for column in columns})
