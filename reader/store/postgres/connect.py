"""Opening a PostgreSQL database: one connection, the store's small execute interface.

:class:`PgDatabase` offers the store's database interface
(:class:`reader.store.database.Database`: ``execute``, ``conn``, ``atomic``, ...) so that
portable SQL runs unchanged; what differs lives in this package. The connection is in
autocommit mode: a statement outside :meth:`PgDatabase.atomic` commits on its own, and
a block inside it commits at its end or not at all.

A connection the server dropped (a restart, a network cut) is opened again by the next
statement or transaction that needs it. Only work that had not started is retried: a
transaction cut in the middle fails, so a write is never reported as done unless it
committed.
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
        self._depth = 0  # open atomic() blocks

    @property
    def conn(self) -> PgDatabase:
        return self  # the store calls db.conn.execute(...) on SQLite's raw connection too

    @property
    def in_transaction(self) -> bool:
        import psycopg

        return self._conn.info.transaction_status != psycopg.pq.TransactionStatus.IDLE

    def execute(self, sql: str, params: Sequence[Any] | None = None, binary: bool = False) -> Any:
        """Run ``sql``; ``binary`` sends the values in binary (far cheaper for big arrays)."""
        if params is None:
            return self._again_if_dropped(lambda: self._conn.execute(sql))
        statement, values = to_psycopg(sql, "%b" if binary else "%s"), list(params)
        return self._again_if_dropped(lambda: self._conn.execute(statement, values))

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> Any:
        statement, values = to_psycopg(sql), [list(row) for row in rows]

        def run() -> Any:
            cursor = self._conn.cursor()
            cursor.executemany(statement, values)
            return cursor

        return self._again_if_dropped(run)

    @contextlib.contextmanager
    def atomic(self) -> Iterator[PgDatabase]:
        """A transaction (a savepoint when nested): committed at the end, rolled back on error."""
        transaction = self._again_if_dropped(self._begin)
        self._depth += 1
        try:
            with transaction:
                yield self
        finally:
            self._depth -= 1

    def _begin(self) -> Any:
        transaction = self._conn.transaction()
        transaction.__enter__()  # BEGIN (or SAVEPOINT): nothing is written yet, so it may be retried
        return _Entered(transaction)

    def _again_if_dropped(self, work: Any) -> Any:
        """Run ``work``; if the server had dropped the connection before it, connect and run it
        once more. Inside a transaction nothing is retried: its earlier statements are lost."""
        import psycopg

        try:
            return work()
        except psycopg.OperationalError:
            if self._depth or not self._conn.broken:
                raise
        self._conn = _open(self.location)
        return work()

    def raw_connection(self) -> Any:
        """The psycopg connection now behind this one (another after a reconnection)."""
        return self._conn

    def rollback(self) -> None:
        self._conn.rollback()

    def close(self) -> None:
        self._conn.close()


class _Entered:
    """A psycopg transaction already entered, as a context manager that only leaves it."""

    def __init__(self, transaction: Any) -> None:
        self._transaction = transaction

    def __enter__(self) -> None:
        return None

    def __exit__(self, *exc: Any) -> Any:
        return self._transaction.__exit__(*exc)


def connect(location: Location) -> PgDatabase:
    """Connect to the server at ``location``; failures become one line without the password."""
    try:
        import psycopg
    except ImportError as error:  # pragma: no cover - psycopg is a dependency
        raise DatabaseError("PostgreSQL needs the psycopg package: pip install 'psycopg[binary]'") from error
    try:
        connection = _open(location)
    except psycopg.Error as error:
        raise DatabaseError(f"cannot connect to {location.shown}: {first_line(error)}") from error
    return PgDatabase(connection, location)


def _open(location: Location) -> Any:
    import psycopg

    return psycopg.connect(
        location.conninfo or "", autocommit=True, connect_timeout=CONNECT_TIMEOUT_S,
        application_name="reader",
    )  # fmt: skip


def first_line(error: BaseException) -> str:
    """The server's message without its DETAIL/HINT lines (one line for the user)."""
    text = str(error).strip().splitlines()
    return text[0] if text else type(error).__name__
