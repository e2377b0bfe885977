"""Every analysis/ script runs on the seeds and writes the PNG its docstring names."""

import re
import runpy
import sys
from pathlib import Path

import pytest
from matplotlib.image import imread

ANALYSIS = Path(__file__).resolve().parents[1] / "analysis"
SCRIPTS = sorted(p for p in ANALYSIS.glob("*.py") if not p.name.startswith("_"))


@pytest.mark.parametrize("script", SCRIPTS, ids=[p.stem for p in SCRIPTS])
def test_script_writes_its_figure(script, tmp_path, monkeypatch):
    monkeypatch.setenv("FRAMING_FIGURES", str(tmp_path))
    monkeypatch.syspath_prepend(str(ANALYSIS))
    sys.modules.pop("_seeds", None)
    runpy.run_path(str(script), run_name="__main__")
    expected = re.search(r"figures/(\w+\.png)", script.read_text()).group(1)
    image = imread(tmp_path / expected)
    assert image.shape[1] == pytest.approx(6.3 * 200, abs=2)  # 16 cm wide at 200 dpi
    assert image.std() > 0.05  # something was drawn
