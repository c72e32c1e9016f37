"""New actor rows of an import batch, written together at the end instead of one by one.

A batch of 500 articles names about a thousand people the store has never seen. Inserting
each at first sight is one statement apiece, a round trip each on PostgreSQL (a fifth of
an import's time there). Instead their ids are reserved ahead (:meth:`Backend.reserve_ids`),
the rows that refer to them (mentions, speakers) use those ids at once, and the actor rows
are written in one statement before anything that refers to them.

Reserved ids are final: no other session can create the same name meanwhile, because the
batch holds the right to create actor names (:meth:`Backend.lock_actor_names`: SQLite's
write transaction holds it already; on PostgreSQL a transaction-scoped advisory lock that
every creator of actor names takes). Whether a name is stored is read for the whole batch
at once (:meth:`look_up`), under that lock.
"""

from __future__ import annotations

from collections.abc import Iterable

from reader.errors import DatabaseError
from reader.store.backend import backend_of
from reader.store.database import Database

RESERVE_FIRST, RESERVE_MOST = 64, 1024  # ids reserved at a time: doubling from the first to the most
LOOK_UP_CHUNK = 500  # names per look-up statement


class NewActors:
    """The actor rows created while a batch writer holds them, with their reserved ids."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self.backend = backend_of(db)
        self.backend.lock_actor_names(db)
        self.rows: dict[str, tuple[int, str, str, int]] = {}  # name -> (id, name, type, discovered)
        self._absent: set[str] = set()  # names looked up and not stored
        self._free: list[int] = []  # reserved ids not used yet
        self._highest = 0  # the highest id reserved so far
        self._block = RESERVE_FIRST

    def look_up(self, names: Iterable[str]) -> dict[str, int]:
        """The ids of the stored names among ``names``; the others are remembered as new."""
        wanted = sorted(set(names) - self._absent)
        found: dict[str, int] = {}
        for start in range(0, len(wanted), LOOK_UP_CHUNK):
            chunk = wanted[start : start + LOOK_UP_CHUNK]
            marks = ", ".join("?" * len(chunk))
            rows = self.db.execute(f"SELECT name, id FROM actor WHERE name IN ({marks})", chunk).fetchall()
            found.update((str(name), int(actor_id)) for name, actor_id in rows)
        self._absent.update(name for name in wanted if name not in found)
        return found

    def id_of(self, name: str, actor_type: str, discovered: bool) -> int:
        """The id of actor ``name``: the stored row's, else a reserved one for a new row."""
        if name not in self._absent:
            row = self.db.execute("SELECT id FROM actor WHERE name = ?", [name]).fetchone()
            if row is not None:
                return int(row[0])
        self._absent.discard(name)  # from now on it is one of the rows below
        if not self._free:
            # A batch that needs many new ids asks for them in fewer, larger blocks; what a
            # block leaves unused is a gap in the ids (on PostgreSQL), never a reuse.
            reserved = self.backend.reserve_ids(self.db, "actor", self._block, above=self._highest)
            self._free = sorted(reserved, reverse=True)
            self._highest = max(self._highest, self._free[0])
            self._block = min(2 * self._block, RESERVE_MOST)
        actor_id = self._free.pop()
        self.rows[name] = (actor_id, name, actor_type, int(discovered))
        return actor_id

    def holds(self, name: str) -> bool:
        """Is ``name`` one of the rows not written yet?"""
        return name in self.rows

    def write(self) -> None:
        """Store the rows created so far (before any row that refers to them is written)."""
        rows, self.rows = list(self.rows.values()), {}
        if not rows:
            return
        columns = ("id", "name", "type", "discovered")
        tail = "ON CONFLICT(name) DO NOTHING RETURNING id"
        if len(self.backend.insert_rows(self.db, "actor", columns, rows, tail)) != len(rows):
            # The lock rules this out; rows must never point at an id no actor has.
            raise DatabaseError("another session created the actor names this import did; run it again")
