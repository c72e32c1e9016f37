"""Shared fixtures: every test runs with its own data and config directories."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlite_utils import Database

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO / "seeds"
SHARED = REPO.parent / "shared"


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
