"""``reader tags``: the tags in use with their counts; ``tags rename`` and ``tags rm``."""

from __future__ import annotations

import click

from reader.cli.context import echo_json, run_safely, state_of


@click.group("tags", invoke_without_command=True)
@click.option("--json", "as_json", is_flag=True, help='Print [{"name", "articles", "reviewed"}].')
@click.pass_context
def tags_command(ctx: click.Context, as_json: bool) -> None:
    """Every tag in use: how many articles carry it and how many of those are reviewed."""
    if ctx.invoked_subcommand is not None:
        return
    from reader.store.tags import tag_counts

    counts = run_safely(lambda: tag_counts(state_of(ctx).db()))
    if as_json:
        echo_json([{"name": t.name, "articles": t.articles, "reviewed": t.reviewed} for t in counts])
        return
    if not counts:
        click.echo("No tags yet (t in the app, or reader tag -q QUERY NAME).")
        return
    width = max(12, *(len(t.name) for t in counts))
    click.echo(f"{'tag':<{width}}  {'articles':>8}  {'reviewed':>8}")
    for t in counts:
        click.echo(f"{t.name:<{width}}  {t.articles:>8,}  {t.reviewed:>8,}")


@tags_command.command("rename")
@click.argument("old")
@click.argument("new")
@click.pass_context
def rename_command(ctx: click.Context, old: str, new: str) -> None:
    """Rename tag OLD to NEW on every article; when NEW exists the two become one."""
    from reader.store.tags import rename_tag

    done = run_safely(lambda: rename_tag(state_of(ctx).db(), old, new))
    noun = "article" if done.articles == 1 else "articles"
    if done.merged:
        click.echo(f"Merged tag '{done.old}' into '{done.new}' ({done.articles:,} {noun} gained it).")
    else:
        click.echo(f"Renamed tag '{done.old}' to '{done.new}' on {done.articles:,} {noun}.")


@tags_command.command("rm")
@click.argument("name")
@click.pass_context
def rm_command(ctx: click.Context, name: str) -> None:
    """Remove tag NAME from every article (one action: reader undo puts it back)."""
    from reader.store.tags import remove_tag_everywhere

    state = state_of(ctx)
    done = run_safely(lambda: remove_tag_everywhere(state.db(), name, state.user))
    noun = "article" if done.changed == 1 else "articles"
    click.echo(f"Removed tag '{done.tag}' from {done.changed:,} {noun}; reader undo puts it back.")


COMMANDS = [tags_command]
