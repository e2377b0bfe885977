"""RowLines: csv's reader over a file's lines, noting a file that ends inside a quoted cell."""

import csv
import io

import pytest

from framing.corpus.csv_lines import RowLines


def read(text: str) -> tuple[list[list[str]], list[bool]]:
    """Every row csv reads from ``text`` and, after each, whether the file had ended inside it."""
    lines = RowLines(io.StringIO(text, newline=""))
    rows, ended = [], []
    for row in csv.reader(lines):
        rows.append(row)
        ended.append(lines.ended_inside_row)
        lines.row_done()
    return rows, ended


@pytest.mark.parametrize("text", ['a,b\n1,"x\ny"\n', 'a,b\n1,"x\ny"', "a,b\n1,2\n\n\n", 'a,b\n1,"x" y\n', "a,b\n1,2"])
def test_a_finished_file_never_ends_inside_a_row(text):
    assert not any(read(text)[1])


def test_an_unclosed_quote_is_noted_on_the_row_that_swallowed_the_rest():
    rows, ended = read('a,b\n1,2\n3,"open\n4,5\n6,7\n')
    assert rows == [["a", "b"], ["1", "2"], ["3", "open\n4,5\n6,7\n"]]
    assert ended == [False, False, True]
