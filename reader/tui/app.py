"""The terminal app: ``make_app`` builds it (for the CLI and the tests), ``run_app`` runs it."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from functools import partial
from pathlib import Path

from textual.app import App, SystemCommand
from textual.screen import Screen

from reader.config import Settings, load_settings
from reader.store.connect import DatabaseTarget
from reader.store.worker_connections import ThreadConnections
from reader.tui.bindings import BINDING_IDS, LIST, PALETTE
from reader.tui.screens.main import MainScreen
from reader.tui.ui_state import UiState, load_state, save_state
from reader.tui.ui_state import state_path as default_state_path


class ReaderApp(App[None]):
    CSS_PATH = "app.tcss"
    TITLE = "reader"
    SUB_TITLE = "Indonesian election news"

    def __init__(
        self,
        db_path: DatabaseTarget,
        settings: Settings,
        state_path: Path | None = None,
        user: str | None = None,
    ) -> None:
        super().__init__()
        self.user = user or _analyst_name()  # who this analyst is to the others (claims, marks)
        self.connections = ThreadConnections(db_path, self.user)
        self.db_path = self.connections.location.shown
        self.settings = settings
        self.user_keymap = dict(settings.keymap)
        self.state_path = state_path  # None: remember nothing between runs (the tests)

    def get_default_screen(self) -> Screen:
        remembered = load_state(self.state_path) if self.state_path else UiState()
        if remembered.db != self.connections.location.key:  # another database's search
            remembered = UiState(quotes=remembered.quotes, timeline=remembered.timeline)
        return MainScreen(self.connections, remembered)

    def remember(self, state: UiState) -> None:
        """Keep the layout, search and position for the next run (never fails the app)."""
        if self.state_path is None:
            return
        state = replace(state, db=self.connections.location.key)
        problem = save_state(self.state_path, state)
        if problem and not self._state_problem_shown:
            self._state_problem_shown = True
            self.notify(problem, title="Not remembered", severity="warning", timeout=6)

    _state_problem_shown = False

    def on_mount(self) -> None:
        if self.user_keymap:
            self.set_keymap(self.user_keymap)
        for problem in self.settings.problems:
            self.notify(problem, title="Config", severity="warning", timeout=10)

    def on_unmount(self) -> None:
        self.connections.close()  # the pool's connections go back to a shared server at once

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


def _analyst_name() -> str:
    from reader.store.corrections import analyst_name

    return analyst_name()


def make_app(
    db_path: DatabaseTarget,
    settings: Settings | None = None,
    state_path: Path | None = None,
    user: str | None = None,
) -> ReaderApp:
    """The app over the database at ``db_path``; settings default to the user's config file.
    ``state_path`` is where it remembers its layout and position (None: nowhere); ``user`` is
    the analyst (None: ``$READER_USER``, the config file, the login name)."""
    chosen = settings if settings is not None else load_settings(known_ids=BINDING_IDS)
    return ReaderApp(db_path, chosen, state_path, user)


def run_app(db_path: DatabaseTarget, user: str | None = None) -> None:
    make_app(db_path, state_path=default_state_path(), user=user).run()
