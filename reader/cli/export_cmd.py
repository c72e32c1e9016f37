"""``reader export``: every matching article (or quote) as CSV, JSONL or a Markdown report."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import click

from reader.cli.context import run_safely, state_of
from reader.errors import UsageError

SUFFIXES = {".csv": "csv", ".jsonl": "jsonl", ".ndjson": "jsonl", ".md": "md", ".markdown": "md"}


@click.command("export")
@click.option(
    "--format", "fmt", type=click.Choice(["csv", "jsonl", "md"]), help="Default: from -o's suffix, else csv."
)
@click.option("--query", "-q", default="", help="Only articles this search matches (default: all).")
@click.option("--tag", help="Only articles with this tag.")
@click.option(
    "--reviewed", type=click.Choice(["yes", "no"]), help="Only reviewed (yes) or unreviewed (no) articles."
)
@click.option("--quotes", "quotes_only", is_flag=True, help="One row per quote instead of one per article.")
@click.option("--bom", is_flag=True, help="Start with a UTF-8 byte order mark (for Excel).")
@click.option(
    "--raw-cells", is_flag=True,
    help="CSV: write cells starting with = + - @ as they are (default: a leading ' so spreadsheets "
    "read them as text, not formulas).",
)  # fmt: skip
@click.option(
    "-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="File to write (default: stdout)."
)
@click.pass_context
def export_command(
    ctx: click.Context, fmt: str | None, query: str, tag: str | None, reviewed: str | None,
    quotes_only: bool, bom: bool, raw_cells: bool, output: Path | None,
) -> None:  # fmt: skip
    """Export articles with metadata, tags, review state and quotes; no size limit.

    \b
    CSV: one row per article (tags joined with "; ", quotes as a JSON column),
         or one row per quote with --quotes (text, speaker, role, cue, kind, offsets).
    JSONL: one JSON object per article (or per quote with --quotes).
    md: a readable report, one section per article with its quotes.
    Newest articles first. A file is written whole or not at all.
    """
    from reader.search import SearchRequest
    from reader.store.export import atomic_output, export

    if fmt is None:
        fmt = SUFFIXES.get(output.suffix.lower(), "csv") if output else "csv"
    request = SearchRequest(
        query=query,
        tag=tag,
        reviewed=None if reviewed is None else reviewed == "yes",
        user=state_of(ctx).user,
    )

    def action() -> str:
        db = state_of(ctx).db()
        if output is not None:
            if not output.parent.is_dir():
                raise UsageError(f"no such folder: {output.parent}")
            with atomic_output(output, bom=bom) as handle:
                stats = export(db, request, handle, fmt, quotes_only, raw_cells=raw_cells)
            what = f"{stats.quotes:,} quotes from " if quotes_only else ""
            return f"Exported {what}{stats.articles:,} articles to {output}."
        sys.stdout.flush()
        stream = io.TextIOWrapper(sys.stdout.buffer, encoding="utf-8", newline="")
        try:
            if bom:
                stream.write("\ufeff")
            export(db, request, stream, fmt, quotes_only, raw_cells=raw_cells)
            stream.flush()
        except BrokenPipeError:  # `reader export | head`
            sys.stderr.close()
        finally:
            stream.detach()
        return ""

    summary = run_safely(action)
    if summary:
        click.echo(summary)


COMMANDS = [export_command]
