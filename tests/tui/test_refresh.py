"""Articles imported by another process while the app is open."""

from __future__ import annotations

from pathlib import Path

from conftest import SIZE, screen_text, settle

from reader.models import RawArticle
from reader.tui.screens.main import MainScreen

NEW = RawArticle(
    source="hand-new",
    title="KPU Umumkan Jadwal Pemungutan Suara Ulang",
    published="2024-03-01",
    text="Komisi Pemilihan Umum (KPU) mengumumkan jadwal pemungutan suara ulang di 12 TPS.",
)


def import_elsewhere(path: Path) -> None:
    from reader.ingest.pipeline import import_records
    from reader.store.connect import open_db

    db = open_db(path)
    import_records(db, [NEW])
    db.close()


async def poll(pilot) -> None:
    screen = pilot.app.screen
    assert isinstance(screen, MainScreen)
    screen.poll_worker()
    await settle(pilot)


async def test_new_articles_are_announced_counted_and_listed_on_ctrl_r(corpus: Path, app_factory) -> None:
    app = app_factory(corpus)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await poll(pilot)  # the first poll only learns where the database stands
        assert "6 articles · 0 of 6 reviewed" in screen_text(app)
        import_elsewhere(corpus)
        await poll(pilot)
        text = screen_text(app)
        assert "7 articles · 0 of 7 reviewed" in text  # counts follow at once
        assert "KPU Umumkan Jadwal" not in text  # the list does not jump under the reader
        assert any("Ctrl+R" in n.message for n in app._notifications)
        await pilot.press("ctrl+r")
        await settle(pilot)
        assert "KPU Umumkan Jadwal" in screen_text(app)


async def test_an_empty_database_lists_imported_articles_by_itself(tmp_path: Path, app_factory) -> None:
    from reader.store.connect import open_db

    path = tmp_path / "empty.db"
    open_db(path).close()
    app = app_factory(path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await poll(pilot)
        assert "No articles yet" in screen_text(app)
        import_elsewhere(path)
        await poll(pilot)
        assert "KPU Umumkan Jadwal" in screen_text(app)
