"""framing.rows: a table's rows as the Python values iterating its columns gives, and tables typed as astype types
them."""

import math

import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from framing.rows import table_rows, typed_table


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


def reference(rows, columns, dtypes):
    return pd.DataFrame(rows, columns=columns).astype(dtypes)


COLUMNS = ["doc_id", "sent_id", "label", "share", "flag", "start"]
DTYPES = {"sent_id": "int64", "share": float, "flag": bool, "start": "int64"}


def test_a_typed_table_is_the_table_astype_makes():
    rows = [("a", 1, "cue", 0.5, True, 3), ("b", 2, None, None, False, 7), ("c", 3, "", 1, 1, 0)]
    made = typed_table(rows, COLUMNS, DTYPES)
    pd.testing.assert_frame_equal(made, reference(rows, COLUMNS, DTYPES))
    assert [str(dtype) for dtype in made.dtypes] == ["str", "int64", "str", "float64", "bool", "int64"]


def test_an_empty_typed_table_has_the_same_columns_and_types():
    pd.testing.assert_frame_equal(typed_table([], COLUMNS, DTYPES), reference([], COLUMNS, DTYPES))


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.one_of(st.none(), st.text(max_size=5)), st.integers(-2**40, 2**40),
                          st.one_of(st.none(), st.sampled_from(["said", "claimed", ""])),
                          st.one_of(st.none(), st.floats(allow_nan=False), st.integers(-5, 5)),
                          st.booleans(), st.integers(0, 10**6)), max_size=8))
def test_a_typed_table_is_the_table_astype_makes_for_any_rows(rows):
    pd.testing.assert_frame_equal(typed_table(rows, COLUMNS, DTYPES), reference(rows, COLUMNS, DTYPES))
