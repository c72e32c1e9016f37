"""The store: schema in sync with db/schema.sql, FTS triggers, safety checks, review writes."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlite_utils import Database

from reader.errors import DatabaseError
from reader.store.connect import open_db
from reader.store.review import add_tag, all_tags, remove_tag, toggle_reviewed
from reader.store.schema import schema_sql
from reader.store.worker_connections import ThreadConnections
from tests.conftest import REPO


def test_schema_dump_is_in_sync() -> None:
    committed = (REPO / "db" / "schema.sql").read_text("utf-8")
    assert committed == schema_sql(), "regenerate with: python -m reader.store.schema > db/schema.sql"


def test_migrations_are_idempotent_and_wal_is_on(db_path: Path) -> None:
    open_db(db_path).close()
    db = open_db(db_path)
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    names = [r[0] for r in db.execute("SELECT name FROM _sqlite_migrations ORDER BY id")]
    assert names == sorted(set(names))


def test_fts_follows_insert_update_delete(seeded_db: Database) -> None:
    def matches(term: str) -> int:
        sql = "SELECT count(*) FROM article_fts WHERE article_fts MATCH ?"
        return seeded_db.execute(sql, [term]).fetchone()[0]

    assert matches("Sirekap") == 1
    with seeded_db.atomic():
        seeded_db.execute(
                "UPDATE article SET body = 'diganti total', body_stem = 'ganti total' "
                "WHERE source LIKE '000%'"
            )
    assert matches("Sirekap") == 0 and matches("diganti") == 1
    with seeded_db.atomic():
        seeded_db.execute("DELETE FROM article WHERE source LIKE '000%'")
    assert matches("diganti") == 0
    assert seeded_db.execute("SELECT count(*) FROM quote WHERE article_id = 1").fetchone()[0] == 0


def test_not_a_database_gives_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "junk.db"
    path.write_bytes(b"this is not sqlite at all" * 100)
    with pytest.raises(DatabaseError, match="not a usable reader database"):
        open_db(path)


def test_database_from_a_newer_version_is_refused(db_path: Path) -> None:
    db = open_db(db_path)
    with db.atomic():
        db.execute(
            "INSERT INTO _sqlite_migrations(migration_set, name, applied_at) "
            "VALUES ('reader', 'm999_future', 'later')"
        )
    db.close()
    with pytest.raises(DatabaseError, match="newer version"):
        open_db(db_path)


def test_review_and_tags_are_committed_and_seen_by_other_connections(
    seeded_store: Database, seeded_location: str
) -> None:
    db = seeded_store
    assert toggle_reviewed(db, 1) is True
    assert add_tag(db, 1, "  kecurangan   Kaltim ") is True
    assert add_tag(db, 1, "kecurangan kaltim") is False  # tags are case-insensitive
    other = open_db(seeded_location)
    assert other.execute("SELECT reviewed FROM review WHERE article_id = 1").fetchone() == (1,)
    assert other.execute("SELECT name FROM tag").fetchall() == [("kecurangan Kaltim",)]
    assert all_tags(db) == [("kecurangan Kaltim", 1)]
    assert remove_tag(db, 1, "KECURANGAN kaltim") is True
    assert toggle_reviewed(db, 1) is False
    actions = [r[0] for r in other.execute("SELECT action FROM review_log ORDER BY id")]
    assert actions == ["review", "tag", "untag", "unreview"]
    assert not db.conn.in_transaction and not other.conn.in_transaction
    other.close()


def test_read_only_database_can_be_browsed(seeded_db: Database, db_path: Path) -> None:
    seeded_db.close()
    for suffix in ("-wal", "-shm"):
        Path(str(db_path) + suffix).unlink(missing_ok=True)
    db = open_db(db_path, readonly=True)
    assert db.execute("SELECT count(*) FROM article").fetchone()[0] == 2
    with pytest.raises(sqlite3.OperationalError, match="readonly"):
        toggle_reviewed(db, 1)


def test_each_thread_gets_its_own_connection(seeded_db: Database, db_path: Path) -> None:
    import threading

    connections = ThreadConnections(db_path)
    seen: list[int] = []

    def work() -> None:
        seen.append(connections.get().execute("SELECT count(*) FROM article").fetchone()[0])

    threads = [threading.Thread(target=work) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert seen == [2, 2, 2]
