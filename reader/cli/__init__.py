"""The ``reader`` command line: a click group over the core.

Plain ``reader`` opens the terminal app; subcommands import, search and report.
Each command module registers itself below.
"""

from __future__ import annotations

import click

from reader.cli.context import CliState, run_safely


@click.group(invoke_without_command=True, context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--db",
    "db_option",
    type=click.Path(dir_okay=False),
    envvar=None,
    help="Database file (default: $READER_DB, else the per-user data directory).",
)
@click.version_option(package_name="reader")
@click.pass_context
def cli(ctx: click.Context, db_option: str | None) -> None:
    """Read, search and review Indonesian news articles.

    Run without a command to open the terminal app.
    """
    ctx.obj = CliState(db_option)
    if ctx.invoked_subcommand is None:
        run_safely(lambda: _open_app(ctx.obj))


def _open_app(state: CliState) -> None:
    from reader.cli.app_cmd import open_app  # imports Textual only when the app is wanted

    open_app(state)


def main() -> None:
    cli(prog_name="reader")


def _register() -> None:
    from reader.cli import (
        export_cmd,
        extraction_cmds,
        import_cmd,
        saved_cmds,
        search_cmd,
        show_cmd,
        tag_cmds,
        timeline_cmd,
    )

    modules = (import_cmd, show_cmd, search_cmd, extraction_cmds)
    for module in (*modules, saved_cmds, tag_cmds, export_cmd, timeline_cmd):
        for command in module.COMMANDS:
            cli.add_command(command)


_register()
