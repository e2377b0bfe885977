"""examples/notebook.py, the README's worked example, runs and does what it says."""

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

openpyxl = pytest.importorskip("openpyxl")


def test_notebook_example_analyses_two_texts_draws_a_figure_and_writes_a_workbook(tmp_path):
    src = ROOT / "src"
    result = subprocess.run([sys.executable, str(ROOT / "examples" / "notebook.py"), str(tmp_path)],
                            capture_output=True, text=True, timeout=600, cwd=tmp_path,
                            env={"PYTHONPATH": str(src), "MPLBACKEND": "Agg", "PATH": "/usr/bin:/bin"})
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("<framing.Analysis: 2 documents, 6 sentences (6 in body)")
    assert "<td>tabloid</td>" in result.stdout  # the notebook display
    assert "violent_dramatic" in result.stdout  # the measures pivot
    assert (tmp_path / "loaded_terms.png").read_bytes()[:4] == b"\x89PNG"
    workbook = openpyxl.load_workbook(tmp_path / "run" / "framing.xlsx", read_only=True)
    assert workbook.sheetnames[:2] == ["documents", "sentences"] and "measures" in workbook.sheetnames
    assert (tmp_path / "run" / "report.html").is_file()
