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
