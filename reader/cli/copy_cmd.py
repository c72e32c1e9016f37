"""``reader copy SRC DST``: a whole database from one store to the other."""

from __future__ import annotations

import sys

import click

from reader.cli.context import echo_json, run_safely
from reader.errors import UsageError
from reader.store.location import parse_location


@click.command("copy")
@click.argument("source_location", metavar="SRC")
@click.argument("destination_location", metavar="DST")
@click.option("--json", "as_json", is_flag=True, help="Print the row counts as JSON.")
def copy_command(source_location: str, destination_location: str, as_json: bool) -> None:
    """Copy the database SRC into DST (each a file path or a PostgreSQL URI).

    Everything is copied: articles, quotes, mentions, reviews with their time and
    reviewer, tags, notes, saved searches, undo history. DST must be empty or an
    unfinished copy of SRC: an interrupted copy resumes when run again.
    """

    def action() -> list[dict[str, object]]:
        from reader.store.connect import open_db
        from reader.store.copy import copy_database

        source, destination = parse_location(source_location), parse_location(destination_location)
        if source.key == destination.key:
            raise UsageError("SRC and DST are the same database")
        if source.path is not None and not source.path.exists():
            raise UsageError(f"no database at {source.path}")
        src = open_db(source, migrate=False)
        dst = open_db(destination)
        try:
            tables = copy_database(src, dst, progress=None if as_json else _progress)
        finally:
            src.close()
            dst.close()
        return [{"table": t.table, "source": t.source, "destination": t.destination} for t in tables]

    counts = run_safely(action)
    if not as_json and sys.stderr.isatty():
        click.echo(err=True)  # end the progress line
    if as_json:
        echo_json(counts)
    else:
        click.echo(f"{'table':<18} {'source':>10} {'copied':>10}")
        for row in counts:
            mark = "" if row["source"] == row["destination"] else "  differs"
            click.echo(f"{row['table']:<18} {row['source']:>10,} {row['destination']:>10,}{mark}")
    if any(row["source"] != row["destination"] for row in counts):
        click.echo("reader: error: the copy differs from its source (see the counts above)", err=True)
        sys.exit(1)


def _progress(table: str, rows: int) -> None:
    if sys.stderr.isatty():
        click.echo(f"\rcopying {table}: {rows:,} rows", err=True, nl=False)


COMMANDS = [copy_command]
