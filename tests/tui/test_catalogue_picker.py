"""The app's filter picker resolves names with the database's actor catalogue."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import SIZE, settle

from reader.tui.data import Choice
from reader.tui.screens.filter_modal import FilterModal


async def test_the_filter_picker_knows_an_alias_loaded_into_the_database(
    corpus: Path, app_factory, tmp_path: Path  # noqa: ANN001
) -> None:
    from reader.extract.actors import default_catalogue
    from reader.extract.catalogue_file import read_catalogue_file
    from reader.store.catalogue import load_actors
    from reader.store.connect import open_db

    prabowo = default_catalogue().get("Prabowo Subianto")
    assert prabowo is not None
    extra = tmp_path / "extra.json"
    entry = {"name": prabowo.name, "type": prabowo.type, "aliases": [*prabowo.aliases, "Pak Menhan"]}
    extra.write_text(json.dumps({"actors": [entry]}), "utf-8")
    db = open_db(corpus)
    load_actors(db, read_catalogue_file(extra))
    db.close()
    app = app_factory(corpus)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("f")
        await settle(pilot)
        assert isinstance(app.screen, FilterModal)
        await pilot.press(*"Pak Menhan")
        await settle(pilot)
        assert app.screen.shown[0] == Choice("actor", "Prabowo Subianto")
