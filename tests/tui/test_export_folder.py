"""The app's export goes to a user folder by default, never the current one, and says where."""

from __future__ import annotations

import csv
import os
from pathlib import Path

import pytest
from conftest import SIZE, settle, type_query
from textual.widgets import Input

from reader.tui.screens.dialogs import PromptModal


def notices(app) -> list[str]:
    return [str(n.message) for n in app._notifications]


async def test_default_export_goes_to_the_data_folder_not_the_current_one(
    corpus: Path, app_factory, tmp_path: Path, isolated_env: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    checkout = tmp_path / "checkout"
    checkout.mkdir()
    monkeypatch.chdir(checkout)
    app = app_factory(corpus)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await type_query(pilot, "kecurangan")
        await pilot.press("escape", "e")
        await settle(pilot)
        assert isinstance(app.screen, PromptModal)
        suggested = Path(app.screen.query_one(Input).value)
        exports = isolated_env / "data" / "reader" / "exports"  # no ~/Documents on this machine
        assert suggested.parent == exports and suggested.suffix == ".csv"
        await pilot.press("enter")
        await settle(pilot)
        total = app.screen.total
    assert os.listdir(checkout) == []
    with suggested.open(encoding="utf-8", newline="") as handle:
        assert len(list(csv.DictReader(handle))) == total
    shown = [n for n in notices(app) if n.startswith(f"Exported {total} articles (")]
    assert shown and shown[0].endswith(f" to {suggested}")


async def test_documents_folder_and_relative_paths_are_shown_in_full(
    corpus: Path, app_factory, tmp_path: Path, isolated_env: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (isolated_env / "Documents").mkdir()
    monkeypatch.chdir(tmp_path)
    app = app_factory(corpus)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("e")
        await settle(pilot)
        suggested = Path(app.screen.query_one(Input).value)
        assert suggested.parent == isolated_env / "Documents" / "reader-exports"
        app.screen.query_one(Input).value = "hasil.jsonl"
        await pilot.press("enter")
        await settle(pilot)
    assert (tmp_path / "hasil.jsonl").exists()
    assert any(n.endswith(f"to {tmp_path / 'hasil.jsonl'}") for n in notices(app)), notices(app)
