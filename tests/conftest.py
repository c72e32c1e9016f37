"""Shared fixtures: every test runs with its own data and config directories.

The one home of the seeds folder (:data:`SEEDS`, the ``seeds`` fixture) and of template
databases (the ``templates`` fixture: built once per session by a named builder, each test
gets its own copy).
"""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path
from urllib.parse import quote

import pytest
from sqlite_utils import Database

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO / "seeds"  # the two sample articles; the only place this path is spelt out
SHARED = REPO.parent / "shared"

Builder = Callable[[Path], object]  # writes a database at the path it is given


class Templates:
    """Template databases: each built once per session, then copied for every test that wants one."""

    def __init__(self, factory: pytest.TempPathFactory) -> None:
        self._factory = factory
        self._built: dict[str, Path] = {}

    def path(self, name: str, build: Builder) -> Path:
        """The template ``name``, built by ``build(path)`` on first use (do not write to it)."""
        if name not in self._built:
            path = self._factory.mktemp(f"template-{name}") / "reader.db"
            build(path)
            with sqlite3.connect(path) as conn:  # everything in the main file, so a copy is whole
                conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            conn.close()
            self._built[name] = path
        return self._built[name]

    def copy(self, name: str, build: Builder, to: Path) -> Path:
        """A private copy of the template ``name`` at ``to`` (a file path)."""
        shutil.copy(self.path(name, build), to)
        return to


@pytest.fixture(scope="session")
def templates(tmp_path_factory: pytest.TempPathFactory) -> Templates:
    return Templates(tmp_path_factory)


@pytest.fixture(scope="session")
def seeds() -> Path:
    """The folder of sample articles."""
    return SEEDS


@pytest.fixture(autouse=True)
def isolated_env(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Keep the developer's own database, config and actor file out of every test."""
    home = tmp_path_factory.mktemp("home")
    for var in ("READER_DB", "READER_CONFIG", "READER_ACTORS"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / "cache"))
    return home


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "reader.db"


@pytest.fixture
def db(db_path: Path) -> Database:
    from reader.store.connect import open_db

    database = open_db(db_path)
    yield database
    database.close()


@pytest.fixture
def seeded_db(db: Database) -> Database:
    """A database holding the two sample articles."""
    from reader.ingest.pipeline import import_paths

    import_paths(db, [SEEDS])
    return db


# -- the search corpus (tests/test_search_corpus.py), built once and copied ----------------------


def _build_search(path: Path) -> None:
    from tests.test_search_corpus import build
    build(path).close()


@pytest.fixture(scope="session")
def search_db_file(templates: Templates) -> Path:
    """The search corpus's template (read-only: copy it before writing, see ``sdb``)."""
    return templates.path("search", _build_search)


@pytest.fixture
def search_db_copy(templates: Templates, tmp_path: Path) -> Path:
    """A private copy of the search corpus, as a file."""
    return templates.copy("search", _build_search, tmp_path / "search.db")


@pytest.fixture
def sdb(search_db_copy: Path) -> Database:
    """A private copy of the search database, open (tests may write reviews and tags)."""
    from reader.store.connect import open_db

    database = open_db(search_db_copy)
    yield database
    database.close()


@pytest.fixture(scope="session")
def pg_search_template(pg_server: object) -> str:
    """The name of a database on the session's server holding the search corpus, imported
    once by the same builder as the SQLite template (read-only: copy it, see ``search_store``)."""
    from tests.postgres_server import PgServer, next_database
    from tests.test_search_corpus import build

    assert isinstance(pg_server, PgServer)
    name = next_database()
    build(pg_server.create_database(name)).close()  # type: ignore[arg-type]
    return name


@pytest.fixture(params=["sqlite", "postgresql"])
def search_location(request: pytest.FixtureRequest) -> str:
    """Where the search corpus is, on each store in turn (read-only: for commands that only read)."""
    if request.param == "sqlite":
        return str(request.getfixturevalue("search_db_file"))
    return str(request.getfixturevalue("search_location_pg"))


