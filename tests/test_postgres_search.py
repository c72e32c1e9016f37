"""A search on PostgreSQL reads the full-text index and leaves its connection as it found it."""

from __future__ import annotations

from reader.search import SearchRequest, search
from reader.search.postgres_sql import POSTGRES_SQL
from reader.store.connect import open_db

SETTINGS = ("statement_timeout", "enable_seqscan", "jit")


def _plan(db: object, sql: str, params: list[object]) -> str:
    return "\n".join(row[0] for row in db.execute(f"EXPLAIN {sql}", params))  # type: ignore[attr-defined]


def test_text_conditions_are_answered_from_the_index_during_a_search(search_location_pg: str) -> None:
    # A small table looks cheap to scan, but each row's vector must be unpacked: the index wins.
    db = open_db(search_location_pg)
    with POSTGRES_SQL.deadline(db, 2.0):
        plan = _plan(db, "SELECT count(*) FROM article a WHERE a.search @@ ?::tsquery", ["pemilu"])
        said = _plan(db, "SELECT q.article_id FROM quote q WHERE q.said @@ ?::tsquery", ["curang"])
    db.close()
    assert "article_search" in plan and "Seq Scan" not in plan, plan
    assert "Seq Scan" not in said, said


def test_a_search_leaves_the_session_settings_as_they_were(search_location_pg: str) -> None:
    db = open_db(search_location_pg)
    before = [db.execute(f"SHOW {name}").fetchone()[0] for name in SETTINGS]
    assert search(db, SearchRequest(query="pemilu")).total > 0
    after = [db.execute(f"SHOW {name}").fetchone()[0] for name in SETTINGS]
    db.close()
    assert after == before
