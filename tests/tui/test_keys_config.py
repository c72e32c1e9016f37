"""Keymap rebinding from the config file, binding ids, and the command palette."""

from __future__ import annotations

from pathlib import Path

from conftest import SIZE, fresh_state, screen_text, settle

from reader.config import load_settings
from reader.tui import bindings
from reader.tui.app import make_app
from reader.tui.widgets.article_list import ArticleList


def test_every_binding_has_an_id_and_ids_are_unique() -> None:
    ids = [b.id for b in bindings.ALL]
    assert all(ids) and len(ids) == len(set(ids))
    assert all(b.tooltip for b in bindings.SCREEN)


def test_load_settings_reads_keys_and_reports_problems(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text('[keys]\ntoggle-reviewed = "x"\nno-such-key = "y"\nquit = 3\n', encoding="utf-8")
    settings = load_settings(path, known_ids=bindings.BINDING_IDS)
    assert settings.keymap == {"toggle-reviewed": "x"}
    assert len(settings.problems) == 2 and "no-such-key" in settings.problems[0]
    path.write_text("[keys\n", encoding="utf-8")
    assert "using the default keys" in load_settings(path).problems[0]
    assert load_settings(tmp_path / "missing.toml").keymap == {}


async def test_config_file_rebinds_keys(corpus: Path, tmp_path: Path, monkeypatch) -> None:
    config = tmp_path / "config.toml"
    config.write_text('[keys]\ntoggle-reviewed = "x"\nlist-down = "ctrl+n"\n', encoding="utf-8")
    monkeypatch.setenv("READER_CONFIG", str(config))
    app = make_app(corpus)  # reads $READER_CONFIG like the real command
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        article_list = app.screen.query_one(ArticleList)
        first = article_list.current.article_id
        await pilot.press("r")  # no longer bound
        await settle(pilot)
        assert fresh_state(corpus, first)["reviewed"] is False
        await pilot.press("x")
        await settle(pilot)
        assert fresh_state(corpus, first)["reviewed"] is True
        assert "x Reviewed" in screen_text(app)  # the footer shows the new key
        await pilot.press("ctrl+n")
        await settle(pilot)
        assert article_list.cursor == 1
        await pilot.press("question_mark")
        await settle(pilot)
        help_text = screen_text(app)
        assert "ctrl+n" in help_text.casefold() or "^n" in help_text


async def test_a_broken_config_file_is_reported_not_fatal(corpus: Path, tmp_path: Path, monkeypatch) -> None:
    config = tmp_path / "config.toml"
    config.write_text("[keys]\nquit = \n", encoding="utf-8")
    monkeypatch.setenv("READER_CONFIG", str(config))
    app = make_app(corpus)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.is_running
        assert any("using the default keys" in n.message for n in app._notifications)


async def test_every_action_is_in_the_command_palette(corpus: Path, app_factory) -> None:
    app = app_factory(corpus)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        titles = {command.title for command in app.get_system_commands(app.screen)}
        for binding in bindings.PALETTE:
            assert binding.description in titles
        assert {"Read", "Clear search", "Quit"} <= titles
        await pilot.press("ctrl+p")
        await settle(pilot)
        await pilot.press(*"Reviewed")
        await pilot.pause(0.3)  # the palette searches its providers in the background
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        first = app.screen.query_one(ArticleList).current.article_id
        assert fresh_state(corpus, first)["reviewed"] is True
