"""The app's timeline: a stray date is named apart, not drawn, and the title says what a column is."""

from __future__ import annotations

from pathlib import Path

from conftest import SIZE, screen_text, settle

from reader.models import RawArticle
from reader.tui.widgets.timeline_chart import TimelineChart


def add_stray(path: Path) -> None:
    from reader.ingest.pipeline import import_records
    from reader.store.connect import open_db

    db = open_db(path)
    text = "Sang tokoh dikenal sebagai pengusaha batik di Solo sejak muda."
    import_records(db, [RawArticle(source="stray", text=text, published="1963-05-10", outlet="x")])
    db.close()


async def test_a_stray_date_is_set_apart_and_a_column_is_named(corpus: Path, app_factory) -> None:
    add_stray(corpus)
    app = app_factory(corpus)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        chart = app.screen.query_one(TimelineChart)
        assert chart.line is not None and chart.line.days[0][0].startswith("2024-")
        text = screen_text(app)
        assert "1 outside the range: 1963-05-10" in str(chart.border_subtitle)
        assert str(chart.border_title) == "Articles per day"  # a column is a day here
        assert "Articles per day" in text
        dates_row = [row for row in text.splitlines() if "2024-02-" in row and "1963" in row]
        assert not dates_row  # the range under the bars starts in 2024


async def test_a_narrow_chart_says_a_column_covers_several_days(corpus: Path, app_factory) -> None:
    app = app_factory(corpus)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        chart = app.screen.query_one(TimelineChart)
        chart.styles.width = 11  # 7 cells (border, padding) for the 14 days 2024-02-15 … 2024-02-28
        await settle(pilot)
        assert chart.content_size.width == 7
        assert str(chart.border_title) == "Busiest day per 2 days"
