"""``reader show ID`` and ``reader stats``."""

from __future__ import annotations

from typing import Any

import click

from reader.cli.context import echo_json, run_safely, state_of
from reader.cli.quote_lines import quote_line
from reader.errors import UsageError
from reader.store.articles import find_article_id, get_article, stats
from reader.store.marks import Mark


@click.command("show")
@click.argument("ref")
@click.option("--json", "as_json", is_flag=True, help="Print the article as JSON.")
@click.pass_context
def show_command(ctx: click.Context, ref: str, as_json: bool) -> None:
    """Show one article (by numeric id or source id): metadata, cleaned text, tags, review state."""
    state = state_of(ctx)

    def action() -> dict[str, Any]:
        db = state.db()
        article_id = find_article_id(db, ref)
        article = get_article(db, article_id) if article_id is not None else None
        if article is None:
            raise UsageError(f"no article with id or source '{ref}'")
        return article

    article = run_safely(action)
    if as_json:
        echo_json(article)
    else:
        click.echo(_as_text(article))


def _as_text(article: dict[str, Any]) -> str:
    lines = [f"# {article['title'] or '(untitled)'}"]
    meta = [
        f"id {article['id']}",
        f"source {article['source']}",
        article["outlet"] or "outlet unknown",
        article["published"] or "undated",
    ]
    if article["section"]:
        meta.append(article["section"])
    lines.append(" · ".join(meta))
    if article["url"]:
        lines.append(f"source: {article['url']}")
    mark = Mark(article["reviewed"], article.get("reviewed_by"), article.get("reviewed_at"))
    tags = ", ".join(article["tags"]) or "none"
    lines.append(f"{mark.text()} · tags: {tags}")
    if article.get("note"):
        by = f" ({article['note_by']})" if article.get("note_by") else ""
        lines.append(f"note: {article['note']}{by}")
    lines += ["", article["body"]]
    if article["quotes"]:
        lines += ["", "Quotes:"]
        lines += [f"  {quote_line(quote)}" for quote in article["quotes"]]
    if article["actors"]:
        lines += ["", "Actors: " + ", ".join(f"{a['name']} ×{a['count']}" for a in article["actors"])]
    return "\n".join(lines)


@click.command("stats")
@click.option("--json", "as_json", is_flag=True, help="Print the counts as JSON.")
@click.pass_context
def stats_command(ctx: click.Context, as_json: bool) -> None:
    """Counts of articles, reviews, quotes, actors and tags, and articles per outlet."""
    state = state_of(ctx)
    counts = run_safely(lambda: stats(state.db()))
    if as_json:
        echo_json({"database": state.db_path, **counts})
        return
    click.echo(f"database  {state.db_path}")
    for key in ("articles", "reviewed", "quotes", "actors", "tags", "dated"):
        click.echo(f"{key:<9} {counts[key]:,}")
    if counts["first_date"]:
        click.echo(f"dates     {counts['first_date']} .. {counts['last_date']}")
    for outlet, count in list(counts["outlets"].items())[:15]:
        click.echo(f"  {outlet:<30} {count:,}")


COMMANDS = [show_command, stats_command]
