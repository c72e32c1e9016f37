"""Very large matches: totals estimated from a sample of the ids, marked as estimates.

The threshold and the sample are lowered so that a few hundred articles stand in for a
million (the code reads them from :mod:`reader.search.estimate` at each search).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlite_utils import Database

from reader.cli import cli
from reader.models import RawArticle
from reader.search import SearchRequest, search
from reader.search.estimate import rounded, windows
from tests.conftest import rank_all_up_to

ARTICLES = 400


def _import_daily_reports(path: Path, prefix: str, ending: Callable[[int], str], every: int) -> Database:
    """ARTICLES short reports, ``ending(n)`` closing each; the election named in all but every
    ``every``-th (the harvest there). Returns the open database."""
    from reader.ingest.pipeline import import_records
    from reader.store.connect import open_db

    db = open_db(path)
    records = [
        RawArticle(
            source=f"{prefix}-{n}",
            title=f"Laporan harian nomor {n}",
            published="2024-02-20",
            text=f"Catatan nomor {n} kampung {n * 7919 % 100003}. "
            + ("Warga membahas pemilu di balai desa. " if n % every else "Warga membahas panen padi. ")
            + ending(n),
        )
        for n in range(ARTICLES)
    ]
    import_records(db, records)
    return db


def build(path: Path) -> None:
    def ending(n: int) -> str:
        return "Bawaslu mencatat dugaan kecurangan." if n % 40 == 0 else "Semua berjalan tertib."

    db = _import_daily_reports(path, "art", ending, 4)
    db.execute(  # every other article reviewed, half of those by rina
        "INSERT INTO review(article_id, reviewed, reviewed_by) SELECT id, 1, "
        "CASE WHEN id % 4 = 0 THEN 'rina' ELSE 'budi' END FROM article WHERE id % 2 = 0"
    )
    db.conn.commit()
    db.close()


@pytest.fixture
def db_path(templates, tmp_path: Path) -> Path:  # noqa: ANN001
    return templates.copy("estimate-400", build, tmp_path / "reader.db")


@pytest.fixture
def edb(db_path: Path) -> Database:
    from reader.store.connect import open_db

    database = open_db(db_path)
    yield database
    database.close()


@pytest.fixture
def small_threshold(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("reader.search.estimate.ESTIMATE_ABOVE", 100)
    monkeypatch.setattr("reader.search.estimate.SAMPLE_IDS", 80)
    monkeypatch.setattr("reader.search.estimate.SAMPLE_WINDOWS", 4)  # 4 windows of 20 ids


def test_the_windows_spread_over_the_id_range() -> None:
    spread = windows(1_000_000)
    assert len(spread) == 64 and all(high - low + 1 == 312 for low, high in spread)
    assert spread[0][0] < 15_625 < spread[1][0] and spread[-1][1] <= 1_000_000
    assert all(a[1] < b[0] for a, b in zip(spread, spread[1:], strict=False))
    assert rounded(763_211) == 760_000 and rounded(99) == 99 and rounded(1_049) == 1_000


def test_a_large_match_is_estimated_and_says_so(edb: Database, small_threshold: None) -> None:
    exact = search(edb, SearchRequest(query="pemilu"))
    assert (exact.total, exact.estimated) == (300, False)
    found = search(edb, SearchRequest(query="pemilu", estimate=True, count_reviewed=False, user="Rina"))
    assert found.estimated
    assert found.total == 300  # 15 of every 20 ids, scaled to 400 and rounded
    assert found.reviewed_total == exact.reviewed_total == 200  # ids 4k+2 and 4k+4
    assert found.reviewed_by_you == 100  # ids 4k+4, from the same sample
    assert len(found.hits) == 50  # the page is the same as without the estimate
    assert [h.article_id for h in found.hits] == [h.article_id for h in exact.hits]


def test_a_small_match_or_a_small_archive_stays_exact(
    edb: Database, small_threshold: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    rare = search(edb, SearchRequest(query="kecurangan", estimate=True))
    assert (rare.total, rare.estimated) == (10, False)
    assert rare.reviewed_total == 0  # ids 40k+1: none reviewed
    monkeypatch.setattr("reader.search.estimate.ESTIMATE_ABOVE", 401)  # more than the archive holds
    assert not search(edb, SearchRequest(query="pemilu", estimate=True)).estimated


def test_a_listing_that_is_not_full_text_is_counted_exactly(edb: Database, small_threshold: None) -> None:
    listing = search(edb, SearchRequest(query="", estimate=True))
    assert (listing.total, listing.estimated) == (ARTICLES, False)


def test_the_cli_marks_an_estimate_and_exact_counts_exactly(db_path: Path, small_threshold: None) -> None:
    runner = CliRunner()
    out = runner.invoke(cli, ["--db", str(db_path), "search", "pemilu", "--json", "--limit", "1"])
    assert out.exit_code == 0, out.output
    document = json.loads(out.stdout)
    assert (document["total"], document["estimated"]) == (300, True)
    exact = runner.invoke(cli, ["--db", str(db_path), "search", "pemilu", "--json", "--exact"])
    assert json.loads(exact.stdout)["estimated"] is False
    text = runner.invoke(cli, ["--db", str(db_path), "--user", "rina", "search", "pemilu", "--limit", "1"])
    assert text.stdout.startswith("≈ 300 articles (≈ 200 reviewed, ≈ 100 by you)")
    assert json.loads(out.stdout)["reviewed_by_you"] == 0  # the login name reviewed none
    rare = runner.invoke(cli, ["--db", str(db_path), "search", "kecurangan", "--json"])
    assert json.loads(rare.stdout)["estimated"] is False


def build_statements(path: Path) -> None:
    """400 articles; every other one quotes someone asking for a re-vote, every third names
    the harvest instead of the election; every fiftieth has a note."""

    def ending(n: int) -> str:
        if n % 2:
            return f'"Kami meminta pemungutan suara diulang di kampung {n}," kata Budi Santoso.'
        return "Semua berjalan tertib."

    db = _import_daily_reports(path, "said", ending, 3)
    db.execute("INSERT INTO article_note(article_id, text, updated_at) SELECT id, 'cek', '2024-02-21' "
               "FROM article WHERE id % 50 = 0")  # fmt: skip
    db.conn.commit()
    db.close()


@pytest.fixture
def sdb(templates, tmp_path: Path) -> Database:  # noqa: ANN001
    from reader.store.connect import open_db

    database = open_db(templates.copy("estimate-said-400", build_statements, tmp_path / "said.db"))
    yield database
    database.close()


def _recording(db: Database, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    statements: list[str] = []
    execute = db.execute

    def recorded(sql: str, params: object = None) -> object:
        statements.append(sql)
        return execute(sql, params) if params is not None else execute(sql)

    monkeypatch.setattr(db, "execute", recorded)
    return statements


def test_a_match_narrowed_by_said_is_estimated_with_its_statements_read_per_window(
    sdb: Database, small_threshold: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    exact = search(sdb, SearchRequest(query="said:diulang pemilu"))
    assert (exact.total, exact.estimated) == (sum(1 for n in range(ARTICLES) if n % 2 and n % 3), False)
    statements = _recording(sdb, monkeypatch)
    estimated = search(sdb, SearchRequest(query="said:diulang pemilu", estimate=True))
    assert estimated.estimated and estimated.error is None
    assert abs(estimated.total - exact.total) <= 0.2 * exact.total
    sampled = [sql for sql in statements if "count(*)" in sql and "quote_fts" in sql]
    assert len(sampled) == 4  # one count per window
    # The statements are read inside each window (their rowid holds the article id), not whole.
    assert all("WHERE TRUE" not in sql and sql.count("BETWEEN") == 2 for sql in sampled)
    assert [hit.article_id for hit in estimated.hits] == [hit.article_id for hit in exact.hits]


def test_a_subquery_that_no_window_bounds_is_counted_exactly(sdb: Database, small_threshold: None) -> None:
    noted = search(sdb, SearchRequest(query="note:* warga", estimate=True))  # notes: not windowed
    assert noted.error is None and not noted.estimated and noted.total == 8


def test_the_newest_matches_are_ranked_the_same_when_read_over_a_window(
    sdb: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    import reader.search.service as service

    for query in ("said:diulang pemilu", "warga -said:kampung", "said:kampung warga", "pemilu reviewed:no"):
        request = SearchRequest(query=query, limit=40)
        monkeypatch.setattr(service, "RANK_WINDOW", 30)
        rank_all_up_to(monkeypatch, 30)
        windowed = search(sdb, request)
        monkeypatch.setattr(service, "follows_the_window", lambda sql: False)  # the whole match
        whole = search(sdb, request)
        monkeypatch.undo()
        assert windowed.total == whole.total > 30, query
        assert [h.article_id for h in windowed.hits] == [h.article_id for h in whole.hits], query


def test_a_large_statement_total_is_estimated_and_its_page_is_the_same(
    sdb: Database, small_threshold: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    from reader.search.statements import search_statements

    monkeypatch.setattr("reader.search.statements.DATE_WALK", 10)  # past it, a page walks the dates
    for query in ("said:diulang pemilu", "pemilu", "said:kampung"):
        exact = search_statements(sdb, query, limit=30)
        statements = _recording(sdb, monkeypatch)
        estimated = search_statements(sdb, query, limit=30, estimate=True)
        monkeypatch.setattr(sdb, "execute", type(sdb).execute.__get__(sdb))
        assert not exact.estimated and estimated.estimated, query
        assert abs(estimated.total - exact.total) <= 0.2 * exact.total, query
        assert [q["id"] for q in estimated.quotes] == [q["id"] for q in exact.quotes], query
        page = [sql for sql in statements if "LIMIT 30" in sql]
        assert len(page) == 1 and "EXISTS" in page[0], query  # each article walked is asked
    assert not search_statements(sdb, "said:diulang pemilu", limit=None, estimate=True).estimated  # all


def test_a_prefix_is_counted_exactly_not_per_window(
    edb: Database, small_threshold: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    # FTS5 merges a prefix's doclists whole for each query: 64 windows would cost 64 counts.
    statements = _recording(edb, monkeypatch)
    found = search(edb, SearchRequest(query="pemil*", estimate=True))
    assert found.error is None and not found.estimated and found.total == 300
    assert not [sql for sql in statements if "BETWEEN" in sql and "count(*)" in sql]
