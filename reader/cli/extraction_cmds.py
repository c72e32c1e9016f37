"""``reader quotes``: who said what."""

from __future__ import annotations

from typing import Any

import click

from reader.cli.context import echo_json, run_safely, state_of
from reader.cli.quote_lines import quote_line
from reader.cli.search_cmd import marked
from reader.errors import UsageError
from reader.store.articles import find_article_id

QUOTES_HELP = """List quotes with their speakers, newest article first.

\b
QUERY uses the query language of `reader search`; the quotes listed are
  said:WORD said:"a phrase"   the statements that contain it (stems, typos),
                              in the articles matching the rest of the query
  speaker:NAME said:WORD      NAME's own statements that contain it
  anything else               every quote of the matching articles
                              (by speaker:NAME's, when given)
An empty QUERY lists every quote.
"""


# As for `reader search`: "-hoaks" in a query excludes a word, and there are no short options.
@click.command(
    "quotes",
    help=QUOTES_HELP,
    context_settings={"ignore_unknown_options": True, "help_option_names": ["--help"]},
)
@click.argument("query", nargs=-1)
@click.option("--speaker", help="Only quotes by this person or organisation (short names work).")
@click.option("--article", "article_ref", help="Only quotes in this article (id or source id).")
@click.option("--kind", type=click.Choice(["direct", "indirect"]), help="Only this kind of quote.")
@click.option("--limit", type=click.IntRange(min=1), help="Show at most this many quotes.")
@click.option("--exact", is_flag=True, help="Count every match (with --limit, a very large total is "
              "estimated from a sample and marked ≈).")
@click.option("--json", "as_json", is_flag=True, help="Print the quotes as JSON.")
@click.pass_context
def quotes_command(
    ctx: click.Context,
    query: tuple[str, ...],
    speaker: str | None,
    article_ref: str | None,
    kind: str | None,
    limit: int | None,
    exact: bool,
    as_json: bool,
) -> None:
    from reader.search.statements import search_statements

    state = state_of(ctx)
    text = " ".join(query)

    def action() -> Any:
        db = state.db()
        article_id = None
        if article_ref is not None:
            article_id = find_article_id(db, article_ref)
            if article_id is None:
                raise UsageError(f"no article with id or source '{article_ref}'")
        found = search_statements(
            db, text, limit, speaker=speaker, article_id=article_id, kind=kind, estimate=not exact
        )
        if found.error:
            raise UsageError(found.error)
        return found

    found = run_safely(action)
    if found.notes:
        click.echo(f"reader: note: {found.notes}", err=True)
    if as_json:
        echo_json(list(found.quotes))
        return
    if text.strip():
        noun = "quote" if found.total == 1 else "quotes"
        shown = f", showing {len(found.quotes)}" if len(found.quotes) < found.total else ""
        click.echo(f"{'≈ ' if found.estimated else ''}{found.total:,} {noun}{shown}")
        if found.expansions:
            click.echo("Matched: " + "; ".join(str(e) for e in found.expansions))
    if not found.quotes:
        click.echo("no quotes found")
        return
    for quote in found.quotes:
        line = quote_line(quote, marked(quote["text"], quote["spans"]))
        click.echo(f"{quote['article_id']:>6}  {line}")


COMMANDS = (quotes_command,)
