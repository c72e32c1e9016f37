"""Versioned schema steps on PostgreSQL, as on SQLite: each applied once, recorded by name.

Steps run in one transaction under an advisory lock, so two processes opening a new
database at once (an import and the app, two analysts) apply them exactly once.
"""

from __future__ import annotations

from datetime import UTC, datetime

from reader.errors import DatabaseError
from reader.store.postgres.connect import PgDatabase
from reader.store.postgres.schema_steps import AFTER_STEP, STEPS

VERSION_TABLE = "reader_migrations"
LOCK_KEY = 0x7265616465  # "reade": the advisory lock that serialises schema steps


def applied_steps(db: PgDatabase) -> set[str]:
    exists = db.execute("SELECT to_regclass(?) IS NOT NULL", [VERSION_TABLE]).fetchone()[0]
    if not exists:
        return set()
    return {row[0] for row in db.execute(f"SELECT name FROM {VERSION_TABLE}")}


def check_version(db: PgDatabase) -> None:
    """Refuse a database written by a newer reader (steps this version does not know)."""
    unknown = applied_steps(db) - {name for name, _sql in STEPS}
    if unknown:
        raise DatabaseError(
            f"{db.location.shown} was written by a newer version of reader (schema steps "
            f"{', '.join(sorted(unknown))}); upgrade reader to open it"
        )


def pending_steps(db: PgDatabase) -> list[str]:
    done = applied_steps(db)
    return [name for name, _sql in STEPS if name not in done]


def apply_steps(db: PgDatabase) -> list[str]:
    """Apply the steps not yet applied; returns their names."""
    if not pending_steps(db):
        return []
    with db.atomic():
        db.execute("SELECT pg_advisory_xact_lock(?)", [LOCK_KEY])
        db.execute(
            f"CREATE TABLE IF NOT EXISTS {VERSION_TABLE} (name text PRIMARY KEY, applied_at text NOT NULL)"
        )
        done = applied_steps(db)  # again, under the lock: another process may have just migrated
        applied = []
        for name, sql in STEPS:
            if name in done:
                continue
            db.execute(sql)
            if name in AFTER_STEP:
                AFTER_STEP[name](db)
            db.execute(
                f"INSERT INTO {VERSION_TABLE}(name, applied_at) VALUES (?, ?)",
                [name, datetime.now(UTC).isoformat(timespec="seconds")],
            )
            applied.append(name)
    return applied
