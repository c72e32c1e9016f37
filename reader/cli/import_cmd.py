"""``reader import PATH...``"""

from __future__ import annotations

import sys
import time
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
@click.option(
    "--progress/--no-progress", default=None,
    help="Show the progress line on stderr (default: when stderr is a terminal and not --quiet).",
)  # fmt: skip
@click.pass_context
def import_command(ctx: click.Context, paths: tuple[Path, ...], quiet: bool, progress: bool | None) -> None:
    """Import articles from files and folders (.txt, .jsonl, .json, .csv; folders recursively).

    Importing the same articles again adds nothing (matched by source id and text).
    """
    state = state_of(ctx)

    def action() -> ImportReport:
        missing = [str(p) for p in paths if not p.exists() and not p.is_symlink()]
        if missing:
            raise UsageError(f"no such file or folder: {', '.join(missing)}")
        from reader.cli.import_progress import ProgressLine
        from reader.ingest.pipeline import import_paths, total_bytes

        db = state.db()
        shown = progress if progress is not None else sys.stderr.isatty() and not quiet
        if not shown:
            return import_paths(db, list(paths))
        line = ProgressLine(total_bytes(paths), sys.stderr)
        try:
            return import_paths(db, list(paths), progress=line)
        finally:
            line.finish()

    started = time.monotonic()
    report = run_safely(action)
    _print_summary(report, quiet, time.monotonic() - started)


def _print_summary(report: ImportReport, quiet: bool, seconds: float) -> None:
    from reader.cli.import_progress import summary_line

    click.echo(summary_line(report, seconds))
    if quiet:
        return
    for where, why in report.skipped[:MAX_SKIP_LINES]:
        click.echo(valid_text(f"  skipped {where}: {why}"))
    if len(report.skipped) > MAX_SKIP_LINES:
        click.echo(f"  ... and {len(report.skipped) - MAX_SKIP_LINES:,} more skipped")


COMMANDS = [import_command]
