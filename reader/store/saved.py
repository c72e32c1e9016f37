"""Saved searches: a query under a name, with review progress and what is new since last opened.

"New" means matching articles imported after the search was last opened (article
ids only grow), counted against the highest article id stored at that moment.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from reader.errors import ReaderError
from reader.search.models import SearchRequest
from reader.search.select import count_matching
from reader.store.articles import newest_article_id
from reader.store.database import Database
from reader.store.retry import retrying
from reader.store.writes import now_iso, write_transaction

MAX_NAME_LENGTH = 80


@dataclass(frozen=True, slots=True)
class SavedSearch:
    name: str
    query: str
    created_at: str
    last_opened_at: str | None
    seen_max_id: int


@dataclass(frozen=True, slots=True)
class Progress:
    saved: SavedSearch
    total: int
    reviewed: int
    new: int
    error: str | None = None  # the query no longer runs (the counts are then 0)

    def text(self) -> str:
        """``412 of 1,930 reviewed, 37 new since you last opened it``."""
        if self.error:
            return f"cannot run: {self.error}"
        since = "you last opened it" if self.saved.last_opened_at else "you saved it"
        return f"{self.reviewed:,} of {self.total:,} reviewed, {self.new:,} new since {since}"


def normalise_name(name: str) -> str:
    clean = " ".join(name.split())
    if not clean:
        raise ReaderError("a saved search needs a name")
    if len(clean) > MAX_NAME_LENGTH:
        raise ReaderError(f"a saved search name can be at most {MAX_NAME_LENGTH} characters")
    return clean


@retrying
def save_search(db: Database, name: str, query: str, replace: bool = False) -> SavedSearch:
    """Store ``query`` as ``name``; an existing name is an error unless ``replace``."""
    name = normalise_name(name)
    with write_transaction(db):
        exists = db.execute("SELECT 1 FROM saved_search WHERE lower(name) = lower(?)", [name]).fetchone()
        if exists and not replace:
            raise ReaderError(f"there is already a saved search named '{name}'")
        db.execute("DELETE FROM saved_search WHERE lower(name) = lower(?)", [name])
        db.execute(
            "INSERT INTO saved_search(name, query, created_at, seen_max_id) VALUES (?, ?, ?, ?)",
            [name, query.strip(), now_iso(), newest_article_id(db)],
        )
    found = get_saved(db, name)
    assert found is not None
    return found


def _from_row(row: tuple[Any, ...]) -> SavedSearch:
    name, query, created, opened, seen = row
    last_opened = None if opened is None else str(opened)
    return SavedSearch(str(name), str(query), str(created), last_opened, int(seen))


_FIELDS = "name, query, created_at, last_opened_at, seen_max_id"


def get_saved(db: Database, name: str) -> SavedSearch | None:
    row = db.execute(
        f"SELECT {_FIELDS} FROM saved_search WHERE lower(name) = lower(?)", [name.strip()]
    ).fetchone()
    return _from_row(row) if row else None


def list_saved(db: Database) -> list[SavedSearch]:
    rows = db.execute(f"SELECT {_FIELDS} FROM saved_search ORDER BY lower(name)").fetchall()
    return [_from_row(row) for row in rows]


@retrying
def rename_saved(db: Database, old: str, new: str) -> SavedSearch:
    """Give the saved search ``old`` the name ``new`` (its query and progress stay)."""
    name = normalise_name(new)
    with write_transaction(db):
        if get_saved(db, old) is None:
            raise ReaderError(f"no saved search named '{old.strip()}'")
        taken = db.execute("SELECT name FROM saved_search WHERE lower(name) = lower(?)", [name]).fetchone()
        if taken and str(taken[0]).casefold() != old.strip().casefold():
            raise ReaderError(f"there is already a saved search named '{taken[0]}'")
        db.execute("UPDATE saved_search SET name = ? WHERE lower(name) = lower(?)", [name, old.strip()])
    found = get_saved(db, name)
    assert found is not None
    return found


@retrying
def remove_saved(db: Database, name: str) -> bool:
    with write_transaction(db):
        deleted = db.execute("DELETE FROM saved_search WHERE lower(name) = lower(?)", [name.strip()])
        return deleted.rowcount > 0


def progress(db: Database, saved: SavedSearch) -> Progress:
    """Live counts for ``saved``: matches, reviewed matches, matches newer than its last opening."""
    try:
        counts = count_matching(db, SearchRequest(query=saved.query), since_id=saved.seen_max_id)
    except ReaderError as error:
        return Progress(saved, 0, 0, 0, error=str(error))
    return Progress(saved, counts.total, counts.reviewed, counts.newer)


@retrying
def mark_opened(db: Database, name: str) -> SavedSearch | None:
    """Record that the user opened ``name`` now: what is new is counted from here on."""
    with write_transaction(db):
        db.execute(
            "UPDATE saved_search SET last_opened_at = ?, seen_max_id = ? WHERE lower(name) = lower(?)",
            [now_iso(), newest_article_id(db), name.strip()],
        )
    return get_saved(db, name)
