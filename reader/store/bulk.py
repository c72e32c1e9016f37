"""Tag or untag every article a search matches, as one undoable action.

A bulk action is one transaction: the matches are read and written under the
write lock, so it touches exactly what the query matched at that moment. Only
articles whose tags actually change are logged (``review_log`` rows sharing one
``batch`` id), and :func:`undo_last_bulk` reverses exactly those, restoring the
original ``tagged_at`` of tags an untag removed.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass

from reader.search.models import SearchRequest
from reader.search.select import matching_ids
from reader.store.analyst import analyst_name
from reader.store.database import Database
from reader.store.history import record
from reader.store.retry import retrying
from reader.store.review import normalise_tag
from reader.store.writes import now_iso, write_transaction

CHUNK = 500  # ids per statement


@dataclass(frozen=True, slots=True)
class BulkResult:
    batch: str
    action: str  # "tag" or "untag"
    tag: str
    query: str
    matched: int  # articles the query matched
    changed: int  # articles whose tags changed

    def text(self) -> str:
        if self.action == "tag":
            return f"added tag '{self.tag}' to {self.changed:,} of {self.matched:,} articles"
        return f"removed tag '{self.tag}' from {self.changed:,} of {self.matched:,} articles"


def _log(db: Database, rows: Iterable[tuple[int, str]], value: str, batch: str, user: str) -> None:
    at = now_iso()
    db.conn.executemany(
        "INSERT INTO review_log(article_id, action, value, batch, at, done_by) VALUES (?, ?, ?, ?, ?, ?)",
        ((article_id, action, value, batch, at, user) for article_id, action in rows),
    )


def _tag_row(db: Database, name: str) -> tuple[int, str] | None:
    row = db.execute("SELECT id, name FROM tag WHERE lower(name) = lower(?)", [name]).fetchone()
    return (int(row[0]), str(row[1])) if row else None


@retrying
def bulk_tag(
    db: Database, request: SearchRequest, name: str, add: bool = True, user: str | None = None
) -> BulkResult:
    """Add (or remove) tag ``name`` on every article ``request`` matches, in one transaction
    (one step of ``user``'s undo history)."""
    tag, user = normalise_tag(name), analyst_name(user)
    batch = f"bulk-{uuid.uuid4().hex}"
    action = "tag" if add else "untag"
    with write_transaction(db):
        ids = list(matching_ids(db, request, order="id"))
        if add:
            db.execute("INSERT INTO tag(name) VALUES (?) ON CONFLICT DO NOTHING", [tag])
        found = _tag_row(db, tag)
        tag = found[1] if found else tag  # the stored spelling
        db.execute(
            "INSERT INTO bulk_action(batch, action, tag, query, matched, changed, at) "
            "VALUES (?, ?, ?, ?, ?, 0, ?)",
            [batch, action, tag, request.query, len(ids), now_iso()],
        )
        changed = _change(db, batch, found[0], ids, add, user) if found else []
        db.execute("UPDATE bulk_action SET changed = ? WHERE batch = ?", [len(changed), batch])
        _log(db, ((i, action) for i in changed), tag, batch, user)
        record(db, "bulk-tag", batch, user)
    return BulkResult(batch, action, tag, request.query, len(ids), len(changed))


def _change(db: Database, batch: str, tag_id: int, ids: list[int], add: bool, user: str) -> list[int]:
    """Write the tag changes; returns the ids whose tags changed.

    What changed is what each statement reports it changed (``RETURNING``), not what was
    read before: an article another analyst tagged or untagged meanwhile is counted once,
    by whoever changed it.
    """
    changed: list[int] = []
    at = now_iso()
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start : start + CHUNK]
        marks = ", ".join("?" * len(chunk))
        if add:
            rows = db.execute(
                "INSERT INTO article_tag(article_id, tag_id, tagged_at, tagged_by) SELECT id, ?, ?, ? "
                f"FROM article WHERE id IN ({marks}) ON CONFLICT DO NOTHING RETURNING article_id",
                [tag_id, at, user, *chunk],
            ).fetchall()
        else:
            rows = db.execute(
                f"DELETE FROM article_tag WHERE tag_id = ? AND article_id IN ({marks}) "
                "RETURNING article_id, tagged_at, tagged_by",
                [tag_id, *chunk],
            ).fetchall()
            db.conn.executemany(
                "INSERT INTO bulk_untagged(batch, article_id, tagged_at, tagged_by) VALUES (?, ?, ?, ?)",
                ((batch, row[0], row[1], row[2]) for row in rows),
            )
        changed.extend(int(row[0]) for row in rows)
    return sorted(changed)


def last_bulk(db: Database, user: str | None = None) -> BulkResult | None:
    """``user``'s most recent bulk action not yet undone."""
    row = db.execute(
        "SELECT b.batch, b.action, b.tag, b.query, b.matched, b.changed FROM bulk_action b "
        "JOIN undo_step s ON s.batch = b.batch WHERE b.undone_at IS NULL "
        "AND (s.done_by IS NULL OR lower(s.done_by) = lower(?)) ORDER BY s.seq DESC LIMIT 1",
        [analyst_name(user)],
    ).fetchone()
    return BulkResult(*row) if row else None


def bulk_action(db: Database, batch: str) -> BulkResult | None:
    row = db.execute(
        "SELECT batch, action, tag, query, matched, changed FROM bulk_action WHERE batch = ?", [batch]
    ).fetchone()
    return BulkResult(*row) if row else None


@retrying
def undo_last_bulk(db: Database, user: str | None = None) -> BulkResult | None:
    """Reverse ``user``'s most recent bulk action (only the articles it changed); None if there is none.

    Returns the action that was undone. Its log rows are reversed with batch ``undo-<batch>``.
    """
    user = analyst_name(user)
    with write_transaction(db):
        last = last_bulk(db, user)
        if last is None:
            return None
        undo_bulk(db, last.batch, user)
        db.execute("UPDATE undo_step SET undone_at = ? WHERE batch = ?", [now_iso(), last.batch])
    return last


def undo_bulk(db: Database, batch: str, user: str | None = None) -> None:
    """Reverse bulk action ``batch`` (inside the caller's transaction)."""
    last = bulk_action(db, batch)
    if last is None:
        return
    ids = [row[0] for row in db.execute(
        "SELECT article_id FROM review_log WHERE batch = ? ORDER BY id", [last.batch]
    )]  # fmt: skip
    found = _tag_row(db, last.tag)
    if last.action == "tag" and found is not None:
        db.conn.executemany(
            "DELETE FROM article_tag WHERE article_id = ? AND tag_id = ?", ((i, found[0]) for i in ids)
        )
    elif last.action == "untag":
        db.execute("INSERT INTO tag(name) VALUES (?) ON CONFLICT DO NOTHING", [last.tag])
        tag_id = _tag_row(db, last.tag)[0]  # type: ignore[index]
        db.execute(
            "INSERT INTO article_tag(article_id, tag_id, tagged_at, tagged_by) "
            "SELECT u.article_id, ?, u.tagged_at, u.tagged_by FROM bulk_untagged u "
            "JOIN article a ON a.id = u.article_id WHERE u.batch = ? ON CONFLICT DO NOTHING",
            [tag_id, last.batch],
        )
    reverse = "untag" if last.action == "tag" else "tag"
    _log(db, ((i, reverse) for i in ids), last.tag, f"undo-{last.batch}", analyst_name(user))
    db.execute("UPDATE bulk_action SET undone_at = ? WHERE batch = ?", [now_iso(), last.batch])
