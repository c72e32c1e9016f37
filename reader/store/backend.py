"""The few things the two stores do differently, behind one set of names.

The store's SQL is portable (``?`` placeholders, ``ON CONFLICT``, ``RETURNING``); what
is not lives in one module per store: :mod:`reader.store.sqlite_backend` and
:mod:`reader.store.postgres.backend`. Code above the store asks :func:`backend_of`
and never tests which store it has.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from reader.search.backend_sql import SearchSql
    from reader.store.changes import ChangeSignal


@dataclass(frozen=True, slots=True)
class IndexColumn:
    """A column one store fills beside a row's own (PostgreSQL's tsvector; nothing on SQLite,
    whose FTS5 triggers index the row): its name and placeholder in an INSERT, and its value."""

    column: str = ""  # ", name" or ""
    placeholder: str = ""  # ", ?::type" or ""
    make: Callable[..., Any] | None = None

    def values(self, *row: Any) -> tuple[Any, ...]:
        return () if self.make is None else (self.make(*row),)


class Backend(Protocol):
    name: str
    article_index_column: IndexColumn  # values(title, body, title_stem, body_stem)
    quote_index_column: IndexColumn  # values(text, text_stem, is_statement)
    # values(statements): an article's statements as (text, text_stem) pairs, in order
    statements_index_column: IndexColumn

    def index_hint(self, index: str) -> str:
        """What makes a query use ``index`` where the planner needs telling (``INDEXED BY``)."""
        ...

    def byte_order(self, column: str) -> str:
        """``column`` (text) compared byte by byte, whatever the database's collation."""
        ...

    def after_copy(self, db: Any, tables: list[str]) -> None:
        """What the store needs after rows were written with their ids (sequences)."""
        ...

    def clock(self, seconds: str) -> str:
        """SQL for the database's own clock ``seconds`` (an SQL expression) from now, as UTC
        ISO text in the stored timestamps' form (``2024-02-15T08:30:00+00:00``): every analyst
        of a shared store measures time by the same clock."""
        ...

    def write_transaction(self, db: Any) -> AbstractContextManager[Any]: ...

    def insert_rows(
        self, db: Any, table: str, columns: Sequence[str], rows: Sequence[Sequence[Any]], tail: str = ""
    ) -> list[tuple[Any, ...]]:
        """``INSERT INTO table(columns)`` each of ``rows``, in order, followed by ``tail``
        (``ON CONFLICT ...``, ``RETURNING ...``); what ``RETURNING`` gives (else []). The rows
        behave as inserted one by one; PostgreSQL sends them in one statement."""
        ...

    def reserve_ids(self, db: Any, table: str, count: int, above: int = 0) -> list[int]:
        """``count`` ids for new rows of ``table`` (all above ``above``) that no other row
        has or will be given: on SQLite until the caller's write transaction ends, on
        PostgreSQL for good (from the table's sequence)."""
        ...

    def lock_actor_names(self, db: Any) -> None:
        """Inside the caller's transaction: hold the right to create actor rows until it
        ends, so that names read as new stay new (see :mod:`reader.store.new_actors`)."""
        ...

    def import_session(self, db: Any) -> AbstractContextManager[Any]: ...

    def statements_indexed_at_end(self, db: Any) -> AbstractContextManager[Any]: ...

    def statements_changed(self, db: Any, article_ids: Sequence[int]) -> None:
        """Inside the caller's transaction: the statements of these articles were added, removed
        or replaced after their rows were written (what :attr:`statements_index_column` holds
        is rebuilt; SQLite's triggers index each quote row themselves)."""
        ...

    def after_import(self, db: Any, added: int) -> None:
        """Upkeep an import owes its indexes for the ``added`` articles (SQLite merges its
        full-text segments: :mod:`reader.store.fts_tidy`)."""
        ...

    def change_signal(self, db: Any) -> ChangeSignal:
        """How ``db``, a connection given to it alone, waits for other connections' commits
        (LISTEN/NOTIFY on PostgreSQL, ``PRAGMA data_version`` on SQLite)."""
        ...

    def search_sql(self) -> SearchSql:
        """The store's SQL for searches (full-text matches, ranking, filters; see the module)."""
        ...

    def database_key(self, db: Any) -> str:
        """What names this database among those open in the process (for caches)."""
        ...

    for_update: str  # after a SELECT in a write transaction: lock the rows read (" FOR UPDATE")

    def json_list(self, value: str, order: str) -> str:
        """SQL for a JSON array (as text) of ``value`` over a group's rows, ordered by ``order``
        (on SQLite the rows come in the order of the subquery they are read from)."""
        ...

    def json_row(self, *values: str) -> str:
        """SQL for a JSON array of ``values`` (one row's fields)."""
        ...

    def is_retryable(self, error: BaseException) -> bool:
        """Whether ``error`` means "run the transaction again" (a serialization failure or a
        deadlock that the server resolved by aborting this transaction)."""
        ...


def backend_of(db: Any) -> Backend:
    """The backend of an open database (a ``SqliteDatabase`` or a ``PgDatabase``)."""
    if getattr(db, "backend", "sqlite") == "postgresql":
        from reader.store.postgres.backend import POSTGRES

        return POSTGRES
    from reader.store.sqlite_backend import SQLITE

    return SQLITE
