"""The importer's worker processes end with it: after ``kill -9``, Ctrl-C or an error in the parent.

Each case starts a large ``reader import`` (large enough to use the process pool), waits
until its workers exist, ends the parent and then checks, within a few seconds, that no
worker is left. A worker the kernel has ended but nobody reaped yet (a zombie) counts as
ended: it holds no memory and runs no code.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import signal
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from robustkit import reader_cmd, reader_env, synthetic_article, write_jsonl

from reader.ingest.pipeline import import_records
from reader.models import RawArticle
from reader.store.connect import open_db

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc to find child processes"),
    pytest.mark.skipif((os.cpu_count() or 1) < 2, reason="one core: imports run without worker processes"),
]

GRACE = 5.0  # seconds a worker may take to notice its parent is gone


def _stat(pid: int) -> tuple[str, int] | None:
    """(state, parent pid) of a live process; None when it is gone."""
    try:
        text = Path(f"/proc/{pid}/stat").read_text()
    except (FileNotFoundError, ProcessLookupError):
        return None
    fields = text[text.rindex(")") + 2 :].split()
    return fields[0], int(fields[1])


def _children(pid: int) -> set[int]:
    found = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            stat = _stat(int(entry.name))
            if stat and stat[1] == pid and stat[0] != "Z":
                found.add(int(entry.name))
    return found


def _running(pids: set[int]) -> set[int]:
    return {pid for pid in pids if (stat := _stat(pid)) is not None and stat[0] != "Z"}


def _ctrl_c_live() -> None:
    # A suite started in the background (`cmd &`, nohup) passes SIGINT on as ignored, and a
    # Python started so keeps ignoring it: the import runs as from a terminal, Ctrl-C live.
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def _start_import(tmp_path: Path) -> tuple[subprocess.Popen[bytes], set[int]]:
    corpus = write_jsonl(tmp_path / "corpus.jsonl", 6000)
    proc = subprocess.Popen(
        reader_cmd(tmp_path / "reader.db", "import", "--quiet", str(corpus)),
        env=reader_env(), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True,
        preexec_fn=_ctrl_c_live,
    )  # fmt: skip
    deadline = time.monotonic() + 60
    workers: set[int] = set()
    while time.monotonic() < deadline and len(workers) < 2:
        workers = _children(proc.pid)
        time.sleep(0.05)
    if len(workers) < 2:
        proc.kill()
        pytest.fail(f"the import started no worker processes: {workers}")
    time.sleep(0.5)  # let the workers get busy
    return proc, workers


def _wait_gone(workers: set[int]) -> set[int]:
    deadline = time.monotonic() + GRACE
    while _running(workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    return _running(workers)


@contextlib.contextmanager
def _cleanup(proc: subprocess.Popen[bytes], workers: set[int]) -> Iterator[None]:
    try:
        yield
    finally:
        for pid in _running(workers | {proc.pid}):
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
        proc.wait(timeout=30)
        if proc.stderr:
            proc.stderr.close()


def test_kill_9_of_a_stalled_import_leaves_no_worker(tmp_path: Path) -> None:
    proc, workers = _start_import(tmp_path)
    with _cleanup(proc, workers):
        os.kill(proc.pid, signal.SIGSTOP)  # the parent stops reading: workers block on a full pipe
        time.sleep(1.0)
        os.kill(proc.pid, signal.SIGKILL)
        assert _wait_gone(workers) == set(), "workers outlived a killed import"


def test_ctrl_c_ends_the_import_and_its_workers(tmp_path: Path) -> None:
    proc, workers = _start_import(tmp_path)
    with _cleanup(proc, workers):
        os.killpg(proc.pid, signal.SIGINT)  # what the terminal sends for Ctrl-C: the whole group
        proc.wait(timeout=30)
        stderr = proc.stderr.read().decode() if proc.stderr else ""
        assert proc.returncode == 130, stderr
        assert "Traceback" not in stderr, stderr
        assert "interrupted" in stderr
        assert _wait_gone(workers) == set(), "workers outlived an interrupted import"


def _failing_records(count: int) -> Iterator[RawArticle]:
    for index in range(count):
        if index == count - 1:
            raise RuntimeError("the source broke")
        record = synthetic_article(index)
        yield RawArticle(
            source=record["id"], text=record["text"], title=record["title"], url=record["url"],
            published=record["published"], outlet=record["outlet"], origin="corpus.jsonl",
        )  # fmt: skip


def test_an_error_in_the_parent_ends_the_workers(tmp_path: Path) -> None:
    db = open_db(tmp_path / "reader.db")
    try:
        with pytest.raises(RuntimeError, match="the source broke"):
            import_records(db, _failing_records(1200))
    finally:
        db.close()
    assert multiprocessing.active_children() == []
    assert _children(os.getpid()) == set()
