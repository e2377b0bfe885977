"""Shared fixtures: the seed corpus is loaded once per test session."""

from collections import Counter
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


TWO_DOCUMENTS = {
    "talks.txt": "The regime said the talks would resume. Officials gave no date.\n",
    "denial.txt": "The regime denied it. Talks resumed on Monday, a spokesman said.\n",
}


@pytest.fixture
def two_documents(tmp_path):
    """A folder of two short documents: a whole run over it takes a fraction of a second, the seeds' several."""
    folder = tmp_path / "two"
    folder.mkdir()
    for name, text in TWO_DOCUMENTS.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


@pytest.fixture
def file_reads(monkeypatch) -> Counter:
    """How often each file (by name) has its bytes read from now on; documents are read with ``read_bytes``."""
    reads: Counter = Counter()
    read_bytes = Path.read_bytes

    def counting_read_bytes(path):
        reads[path.name] += 1
        return read_bytes(path)

    monkeypatch.setattr(Path, "read_bytes", counting_read_bytes)
    return reads
