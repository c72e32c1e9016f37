"""The terminal app: ``make_app`` builds it (for the CLI and the tests), ``run_app`` runs it."""

from __future__ import annotations

import os
from collections.abc import Iterable
from functools import partial

from textual.app import App, SystemCommand
from textual.screen import Screen

from reader.config import Settings, load_settings
from reader.store.connect import ThreadConnections
from reader.tui.bindings import BINDING_IDS, LIST, PALETTE
from reader.tui.screens.main import MainScreen


class ReaderApp(App[None]):
    CSS_PATH = "app.tcss"
    TITLE = "reader"
    SUB_TITLE = "Indonesian election news"

    def __init__(self, db_path: str | os.PathLike[str], settings: Settings) -> None:
        super().__init__()
        self.db_path = str(db_path)
        self.connections = ThreadConnections(db_path)
        self.settings = settings
        self.user_keymap = dict(settings.keymap)

    def get_default_screen(self) -> Screen:
        return MainScreen(self.connections)

    def on_mount(self) -> None:
        if self.user_keymap:
            self.set_keymap(self.user_keymap)
        for problem in self.settings.problems:
            self.notify(problem, title="Config", severity="warning", timeout=10)

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        if not isinstance(screen, MainScreen):
            return
        for binding in PALETTE:
            action = partial(screen.run_action, binding.action)
            yield SystemCommand(binding.description, binding.tooltip, action)
        article_list = screen.article_list
        for binding in LIST:
            if binding.tooltip:
                yield SystemCommand(
                    binding.description, binding.tooltip, partial(article_list.run_action, binding.action)
                )


def make_app(db_path: str | os.PathLike[str], settings: Settings | None = None) -> ReaderApp:
    """The app over the database at ``db_path``; settings default to the user's config file."""
    return ReaderApp(db_path, settings if settings is not None else load_settings(known_ids=BINDING_IDS))


def run_app(db_path: str) -> None:
    make_app(db_path).run()
