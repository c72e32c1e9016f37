"""The store's connection interface, and its SQLite implementation.

Store, search and workflow code talks to an open database through :class:`Database`:
``execute`` with ``?`` placeholders, the raw ``conn``, ``atomic`` blocks, ``rollback`` and
``close``. :class:`SqliteDatabase` implements it over one ``sqlite3`` connection and
:class:`reader.store.postgres.connect.PgDatabase` over psycopg. A sqlite-utils
``Database`` satisfies it too (tests and migration steps use one).

Opening a SQLite file does not import sqlite-utils: importing it costs a short command
such as ``reader search`` about 45 ms (it compiles a large regular expression and loads
dateutil). Migration steps, which do use it, load it only when a step is pending.
"""

from __future__ import annotations

import contextlib
import itertools
import sqlite3
from collections.abc import Iterator, Sequence
from typing import Any, Protocol

# Statements after which an implicit transaction must stay open: the caller controls it.
_TRANSACTION_WORDS = {"BEGIN", "COMMIT", "END", "ROLLBACK", "SAVEPOINT", "RELEASE"}
_savepoints = itertools.count(1)


class Database(Protocol):
    """What the store needs of an open database, on either backend."""

    @property
    def conn(self) -> Any: ...

    def execute(self, sql: str, parameters: Sequence[Any] | None = None) -> Any: ...

    def atomic(self) -> contextlib.AbstractContextManager[Any]: ...

    def rollback(self) -> None: ...

    def close(self) -> None: ...


def _first_word(sql: str) -> str:
    head = sql.lstrip()[:12]
    end = 0
    while end < len(head) and head[end].isalpha():
        end += 1
    return head[:end].upper()


class SqliteDatabase:
    """One ``sqlite3`` connection in the driver's default transaction mode.

    A write run through :meth:`execute` outside a transaction commits at once (the
    driver would otherwise leave the implicit transaction it opened for somebody to
    commit); inside a transaction it becomes part of it.
    """

    backend = "sqlite"

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def execute(self, sql: str, parameters: Sequence[Any] | None = None) -> sqlite3.Cursor:
        was_in_transaction = self.conn.in_transaction
        try:
            cursor = self.conn.execute(sql) if parameters is None else self.conn.execute(sql, parameters)
        except Exception:
            if not was_in_transaction and self.conn.in_transaction:
                self.conn.execute("ROLLBACK")  # the failed statement's own implicit transaction
            raise
        if (
            not was_in_transaction
            and self.conn.in_transaction
            and cursor.description is None
            and _first_word(sql) not in _TRANSACTION_WORDS
        ):
            self.conn.execute("COMMIT")
        return cursor

    def executescript(self, sql: str) -> sqlite3.Cursor:
        return self.conn.executescript(sql)

    @contextlib.contextmanager
    def atomic(self) -> Iterator[SqliteDatabase]:
        """A transaction, or a savepoint inside one: committed at the end, undone on error."""
        if not self.conn.in_transaction:
            self.conn.execute("BEGIN")
            try:
                yield self
            except BaseException:
                self.rollback()
                raise
            try:
                self.conn.execute("COMMIT")
            except BaseException:
                self.rollback()
                raise
            return
        savepoint = f"reader_{next(_savepoints)}"
        self.conn.execute(f"SAVEPOINT {savepoint}")
        try:
            yield self
        except BaseException:
            if self.conn.in_transaction:  # an error may already have ended the transaction
                self.conn.execute(f"ROLLBACK TO SAVEPOINT {savepoint}")
                self.conn.execute(f"RELEASE SAVEPOINT {savepoint}")
            raise
        self.conn.execute(f"RELEASE SAVEPOINT {savepoint}")

    def rollback(self) -> None:
        if self.conn.in_transaction:
            self.conn.execute("ROLLBACK")

    def close(self) -> None:
        self.conn.close()

