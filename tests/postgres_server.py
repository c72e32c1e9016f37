"""A throwaway PostgreSQL server for the test session (pgserver: binaries from PyPI).

One server per session; every test that asks gets its own schema, named in the
location's ``options`` so that every connection of the test (the CLI, the app's
workers) lands in it. When no server can be started the tests skip saying why,
except where ``READER_REQUIRE_POSTGRES=1`` (CI) makes that a failure.
"""

from __future__ import annotations

import itertools
import os
import tempfile
from pathlib import Path
from urllib.parse import quote, urlsplit, urlunsplit

import pytest

REQUIRE_ENV = "READER_REQUIRE_POSTGRES"
_schemas = itertools.count(1)


class PgServer:
    def __init__(self, data_dir: Path) -> None:
        import pgserver

        # "delete": stopped and removed when the test session's process ends.
        self._server = pgserver.get_server(str(data_dir), cleanup_mode="delete")
        self.uri = self._server.get_uri()

    def uri_for(self, user: str, database: str) -> str:
        """A libpq URI for ``user`` on ``database`` (the test server trusts its socket's users)."""
        host = self.uri.split("host=", 1)[1].split("&", 1)[0]
        return f"postgresql://{user}@/{database}?host={host}"

    def location_for(self, schema: str) -> str:
        """A libpq URI whose connections use ``schema`` (created empty)."""
        import psycopg

        with psycopg.connect(self.uri, autocommit=True) as conn:
            conn.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')
            conn.execute(f'CREATE SCHEMA "{schema}"')
        separator = "&" if "?" in self.uri else "?"
        return f"{self.uri}{separator}options={quote(f'-csearch_path={schema}')}"

    def database_location(self, name: str) -> str:
        """A libpq URI of the database ``name`` on this server."""
        parts = urlsplit(self.uri)
        return urlunsplit(parts._replace(path=f"/{name}"))

    def create_database(self, name: str, template: str | None = None) -> str:
        """A new database ``name`` (a copy of ``template``, which nobody may be connected to)."""
        import psycopg

        with psycopg.connect(self.uri, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            conn.execute(f'CREATE DATABASE "{name}"' + (f' TEMPLATE "{template}"' if template else ""))
        return self.database_location(name)

    def drop_database(self, name: str) -> None:
        import psycopg

        with psycopg.connect(self.uri, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def start_server() -> PgServer:
    try:
        # Not under pytest's private temporary folder: run as root, pgserver hands the data
        # directory to an unprivileged user of its own, who must be able to reach it.
        data_dir = Path(tempfile.mkdtemp(prefix="reader-pg-"))
        data_dir.chmod(0o755)
        return PgServer(data_dir)
    except Exception as error:  # any failure to start means "no server here"
        reason = f"no PostgreSQL server could be started ({type(error).__name__}: {error})"
        if os.environ.get(REQUIRE_ENV) == "1":
            pytest.fail(reason)
        pytest.skip(reason)


def next_schema() -> str:
    return f"t{os.getpid()}_{next(_schemas)}"


def next_database() -> str:
    return f"d{os.getpid()}_{next(_schemas)}"


class RestartableServer(PgServer):
    """A server of its own (not the session's), for tests that stop and start it."""

    def stop(self) -> None:
        from pgserver._commands import pg_ctl

        pg_ctl(["-w", "stop", "-m", "fast"], pgdata=self._server.pgdata, user=self._server.system_user)

    def start(self) -> None:
        self._server.ensure_postgres_running()


def start_restartable() -> RestartableServer:
    data_dir = Path(tempfile.mkdtemp(prefix="reader-pg-restart-"))
    data_dir.chmod(0o755)
    try:
        return RestartableServer(data_dir)
    except Exception as error:
        reason = f"no PostgreSQL server could be started ({type(error).__name__}: {error})"
        if os.environ.get(REQUIRE_ENV) == "1":
            pytest.fail(reason)
        pytest.skip(reason)
