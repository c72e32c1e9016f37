"""Text snapshots of the main screens at 120x36 (what a user sees, without colours).

When a change to the screen is intended, look at the diff, then rewrite the files with::

    READER_UPDATE_SNAPSHOTS=1 .venv/bin/pytest tests/tui/test_snapshots.py

The texts also depend on the importer and the extractor (the quote sidebar), so a change
there can show up here; that is deliberate.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from conftest import SIZE, screen_text, settle, type_query

SNAPSHOTS = Path(__file__).parent / "snapshots"


def check(name: str, text: str) -> None:
    path = SNAPSHOTS / f"{name}.txt"
    text = "\n".join(line.rstrip() for line in text.splitlines()) + "\n"
    if os.environ.get("READER_UPDATE_SNAPSHOTS") or not path.exists():
        SNAPSHOTS.mkdir(exist_ok=True)
        path.write_text(text, encoding="utf-8")
        if not os.environ.get("READER_UPDATE_SNAPSHOTS"):
            pytest.skip(f"wrote the new snapshot {path.name}")
    assert text == path.read_text(encoding="utf-8")


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
