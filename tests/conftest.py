"""Shared fixtures (the seed corpus is loaded once per test session) and the ``slow`` mark.

``make test`` runs everything; ``pytest -m "not slow"`` is the quick subset (about a minute) for the edit-test loop:
it leaves out the tests that take several seconds each — a 50 MB input, a browser, Dask, two full runs compared
byte for byte, the fuzzers' scorer pass — measured with ``pytest --durations=40`` (2026-11-29).
"""

from collections import Counter
from pathlib import Path

import matplotlib
import pytest

matplotlib.use("Agg")

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
DATA = Path(__file__).resolve().parent / "data"


# Test functions (by name, in any module) that take several seconds each. A name, not a decorator, so the list is in
# one place; a test renamed away from it simply joins the quick subset.
SLOW = frozenset({
    "test_50_mb_file_is_read_cleaned_and_split_within_memory", "test_two_runs_write_the_same_files_byte_for_byte",
    "test_dask_engine_gives_identical_tables", "test_analyze_shows_progress_on_a_terminal",
    "test_scorers_never_fail_and_use_their_closed_vocabularies", "test_seed_report_in_chromium",
    "test_hostile_report_in_chromium", "test_spread_report_in_chromium_fits_a_phone",
    "test_cli_reads_a_table_and_compares_outlets", "test_skipping_contributions_says_why_the_word_shift_is_missing",
    "test_compare_two_files", "test_existing_out_folder_keeps_foreign_files",
    "test_usable_input_keeps_foreign_files_in_out",
    "test_notebook_example_analyses_two_texts_draws_a_figure_and_writes_a_workbook",
    "test_a_rerun_in_another_format_replaces_the_earlier_tables",
})


def pytest_collection_modifyitems(items):
    for item in items:
        if getattr(item, "originalname", item.name) in SLOW:
            item.add_marker(pytest.mark.slow)


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
    return write_documents(tmp_path / "two", TWO_DOCUMENTS)


def write_documents(folder: Path, texts: dict[str, str]) -> Path:
    """``folder`` made and filled with one UTF-8 file per name in ``texts``."""
    folder.mkdir()
    for name, text in texts.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


HEADLINE_DOCUMENTS = {
    "tabloid.txt": "Terrorist regime slaughtered thousands\n\nThe general died on Friday. Officials said the talks "
                   "would resume. The ministry gave no date.\n",
    "wire.txt": "The general died on Friday. Talks resumed on Monday, a spokesman said.\n",
}


@pytest.fixture
def headline_documents(tmp_path):
    """Two short documents, one with a headline (an unpunctuated first paragraph), one without."""
    return write_documents(tmp_path / "headlines", HEADLINE_DOCUMENTS)


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
