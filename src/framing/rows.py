"""Rows of a table's columns as plain Python values, and tables made from such rows: the loops that walk a table
row by row and the scorers that build one row per finding."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence

import numpy as np
import pandas as pd


def table_rows(table: pd.DataFrame, *columns: str) -> Iterator[tuple]:
    """``(value, value, …)`` of ``columns`` per row of ``table``, in order.

    Iterating a pandas column boxes each value as it goes: about 0.5 µs per Arrow-backed string, so ``zip`` over
    four columns of a batch's sentences cost more than some scorers' own work. ``tolist`` converts each column in
    one call, to the same Python values."""
    return zip(*(table[column].tolist() for column in columns))


def typed_table(rows: Sequence[tuple], columns: Sequence[str], dtypes: Mapping[str, object]) -> pd.DataFrame:
    """``pd.DataFrame(rows, columns=columns).astype(dtypes)``, the same table, made a column at a time: each column
    of ``dtypes`` straight into a numpy array of its type, the others inferred by pandas as from rows.

    Built from rows, every column was first an object array, then ``astype`` copied the table and converted
    it again: 9% of a scoring worker's time went to the small tables of each batch (3.5 times as long)."""
    if not rows:  # no values to build arrays from: the types come from astype alone
        return pd.DataFrame(rows, columns=list(columns)).astype(dtypes)
    data = {name: np.array(values, dtype=dtypes[name]) if name in dtypes else list(values)
            for name, values in zip(columns, zip(*rows))}
    return pd.DataFrame(data, columns=list(columns))
