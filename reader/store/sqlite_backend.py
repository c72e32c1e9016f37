"""What SQLite does its own way: the write lock, import settings, the statement index's batch step."""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any

from reader.store.backend import IndexColumn
from reader.store.database import Database
from reader.store.fts_tidy import tidy_after_import
from reader.store.schema_facts import SAID_ID, SAID_KINDS

if TYPE_CHECKING:
    from reader.search.backend_sql import SearchSql

IMPORT_CACHE_KIB = -65536  # PRAGMA cache_size in KiB when negative: 64 MiB
DATA_VERSION_POLL_S = 0.25  # how often a change signal asks whether another connection committed


@contextlib.contextmanager
def write_transaction(db: Database) -> Iterator[Database]:
    """One transaction that takes SQLite's write lock at the start (``BEGIN IMMEDIATE``).

    A plain ``BEGIN`` reads first and asks for the write lock at its first write;
    in WAL mode that fails at once with "database is locked" when another
    connection (the app, a second import) committed in between, because a stale
    read snapshot cannot be upgraded. Asking for the lock up front lets the busy
    timeout do its job: the writer waits its turn instead of failing.
    """
    if db.conn.in_transaction:  # nested: a savepoint inside the caller's transaction
        with db.atomic():
            yield db
        return
    db.conn.execute("BEGIN IMMEDIATE")
    try:
        yield db
    except BaseException:
        db.rollback()
        raise
    try:
        db.conn.execute("COMMIT")
    except BaseException:
        db.rollback()
        raise


@contextlib.contextmanager
def import_session(db: Database) -> Iterator[Database]:
    """Cheaper settings while an import writes its batches, restored afterwards.

    ``synchronous = NORMAL`` in WAL mode: a power cut can lose the last committed
    batches but never corrupts the database, and an interrupted import is simply run
    again. A larger page cache keeps the full-text index's merges in memory.
    Review and tag writes outside the session keep ``synchronous = FULL``.
    """
    synchronous = db.execute("PRAGMA synchronous").fetchone()[0]
    cache_size = db.execute("PRAGMA cache_size").fetchone()[0]
    db.execute("PRAGMA synchronous = NORMAL")
    db.execute(f"PRAGMA cache_size = {IMPORT_CACHE_KIB}")
    try:
        yield db
    finally:
        db.execute(f"PRAGMA synchronous = {int(synchronous)}")
        db.execute(f"PRAGMA cache_size = {int(cache_size)}")


@contextlib.contextmanager
def statements_indexed_at_end(db: Database) -> Iterator[Database]:
    """Inside the caller's transaction: index the statements of the articles written in the
    block once at its end, instead of one by one as they are written.

    One ``INSERT ... SELECT`` for a whole import batch costs the writer a fifth of the
    row-by-row trigger. While the block runs, a row in ``said_deferred`` (never committed:
    the block ends before the transaction does) holds the first new article id and keeps
    the trigger quiet; every other writer of quotes is indexed by the trigger. The actors'
    article counts (``actor.articles``) are added the same way, once per actor a batch names.
    """
    db.execute("INSERT INTO said_deferred(first_article_id) SELECT coalesce(max(id), 0) + 1 FROM article")
    yield db
    db.execute(
        f"INSERT INTO quote_fts(rowid, text, text_stem) SELECT {SAID_ID.format(row='quote')}, text, "
        f"text_stem FROM quote WHERE article_id >= (SELECT min(first_article_id) FROM said_deferred) "
        f"AND kind IN ({', '.join('?' * len(SAID_KINDS))})",
        list(SAID_KINDS),
    )
    db.execute(
        "UPDATE actor SET articles = actor.articles + named.n FROM (SELECT actor_id, count(*) AS n "
        "FROM mention WHERE article_id >= (SELECT min(first_article_id) FROM said_deferred) "
        "GROUP BY actor_id) AS named WHERE actor.id = named.actor_id"
    )
    db.execute("DELETE FROM said_deferred")


