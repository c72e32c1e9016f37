"""Several processes on one database: imports, the terminal app, a second app, review writes.

No "database is locked" may reach the user, every committed review must stay,
and articles imported by another process must show up in the app on its next
search (the app keeps no long-lived read transaction).
"""

from __future__ import annotations

import multiprocessing
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest
from robustkit import REPO, fts_consistent, integrity, reader_cmd, reader_env, run_reader, write_jsonl

from reader.config import Settings
from reader.ingest.pipeline import import_paths
from reader.store.connect import open_db
from reader.store.review import add_tag, set_reviewed, toggle_reviewed
from reader.store.worker_connections import ThreadConnections
from tests.conftest import SEEDS

SIZE = (120, 36)


def _start_import(db: Path, *paths: Path, batch: int = 20) -> subprocess.Popen[str]:
    return subprocess.Popen(
        reader_cmd(db, "import", "--quiet", *map(str, paths)),
        env=reader_env(READER_IMPORT_BATCH=str(batch)),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _finish(proc: subprocess.Popen[str], timeout: float = 120) -> str:
    out, err = proc.communicate(timeout=timeout)
    assert proc.returncode == 0, err
    assert "locked" not in err and "Traceback" not in err, err
    return out


def _count(db: Path, sql: str = "SELECT count(*) FROM article") -> int:
    database = open_db(db)
    try:
        return int(database.execute(sql).fetchone()[0])
    finally:
        database.close()


def _open_at_once(path: Path, barrier: object) -> str:
    barrier.wait()  # type: ignore[attr-defined]
    try:
        open_db(path).close()
    except Exception as error:  # noqa: BLE001  (returned to the test, which shows it)
        return repr(error)
    return "ok"


def test_processes_creating_the_same_new_database_at_once(tmp_path: Path) -> None:
    """The app and an import started together on a new file: one creates the schema, the other waits."""
    context = multiprocessing.get_context("fork")
    failures = []
    with context.Manager() as manager, context.Pool(3) as pool:
        for round_number in range(8):
            barrier = manager.Barrier(3)
            path = tmp_path / f"new-{round_number}.db"
            failures += [r for r in pool.starmap(_open_at_once, [(path, barrier)] * 3) if r != "ok"]
    assert failures == []


@pytest.mark.slow
def test_two_imports_at_once_on_a_fresh_database(tmp_path: Path) -> None:
    """Both create the schema and write overlapping articles at the same time: no error, no twins."""
    first = write_jsonl(tmp_path / "a.jsonl", 150)
    second = write_jsonl(tmp_path / "b.jsonl", 150, start=100)  # 50 articles in both files
    db = tmp_path / "fresh.db"
    procs = [_start_import(db, first, batch=10), _start_import(db, second, batch=10)]
    outputs = [_finish(proc) for proc in procs]
    assert _count(db) == 250, outputs
    assert _count(db, "SELECT count(DISTINCT content_hash) FROM article") == 250
    assert integrity(db) == "ok"


@pytest.mark.slow
def test_review_writes_from_threads_while_another_process_imports(tmp_path: Path) -> None:
    """The app's pattern (one connection per worker thread) against a running import."""
    db = tmp_path / "reader.db"
    seed = open_db(db)
    import_paths(seed, [SEEDS])
    seed.close()
    corpus = write_jsonl(tmp_path / "corpus.jsonl", 400)
    connections = ThreadConnections(db)
    written: dict[int, set[str]] = {}
    errors: list[BaseException] = []
    lock = threading.Lock()

    def reviewer(name: str) -> None:
        try:
            conn = connections.get()
            for step in range(25):
                newest = conn.execute("SELECT max(id) FROM article").fetchone()[0]
                article_id = 1 + (step * 7 + len(name)) % newest
                set_reviewed(conn, article_id, True)
                add_tag(conn, article_id, name)
                with lock:
                    written.setdefault(article_id, set()).add(name)
                time.sleep(0.02)
        except BaseException as error:  # noqa: BLE001  (reported by the assertion below)
            errors.append(error)
        finally:
            connections.close_current()

    proc = _start_import(db, corpus, batch=15)
    threads = [threading.Thread(target=reviewer, args=(f"analyst {n}",)) for n in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    _finish(proc)
    assert not errors, errors
    check = open_db(db)
    try:
        assert check.execute("SELECT count(*) FROM article").fetchone()[0] == 402
        for article_id, tags in written.items():
            row = check.execute("SELECT reviewed FROM review WHERE article_id = ?", [article_id]).fetchone()
            assert row[0] == 1
            stored = {
                row[0]
                for row in check.execute(
                    "SELECT name FROM tag JOIN article_tag ON tag.id = tag_id WHERE article_id = ?",
                    [article_id],
                )
            }
            assert tags <= stored
        assert fts_consistent(check.conn)
    finally:
        check.close()


def test_toggles_from_two_connections_are_not_lost(tmp_path: Path) -> None:
    """Each toggle reads and writes in one transaction: 40 toggles from two threads leave it unreviewed."""
    db = tmp_path / "reader.db"
    seed = open_db(db)
    import_paths(seed, [SEEDS])
    seed.close()
    connections = ThreadConnections(db)
    errors: list[BaseException] = []

    def toggler() -> None:
        try:
            conn = connections.get()
            for _ in range(20):
                toggle_reviewed(conn, 1)
        except BaseException as error:  # noqa: BLE001
            errors.append(error)
        finally:
            connections.close_current()

    threads = [threading.Thread(target=toggler) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not errors
    check = open_db(db)
    try:
        assert check.execute("SELECT reviewed FROM review WHERE article_id = 1").fetchone()[0] == 0
        actions = check.execute("SELECT count(*) FROM review_log WHERE article_id = 1").fetchone()[0]
        assert actions == 40
    finally:
        check.close()


# -- the terminal app -----------------------------------------------------------------------------


async def settle(pilot, rounds: int = 4) -> None:  # noqa: ANN001
    for _ in range(rounds):
        await pilot.pause()
        await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def _seeded(tmp_path: Path) -> Path:
    db = tmp_path / "reader.db"
    result = run_reader(db, "import", "--quiet", str(SEEDS))
    assert result.returncode == 0, result.stderr
    return db


SECOND_APP = """
import asyncio, sys
from reader.config import Settings
from reader.tui.app import make_app

async def main():
    app = make_app({db!r}, Settings())
    async with app.run_test(size=(120, 36)) as pilot:
        async def settle():
            for _ in range(4):
                await pilot.pause()
                await app.workers.wait_for_complete()
            await pilot.pause()
        await settle()
        article_list = app.screen.query_one("ArticleList")
        marked = []
        for step in range({steps}):
            await pilot.press("r")
            await settle()
            marked.append((article_list.current.article_id, article_list.current.reviewed))
            await pilot.press("j")
            await settle()
            await pilot.press("slash", *"pemilu", "enter", "escape")  # a search, then back to the list
            await settle()
            await pilot.press("home")
            for _ in range(step + 1):
                await pilot.press("j")
            await settle()
        problems = [n.message for n in app._notifications if n.severity == "error"]
        print("MARKED", marked, flush=True)
        print("PROBLEMS", problems, flush=True)

asyncio.run(main())
"""


@pytest.mark.slow
async def test_app_keeps_working_while_an_import_and_a_second_app_run(tmp_path: Path) -> None:
    from reader.tui.app import make_app
    from reader.tui.widgets.article_list import ArticleList

    db = _seeded(tmp_path)
    corpus = write_jsonl(tmp_path / "corpus.jsonl", 300)
    script = tmp_path / "second_app.py"
    script.write_text(textwrap.dedent(SECOND_APP.format(db=str(db), steps=2)))

    app = make_app(db, Settings())
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        article_list = app.screen.query_one(ArticleList)
        assert article_list.total == 2
        importer = _start_import(db, corpus, batch=20)
        second = subprocess.Popen(
            [sys.executable, str(script)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
            env=reader_env(), cwd=REPO,
        )  # fmt: skip
        mine: dict[int, bool] = {}
        totals = []
        for step in range(4):  # review, move, search: all while the import and the other app write
            await pilot.press("r")
            await settle(pilot)
            current = article_list.current
            mine[current.article_id] = current.reviewed
            await pilot.press("slash", *("kecurangan" if step % 2 else "pemilu"), "enter", "escape")
            await settle(pilot)
            await pilot.press("escape")  # clear the search: the whole list again
            await settle(pilot)
            totals.append(article_list.total)
            await pilot.press("j")
            await settle(pilot)
        _finish(importer)
        out, err = second.communicate(timeout=180)
        assert second.returncode == 0, err
        # A new search (here: clearing it) shows everything the other process imported.
        await pilot.press("slash", "x", "backspace", "enter", "escape")
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        assert article_list.total == 302, totals
        problems = [n.message for n in app._notifications if n.severity == "error"]
        assert problems == []

    assert "PROBLEMS []" in out, out + err
    other = eval(out.split("MARKED", 1)[1].split("\n", 1)[0])  # noqa: S307  (our own script's repr)
    check = open_db(db)
    try:
        stored = dict(check.execute("SELECT article_id, reviewed FROM review").fetchall())
        for article_id, reviewed in mine.items():
            toggles_elsewhere = sum(1 for aid, _ in other if aid == article_id)
            if not toggles_elsewhere:
                assert bool(stored.get(article_id)) == reviewed
        for article_id, reviewed in other:
            if article_id not in mine:
                assert bool(stored.get(article_id)) == reviewed
        assert integrity(db) == "ok"
    finally:
        check.close()
