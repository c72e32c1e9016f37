"""Which identities a typed name means in one database: ``speaker:`` and ``actor:`` in
search, ``reader quotes --speaker``, ``reader speakers`` and its merge and split.

The rules are the resolver's (:mod:`reader.extract.resolve`): an alias in the database's
catalogue (:mod:`reader.store.catalogue`) or a
stored name first, then fuller names holding the typed words, then typos. Speakers
are looked up among the stored speaker names (each pointing at its identity), actors
among every actor and speaker name. The name indexes are cached per database and
rebuilt when names or identities change.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass

from reader.extract.actors import Catalogue
from reader.extract.resolve import Hit, NameIndex, identities, name_words, resolve, typed_names
from reader.store.backend import backend_of
from reader.store.catalogue import catalogue_of
from reader.store.database import Database


@dataclass(frozen=True, slots=True)
class Resolved:
    """What a typed name means: identities (actor ids and names), by which rule, and
    the stored speaker names whose quotes are theirs."""

    typed: str
    ids: tuple[int, ...]
    names: tuple[str, ...]  # the identities' names (of ``ids``; or a catalogue actor not stored)
    rule: str | None  # "exact", "words", "typo"; None when nothing matched
    speaker_names: tuple[str, ...] = ()

    def target(self, shown: int = 3) -> str | None:
        """The identities as an expansion's target, when they are not just the typed name."""
        if not self.names or [n.casefold() for n in self.names] == [self.typed.casefold()]:
            return None
        more = ", …" if len(self.names) > shown else ""
        return ", ".join(self.names[:shown]) + more


def resolve_speaker(db: Database, typed: str, catalogue: Catalogue | None = None) -> Resolved:
    """The identities whose quotes ``typed`` asks for, with their written names.

    A one-word name that is an identity of its own (``Budi``: the importer could not tell
    which Budi) also means the fuller names holding it."""
    index = _index(db, "speaker")
    hits = _catalogue_hits(db, typed, catalogue) or resolve(typed, index)
    if not hits or hits[0].rule == "typo":
        # A misspelt catalogue name is that person (`Giban`), not every stored name that
        # holds the word the typo is closest to.
        hits = _catalogue_hits(db, typed, catalogue, rules="typo") or hits
    words = name_words(typed)
    if hits and hits[0].rule == "exact" and len(words) == 1 and _is_own_name(db, hits[0], typed):
        hits += index.holding(words)
    ids = identities(hits)
    return _resolved(db, typed, ids, hits[0].rule if hits else None)


def resolve_actor(db: Database, typed: str, catalogue: Catalogue | None = None) -> Resolved:
    """The identity (actor) ``typed`` names: the catalogue's alias or typo, else the
    database's actors by the same rules (the best-known one when several hold the words)."""
    catalogue = catalogue if catalogue is not None else catalogue_of(db)
    known = typed_names(catalogue).resolve(typed, rules="exact typo")
    hits = _catalogue_hits(db, typed, catalogue, rules="exact typo")
    if known and not hits:  # a catalogue actor no article names yet
        return Resolved(typed, (), (known[0].identity,), known[0].rule)
    if not hits:
        hits = resolve(typed, _index(db, "actor"))
    ids = identities(hits)
    if len(ids) > 1:
        ids = [_most_mentioned(db, ids)]
    return _resolved(db, typed, ids, hits[0].rule if hits else None)


def _catalogue_hits(
    db: Database, typed: str, catalogue: Catalogue | None, rules: str = "exact"
) -> list[Hit[int]]:
    """A catalogue alias (or typo of one) as the stored identity it belongs to."""
    found = typed_names(catalogue if catalogue is not None else catalogue_of(db)).resolve(typed, rules=rules)
    hits: list[Hit[int]] = []
    for hit in found[:1]:
        identity = identity_id(db, hit.identity)
        if identity is not None:
            hits.append(Hit(identity, hit.identity, hit.rule))
    return hits


def _is_own_name(db: Database, hit: Hit[int], typed: str) -> bool:
    """Whether the identity is named by just the typed word (`Budi`), not a catalogue
    person the word is an alias of (`Prabowo` is Prabowo Subianto, not every Prabowo)."""
    row = db.execute("SELECT name FROM actor WHERE id = ?", [hit.identity]).fetchone()
    return row is not None and row[0] == hit.name and name_words(row[0]) == name_words(typed)


def identity_id(db: Database, name: str) -> int | None:
    """The identity a stored name belongs to: a speaker name's, else the actor's own."""
    row = db.execute(
        "SELECT actor_id FROM speaker WHERE name = ? AND actor_id IS NOT NULL", [name]
    ).fetchone()
    if row is None:
        row = db.execute("SELECT id FROM actor WHERE name = ?", [name]).fetchone()
    return int(row[0]) if row else None


def _resolved(db: Database, typed: str, ids: list[int], rule: str | None) -> Resolved:
    if not ids:
        return Resolved(typed, (), (), None)
    marks = ", ".join("?" * len(ids))
    names = dict(db.execute(f"SELECT id, name FROM actor WHERE id IN ({marks})", ids).fetchall())
    spoken = db.execute(
        f"SELECT name FROM speaker WHERE actor_id IN ({marks}) ORDER BY name", ids
    ).fetchall()
    kept = [i for i in ids if i in names]
    return Resolved(typed, tuple(kept), tuple(names[i] for i in kept), rule, tuple(r[0] for r in spoken))


def _most_mentioned(db: Database, ids: list[int]) -> int:
    marks = ", ".join("?" * len(ids))
    row = db.execute(
        f"SELECT actor_id FROM mention WHERE actor_id IN ({marks}) GROUP BY actor_id "
        "ORDER BY count(*) DESC, actor_id LIMIT 1",
        ids,
    ).fetchone()
    return int(row[0]) if row else ids[0]


# -- cached name indexes --------------------------------------------------------------------

_cache: dict[tuple[str, str], tuple[tuple[object, ...], NameIndex[int]]] = {}
_lock = threading.Lock()

_STAMP = (
    "SELECT (SELECT count(*) FROM speaker), (SELECT max(id) FROM speaker), "
    "(SELECT count(*) FROM actor), (SELECT max(id) FROM actor), "
    "(SELECT coalesce(sum(actor_id), 0) FROM speaker WHERE decided = 1)"
)


def _index(db: Database, kind: str) -> NameIndex[int]:
    """Speaker names (``kind`` "speaker") or every actor and speaker name ("actor")."""
    key = (backend_of(db).database_key(db), kind)
    stamp = tuple(db.execute(_STAMP).fetchone())
    with _lock:
        cached = _cache.get(key)
    if cached is not None and cached[0] == stamp:
        return cached[1]
    index: NameIndex[int] = NameIndex()
    if kind == "actor":
        for name, actor_id in db.execute("SELECT name, id FROM actor"):
            index.add(name, int(actor_id))
    for name, actor_id in db.execute("SELECT name, actor_id FROM speaker WHERE actor_id IS NOT NULL"):
        index.add(name, int(actor_id))
    with _lock:
        _cache[key] = (stamp, index)
    return index
