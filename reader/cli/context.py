"""What every command shares: opening the database and turning errors into one line."""

from __future__ import annotations

import json
import sqlite3
import sys
from collections.abc import Callable
from typing import Any, NoReturn, TypeVar

import click
from sqlite_utils import Database

from reader.errors import DatabaseError, ReaderError, UsageError
from reader.paths import resolve_db_path, seeds_dir

T = TypeVar("T")


class CliState:
    """The ``--db`` choice, and the database once a command asks for it."""

    def __init__(self, db_option: str | None) -> None:
        self.db_option = db_option
        self._db: Database | None = None

    @property
    def db_path(self) -> str:
        return str(resolve_db_path(self.db_option)[0])

    def db(self) -> Database:
        if self._db is None:
            path, is_default = resolve_db_path(self.db_option)
            fresh = not path.exists()
            from reader.store.connect import open_db

            self._db = open_db(path)
            if is_default and fresh:
                seed_sample_articles(self._db)
        return self._db


def seed_sample_articles(db: Database) -> None:
    """Fill a brand-new default database with the bundled sample articles."""
    from reader.ingest.pipeline import import_paths

    folder = seeds_dir()
    if folder.is_dir():
        import_paths(db, [folder])


def fail(message: str, code: int = 1) -> NoReturn:
    click.echo(f"reader: error: {message}", err=True)
    sys.exit(code)


def run_safely(action: Callable[[], T]) -> T:
    """Run a command body; known problems become one line on stderr and an exit code."""
    try:
        return action()
    except ReaderError as error:
        fail(str(error), error.exit_code)
    except sqlite3.DatabaseError as error:
        fail(f"database problem: {error}", DatabaseError.exit_code)
    except OSError as error:
        fail(f"{error.strerror or error}: {error.filename or ''}".rstrip(": "), 1)
    except KeyboardInterrupt:
        fail("interrupted; everything imported before this point is kept", 130)


def state_of(ctx: click.Context) -> CliState:
    state = ctx.find_object(CliState)
    if state is None:  # commands invoked directly in tests
        state = CliState(None)
    return state


def echo_json(value: Any) -> None:
    click.echo(json.dumps(value, ensure_ascii=False, indent=2))


def usage_error(message: str) -> UsageError:
    return UsageError(message)
