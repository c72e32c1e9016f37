"""``reader import PATH...``"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from reader.cli.context import run_safely, state_of
from reader.errors import UsageError
from reader.ingest.records import valid_text
from reader.models import ImportReport

MAX_SKIP_LINES = 50


@click.command("import")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--quiet", "-q", is_flag=True, help="Print only the summary line.")
@click.pass_context
def import_command(ctx: click.Context, paths: tuple[Path, ...], quiet: bool) -> None:
    """Import articles from files and folders (.txt, .jsonl, .json, .csv; folders recursively).

    Importing the same articles again adds nothing (matched by source id and text).
    """
    state = state_of(ctx)

    def action() -> ImportReport:
        missing = [str(p) for p in paths if not p.exists() and not p.is_symlink()]
        if missing:
            raise UsageError(f"no such file or folder: {', '.join(missing)}")
        from reader.ingest.pipeline import import_paths, total_bytes

        db = state.db()
        if sys.stderr.isatty() and not quiet:
            with click.progressbar(
                length=max(total_bytes(paths), 1), label="Importing", file=sys.stderr
            ) as bar:
                return import_paths(db, list(paths), progress=bar.update)
        return import_paths(db, list(paths))

    report = run_safely(action)
    _print_summary(report, quiet)


def _print_summary(report: ImportReport, quiet: bool) -> None:
    click.echo(
        f"imported {report.imported}, duplicates {report.duplicates}, skipped {len(report.skipped)}"
    )
    if quiet:
        return
    for where, why in report.skipped[:MAX_SKIP_LINES]:
        click.echo(valid_text(f"  skipped {where}: {why}"))
    if len(report.skipped) > MAX_SKIP_LINES:
        click.echo(f"  ... and {len(report.skipped) - MAX_SKIP_LINES} more skipped")


COMMANDS = [import_command]
