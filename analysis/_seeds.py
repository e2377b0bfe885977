"""Shared by the analysis scripts: where the seeds are and where figures go (FRAMING_FIGURES overrides)."""

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
FIGURES = Path(os.environ.get("FRAMING_FIGURES", ROOT / "figures"))
