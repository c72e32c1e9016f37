"""Catalogue files: reading (and checking) the JSON shape of ``actors.json``, and writing it.

A file is an object with an ``actors`` list (a bare list is accepted too) and, optionally,
``regions`` and ``regional_bodies``, which expand to one actor per body and region
(``KPU Jawa Barat``, aliases ``KPU Jabar`` and ``KPU Provinsi Jawa Barat``). Every
problem is one :class:`~reader.errors.UsageError` line naming the file and the entry.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from reader.errors import UsageError
from reader.extract.actors import ACTOR_TYPES, Actor

LISTS = ("aliases", "case_sensitive", "members")


def read_catalogue_file(path: Path) -> list[Actor]:
    """The actors ``path`` describes; :class:`UsageError` when it is not a usable catalogue."""
    try:
        text = path.read_text("utf-8")
    except (OSError, UnicodeDecodeError) as error:
        reason = error.strerror if isinstance(error, OSError) and error.strerror else error
        raise UsageError(f"cannot read the actor catalogue {path}: {reason}") from error
    return parse_catalogue(text, str(path))


def parse_catalogue(text: str, origin: str) -> list[Actor]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise UsageError(f"{origin} is not a JSON actor catalogue: {error}") from error
    if isinstance(data, list):
        data = {"actors": data}
    if not isinstance(data, dict) or not isinstance(data.get("actors", []), list):
        raise UsageError(f"{origin}: expected an object with an 'actors' list")
    actors = [_actor(entry, f"{origin}: actor {n}") for n, entry in enumerate(data.get("actors", []), 1)]
    actors.extend(_regional_actors(data, origin))
    if not actors:
        raise UsageError(f"{origin}: the catalogue has no actors")
    seen: set[str] = set()
    for actor in actors:
        if actor.name in seen:
            raise UsageError(f"{origin}: the actor {actor.name!r} appears twice")
        seen.add(actor.name)
    return actors


def _strings(value: Any, where: str, key: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise UsageError(f"{where}: '{key}' must be a list of strings")
    return tuple(item.strip() for item in value if item.strip())


def _actor(entry: Any, where: str) -> Actor:
    if not isinstance(entry, dict):
        raise UsageError(f"{where}: expected an object with a 'name'")
    name = entry.get("name")
    if not isinstance(name, str) or not name.strip():
        raise UsageError(f"{where}: every actor needs a non-empty 'name'")
    where = f"{where} ({name.strip()})"
    kind = entry.get("type", "person")
    if kind not in ACTOR_TYPES:
        raise UsageError(f"{where}: 'type' must be one of {', '.join(ACTOR_TYPES)}")
    lists = {key: _strings(entry.get(key, []), where, key) for key in LISTS}
    return Actor(
        name=" ".join(name.split()),
        type=kind,
        aliases=lists["aliases"],
        case_sensitive=frozenset(lists["case_sensitive"]),
        members=lists["members"],
    )


def _regional_actors(data: dict[str, Any], origin: str) -> Iterable[Actor]:
    bodies = _strings(data.get("regional_bodies", []), origin, "regional_bodies")
    regions = data.get("regions", [])
    if not isinstance(regions, list):
        raise UsageError(f"{origin}: 'regions' must be a list")
    parsed = []
    for n, region in enumerate(regions, 1):
        if not isinstance(region, dict) or not isinstance(region.get("name"), str):
            raise UsageError(f"{origin}: region {n} needs a 'name'")
        parsed.append((region["name"], _strings(region.get("aliases", []), origin, "aliases")))
    for body in bodies:
        for region_name, region_aliases in parsed:
            names = [f"{body} {n}" for n in (region_name, *region_aliases)]
            names.append(f"{body} Provinsi {region_name}")
            yield Actor(
                name=names[0], type="organisation", aliases=tuple(names[1:]), case_sensitive=frozenset(names)
            )


def catalogue_json(actors: Iterable[Actor]) -> str:
    """``actors`` as a catalogue file that :func:`parse_catalogue` reads back unchanged."""
    entries = []
    for actor in actors:
        entry: dict[str, Any] = {"name": actor.name, "type": actor.type, "aliases": list(actor.aliases)}
        if actor.case_sensitive:
            entry["case_sensitive"] = sorted(actor.case_sensitive)
        if actor.members:
            entry["members"] = list(actor.members)
        entries.append(entry)
    return json.dumps({"actors": entries}, ensure_ascii=False, indent=2) + "\n"
