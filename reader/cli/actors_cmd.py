"""``reader actors``: who is named, and the database's actor catalogue (load, export)."""

from __future__ import annotations

from pathlib import Path

import click

from reader.cli.context import echo_json, run_safely, state_of

ACTORS_HELP = """List actors with the number of articles naming them, mentions and quotes.

\b
The actor catalogue (names, types, aliases) that imports extract with and
searches resolve names with is kept in the database:
  reader actors load FILE [--replace]   add a catalogue file's actors to it
  reader actors export [FILE]           write it as a catalogue file
"""


@click.group("actors", invoke_without_command=True, help=ACTORS_HELP)
@click.option("--known", is_flag=True, help="Only catalogue actors, not discovered names.")
@click.option("--json", "as_json", is_flag=True, help="Print the actors as JSON.")
@click.pass_context
def actors_command(ctx: click.Context, known: bool, as_json: bool) -> None:
    if ctx.invoked_subcommand is not None:
        return
    from reader.store.quotes import list_actors

    state = state_of(ctx)
    actors = run_safely(lambda: list_actors(state.db(), include_discovered=not known))
    if as_json:
        echo_json(actors)
        return
    if not actors:
        click.echo("no actors found")
        return
    click.echo(f"{'actor':<40} {'type':<13} {'articles':>8} {'mentions':>8} {'quotes':>6}")
    for actor in actors:
        kind = actor["type"] + ("*" if actor["discovered"] else "")
        click.echo(
            f"{actor['name'][:40]:<40} {kind:<13} {actor['articles']:>8} "
            f"{actor['mentions']:>8} {actor['quotes']:>6}"
        )
    if any(a["discovered"] for a in actors):
        click.echo("* discovered in the articles, not in the actor catalogue")


@actors_command.command("load")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--replace", is_flag=True, help="Make the file the whole catalogue (default: add to it).")
@click.pass_context
def load_command(ctx: click.Context, file: Path, replace: bool) -> None:
    """Load the catalogue file FILE (the shape of the bundled actors.json) into the database.

    Its actors are added; one with the name of a stored actor replaces it. With --replace
    the file becomes the whole catalogue. Articles imported from then on are extracted with
    it, and searches resolve its names and aliases at once. A file that is not a valid
    catalogue changes nothing.
    """
    from reader.extract.catalogue_file import read_catalogue_file
    from reader.store.catalogue import load_actors

    state = state_of(ctx)
    actors = run_safely(lambda: read_catalogue_file(file))
    loaded = run_safely(lambda: load_actors(state.db(), actors, replace=replace, by=state.user))
    parts = [f"{loaded.added} new", f"{loaded.replaced} replaced"]
    if replace:
        parts.append(f"{loaded.removed} removed")
    noun = "actor" if len(actors) == 1 else "actors"
    click.echo(
        f"loaded {len(actors)} {noun} from {file} ({', '.join(parts)}); "
        f"the catalogue of {state.db_path} has {loaded.total}"
    )


@actors_command.command("export")
@click.argument("file", required=False, type=click.Path(dir_okay=False, path_type=Path))
@click.pass_context
def export_command(ctx: click.Context, file: Path | None) -> None:
    """Write the database's actor catalogue to FILE (default: standard output), in the shape
    `reader actors load` reads."""
    from reader.extract.catalogue_file import catalogue_json
    from reader.store.catalogue import catalogue_of

    state = state_of(ctx)
    catalogue = run_safely(lambda: catalogue_of(state.db()))
    text = catalogue_json(catalogue.actors)
    if file is None:
        click.echo(text, nl=False)
        return
    run_safely(lambda: file.write_text(text, encoding="utf-8"))
    click.echo(f"wrote {len(catalogue)} actors to {file}")


COMMANDS = (actors_command,)
