"""The SQLite connection the store works through: writes commit, blocks roll back whole."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from reader.store.database import SqliteDatabase

Pair = tuple[SqliteDatabase, sqlite3.Connection]  # the store's connection, and another one


@pytest.fixture
def pair(tmp_path: Path) -> Pair:
    path = tmp_path / "t.db"
    db = SqliteDatabase(sqlite3.connect(path))
    db.execute("CREATE TABLE t (x INTEGER UNIQUE)")
    return db, sqlite3.connect(path)


def values(other: sqlite3.Connection) -> list[int]:
    return [row[0] for row in other.execute("SELECT x FROM t ORDER BY x")]


def test_a_write_outside_a_block_is_committed_at_once(pair: Pair) -> None:
    db, other = pair
    db.execute("INSERT INTO t VALUES (?)", [1])
    assert not db.conn.in_transaction
    assert values(other) == [1]


def test_a_failed_write_leaves_no_transaction_open(pair: Pair) -> None:
    db, other = pair
    db.execute("INSERT INTO t VALUES (1)")
    with pytest.raises(sqlite3.IntegrityError):
        db.execute("INSERT INTO t VALUES (1)")
    assert not db.conn.in_transaction
    db.execute("INSERT INTO t VALUES (2)")
    assert values(other) == [1, 2]


def test_a_block_commits_at_its_end_or_not_at_all(pair: Pair) -> None:
    db, other = pair
    with db.atomic():
        db.execute("INSERT INTO t VALUES (1)")
        assert values(other) == []  # not yet visible to another connection
    assert values(other) == [1]
    with pytest.raises(RuntimeError), db.atomic():
        db.execute("INSERT INTO t VALUES (2)")
        raise RuntimeError("stop")
    assert values(other) == [1]
    assert not db.conn.in_transaction


def test_a_nested_block_undoes_only_its_own_writes(pair: Pair) -> None:
    db, other = pair
    with db.atomic():
        db.execute("INSERT INTO t VALUES (1)")
        with pytest.raises(sqlite3.IntegrityError), db.atomic():
            db.execute("INSERT INTO t VALUES (2)")
            db.execute("INSERT INTO t VALUES (1)")
        db.execute("INSERT INTO t VALUES (3)")
    assert values(other) == [1, 3]


def test_reads_and_explicit_transactions_are_left_to_the_caller(pair: Pair) -> None:
    db, other = pair
    db.execute("BEGIN IMMEDIATE")
    db.execute("INSERT INTO t VALUES (5)")
    assert db.conn.in_transaction
    assert db.execute("SELECT count(*) FROM t").fetchone()[0] == 1
    assert values(other) == []
    db.execute("COMMIT")
    assert values(other) == [5]
