"""Saved searches are renamed (r) and deleted (x) from the app's saved-searches list."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner
from conftest import SIZE, screen_text, settle
from textual.widgets import Input

from reader.cli import cli
from reader.store.connect import open_db
from reader.store.saved import save_search
from reader.tui.screens.dialogs import ConfirmModal, PromptModal
from reader.tui.screens.saved_modal import SavedSearchesModal


def saved_rows(path: Path) -> list[tuple[object, ...]]:
    db = open_db(path)
    try:
        return db.execute("SELECT name, query FROM saved_search ORDER BY name").fetchall()
    finally:
        db.close()


def prepare(path: Path) -> None:
    db = open_db(path)
    save_search(db, "curang", "kecurangan")
    save_search(db, "kpu", "KPU rekapitulasi")
    db.close()


async def test_rename_then_delete_a_saved_search(corpus: Path, app_factory) -> None:
    prepare(corpus)
    app = app_factory(corpus)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("o")
        await settle(pilot)
        assert isinstance(app.screen, SavedSearchesModal)
        await pilot.press("r")  # the highlighted one: curang
        await settle(pilot)
        assert isinstance(app.screen, PromptModal)
        assert app.screen.query_one(Input).value == "curang"
        app.screen.query_one(Input).value = "dugaan kecurangan"
        await pilot.press("enter")
        await settle(pilot)
        assert saved_rows(corpus) == [("dugaan kecurangan", "kecurangan"), ("kpu", "KPU rekapitulasi")]
        assert isinstance(app.screen, SavedSearchesModal)  # back in the list, renamed
        assert "dugaan kecurangan:" in screen_text(app)
        assert any("Renamed “curang” to “dugaan kecurangan”" in str(n.message) for n in app._notifications)

        await pilot.press("down", "x")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmModal)
        assert "Delete the saved search “kpu”?" in screen_text(app)
        await pilot.press("n")
        await settle(pilot)
        assert len(saved_rows(corpus)) == 2  # no: nothing deleted
        await pilot.press("o")
        await settle(pilot)
        await pilot.press("down", "x")
        await settle(pilot)
        await pilot.press("y")
        await settle(pilot)
        assert saved_rows(corpus) == [("dugaan kecurangan", "kecurangan")]
        assert isinstance(app.screen, SavedSearchesModal)
        assert "kpu:" not in screen_text(app)


async def test_renaming_onto_another_saved_name_is_refused(corpus: Path, app_factory) -> None:
    prepare(corpus)
    app = app_factory(corpus)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("o")
        await settle(pilot)
        await pilot.press("r")
        await settle(pilot)
        app.screen.query_one(Input).value = "KPU"
        await pilot.press("enter")
        await settle(pilot)
        assert saved_rows(corpus) == [("curang", "kecurangan"), ("kpu", "KPU rekapitulasi")]
        assert any("already a saved search named 'kpu'" in str(n.message) for n in app._notifications)


def test_cli_saved_rename(corpus: Path) -> None:
    prepare(corpus)
    result = CliRunner().invoke(cli, ["--db", str(corpus), "saved", "rename", "kpu", "rekap"])
    assert result.exit_code == 0 and result.stdout.strip() == "Renamed saved search “kpu” to “rekap”."
    assert saved_rows(corpus) == [("curang", "kecurangan"), ("rekap", "KPU rekapitulasi")]
    result = CliRunner().invoke(cli, ["--db", str(corpus), "saved", "rename", "nope", "x"])
    assert result.exit_code != 0 and "no saved search named 'nope'" in result.stderr
