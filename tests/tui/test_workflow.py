"""Saved searches (o, S), tag all and undo (T, z), export (e) and the timeline (l) in the app."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import SIZE, screen_text, settle, type_query
from textual.widgets import Input

from reader.store.connect import open_db
from reader.tui.screens.bulk_modal import BulkTagModal
from reader.tui.screens.dialogs import ConfirmModal, PromptModal
from reader.tui.screens.saved_modal import SavedSearchesModal
from reader.tui.widgets.article_list import ArticleList
from reader.tui.widgets.timeline_chart import TimelineChart


def rows(path: Path, sql: str) -> list[tuple[object, ...]]:
    db = open_db(path)
    try:
        return db.execute(sql).fetchall()
    finally:
        db.close()


def tags(path: Path) -> list[tuple[object, ...]]:
    return rows(
        path,
        "SELECT article_id, tag.name, tagged_at FROM article_tag JOIN tag ON tag.id = tag_id ORDER BY 1, 2",
    )


def notified(app, words: str) -> bool:
    return any(words in str(n.message) for n in app._notifications)


async def test_save_the_search_then_open_it_from_the_list(corpus: Path, app_factory) -> None:
    app = app_factory(corpus)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await type_query(pilot, "kecurangan")
        await pilot.press("escape", "S")
        await settle(pilot)
        assert isinstance(app.screen, PromptModal)
        assert app.screen.query_one(Input).value == "kecurangan"
        await pilot.press(*"curang", "enter")  # the suggested name is selected: typing replaces it
        await settle(pilot)
        assert rows(corpus, "SELECT name, query, last_opened_at FROM saved_search") == [
            ("curang", "kecurangan", None)
        ]
        total = app.screen.total
        assert notified(app, f"Saved “curang”: 0 of {total} reviewed, 0 new since you saved it")
        await pilot.press("escape")  # back to every article
        await settle(pilot)
        await pilot.press("o")
        await settle(pilot)
        assert isinstance(app.screen, SavedSearchesModal)
        assert f"curang: 0 of {total} reviewed, 0 new since you saved it" in screen_text(app)
        await pilot.press("enter")
        await settle(pilot)
        assert not isinstance(app.screen, SavedSearchesModal)
        assert app.screen.search_bar.value == "kecurangan" and app.screen.total == total
        assert f"{total} articles match" in screen_text(app)
        assert rows(corpus, "SELECT last_opened_at IS NOT NULL FROM saved_search") == [(1,)]
        await pilot.press("o")
        await settle(pilot)
        assert "0 new since you last opened it" in screen_text(app)


async def test_tag_all_asks_with_the_count_then_undo_restores(corpus: Path, app_factory) -> None:
    app = app_factory(corpus)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("t", *"lama", "enter")  # one article already has a tag
        await settle(pilot)
        before = tags(corpus)
        await type_query(pilot, "kecurangan")
        await pilot.press("escape")
        total = app.screen.total
        await pilot.press("T")
        await settle(pilot)
        assert isinstance(app.screen, BulkTagModal)
        await pilot.press(*"cek", "enter")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmModal)
        assert f"Add the tag “cek” to all {total} articles of “kecurangan”?" in screen_text(app)
        await pilot.press("n")  # no: nothing written
        await settle(pilot)
        assert tags(corpus) == before
        await pilot.press("T", *"cek", "enter")
        await settle(pilot)
        await pilot.press("y")
        await settle(pilot)
        tagged = rows(
            corpus, "SELECT count(*) FROM article_tag JOIN tag ON tag.id = tag_id WHERE name = 'cek'"
        )
        assert tagged == [(total,)]
        assert notified(app, f"Added tag 'cek' to {total} of {total} articles (z undoes)")
        hit = app.screen.query_one(ArticleList).current
        assert hit is not None and "cek" in hit.tags  # the list was refreshed from the database
        await pilot.press("z")
        await settle(pilot)
        assert "Undo: added tag 'cek' to" in screen_text(app)
        await pilot.press("y")
        await settle(pilot)
        assert tags(corpus) == before
        assert "cek" not in app.screen.query_one(ArticleList).current.tags


async def test_untag_all_and_nothing_to_undo(corpus: Path, app_factory) -> None:
    app = app_factory(corpus)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("z")
        await settle(pilot)
        assert notified(app, "Nothing to undo")
        await pilot.press("t", *"lama", "enter")
        await settle(pilot)
        await pilot.press("T", *"lama", "down", "enter")
        await settle(pilot)
        assert "Remove the tag “lama” from all 6 articles of all articles?" in screen_text(app)
        await pilot.press("enter")
        await settle(pilot)
        assert tags(corpus) == []
        assert notified(app, "Removed tag 'lama' from 1 of 6 articles")


async def test_export_the_current_view(corpus: Path, app_factory, tmp_path: Path) -> None:
    app = app_factory(corpus)
    target = tmp_path / "view.jsonl"
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await type_query(pilot, "kecurangan")
        await pilot.press("escape", "e")
        await settle(pilot)
        assert isinstance(app.screen, PromptModal)
        assert app.screen.query_one(Input).value.endswith(".csv")
        app.screen.query_one(Input).value = str(target)
        await pilot.press("enter")
        await settle(pilot)
        records = [json.loads(line) for line in target.read_text(encoding="utf-8").splitlines()]
        assert len(records) == app.screen.total
        assert all("kecurangan" in ((r["title"] or "") + r["body"]).casefold() for r in records)
        assert notified(app, f"Exported {len(records)} articles")
        await pilot.press("e")
        await settle(pilot)
        app.screen.query_one(Input).value = str(tmp_path / "view.txt")
        await pilot.press("enter")
        await settle(pilot)
        assert notified(app, "must end in .csv, .jsonl or .md")
        assert not (tmp_path / "view.txt").exists()


async def test_timeline_follows_the_search_and_can_be_hidden(corpus: Path, app_factory) -> None:
    app = app_factory(corpus)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        chart = app.screen.query_one(TimelineChart)
        assert chart.line is not None and chart.line.total == 6
        assert "Articles per day" in screen_text(app) and "2024-02-28" in screen_text(app)
        await type_query(pilot, "Anies")
        chart_text = screen_text(app)
        assert chart.line.total == app.screen.total
        assert "2024-02-28" not in chart_text and "2024-02-22" in chart_text
        await pilot.press("escape", "l")
        await settle(pilot)
        assert not chart.display and "Articles per day" not in screen_text(app)
        await pilot.press("l")
        await settle(pilot)
        assert chart.display and "Articles per day" in screen_text(app)
