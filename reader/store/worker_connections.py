"""How the terminal app's worker threads reach the database: a connection lent per job."""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, TypeVar

from reader.store.connect import DatabaseTarget, open_db
from reader.store.database import Database
from reader.store.location import Location, parse_location

if TYPE_CHECKING:
    from reader.store.postgres.pool import PgPool

T = TypeVar("T")


class _Job:
    """What one job borrowed: the connection, and how to give it back."""

    def __init__(self) -> None:
        self.stack = contextlib.ExitStack()
        self.db: Database | None = None


class ThreadConnections:
    """The connections of the app's worker threads to one database.

    A job borrows one with :meth:`lend` and reaches it with :meth:`get` while it runs. On
    SQLite each thread keeps a connection of its own (Datasette's pattern: a sqlite3
    connection belongs to the thread that opened it); on PostgreSQL the jobs share one
    bounded pool (:mod:`reader.store.postgres.pool`), so an app holds few server
    connections however many threads it runs. A thread that holds a connection for its
    whole life (the change watcher, which listens on it) calls :meth:`get` outside any
    job and gets one of its own, closed with :meth:`close_current`.

    The first connection migrates the schema; later ones only open.
    """

    def __init__(self, target: DatabaseTarget, user: str | None = None) -> None:
        self.location = target if isinstance(target, Location) else parse_location(target)
        self.user = user  # who works through these connections (None: reader.store.analyst decides)
        self._local = threading.local()
        self._lock = threading.Lock()
        self._migrated = False
        self._pool: PgPool | None = None

    def get(self) -> Database:
        """The current job's connection (borrowed at its first call), else the thread's own."""
        job: _Job | None = getattr(self._local, "job", None)
        if job is not None and self.location.is_postgres:
            if job.db is None:
                job.db = job.stack.enter_context(self._postgres_pool().lend())
            return job.db
        db: Database | None = getattr(self._local, "db", None)
        if db is None:
            db = self._open()
            self._local.db = db
        return db

    @contextlib.contextmanager
    def lend(self) -> Iterator[None]:
        """One job: what :meth:`get` borrows inside it is given back at its end. Borrowing
        waits for the first :meth:`get`, so a failure to connect is raised where the job
        handles the errors of its queries. A job inside a job shares its connection."""
        if getattr(self._local, "job", None) is not None:
            yield
            return
        job = _Job()
        self._local.job = job
        try:
            with job.stack:
                yield
        finally:
            self._local.job = None

    def lent(self, work: Callable[[], T]) -> Callable[[], T]:
        """``work`` as one job (for a worker to run): with a connection lent for it."""

        def job() -> T:
            with self.lend():
                return work()

        return job

    def _open(self) -> Database:
        with self._lock:
            db = open_db(self.location, migrate=not self._migrated)
            self._migrated = True
        return db

    def _postgres_pool(self) -> PgPool:
        with self._lock:
            if self._pool is not None:
                return self._pool
            from reader.store.postgres.pool import PgPool

            pool = PgPool(self.location)  # connects in the background meanwhile
            try:
                # One connection of its own checks the schema (and says why it cannot connect,
                # where the pool would only time out).
                open_db(self.location, migrate=not self._migrated).close()
            except BaseException:
                pool.close()
                raise
            self._migrated = True
            self._pool = pool
            return pool

    def close_current(self) -> None:
        db: Database | None = getattr(self._local, "db", None)
        if db is not None:
            db.close()
            self._local.db = None

    def close(self) -> None:
        """Give the pool's connections back to the server (the app is closing)."""
        with self._lock:
            if self._pool is not None:
                self._pool.close()
                self._pool = None
