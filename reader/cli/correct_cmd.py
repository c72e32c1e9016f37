"""``reader correct`` and ``reader corrections``: the analyst's last word on a quote."""

from __future__ import annotations

from typing import Any

import click

from reader.cli.context import echo_json, run_safely, state_of
from reader.cli.quote_lines import quote_line
from reader.errors import UsageError


@click.command("correct")
@click.argument("quote_ref", metavar="QUOTE_ID")
@click.option("--speaker", metavar="NAME", help='The right speaker ("" for no speaker).')
@click.option("--role", metavar="ROLE", help='The right role ("" for no role).')
@click.option("--not-a-quote", "not_a_quote", is_flag=True, help="Remove a false quote from every listing.")
@click.option("--reset", is_flag=True, help="Undo the correction: back to what extraction found.")
@click.option("--json", "as_json", is_flag=True, help="Print the quote as JSON.")
@click.pass_context
def correct_command(
    ctx: click.Context,
    quote_ref: str,
    speaker: str | None,
    role: str | None,
    not_a_quote: bool,
    reset: bool,
    as_json: bool,
) -> None:
    """Correct a quote's speaker or role, or mark it not a quote (ids: `reader quotes --json`).

    \b
    The correction is saved before the command returns, recorded with your name
    (--user, $READER_USER or the login name) and the time, and kept when the
    article is imported or extracted again.
    """
    state = state_of(ctx)

    def action() -> dict[str, Any]:
        from reader.store.corrections import correct_quote, reset_quote

        quote_id = _quote_id(quote_ref)
        if reset and (speaker is not None or role is not None or not_a_quote):
            raise UsageError("--reset undoes a correction; give it alone")
        db = state.db()
        if reset:
            return reset_quote(db, quote_id)
        return correct_quote(
            db, quote_id, speaker=speaker, role=role, not_a_quote=not_a_quote, user=state.user
        )

    quote = run_safely(action)
    if as_json:
        echo_json(quote)
        return
    if quote["not_a_quote"]:
        click.echo(
            f"quote {quote['id']} is not listed any more: marked not a quote by {quote['corrected_by']}, "
            f"{quote['corrected_at']} (undo: reader correct {quote['id']} --reset)"
        )
        click.echo(f"  was: {quote_line(quote, correction=False)}")
        return
    if quote["corrected"]:
        status = f"corrected by {quote['corrected_by']}, {quote['corrected_at']}"
    else:
        status = "as extracted (correction undone)"
    click.echo(f"quote {quote['id']} · article {quote['article_id']} ({quote['source']}) · {status}")
    click.echo(f"  {quote_line(quote, correction=False)}")


def _quote_id(ref: str) -> int:
    text = ref.strip()
    if not text.isdigit():
        raise UsageError(f"'{ref}' is not a quote id (a number: see `reader quotes --json`)")
    return int(text)


@click.command("corrections")
@click.option("--json", "as_json", is_flag=True, help="Print the corrections as JSON.")
@click.pass_context
def corrections_command(ctx: click.Context, as_json: bool) -> None:
    """List every quote correction: by whom, when, and whether its quote is still found."""
    from reader.store.corrections import list_corrections

    state = state_of(ctx)
    corrections = run_safely(lambda: list_corrections(state.db()))
    if as_json:
        echo_json(corrections)
        return
    if not corrections:
        click.echo("no corrections")
        return
    for item in corrections:
        if item["not_a_quote"]:
            what = "not a quote"
        else:
            what = " · ".join(
                f"{field} {item['extracted_' + field] or '(none)'!s} → {item[field] or '(none)'}"
                for field in ("speaker", "role")
                if item[field] is not None
            )
        where = f"quote {item['quote_id']}" if item["attached"] else "quote not found"
        click.echo(f"{where:>14}  {item['source']}  {what}  ({item['corrected_by']}, {item['corrected_at']})")
        click.echo(f"{'':>14}  “{' '.join(str(item['text']).split())[:100]}”")


COMMANDS = (correct_command, corrections_command)
