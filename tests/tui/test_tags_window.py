"""# lists every tag with its counts; r renames (merging into an existing tag), x removes it everywhere."""

from __future__ import annotations

from pathlib import Path

from conftest import SIZE, screen_text, settle
from textual.widgets import Input

from reader.store.connect import open_db
from reader.store.review import add_tag, set_reviewed
from reader.tui.screens.dialogs import ConfirmModal, PromptModal
from reader.tui.screens.tags_modal import TagsModal
from reader.tui.widgets.article_list import ArticleList


def tag_rows(path: Path) -> list[tuple[object, ...]]:
    db = open_db(path)
    try:
        return db.execute(
            "SELECT article_id, tag.name, tagged_at FROM article_tag JOIN tag ON tag.id = tag_id "
            "ORDER BY 1, 2"
        ).fetchall()
    finally:
        db.close()


def prepare(path: Path) -> None:
    db = open_db(path)
    ids = [row[0] for row in db.execute("SELECT id FROM article ORDER BY id LIMIT 3")]
    add_tag(db, ids[0], "cek")
    add_tag(db, ids[1], "cek")
    add_tag(db, ids[2], "lama")
    set_reviewed(db, ids[0], True)
    db.close()


def notified(app, words: str) -> bool:
    return any(words in str(n.message) for n in app._notifications)


async def test_tags_window_renames_merges_and_removes(corpus: Path, app_factory) -> None:
    prepare(corpus)
    app = app_factory(corpus)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("number_sign")
        await settle(pilot)
        assert isinstance(app.screen, TagsModal)
        text = screen_text(app)
        assert "#cek  2 articles, 1 reviewed" in text and "#lama  1 article, 0 reviewed" in text

        await pilot.press("r")  # the most used: cek
        await settle(pilot)
        assert isinstance(app.screen, PromptModal) and app.screen.query_one(Input).value == "cek"
        app.screen.query_one(Input).value = "periksa"
        await pilot.press("enter")
        await settle(pilot)
        assert [r[1] for r in tag_rows(corpus)] == ["periksa", "periksa", "lama"]
        assert isinstance(app.screen, TagsModal) and "#periksa  2 articles" in screen_text(app)
        assert notified(app, "Renamed tag “cek” to “periksa”")

        await pilot.press("down", "r")  # lama into periksa: one tag
        await settle(pilot)
        app.screen.query_one(Input).value = "PERIKSA"
        await pilot.press("enter")
        await settle(pilot)
        assert [r[1] for r in tag_rows(corpus)] == ["periksa"] * 3
        assert "#periksa  3 articles, 1 reviewed" in screen_text(app) and "#lama" not in screen_text(app)
        before = tag_rows(corpus)

        await pilot.press("x")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmModal)
        assert "Remove the tag “periksa” from all 3 articles?" in screen_text(app)
        await pilot.press("y")
        await settle(pilot)
        assert tag_rows(corpus) == []
        assert notified(app, "Removed tag “periksa” from 3 articles (z undoes)")
        assert isinstance(app.screen, TagsModal) and "No tags yet" in screen_text(app)
        await pilot.press("escape")
        await settle(pilot)
        assert "#periksa" not in screen_text(app)  # the list shows the tags as stored
        assert app.screen.query_one(ArticleList).current.tags == ()

        await pilot.press("z")  # the removal is one undoable action
        await settle(pilot)
        if isinstance(app.screen, ConfirmModal):
            await pilot.press("y")
            await settle(pilot)
        assert tag_rows(corpus) == before