@pytest.fixture(params=["sqlite", "postgresql"])
def search_store_location(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A private copy of the search corpus on each store in turn (tests may write to it)."""
    if request.param == "sqlite":
        yield str(request.getfixturevalue("search_db_copy"))
        return
    from tests.postgres_server import PgServer, next_database

    server = request.getfixturevalue("pg_server")
    assert isinstance(server, PgServer)
    name = next_database()
    yield server.create_database(name, template=request.getfixturevalue("pg_search_template"))
    server.drop_database(name)


@pytest.fixture
def search_store_copy(search_store_location: str) -> Iterator[object]:
    """The search corpus open on each store in turn, a private copy (for tests that write)."""
    from reader.store.connect import open_db

    database = open_db(search_store_location)
    yield database
    database.close()


@pytest.fixture(params=["sqlite", "postgresql"])
def search_store(request: pytest.FixtureRequest) -> Iterator[object]:
    """The search corpus open on each store in turn, for reading: a copy on SQLite, the
    session's one database on PostgreSQL in read-only mode (a write fails the test)."""
    from reader.store.connect import open_db

    if request.param == "sqlite":
        location = str(request.getfixturevalue("search_db_copy"))
    else:
        location = request.getfixturevalue("search_location_pg") + "&options=" + quote(
            "-cdefault_transaction_read_only=on"
        )
    database = open_db(location)
    yield database
    database.close()


@pytest.fixture
def search_location_pg(pg_server: object, pg_search_template: str) -> str:
    from tests.postgres_server import PgServer

    assert isinstance(pg_server, PgServer)
    return pg_server.database_location(pg_search_template)


@pytest.fixture(scope="session")
def pg_server() -> object:
    """The session's PostgreSQL server (see tests/postgres_server.py)."""
    from tests.postgres_server import start_server

    return start_server()


@pytest.fixture
def pg_location(pg_server: object) -> str:
    """A libpq URI of an empty schema of its own on the session's server."""
    from tests.postgres_server import PgServer, next_schema

    assert isinstance(pg_server, PgServer)
    return pg_server.location_for(next_schema())


@pytest.fixture(params=["sqlite", "postgresql"])
def store_location(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """Where a behavioural test's database is: a SQLite file, then a PostgreSQL schema
    (each test that takes this runs on both stores)."""
    if request.param == "sqlite":
        return str(tmp_path / "reader.db")
    return str(request.getfixturevalue("pg_location"))


@pytest.fixture
def store(store_location: str) -> object:
    """An open database on each store in turn (see ``store_location``)."""
    from reader.store.connect import open_db

    database = open_db(store_location)
    yield database
    database.close()


@pytest.fixture
def seeded_store(store: object) -> object:
    """An open database on each store in turn, holding the two sample articles."""
    from reader.ingest.pipeline import import_paths

    import_paths(store, [SEEDS])  # type: ignore[arg-type]
    return store


@pytest.fixture
def seeded_location(seeded_store: object, store_location: str) -> str:
    """Where ``seeded_store`` is, for the command line and a second connection."""
    return store_location


def location_of(db: object) -> str:
    """What ``--db`` takes to reach the open database ``db`` (a file, or the server's URI)."""
    location = getattr(db, "location", None)
    if location is not None:
        return str(location.conninfo)
    return str(db.execute("PRAGMA database_list").fetchone()[2])  # type: ignore[attr-defined]


def rank_all_up_to(monkeypatch: pytest.MonkeyPatch, count: int) -> None:
    """Every backend ranks all of a match only up to ``count`` (the window is used past it)."""
    from reader.search.postgres_sql import PostgresSearchSql
    from reader.search.sqlite_sql import SqliteSearchSql

    for backend in (SqliteSearchSql, PostgresSearchSql):
        monkeypatch.setattr(backend, "rank_all", count)
