"""Review work: r, t, u and f; what the screen shows and what the database holds afterwards."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

from conftest import SIZE, fresh_state, screen_text, settle

from reader.tui.screens.filter_modal import FilterModal
from reader.tui.screens.tag_modal import TagModal
from reader.tui.widgets.article_list import ArticleList
from reader.tui.widgets.article_view import ArticleView


async def test_r_writes_the_review_then_shows_it(corpus: Path, app_factory) -> None:
    app = app_factory(corpus)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        article_list = app.screen.query_one(ArticleList)
        article_id = article_list.current.article_id
        await pilot.press("r")
        await settle(pilot)
        assert fresh_state(corpus, article_id)["reviewed"] is True  # on disk, seen by another connection
        assert article_list.current.reviewed
        text = screen_text(app)
        assert "6 articles · 1 of 6 reviewed" in text
        assert " ✓ " in text and "✓ reviewed" in text  # list mark and text header
        await pilot.press("r")
        await settle(pilot)
        assert fresh_state(corpus, article_id)["reviewed"] is False
        assert "0 of 6 reviewed" in screen_text(app) and not article_list.current.reviewed


async def test_a_failed_write_leaves_the_ui_unchanged(corpus: Path, app_factory, monkeypatch) -> None:
    import reader.tui.data as data

    def read_only(db, article_id, *who, **take):
        raise sqlite3.OperationalError("attempt to write a readonly database")

    monkeypatch.setattr(data, "toggle_reviewed", read_only)
    app = app_factory(corpus)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        article_list = app.screen.query_one(ArticleList)
        await pilot.press("r")
        await settle(pilot)
        assert not article_list.current.reviewed
        assert "0 of 6 reviewed" in screen_text(app)
        assert notified(app, "Could not save the reviewed mark: attempt to write a readonly database")
        assert fresh_state(corpus, article_list.current.article_id)["reviewed"] is False


def notified(app, words: str) -> bool:
    return any(words in n.message for n in app._notifications)


async def test_t_adds_and_removes_tags_with_completion(corpus: Path, app_factory) -> None:
    app = app_factory(corpus)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        article_list = app.screen.query_one(ArticleList)
        first = article_list.current.article_id
        await pilot.press("t")
        await settle(pilot)
        assert isinstance(app.screen, TagModal)
        await pilot.press(*"kecurangan tps", "enter")
        await settle(pilot)
        assert fresh_state(corpus, first)["tags"] == ["kecurangan tps"]
        assert article_list.current.tags == ("kecurangan tps",)
        assert "#kecurangan tps" in screen_text(app)

        await pilot.press("j", "t")  # the next article: complete the existing tag from "kec"
        await settle(pilot)
        modal = app.screen
        await pilot.press(*"kec")
        await pilot.pause()
        assert modal.query_one("#tag-input")._suggestion == "kecurangan tps"
        assert "kecurangan tps" in screen_text(app)
        await pilot.press("right", "enter")  # accept the completion
        await settle(pilot)
        second = article_list.current.article_id
        assert fresh_state(corpus, second)["tags"] == ["kecurangan tps"]

        await pilot.press("t", *"kecurangan tps", "enter")  # typing a tag it has removes it
        await settle(pilot)
        assert fresh_state(corpus, second)["tags"] == []
        assert article_list.current.tags == ()

        await pilot.press("t", "escape")  # cancel: nothing changes
        await settle(pilot)
        assert fresh_state(corpus, first)["tags"] == ["kecurangan tps"]


async def test_u_jumps_to_the_next_unreviewed(corpus: Path, app_factory) -> None:
    app = app_factory(corpus)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        article_list = app.screen.query_one(ArticleList)
        await pilot.press("j", "r", "j", "r")  # review rows 1 and 2
        await settle(pilot)
        await pilot.press("home", "r")  # and row 0
        await settle(pilot)
        await pilot.press("u")
        await settle(pilot)
        assert article_list.cursor == 3
        assert app.screen.query_one(ArticleView).article["id"] == article_list.current.article_id
        await pilot.press("r", "j", "r", "j", "r")  # review the rest
        await settle(pilot)
        await pilot.press("u")
        await settle(pilot)
        assert article_list.cursor == 5
        assert notified(app, "Every article in this list is reviewed.")


async def test_f_filters_by_review_state_tag_and_actor(corpus: Path, app_factory) -> None:
    app = app_factory(corpus)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        article_list = app.screen.query_one(ArticleList)
        await pilot.press("r", "t", *"pemilu", "enter")
        await settle(pilot)
        reviewed_id = article_list.current.article_id

        async def choose(*keys: str) -> None:
            await pilot.press("f")
            await settle(pilot)
            assert isinstance(app.screen, FilterModal)
            await pilot.press(*keys)
            await settle(pilot)

        await choose("down", "down", "enter")  # All, Unreviewed, [Reviewed]
        assert article_list.total == 1 and article_list.current.article_id == reviewed_id
        assert "1 article · 1 of 1 reviewed (1 by you) · filter: reviewed" in screen_text(app)

        await choose("down", "enter")  # Unreviewed
        assert article_list.total == 5 and "filter: unreviewed" in screen_text(app)

        await choose(*"pemilu", "enter")  # by tag, found by typing
        assert article_list.total == 1 and "filter: tag: pemilu" in screen_text(app)

        await choose(*"prabow", "enter")  # by actor, fuzzy
        assert "filter: actor: Prabowo Subianto" in screen_text(app)
        assert article_list.total == 2

        await choose("enter")  # All
        assert article_list.total == 6 and "filter" not in screen_text(app).split("reviewed", 1)[1][:20]


def test_a_review_is_on_disk_when_the_app_dies(corpus: Path, tmp_path: Path) -> None:
    """The app process is killed (os._exit: no cleanup, no close) right after the key is handled."""
    script = tmp_path / "die.py"
    script.write_text(
        textwrap.dedent(
            f"""
            import asyncio, os, sys
            sys.path.insert(0, {str(Path(__file__).parent)!r})
            from conftest import settle
            from reader.config import Settings
            from reader.tui.app import make_app

            async def main():
                app = make_app({str(corpus)!r}, Settings())
                async with app.run_test(size=(120, 36)) as pilot:
                    await settle(pilot)
                    await pilot.press("j", "r", "t", *"bukti", "enter")
                    await settle(pilot)
                    shown = app.screen.query_one("ArticleList").current
                    print(shown.article_id, shown.reviewed, shown.tags, flush=True)
                    os._exit(9)

            asyncio.run(main())
            """
        )
    )
    done = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=120)
    assert done.returncode == 9, done.stderr
    article_id, reviewed, _tags = done.stdout.split(" ", 2)
    assert reviewed == "True"
    state = fresh_state(corpus, int(article_id))
    assert state["reviewed"] is True and state["tags"] == ["bukti"]