class DataVersion:
    """The store's change signal on SQLite (see :class:`reader.store.changes.ChangeSignal`):
    ``PRAGMA data_version`` on a connection of its own moves when any other connection, of this
    process or another, commits. Asking costs no read of the database file."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self.seen = self._version()

    def _version(self) -> int:
        return int(self.db.execute("PRAGMA data_version").fetchone()[0])

    def wait(self, timeout: float, stop: threading.Event) -> bool:
        """Wait up to ``timeout`` seconds (less once ``stop`` is set) for a commit by another
        connection; True when one came."""
        deadline = time.monotonic() + timeout
        while True:
            version = self._version()
            if version != self.seen:
                self.seen = version
                return True
            left = deadline - time.monotonic()
            if left <= 0 or stop.wait(min(left, DATA_VERSION_POLL_S)):
                return False


def insert_rows(
    db: Database, table: str, columns: Sequence[str], rows: Sequence[Sequence[Any]], tail: str = ""
) -> list[tuple[Any, ...]]:
    """One statement a row (SQLite has no round trips to save); what ``RETURNING`` gives."""
    names = ", ".join(f'"{column}"' for column in columns)
    sql = f"INSERT INTO {table}({names}) VALUES ({', '.join('?' * len(columns))}) {tail}"
    if "RETURNING" not in tail:
        db.conn.executemany(sql, rows)
        return []
    returned: list[tuple[Any, ...]] = []
    for row in rows:
        returned.extend(tuple(found) for found in db.conn.execute(sql, row).fetchall())
    return returned


class SqliteBackend:
    name = "sqlite"
    article_index_column = IndexColumn()  # FTS5 triggers index the row itself
    quote_index_column = IndexColumn()
    statements_index_column = IndexColumn()

    @staticmethod
    def statements_changed(db: Database, article_ids: Sequence[int]) -> None:
        return None  # quote_fts's triggers follow every quote row

    @staticmethod
    def index_hint(index: str) -> str:
        return f"INDEXED BY {index}"

    @staticmethod
    def byte_order(column: str) -> str:
        return column  # SQLite's default collation is BINARY

    @staticmethod
    def after_copy(db: Database, tables: list[str]) -> None:
        return None  # an INTEGER PRIMARY KEY continues after the highest id by itself

    @staticmethod
    def clock(seconds: str) -> str:
        return f"strftime('%Y-%m-%dT%H:%M:%S+00:00', 'now', ({seconds}) || ' seconds')"

    @staticmethod
    def reserve_ids(db: Database, table: str, count: int, above: int = 0) -> list[int]:
        # No one else writes while the write transaction holds the lock: the ids after the
        # highest stay free until it ends.
        highest = max(int(db.execute(f"SELECT coalesce(max(id), 0) FROM {table}").fetchone()[0]), above)
        return list(range(highest + 1, highest + 1 + count))

    @staticmethod
    def lock_actor_names(db: Database) -> None:
        return None  # BEGIN IMMEDIATE holds the whole database's write lock already

    write_transaction = staticmethod(write_transaction)
    insert_rows = staticmethod(insert_rows)
    import_session = staticmethod(import_session)
    statements_indexed_at_end = staticmethod(statements_indexed_at_end)
    after_import = staticmethod(tidy_after_import)
    for_update = ""  # BEGIN IMMEDIATE holds the whole database's write lock already

    @staticmethod
    def json_list(value: str, order: str) -> str:
        return f"json_group_array({value})"

    @staticmethod
    def json_row(*values: str) -> str:
        return f"json_array({', '.join(values)})"

    @staticmethod
    def is_retryable(error: BaseException) -> bool:
        return False  # a busy database is waited for (busy_timeout), never aborted

    @staticmethod
    def change_signal(db: Database) -> DataVersion:
        return DataVersion(db)

    @staticmethod
    def search_sql() -> SearchSql:
        from reader.search.sqlite_sql import SQLITE_SQL

        return SQLITE_SQL

    @staticmethod
    def database_key(db: Database) -> str:
        row = db.execute("PRAGMA database_list").fetchone()
        return str(row[2]) if row and row[2] else f"memory:{id(db.conn)}"


SQLITE = SqliteBackend()
