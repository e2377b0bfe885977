"""Shared fixtures: the seed corpus is loaded once per test session."""

from pathlib import Path

import matplotlib
import pytest

matplotlib.use("Agg")

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture(scope="session")
def seed_corpus():
    from framing import load_corpus

    return load_corpus(SEEDS)


@pytest.fixture(scope="session")
def seed_sentences(seed_corpus):
    from framing import sentences

    return sentences(seed_corpus)


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    import matplotlib.pyplot as plt

    plt.close("all")
