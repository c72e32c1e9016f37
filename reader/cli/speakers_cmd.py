"""``reader speakers``: who is quoted, each person once with the names folded into them;
``merge`` and ``split`` put an analyst's decision in the database."""

from __future__ import annotations

from typing import Any

import click

from reader.cli.context import echo_json, run_safely, state_of


@click.group("speakers", invoke_without_command=True)
@click.option("--json", "as_json", is_flag=True, help="Print the speakers as JSON.")
@click.pass_context
def speakers_command(ctx: click.Context, as_json: bool) -> None:
    """List people and organisations quoted, with statement counts and name variants."""
    if ctx.invoked_subcommand is not None:
        return
    from reader.store.quotes import list_speakers

    state = state_of(ctx)
    speakers = run_safely(lambda: list_speakers(state.db()))
    if as_json:
        echo_json(speakers)
        return
    if not speakers:
        click.echo("no speakers found")
        return
    click.echo(f"{'speaker':<40} {'type':<13} {'quotes':>6}  also written")
    for person in speakers:
        line = f"{person['name'][:40]:<40} {person['type']:<13} {person['quotes']:>6}  {_variants(person)}"
        click.echo(line.rstrip())


def _variants(person: dict[str, Any]) -> str:
    return ", ".join(f"{v['name']} ({v['quotes']})" for v in person["variants"])


@speakers_command.command("merge")
@click.argument("keep")
@click.argument("join")
@click.pass_context
def merge_command(ctx: click.Context, keep: str, join: str) -> None:
    """JOIN's names, quotes and mentions become KEEP's (now and in later imports)."""
    from reader.store.identity_edits import merge_identities

    state = state_of(ctx)
    target, source = run_safely(lambda: merge_identities(state.db(), keep, join))
    click.echo(f"merged {source.name} into {target.name}")


@speakers_command.command("split")
@click.argument("identity")
@click.argument("variant")
@click.pass_context
def split_command(ctx: click.Context, identity: str, variant: str) -> None:
    """VARIANT, a name of IDENTITY, becomes an identity of its own (now and later)."""
    from reader.store.identity_edits import split_identity

    state = state_of(ctx)
    whole, part = run_safely(lambda: split_identity(state.db(), identity, variant))
    click.echo(f"split {part.name} off {whole.name}")


COMMANDS = (speakers_command,)
