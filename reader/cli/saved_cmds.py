"""``reader saved``: searches kept under a name, with their review progress."""

from __future__ import annotations

from typing import Any

import click

from reader.cli.context import echo_json, run_safely, state_of


@click.group("saved")
def saved_group() -> None:
    """Saved searches: a query under a name, with how much of it is reviewed.

    \b
    reader saved add kecurangan 'kecurangan OR "politik uang"'
    reader saved list      412 of 1,930 reviewed, 37 new since you last opened it
    In the app, press o to list and open them and S to save the current search.
    """


@saved_group.command("add")
@click.argument("name")
@click.argument("query", nargs=-1, required=True)
@click.option("--replace", is_flag=True, help="Overwrite a saved search of the same name.")
@click.pass_context
def add_command(ctx: click.Context, name: str, query: tuple[str, ...], replace: bool) -> None:
    """Save QUERY (the search language of `reader search`) as NAME."""
    from reader.store.saved import progress, save_search

    def action() -> str:
        db = state_of(ctx).db()
        saved = save_search(db, name, " ".join(query), replace=replace)
        return f"Saved “{saved.name}”: {saved.query or '(every article)'} · {progress(db, saved).text()}"

    click.echo(run_safely(action))


@saved_group.command("list")
@click.option("--json", "as_json", is_flag=True, help="Print the list as JSON.")
@click.pass_context
def list_command(ctx: click.Context, as_json: bool) -> None:
    """Every saved search with its progress (reviewed, total, new since last opened)."""
    from reader.store.saved import list_saved, progress

    def action() -> list[dict[str, Any]]:
        db = state_of(ctx).db()
        return [_document(progress(db, saved)) for saved in list_saved(db)]

    documents = run_safely(action)
    if as_json:
        echo_json(documents)
    elif not documents:
        click.echo("No saved searches yet: reader saved add NAME QUERY")
    for doc in [] if as_json else documents:
        click.echo(click.style(doc["name"], bold=True) + f": {doc['progress']}")
        click.echo(f"    {doc['query'] or '(every article)'}")


def _document(item: Any) -> dict[str, Any]:
    saved = item.saved
    return {
        "name": saved.name,
        "query": saved.query,
        "total": item.total,
        "reviewed": item.reviewed,
        "new": item.new,
        "created_at": saved.created_at,
        "last_opened_at": saved.last_opened_at,
        "error": item.error,
        "progress": item.text(),
    }


@saved_group.command("rm")
@click.argument("name")
@click.pass_context
def remove_command(ctx: click.Context, name: str) -> None:
    """Forget the saved search NAME (articles, tags and reviews are untouched)."""
    from reader.errors import ReaderError
    from reader.store.saved import remove_saved

    def action() -> None:
        if not remove_saved(state_of(ctx).db(), name):
            raise ReaderError(f"no saved search named '{name}'")

    run_safely(action)
    click.echo(f"Removed saved search “{name}”.")


@saved_group.command("rename")
@click.argument("old")
@click.argument("new")
@click.pass_context
def rename_command(ctx: click.Context, old: str, new: str) -> None:
    """Rename the saved search OLD to NEW (its query and progress stay)."""
    from reader.store.saved import rename_saved

    saved = run_safely(lambda: rename_saved(state_of(ctx).db(), old, new))
    click.echo(f"Renamed saved search “{old.strip()}” to “{saved.name}”.")


COMMANDS = [saved_group]
