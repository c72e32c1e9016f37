"""``reader timeline QUERY``: matching articles per day (or week, month) as bars."""

from __future__ import annotations

import shutil
from typing import TYPE_CHECKING

import click

from reader.cli.context import echo_json, run_safely, state_of

if TYPE_CHECKING:
    from reader.search.select import Timeline


@click.command("timeline")
@click.argument("query", nargs=-1)
@click.option("--by", type=click.Choice(["day", "week", "month"]), default="day", show_default=True)
@click.option("--json", "as_json", is_flag=True, help="Print the counts as JSON.")
@click.pass_context
def timeline_command(ctx: click.Context, query: tuple[str, ...], by: str, as_json: bool) -> None:
    """When a story broke: how many articles matching QUERY appeared each day.

    Days without articles between the first and the last are shown too.
    """
    from reader.search import SearchRequest
    from reader.search.select import timeline
    from reader.search.timeline import series, split_outliers

    text = " ".join(query)
    state = state_of(ctx)
    line = run_safely(lambda: timeline(state.db(), SearchRequest(query=text, user=state.user)))
    core, outliers = split_outliers(line)
    counts = series(core, by)
    if as_json:
        echo_json({
            "query": text, "by": by, "counts": counts, "undated": line.undated, "total": line.total,
            "outliers": [list(item) for item in outliers],
        })  # fmt: skip
        return
    click.echo(_render(text, by, line, core, outliers, counts))


def _render(
    query: str, by: str, line: Timeline, core: Timeline,
    outliers: tuple[tuple[str, int], ...], counts: list[tuple[str, int]],
) -> str:  # fmt: skip
    from reader.search.timeline import bar, column_span, outlier_note, sparkline, summary

    total = line.total
    head = f"{total:,} {'article' if total == 1 else 'articles'} matching “{query or '(everything)'}”"
    lines = [head + f" · {summary(core)}"]
    if outliers:
        lines.append(outlier_note(outliers, shown=10) + " (not drawn)")
    if not counts:
        return "\n".join(lines)
    width = max(10, shutil.get_terminal_size((100, 24)).columns - 22)
    lines.append(sparkline([c for _, c in counts], width))
    span = column_span(len(counts), width, by)
    if span:
        lines.append(f"(a column of the line above covers {span}: its busiest {by})")
    top = max(c for _, c in counts)
    size = len(f"{top:,}")
    for label, count in counts:
        lines.append(f"{label:<10} {count:>{size},} {bar(count, top, width - size)}".rstrip())
    return "\n".join(lines)


COMMANDS = [timeline_command]
