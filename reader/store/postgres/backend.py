"""What PostgreSQL does its own way: transactions, import settings, the tsvector columns."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from reader.store.backend import IndexColumn
from reader.store.postgres.connect import PgDatabase
from reader.store.postgres.fulltext import article_vector, statement_vector, statements_vector
from reader.store.postgres.rows import insert_rows

if TYPE_CHECKING:
    from reader.search.backend_sql import SearchSql
    from reader.store.postgres.notify import Notifications

RETRYABLE_STATES = ("40001", "40P01")  # serialization failure, deadlock detected
# The advisory lock every creator of actor rows holds until its transaction ends (any fixed key).
ACTOR_NAMES_LOCK = 0x72656164_6163746F  # "readacto"


@contextlib.contextmanager
def write_transaction(db: PgDatabase) -> Iterator[PgDatabase]:
    """A transaction (a savepoint when nested). Rows are locked as they are written, so two
    writers wait for each other only where they touch the same rows."""
    with db.atomic():
        yield db


@contextlib.contextmanager
def import_session(db: PgDatabase) -> Iterator[PgDatabase]:
    """``synchronous_commit = off`` while an import runs: a server crash can lose the last
    committed batches (run the import again) but never corrupts anything; other sessions
    keep the server's setting."""
    db.execute("SET synchronous_commit = off")
    try:
        yield db
    finally:
        db.execute("RESET synchronous_commit")


@contextlib.contextmanager
def statements_indexed_at_end(db: PgDatabase) -> Iterator[PgDatabase]:
    yield db  # each statement's vector is written with its row


def _said(text: str, text_stem: str, is_statement: bool) -> str | None:
    return statement_vector(text, text_stem) if is_statement else None


class PostgresBackend:
    name = "postgresql"
    article_index_column = IndexColumn(", search", ", ?::tsvector", article_vector)
    quote_index_column = IndexColumn(", said", ", ?::tsvector", _said)
    statements_index_column = IndexColumn(", said", ", ?::tsvector", statements_vector)

    @staticmethod
    def statements_changed(db: PgDatabase, article_ids: Sequence[int]) -> None:
        if article_ids:  # reader_statements: schema step p009
            db.execute(
                "UPDATE article SET said = reader_statements(id) WHERE id = ANY(?::bigint[])",
                [sorted({int(i) for i in article_ids})],
            )

    @staticmethod
    def index_hint(index: str) -> str:
        return ""  # PostgreSQL's planner chooses by statistics

    @staticmethod
    def byte_order(column: str) -> str:
        return f'{column} COLLATE "C"'

    @staticmethod
    def after_import(db: PgDatabase, added: int) -> None:
        return None  # GIN indexes need no merging by hand (autovacuum cleans their pending lists)

    @staticmethod
    def reserve_ids(db: PgDatabase, table: str, count: int, above: int = 0) -> list[int]:
        rows = db.execute(
            "SELECT nextval(pg_get_serial_sequence(?, 'id')) FROM generate_series(1, ?)", [table, count]
        ).fetchall()
        return [int(row[0]) for row in rows]

    @staticmethod
    def lock_actor_names(db: PgDatabase) -> None:
        db.execute("SELECT pg_advisory_xact_lock(?)", [ACTOR_NAMES_LOCK])

    @staticmethod
    def after_copy(db: PgDatabase, tables: list[str]) -> None:
        """Identity columns continue after the highest id copied in (not at 1)."""
        for table, column in db.execute(
            "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = "
            "current_schema() AND is_identity = 'YES' AND table_name = ANY(?)",
            [tables],
        ).fetchall():
            db.execute(
                f"SELECT setval(pg_get_serial_sequence(?, ?), coalesce(max({column}), 0) + 1, false) "
                f"FROM {table}",
                [table, column],
            )

    @staticmethod
    def clock(seconds: str) -> str:
        return (
            f"to_char(timezone('UTC', statement_timestamp()) + ({seconds})::float8 * interval '1 second', "
            '\'YYYY-MM-DD"T"HH24:MI:SS"+00:00"\')'
        )

    write_transaction = staticmethod(write_transaction)
    insert_rows = staticmethod(insert_rows)
    import_session = staticmethod(import_session)
    statements_indexed_at_end = staticmethod(statements_indexed_at_end)
    for_update = " FOR UPDATE"

    @staticmethod
    def json_list(value: str, order: str) -> str:
        return f"coalesce(json_agg({value} ORDER BY {order})::text, '[]')"

    @staticmethod
    def json_row(*values: str) -> str:
        return f"json_build_array({', '.join(values)})"

    @staticmethod
    def is_retryable(error: BaseException) -> bool:
        return str(getattr(error, "sqlstate", "") or "") in RETRYABLE_STATES

    @staticmethod
    def change_signal(db: PgDatabase) -> Notifications:
        from reader.store.postgres.notify import Notifications

        return Notifications(db)

    @staticmethod
    def search_sql() -> SearchSql:
        from reader.search.postgres_sql import POSTGRES_SQL

        return POSTGRES_SQL

    @staticmethod
    def database_key(db: PgDatabase) -> str:
        return db.location.key


POSTGRES = PostgresBackend()
