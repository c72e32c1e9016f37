"""Two analysts on one database: the open article is claimed, u passes over the others'
articles, and the list says who has which article open."""

from __future__ import annotations

from pathlib import Path

from conftest import SIZE, screen_text, settle

from reader.config import Settings
from reader.store.claims import claim, holders
from reader.store.connect import open_db
from reader.tui.app import make_app
from reader.tui.widgets.article_list import ArticleList


def _holders(path: Path | str, ids: list[int]) -> dict[int, str]:
    """Who holds what, as a brand-new connection (another analyst's app) sees it."""
    db = open_db(path)
    try:
        return holders(db, ids)
    finally:
        db.close()


def _claim_as(path: Path | str, article_id: int, analyst: str) -> None:
    db = open_db(path)
    try:
        assert claim(db, article_id, analyst).held_by(analyst)
    finally:
        db.close()


def _ids(article_list: ArticleList) -> list[int]:
    return [article_list.hit_at(i).article_id for i in range(article_list.total)]  # type: ignore[union-attr]


async def test_u_passes_over_an_article_another_analyst_has_open(team_corpus: str) -> None:
    app = make_app(team_corpus, Settings(), user="ani")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        article_list = app.screen.query_one(ArticleList)
        ids = _ids(article_list)
        assert _holders(team_corpus, ids) == {ids[0]: "ani"}  # the highlighted article is claimed
        _claim_as(team_corpus, ids[1], "budi")  # budi opened the next one
        app.screen.poll_worker()  # the one-second poll, without waiting for it
        await settle(pilot)
        assert "open by budi" in screen_text(app)
        assert article_list.claims == {ids[1]: "budi"}
        await pilot.press("u")
        await settle(pilot)
        assert article_list.cursor == 2  # not budi's article
        # ani's claim moved with her (the one she left is free again); budi's is untouched
        assert _holders(team_corpus, ids) == {ids[1]: "budi", ids[2]: "ani"}


async def test_a_claim_taken_a_moment_earlier_sends_u_to_the_next(corpus: Path, monkeypatch) -> None:
    import reader.tui.data as data

    app = make_app(corpus, Settings(), user="ani")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        ids = _ids(app.screen.query_one(ArticleList))
        _claim_as(corpus, ids[1], "budi")
        monkeypatch.setattr(data, "holders", lambda db, article_ids: {})  # read before budi claimed
        await pilot.press("u")
        await settle(pilot)
        assert app.screen.query_one(ArticleList).cursor == 2  # the claim itself refused budi's article
        assert _holders(corpus, ids)[ids[1]] == "budi"


async def test_u_says_when_the_rest_is_open_by_others(corpus: Path) -> None:
    app = make_app(corpus, Settings(), user="ani")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        article_list = app.screen.query_one(ArticleList)
        ids = _ids(article_list)
        for article_id in ids[1:]:
            _claim_as(corpus, article_id, "budi")
        await pilot.press("u")  # the article ani has open is the only unreviewed one left to her
        await settle(pilot)
        assert article_list.cursor == 0
        await pilot.press("r")
        await settle(pilot)  # the mark is committed before u looks (a u at once may see it unmarked)
        await pilot.press("u")
        await settle(pilot)
        assert article_list.cursor == 0
        assert any("5 unreviewed articles left here are open by other analysts" in n.message
                   for n in app._notifications)  # fmt: skip


async def test_u_right_after_r_counts_the_mark_r_is_still_writing(corpus: Path, monkeypatch) -> None:
    import time

    import reader.tui.data as data

    toggle = data.toggle_review

    def slow_toggle(*args: object, **kwargs: object) -> object:
        time.sleep(0.5)  # a slow disk or a busy server: u is pressed before the mark commits
        return toggle(*args, **kwargs)

    monkeypatch.setattr(data, "toggle_review", slow_toggle)
    app = make_app(corpus, Settings(), user="ani")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        article_list = app.screen.query_one(ArticleList)
        for article_id in _ids(article_list)[1:]:
            _claim_as(corpus, article_id, "budi")
        await pilot.press("r", "u")
        await settle(pilot)
        assert article_list.cursor == 0
        assert any("5 unreviewed articles left here are open by other analysts" in n.message
                   for n in app._notifications)  # fmt: skip


async def test_moving_on_and_quitting_release_the_claim(corpus: Path) -> None:
    app = make_app(corpus, Settings(), user="ani")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        ids = _ids(app.screen.query_one(ArticleList))
        await pilot.press("down")
        await settle(pilot)
        assert _holders(corpus, ids) == {ids[1]: "ani"}
    for thread in __import__("threading").enumerate():
        if thread.name == "release-claim":
            thread.join(timeout=10)
    assert _holders(corpus, ids) == {}


async def test_an_account_that_cannot_write_still_moves_with_u(corpus: Path, monkeypatch) -> None:
    import sqlite3

    import reader.tui.data as data

    def refused(db: object, article_id: int, analyst: str) -> object:
        raise sqlite3.OperationalError("attempt to write a readonly database")

    app = make_app(corpus, Settings(), user="ani")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        ids = _ids(app.screen.query_one(ArticleList))
        _claim_as(corpus, ids[1], "budi")
        monkeypatch.setattr(data, "claim", refused)  # a viewer's account: no claim can be written
        await pilot.press("u")
        await settle(pilot)
        assert app.screen.query_one(ArticleList).cursor == 2  # budi's article is still passed over
