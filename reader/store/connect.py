"""Opening the database: checks, pragmas, migrations.

A SQLite file is opened here; a PostgreSQL location by :mod:`reader.store.postgres.open`.

The terminal app's workers reach it through :mod:`reader.store.worker_connections`.
"""

from __future__ import annotations

import os
import sqlite3
import time
from pathlib import Path

from reader.errors import DatabaseError
from reader.store.database import Database, SqliteDatabase
from reader.store.location import Location, parse_location
from reader.store.migrations import MIGRATION_SET, known_migration_names
from reader.store.writes import write_transaction

BUSY_TIMEOUT_MS = 15_000


def sqlite_compile_options() -> set[str]:
    """The options the local SQLite library was built with (``ENABLE_FTS5``, ...)."""
    conn = sqlite3.connect(":memory:")
    try:
        return {row[0] for row in conn.execute("PRAGMA compile_options")}
    finally:
        conn.close()


def require_fts5() -> None:
    """Fail with a clear message when the local SQLite was built without FTS5."""
    if "ENABLE_FTS5" not in sqlite_compile_options():
        raise DatabaseError(
            f"this Python's SQLite {sqlite3.sqlite_version} was built without FTS5, "
            "which reader needs for search; install a Python whose sqlite3 has FTS5"
        )


def _connect(path: Path, readonly: bool) -> sqlite3.Connection:
    if readonly:
        uri = f"{path.resolve().as_uri()}?mode=ro"
        return sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
    return sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000)


def _use_wal(conn: sqlite3.Connection) -> None:
    """Switch to WAL once. The switch fails at once (no busy wait) while another process
    is opening the same new file, so it is retried for up to the busy timeout."""
    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    while True:
        try:
            if str(conn.execute("PRAGMA journal_mode").fetchone()[0]).lower() != "wal":
                conn.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as error:
            if "locked" not in str(error) or time.monotonic() > deadline:
                raise
            time.sleep(0.02)


def _applied_steps(db: Database) -> set[str]:
    """The schema steps this file has applied (none for a new file)."""
    has_table = db.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_sqlite_migrations'"
    ).fetchone()
    if has_table is None:
        return set()
    rows = db.execute(
        "SELECT name FROM _sqlite_migrations WHERE migration_set = ?", [MIGRATION_SET]
    ).fetchall()
    return {row[0] for row in rows}


def _check_schema_version(applied: set[str], path: Path) -> None:
    unknown = applied - known_migration_names()
    if unknown:
        raise DatabaseError(
            f"{path} was written by a newer version of reader (schema steps "
            f"{', '.join(sorted(unknown))}); upgrade reader to open it"
        )


def _is_writable(path: Path) -> bool:
    if path.exists():
        return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)
    return True


DatabaseTarget = str | os.PathLike[str] | Location


def open_db(target: DatabaseTarget, *, migrate: bool = True, readonly: bool | None = None) -> Database:
    """Open (creating if needed) the database at ``target`` and bring its schema up to date.

    ``target`` is a SQLite file or a PostgreSQL location (:mod:`reader.store.location`);
    a PostgreSQL location never creates a file. Raises :class:`DatabaseError` with a
    one-line message when the database is not a reader database, comes from a newer
    version, or cannot be written. ``readonly=None`` opens a SQLite file read-only
    exactly when it cannot be written.
    """
    location = target if isinstance(target, Location) else parse_location(target)
    if location.is_postgres:
        from reader.store.postgres.open import open_postgres

        return open_postgres(location, migrate=migrate)  # type: ignore[return-value]
    require_fts5()
    path = Path(location.path or "")
    if path.is_dir():
        raise DatabaseError(f"{path} is a folder; --db takes a database file (or a PostgreSQL URI)")
    if readonly is None:
        readonly = not _is_writable(path)
    if not path.exists():
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise DatabaseError(f"cannot create {path.parent}: {error.strerror}") from error
    try:
        conn = _connect(path, readonly)
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA recursive_triggers = ON")  # as sqlite-utils set it on every connection
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        if not readonly:
            _use_wal(conn)
            # FULL: a review mark that was shown as saved survives a power cut too.
            conn.execute("PRAGMA synchronous = FULL")
    except sqlite3.DatabaseError as error:
        raise DatabaseError(f"{path} is not a usable reader database ({error})") from error
    db = SqliteDatabase(conn)
    applied = _applied_steps(db)
    _check_schema_version(applied, path)
    if migrate and applied != known_migration_names():
        _apply_migrations(db, path, readonly)
    return db


def _apply_migrations(db: SqliteDatabase, path: Path, readonly: bool) -> None:
    if readonly:
        raise DatabaseError(f"{path} is read-only and needs a schema upgrade; make it writable")
    from sqlite_utils import Database as StepDatabase  # the steps are written with sqlite-utils

    from reader.store.migrations import migrations

    # reader uses no sqlite-utils plugins, and looking for them costs start-up time.
    steps_db = StepDatabase(db.conn, execute_plugins=False)
    try:
        # Under the write lock, so a second process creating the same new file at the
        # same moment (the app and an import) waits here and then finds nothing to do.
        with write_transaction(db):
            migrations.apply(steps_db)
    except sqlite3.DatabaseError as error:
        raise DatabaseError(f"cannot prepare {path}: {error}") from error
