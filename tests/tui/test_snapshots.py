"""Text snapshots of the main screens at 120x36 (what a user sees, without colours).

When a change to the screen is intended, look at the diff, then rewrite the files with::

    READER_UPDATE_SNAPSHOTS=1 .venv/bin/pytest tests/tui/test_snapshots.py

A missing snapshot fails the test (it is never written silently).

The texts also depend on the importer and the extractor (the quote sidebar), so a change
there can show up here; that is deliberate.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from conftest import SIZE, screen_text, settle, type_query

SNAPSHOTS = Path(__file__).parent / "snapshots"


UPDATE = "READER_UPDATE_SNAPSHOTS"


def check(name: str, text: str, folder: Path = SNAPSHOTS) -> None:
    """``text`` must equal the stored snapshot ``name``; a missing snapshot fails (it is written
    only when :data:`UPDATE` is set, so deleting a file can never make the test pass)."""
    path = folder / f"{name}.txt"
    text = "\n".join(line.rstrip() for line in text.splitlines()) + "\n"
    if os.environ.get(UPDATE):
        folder.mkdir(exist_ok=True)
        path.write_text(text, encoding="utf-8")
    if not path.exists():
        pytest.fail(f"the snapshot {path.name} is missing; write it with {UPDATE}=1 and review it")
    assert text == path.read_text(encoding="utf-8")


def test_a_missing_snapshot_fails(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(UPDATE, raising=False)
    with pytest.raises(pytest.fail.Exception, match="missing"):
        check("gone", "screen", folder=tmp_path)
    assert not (tmp_path / "gone.txt").exists()  # nothing written behind the user's back
    monkeypatch.setenv(UPDATE, "1")
    check("gone", "screen", folder=tmp_path)  # regenerating writes it
    monkeypatch.delenv(UPDATE)
    check("gone", "screen", folder=tmp_path)
    with pytest.raises(AssertionError):
        check("gone", "another screen", folder=tmp_path)


async def test_snapshot_start(corpus: Path, app_factory) -> None:
    app = app_factory(corpus)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        check("start", screen_text(app))


async def test_snapshot_search_with_hits(corpus: Path, app_factory) -> None:
    app = app_factory(corpus)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await type_query(pilot, "kecurangn")
        await pilot.press("escape", "n")
        await settle(pilot)
        check("search", screen_text(app))


async def test_snapshot_help(corpus: Path, app_factory) -> None:
    app = app_factory(corpus)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await settle(pilot)
        check("help", screen_text(app))


async def test_snapshot_filter(corpus: Path, app_factory) -> None:
    app = app_factory(corpus)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("f", *"bawaslu")
        await settle(pilot)
        check("filter", screen_text(app))


async def test_snapshot_empty_database(tmp_path: Path, app_factory) -> None:
    app = app_factory(tmp_path / "empty.db")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        check("empty", screen_text(app))
