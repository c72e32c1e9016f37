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

    two = vector_literal([(["suara", "ulang"], "A", [], "C"), (["suara"], "B", [], "D")])
    assert two == "'suara':1A,4B 'ulang':2A"
    # A stem lies at its word's position as another lexeme; a stem that is the word is not written.
    stems = vector_literal([(["kecurangan", "suara"], "A", ["curang", "suara"], "C")])
    assert stems == "'kecurangan':1A 'suara':2A '~curang':1C"
    # Stems that do not pair with the words follow them, all written.
    assert vector_literal([(["suara"], "A", ["suara", "x"], "C")]) == "'suara':1A '~suara':3C '~x':4C"
    many = vector_literal([(["pemilu"] * (MAX_POSITIONS_PER_WORD + 10), "B", [], "D")])
    assert many.count("B") == MAX_POSITIONS_PER_WORD
    far = vector_literal([(["x"] * (MAX_POSITION + 5) + ["akhir"], "D", [], "D")])
    assert f"'akhir':{MAX_POSITION}D" in far
    long = vector_literal([(["a" * 600, "b"], "A", [], "C")])
    assert long == "'a" + "a" * 599 + "':1A 'b':2A"  # 600 bytes fit
    assert vector_literal([(["é" * 1100, "b"], "A", [], "C")]) == "'b':2A"  # 2,200 bytes do not
    assert vector_literal([(["it's"], "A", [], "C")]) == "'it''s':1A"


def _layout(columns: list[tuple[list[str], str, str]]) -> str:
    """A vector as earlier readers wrote them: columns one after another, every stem written
    (``mark`` "" before p008_stems_marked, "~" until stems moved to their words' positions)."""
    spots: dict[str, list[str]] = {}
    position = 1
    for words, weight, mark in columns:
        for offset, word in enumerate(words):
            spots.setdefault(mark + word, []).append(f"{position + offset}{weight}")
        position += len(words) + 1
    return " ".join(f"'{word}':{','.join(labels)}" for word, labels in spots.items())


def test_vectors_written_before_stems_were_marked_are_rewritten_once(pg_location: str) -> None:
    from reader.ingest.pipeline import import_paths
    from reader.text.tokenize import tokens
    from tests.conftest import SEEDS

    db = open_db(pg_location)
    import_paths(db, [SEEDS])
    articles = db.execute(
        "SELECT id, coalesce(title, ''), body, title_stem, body_stem FROM article ORDER BY id"
    ).fetchall()
    quotes = db.execute("SELECT id, text, text_stem FROM quote WHERE said IS NOT NULL ORDER BY id").fetchall()
    assert quotes

    def article_layout(mark: str, title: str, body: str, title_stem: str, body_stem: str) -> str:
        return _layout([(tokens(title), "A", ""), (tokens(body), "B", ""),
                        (title_stem.split(), "C", mark), (body_stem.split(), "D", mark)])  # fmt: skip

    # The vectors as the first readers wrote them: stems unmarked, told apart by weight alone.
    for article_id, *texts in articles:
        unmarked = article_layout("", *texts)
        db.execute("UPDATE article SET search = ?::tsvector WHERE id = ?", [unmarked, article_id])
    for quote_id, text, text_stem in quotes:
        old = _layout([(tokens(text), "A", ""), (text_stem.split(), "B", "")])
        db.execute("UPDATE quote SET said = ?::tsvector WHERE id = ?", [old, quote_id])
    assert not any("'~" in row[0] for row in db.execute("SELECT search::text FROM article"))
    db.execute("DELETE FROM reader_migrations WHERE name = 'p008_stems_marked'")
    db.close()
    db = open_db(pg_location)  # applies the step again: stems marked, after the words
    for article_id, *texts in articles:
        row = db.execute(
            "SELECT search::text = ?::tsvector::text FROM article WHERE id = ?",
            [article_layout("~", *texts), article_id],
        ).fetchone()
        assert row[0], article_id
    for quote_id, text, text_stem in quotes:
        marked = _layout([(tokens(text), "A", ""), (text_stem.split(), "B", "~")])
        row = db.execute("SELECT said::text = ?::tsvector::text FROM quote WHERE id = ?", [marked, quote_id])
        assert row.fetchone()[0], quote_id
    db.close()


def test_an_older_database_gets_its_statements_on_the_article_rows(pg_location: str) -> None:
    """Step p009 fills every article's ``said`` from its statement rows, as the importer writes it."""
    from reader.ingest.pipeline import import_paths
    from reader.store.postgres.fulltext import statements_vector
    from tests.conftest import SEEDS

    db = open_db(pg_location)
    import_paths(db, [SEEDS])
    written = dict(db.execute("SELECT id, said::text FROM article").fetchall())
    assert all(written.values())
    db.execute(
        "DROP INDEX article_said; ALTER TABLE article DROP COLUMN said; DROP FUNCTION reader_statements; "
        "DROP AGGREGATE reader_said_agg(tsvector); DROP FUNCTION reader_said_join; "
        "DELETE FROM reader_migrations WHERE name = 'p009_article_statements'"
    )
    db.close()
    db = open_db(pg_location)  # applies the step again
    assert dict(db.execute("SELECT id, said::text FROM article").fetchall()) == written
    for article_id, said in written.items():
        statements = db.execute(
            "SELECT text, text_stem FROM quote WHERE article_id = ? AND said IS NOT NULL ORDER BY seq",
            [article_id],
        ).fetchall()
        assert len(statements) > 1
        expected = db.execute("SELECT ?::tsvector::text", [statements_vector(statements)]).fetchone()[0]
        assert said == expected
    db.close()


def test_a_query_matches_vectors_of_every_layout_alike(pg_location: str) -> None:
    """Stems at their words' positions, the word's own stem left out, match every stem and
    every phrase of stems as the layout of p008 (stems after the words, all written) does."""
    from reader.ingest.pipeline import import_paths
    from reader.search.expr import Columns, Phrase
    from reader.search.tsquery import render_tsquery
    from reader.store.postgres.fulltext import article_vector
    from reader.text.tokenize import tokens
    from tests.conftest import SEEDS

    db = open_db(pg_location)
    import_paths(db, [SEEDS])
    rows = db.execute(
        "SELECT coalesce(title, ''), body, title_stem, body_stem FROM article ORDER BY id"
    ).fetchall()
    stems = [stem for row in rows for stem in f"{row[2]} {row[3]}".split()]
    phrases = {(stem,) for stem in stems} | set(zip(stems, stems[1:], strict=False))
    queries = [render_tsquery(Phrase(Columns.STEM, words, False)) for words in sorted(phrases)]
    agree = matched = 0
    for title, body, title_stem, body_stem in rows:
        new = article_vector(title, body, title_stem, body_stem)
        old = _layout([(tokens(title), "A", ""), (tokens(body), "B", ""),
                       (title_stem.split(), "C", "~"), (body_stem.split(), "D", "~")])  # fmt: skip
        assert len(new) < len(old)
        for query in queries:
            found = db.execute(
                "SELECT ?::tsvector @@ ?::tsquery, ?::tsvector @@ ?::tsquery", [new, query, old, query]
            ).fetchone()
            assert found[0] == found[1], query
            agree += 1
            matched += bool(found[0])
    assert 0 < matched < agree  # each article has stems and phrases of its own and not the other's
    db.close()
