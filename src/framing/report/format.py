"""How the report prints values: numbers for people, table cells as text, text safe in Markdown."""

from __future__ import annotations

import math
import re

import pandas as pd

MINUS = "\u2212"


def number(value, digits: int = 2, *, signed: bool = False, percent: bool = False) -> str:
    """A number for people: fixed digits, a real minus sign, "—" for missing; ``percent`` multiplies by 100."""
    if isinstance(value, str):
        return value or "—"
    if value is None or pd.isna(value):
        return "—"
    value = float(value)
    if percent:
        value *= 100
    if round(value, digits) == 0:
        value = 0.0  # no "−0.00"
    text = f"{value:+,.{digits}f}" if signed and round(value, digits) != 0 else f"{value:,.{digits}f}"
    if percent:
        text += "%"
    return text.replace("-", MINUS)


def cell_text(value) -> str:
    """A metadata value as text: "" for missing values (None, NaN)."""
    return "" if value is None or (isinstance(value, float) and math.isnan(value)) else str(value)


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_<>|]|\](?=[(\[]))")


def markdown_escape(value) -> str:
    """Text safe inside a Markdown table cell or paragraph: specials backslash-escaped, newlines as spaces."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", re.sub(r"\s+", " ", str(value))).strip()
