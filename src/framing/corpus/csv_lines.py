"""A CSV file's lines as :mod:`csv`'s reader asks for them, noting whether the file ended inside a row.

The reader asks for another line before a row is complete only inside a quoted cell; at the end of the file it
then gives back what it has as the row's last cell, without a word (its non-strict mode, which spreadsheets'
exports need: ``"a" b`` is read as ``a b``). So one stray opening quote would turn every later row into one
cell's text: a corpus of 10,000 rows into a few hundred documents, or a manifest's later rows into one title,
with nothing said. :meth:`RowLines.rows` reads a csv reader's rows and raises :class:`UnclosedQuote` for one
the file ended inside.
"""

from __future__ import annotations

from collections.abc import Iterator

UNCLOSED_QUOTE = ('a cell opened with a quote (") is never closed, so every line after it, to the end of the '
                  'file, would be read as that one cell; close the quote, or write a quote inside a quoted cell '
                  'as two ("")')


class UnclosedQuote(Exception):
    """A row the file ended inside a quoted cell of; ``line`` is the physical line the row starts on."""

    def __init__(self, line: int):
        super().__init__(f"line {line}: {UNCLOSED_QUOTE}")
        self.line = line


class RowLines:
    """A text file's lines for ``csv.reader``, counted per row: read the reader's rows through :meth:`rows`, which
    knows from ``ended_inside_row`` (true once the file ended while the reader still wanted the rest of a row)
    that the last row was never finished."""

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

    def rows(self, reader) -> Iterator:
        """The rows of ``reader`` (a csv reader over these lines, its header already read), in order; raises
        :class:`UnclosedQuote` for a row the file ended inside."""
        first_line = reader.line_num + 1
        for row in reader:
            if self.ended_inside_row:
                raise UnclosedQuote(first_line)
            self.row_done()
            yield row
            first_line = reader.line_num + 1
