"""``reader tag``, ``reader untag`` and ``reader undo``: tags on every article a query matches."""

from __future__ import annotations

import click

from reader.cli.context import USER_OPTION, run_safely, state_of

QUERY_OPTION = click.option(
    "--query",
    "-q",
    required=True,
    help='Every article this search matches (the language of `reader search`; "" for all).',
)


def _bulk(ctx: click.Context, query: str, tag: str, add: bool) -> None:
    from reader.search import SearchRequest
    from reader.search.select import notes
    from reader.store.bulk import bulk_tag

    def action() -> str:
        state = state_of(ctx)
        db = state.db()
        request = SearchRequest(query=query, user=state.user)  # reviewed:me is --user's
        note = notes(db, request)
        if note:
            click.echo(f"reader: note: {note}", err=True)
        result = bulk_tag(db, request, tag, add=add, user=state.user)
        unchanged = result.matched - result.changed
        already = f" ({unchanged:,} already {'had it' if add else 'lacked it'})" if unchanged else ""
        undo = "; reader undo reverses it" if result.changed else ""
        return result.text().capitalize() + already + undo + "."

    click.echo(run_safely(action))


@click.command("tag")
@QUERY_OPTION
@click.argument("tag")
@click.pass_context
def tag_command(ctx: click.Context, query: str, tag: str) -> None:
    """Add TAG to every article the --query search matches (one undoable action)."""
    _bulk(ctx, query, tag, add=True)


@click.command("untag")
@QUERY_OPTION
@click.argument("tag")
@click.pass_context
def untag_command(ctx: click.Context, query: str, tag: str) -> None:
    """Remove TAG from every article the --query search matches (one undoable action)."""
    _bulk(ctx, query, tag, add=False)


@click.command("undo")
@USER_OPTION
@click.pass_context
def undo_command(ctx: click.Context, user_option: str | None) -> None:
    """Undo your last action: a tag or untag by query, a review mark or a tag (again to undo the
    one before it). Another analyst's actions are theirs to undo."""
    from reader.store.history import undo_last

    state = state_of(ctx)
    state.act_as(user_option)
    undone = run_safely(lambda: undo_last(state.db(), state.user))
    if undone is None:
        click.echo(f"Nothing to undo: no action of {state.user}'s is left.")
    elif undone.kind == "bulk-tag":
        click.echo(f"Undone: {undone.summary} (query “{undone.query}”).")
    else:
        click.echo(f"Undone: {undone.summary}.")


COMMANDS = [tag_command, untag_command, undo_command]
