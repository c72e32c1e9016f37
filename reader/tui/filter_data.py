"""What the filter window (``f``) lists: tags and actors, read from the database as the user types.

Nothing here loads every actor. The window opens with every tag and the
:data:`FIRST_PAGE` most-mentioned actors (``actor.articles``, kept by the writer, read through
its index); typed text is looked up in the database, in worker threads only:

1. the actors the catalogue says it means (``Jokowi`` → Joko Widodo, ``Giban`` → Gibran
   Rakabuming Raka), as ``actor:`` in a search;
2. actors with a word of their name starting with it (``subianto``, ``anies bas``), the
   most-mentioned first, found among all of them;
3. rapidfuzz's closest tags and of the :data:`FUZZY_POOL` most-mentioned actors, so a typo
   (``prabow subianto``, ``bawslu``) still finds a well-known one.
"""

from __future__ import annotations

from dataclasses import dataclass

from reader.search import fts
from reader.store.database import Database
from reader.store.review import all_tags
from reader.text.tokenize import tokens
from reader.tui.data import Choice

FIRST_PAGE = 100  # actors listed before anything is typed
FUZZY_POOL = 2_000  # most-mentioned actors a typo is matched against
MAX_MATCHES = 30
MIN_SCORE = 55

Actors = list[tuple[str, str]]  # (name, type)


@dataclass(frozen=True, slots=True)
class FilterLists:
    """What the window opens with: every tag, the first actors and how many there are."""

    tags: list[str]
    actors: Actors  # the most-mentioned first
    pool: Actors  # the actors a typo is matched against
    actor_count: int


def filter_lists(db: Database) -> FilterLists:
    top = most_mentioned(db, max(FIRST_PAGE, FUZZY_POOL))
    count = int(db.execute("SELECT count(*) FROM actor").fetchone()[0])
    return FilterLists([name for name, _n in all_tags(db)], top[:FIRST_PAGE], top, count)


def most_mentioned(db: Database, limit: int) -> Actors:
    rows = db.execute(
        "SELECT name, type FROM actor INDEXED BY actor_articles ORDER BY articles DESC, name LIMIT ?",
        [limit],
    ).fetchall()
    return [(str(name), str(kind)) for name, kind in rows]


def named_actors(db: Database, typed: str) -> Actors:
    """The stored actors the database's catalogue says ``typed`` means (an alias or a typo of one)."""
    from reader.extract.resolve import typed_names
    from reader.store.catalogue import catalogue_of

    hits = typed_names(catalogue_of(db)).resolve(typed, rules="exact typo")
    names = list(dict.fromkeys(hit.identity for hit in hits))
    if not names:
        return []
    marks = ", ".join("?" * len(names))
    rows = dict(db.execute(f"SELECT name, type FROM actor WHERE name IN ({marks})", names).fetchall())
    return [(name, str(rows[name])) for name in names if name in rows][:MAX_MATCHES]


def actors_with_word(db: Database, typed: str, limit: int = MAX_MATCHES) -> Actors:
    """Actors whose name has every typed word, the last one as the start of a word
    (``anies bas``: Anies Baswedan), most-mentioned first; read from the name index."""
    words = tokens(typed)
    if not words:
        return []
    match = " AND ".join([*map(fts.quote, words[:-1]), fts.quote(words[-1]) + " *"])
    rows = db.execute(
        "SELECT a.name, a.type FROM actor_name_fts f JOIN actor a ON a.id = f.rowid "
        "WHERE actor_name_fts MATCH ? ORDER BY a.articles DESC, a.name LIMIT ?",
        [match, limit],
    ).fetchall()
    return [(str(name), str(kind)) for name, kind in rows]


def closest(typed: str, tags: list[str], actors: Actors) -> list[Choice]:
    """rapidfuzz's best matches among ``tags`` and ``actors`` (typos, words out of order)."""
    from rapidfuzz import fuzz, process, utils

    pool = {f"tag\0{t}": t for t in tags} | {f"actor\0{name}": name for name, _ in actors}
    found = process.extract(
        typed, pool, scorer=fuzz.WRatio, processor=utils.default_process, limit=MAX_MATCHES,
        score_cutoff=MIN_SCORE,
    )  # fmt: skip
    return [Choice(*key.split("\0", 1)) for _name, _score, key in found]


def find_choices(db: Database, typed: str, lists: FilterLists) -> tuple[list[Choice], dict[str, str]]:
    """Tags and actors for ``typed`` (see the module), with the type of every actor listed."""
    if not typed.strip():
        return initial_choices(lists), dict(lists.actors)
    named = named_actors(db, typed)
    worded = actors_with_word(db, typed)
    types = dict(lists.pool) | dict(worded) | dict(named)
    found = [Choice("actor", name) for name, _ in [*named, *worded]]
    found += closest(typed, lists.tags, lists.pool)
    return list(dict.fromkeys(found)), types


def initial_choices(lists: FilterLists) -> list[Choice]:
    return [Choice("tag", t) for t in lists.tags] + [Choice("actor", name) for name, _ in lists.actors]
