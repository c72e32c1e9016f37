"""The status line finishes counting even when the query carries a warning."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import SIZE, settle, type_query

from reader.tui.widgets.article_list import ArticleList
from reader.tui.widgets.status_bar import StatusBar

LONG = " ".join(["kecurangan"] * 230)  # about 2,500 characters


@pytest.mark.parametrize("query", ["k*", "kecurangan from:2024-13", LONG, "zzzqqq*"])
async def test_a_warning_does_not_leave_the_reviewed_count_pending(
    corpus: Path, app_factory, query: str
) -> None:
    app = app_factory(corpus)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = app.screen
        if len(query) > 100:  # typing 2,500 keys one by one is slow: paste it into the field
            await type_query(pilot, "x")
            screen.search_bar.query_one("Input").value = query
            await pilot.pause(0.05)
        else:
            await type_query(pilot, query)
        await settle(pilot)
        status = str(screen.query_one(StatusBar).render())
        total = screen.query_one(ArticleList).total
        assert screen.request.query == query
        assert "counting" not in status, status
        assert f"of {total:,} reviewed" in status, status
