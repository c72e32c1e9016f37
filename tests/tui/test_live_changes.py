"""Another analyst's review mark and tag appear in an open app within 2 seconds, unasked, on
both stores (PostgreSQL: the app waits on LISTEN/NOTIFY; SQLite: on PRAGMA data_version)."""

from __future__ import annotations

import time

from conftest import SIZE, screen_text, settle

from reader.config import Settings
from reader.store.connect import open_db
from reader.store.review import add_tag, set_reviewed
from reader.tui.app import make_app
from reader.tui.widgets.article_list import ArticleList

LIVE_WITHIN_S = 2.0


async def _watching(pilot: object) -> None:
    """Until the app's watch has noted where the change log stands (at once after the start)."""
    app = pilot.app  # type: ignore[attr-defined]
    started = time.monotonic()
    while app.screen.change_seen is None and time.monotonic() - started < 5:
        await pilot.pause(0.02)  # type: ignore[attr-defined]
    assert app.screen.change_seen is not None


async def test_another_analysts_mark_and_tag_appear_unasked(team_corpus: str) -> None:
    app = make_app(team_corpus, Settings(), user="rina")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await _watching(pilot)
        article_list = app.screen.query_one(ArticleList)
        target = article_list.hit_at(1)
        assert target is not None and not target.reviewed
        other = open_db(team_corpus)  # another analyst's connection
        set_reviewed(other, target.article_id, True, user="dewi")
        add_tag(other, target.article_id, "cek-fakta", user="dewi")
        other.close()
        started = time.monotonic()
        while time.monotonic() - started < LIVE_WITHIN_S + 1:
            await pilot.pause(0.1)
            row = article_list.hit_at(1)
            if row is not None and row.reviewed and "cek-fakta" in row.tags:
                break
        assert time.monotonic() - started <= LIVE_WITHIN_S
        await settle(pilot)
        text = screen_text(app)
        assert "1 of 6 reviewed (0 by you)" in text
        assert "✓ dewi · 2024-02-23  #cek-fa" in text  # the row says whose mark it is, then the tag
