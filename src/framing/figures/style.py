"""Colours, fonts and labels shared by every figure.

Nothing here touches global matplotlib state: :data:`STYLE` is applied by each composer with
``with plt.rc_context(STYLE):``, so calling a figure function never changes ``matplotlib.rcParams``.

Sizes are for print: figures are :data:`FIG_WIDTH` inches wide (16 cm), so a font size in points here is the size
on the page; nothing is smaller than 8 pt.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterable, Mapping

from matplotlib.colors import to_hex, to_rgb

from ..errors import FramingWarning

FIG_WIDTH = 6.3  # inches: 16 cm, the printed width every figure is laid out for
MIN_FONT_SIZE = 8  # points, at FIG_WIDTH

#: Okabe & Ito (2008), "Color Universal Design" — distinguishable with the common colour-vision deficiencies.
#: Black is kept for means and annotations; yellow comes last because it is faint on white paper. The order is
#: chosen for greyscale print: the first three (the usual comparison) print as dark, light and middle grey
#: (luma 87, 162, 119); in the old order the first and third both printed near 90 and read as one document.
OKABE_ITO: dict[str, str] = {
    "blue": "#0072B2",
    "orange": "#E69F00",
    "vermillion": "#D55E00",
    "sky blue": "#56B4E9",
    "bluish green": "#009E73",
    "reddish purple": "#CC79A7",
    "yellow": "#F0E442",
}
DOCUMENT_COLOURS: tuple[str, ...] = tuple(OKABE_ITO.values())
#: One marker shape per document position (up to ``views.MANY_DOCUMENTS``): the second channel beside colour, so
#: documents whose colours print as the same grey are still told apart where their bars or dots interleave.
DOCUMENT_MARKERS: tuple[str, ...] = ("o", "s", "^", "D", "v", "P", "X", "h", "<", "p", ">", "*")

NEUTRAL_GREY = "#BBBBBB"  # omitted events, "none" shares, neutral band
TEXT_GREY = "#555555"

#: rc parameters for every figure (applied with ``plt.rc_context``; never assigned to ``rcParams``).
STYLE: dict[str, object] = {
    "font.size": 8,
    "axes.titlesize": 9,
    "axes.labelsize": 8,
    "xtick.labelsize": 8,
    "ytick.labelsize": 8,
    "legend.fontsize": 8,
    "legend.title_fontsize": 8,
    "legend.frameon": False,
    "figure.titlesize": 9,
    "figure.titleweight": "normal",
    "figure.dpi": 100,
    "figure.facecolor": "white",
    "axes.facecolor": "white",
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.linewidth": 0.6,
    "axes.edgecolor": "#333333",
    "axes.titlelocation": "left",
    "axes.axisbelow": True,
    "grid.color": "#DDDDDD",
    "grid.linewidth": 0.5,
    "xtick.major.width": 0.6,
    "ytick.major.width": 0.6,
    "hatch.linewidth": 0.6,
    "lines.linewidth": 1.2,
    "patch.linewidth": 0.6,
}

#: Human-readable names for the loaded-term categories (``framing.lexicons.CATEGORIES``); unknown ones fall back
#: to the name with spaces.
CATEGORY_LABELS: dict[str, str] = {
    "pejorative_label": "pejorative label",
    "honorific_label": "honorific label",
    "violent_dramatic": "violent / dramatic",
    "hyperbole": "hyperbole",
    "euphemism": "euphemism",
    "delegitimising": "delegitimising",
    "legitimising": "legitimising",
}

#: Markers for paragraph sections in the sentiment arc (body sentences are plain dots).
SECTION_MARKERS: dict[str, str] = {"headline": "*", "bullet": "s", "subhead": "D", "caption": "^", "body": "o"}
SECTION_LABELS: dict[str, str] = {"headline": "headline", "bullet": "bullet line", "subhead": "subheading",
                                  "caption": "image caption", "body": "body sentence"}


def category_label(category: str) -> str:
    """The readable name of a loaded-term category (``pejorative_label`` → ``pejorative label``)."""
    return CATEGORY_LABELS.get(category, str(category).replace("_", " "))


def palette(doc_ids: Iterable[str]) -> dict[str, str]:
    """One fixed colour per document, in document order.

    The n-th document always gets the n-th Okabe–Ito colour, so passing the same document order to every
    figure gives each document the same colour in all of them. More than seven documents reuse colours (with a
    :class:`~framing.errors.FramingWarning`); documents are also named on every figure, never told apart by
    colour alone.

    Returns
    -------
    dict mapping each doc_id to a hex colour string.
    """
    ids = list(dict.fromkeys(doc_ids))
    if len(ids) > len(DOCUMENT_COLOURS):
        warnings.warn(f"{len(ids)} documents but only {len(DOCUMENT_COLOURS)} colour-blind-safe colours; "
                      "colours repeat (documents are still named on every figure)", FramingWarning, stacklevel=2)
    return {doc_id: DOCUMENT_COLOURS[i % len(DOCUMENT_COLOURS)] for i, doc_id in enumerate(ids)}


def markers(doc_ids: Iterable[str]) -> dict[str, str]:
    """One fixed marker shape per document, in document order (as :func:`palette` gives colours).

    Returns
    -------
    dict mapping each doc_id to a matplotlib marker (``"o"``, ``"s"``, ``"^"`` …); shapes repeat after
    :data:`DOCUMENT_MARKERS` (12, the most documents a side-by-side figure draws).
    """
    ids = list(dict.fromkeys(doc_ids))
    return {doc_id: DOCUMENT_MARKERS[i % len(DOCUMENT_MARKERS)] for i, doc_id in enumerate(ids)}


def grey_level(colour) -> float:
    """How dark ``colour`` prints in greyscale: its luma (ITU-R 601, as PIL's ``convert("L")``), 0 black – 255
    white."""
    r, g, b = to_rgb(colour)
    return 255 * (0.299 * r + 0.587 * g + 0.114 * b)


def lighten(colour: str, amount: float = 0.6) -> str:
    """Mix ``colour`` with white (``amount`` 0 = unchanged, 1 = white); used for the reported voice."""
    r, g, b = to_rgb(colour)
    return to_hex((r + (1 - r) * amount, g + (1 - g) * amount, b + (1 - b) * amount))


def text_colour_on(colour) -> str:
    """Black or white, whichever reads better on ``colour`` (relative luminance, WCAG formula)."""
    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in to_rgb(colour))
    luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b
    return "black" if luminance > 0.179 else "white"


def colours_for(order: list[str], colours: Mapping[str, str] | None) -> dict[str, str]:
    """``colours`` if given (a composer passing its palette down), else ``palette(order)``."""
    return dict(colours) if colours is not None else palette(order)
