"""The database errors of whichever stores are in use, for ``except`` clauses.

psycopg is imported only when a PostgreSQL location is opened; until then no
psycopg error can happen, so the tuple is built at the moment of the ``except``.
"""

from __future__ import annotations

import sqlite3
import sys


def database_errors() -> tuple[type[BaseException], ...]:
    """``sqlite3.Error``, and ``psycopg.Error`` once psycopg is loaded."""
    psycopg = sys.modules.get("psycopg")
    if psycopg is None:
        return (sqlite3.Error,)
    return (sqlite3.Error, psycopg.Error)


def describe(error: BaseException) -> str:
    """One line for the user, whichever store raised it."""
    from reader.store.postgres.errors import explain_postgres_error, is_postgres_error

    if is_postgres_error(error):
        return explain_postgres_error(error)
    return str(error)


def is_connection_lost(error: BaseException) -> bool:
    """The server cannot be reached (it went away, or refuses connections for now)."""
    from reader.store.postgres.errors import is_pool_timeout, is_postgres_error

    if not is_postgres_error(error):
        return False
    if is_pool_timeout(error):
        return True
    state = str(getattr(error, "sqlstate", "") or "")
    return state.startswith("08") or state in ("57P01", "57P02", "57P03") or (
        not state and type(error).__name__ == "OperationalError"
    )
