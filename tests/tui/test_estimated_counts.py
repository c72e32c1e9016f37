"""A very large match: the status line shows estimated counts (≈) at once, then the exact ones."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from conftest import SIZE, settle

from reader.search import SearchRequest, search
from reader.store.connect import open_db
from reader.tui import data
from reader.tui.widgets.article_list import ArticleList
from reader.tui.widgets.status_bar import StatusBar


async def test_the_estimate_is_shown_first_and_the_exact_count_replaces_it(
    corpus: Path, app_factory, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = open_db(corpus)
    exact = search(db, SearchRequest(query="Jakarta"))
    db.close()
    # Six articles stand in for a million: every full-text match of two or more is "large".
    monkeypatch.setattr("reader.search.estimate.ESTIMATE_ABOVE", 2)
    monkeypatch.setattr("reader.search.estimate.SAMPLE_IDS", 4)
    monkeypatch.setattr("reader.search.estimate.SAMPLE_WINDOWS", 2)
    release = threading.Event()
    counted = data.count_matches

    def slow_count(*args: object):  # type: ignore[no-untyped-def]
        release.wait(10)  # the exact count takes a while on a big archive
        return counted(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(data, "count_matches", slow_count)
    app = app_factory(corpus)
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        status = screen.query_one(StatusBar)
        await pilot.press("slash", *"Jakarta")
        for _ in range(100):
            await pilot.pause(0.02)
            if screen.estimated:
                break
        shown = str(status.render())
        assert screen.estimated, shown
        assert shown.startswith("≈ ") and "articles match · ≈ " in shown and "counting exactly" in shown
        assert screen.total != exact.total  # 4 in the sample of ids 1-2 and 4-5, scaled to 6
        release.set()
        await settle(pilot)
        shown = str(status.render())
        assert not screen.estimated
        counts = f"{exact.total:,} articles match · {exact.reviewed_total:,} of {exact.total:,} reviewed"
        assert shown.startswith(counts)
        assert "≈" not in shown
        assert screen.query_one(ArticleList).total == exact.total
