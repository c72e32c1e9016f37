"""The undo history: the app's ``z`` reverses the most recent review or tag change of any kind.

Each undoable action is one ``undo_step`` naming its batch, written in the action's own
transaction: a reviewed mark or a tag on one article, review all (:func:`review_all`) and
tag all (:mod:`reader.store.bulk`). A review batch keeps every changed article's previous
mark (``review_before``), so undoing restores the mark and its time exactly.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from reader.search.models import SearchRequest
from reader.store.analyst import analyst_name
from reader.store.backend import backend_of
from reader.store.database import Database
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


def record(db: Database, kind: str, batch: str, user: str | None = None) -> None:
    """Add a step to ``user``'s history (inside the caller's transaction)."""
    db.execute(
        "INSERT INTO undo_step(kind, batch, done_by) VALUES (?, ?, ?)", [kind, batch, analyst_name(user)]
    )


def new_batch(prefix: str) -> str:
    return f"{prefix}-{uuid.uuid4().hex}"


def _previous(db: Database, ids: list[int], batch: str) -> None:
    db.conn.executemany(
        "INSERT INTO review_before(batch, article_id, reviewed, reviewed_at, reviewed_by) "
        "SELECT ?, a.id, coalesce(r.reviewed, 0), r.reviewed_at, r.reviewed_by FROM article a "
        "LEFT JOIN review r ON r.article_id = a.id WHERE a.id = ?",
        ((batch, i) for i in ids),
    )


SET_MARK = (
    "INSERT INTO review(article_id, reviewed, reviewed_at, reviewed_by) VALUES (?, ?, ?, ?) "
    "ON CONFLICT(article_id) DO UPDATE SET reviewed = excluded.reviewed, "
    "reviewed_at = excluded.reviewed_at, reviewed_by = excluded.reviewed_by"
)
LOG_MARK = (
    "INSERT INTO review_log(article_id, action, value, batch, at, done_by) VALUES (?, ?, NULL, ?, ?, ?)"
)


def _set(db: Database, ids: list[int], reviewed: bool, batch: str, user: str) -> None:
    at = now_iso() if reviewed else None
    db.conn.executemany(SET_MARK, ((i, int(reviewed), at, user if reviewed else None) for i in ids))
    action = "review" if reviewed else "unreview"
    db.conn.executemany(LOG_MARK, ((i, action, batch, now_iso(), user) for i in ids))


def mark_reviews(
    db: Database, ids: list[int], matched: int, reviewed: bool, query: str, user: str | None = None
) -> str:
    """Mark ``ids`` (un)reviewed by ``user`` as one step (inside the caller's transaction)."""
    user = analyst_name(user)
    batch = new_batch("review")
    db.execute(
        "INSERT INTO review_action(batch, reviewed, query, matched, changed, at) VALUES (?, ?, ?, ?, ?, ?)",
        [batch, int(reviewed), query, matched, len(ids), now_iso()],
    )
    _previous(db, ids, batch)
    _set(db, ids, reviewed, batch, user)
    record(db, "review", batch, user)
    return batch


@retrying
def toggle_review(
    db: Database, article_id: int, user: str | None = None, *, take_others: bool = True
) -> bool:
    """Flip one article's reviewed mark as ``user``'s undoable step; returns the new state
    (committed). With ``take_others`` False a mark another analyst set stays, and
    :class:`reader.store.marks.MarkHeld` says whose it is."""
    from reader.store.marks import MarkHeld, locked_mark

    user = analyst_name(user)
    with write_transaction(db):
        mark = locked_mark(db, article_id)
        if not take_others and mark.held_by_other(user):
            raise MarkHeld(article_id, mark)
        mark_reviews(db, [article_id], 1, not mark.reviewed, "", user)
    return not mark.reviewed


@dataclass(frozen=True, slots=True)
class ReviewAllResult:
    matched: int
    changed: int

    def text(self) -> str:
        return f"marked {self.changed:,} of {self.matched:,} articles reviewed"


@retrying
def review_all(db: Database, request: SearchRequest, user: str | None = None) -> ReviewAllResult:
    """Mark every article ``request`` matches reviewed, in one transaction (one undo step)."""
    from reader.search.select import matching_ids

    with write_transaction(db):
        ids = list(matching_ids(db, request, order="id"))
        reviewed = {
            int(row[0])
            for row in db.execute("SELECT article_id FROM review WHERE reviewed = 1").fetchall()
        }
        changed = [i for i in ids if i not in reviewed]
        mark_reviews(db, changed, len(ids), True, request.query, user)
    return ReviewAllResult(len(ids), len(changed))


def tag_batch(db: Database, user: str | None = None) -> str:
    """A batch for one tag change on one article; recorded as a step (caller's transaction)."""
    batch = new_batch("tag")
    record(db, "tag", batch, user)
    return batch


# A step from before names were kept (no done_by) is anyone's: one analyst's database.
_MINE = "undone_at IS NULL AND (done_by IS NULL OR lower(done_by) = lower(?))"


def last_step(db: Database, user: str | None = None) -> Step | None:
    """``user``'s most recent action not yet undone, described (another analyst's never)."""
    row = db.execute(
        f"SELECT kind, batch FROM undo_step WHERE {_MINE} ORDER BY seq DESC LIMIT 1", [analyst_name(user)]
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
def undo_last(db: Database, user: str | None = None) -> Step | None:
    """Reverse ``user``'s most recent step (one transaction); returns what was undone, or None."""
    user = analyst_name(user)
    with write_transaction(db):
        step = last_step(db, user)
        if step is None:
            return None
        if step.kind == "review":
            _undo_reviews(db, step.batch, user)
        elif step.kind == "tag":
            _undo_tag(db, step.batch, user)
        else:
            from reader.store.bulk import undo_bulk

            undo_bulk(db, step.batch, user)
        db.execute("UPDATE undo_step SET undone_at = ? WHERE batch = ?", [now_iso(), step.batch])
    return step


def _undo_reviews(db: Database, batch: str, user: str) -> None:
    """Give the batch's articles their marks from before it, except where another change
    came since (the mark is not what the batch set): that newer mark stays."""
    rows = db.execute(
        "SELECT b.article_id, b.reviewed, b.reviewed_at, b.reviewed_by FROM review_before b "
        "JOIN review_action x ON x.batch = b.batch JOIN review r ON r.article_id = b.article_id "
        f"WHERE b.batch = ? AND r.reviewed = x.reviewed ORDER BY b.article_id{backend_of(db).for_update}",
        [batch],
    ).fetchall()
    db.conn.executemany(SET_MARK, rows)
    at = now_iso()
    db.conn.executemany(
        LOG_MARK, ((r[0], "review" if r[1] else "unreview", f"undo-{batch}", at, user) for r in rows)
    )


def _undo_tag(db: Database, batch: str, user: str) -> None:
    from reader.store.review import add_tag, remove_tag

    rows = db.execute(
        "SELECT article_id, action, value FROM review_log WHERE batch = ? ORDER BY id DESC", [batch]
    ).fetchall()
    for article_id, action, value in rows:
        change = remove_tag if action == "tag" else add_tag
        change(db, int(article_id), str(value), f"undo-{batch}", user=user)
