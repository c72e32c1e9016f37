"""``reader note ID [TEXT...] [--clear]``: the analyst's short note on an article."""

from __future__ import annotations

import click

from reader.cli.context import echo_json, run_safely, state_of
from reader.errors import UsageError


@click.command("note")
@click.argument("ref")
@click.argument("text", nargs=-1)
@click.option("--clear", is_flag=True, help="Remove the article's note.")
@click.option("--json", "as_json", is_flag=True, help='Print {"id", "source", "note"}.')
@click.pass_context
def note_command(ctx: click.Context, ref: str, text: tuple[str, ...], clear: bool, as_json: bool) -> None:
    """Set the note on article REF (numeric id or source id) to TEXT; without TEXT, print it.

    The note is saved before the command returns; `reader search note:WORD` finds it.
    """
    from reader.store.articles import find_article_id
    from reader.store.notes import get_note, set_note

    if clear and text:
        raise click.UsageError("give TEXT or --clear, not both")

    def action() -> tuple[int, str, str | None, str]:
        state = state_of(ctx)
        db = state.db()
        article_id = find_article_id(db, ref)
        if article_id is None:
            raise UsageError(f"no article with id or source '{ref}'")
        source = str(db.execute("SELECT source FROM article WHERE id = ?", [article_id]).fetchone()[0])
        if clear:
            set_note(db, article_id, "", state.user)
            return article_id, source, None, "Note removed."
        if text:
            note = set_note(db, article_id, " ".join(text), state.user)
            if note is None:
                raise UsageError("the note is empty (use --clear to remove a note)")
            return article_id, source, note, f"Note saved: {note}"
        note = get_note(db, article_id)
        return article_id, source, note, note if note is not None else "No note."

    article_id, source, note, message = run_safely(action)
    if as_json:
        echo_json({"id": article_id, "source": source, "note": note})
    else:
        click.echo(message)


COMMANDS = [note_command]
