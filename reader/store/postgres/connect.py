"""Opening a PostgreSQL database: one connection, the store's small execute interface.

:class:`PgDatabase` offers what the store code uses of a sqlite-utils ``Database``
(``execute``, ``executemany``, ``conn``, ``in_transaction``, ``atomic``) so that
portable SQL runs unchanged; what differs lives in this package. The connection is in
autocommit mode: a statement outside :meth:`PgDatabase.atomic` commits on its own, and
a block inside it commits at its end or not at all.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from reader.errors import DatabaseError
from reader.store.location import Location
from reader.store.postgres.sql import to_psycopg

CONNECT_TIMEOUT_S = 10


class PgDatabase:
    """One connection to a PostgreSQL database, with ``?`` placeholders like sqlite3."""

    backend = "postgresql"

    def __init__(self, connection: Any, location: Location) -> None:
        self._conn = connection
        self.location = location

    @property
    def conn(self) -> PgDatabase:
        return self  # the store calls db.conn.execute(...) on SQLite's raw connection too

    @property
    def in_transaction(self) -> bool:
        import psycopg

        return self._conn.info.transaction_status != psycopg.pq.TransactionStatus.IDLE

    def execute(self, sql: str, params: Sequence[Any] | None = None) -> Any:
        if params is None:
            return self._conn.execute(sql)
        return self._conn.execute(to_psycopg(sql), list(params))

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> Any:
        cursor = self._conn.cursor()
        cursor.executemany(to_psycopg(sql), [list(row) for row in rows])
        return cursor

    @contextlib.contextmanager
    def atomic(self) -> Iterator[PgDatabase]:
        """A transaction (a savepoint when nested): committed at the end, rolled back on error."""
        with self._conn.transaction():
            yield self

    def rollback(self) -> None:
        self._conn.rollback()

    def close(self) -> None:
        self._conn.close()


def connect(location: Location) -> PgDatabase:
    """Connect to the server at ``location``; failures become one line without the password."""
    try:
        import psycopg
    except ImportError as error:  # pragma: no cover - psycopg is a dependency
        raise DatabaseError("PostgreSQL needs the psycopg package: pip install 'psycopg[binary]'") from error
    try:
        connection = psycopg.connect(
            location.conninfo or "", autocommit=True, connect_timeout=CONNECT_TIMEOUT_S,
            application_name="reader",
        )  # fmt: skip
    except psycopg.Error as error:
        raise DatabaseError(f"cannot connect to {location.shown}: {first_line(error)}") from error
    return PgDatabase(connection, location)


def first_line(error: BaseException) -> str:
    """The server's message without its DETAIL/HINT lines (one line for the user)."""
    text = str(error).strip().splitlines()
    return text[0] if text else type(error).__name__
