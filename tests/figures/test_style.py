import matplotlib
import pytest

from framing.errors import FramingWarning
from framing.figures import CATEGORY_LABELS, OKABE_ITO, STYLE, category_label, palette
from framing.figures.style import lighten, text_colour_on


def test_palette_follows_document_order():
    colours = palette(["b", "a", "c"])
    assert list(colours) == ["b", "a", "c"]
    assert list(colours.values()) == list(OKABE_ITO.values())[:3]


def test_palette_is_the_same_for_the_same_order():
    assert palette(["x", "y"]) == palette(["x", "y"])
    assert palette(["x", "y"])["x"] != palette(["x", "y"])["y"]


def test_palette_warns_when_colours_repeat():
    with pytest.warns(FramingWarning, match="colours repeat"):
        colours = palette([f"d{i}" for i in range(9)])
    assert colours["d0"] == colours["d7"]


def test_category_labels_are_readable():
    assert category_label("pejorative_label") == "pejorative label"
    assert category_label("violent_dramatic") == "violent / dramatic"
    assert category_label("new_kind") == "new kind"
    assert all("_" not in label for label in CATEGORY_LABELS.values())


def test_style_is_valid_rc_and_readable_in_print():
    for key in STYLE:
        assert key in matplotlib.rcParams
    sizes = [v for k, v in STYLE.items() if k.endswith("size") and isinstance(v, (int, float))]
    assert min(sizes) >= 8


def test_lighten_and_text_colour():
    assert lighten("#000000", 1.0) == "#ffffff"
    assert lighten("#0072B2", 0.0).lower() == "#0072b2"
    assert text_colour_on("#000000") == "white"
    assert text_colour_on("#ffffff") == "black"
