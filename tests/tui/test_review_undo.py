"""Reviewing inside a filtered view, review all (R) and z undoing the last action of any kind."""

from __future__ import annotations

from pathlib import Path

from conftest import SIZE, fresh_state, screen_text, settle, type_query

from reader.store.connect import open_db
from reader.tui.screens.dialogs import ConfirmModal
from reader.tui.screens.filter_modal import FilterModal, fixed_choices
from reader.tui.widgets.article_list import ArticleList


def reviewed_ids(path: Path) -> list[int]:
    db = open_db(path)
    try:
        return [r[0] for r in db.execute("SELECT article_id FROM review WHERE reviewed = 1 ORDER BY 1")]
    finally:
        db.close()


def notified(app, words: str) -> bool:
    return any(words in n.message for n in app._notifications)


async def choose_filter(pilot, *keys: str) -> None:
    await pilot.press("f")
    await settle(pilot)
    assert isinstance(pilot.app.screen, FilterModal)
    await pilot.press(*keys)
    await settle(pilot)


async def test_r_under_unreviewed_takes_the_row_out_and_z_brings_it_back(corpus: Path, app_factory) -> None:
    app = app_factory(corpus)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        article_list = app.screen.query_one(ArticleList)
        await choose_filter(pilot, *"unrev", "enter")
        assert article_list.total == 6 and "filter: unreviewed" in screen_text(app)
        first, second = article_list.hit_at(0).article_id, article_list.hit_at(1).article_id
        await pilot.press("r")
        await settle(pilot)
        assert fresh_state(corpus, first)["reviewed"] is True  # on disk
        assert article_list.total == 5  # it left the list
        assert article_list.current.article_id == second  # the cursor is on the next row
        assert first not in [article_list.hit_at(i).article_id for i in range(5)]
        assert "5 articles · 0 of 5 reviewed" in screen_text(app)

        await pilot.press("z")  # one article: undone at once, no question
        await settle(pilot)
        assert fresh_state(corpus, first)["reviewed"] is False
        assert article_list.total == 6 and article_list.current.article_id == first
        assert notified(app, "Undone: marked")


async def test_r_under_reviewed_takes_an_unreviewed_row_out(corpus: Path, app_factory) -> None:
    app = app_factory(corpus)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        article_list = app.screen.query_one(ArticleList)
        await pilot.press("r", "j", "r")
        await settle(pilot)
        await choose_filter(pilot, *"reviewed o", "enter")
        assert article_list.total == 2
        await pilot.press("r")
        await settle(pilot)
        assert article_list.total == 1 and len(reviewed_ids(corpus)) == 1


def test_fixed_choices_match_what_is_typed_first() -> None:
    assert [c.kind for c in fixed_choices("unrev")] == ["unreviewed"]
    assert [c.kind for c in fixed_choices("rev")] == ["reviewed"]
    assert [c.kind for c in fixed_choices("only")] == ["unreviewed", "reviewed"]
    assert [c.kind for c in fixed_choices("")] == ["all", "unreviewed", "reviewed"]
    assert fixed_choices("prabowo") == []


async def test_typing_unrev_in_the_filter_offers_unreviewed_only_first(corpus: Path, app_factory) -> None:
    app = app_factory(corpus)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("f")
        await settle(pilot)
        await pilot.press(*"unrev")
        await settle(pilot)
        assert app.screen.shown[0].kind == "unreviewed"
        assert "Unreviewed only" in screen_text(app)


async def test_review_all_asks_with_the_count_and_z_undoes_it(corpus: Path, app_factory) -> None:
    app = app_factory(corpus)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("r")  # one article reviewed before: the undo must keep it
        await settle(pilot)
        before = reviewed_ids(corpus)
        await type_query(pilot, "kecurangan")
        await pilot.press("escape")
        total = app.screen.total
        await pilot.press("R")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmModal)
        assert f"Mark all {total} articles of “kecurangan” reviewed?" in screen_text(app)
        await pilot.press("n")
        await settle(pilot)
        assert reviewed_ids(corpus) == before
        await pilot.press("R", "y")
        await settle(pilot)
        assert len(reviewed_ids(corpus)) == len(set(before) | set(app.screen.article_list.hit_at(i).article_id
                                                               for i in range(total)))
        assert f"{total} of {total} reviewed" in screen_text(app)
        assert notified(app, "(z undoes)")
        await pilot.press("z")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmModal)  # a whole search: asks first
        assert "Undo: marked" in screen_text(app)
        await pilot.press("y")
        await settle(pilot)
        assert reviewed_ids(corpus) == before
        await pilot.press("z")  # the next step back: the single review
        await settle(pilot)
        assert reviewed_ids(corpus) == []


async def test_z_undoes_a_single_tag(corpus: Path, app_factory) -> None:
    app = app_factory(corpus)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        first = app.screen.article_list.current.article_id
        await pilot.press("t", *"cek", "enter")
        await settle(pilot)
        assert fresh_state(corpus, first)["tags"] == ["cek"]
        await pilot.press("z")
        await settle(pilot)
        assert fresh_state(corpus, first)["tags"] == []
        assert notified(app, "Undone: added tag “cek”")
        await pilot.press("z")
        await settle(pilot)
        assert notified(app, "Nothing to undo")
