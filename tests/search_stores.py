"""Setting up search tests the same way on both stores."""

from __future__ import annotations

from typing import Any


def tag(db: Any, article_id: int, name: str) -> None:
    """Tag an article with portable SQL (what a search reads of a tag: its name and articles)."""
    db.execute(
        "INSERT INTO tag(name) SELECT ? WHERE NOT EXISTS (SELECT 1 FROM tag WHERE lower(name) = lower(?))",
        [name, name],
    )
    db.execute(
        "INSERT INTO article_tag(article_id, tag_id, tagged_at) SELECT ?, id, '2024-03-01T00:00:00' "
        "FROM tag WHERE lower(name) = lower(?) ON CONFLICT DO NOTHING",
        [article_id, name],
    )
    commit(db)


def commit(db: Any) -> None:
    """Commit what SQLite's module opened a transaction for (PostgreSQL commits each statement)."""
    if db.conn.in_transaction:
        db.conn.commit()


def assert_statements_on_rows(db: Any) -> int:
    """On PostgreSQL, every article row's ``said`` vector is what its statement rows make
    (``reader_statements``, schema step p009); returns how many articles hold statements.
    SQLite indexes each quote row by trigger: nothing to compare there, 0."""
    from reader.store.backend import backend_of

    if backend_of(db).name != "postgresql":
        return 0
    wrong = db.execute(
        "SELECT count(*) FROM article WHERE said IS DISTINCT FROM reader_statements(id)"
    ).fetchone()[0]
    assert wrong == 0, f"{wrong} articles' said vectors differ from their statements"
    return int(db.execute("SELECT count(*) FROM article WHERE said IS NOT NULL").fetchone()[0])
