"""Plain ``reader``: the terminal app."""

from __future__ import annotations

from reader.cli.context import CliState


def open_app(state: CliState) -> None:
    state.db()  # create and seed the database, and surface problems as one line
    from reader.tui.app import run_app  # Textual is imported only when the app is wanted

    run_app(state.location, state.user)
