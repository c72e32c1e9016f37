"""Enter in the tag dialogs takes the completion the field shows; a final space keeps the typed name."""

from __future__ import annotations

from pathlib import Path

from conftest import SIZE, fresh_state, screen_text, settle

from reader.store.connect import open_db
from reader.tui.screens.bulk_modal import BulkTagModal
from reader.tui.screens.tag_completion import chosen_name, completion
from reader.tui.screens.tag_modal import TagModal
from reader.tui.widgets.article_list import ArticleList


def tag_names(path: Path) -> list[str]:
    db = open_db(path)
    try:
        return [row[0] for row in db.execute("SELECT name FROM tag ORDER BY name")]
    finally:
        db.close()


async def test_enter_takes_the_shown_completion(corpus: Path, app_factory) -> None:
    app = app_factory(corpus)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        article_list = app.screen.query_one(ArticleList)
        first = article_list.current.article_id
        await pilot.press("t", *"bawaslu-curang", "enter")
        await settle(pilot)
        await pilot.press("j", "t")
        await settle(pilot)
        assert isinstance(app.screen, TagModal)
        await pilot.press(*"baw")
        await pilot.pause()
        assert "bawaslu-curang" in screen_text(app)  # the field shows the completion
        await pilot.press("enter")
        await settle(pilot)
        second = article_list.current.article_id
        assert fresh_state(corpus, second)["tags"] == ["bawaslu-curang"]
        assert tag_names(corpus) == ["bawaslu-curang"]  # no tag "baw"
        assert article_list.current.tags == ("bawaslu-curang",)
        assert fresh_state(corpus, first)["tags"] == ["bawaslu-curang"]


async def test_enter_right_after_typing_still_completes(corpus: Path, app_factory) -> None:
    app = app_factory(corpus)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("t", *"bawaslu-curang", "enter")
        await settle(pilot)
        await pilot.press("j", "t")
        await settle(pilot)
        await pilot.press(*"BAW", "enter")  # no pause: the suggestion may not be drawn yet
        await settle(pilot)
        assert tag_names(corpus) == ["bawaslu-curang"]


async def test_a_final_space_creates_the_typed_tag(corpus: Path, app_factory) -> None:
    app = app_factory(corpus)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("t", *"bawaslu-curang", "enter")
        await settle(pilot)
        await pilot.press("j", "t")
        await settle(pilot)
        await pilot.press(*"baw", "space")
        await pilot.pause()
        assert app.screen.query_one("#tag-input")._suggestion == ""  # no completion shown
        await pilot.press("enter")
        await settle(pilot)
        current = app.screen.query_one(ArticleList).current
        assert fresh_state(corpus, current.article_id)["tags"] == ["baw"]
        assert tag_names(corpus) == ["baw", "bawaslu-curang"]
        assert "#baw" in screen_text(app)


async def test_tag_all_takes_the_completion_too(corpus: Path, app_factory) -> None:
    app = app_factory(corpus)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("t", *"bawaslu-curang", "enter")
        await settle(pilot)
        await pilot.press("T")
        await settle(pilot)
        assert isinstance(app.screen, BulkTagModal)
        await pilot.press(*"baw")
        await pilot.pause()
        assert "+ add bawaslu-curang to all 6" in screen_text(app)
        await pilot.press("enter")
        await settle(pilot)
        assert "Add the tag “bawaslu-curang” to all 6 articles" in screen_text(app)
        await pilot.press("y")
        await settle(pilot)
        assert tag_names(corpus) == ["bawaslu-curang"]


def test_completion_rules() -> None:
    known = ["bawaslu-curang", "bawaslu", "KPU"]
    assert completion("baw", known) == "bawaslu-curang"  # most used first
    assert completion("bawaslu", known) == "bawaslu"  # a full name is itself
    assert completion("kp", known) == "KPU"
    assert completion("baw ", known) is None and chosen_name("baw ", known) == "baw"
    assert completion("xyz", known) is None and chosen_name("  x  y ", known) == "x y"


async def test_a_removed_tag_leaves_completion_and_the_filter_list(corpus: Path, app_factory) -> None:
    from reader.tui.screens.filter_modal import FilterModal

    app = app_factory(corpus)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("t", *"sementara", "enter")
        await settle(pilot)
        await pilot.press("t", *"sementara", "enter")  # the only article loses it
        await settle(pilot)
        assert tag_names(corpus) == ["sementara"]  # the row stays (undo can bring it back)
        await pilot.press("t")
        await settle(pilot)
        assert isinstance(app.screen, TagModal)
        assert "sementara" not in app.screen.known and "sementara" not in screen_text(app)
        await pilot.press(*"semen")
        await pilot.pause()
        assert app.screen.query_one("#tag-input")._suggestion == ""
        await pilot.press("escape", "f")
        await settle(pilot)
        assert isinstance(app.screen, FilterModal)
        assert "sementara" not in screen_text(app)
