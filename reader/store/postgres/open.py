"""Opening a PostgreSQL location: connect, refuse a newer schema, apply pending steps."""

from __future__ import annotations

from reader.errors import DatabaseError
from reader.store.location import Location
from reader.store.postgres.connect import PgDatabase, connect, first_line
from reader.store.postgres.migrations import apply_steps, check_version, pending_steps


def open_postgres(location: Location, *, migrate: bool = True) -> PgDatabase:
    db = connect(location)
    try:
        check_version(db)
        if migrate:
            _apply(db)
        elif pending_steps(db):
            raise DatabaseError(
                f"{location.shown} needs a schema upgrade; open it once with a writing command"
            )
    except BaseException:
        db.close()
        raise
    return db


def _apply(db: PgDatabase) -> None:
    import psycopg

    try:
        apply_steps(db)
    except psycopg.errors.InsufficientPrivilege as error:
        raise DatabaseError(
            f"{db.location.shown} needs a schema upgrade and this account cannot make it "
            f"({first_line(error)}); ask the database's administrator to run a reader command once"
        ) from error
