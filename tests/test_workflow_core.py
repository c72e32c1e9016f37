"""Core of the analyst's workflow: all matches of a search, saved searches, bulk tags and undo."""

from __future__ import annotations

import pytest
from sqlite_utils import Database

from reader.errors import ReaderError
from reader.search import SearchRequest, search
from reader.search.select import count_matching, matching_ids, timeline
from reader.store.bulk import bulk_tag, last_bulk, undo_last_bulk
from reader.store.review import add_tag
from reader.store.saved import list_saved, mark_opened, progress, remove_saved, save_search
from tests.test_search_corpus import ids


def tag_rows(db: Database) -> list[tuple[int, str, str]]:
    return db.execute(
        "SELECT at.article_id, t.name, at.tagged_at FROM article_tag at JOIN tag t ON t.id = at.tag_id "
        "ORDER BY 1, 2"
    ).fetchall()


@pytest.mark.parametrize("query", ["kecurangan", "Giban", "", "curang -pengamat", "outlet:detik.com"])
def test_matching_ids_are_exactly_what_search_lists(sdb: Database, query: str) -> None:
    listed = search(sdb, SearchRequest(query=query, limit=1000))
    assert sorted(matching_ids(sdb, SearchRequest(query=query))) == sorted(h.article_id for h in listed.hits)


def test_matching_ids_newest_first_and_filters_apply(sdb: Database) -> None:
    by_date = search(sdb, SearchRequest(query="kecurangan", sort="date", limit=1000))
    assert list(matching_ids(sdb, SearchRequest(query="kecurangan"))) == [h.article_id for h in by_date.hits]
    kecurangan = ids(sdb)["kecurangan"]
    add_tag(sdb, kecurangan, "cek")
    assert list(matching_ids(sdb, SearchRequest(query="curang", tag="cek"))) == [kecurangan]
    assert list(matching_ids(sdb, SearchRequest(query="curang tag:cek"))) == [kecurangan]


def test_counts_and_timeline(sdb: Database) -> None:
    request = SearchRequest(query="kecurangan")
    total = search(sdb, request).total
    counts = count_matching(sdb, request, since_id=0)
    assert (counts.total, counts.reviewed, counts.newer) == (total, 0, total)
    assert count_matching(sdb, request, since_id=10**9).newer == 0
    line = timeline(sdb, request)
    assert line.total == total
    assert [day for day, _ in line.days] == sorted(day for day, _ in line.days)
    assert ("2024-02-15", 1) in line.days and ("2024-02-20", 1) in line.days


def test_a_query_that_cannot_run_is_a_reader_error(sdb: Database) -> None:
    sdb.execute("DROP TABLE article_fts")
    with pytest.raises(ReaderError, match="could not run"):
        list(matching_ids(sdb, SearchRequest(query="kecurangan")))


def test_saved_search_progress_and_new_since_opened(sdb: Database) -> None:
    saved = save_search(sdb, "Kecurangan", "kecurangan")
    first = progress(sdb, saved)
    assert first.new == 0 and first.total >= 2
    assert first.text() == f"0 of {first.total:,} reviewed, 0 new since you saved it"
    with pytest.raises(ReaderError, match="already"):
        save_search(sdb, "kecurangan", "curang")
    # Review one, then pretend the last opening saw fewer articles: the newest match counts as new.
    newest = max(matching_ids(sdb, SearchRequest(query="kecurangan")))
    sdb.execute("INSERT INTO review(article_id, reviewed) VALUES (?, 1)", [newest])
    sdb.execute("UPDATE saved_search SET seen_max_id = ?", [newest - 1])
    sdb.conn.commit()
    later = progress(sdb, list_saved(sdb)[0])
    assert (later.reviewed, later.new) == (1, 1)
    opened = mark_opened(sdb, "kecurangan")
    assert opened is not None and opened.last_opened_at
    assert progress(sdb, opened).new == 0
    assert "since you last opened it" in progress(sdb, opened).text()
    save_search(sdb, "kecurangan", "curang", replace=True)
    assert [s.query for s in list_saved(sdb)] == ["curang"]
    assert remove_saved(sdb, "KECURANGAN") and not list_saved(sdb)


def test_bulk_tag_logs_one_batch_of_only_the_changed_articles(sdb: Database) -> None:
    request = SearchRequest(query="kecurangan")
    matched = sorted(matching_ids(sdb, request))
    add_tag(sdb, matched[0], "Fraud")
    result = bulk_tag(sdb, request, "fraud")
    assert (result.matched, result.changed, result.tag) == (len(matched), len(matched) - 1, "Fraud")
    logged = sdb.execute("SELECT article_id, action, value FROM review_log WHERE batch = ?", [result.batch])
    assert sorted(logged.fetchall()) == [(i, "tag", "Fraud") for i in matched[1:]]
    assert last_bulk(sdb) == result


def test_undo_restores_exactly_the_previous_tags(sdb: Database) -> None:
    every = sorted(matching_ids(sdb, SearchRequest()))
    for article_id in every[::2]:
        add_tag(sdb, article_id, "cek")
    add_tag(sdb, every[1], "lain")
    sdb.execute("UPDATE article_tag SET tagged_at = '2020-01-01T00:00:00+00:00'")
    sdb.conn.commit()
    before = tag_rows(sdb)
    untag = bulk_tag(sdb, SearchRequest(query="kecurangan OR saksi OR harga"), "cek", add=False)
    tag = bulk_tag(sdb, SearchRequest(query="suara"), "cek")
    assert untag.changed and tag.changed
    assert undo_last_bulk(sdb) == tag
    assert undo_last_bulk(sdb) == untag
    assert tag_rows(sdb) == before  # the same tags with the same tagged_at
    assert undo_last_bulk(sdb) is None
    undone = sdb.execute("SELECT count(*) FROM review_log WHERE batch LIKE 'undo-%'").fetchone()[0]
    assert undone == tag.changed + untag.changed


def test_untag_of_an_unknown_tag_changes_nothing(sdb: Database) -> None:
    before = tag_rows(sdb)
    result = bulk_tag(sdb, SearchRequest(), "nothing-here", add=False)
    assert result.changed == 0 and result.matched > 0 and tag_rows(sdb) == before
    assert sdb.execute("SELECT count(*) FROM tag WHERE name = 'nothing-here'").fetchone()[0] == 0
