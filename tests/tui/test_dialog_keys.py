"""Dialogs' keys come from the binding registry, so [keys] in the config file rebinds them too."""

from __future__ import annotations

from pathlib import Path

from conftest import SIZE, screen_text, settle

from reader.config import Settings
from reader.store.connect import open_db
from reader.tui import bindings
from reader.tui.screens.dialogs import ConfirmModal
from reader.tui.screens.filter_modal import FilterModal


def test_every_dialog_binding_is_in_the_registry() -> None:
    from reader.tui.screens import (
        bulk_modal,
        copy_modal,
        dialogs,
        filter_modal,
        help,
        pickers,
        saved_modal,
        tag_modal,
    )

    screens = [
        bulk_modal.BulkTagModal, copy_modal.CopyModal, dialogs.PromptModal, dialogs.ConfirmModal,
        filter_modal.FilterModal, help.HelpScreen, pickers.OutletModal, pickers.DatesModal,
        saved_modal.SavedSearchesModal, tag_modal.TagModal,
    ]  # fmt: skip
    for screen in screens:
        for binding in screen.BINDINGS:
            assert binding.id in bindings.BINDING_IDS, (screen.__name__, binding)


async def test_rebound_dialog_keys_work_and_are_shown(corpus: Path, app_factory) -> None:
    settings = Settings(keymap={"confirm-yes": "o", "confirm-no": "x", "filter-next": "ctrl+n"})
    app = app_factory(corpus, settings)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("R")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmModal)
        assert "o: yes · x: no" in screen_text(app)
        await pilot.press("y")  # no longer a key of this dialog
        await settle(pilot)
        assert isinstance(app.screen, ConfirmModal)
        await pilot.press("o")
        await settle(pilot)
        db = open_db(corpus)
        try:
            assert db.execute("SELECT count(*) FROM review WHERE reviewed = 1").fetchone()[0] == 6
        finally:
            db.close()
        await pilot.press("f")
        await settle(pilot)
        assert isinstance(app.screen, FilterModal)
        await pilot.press("ctrl+n", "enter")  # All, [Unreviewed]
        await settle(pilot)
        assert "filter: unreviewed" in screen_text(app)
