"""The app's worker threads reach the database through connections lent per job:
their own per thread on SQLite, one bounded pool on PostgreSQL (a team shares the server)."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator

import pytest

from reader.store.errors import database_errors, describe, is_connection_lost
from reader.store.worker_connections import ThreadConnections
from tests.postgres_server import RestartableServer, start_restartable


def _run_jobs(connections: ThreadConnections, threads: int, jobs: int) -> list[int]:
    """``threads`` threads at once, each running ``jobs`` jobs; the server session of each job."""
    seen: list[int] = []
    start = threading.Barrier(threads)

    def work() -> None:
        start.wait()
        for _ in range(jobs):
            with connections.lend():
                db = connections.get()
                assert connections.get() is db  # one connection for the whole job
                seen.append(int(db.execute("SELECT pg_backend_pid()").fetchone()[0]))
                time.sleep(0.01)  # a query that takes a moment: the jobs overlap

    running = [threading.Thread(target=work) for _ in range(threads)]
    for thread in running:
        thread.start()
    for thread in running:
        thread.join()
    return seen


def test_many_worker_threads_share_a_few_server_connections(pg_location: str) -> None:
    from reader.store.postgres.pool import POOL_MAX

    connections = ThreadConnections(pg_location)
    try:
        sessions = _run_jobs(connections, threads=10, jobs=5)
    finally:
        connections.close()
    assert len(sessions) == 50
    # Ten threads with a connection each would be ten server sessions.
    assert 1 <= len(set(sessions)) <= POOL_MAX


def test_a_job_inside_a_job_shares_its_connection_and_gives_it_back(pg_location: str) -> None:
    connections = ThreadConnections(pg_location)
    try:
        with connections.lend():
            outer = connections.get()
            with connections.lend():
                assert connections.get() is outer
            assert connections.get() is outer  # the inner job did not give it back
        with connections.lend():
            assert connections.get() is not outer  # a new job borrows anew
    finally:
        connections.close()


def test_outside_a_job_a_thread_keeps_a_connection_of_its_own(pg_location: str) -> None:
    connections = ThreadConnections(pg_location)
    try:
        own = connections.get()  # the change watcher's way: it listens on this one
        assert connections.get() is own
        with connections.lend():
            assert connections.get() is not own
        connections.close_current()
    finally:
        connections.close()


def test_sqlite_jobs_use_the_threads_own_connection(db_path: object) -> None:
    connections = ThreadConnections(str(db_path))
    own = connections.get()
    with connections.lend():
        assert connections.get() is own
    connections.close_current()


@pytest.fixture(scope="module")
def server() -> Iterator[RestartableServer]:
    started = start_restartable()
    yield started
    started._server.cleanup()


def test_a_server_restart_costs_a_job_nothing_and_an_absent_server_one_clear_line(
    server: RestartableServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    from reader.store.postgres import pool

    monkeypatch.setattr(pool, "LEND_WAIT_S", 1.0)
    connections = ThreadConnections(server.location_for("lent"))
    try:
        with connections.lend():
            before = int(connections.get().execute("SELECT pg_backend_pid()").fetchone()[0])
        server.stop()
        server.start()
        # The pool's connection died with the server: it is checked as it is lent, so the
        # job gets a fresh one instead of an error.
        with connections.lend():
            after = int(connections.get().execute("SELECT pg_backend_pid()").fetchone()[0])
        assert after != before
        server.stop()
        started = time.monotonic()
        with pytest.raises(database_errors()) as failed, connections.lend():
            connections.get().execute("SELECT 1")
        assert time.monotonic() - started < 5
        assert is_connection_lost(failed.value)
        assert "cannot be reached" in describe(failed.value)
        server.start()
        with connections.lend():
            assert connections.get().execute("SELECT 1").fetchone()[0] == 1
    finally:
        connections.close()
