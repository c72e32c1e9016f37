"""The actor catalogue a database keeps: what every import extracts with and every search,
``reader actors``, ``reader speakers`` and the app resolve names with.

One row per actor in ``catalogue_actor`` (its aliases, case-sensitive aliases and members
as JSON lists), in catalogue order (``seq``: the first actor to claim an alias keeps it).
A new database is seeded with the bundled catalogue; ``reader actors load`` adds to it or
replaces it in one transaction, so every importer on every machine extracts the same way.
"""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from reader.extract.actors import Actor, Catalogue, bundled_actors
from reader.store.backend import backend_of

MAX_CACHED = 8  # catalogues kept built (with their compiled matchers) per process

_SELECT = "SELECT name, type, aliases, case_sensitive, members FROM catalogue_actor ORDER BY seq, name"
_cache: dict[tuple[tuple[Any, ...], ...], Catalogue] = {}
_lock = threading.Lock()


def catalogue_of(db: Any) -> Catalogue:
    """The database's catalogue. Built once per distinct content and process (a search reads
    the rows, about a hundred and fifty, and reuses the built catalogue while they are unchanged)."""
    rows = tuple(tuple(row) for row in db.execute(_SELECT).fetchall())
    with _lock:
        found = _cache.get(rows)
    if found is None:
        found = Catalogue([_actor(*row) for row in rows])
        with _lock:
            if len(_cache) >= MAX_CACHED:
                _cache.clear()
            _cache[rows] = found
    return found


def _actor(name: str, kind: str, aliases: str, case_sensitive: str, members: str) -> Actor:
    return Actor(
        name=name,
        type=kind,
        aliases=tuple(json.loads(aliases)),
        case_sensitive=frozenset(json.loads(case_sensitive)),
        members=tuple(json.loads(members)),
    )


@dataclass(frozen=True, slots=True)
class Loaded:
    """What a load changed: actors added, actors replaced (same name), the catalogue's size after."""

    added: int
    replaced: int
    removed: int
    total: int


def load_actors(db: Any, actors: list[Actor], *, replace: bool = False, by: str | None = None) -> Loaded:
    """Add ``actors`` to the catalogue (one of the same name is replaced in place), or with
    ``replace`` make them the whole catalogue; one transaction. Stored actors of those names
    take the catalogue's type and count as catalogue actors from now on."""
    with backend_of(db).write_transaction(db):
        stored = {row[0] for row in db.execute("SELECT name FROM catalogue_actor")}
        names = {actor.name for actor in actors}
        removed = len(stored - names) if replace else 0
        if replace:
            db.execute("DELETE FROM catalogue_actor")
        row = db.execute("SELECT coalesce(max(seq), 0) FROM catalogue_actor").fetchone()
        seq = int(row[0])
        at = datetime.now(UTC).isoformat(timespec="seconds")
        for actor in actors:
            seq += 1
            db.execute(
                "INSERT INTO catalogue_actor(name, type, aliases, case_sensitive, members, seq, "
                "loaded_at, loaded_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(name) DO UPDATE SET "
                "type = excluded.type, aliases = excluded.aliases, case_sensitive = excluded.case_sensitive, "
                "members = excluded.members, loaded_at = excluded.loaded_at, loaded_by = excluded.loaded_by",
                [actor.name, actor.type, _json(actor.aliases), _json(sorted(actor.case_sensitive)),
                 _json(actor.members), seq, at, by],
            )  # fmt: skip
            db.execute("UPDATE actor SET type = ?, discovered = 0 WHERE name = ?", [actor.type, actor.name])
        total = int(db.execute("SELECT count(*) FROM catalogue_actor").fetchone()[0])
    replaced = len(names & stored)
    return Loaded(added=len(names) - replaced, replaced=replaced, removed=removed, total=total)


def _json(items: Any) -> str:
    return json.dumps(list(items), ensure_ascii=False)


_COLUMNS = "name, type, aliases, case_sensitive, members, seq, loaded_at, loaded_by"


def copy_catalogue(source: Any, destination: Any) -> int:
    """Make ``destination``'s catalogue ``source``'s, row for row (``reader copy``: the
    destination starts with the bundled one); one transaction. Returns the rows copied."""
    rows = [tuple(row) for row in source.execute(f"SELECT {_COLUMNS} FROM catalogue_actor ORDER BY seq")]
    with backend_of(destination).write_transaction(destination):
        destination.execute("DELETE FROM catalogue_actor")
        destination.conn.executemany(
            f"INSERT INTO catalogue_actor({_COLUMNS}) VALUES ({', '.join('?' * 8)})", rows
        )
    return len(rows)


def seed_bundled(db: Any) -> None:
    """Fill an empty catalogue with the bundled one (a schema step; the caller's transaction)."""
    if db.execute("SELECT count(*) FROM catalogue_actor").fetchone()[0] == 0:
        load_actors(db, bundled_actors(), by="reader")
