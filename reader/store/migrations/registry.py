"""The migration set every SQLite step registers with, and what the steps share."""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from reader.store.migrations import MIGRATION_SET
from reader.store.schema_facts import FTS_TOKENIZER

migrations = Migrations(MIGRATION_SET)


def execute_all(db: Database, statements: str) -> None:
    # sqlite-utils splits the script itself inside a transaction (no implicit COMMIT).
    db.executescript(statements)


def fts_with_triggers(db: Database, table: str, columns: list[str], vocab: bool = True) -> None:
    """An external-content FTS5 table over ``columns`` of ``table``, its sync triggers and
    (with ``vocab``) an fts5vocab table of its terms."""
    cols = ", ".join(columns)
    new = ", ".join(f"new.{c}" for c in columns)
    old = ", ".join(f"old.{c}" for c in columns)
    fts = f"{table}_fts"
    execute_all(
        db,
        f"""
CREATE VIRTUAL TABLE {fts} USING fts5({cols}, content='{table}', content_rowid='id',
  tokenize='{FTS_TOKENIZER}');
CREATE TRIGGER {table}_ai AFTER INSERT ON {table} BEGIN
  INSERT INTO {fts}(rowid, {cols}) VALUES (new.id, {new});
END;
CREATE TRIGGER {table}_ad AFTER DELETE ON {table} BEGIN
  INSERT INTO {fts}({fts}, rowid, {cols}) VALUES ('delete', old.id, {old});
END;
CREATE TRIGGER {table}_au AFTER UPDATE ON {table} BEGIN
  INSERT INTO {fts}({fts}, rowid, {cols}) VALUES ('delete', old.id, {old});
  INSERT INTO {fts}(rowid, {cols}) VALUES (new.id, {new});
END
""",
    )
    if vocab:
        execute_all(db, f"CREATE VIRTUAL TABLE {fts}_vocab USING fts5vocab({fts}, 'row')")
