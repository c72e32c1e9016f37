"""Copying a whole database from one store to another (SQLite to PostgreSQL and back).

Every table is copied with its ids, so every relation holds on the other side, in
batches of one transaction each, in primary-key order (text keys byte by byte, so both
stores agree on the order). A copy that was interrupted resumes where the last finished
batch ended: each table carries on after the destination's highest key. The
destination's full-text index is built as an import builds it (FTS5 triggers on
SQLite, the tsvector columns on PostgreSQL).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from reader.errors import UsageError
from reader.store.backend import IndexColumn, backend_of
from reader.store.catalogue import copy_catalogue
from reader.store.schema_facts import SAID_KINDS
from reader.store.writes import write_transaction

# (table, primary key), parents before children. Tables of one store only (FTS5 tables, the
# schema's own version table, SQLite's said_deferred) are not data and are not copied.
TABLES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("actor", ("id",)),
    ("article", ("id",)),
    ("mention", ("article_id", "actor_id")),
    ("quote", ("id",)),
    ("quote_correction", ("id",)),
    ("speaker", ("id",)),
    ("review", ("article_id",)),
    ("review_log", ("id",)),
    ("review_action", ("batch",)),
    ("review_before", ("batch", "article_id")),
    ("tag", ("id",)),
    ("article_tag", ("article_id", "tag_id")),
    ("article_note", ("article_id",)),
    ("saved_search", ("id",)),
    ("bulk_action", ("batch",)),
    ("bulk_untagged", ("batch", "article_id")),
    ("undo_step", ("seq",)),
    ("search_term", ("term",)),
)
COPIED_WHOLE = ("catalogue_actor",)  # replaced as a whole (reader.store.catalogue.copy_catalogue)
# Who has an article open (reader.store.claims) lives for minutes, for the apps open on the
# source: copied, it would keep articles from the analysts of the new store until it expired.
NOT_COPIED = frozenset({"article_claim"})
TEXT_KEYS = frozenset({"batch", "term"})  # ordered byte by byte on both stores
# Counts the destination keeps itself from the rows copied after them (SQLite's triggers
# count each actor's articles as its mentions arrive): copied, they would count twice.
DERIVED = frozenset({("actor", "articles")})
BATCH_ROWS = 2_000


@dataclass(frozen=True, slots=True)
class TableCount:
    table: str
    source: int
    destination: int


Progress = Callable[[str, int], None]  # (table, rows copied so far in this run)


def columns_of(db: Any, table: str) -> list[str]:
    cursor = db.execute(f"SELECT * FROM {table} LIMIT 0")
    return [column[0] for column in cursor.description]


def count_rows(db: Any) -> dict[str, int]:
    tables = [*(table for table, _key in TABLES), *COPIED_WHOLE]
    return {table: int(db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]) for table in tables}


def check_destination(source: Any, destination: Any) -> None:
    """The destination must be empty or an earlier, unfinished copy of the source."""
    row = destination.execute("SELECT max(id) FROM article").fetchone()
    last = row[0] if row else None
    if last is None:
        return
    mine = destination.execute("SELECT source, content_hash FROM article WHERE id = ?", [last]).fetchone()
    theirs = source.execute("SELECT source, content_hash FROM article WHERE id = ?", [last]).fetchone()
    stored = destination.execute("SELECT count(*) FROM article").fetchone()[0]
    expected = source.execute("SELECT count(*) FROM article WHERE id <= ?", [last]).fetchone()[0]
    if theirs is None or tuple(mine) != tuple(theirs) or stored != expected:
        raise UsageError(
            "the destination already holds other articles; copy into an empty database "
            "(or into an unfinished copy of the same source, to resume it)"
        )


def copy_database(source: Any, destination: Any, progress: Progress | None = None) -> list[TableCount]:
    """Copy every table of ``source`` into ``destination``; returns the row counts of both."""
    check_destination(source, destination)
    for table, key in TABLES:
        _copy_table(source, destination, table, key, progress)
    backend_of(destination).after_copy(destination, [table for table, _key in TABLES])
    copy_catalogue(source, destination)  # as a whole: the destination was seeded with the bundled one
    before, after = count_rows(source), count_rows(destination)
    return [TableCount(table, before[table], after[table]) for table in before]


def _copy_table(
    source: Any, destination: Any, table: str, key: tuple[str, ...], progress: Progress | None
) -> None:
    theirs = columns_of(source, table)
    mine = set(columns_of(destination, table))
    extra = _index_column(destination, table)
    rebuilt = extra.column.lstrip(", ")  # this store's own index column, rebuilt from its tokens
    shared = [c for c in theirs if c in mine and c != rebuilt and (table, c) not in DERIVED]
    quoted = ", ".join(f'"{column}"' for column in shared)
    insert = (
        f"INSERT INTO {table}({quoted}{extra.column}) VALUES ({', '.join('?' * len(shared))}"
        f"{extra.placeholder}) ON CONFLICT DO NOTHING"
    )
    positions = [shared.index(column) for column in key]
    copied = 0
    after = _last_key(destination, table, key)
    while True:
        rows = _next_rows(source, table, quoted, key, after)
        if not rows:
            return
        values = [
            tuple(row) + _index_values(extra, table, dict(zip(shared, row, strict=True))) for row in rows
        ]
        with write_transaction(destination):
            destination.conn.executemany(insert, values)
            if table == "quote":  # each article's statements, as the destination keeps them
                articles = [row[shared.index("article_id")] for row in rows]
                backend_of(destination).statements_changed(destination, articles)
        after = tuple(rows[-1][i] for i in positions)
        copied += len(rows)
        if progress is not None:
            progress(table, copied)


def _ordered(db: Any, key: tuple[str, ...]) -> list[str]:
    order = backend_of(db).byte_order
    return [order(column) if column in TEXT_KEYS else column for column in key]


def _last_key(db: Any, table: str, key: tuple[str, ...]) -> tuple[Any, ...] | None:
    """The highest key stored: where an unfinished copy carries on (batches commit whole)."""
    order = ", ".join(f"{column} DESC" for column in _ordered(db, key))
    row = db.execute(f"SELECT {', '.join(key)} FROM {table} ORDER BY {order} LIMIT 1").fetchone()
    return tuple(row) if row else None


def _next_rows(source: Any, table: str, columns: str, key: tuple[str, ...], after: Any) -> list[Any]:
    """The next batch of the source's rows after key ``after`` (from the start when None)."""
    ordered = _ordered(source, key)
    order = ", ".join(ordered)
    if after is None:
        sql, params = f"SELECT {columns} FROM {table} ORDER BY {order} LIMIT ?", [BATCH_ROWS]
    else:
        marks = ", ".join("?" * len(key))
        sql = f"SELECT {columns} FROM {table} WHERE ({order}) > ({marks}) ORDER BY {order} LIMIT ?"
        params = [*after, BATCH_ROWS]
    return source.execute(sql, params).fetchall()


def _index_column(destination: Any, table: str) -> IndexColumn:
    backend = backend_of(destination)
    if table == "article":
        return backend.article_index_column
    if table == "quote":
        return backend.quote_index_column
    return IndexColumn()


def _index_values(extra: IndexColumn, table: str, row: dict[str, Any]) -> tuple[Any, ...]:
    if extra.make is None:
        return ()
    if table == "article":
        return extra.values(row["title"], row["body"], row["title_stem"], row["body_stem"])
    return extra.values(row["text"], row["text_stem"], row["kind"] in SAID_KINDS)
