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


async def test_the_reviewed_count_waits_for_the_list_to_be_shown(
    corpus: Path, app_factory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The count runs after the new list is on the screen, never racing its paint."""
    from reader.tui import data

    app = app_factory(corpus)
    shown_first: list[bool] = []
    count = data.count_matches

    def counting(db, request):  # type: ignore[no-untyped-def]
        screen = app.screen
        shown_first.append(screen.query_one(ArticleList).generation == screen.generation)
        return count(db, request)

    monkeypatch.setattr(data, "count_matches", counting)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        for query in ("kecurangan", "bawaslu", "curang from:2024-01-01"):
            await type_query(pilot, query)
            await settle(pilot)
            assert "counting" not in str(app.screen.query_one(StatusBar).render())
    assert shown_first and all(shown_first), shown_first
