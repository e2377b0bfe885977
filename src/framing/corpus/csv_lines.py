"""A CSV file's lines as :mod:`csv`'s reader asks for them, noting whether the file ended inside a row.

The reader asks for another line before a row is complete only inside a quoted cell; at the end of the file it
then gives back what it has as the row's last cell, without a word (its non-strict mode, which spreadsheets'
exports need: ``"a" b`` is read as ``a b``). So one stray opening quote would turn every later row into one
cell's text: a corpus of 10,000 rows into a few hundred documents, or a manifest's later rows into one title,
with nothing said. Whoever reads through :class:`RowLines` checks ``ended_inside_row`` after each row.
"""

from __future__ import annotations

UNCLOSED_QUOTE = ('a cell opened with a quote (") is never closed, so every line after it, to the end of the '
                  'file, would be read as that one cell; close the quote, or write a quote inside a quoted cell '
                  'as two ("")')


class RowLines:
    """Iterate a text file's lines for ``csv.reader``; call :meth:`row_done` after each row read, and read
    ``ended_inside_row``: true once the file ended while the reader still wanted the rest of a row."""

    def __init__(self, lines):
        self._lines = iter(lines)
        self._lines_in_row = 0
        self.ended_inside_row = False

    def __iter__(self):
        return self

    def __next__(self) -> str:
        try:
            line = next(self._lines)
        except StopIteration:
            # Lines already read for a row the file did not finish; blank lines csv skips also count, which
            # is harmless: no row follows them.
            self.ended_inside_row = self._lines_in_row > 0
            raise
        self._lines_in_row += 1
        return line

    def row_done(self) -> None:
        self._lines_in_row = 0
