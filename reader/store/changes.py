"""What other analysts changed: review marks and tags committed since a given point.

Every review, tag, bulk tag and undo writes a ``review_log`` row in the same
transaction as the change, so the log's highest id is a cheap, store-independent
change counter (one primary-key look-up): an open app reads it when the store says
something may have changed (:func:`change_signal`) and re-reads only the articles
whose lines are new. How the store says so is the backend's business; what changed is
read here, the same way on both.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import Protocol

from reader.store.backend import backend_of
from reader.store.database import Database
from reader.store.review import tags_of

MAX_CHANGED = 500  # articles re-read per poll; beyond that the app searches again


@dataclass(frozen=True, slots=True)
class ArticleState:
    reviewed: bool
    tags: tuple[str, ...]
    reviewed_by: str | None = None
    reviewed_at: str | None = None


@dataclass(frozen=True, slots=True)
class Changes:
    last: int  # the log's highest id now: ask again from here
    states: dict[int, ArticleState]  # article id -> its state now
    overflow: bool = False  # more articles changed than were read


class ChangeSignal(Protocol):
    def wait(self, timeout: float, stop: threading.Event) -> bool:
        """Block up to ``timeout`` seconds, less once ``stop`` is set; True when another
        connection may have committed a change since the last True (or since the start)."""
        ...


def change_signal(db: Database) -> ChangeSignal:
    """What tells a watcher that the store may have changed, on ``db``: a connection of its
    own, used by one thread and for nothing else (PostgreSQL: LISTEN/NOTIFY; SQLite: a poll
    of ``PRAGMA data_version``, four times a second)."""
    return backend_of(db).change_signal(db)


def last_change(db: Database) -> int:
    return int(db.execute("SELECT coalesce(max(id), 0) FROM review_log").fetchone()[0])


def changes_after(db: Database, after: int) -> Changes:
    """The current state of every article with a log line after ``after``."""
    last = last_change(db)
    if last <= after:
        return Changes(last, {})
    rows = db.execute(
        "SELECT DISTINCT article_id FROM review_log WHERE id > ? AND id <= ? LIMIT ?",
        [after, last, MAX_CHANGED + 1],
    ).fetchall()
    ids = [int(row[0]) for row in rows[:MAX_CHANGED]]
    return Changes(last, states_of(db, ids), overflow=len(rows) > MAX_CHANGED)


def states_of(db: Database, article_ids: list[int]) -> dict[int, ArticleState]:
    if not article_ids:
        return {}
    marks = ", ".join("?" * len(article_ids))
    reviewed = {
        int(row[0]): (row[1], row[2])
        for row in db.execute(
            f"SELECT article_id, reviewed_by, reviewed_at FROM review WHERE reviewed = 1 "
            f"AND article_id IN ({marks})",
            article_ids,
        )
    }
    tags = tags_of(db, article_ids)
    return {
        i: ArticleState(i in reviewed, tuple(tags.get(i, ())), *reviewed.get(i, (None, None)))
        for i in article_ids
    }
