"""What a PostgreSQL error means for the user, in one line (the CLI's and the app's wording)."""

from __future__ import annotations


def is_postgres_error(error: BaseException) -> bool:
    """A psycopg (or psycopg_pool) error, recognised without importing psycopg (a SQLite
    user never loads it)."""
    return type(error).__module__.split(".", 1)[0] in ("psycopg", "psycopg_pool")


def is_pool_timeout(error: BaseException) -> bool:
    """No connection came from the app's pool in time: the server is away (or refuses)."""
    return type(error).__name__ == "PoolTimeout" and is_postgres_error(error)


def explain_postgres_error(error: BaseException) -> str:
    state = str(getattr(error, "sqlstate", "") or "")
    text = (str(error).strip().splitlines() or [type(error).__name__])[0]
    if state == "42501":
        return f"this account cannot write to the database ({text}); nothing was changed"
    if is_pool_timeout(error):
        return f"the database server cannot be reached ({text}); nothing unsaved was kept, try again"
    if state.startswith("08") or ("connection" in text.lower() and "closed" in text.lower()):
        return f"the connection to the database server was lost ({text}); nothing unsaved was kept, try again"
    if state in ("40001", "40P01", "55P03"):
        return f"the database stayed busy with another change ({text}); nothing was changed, try again"
    if state == "53100":
        return f"the database server's disk is full ({text}); everything saved before this point is kept"
    return f"database problem: {text}"
