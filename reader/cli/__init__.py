"""The ``reader`` command line: a click group over the core.

Plain ``reader`` opens the terminal app; subcommands import, search and report.
A command's module is imported only when that command runs (or help lists it),
so opening the app does not pay for every command's imports.
"""

from __future__ import annotations

import importlib

import click

from reader.cli.context import CliState, note_old_actor_file, run_safely

# command name -> the module whose COMMANDS holds it
COMMAND_MODULES = {
    "import": "import_cmd",
    "show": "show_cmd",
    "stats": "show_cmd",
    "search": "search_cmd",
    "quotes": "extraction_cmds",
    "actors": "actors_cmd",
    "speakers": "speakers_cmd",
    "saved": "saved_cmds",
    "tag": "tag_cmds",
    "untag": "tag_cmds",
    "undo": "tag_cmds",
    "export": "export_cmd",
    "timeline": "timeline_cmd",
    "correct": "correct_cmd",
    "corrections": "correct_cmd",
    "note": "note_cmd",
    "tags": "tags_cmd",
    "copy": "copy_cmd",
    "review": "review_cmd",
}


class LazyGroup(click.Group):
    """A group whose subcommands are loaded from :data:`COMMAND_MODULES` on first use."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *COMMAND_MODULES})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        command = super().get_command(ctx, cmd_name)
        if command is None and cmd_name in COMMAND_MODULES:
            module = importlib.import_module(f"reader.cli.{COMMAND_MODULES[cmd_name]}")
            for loaded in module.COMMANDS:
                self.add_command(loaded)
            command = super().get_command(ctx, cmd_name)
        return command


@click.group(
    cls=LazyGroup,
    invoke_without_command=True,
    context_settings={"help_option_names": ["-h", "--help"]},
)
@click.option(
    "--db",
    "db_option",
    metavar="LOCATION",
    envvar=None,
    help="Database: a file, or a PostgreSQL URI (default: $READER_DB, the config file, "
    "else the per-user data directory).",
)
@click.option(
    "--user",
    "user_option",
    metavar="NAME",
    help="Who you are: recorded with your changes (default: $READER_USER, the config file, "
    "else the login name).",
)
@click.version_option(package_name="reader")
@click.pass_context
def cli(ctx: click.Context, db_option: str | None, user_option: str | None) -> None:
    """Read, search and review Indonesian news articles.

    Run without a command to open the terminal app.
    """
    ctx.obj = CliState(db_option, user_option)
    note_old_actor_file()
    if ctx.invoked_subcommand is None:
        run_safely(lambda: _open_app(ctx.obj))


def _open_app(state: CliState) -> None:
    from reader.cli.app_cmd import open_app  # imports Textual only when the app is wanted

    open_app(state)


def main() -> None:
    cli(prog_name="reader")
