"""The actor catalogue: canonical names, types and aliases of people and bodies.

A database keeps the catalogue its imports and searches use (:mod:`reader.store.catalogue`),
seeded with the bundled ``actors.json``; files in that format are read by
:mod:`reader.extract.catalogue_file`.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

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

    def __reduce__(self) -> tuple[type[Catalogue], tuple[list[Actor]]]:
        # Sent to import workers as its actors: each side builds its own caches.
        return (Catalogue, (self.actors,))


def bundled_actors() -> list[Actor]:
    """The catalogue shipped with reader (``reader/extract/actors.json``)."""
    from reader.extract.catalogue_file import read_catalogue_file

    return read_catalogue_file(Path(__file__).with_name("actors.json"))


def merge(base: list[Actor], extra: list[Actor]) -> list[Actor]:
    """``base`` with ``extra`` added; an extra actor replaces a base actor of the same name."""
    merged = {actor.name: actor for actor in base}
    for actor in extra:
        merged[actor.name] = actor
    return list(merged.values())


def load_catalogue(path: Path | None = None) -> Catalogue:
    """The bundled catalogue, merged with the catalogue file ``path`` when one is given."""
    actors = bundled_actors()
    if path is not None:
        from reader.extract.catalogue_file import read_catalogue_file

        actors = merge(actors, read_catalogue_file(path))
    return Catalogue(actors)


@functools.cache
def default_catalogue() -> Catalogue:
    """The bundled catalogue, for extraction outside a database (a database keeps its own:
    :func:`reader.store.catalogue.catalogue_of`)."""
    return load_catalogue()
