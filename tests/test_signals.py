"""SIGTERM ends a run the way Ctrl-C does: staging folder removed, worker processes ended, exit status 1."""

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from framing.signals import Terminated, terminate_as_interrupt

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
SRC = Path(__file__).resolve().parents[1] / "src"


def test_sigterm_raises_an_interrupt_inside_and_the_old_handler_comes_back():
    before = signal.getsignal(signal.SIGTERM)
    with pytest.raises(KeyboardInterrupt) as caught, terminate_as_interrupt():
        os.kill(os.getpid(), signal.SIGTERM)
        time.sleep(5)  # the handler interrupts this
    assert isinstance(caught.value, Terminated)
    assert signal.getsignal(signal.SIGTERM) is before


def start_analyze(*args):
    # A session of its own: its process group holds the run and every worker it starts.
    command = [sys.executable, "-c", "import sys; from framing.cli import main; sys.argv[0] = 'framing'; main()",
               "analyze", *map(str, args)]
    environment = {**os.environ, "PYTHONPATH": f"{SRC}{os.pathsep}{os.environ.get('PYTHONPATH', '')}"}
    return subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env=environment, start_new_session=True)


def processes_in_group(group: int) -> list[int]:
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:  # ended meanwhile
            continue
        if int(fields[2]) == group and fields[0] != "Z":
            found.append(int(stat.parent.name))
    return found


def wait_for(condition, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.02)
    return False


@pytest.fixture
def run_group():
    started = []
    yield started
    for process in started:  # whatever the test found, nothing outlives it
        try:
            os.killpg(process.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        process.wait()


pytestmark = pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc to find processes")


def test_sigterm_while_writing_leaves_no_staging_folder(tmp_path, run_group):
    out = tmp_path / "out"
    run = start_analyze(SEEDS, "--out", out, "--jobs", "1")
    run_group.append(run)
    assert wait_for(lambda: any(tmp_path.glob(".framing-*")), timeout=120), "the run never started writing"
    run.send_signal(signal.SIGTERM)
    _, stderr = run.communicate(timeout=60)
    assert run.returncode == 1
    assert "Aborted!" in stderr and "Traceback" not in stderr
    assert not list(tmp_path.glob(".framing-*"))
    assert not out.exists()


def test_sigterm_with_workers_ends_them_too(tmp_path, run_group):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for copy in range(20):  # enough batches that the workers are busy when the signal comes
        for path in SEEDS.glob("*.txt"):
            shutil.copy(path, corpus / f"{path.stem}_{copy}.txt")
    run = start_analyze(corpus, "--out", tmp_path / "out", "--jobs", "2")
    run_group.append(run)
    assert wait_for(lambda: len(processes_in_group(run.pid)) >= 3, timeout=120), "no workers started"
    run.send_signal(signal.SIGTERM)
    _, stderr = run.communicate(timeout=60)
    assert run.returncode == 1
    assert "Aborted!" in stderr
    assert wait_for(lambda: not processes_in_group(run.pid), timeout=10), processes_in_group(run.pid)
    assert not list(tmp_path.glob(".framing-*"))
