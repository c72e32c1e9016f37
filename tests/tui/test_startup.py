"""Start-up: the first list is painted before background work competes with it for the CPU."""

from __future__ import annotations

from pathlib import Path

from conftest import SIZE, screen_text, settle

from reader.tui.widgets.article_list import ArticleList


async def test_the_vocabulary_warms_only_after_the_first_rows_are_painted(
    corpus: Path, app_factory, monkeypatch
) -> None:
    from reader.tui.screens.main import MainScreen

    painted: list[int] = []
    warmed_after: list[int] = []
    render_line = ArticleList.render_line

    def probed(self: ArticleList, y: int):  # type: ignore[no-untyped-def]
        if self.total and self.hit_at(self.cursor) is not None:
            painted.append(y)
        return render_line(self, y)

    monkeypatch.setattr(ArticleList, "render_line", probed)
    monkeypatch.setattr(MainScreen, "warm_worker", lambda self: warmed_after.append(len(painted)))
    app = app_factory(corpus)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert len(warmed_after) == 1
        assert warmed_after[0] > 0  # rows of the list were on screen before the warm-up began


async def test_the_key_bar_is_built_after_the_first_list_and_shows_the_keys(
    corpus: Path, app_factory, monkeypatch
) -> None:
    from textual.widgets import Footer

    footers_at_first_paint: list[int] = []
    render_line = ArticleList.render_line

    def probed(self: ArticleList, y: int):  # type: ignore[no-untyped-def]
        if self.total and self.hit_at(self.cursor) is not None and not footers_at_first_paint:
            footers_at_first_paint.append(len(self.screen.query(Footer)))
        return render_line(self, y)

    monkeypatch.setattr(ArticleList, "render_line", probed)
    app = app_factory(corpus)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert footers_at_first_paint == [0]
        last_line = screen_text(app).splitlines()[-1]
        assert "/ Search" in last_line and "q Quit" in last_line


async def test_the_list_is_shown_before_its_reviewed_count_which_follows(
    corpus: Path, app_factory, monkeypatch
) -> None:
    from conftest import type_query

    from reader.search import SearchRequest, search
    from reader.store.connect import open_db
    from reader.store.review import set_reviewed
    from reader.tui import data

    db = open_db(corpus)
    rekap = db.execute("SELECT id FROM article WHERE source = 'hand-4'").fetchone()[0]
    set_reviewed(db, rekap, True)
    full = search(db, SearchRequest(query="rekapitulasi"))
    db.close()
    asked: list[bool] = []
    counted: list[str] = []
    run_search, count_matches = data.run_search, data.count_matches

    def recorded_search(db, request):  # type: ignore[no-untyped-def]
        asked.append(request.count_reviewed)
        return run_search(db, request)

    def recorded_count(db, request):  # type: ignore[no-untyped-def]
        counted.append(request.query)
        return count_matches(db, request)

    monkeypatch.setattr(data, "run_search", recorded_search)
    monkeypatch.setattr(data, "count_matches", recorded_count)
    app = app_factory(corpus)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await type_query(pilot, "rekapitulasi")
        assert asked and not any(asked)  # the page never waits for the reviewed count
        assert counted[-1] == "rekapitulasi"
        assert full.reviewed_total == 1
        assert f"{full.total} articles match · 1 of {full.total} reviewed" in screen_text(app)


def test_the_status_line_says_when_the_reviewed_count_is_still_coming() -> None:
    from reader.tui.widgets.status_bar import status_text

    coming = status_text(1200, None, "all", "pemilu").plain
    assert coming == "1,200 articles match · counting reviewed of 1,200…"
    assert status_text(1200, 30, "all", "pemilu").plain == "1,200 articles match · 30 of 1,200 reviewed"
