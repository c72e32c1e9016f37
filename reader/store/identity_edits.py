"""An analyst's word on identities: merge two into one, or split a name off as its own.

Both are stored as ``decided`` speaker names pointing at their identity, so later
imports keep them: a merged name (and its mentions) lands on the identity it joined,
a split name on its own. A merge moves names, quotes and mentions; a split moves the
name and its quotes (mentions already counted for the identity stay with it).
"""

from __future__ import annotations

from dataclasses import dataclass

from reader.errors import UsageError
from reader.store.backend import backend_of
from reader.store.database import Database
from reader.store.identities import absorb
from reader.store.retry import retrying
from reader.store.speakers import resolve_actor, resolve_speaker
from reader.store.writes import write_transaction


@dataclass(frozen=True, slots=True)
class Identity:
    id: int
    name: str
    type: str


def find_identity(db: Database, typed: str) -> Identity:
    """The one identity ``typed`` names (its own name first); a one-line error otherwise."""
    row = db.execute("SELECT id, name, type FROM actor WHERE lower(name) = lower(?)", [typed]).fetchone()
    if row is None:
        resolved = resolve_speaker(db, typed)
        if not resolved.ids:
            resolved = resolve_actor(db, typed)
        if len(resolved.ids) > 1:
            raise UsageError(f"'{typed}' could be {resolved.target(5)}; give the full name")
        if resolved.ids:
            row = db.execute("SELECT id, name, type FROM actor WHERE id = ?", [resolved.ids[0]]).fetchone()
    if row is None:
        raise UsageError(f"no speaker or actor named '{typed}'")
    return Identity(int(row[0]), str(row[1]), str(row[2]))


@retrying
def merge_identities(db: Database, keep: str, join: str) -> tuple[Identity, Identity]:
    """Identity ``join`` (its names, quotes and mentions) becomes part of ``keep``."""
    with write_transaction(db):
        target, source = find_identity(db, keep), find_identity(db, join)
        if target.id == source.id:
            raise UsageError(f"'{keep}' and '{join}' are already one identity ({target.name})")
        db.execute(
            "INSERT INTO speaker(name, actor_id) VALUES (?, ?) ON CONFLICT(name) DO NOTHING",
            [source.name, source.id],
        )
        db.execute("UPDATE speaker SET decided = 1 WHERE actor_id = ?", [source.id])
        absorb(db, source.id, target.id)
    return target, source


@retrying
def split_identity(db: Database, identity: str, variant: str) -> tuple[Identity, Identity]:
    """Name ``variant`` of ``identity`` becomes an identity of its own, with its quotes."""
    with write_transaction(db):
        whole = find_identity(db, identity)
        row = db.execute(
            "SELECT name FROM speaker WHERE actor_id = ? AND lower(name) = lower(?)", [whole.id, variant]
        ).fetchone()
        if row is None:
            names = [r[0] for r in db.execute(
                "SELECT name FROM speaker WHERE actor_id = ? AND name != ? ORDER BY name",
                [whole.id, whole.name],
            )]  # fmt: skip
            known = f"; its names are {', '.join(names)}" if names else "; it has no other names"
            raise UsageError(f"'{variant}' is not a name of {whole.name}{known}")
        name = str(row[0])
        if name == whole.name:
            raise UsageError(f"'{name}' is {whole.name}'s own name; split off one of its other names")
        backend_of(db).lock_actor_names(db)  # an import may be creating actor names meanwhile
        db.execute(
            "INSERT INTO actor(name, type, discovered) VALUES (?, ?, 1) ON CONFLICT(name) DO NOTHING",
            [name, whole.type],
        )
        new_id = int(db.execute("SELECT id FROM actor WHERE name = ?", [name]).fetchone()[0])
        db.execute("UPDATE speaker SET actor_id = ?, decided = 1 WHERE name = ?", [new_id, name])
    return whole, Identity(new_id, name, whole.type)
