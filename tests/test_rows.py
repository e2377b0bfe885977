"""framing.rows: a table's rows as the Python values iterating its columns gives, in one conversion per column."""

import math

import pandas as pd

from framing.rows import table_rows


def test_rows_are_plain_python_values_in_the_order_asked():
    table = pd.DataFrame({"doc_id": ["a", "b"], "sent_id": [1, 2], "compound": [0.5, -0.25], "quoted": [True, False]})
    rows = list(table_rows(table, "quoted", "doc_id", "sent_id", "compound"))
    assert rows == [(True, "a", 1, 0.5), (False, "b", 2, -0.25)]
    assert [type(value) for value in rows[0]] == [bool, str, int, float]  # not numpy scalars


def test_missing_values_stay_missing_and_an_empty_table_has_no_rows():
    table = pd.DataFrame({"doc_id": ["a", None], "compound": [float("nan"), 0.1]})
    (first_id, first_compound), (second_id, _) = table_rows(table, "doc_id", "compound")
    assert first_id == "a" and math.isnan(first_compound) and pd.isna(second_id)
    assert list(table_rows(table.iloc[:0], "doc_id", "compound")) == []
