"""What every command shares: opening the database and turning errors into one line."""

from __future__ import annotations

import json
import os
import sqlite3
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, NoReturn, TypeVar

import click

from reader.errors import DatabaseError, ReaderError
from reader.paths import seeds_dir
from reader.store.location import Location, resolve_location

if TYPE_CHECKING:  # a command that needs no database (``--help``) does not import sqlite-utils
    from reader.store.database import Database

T = TypeVar("T")


class CliState:
    """The ``--db`` and ``--user`` choices, and the database once a command asks for it."""

    def __init__(self, db_option: str | None, user_option: str | None = None) -> None:
        self.db_option = db_option
        self.user_option = user_option
        self._db: Database | None = None

    @property
    def user(self) -> str:
        """Who is acting, recorded with marks, tags, notes, undo steps and corrections:
        ``--user`` > ``$READER_USER`` > the config file's ``[database] user`` > the login name."""
        from reader.store.analyst import analyst_name

        return analyst_name(self.user_option)

    def act_as(self, user_option: str | None) -> None:
        """A command's own ``--user`` (after the command name) wins over the global one."""
        if user_option:
            self.user_option = user_option

    @property
    def location(self) -> Location:
        return resolve_location(self.db_option)[0]

    @property
    def db_path(self) -> str:
        """The database as it may be shown (a path, or a server location without password)."""
        return self.location.shown

    def db(self) -> Database:
        if self._db is None:
            location, is_default = resolve_location(self.db_option)
            fresh = location.path is not None and not location.path.exists()
            from reader.store.connect import open_db

            self._db = open_db(location)
            if is_default and fresh:
                seed_sample_articles(self._db)
        return self._db


def note_old_actor_file() -> None:
    """One line on stderr while an actor file of the kind reader read before the catalogue
    moved into the database is still set up: it is not read, so it is said, not ignored."""
    from reader.paths import old_actor_file

    old = old_actor_file()
    if old is not None:
        click.echo(
            f"reader: note: the actor catalogue is kept in the database now, and {old} is not read; "
            f"load it once with `reader actors load {old}`, then remove it"
            + (" and unset READER_ACTORS" if os.environ.get("READER_ACTORS") else ""),
            err=True,
        )


def seed_sample_articles(db: Database) -> None:
    """Fill a brand-new default database with the bundled sample articles."""
    from reader.ingest.pipeline import import_paths

    folder = seeds_dir()
    if folder.is_dir():
        import_paths(db, [folder])


def fail(message: str, code: int = 1) -> NoReturn:
    click.echo(f"reader: error: {message}", err=True)
    sys.exit(code)


def explain_database_error(error: sqlite3.DatabaseError) -> str:
    """One line saying what an SQLite error means for the user and what was kept."""
    text = str(error)
    lowered = text.lower()
    if "readonly" in lowered or "read-only" in lowered:
        return (
            f"the database is read-only ({text}); nothing was changed. Browsing and search still "
            "work; to save, make the file and its folder writable"
        )
    if "disk is full" in lowered or "disk i/o" in lowered:
        return (
            f"the disk is full or failing ({text}); everything saved before this point is kept. "
            "Free some space and run the command again"
        )
    if "locked" in lowered or "busy" in lowered:
        return f"the database stayed busy in another program ({text}); nothing was changed, try again"
    if "malformed" in lowered or "not a database" in lowered or "corrupt" in lowered:
        return f"the database file is damaged ({text}); restore it from a backup, or use another --db file"
    return f"database problem: {text}"


def run_safely(action: Callable[[], T]) -> T:
    """Run a command body; known problems become one line on stderr and an exit code."""
    try:
        return action()
    except ReaderError as error:
        fail(str(error), error.exit_code)
    except sqlite3.DatabaseError as error:
        fail(explain_database_error(error), DatabaseError.exit_code)
    except OSError as error:
        fail(f"{error.strerror or error}: {error.filename or ''}".rstrip(": "), 1)
    except Exception as error:
        from reader.store.postgres.errors import explain_postgres_error, is_postgres_error

        if not is_postgres_error(error):
            raise
        fail(explain_postgres_error(error), DatabaseError.exit_code)
    except KeyboardInterrupt:
        fail("interrupted; everything imported before this point is kept", 130)


USER_OPTION = click.option(
    "--user", "user_option", metavar="NAME", help="Act as NAME (default: reader's own --user, "
    "$READER_USER, the config file's [database] user, else the login name).",
)  # fmt: skip


def state_of(ctx: click.Context) -> CliState:
    state = ctx.find_object(CliState)
    if state is None:  # commands invoked directly in tests
        state = CliState(None)
    return state


def echo_json(value: Any) -> None:
    text = json.dumps(value, ensure_ascii=False, indent=2)
    # An argument that was not valid UTF-8 (a latin-1 terminal) arrives with lone surrogates.
    click.echo(text.encode("utf-8", "replace").decode("utf-8"))
