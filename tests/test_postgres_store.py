"""The PostgreSQL store opens, migrates once, refuses a newer schema, and matches its dump."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from reader.errors import DatabaseError
from reader.store.connect import open_db
from reader.store.postgres.schema import schema_sql
from reader.store.postgres.schema_steps import STEPS

REPO = Path(__file__).resolve().parents[1]


def test_a_new_database_gets_every_step_once(pg_location: str) -> None:
    db = open_db(pg_location)
    names = [row[0] for row in db.execute("SELECT name FROM reader_migrations ORDER BY name")]
    assert names == [name for name, _sql in STEPS]
    db.close()
    again = open_db(pg_location)  # nothing left to do
    assert again.execute("SELECT count(*) FROM reader_migrations").fetchone()[0] == len(STEPS)
    again.close()


def test_two_processes_opening_a_new_database_at_once_migrate_it_once(pg_location: str) -> None:
    errors: list[BaseException] = []

    def open_and_close() -> None:
        try:
            open_db(pg_location).close()
        except BaseException as error:  # pragma: no cover - reported below
            errors.append(error)

    threads = [threading.Thread(target=open_and_close) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    db = open_db(pg_location)
    assert db.execute("SELECT count(*) FROM reader_migrations").fetchone()[0] == len(STEPS)
    db.close()


def test_a_database_from_a_newer_reader_is_refused(pg_location: str) -> None:
    db = open_db(pg_location)
    db.execute("INSERT INTO reader_migrations(name, applied_at) VALUES ('p999_future', 'x')")
    db.close()
    with pytest.raises(DatabaseError, match="newer version of reader.*p999_future"):
        open_db(pg_location)


def test_placeholders_and_percent_signs_reach_the_server_intact(pg_location: str) -> None:
    db = open_db(pg_location)
    row = db.execute("SELECT ? || '?', ? LIKE 'x%'", ["why", "xyz"]).fetchone()
    assert row == ("why?", True)
    db.close()


def test_schema_dump_is_in_sync(pg_location: str) -> None:
    db = open_db(pg_location)
    try:
        dumped = schema_sql(db)  # type: ignore[arg-type]
    finally:
        db.close()
    committed = (REPO / "db" / "schema-postgresql.sql").read_text("utf-8")
    assert committed == dumped, (
        "regenerate with: python -m reader.store.postgres.schema URI > db/schema-postgresql.sql"
    )


def test_vector_literals_keep_columns_apart_and_stay_within_the_limits() -> None:
    from reader.store.postgres.fulltext import MAX_POSITION, MAX_POSITIONS_PER_WORD, vector_literal

    assert vector_literal([(["suara", "ulang"], "A", ""), (["suara"], "B", "")]) == "'suara':1A,4B 'ulang':2A"
    # A stem is another lexeme than the same word as written: a query needs no weight.
    assert vector_literal([(["suara"], "A", ""), (["suara"], "C", "~")]) == "'suara':1A '~suara':3C"
    many = vector_literal([(["pemilu"] * (MAX_POSITIONS_PER_WORD + 10), "B", "")])
    assert many.count("B") == MAX_POSITIONS_PER_WORD
    far = vector_literal([(["x"] * (MAX_POSITION + 5) + ["akhir"], "D", "")])
    assert f"'akhir':{MAX_POSITION}D" in far
    assert vector_literal([(["a" * 600, "b"], "A", "")]) == "'a" + "a" * 599 + "':1A 'b':2A"  # 600 bytes fit
    assert vector_literal([(["é" * 1100, "b"], "A", "")]) == "'b':2A"  # 2,200 bytes do not
    assert vector_literal([(["it's"], "A", "")]) == "'it''s':1A"


def test_vectors_written_before_stems_were_marked_are_rewritten_once(pg_location: str) -> None:
    from reader.ingest.pipeline import import_paths
    from reader.store.postgres.fulltext import vector_literal
    from reader.text.tokenize import tokens
    from tests.conftest import SEEDS

    db = open_db(pg_location)
    import_paths(db, [SEEDS])
    written = db.execute("SELECT id, search::text FROM article ORDER BY id").fetchall()
    said = db.execute("SELECT id, said::text FROM quote WHERE said IS NOT NULL ORDER BY id").fetchall()
    assert said and all("'~" in vector for _id, vector in written)
    # The vectors as an earlier reader wrote them: stems unmarked, told apart by weight alone.
    for article_id, title, body, title_stem, body_stem in db.execute(
        "SELECT id, coalesce(title, ''), body, title_stem, body_stem FROM article"
    ).fetchall():
        old = vector_literal([(tokens(title), "A", ""), (tokens(body), "B", ""),
                              (title_stem.split(), "C", ""), (body_stem.split(), "D", "")])  # fmt: skip
        db.execute("UPDATE article SET search = ?::tsvector WHERE id = ?", [old, article_id])
    for quote_id, text, text_stem in db.execute(
        "SELECT id, text, text_stem FROM quote WHERE said IS NOT NULL"
    ).fetchall():
        old = vector_literal([(tokens(text), "A", ""), (text_stem.split(), "B", "")])
        db.execute("UPDATE quote SET said = ?::tsvector WHERE id = ?", [old, quote_id])
    assert not any("'~" in row[0] for row in db.execute("SELECT search::text FROM article"))
    db.execute("DELETE FROM reader_migrations WHERE name = 'p008_stems_marked'")
    db.close()
    db = open_db(pg_location)  # applies the step again
    assert db.execute("SELECT id, search::text FROM article ORDER BY id").fetchall() == written
    rewritten = db.execute("SELECT id, said::text FROM quote WHERE said IS NOT NULL ORDER BY id").fetchall()
    assert rewritten == said
    db.close()
