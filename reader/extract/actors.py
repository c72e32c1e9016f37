"""The actor catalogue: canonical names, types and aliases of people and bodies.

The bundled ``actors.json`` is merged with the user's own file (same format, see
:func:`reader.paths.user_actor_file`): user actors are added, and a user actor
with the same canonical name replaces the bundled one.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from reader.errors import ReaderError
from reader.paths import user_actor_file

ACTOR_TYPES = ("person", "organisation", "party", "pair", "coalition")
MAX_MEMO = 200_000  # entries per memo table before it starts again


@dataclass(frozen=True, slots=True)
class Actor:
    """One catalogue entry. ``members`` names the people of a pair."""

    name: str
    type: str
    aliases: tuple[str, ...] = ()
    case_sensitive: frozenset[str] = frozenset()
    members: tuple[str, ...] = ()

    def all_aliases(self) -> tuple[str, ...]:
        """The canonical name followed by every alias, without repeats."""
        return tuple(dict.fromkeys((self.name, *self.aliases)))

    def is_case_sensitive(self, alias: str) -> bool:
        # All-capitals aliases (AMIN, PAN, MK) are words too when lower-cased.
        return alias in self.case_sensitive or (alias.isupper() and len(alias) <= 6)


@dataclass(slots=True)
class Catalogue:
    """All known actors, with exact alias lookup."""

    actors: list[Actor] = field(default_factory=list)
    _exact: dict[str, str] = field(default_factory=dict, repr=False)
    _folded: dict[str, str] = field(default_factory=dict, repr=False)
    _by_name: dict[str, Actor] = field(default_factory=dict, repr=False)
    # Things built from the actors once (the compiled mention matcher).
    cache: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        self._index()

    def _index(self) -> None:
        self.cache.clear()
        self._exact.clear()
        self._folded.clear()
        self._by_name = {actor.name: actor for actor in self.actors}
        for actor in self.actors:
            for alias in actor.all_aliases():
                if actor.is_case_sensitive(alias):
                    self._exact.setdefault(alias, actor.name)
                else:
                    self._folded.setdefault(alias.casefold(), actor.name)

    def resolve(self, name: str) -> str | None:
        """The canonical name for an exact alias (case rules respected), else None."""
        name = " ".join(name.split())
        return self._exact.get(name) or self._folded.get(name.casefold())

    def get(self, canonical: str) -> Actor | None:
        return self._by_name.get(canonical)

    def memo(self, name: str) -> dict[Any, Any]:
        """A table for results that depend only on their key and this catalogue.

        Emptied when it grows past :data:`MAX_MEMO` entries, so a long import stays bounded.
        """
        table: dict[Any, Any] | None = self.cache.get(name)
        if table is None or len(table) > MAX_MEMO:
            table = self.cache[name] = {}
        return table

    def __len__(self) -> int:
        return len(self.actors)


def _actor_from_json(entry: dict[str, Any], origin: str) -> Actor:
    try:
        name = str(entry["name"]).strip()
        kind = str(entry.get("type", "person"))
    except (KeyError, TypeError) as error:
        raise ReaderError(f"{origin}: every actor needs a name ({entry!r})") from error
    if not name:
        raise ReaderError(f"{origin}: an actor has an empty name")
    aliases = tuple(str(a).strip() for a in entry.get("aliases", ()) if str(a).strip())
    return Actor(
        name=name,
        type=kind if kind in ACTOR_TYPES else "organisation",
        aliases=aliases,
        case_sensitive=frozenset(str(a) for a in entry.get("case_sensitive", ())),
        members=tuple(str(m) for m in entry.get("members", ())),
    )


def _regional_actors(data: dict[str, Any]) -> Iterable[Actor]:
    """``KPU Jawa Barat`` and friends: each regional body in each region."""
    for body in data.get("regional_bodies", ()):
        for region in data.get("regions", ()):
            names = [region["name"], *region.get("aliases", ())]
            aliases = [f"{body} {n}" for n in names] + [f"{body} Provinsi {region['name']}"]
            yield Actor(
                name=f"{body} {region['name']}",
                type="organisation",
                aliases=tuple(aliases[1:]),
                case_sensitive=frozenset(aliases),
            )


def _read(path: Path) -> list[Actor]:
    try:
        data = json.loads(path.read_text("utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise ReaderError(f"cannot read the actor catalogue {path}: {error}") from error
    if isinstance(data, list):  # a bare list of actors is accepted too
        data = {"actors": data}
    if not isinstance(data, dict):
        raise ReaderError(f"{path}: expected an object with an 'actors' list")
    actors = [_actor_from_json(entry, str(path)) for entry in data.get("actors", ())]
    actors.extend(_regional_actors(data))
    return actors


def _bundled_actors() -> list[Actor]:
    with resources.as_file(resources.files("reader.extract").joinpath("actors.json")) as path:
        return _read(path)


def merge(base: list[Actor], extra: list[Actor]) -> list[Actor]:
    """``base`` with ``extra`` added; an extra actor replaces a base actor of the same name."""
    merged = {actor.name: actor for actor in base}
    for actor in extra:
        merged[actor.name] = actor
    return list(merged.values())


def load_catalogue(path: Path | None = None) -> Catalogue:
    """The bundled catalogue merged with ``path`` (default: the user's file, if it exists)."""
    user_file = path if path is not None else user_actor_file()
    actors = _bundled_actors()
    if user_file.is_file():
        actors = merge(actors, _read(user_file))
    elif path is not None:
        raise ReaderError(f"no actor catalogue at {path}")
    return Catalogue(actors)


@functools.cache
def default_catalogue() -> Catalogue:
    """The catalogue used when none is given: loaded once per process."""
    return load_catalogue()
