"""Kept so ``framing.records`` still imports: the corpus-table reader lives in :mod:`framing.corpus.records`."""

from __future__ import annotations

from .corpus.records import MAX_FIELD_CHARS, TABLE_SUFFIXES, is_table, read_records

__all__ = ["MAX_FIELD_CHARS", "TABLE_SUFFIXES", "is_table", "read_records"]
