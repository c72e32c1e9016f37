"""The layout at 80x24, and what the app remembers between runs (state.json in the config dir)."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import SIZE, screen_text, settle, type_query

from reader.config import Settings
from reader.tui.app import make_app
from reader.tui.ui_state import UiState, load_state
from reader.tui.widgets.article_list import ArticleList
from reader.tui.widgets.article_view import ArticleView
from reader.tui.widgets.quote_sidebar import QuoteSidebar
from reader.tui.widgets.timeline_chart import TimelineChart

SMALL = (80, 24)


async def test_at_80x24_the_text_is_readable_and_the_key_bar_fits(corpus: Path, app_factory) -> None:
    app = app_factory(corpus)
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        screen = app.screen
        assert not screen.query_one(QuoteSidebar).display  # hidden below 100 columns
        assert screen.query_one(ArticleView).size.width >= 40
        footer = screen_text(app).splitlines()[SMALL[1] - 1]
        assert "? Help" in footer and "q Quit" in footer and "/ Search" in footer
        await pilot.press("s")  # the sidebar is still one key away
        await settle(pilot)
        assert screen.query_one(QuoteSidebar).display


async def test_at_120_columns_the_sidebar_shows(corpus: Path, app_factory) -> None:
    app = app_factory(corpus)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.screen.query_one(QuoteSidebar).display
        assert "w Statements" in screen_text(app)


async def test_layout_search_and_position_survive_a_restart(corpus: Path, tmp_path: Path) -> None:
    state = tmp_path / "config" / "state.json"
    app = make_app(corpus, Settings(), state_path=state)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await type_query(pilot, "kecurangan")
        await pilot.press("escape", "O", "j", "s", "l")
        await settle(pilot)
        chosen = app.screen.query_one(ArticleList).current.article_id
    saved = json.loads(state.read_text(encoding="utf-8"))
    assert saved["query"] == "kecurangan" and saved["article_id"] == chosen

    again = make_app(corpus, Settings(), state_path=state)
    async with again.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = again.screen
        assert screen.search_bar.value == "kecurangan"
        assert screen.query_one(ArticleList).current.article_id == chosen
        assert not screen.query_one(QuoteSidebar).display
        assert not screen.query_one(TimelineChart).display
        assert "newest first" in screen_text(again)


async def test_another_database_keeps_only_the_layout(corpus: Path, tmp_path: Path) -> None:
    state = tmp_path / "state.json"
    state.write_text(json.dumps({"db": "/elsewhere.db", "query": "prabowo", "quotes": False}), "utf-8")
    app = make_app(corpus, Settings(), state_path=state)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.screen.search_bar.value == ""
        assert not app.screen.query_one(QuoteSidebar).display


async def test_a_corrupt_or_unwritable_state_file_never_stops_the_app(corpus: Path, tmp_path: Path) -> None:
    broken = tmp_path / "state.json"
    broken.write_bytes(b"\xff{not json")
    assert load_state(broken) == UiState()
    wrong_types = tmp_path / "types.json"
    wrong_types.write_text(json.dumps({"query": 3, "article_id": True, "timeline": "no"}), "utf-8")
    assert load_state(wrong_types) == UiState()

    app = make_app(corpus, Settings(), state_path=broken)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert "6 articles" in screen_text(app)

    blocker = tmp_path / "a-file"
    blocker.write_text("", "utf-8")
    app = make_app(corpus, Settings(), state_path=blocker / "state.json")  # its folder is a file
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("s", "l")
        await settle(pilot)
        assert "6 articles" in screen_text(app)
        problems = [n for n in app._notifications if "could not be saved" in n.message]
        assert len(problems) == 1  # said once, not at every change


async def test_the_position_is_found_beyond_the_first_page(corpus: Path, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr("reader.tui.screens.main.PAGE_SIZE", 2)  # pages of two rows
    monkeypatch.setattr("reader.tui.widgets.article_list.PAGE_SIZE", 2)
    state = tmp_path / "state.json"
    app = make_app(corpus, Settings(), state_path=state)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("j", "j", "j", "j")
        await settle(pilot)
        chosen = app.screen.query_one(ArticleList).current.article_id
    again = make_app(corpus, Settings(), state_path=state)
    async with again.run_test(size=SIZE) as pilot:
        await settle(pilot)
        article_list = again.screen.query_one(ArticleList)
        assert article_list.cursor == 4 and article_list.current.article_id == chosen
        assert again.screen.article_view.article["id"] == chosen
