"""The undo history: the app's ``z`` reverses the most recent review or tag change of any kind.

Each undoable action is one ``undo_step`` naming its batch, written in the action's own
transaction: a reviewed mark or a tag on one article, review all (:func:`review_all`) and
tag all (:mod:`reader.store.bulk`). A review batch keeps every changed article's previous
mark (``review_before``), so undoing restores the mark and its time exactly.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlite_utils import Database

from reader.search.models import SearchRequest
from reader.store.retry import retrying
from reader.store.writes import now_iso, write_transaction


@dataclass(frozen=True, slots=True)
class Step:
    """One undoable action, in words: ``marked 12 of 40 articles reviewed``."""

    kind: str  # "bulk-tag", "tag" or "review"
    batch: str
    summary: str
    query: str = ""
    many: bool = False  # touched a whole search (the app asks before undoing it)


def record(db: Database, kind: str, batch: str) -> None:
    """Add a step to the history (inside the caller's transaction)."""
    db.execute("INSERT INTO undo_step(kind, batch) VALUES (?, ?)", [kind, batch])


def new_batch(prefix: str) -> str:
    return f"{prefix}-{uuid.uuid4().hex}"


def _previous(db: Database, ids: list[int], batch: str) -> None:
    db.conn.executemany(
        "INSERT INTO review_before(batch, article_id, reviewed, reviewed_at) "
        "SELECT ?, a.id, coalesce(r.reviewed, 0), r.reviewed_at FROM article a "
        "LEFT JOIN review r ON r.article_id = a.id WHERE a.id = ?",
        ((batch, i) for i in ids),
    )


def _set(db: Database, ids: list[int], reviewed: bool, batch: str) -> None:
    at = now_iso() if reviewed else None
    db.conn.executemany(
        "INSERT INTO review(article_id, reviewed, reviewed_at) VALUES (?, ?, ?) "
        "ON CONFLICT(article_id) DO UPDATE SET reviewed = excluded.reviewed, "
        "reviewed_at = excluded.reviewed_at",
        ((i, int(reviewed), at) for i in ids),
    )
    action = "review" if reviewed else "unreview"
    db.conn.executemany(
        "INSERT INTO review_log(article_id, action, value, batch, at) VALUES (?, ?, NULL, ?, ?)",
        ((i, action, batch, now_iso()) for i in ids),
    )


def _write_reviews(db: Database, ids: list[int], matched: int, reviewed: bool, query: str) -> str:
    batch = new_batch("review")
    db.execute(
        "INSERT INTO review_action(batch, reviewed, query, matched, changed, at) VALUES (?, ?, ?, ?, ?, ?)",
        [batch, int(reviewed), query, matched, len(ids), now_iso()],
    )
    _previous(db, ids, batch)
    _set(db, ids, reviewed, batch)
    record(db, "review", batch)
    return batch


@retrying
def toggle_review(db: Database, article_id: int) -> bool:
    """Flip one article's reviewed mark as an undoable step; returns the new state (committed)."""
    from reader.store.review import locked_mark

    with write_transaction(db):
        new_state = not locked_mark(db, article_id)
        _write_reviews(db, [article_id], 1, new_state, "")
    return new_state


@dataclass(frozen=True, slots=True)
class ReviewAllResult:
    matched: int
    changed: int

    def text(self) -> str:
        return f"marked {self.changed:,} of {self.matched:,} articles reviewed"


@retrying
def review_all(db: Database, request: SearchRequest) -> ReviewAllResult:
    """Mark every article ``request`` matches reviewed, in one transaction (one undo step)."""
    from reader.search.select import matching_ids

    with write_transaction(db):
        ids = list(matching_ids(db, request, order="id"))
        reviewed = {
            int(row[0])
            for row in db.execute("SELECT article_id FROM review WHERE reviewed = 1").fetchall()
        }
        changed = [i for i in ids if i not in reviewed]
        _write_reviews(db, changed, len(ids), True, request.query)
    return ReviewAllResult(len(ids), len(changed))


def tag_batch(db: Database) -> str:
    """A batch for one tag change on one article; recorded as a step (caller's transaction)."""
    batch = new_batch("tag")
    record(db, "tag", batch)
    return batch


def last_step(db: Database) -> Step | None:
    """The most recent action not yet undone, described."""
    row = db.execute(
        "SELECT kind, batch FROM undo_step WHERE undone_at IS NULL ORDER BY seq DESC LIMIT 1"
    ).fetchone()
    if row is None:
        return None
    kind, batch = str(row[0]), str(row[1])
    if kind == "review":
        found = db.execute(
            "SELECT reviewed, query, matched, changed FROM review_action WHERE batch = ?", [batch]
        ).fetchone()
        reviewed, query, matched, changed = found
        if matched == 1 and not query:
            title = _title_of_batch(db, batch)
            return Step(kind, batch, f"marked “{title}” {'reviewed' if reviewed else 'unreviewed'}")
        state = "reviewed" if reviewed else "unreviewed"
        return Step(kind, batch, f"marked {changed:,} of {matched:,} articles {state}", query, True)
    if kind == "tag":
        log = db.execute(
            "SELECT article_id, action, value FROM review_log WHERE batch = ? LIMIT 1", [batch]
        ).fetchone()
        if log is None:
            return Step(kind, batch, "a tag change that changed nothing")
        title = _article_title(db, int(log[0]))
        verb = "added tag" if log[1] == "tag" else "removed tag"
        return Step(kind, batch, f"{verb} “{log[2]}” on “{title}”")
    from reader.store.bulk import bulk_action

    action = bulk_action(db, batch)
    return Step(kind, batch, action.text() if action else "tag all", action.query if action else "", True)


def _title_of_batch(db: Database, batch: str) -> str:
    row = db.execute("SELECT article_id FROM review_before WHERE batch = ? LIMIT 1", [batch]).fetchone()
    return _article_title(db, int(row[0])) if row else "(deleted article)"


def _article_title(db: Database, article_id: int) -> str:
    row = db.execute("SELECT title FROM article WHERE id = ?", [article_id]).fetchone()
    return (row[0] if row and row[0] else "(untitled)")[:60]


@retrying
def undo_last(db: Database) -> Step | None:
    """Reverse the most recent step (one transaction); returns what was undone, or None."""
    with write_transaction(db):
        step = last_step(db)
        if step is None:
            return None
        if step.kind == "review":
            _undo_reviews(db, step.batch)
        elif step.kind == "tag":
            _undo_tag(db, step.batch)
        else:
            from reader.store.bulk import undo_bulk

            undo_bulk(db, step.batch)
        db.execute("UPDATE undo_step SET undone_at = ? WHERE batch = ?", [now_iso(), step.batch])
    return step


def _undo_reviews(db: Database, batch: str) -> None:
    rows = db.execute(
        "SELECT b.article_id, b.reviewed, b.reviewed_at FROM review_before b "
        "JOIN article a ON a.id = b.article_id WHERE b.batch = ?",
        [batch],
    ).fetchall()
    db.conn.executemany(
        "INSERT INTO review(article_id, reviewed, reviewed_at) VALUES (?, ?, ?) "
        "ON CONFLICT(article_id) DO UPDATE SET reviewed = excluded.reviewed, "
        "reviewed_at = excluded.reviewed_at",
        rows,
    )
    at = now_iso()
    db.conn.executemany(
        "INSERT INTO review_log(article_id, action, value, batch, at) VALUES (?, ?, NULL, ?, ?)",
        ((r[0], "review" if r[1] else "unreview", f"undo-{batch}", at) for r in rows),
    )


def _undo_tag(db: Database, batch: str) -> None:
    from reader.store.review import add_tag, remove_tag

    rows = db.execute(
        "SELECT article_id, action, value FROM review_log WHERE batch = ? ORDER BY id DESC", [batch]
    ).fetchall()
    for article_id, action, value in rows:
        (remove_tag if action == "tag" else add_tag)(db, int(article_id), str(value), f"undo-{batch}")
