"""Identities at import: every actor name and speaker name led to one ``actor`` row.

An identity is an actor: a catalogue actor, or a person the articles name. ``speaker``
holds each name a quote was attributed to, as written, with the identity it belongs to
(``actor_id``). A new speaker name is given one by the resolver's rules in fold mode
(:func:`reader.extract.resolve.resolve`): a catalogue alias (``Awiek`` → Achmad Baidowi),
the one fuller name holding its words (``Muzani`` → Ahmad Muzani), or an unambiguous
typo (``Arshad`` → Arsjad Rasjid); otherwise it is an identity of its own. Names an
analyst merged or split (``decided``) keep their identity in every later import, and
mentions of a merged name are counted for the identity it joined.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable

from reader.extract.actors import Catalogue
from reader.extract.resolve import NameIndex, name_words, resolve, typed_names
from reader.store.backend import backend_of
from reader.store.catalogue import catalogue_of
from reader.store.database import Database
from reader.store.new_actors import NewActors


def load_index(db: Database) -> NameIndex[int]:
    """Every stored speaker name with its identity."""
    index: NameIndex[int] = NameIndex()
    for name, actor_id in db.execute("SELECT name, actor_id FROM speaker WHERE actor_id IS NOT NULL"):
        index.add(name, int(actor_id))
    return index


def _own_short_names(db: Database) -> set[str]:
    """One-word speaker names that are automatic identities of their own (not an
    analyst's decision, not catalogued): the ones a fuller name may still absorb."""
    rows = db.execute(
        "SELECT s.name FROM speaker s JOIN actor a ON a.id = s.actor_id "
        "WHERE s.decided = 0 AND a.discovered = 1 AND a.name = s.name AND s.name NOT LIKE '% %'"
    )
    return {row[0] for row in rows if len(name_words(row[0])) == 1}


class ActorIds:
    """Actor name -> row id, creating rows on first sight, and each new speaker name's
    identity; both cached for one import."""

    def __init__(self, db: Database, catalogue: Catalogue | None = None) -> None:
        self.db = db
        self.catalogue = catalogue
        self._ids: dict[str, int] = {}
        self._index: NameIndex[int] | None = None
        self._own_short: set[str] = set()
        self._grown: set[int] = set()  # identities that gained names or variant quotes
        self._variants: set[str] = set()  # speaker names folded into another identity
        self._any_corrections: bool | None = None
        # Called before an identity absorbs another: a writer holding rows not written yet
        # (mentions to move) writes them first.
        self.before_absorb: Callable[[], None] | None = None
        self._held: dict[str, int] | None = None  # new speaker rows a batch writes later
        self._new: NewActors | None = None  # new actor rows a batch writes later

    @property
    def any_corrections(self) -> bool:
        """Whether the analysts corrected any quote at all (asked once per batch: usually not,
        and then no article of the batch needs its corrections looked up)."""
        if self._any_corrections is None:
            row = self.db.execute("SELECT EXISTS (SELECT 1 FROM quote_correction)").fetchone()
            self._any_corrections = bool(row[0])
        return self._any_corrections

    @property
    def index(self) -> NameIndex[int]:
        if self._index is None:
            self._index = load_index(self.db)
            self._own_short = _own_short_names(self.db)
            self._variants = {row[0] for row in self.db.execute(
                "SELECT s.name FROM speaker s JOIN actor a ON a.id = s.actor_id WHERE a.name != s.name"
            )}  # fmt: skip
        return self._index

    def get(self, name: str, actor_type: str, discovered: bool) -> int:
        """The identity of actor ``name`` (the one it was merged into, if it was)."""
        actor_id = self._ids.get(name)
        if actor_id is None:
            actor_id = self.index.identity_of(name)
        if actor_id is None and self._new is not None:
            actor_id = self._new.id_of(name, actor_type, discovered)  # a new row waits for the batch
        if actor_id is None:
            backend_of(self.db).lock_actor_names(self.db)
            row = self.db.execute(
                "INSERT INTO actor(name, type, discovered) VALUES (?, ?, ?) ON CONFLICT(name) DO NOTHING "
                "RETURNING id",
                [name, actor_type, int(discovered)],
            ).fetchone()
            if row is None:  # stored already (by another importer, or merged away and back)
                row = self.db.execute("SELECT id FROM actor WHERE name = ?", [name]).fetchone()
            actor_id = int(row[0])
        self._ids[name] = actor_id
        return actor_id

    def look_up(self, names: Iterable[str]) -> None:
        """Read at once which of ``names`` are stored actors, while rows are held (a batch
        writer passes every name its articles mention or quote): a new name then costs
        no statement of its own."""
        if self._new is not None:
            index = self.index
            unknown = (name for name in names if name not in self._ids and index.identity_of(name) is None)
            self._ids.update(self._new.look_up(unknown))

    def note_speakers(self, names: Iterable[str | None]) -> None:
        """Store the speaker names not stored yet, each with its identity (fuller names
        first, so that a short form in the same article can fold into them)."""
        index = self.index
        given = {name for name in names if name is not None}
        new = {name for name in given if index.identity_of(name) is None}
        for name in (given - new) & self._variants:
            self._grown.add(index.identity_of(name))  # type: ignore[arg-type]
        for name in sorted(new, key=lambda n: (-len(name_words(n)), n)):
            target = self._fold(name)
            actor_id = target if target is not None else self.get(name, _kind(name), discovered=True)
            if self._held is not None:
                self._held[name] = actor_id
            else:
                self.db.execute(
                    f"INSERT INTO speaker(name, actor_id) VALUES (?, ?) {_SPEAKER_UPSERT}", [name, actor_id]
                )
            index.add(name, actor_id)
            if target is not None:
                self._grown.add(target)
                self._variants.add(name)
                self._absorb_namesake(name, target)
            elif len(name_words(name)) > 1:
                self._refold_short_names(name, actor_id)
            elif name_words(name) and self._ids.get(name) == actor_id:
                self._own_short.add(name)

    def hold(self, held: bool) -> None:
        """While held, new actor and speaker rows wait for :meth:`write_held` (a batch
        writer's), in the order they came; they are written before anything reads or moves
        them here. Rows still held when holding ends are dropped: the batch that held them
        failed (its transaction is rolled back)."""
        self._held = {} if held else None
        self._new = NewActors(self.db) if held else None

    def write_held(self) -> None:
        if self._new is not None:
            self._new.write()
        if self._held:
            rows, self._held = list(self._held.items()), {}
            backend_of(self.db).insert_rows(self.db, "speaker", ("name", "actor_id"), rows, _SPEAKER_UPSERT)

    def _fold(self, name: str) -> int | None:
        if self.catalogue is None:
            self.catalogue = catalogue_of(self.db)
        catalogue = self.catalogue
        canonical = catalogue.resolve(name)
        if canonical is not None:
            actor = catalogue.get(canonical)
            return self.get(canonical, actor.type if actor else "person", discovered=False)
        hits = resolve(name, self.index, fold=True)
        if hits:
            return hits[0].identity
        aliases = typed_names(catalogue).index  # `Arshad`: a typo of the alias `Arsjad`
        typo = resolve(name, aliases, fold=True, rules="typo", one_word_typos=True)
        if typo:
            actor = catalogue.get(typo[0].identity)
            return self.get(typo[0].identity, actor.type if actor else "person", discovered=False)
        return None

    def _absorb_namesake(self, name: str, target: int) -> None:
        """A discovered actor spelled like a name just folded into ``target`` joins it."""
        if self._new is not None and self._new.holds(name):
            self._write_everything()  # the row is read below
        row = self.db.execute("SELECT id FROM actor WHERE name = ? AND discovered = 1", [name]).fetchone()
        if row is not None and int(row[0]) != target:
            self.absorb(int(row[0]), target)
        self._ids[name] = target

    def _refold_short_names(self, name: str, actor_id: int) -> None:
        """One-word names that were identities of their own (``Muzani``) join the first
        fuller name holding them (``Ahmad Muzani``), if it is the only one."""
        for word in set(name_words(name)):
            for hit in self.index.exact((word,)):
                if hit.identity == actor_id or hit.name not in self._own_short:
                    continue
                self.index.remove(hit.name)
                found = resolve(hit.name, self.index, fold=True)
                if found and found[0].identity == actor_id:
                    self._own_short.discard(hit.name)
                    self.absorb(hit.identity, actor_id)
                    self._grown.add(actor_id)
                else:
                    self.index.add(hit.name, hit.identity)
                    if not found:  # held by two people already: it stays apart from now on
                        self._own_short.discard(hit.name)

    def end_batch(self) -> None:
        """Name each discovered identity that gained names by its most quoted spelling
        (``Lolly Suhenty``, not the ``Lolly Suhentty`` seen first), never by a shorter one;
        catalogue names and identities an analyst edited keep theirs."""
        self._any_corrections = None
        self.write_held()
        for actor_id in sorted(self._grown):
            rows = self.db.execute(
                "SELECT a.name, a.discovered, s.name, s.decided, (SELECT count(*) FROM quote q "
                f"{backend_of(self.db).index_hint('quote_speaker')} WHERE q.speaker = s.name) FROM speaker s "
                "JOIN actor a ON a.id = s.actor_id WHERE s.actor_id = ?",
                [actor_id],
            ).fetchall()
            if not rows or not rows[0][1] or any(row[3] for row in rows):
                continue
            own = rows[0][0]
            quoted = {row[2]: row[4] for row in rows}
            best = max(quoted, key=lambda n: (quoted[n], len(name_words(n)), n == own))
            if quoted[best] > quoted.get(own, 0) and len(name_words(best)) >= len(name_words(own)):
                self.db.execute(
                    "UPDATE actor SET name = ? WHERE id = ? AND NOT EXISTS "
                    "(SELECT 1 FROM actor WHERE name = ?)",
                    [best, actor_id, best],
                )
        self._grown.clear()

    def _write_everything(self) -> None:
        """Write the rows held here and the batch writer's (which refer to them)."""
        if self.before_absorb is not None:
            self.before_absorb()
        self.write_held()

    def absorb(self, source: int, target: int) -> None:
        """Identity ``source`` joins ``target``: its names, mentions and quotes."""
        self._write_everything()
        row = self.db.execute("SELECT name FROM actor WHERE id = ?", [source]).fetchone()
        absorb(self.db, source, target)
        names = self.index.names_of(source)
        for name in names:
            self.index.add(name, target)
        self._variants.update(names)
        for name in [*names, *(row or ())]:
            if self._ids.get(name) == source:
                self._ids[name] = target


def absorb(db: Database, source: int, target: int) -> None:
    """Move actor ``source``'s speaker names and mentions to ``target`` and delete it."""
    overlapping = db.execute(
        "SELECT s.article_id, s.offsets, t.offsets FROM mention s JOIN mention t "
        "ON t.article_id = s.article_id AND t.actor_id = ? WHERE s.actor_id = ?",
        [target, source],
    ).fetchall()
    for article_id, theirs, ours in overlapping:
        spans = sorted({tuple(span) for span in json.loads(theirs) + json.loads(ours)})
        db.execute(
            "UPDATE mention SET count = ?, offsets = ? WHERE article_id = ? AND actor_id = ?",
            [len(spans), json.dumps([list(s) for s in spans]), article_id, target],
        )
    db.execute("DELETE FROM mention WHERE actor_id = ? AND article_id IN "
               "(SELECT article_id FROM mention WHERE actor_id = ?)", [source, target])  # fmt: skip
    db.execute("UPDATE mention SET actor_id = ? WHERE actor_id = ?", [target, source])
    db.execute("UPDATE speaker SET actor_id = ? WHERE actor_id = ?", [target, source])
    db.execute("DELETE FROM actor WHERE id = ?", [source])


_SPEAKER_UPSERT = "ON CONFLICT(name) DO UPDATE SET actor_id = excluded.actor_id"


def _kind(name: str) -> str:
    return "organisation" if name.isupper() and len(name) <= 8 else "person"


def assign_stored(db: Database) -> None:
    """Give every stored speaker name without one an identity (a database from before
    identities, which has no catalogue of its own yet: the bundled one), fuller names first."""
    names = [row[0] for row in db.execute("SELECT name FROM speaker WHERE actor_id IS NULL")]
    if names:
        from reader.extract.actors import default_catalogue

        actors = ActorIds(db, default_catalogue())
        actors.note_speakers(names)
        actors.end_batch()
