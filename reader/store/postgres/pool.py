"""The app's workers borrow PostgreSQL connections from one bounded pool (psycopg_pool).

A team shares one server, so each open app holds at most :data:`POOL_MAX` connections
however many worker threads it runs, gives idle ones back to the server after a while, and
never hands a worker a connection the server has dropped (each is checked as it is lent:
after a restart the first job gets a fresh one instead of an error). A worker that finds
the server away waits :data:`LEND_WAIT_S` at most, then fails with a connection error the
app reports as "reconnecting".
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Iterator

from reader.store.location import Location
from reader.store.postgres.connect import CONNECT_TIMEOUT_S, PgDatabase

POOL_MIN = 1  # kept open while the app runs: the next keystroke's search needs no connect
POOL_MAX = 4  # per app: eight analysts cost the server at most 32 worker connections
LEND_WAIT_S = 5.0
IDLE_CLOSE_S = 300.0

# The pool logs each failed reconnection attempt as a warning; in a terminal app a stray
# line on stderr would tear the screen, and the app says "reconnecting" itself.
logging.getLogger("psycopg.pool").addHandler(logging.NullHandler())
logging.getLogger("psycopg.pool").propagate = False


class PgPool:
    """Connections to ``location`` lent one job at a time (:meth:`lend`)."""

    def __init__(self, location: Location) -> None:
        from psycopg_pool import ConnectionPool

        self.location = location
        self._pool = ConnectionPool(
            location.conninfo or "",
            min_size=POOL_MIN,
            max_size=POOL_MAX,
            kwargs={"autocommit": True, "connect_timeout": CONNECT_TIMEOUT_S, "application_name": "reader"},
            check=ConnectionPool.check_connection,
            timeout=LEND_WAIT_S,
            max_idle=IDLE_CLOSE_S,
            name="reader",
            open=True,
        )

    @contextlib.contextmanager
    def lend(self) -> Iterator[PgDatabase]:
        """A connection for one job, given back when it ends (the pool discards a broken one)."""
        with self._pool.connection() as connection:
            db = PgDatabase(connection, self.location)
            try:
                yield db
            finally:
                if db.raw_connection() is not connection:
                    db.close()  # reopened inside the job after a drop: not the pool's to keep

    def close(self) -> None:
        self._pool.close()
