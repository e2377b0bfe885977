import sys
import threading
import time
import warnings

import pandas as pd
import pytest

from framing.errors import FramingWarning
from framing.imports_ahead import ImportsAhead
from framing.pipeline import analyze


@pytest.fixture
def module_on_path(tmp_path, monkeypatch):
    """A module no test has imported: ``name`` and a list that records, in the module, the thread importing it."""
    def make(name: str, body: str = "") -> str:
        (tmp_path / f"{name}.py").write_text(
            "import threading\nIMPORTED_BY = threading.current_thread().name\n" + body, encoding="utf-8")
        monkeypatch.syspath_prepend(str(tmp_path))
        monkeypatch.delitem(sys.modules, name, raising=False)
        return name
    yield make


def test_the_modules_are_imported_a_step_at_a_time_by_this_thread(module_on_path):
    first, second = module_on_path("ahead_first"), module_on_path("ahead_second")
    with ImportsAhead([first, second]) as importing:
        assert importing.step() is True
        assert first in sys.modules and second not in sys.modules
    # leaving the block makes the rest
    assert sys.modules[second].IMPORTED_BY == sys.modules[first].IMPORTED_BY == threading.current_thread().name
    assert importing.step() is False


def test_a_module_that_fails_to_import_is_left_to_fail_where_it_is_used(module_on_path):
    broken = module_on_path("ahead_broken", "raise RuntimeError('broken on purpose')\n")
    fine = module_on_path("ahead_fine")
    with ImportsAhead([broken, fine]):
        pass
    assert broken not in sys.modules and fine in sys.modules
    with pytest.raises(RuntimeError, match="broken on purpose"):
        __import__(broken)


def test_nothing_is_imported_when_disabled(module_on_path):
    name = module_on_path("ahead_never")
    with ImportsAhead([name], enabled=False):
        pass
    assert name not in sys.modules


def test_an_error_in_the_block_is_not_held_up_by_the_imports(module_on_path):
    name = module_on_path("ahead_slower", "import time\ntime.sleep(1.5)\n")
    start = time.perf_counter()
    with pytest.raises(KeyError), ImportsAhead([name]):
        raise KeyError("the map failed")
    assert time.perf_counter() - start < 1.0
    assert name not in sys.modules


@pytest.fixture
def corpus_csv(tmp_path):
    path = tmp_path / "corpus.csv"
    pd.DataFrame({"id": ["a", "b", "c"], "text": [
        "Officials said the storm destroyed forty homes on Tuesday. Residents fled to the school.",
        "The storm wrecked dozens of homes, residents told reporters. The school took them in.",
        "A tropical storm reached the coast on Tuesday."]}).to_csv(path, index=False)
    return path


@pytest.mark.slow
def test_a_run_with_workers_imports_what_its_caller_asks_beside_the_map(module_on_path, corpus_csv):
    asked = module_on_path("ahead_for_the_figures")
    analyze(corpus_csv, jobs=2, contributions="none", imports_ahead=(asked,))
    assert sys.modules[asked].IMPORTED_BY == threading.current_thread().name  # while it waited for the workers


def test_a_run_in_one_process_imports_nothing_ahead(module_on_path, corpus_csv):
    asked = module_on_path("ahead_not_needed")
    analyze(corpus_csv, jobs=1, contributions="none", imports_ahead=(asked,))
    assert asked not in sys.modules


@pytest.mark.slow
def test_a_large_corpus_imports_nothing_ahead(module_on_path, corpus_csv, monkeypatch):
    import framing.imports_ahead as imports_ahead

    asked = module_on_path("ahead_for_a_large_run")
    monkeypatch.setattr(imports_ahead, "MAX_CHARACTERS", 100)  # the three short texts hold more
    analyze(corpus_csv, jobs=2, contributions="none", imports_ahead=(asked,))
    assert asked not in sys.modules
    assert imports_ahead.pays(100, workers=True) and not imports_ahead.pays(101, workers=True)
    assert not imports_ahead.pays(10, workers=False)


@pytest.mark.slow
def test_no_warning_of_the_map_is_lost_to_an_import_that_silences_warnings(module_on_path, tmp_path, monkeypatch):
    # Libraries enter warnings.catch_warnings and ignore warnings while they are imported (matplotlib's styles,
    # tqdm); the filters are the process's, so a warning raised from another thread meanwhile vanished. Here the
    # silencing import is the only one to make, for as long as the batch takes.
    import framing.pipeline

    monkeypatch.setattr(framing.pipeline, "AFTER_MAP", ())
    silencing = module_on_path("ahead_silencing", "import time, warnings\nwith warnings.catch_warnings():\n"
                                                  "    warnings.simplefilter('ignore')\n    time.sleep(1.5)\n")
    path = tmp_path / "escaped.csv"
    pd.DataFrame({"id": [f"d{i}" for i in range(6)],
                  "text": [f"Officials said the storm &amp; the flood destroyed {i + 2} homes." for i in range(6)]}
                 ).to_csv(path, index=False)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        analyze(path, jobs=2, contributions="none", imports_ahead=(silencing,))
    escaped = [w for w in caught if issubclass(w.category, FramingWarning) and "HTML character" in str(w.message)]
    assert sorted(w.message.where for w in escaped) == [f"{path.name}:row {i + 2}" for i in range(6)]
