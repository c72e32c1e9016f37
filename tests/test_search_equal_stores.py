"""The same articles give the same search results on SQLite and PostgreSQL.

Over one corpus (the search corpus, plus the first articles of ../shared/corpus/election.jsonl
when it is here) every query below must find the same articles on both stores, with the same
totals, reviewed counts, expansions and messages; the date orders must agree article for
article, and so must snippets, bulk selections, timelines and statements. Only the order
of equally good matches by relevance may differ between bm25 and ts_rank.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import islice
from pathlib import Path
from typing import Any

import pytest

from reader.ingest.pipeline import import_paths
from reader.search import SearchRequest, search
from reader.search.select import count_matching, matching_ids, timeline
from reader.search.statements import search_statements
from reader.store.connect import open_db
from reader.store.review import set_reviewed
from tests.conftest import SHARED
from tests.postgres_server import PgServer, next_database
from tests.test_search_corpus import build

ELECTION = SHARED / "corpus" / "election.jsonl"
REAL_ARTICLES = 300

QUERIES = [
    "", "pemilu", "kecurangan", "curang", "dicurangi", "kecurangn", "rekapitulsi", "bawasul", "pemilo",
    "Bawaslu", "relawan", "Kejagung", "Bekasi", "politik uang", '"politik uang"',
    '"pemungutan suara ulang"', "suara ulang", "kecur*", "rekap*", "sengke*", "curang OR suap",
    "pemilu -hoaks", "-pemilu", "Gibran", "Giban", "cak imin", "Prabowo-Gibran", "prabowo gibran",
    "gibran rakabumin", "actor:Gibran", "actor:prabowo kampanye", "speaker:Anies",
    "speaker:Anies kecurangan", "said:curang", "said:kecurangn", 'said:"pemungutan suara ulang"',
    "said:curang speaker:Prabowo", "said:kecur* outlet:kompas", "outlet:kompas.com",
    "outlet:detik from:2024-02", "from:2024-02-01 to:2024-02-14", "to:2024-01", "reviewed:no pemilu",
    "reviewed:yes", "KPU AND", '"', "*", "Mahfud M.D.", "Asy'ari", "tag:sengketa",
]  # fmt: skip


def _fill(location: str, extra: Path | None) -> None:
    db = build(location)
    if extra is not None:
        import_paths(db, [extra])
    sources = {source: i for i, source in db.execute("SELECT id, source FROM article")}
    for source in ("curang", "kecurangan", *sorted(sources)[:20:3]):  # some reviewed articles
        set_reviewed(db, sources[source], True)
    db.close()


@pytest.fixture(scope="module")
def stores(tmp_path_factory: pytest.TempPathFactory, pg_server: PgServer) -> Iterator[tuple[Any, Any]]:
    folder = tmp_path_factory.mktemp("equal")
    extra = None
    if ELECTION.exists():
        extra = folder / "election-head.jsonl"
        with ELECTION.open(encoding="utf-8") as lines:
            extra.write_text("".join(islice(lines, REAL_ARTICLES)), "utf-8")
    sqlite_location = str(folder / "reader.db")
    name = next_database()
    pg_location = pg_server.create_database(name)
    for location in (sqlite_location, pg_location):
        _fill(location, extra)
    sqlite, postgres = open_db(sqlite_location), open_db(pg_location)
    yield sqlite, postgres
    sqlite.close()
    postgres.close()
    pg_server.drop_database(name)


def _sources(db: Any) -> dict[int, str]:
    return dict(db.execute("SELECT id, source FROM article").fetchall())


def _result(db: Any, query: str, sort: str) -> dict[str, Any]:
    result = search(db, SearchRequest(query=query, sort=sort, limit=1_000))
    names = _sources(db)
    found = [hit.source for hit in result.hits]
    return {
        "total": result.total,
        "reviewed": result.reviewed_total,
        "expansions": [str(e) for e in result.expansions],
        "error": result.error,
        "set": sorted(found),
        "order": found if sort != "relevance" else None,
        "snippets": {hit.source: (hit.snippet, hit.snippet_spans) for hit in result.hits},
        "selected": sorted(names[i] for i in matching_ids(db, SearchRequest(query=query))),
        "counts": count_matching(db, SearchRequest(query=query), since_id=5),
        "timeline": timeline(db, SearchRequest(query=query)),
    }


@pytest.mark.parametrize("sort", ["relevance", "newest", "oldest"])
def test_every_query_finds_the_same_on_both_stores(stores: tuple[Any, Any], sort: str) -> None:
    sqlite, postgres = stores
    differing = []
    matched = 0
    for query in QUERIES:
        on_sqlite, on_postgres = _result(sqlite, query, sort), _result(postgres, query, sort)
        if on_sqlite != on_postgres:
            keys = [key for key in on_sqlite if on_sqlite[key] != on_postgres[key]]
            differing.append((query, keys))
        matched += on_sqlite["total"]
    assert differing == []
    assert matched > 3 * len(QUERIES)  # the queries do find things


def test_the_top_of_a_ranking_agrees_where_it_is_clear(stores: tuple[Any, Any]) -> None:
    sqlite, postgres = stores
    for query in ("gugatan", "curang", "dicurangi", "Kejagung"):
        first = [search(db, SearchRequest(query=query, limit=1)).hits[0].source for db in stores]
        assert first[0] == first[1], query
    assert sqlite is not postgres


def test_statements_are_the_same_on_both_stores(stores: tuple[Any, Any]) -> None:
    sqlite, postgres = stores
    for query in ("", "said:curang", "said:kecurangn", "speaker:Anies", "kecurangan", 'said:"suara ulang"'):
        on_sqlite, on_postgres = (search_statements(db, query, limit=None) for db in stores)
        assert on_sqlite.error is None and on_postgres.error is None
        assert on_sqlite.total == on_postgres.total, query
        shown = [_quotes(found.quotes) for found in (on_sqlite, on_postgres)]
        assert shown[0] == shown[1], query


def _quotes(quotes: tuple[dict[str, Any], ...]) -> list[tuple[Any, ...]]:
    return [(quote["source"], quote["text"], quote["spans"]) for quote in quotes]


def test_estimated_totals_and_their_pages_agree_on_both_stores(
    stores: tuple[Any, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    # A few hundred articles stand for a million: every window of ids is read, so the
    # estimate is the exact count, and a page walks the newest articles asking each in turn.
    monkeypatch.setattr("reader.search.estimate.ESTIMATE_ABOVE", 1)
    monkeypatch.setattr("reader.search.estimate.SAMPLE_WINDOWS", 1)
    monkeypatch.setattr("reader.search.statements.DATE_WALK", 1)
    for query in ("said:curang pemilu", "kecurangan", "said:kecurangn", "speaker:Anies said:curang"):
        exact = [search_statements(db, query, limit=20) for db in stores]
        estimated = [search_statements(db, query, limit=20, estimate=True) for db in stores]
        assert [found.estimated for found in estimated] == [True, True], query
        assert estimated[0].total == estimated[1].total == exact[0].total == exact[1].total, query
        assert _quotes(estimated[0].quotes) == _quotes(estimated[1].quotes) == _quotes(exact[0].quotes), query
        articles = [search(db, SearchRequest(query=query, estimate=True)) for db in stores]
        # Only a full-text match is estimated; a match of statements alone is counted.
        text = any(not word.startswith(("said:", "speaker:")) for word in query.split())
        assert [found.estimated for found in articles] == [text, text], query
        assert articles[0].total == articles[1].total, query
