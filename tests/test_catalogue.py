"""The actor catalogue is the database's: imports extract with it, searches resolve with it,
and `reader actors load` / `export` change and show it, on both stores."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from reader.cli import cli
from reader.models import RawArticle
from reader.search import SearchRequest, parse_query, search
from reader.store.catalogue import catalogue_of
from reader.store.connect import open_db

WATCH = "Lembaga Pemantau Kawal Negeri"
EXTRA = {"actors": [{"name": WATCH, "type": "organisation", "aliases": ["LPKN", "Lembaga Kawal Negeri"]}]}
BODY = (
    "Pemantau pemilu dari Lembaga Kawal Negeri menemukan dua puluh dugaan pelanggaran di Bekasi. Temuan itu "
    "sudah dilaporkan kepada pengawas setempat pada Senin pagi."
)


def _article(source: str = "uji-lpkn", n: int = 0) -> RawArticle:
    text = BODY + (f" Laporan itu bernomor {n}." if n else "")
    return RawArticle(source=source, text=text, title="Temuan pemantau", outlet="contoh.com",
                      published="2024-02-15")  # fmt: skip


@pytest.fixture
def second_location(store_location: str, tmp_path: Path, request: pytest.FixtureRequest) -> str:
    """Another empty database on the same store as ``store_location``."""
    if "://" not in store_location:
        return str(tmp_path / "second.db")
    from tests.postgres_server import next_schema

    return str(request.getfixturevalue("pg_server").location_for(next_schema()))


def _catalogue_file(tmp_path: Path, content: Any = EXTRA, name: str = "extra.json") -> Path:
    path = tmp_path / name
    path.write_text(content if isinstance(content, str) else json.dumps(content), "utf-8")
    return path


def _reader(*args: str) -> Any:
    return CliRunner().invoke(cli, list(args))


def _mentioned(db: Any) -> set[str]:
    rows = db.execute("SELECT actor.name FROM mention JOIN actor ON actor.id = mention.actor_id")
    return {row[0] for row in rows}


def test_a_new_database_has_the_bundled_catalogue(store: Any) -> None:
    from reader.extract.actors import default_catalogue

    assert catalogue_of(store).actors == default_catalogue().actors
    assert catalogue_of(store).resolve("Jokowi") == "Joko Widodo"


def test_an_import_extracts_with_its_own_database_catalogue(
    store_location: str, second_location: str, tmp_path: Path
) -> None:
    from reader.ingest.pipeline import import_records

    loaded = _reader("--db", store_location, "actors", "load", str(_catalogue_file(tmp_path)))
    assert loaded.exit_code == 0, loaded.output
    assert "1 new" in loaded.output
    with_extra, plain = open_db(store_location), open_db(second_location)
    try:
        import_records(with_extra, [_article()])
        import_records(plain, [_article()])
        assert WATCH in _mentioned(with_extra)
        assert WATCH not in _mentioned(plain)
        assert with_extra.execute("SELECT discovered FROM actor WHERE name = ?", [WATCH]).fetchone()[0] == 0
    finally:
        with_extra.close()
        plain.close()


def test_import_workers_extract_with_the_database_catalogue(
    db: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from reader.extract.catalogue_file import read_catalogue_file
    from reader.ingest import prepare
    from reader.ingest.pipeline import import_records
    from reader.store.catalogue import load_actors

    monkeypatch.setattr(prepare, "PARALLEL_THRESHOLD", 1)
    monkeypatch.setattr(prepare.os, "cpu_count", lambda: 2)
    load_actors(db, read_catalogue_file(_catalogue_file(tmp_path)))
    report = import_records(db, [_article(f"uji-{n}", n) for n in range(1, 4)])
    assert report.imported == 3
    count = db.execute(
        "SELECT count(*) FROM mention JOIN actor ON actor.id = mention.actor_id WHERE actor.name = ?", [WATCH]
    ).fetchone()[0]
    assert count == 3


def _planned_actors(db: Any, query: str) -> list[str]:
    from reader.search.plan import Planner

    plan = Planner(db).build(parse_query(query))
    return [str(e) for e in plan.expansions if e.kind == "actor"]


def test_after_a_load_the_planner_resolves_the_new_alias(store_location: str, tmp_path: Path) -> None:
    db = open_db(store_location)
    try:
        assert _planned_actors(db, "LPKN") == []
        loaded = _reader("--db", store_location, "actors", "load", str(_catalogue_file(tmp_path)))
        assert loaded.exit_code == 0
        assert _planned_actors(db, "LPKN") == [f"LPKN → actor {WATCH}"]  # the same connection
        assert _planned_actors(db, "Jokowi") == ["Jokowi → actor Joko Widodo"]  # added, not replaced
    finally:
        db.close()


def test_after_a_load_search_finds_earlier_articles_by_the_new_alias(
    db: Any, db_path: Path, tmp_path: Path
) -> None:
    from reader.ingest.pipeline import import_records

    import_records(db, [_article()])  # imported before the actor was known
    before = search(db, SearchRequest(query="LPKN"))
    assert not before.hits
    loaded = _reader("--db", str(db_path), "actors", "load", str(_catalogue_file(tmp_path)))
    assert loaded.exit_code == 0
    after = search(db, SearchRequest(query="LPKN"))
    assert [str(e) for e in after.expansions if e.kind == "actor"] == [f"LPKN → actor {WATCH}"]
    assert [hit.source for hit in after.hits] == ["uji-lpkn"]  # by an alias in its text


@pytest.mark.parametrize(
    "content",
    [
        "{not json",
        {"actors": [{"name": "Tokoh", "aliases": "Tok"}]},
        {"actors": [{"name": "", "type": "person"}]},
        {"actors": [{"name": "Tokoh", "type": "alien"}]},
        {"actors": [{"name": WATCH}, {"name": WATCH}]},
        {"actors": []},
        {"actors": "Tokoh"},
    ],
)
def test_a_malformed_file_is_one_line_and_changes_nothing(
    store_location: str, tmp_path: Path, content: Any
) -> None:
    before = _reader("--db", store_location, "actors", "export").output
    bad = _catalogue_file(tmp_path, content)
    result = _reader("--db", store_location, "actors", "load", "--replace", str(bad))
    assert result.exit_code == 2
    assert result.output.count("\n") == 1 and result.output.startswith("reader: error: ")
    assert "Traceback" not in result.output
    assert _reader("--db", store_location, "actors", "export").output == before


def test_export_then_load_replace_keeps_the_catalogue(store_location: str, tmp_path: Path) -> None:
    out = tmp_path / "catalogue.json"
    assert _reader("--db", store_location, "actors", "load", str(_catalogue_file(tmp_path))).exit_code == 0
    assert _reader("--db", store_location, "actors", "export", str(out)).exit_code == 0
    exported = json.loads(out.read_text("utf-8"))
    assert exported["actors"][-1]["name"] == WATCH
    replaced = _reader("--db", store_location, "actors", "load", "--replace", str(_catalogue_file(tmp_path)))
    assert replaced.exit_code == 0 and "removed" in replaced.output
    db = open_db(store_location)
    try:
        assert [a.name for a in catalogue_of(db).actors] == [WATCH]
        assert catalogue_of(db).resolve("Jokowi") is None
    finally:
        db.close()
    assert _reader("--db", store_location, "actors", "load", "--replace", str(out)).exit_code == 0
    assert _reader("--db", store_location, "actors", "export").output == out.read_text("utf-8")


def test_the_old_actor_file_is_not_read_and_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    old = _catalogue_file(tmp_path, name="mine.json")
    monkeypatch.setenv("READER_ACTORS", str(old))
    location = str(tmp_path / "reader.db")
    result = CliRunner().invoke(cli, ["--db", location, "actors", "export"])
    assert f"reader actors load {old}" in result.stderr
    assert WATCH not in result.stdout


def test_speaker_and_actor_names_resolve_with_the_database_catalogue(db: Any, tmp_path: Path) -> None:
    from reader.extract.catalogue_file import read_catalogue_file
    from reader.store.catalogue import load_actors
    from reader.store.speakers import resolve_actor

    assert resolve_actor(db, "LPKN").names == ()
    load_actors(db, read_catalogue_file(_catalogue_file(tmp_path)))
    assert resolve_actor(db, "LPKN").names == (WATCH,)


def test_reader_copy_carries_the_catalogue(tmp_path: Path, pg_location: str) -> None:
    source = str(tmp_path / "source.db")
    extra = str(_catalogue_file(tmp_path))
    assert _reader("--db", source, "actors", "load", "--replace", extra).exit_code == 0
    copied = _reader("copy", source, pg_location, "--json")
    assert copied.exit_code == 0, copied.output
    assert {"table": "catalogue_actor", "source": 1, "destination": 1} in json.loads(copied.output)
    back = str(tmp_path / "back.db")
    assert _reader("copy", pg_location, back).exit_code == 0
    for location in (pg_location, back):
        assert _reader("--db", location, "actors", "export").output == _reader(
            "--db", source, "actors", "export"
        ).output
