"""Plain ``reader``: the terminal app."""

from __future__ import annotations

import click

from reader.cli.context import CliState


def open_app(state: CliState) -> None:
    state.db()  # create and seed the database, and surface problems as one line
    try:
        from reader.tui.app import run_app
    except ImportError:
        click.echo("The terminal app is not built yet; use `reader --help` for the commands.")
        return
    run_app(state.db_path)
