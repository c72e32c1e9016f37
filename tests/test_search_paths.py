"""The shortcuts large matches take give the same pages and totals as the general plans:
actor listings read from the mention index, newest-first pages that walk the date index,
counts under reviewed:, and an actor with its typed text."""

from __future__ import annotations

import pytest
from sqlite_utils import Database

from reader.search import SearchRequest, SearchResult, search
from reader.store.review import set_reviewed
from tests.conftest import rank_all_up_to
from tests.test_search_corpus import ids


@pytest.fixture
def sdb(search_store: Database) -> Database:
    """Every test here runs on both stores (a private copy of the search corpus on each)."""
    return search_store


GIBRAN = "Gibran Rakabuming Raka"


def run(db: Database, query: str, **options: object) -> SearchResult:
    options = {"limit": 100, **options}
    result = search(db, SearchRequest(query=query, **options))  # type: ignore[arg-type]
    assert result.error is None, result.error
    return result


def _mentioning(db: Database) -> list[tuple[int, str | None, int]]:
    """(article id, published, count) of every article naming Gibran."""
    return db.execute(
        "SELECT a.id, a.published, m.count FROM mention m JOIN actor ac ON ac.id = m.actor_id "
        "JOIN article a ON a.id = m.article_id WHERE ac.name = ?",
        [GIBRAN],
    ).fetchall()


def _newest_first(rows: list[tuple[int, str | None, int]]) -> list[int]:
    return [i for i, _p, _c in sorted(rows, key=lambda r: (r[1] or "", r[0]), reverse=True)]


@pytest.mark.parametrize("window", [2_500, 1])
def test_an_actor_filter_lists_its_articles_newest_first(
    sdb: Database, monkeypatch: pytest.MonkeyPatch, window: int
) -> None:
    from reader.search import service

    monkeypatch.setattr(service, "RANK_WINDOW", window)
    rank_all_up_to(monkeypatch, window)
    rows = _mentioning(sdb)
    assert len(rows) > 1
    result = run(sdb, "actor:Gibran")
    assert result.total == len(rows)
    assert [h.article_id for h in result.hits] == _newest_first(rows)
    page = run(sdb, "actor:Gibran", sort="date", limit=1, offset=1)
    assert [h.article_id for h in page.hits] == _newest_first(rows)[1:2]


def test_an_actor_search_ranks_by_mentions_then_newest_id(sdb: Database) -> None:
    rows = _mentioning(sdb)
    expected = [i for i, _p, _c in sorted(rows, key=lambda r: (-r[2], -r[0]))]
    assert [h.article_id for h in run(sdb, GIBRAN).hits][: len(expected)] == expected


def test_an_actor_with_typed_text_counts_each_article_once(sdb: Database) -> None:
    result = run(sdb, "gibran rakabumin")  # the actor, and the typed words as text
    hits = [h.article_id for h in result.hits]
    assert result.total == len(hits) == len(set(hits))
    named = {i for i, _p, _c in _mentioning(sdb)}
    assert set(hits[: len(named)]) == named  # the articles naming the actor come first


@pytest.mark.parametrize("window", [2_500, 1])
def test_reviewed_filters_keep_the_reviewed_count_right(
    search_store_copy: Database, monkeypatch: pytest.MonkeyPatch, window: int
) -> None:
    sdb = search_store_copy  # it writes: a private copy
    from reader.search import service

    monkeypatch.setattr(service, "RANK_WINDOW", window)
    rank_all_up_to(monkeypatch, window)
    set_reviewed(sdb, ids(sdb)["curang"], True)
    everything = run(sdb, "curang")
    assert everything.reviewed_total >= 1
    done = run(sdb, "curang reviewed:yes")
    assert (done.total, done.reviewed_total) == (everything.reviewed_total,) * 2
    left = run(sdb, "curang reviewed:no")
    assert (left.total, left.reviewed_total) == (everything.total - everything.reviewed_total, 0)
    rows = _mentioning(sdb)
    listing = run(sdb, "actor:Gibran reviewed:no")
    assert listing.total == len(rows) - sum(1 for i, _p, _c in rows if i == ids(sdb)["curang"])
