"""``reader copy``: a whole database to PostgreSQL and back, equal on both sides, resumable."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from reader.cli import cli
from reader.errors import UsageError
from reader.search import SearchRequest, search
from reader.store import copy as copying
from reader.store.connect import open_db
from reader.store.copy import COPIED_WHOLE, NOT_COPIED, TABLES, columns_of, copy_database
from reader.store.review import set_reviewed
from tests.conftest import SEEDS
from tests.search_stores import assert_statements_on_rows
from tests.test_store_backends import ARTICLES


def _source(tmp_path: Path) -> Path:
    """A SQLite database with articles, a review, a bulk tag (undoable), a note, a saved search."""
    path = tmp_path / "source.db"
    scrape = tmp_path / "uji.jsonl"
    scrape.write_text("\n".join(json.dumps(a, ensure_ascii=False) for a in ARTICLES) + "\n", "utf-8")
    runner = CliRunner()
    for args in (
        ["import", "--quiet", str(SEEDS), str(scrape)],
        ["tag", "-q", "kecurangan", "curang"],
        ["note", "uji-1", "cek ke Bawaslu"],
        ["saved", "add", "pemungutan ulang", "pemungutan suara ulang"],
    ):
        result = runner.invoke(cli, ["--db", str(path), *args])
        assert result.exit_code == 0, (args, result.output)
    db = open_db(path)
    set_reviewed(db, 1, True)
    db.close()
    return path


def _rows(db: Any) -> dict[str, list[tuple[Any, ...]]]:
    """Every copied table's rows (the columns both stores have), in key order."""
    shared = {}
    for table, _key in TABLES:
        # Derived on one store only: the tsvector columns (PostgreSQL), an actor's article count (SQLite).
        columns = [c for c in columns_of(db, table) if c not in ("search", "said", "articles")]
        listed = ", ".join(f'"{c}"' for c in columns)
        shared[table] = [tuple(r) for r in db.execute(f"SELECT {listed} FROM {table} ORDER BY {listed}")]
    return shared


def test_to_postgresql_and_back_keeps_everything(tmp_path: Path, pg_location: str) -> None:
    source = _source(tmp_path)
    result = CliRunner().invoke(cli, ["copy", str(source), pg_location, "--json"])
    assert result.exit_code == 0, result.output
    counts = json.loads(result.output)
    assert all(row["source"] == row["destination"] for row in counts)
    assert {row["table"]: row["source"] for row in counts}["article"] == 4
    back = tmp_path / "back.db"
    assert CliRunner().invoke(cli, ["copy", pg_location, str(back)]).exit_code == 0
    original, server, returned = open_db(source), open_db(pg_location), open_db(back)
    assert _rows(original) == _rows(returned)
    assert _rows(original) == _rows(server)
    # The copy is a working database: its full-text index is built, new ids follow the copied ones.
    found = CliRunner().invoke(cli, ["--db", str(back), "search", "dicurangi", "--json"])
    assert json.loads(found.output)["total"] == json.loads(
        CliRunner().invoke(cli, ["--db", str(source), "search", "dicurangi", "--json"]).output
    )["total"]
    # An article's statements are on its row as the importer writes them (said: reads them there).
    assert assert_statements_on_rows(server) > 0
    for query in ("said:curang", 'said:"pemungutan suara"'):
        totals = [search(db, SearchRequest(query=query)).total for db in (original, server, returned)]
        assert len(set(totals)) == 1 and totals[0] > 0, (query, totals)
    next_id = server.execute(
        "INSERT INTO tag(name) VALUES ('baru') RETURNING id"
    ).fetchone()[0]
    assert next_id > max(row[0] for row in _rows(original)["tag"])
    for db in (original, server, returned):
        db.close()


def test_an_interrupted_copy_resumes(
    tmp_path: Path, pg_location: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = open_db(_source(tmp_path))
    monkeypatch.setattr(copying, "BATCH_ROWS", 7)  # many batches, some cutting one article's mentions
    seen: list[str] = []

    def interrupt(table: str, rows: int) -> None:
        seen.append(table)
        if table == "mention" and seen.count("mention") == 2:
            raise KeyboardInterrupt

    destination = open_db(pg_location)
    with pytest.raises(KeyboardInterrupt):
        copy_database(source, destination, progress=interrupt)
    partial = destination.execute("SELECT count(*) FROM mention").fetchone()[0]
    assert 0 < partial < source.execute("SELECT count(*) FROM mention").fetchone()[0]
    counts = copy_database(source, destination)  # run again: it carries on
    assert all(c.source == c.destination for c in counts), counts
    assert _rows(source) == _rows(destination)
    assert assert_statements_on_rows(destination) > 0  # quote batches cut articles' statements apart
    source.close()
    destination.close()


def test_a_destination_holding_other_articles_is_refused(tmp_path: Path, store_location: str) -> None:
    source = open_db(_source(tmp_path))
    other = open_db(store_location)
    scrape = tmp_path / "lain.jsonl"
    scrape.write_text(json.dumps({"id": "lain", "text": "Artikel lain sama sekali."}) + "\n", "utf-8")
    from reader.ingest.pipeline import import_paths

    import_paths(other, [scrape])
    with pytest.raises(UsageError, match="already holds other articles"):
        copy_database(source, other)
    assert other.execute("SELECT count(*) FROM article").fetchone()[0] == 1  # untouched
    source.close()
    other.close()


def test_every_table_is_copied() -> None:
    from reader.store.postgres.schema_steps import STEPS

    schema = "\n".join(sql for _name, sql in STEPS)
    created = {line.split()[2] for line in schema.splitlines() if line.startswith("CREATE TABLE")}
    assert created - NOT_COPIED == {table for table, _key in TABLES} | set(COPIED_WHOLE)
    assert created >= NOT_COPIED
