"""A search on PostgreSQL reads the full-text index and leaves its connection as it found it."""

from __future__ import annotations

from reader.search import SearchRequest, search
from reader.search.postgres_sql import POSTGRES_SQL
from reader.search.statements import search_statements
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


def test_a_statements_page_runs_under_the_search_settings_and_resets_them(search_location_pg: str) -> None:
    db = open_db(search_location_pg)
    before = [db.execute(f"SHOW {name}").fetchone()[0] for name in SETTINGS]
    sent: list[str] = []
    execute = db.execute

    def recorded(sql: str, params: object = None) -> object:
        sent.append(sql)
        return execute(sql, params)

    db.execute = recorded  # type: ignore[method-assign]
    found = search_statements(db, "said:curang")
    db.execute = execute  # type: ignore[method-assign]
    after = [db.execute(f"SHOW {name}").fetchone()[0] for name in SETTINGS]
    db.close()
    assert found.error is None and found.total > 0
    set_at = next(i for i, sql in enumerate(sent) if sql.startswith("SET statement_timeout"))
    reset_at = next(i for i, sql in enumerate(sent) if sql.startswith("RESET"))
    quote_reads = [i for i, sql in enumerate(sent) if "quote q" in sql]
    assert quote_reads and all(set_at < i < reset_at for i in quote_reads), sent
    assert after == before
