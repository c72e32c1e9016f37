"""m writes a short note on the article: committed, then shown in the text pane; note: finds it."""

from __future__ import annotations

from pathlib import Path

from conftest import SIZE, fresh_state, screen_text, settle, type_query
from textual.widgets import Input

from reader.tui.screens.dialogs import PromptModal
from reader.tui.widgets.article_list import ArticleList


async def test_m_saves_a_note_then_shows_it_and_note_search_finds_it(corpus: Path, app_factory) -> None:
    app = app_factory(corpus)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        article_id = app.screen.query_one(ArticleList).current.article_id
        await pilot.press("m")
        await settle(pilot)
        assert isinstance(app.screen, PromptModal)
        assert app.screen.query_one(Input).value == ""
        await pilot.press(*"cek ke Bawaslu", "enter")
        await settle(pilot)
        assert fresh_state(corpus, article_id)["note"] == "cek ke Bawaslu"  # on disk
        assert "note: cek ke Bawaslu" in screen_text(app)
        await pilot.press("escape")
        await type_query(pilot, "note:bawaslu")
        assert app.screen.total == 1
        assert app.screen.query_one(ArticleList).current.article_id == article_id
        await pilot.press("escape", "m")
        await settle(pilot)
        assert app.screen.query_one(Input).value == "cek ke Bawaslu"  # starts from the note
        app.screen.query_one(Input).value = ""
        await pilot.press("enter")  # an emptied note is removed
        await settle(pilot)
        assert fresh_state(corpus, article_id)["note"] is None
        assert "note: cek" not in screen_text(app)
        assert any("Note removed" in str(n.message) for n in app._notifications)


async def test_escape_leaves_the_note_unchanged(corpus: Path, app_factory) -> None:
    app = app_factory(corpus)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        article_id = app.screen.query_one(ArticleList).current.article_id
        await pilot.press("m")
        await settle(pilot)
        await pilot.press(*"x", "escape")
        await settle(pilot)
        assert fresh_state(corpus, article_id)["note"] is None
