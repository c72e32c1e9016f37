"""``reader review ID... [--off]``: mark articles reviewed (or not) and say who holds each mark."""

from __future__ import annotations

import click

from reader.cli.context import USER_OPTION, echo_json, run_safely, state_of
from reader.errors import UsageError
from reader.store.marks import Marked


@click.command("review")
@click.argument("refs", nargs=-1, required=True, metavar="ID...")
@click.option("--off", is_flag=True, help="Take the reviewed mark away instead.")
@click.option("--json", "as_json", is_flag=True, help="Print each article's mark as JSON.")
@USER_OPTION
@click.pass_context
def review_command(
    ctx: click.Context, refs: tuple[str, ...], off: bool, as_json: bool, user_option: str | None
) -> None:
    """Mark each article ID (numeric id or source id) reviewed by you, or with --off not reviewed;
    prints who holds each mark. An article another analyst reviewed keeps their mark; --off
    takes it away whoever holds it. One undoable action: `reader undo` reverses it."""
    from reader.store.articles import find_article_id
    from reader.store.marks import review_articles

    state = state_of(ctx)
    state.act_as(user_option)

    def action() -> list[Marked]:
        db = state.db()
        ids = []
        for ref in refs:
            article_id = find_article_id(db, ref)
            if article_id is None:
                raise UsageError(f"no article with id or source '{ref}'; nothing was marked")
            ids.append(article_id)
        return review_articles(db, ids, not off, state.user)

    marked = run_safely(action)
    if as_json:
        echo_json([
            {"id": m.article_id, "reviewed": m.after.reviewed, "reviewed_by": m.after.by,
             "reviewed_at": m.after.at, "changed": m.changed}
            for m in marked
        ])  # fmt: skip
        return
    for m in marked:
        click.echo(f"{m.article_id}: {_line(m)}")


def _line(m: Marked) -> str:
    if not m.changed and m.before.reviewed:  # by this analyst or another: the mark stays theirs
        return f"already {m.after.text()}"
    if m.changed and not m.after.reviewed:
        return f"not reviewed (was {m.before.text()})"
    return m.after.text()


COMMANDS = [review_command]
