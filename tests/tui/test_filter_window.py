"""The filter window at scale: a first page of the most-mentioned actors, the rest found in
the database as the user types (in a worker), and the counts that order them."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from conftest import SIZE, screen_text, settle

from reader.store.connect import open_db
from reader.store.identity_edits import merge_identities
from reader.tui import filter_data
from reader.tui.screens.filter_modal import FilterModal
from reader.tui.widgets.article_list import ArticleList

MANY = 500  # discovered actors added beyond what the six articles name


def add_actors(path: Path) -> None:
    """Many actors that name no article (as in a big archive: most are rarely mentioned)."""
    with sqlite3.connect(path) as conn:
        conn.executemany(
            "INSERT INTO actor(name, type, discovered, articles) VALUES (?, 'person', 1, 0)",
            [(f"Tokoh Nomor{n:04d} Desa",) for n in range(MANY)],
        )
    conn.close()


def counted(path: Path) -> dict[str, tuple[int, int]]:
    """Every actor's stored article count and the count of its mention rows."""
    with sqlite3.connect(path) as conn:
        rows = conn.execute(
            "SELECT name, articles, (SELECT count(*) FROM mention WHERE actor_id = actor.id) FROM actor"
        ).fetchall()
    conn.close()
    return {name: (stored, real) for name, stored, real in rows}


def test_the_writer_keeps_each_actors_article_count(corpus: Path) -> None:
    counts = counted(corpus)
    assert counts["Prabowo Subianto"] == (2, 2)
    assert all(stored == real for stored, real in counts.values()), counts
    db = open_db(corpus)
    merge_identities(db, "Prabowo Subianto", "Anies Baswedan")  # the mentions move to the kept one
    db.execute("DELETE FROM article WHERE id = (SELECT min(article_id) FROM mention)")  # cascades
    db.conn.commit()
    db.close()
    counts = counted(corpus)
    assert "Anies Baswedan" not in counts
    assert all(stored == real for stored, real in counts.values()), counts


def test_the_first_page_is_the_most_mentioned_and_typing_finds_the_rest(
    corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    add_actors(corpus)
    monkeypatch.setattr(filter_data, "FIRST_PAGE", 3)
    monkeypatch.setattr(filter_data, "FUZZY_POOL", 10)
    db = open_db(corpus)
    lists = filter_data.filter_lists(db)
    assert len(lists.actors) == 3 and lists.actor_count > MANY
    mentioned = db.execute("SELECT name FROM actor ORDER BY articles DESC, name LIMIT 3").fetchall()
    assert [name for name, _ in lists.actors] == [name for (name,) in mentioned]

    def values(typed: str) -> list[str | None]:
        return [c.value for c in filter_data.find_choices(db, typed, lists)[0]]

    assert values("nomor0421")[:1] == ["Tokoh Nomor0421 Desa"]  # a word inside the name, any actor
    assert values("tokoh nomor04")[:3] == [f"Tokoh Nomor04{n:02d} Desa" for n in range(3)]
    assert values("prabow subianto")[:1] == ["Prabowo Subianto"]  # a typo of a well-known actor
    assert values("Giban")[:1] == ["Gibran Rakabuming Raka"]  # the catalogue's reading of a typo
    assert values("50%_x") == []  # punctuation is no query syntax
    db.close()


async def test_the_window_lists_a_first_page_and_looks_the_typed_name_up(
    corpus: Path, app_factory, monkeypatch: pytest.MonkeyPatch
) -> None:
    add_actors(corpus)
    monkeypatch.setattr(filter_data, "FIRST_PAGE", 3)
    monkeypatch.setattr(filter_data, "FUZZY_POOL", 10)
    app = app_factory(corpus)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("f")
        await settle(pilot)
        modal = app.screen
        assert isinstance(modal, FilterModal)
        actors = [c for c in modal.shown if c.kind == "actor"]
        assert len(actors) == 3
        assert "more actors: type to find them" in screen_text(app)
        assert "Tokoh Nomor0300 Desa" not in screen_text(app)
        await pilot.press(*"nomor0300")
        await settle(pilot)
        assert modal.shown[0].value == "Tokoh Nomor0300 Desa"
        assert "Tokoh Nomor0300 Desa" in screen_text(app)
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("f")
        await settle(pilot)
        await pilot.press(*"prabow", "enter")  # Enter before the lookup is back: its answer is picked
        await settle(pilot)
        assert "filter: actor: Prabowo Subianto" in screen_text(app)
        assert app.screen.query_one(ArticleList).total == 2


def test_a_copy_of_a_database_counts_each_actors_articles_once(corpus: Path, tmp_path: Path) -> None:
    from reader.store.copy import copy_database

    copied = tmp_path / "copy.db"
    source, destination = open_db(corpus), open_db(copied)
    copy_database(source, destination)
    source.close()
    destination.close()
    assert counted(copied) == counted(corpus)
    assert all(stored == real for stored, real in counted(copied).values())
