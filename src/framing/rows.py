"""Rows of a table's columns as plain Python values, for the loops that walk a table row by row."""

from __future__ import annotations

from collections.abc import Iterator

import pandas as pd


def table_rows(table: pd.DataFrame, *columns: str) -> Iterator[tuple]:
    """``(value, value, …)`` of ``columns`` per row of ``table``, in order.

    Iterating a pandas column boxes each value as it goes: about 0.5 µs per Arrow-backed string, so ``zip`` over
    four columns of a batch's sentences cost more than some scorers' own work. ``tolist`` converts each column in
    one call, to the same Python values."""
    return zip(*(table[column].tolist() for column in columns))
