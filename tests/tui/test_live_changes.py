"""Another analyst's review mark and tag appear in an open app within 2 seconds, unasked."""

from __future__ import annotations

import time

import pytest
from conftest import SIZE, build_corpus, screen_text, settle

from reader.config import Settings
from reader.store.connect import open_db
from reader.store.review import add_tag, set_reviewed
from reader.tui.app import make_app
from reader.tui.widgets.article_list import ArticleList

LIVE_WITHIN_S = 2.0


@pytest.fixture(params=["sqlite"])
def team_db(request: pytest.FixtureRequest, tmp_path) -> str:  # noqa: ANN001
    if request.param == "sqlite":
        location = str(tmp_path / "team.db")
    else:
        location = request.getfixturevalue("pg_location")
    build_corpus(location)  # type: ignore[arg-type]
    return location


async def test_another_analysts_mark_and_tag_appear_unasked(team_db: str) -> None:
    app = make_app(team_db, Settings())
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.pause(1.2)  # the first poll notes where the change log stands
        article_list = app.screen.query_one(ArticleList)
        target = article_list.hit_at(1)
        assert target is not None and not target.reviewed
        other = open_db(team_db)  # another analyst's connection
        set_reviewed(other, target.article_id, True)
        add_tag(other, target.article_id, "cek-fakta")
        other.close()
        started = time.monotonic()
        while time.monotonic() - started < LIVE_WITHIN_S + 1:
            await pilot.pause(0.1)
            row = article_list.hit_at(1)
            if row is not None and row.reviewed and "cek-fakta" in row.tags:
                break
        assert time.monotonic() - started <= LIVE_WITHIN_S
        await settle(pilot)
        assert "1 of 6 reviewed" in screen_text(app)
        assert "cek-fakta" in screen_text(app)
