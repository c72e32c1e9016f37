"""The analyst's review state: reviewed marks and tags, each with who set it and when.

Each change is its own committed transaction (with a line in ``review_log``)
before the function returns, so the UI only shows what is already on disk.
"""

from __future__ import annotations

from reader.errors import ReaderError
from reader.store.analyst import analyst_name
from reader.store.database import Database
from reader.store.marks import locked_mark
from reader.store.retry import retrying
from reader.store.writes import now_iso, write_transaction

MAX_TAG_LENGTH = 64


def normalise_tag(name: str) -> str:
    tag = " ".join(name.split())
    if not tag:
        raise ReaderError("a tag needs at least one visible character")
    if len(tag) > MAX_TAG_LENGTH:
        raise ReaderError(f"a tag can be at most {MAX_TAG_LENGTH} characters")
    return tag


def _log(db: Database, article_id: int, action: str, value: str | None, batch: str | None, user: str) -> None:
    db.execute(
        "INSERT INTO review_log(article_id, action, value, batch, at, done_by) VALUES (?, ?, ?, ?, ?, ?)",
        [article_id, action, value, batch, now_iso(), user],
    )


@retrying
def set_reviewed(
    db: Database, article_id: int, reviewed: bool, batch: str | None = None, user: str | None = None
) -> None:
    """Mark the article reviewed by ``user`` now (or take the mark away), committed."""
    user = analyst_name(user)
    with write_transaction(db):
        db.execute(
            "INSERT INTO review(article_id, reviewed, reviewed_at, reviewed_by) VALUES (?, ?, ?, ?) "
            "ON CONFLICT(article_id) DO UPDATE SET reviewed = excluded.reviewed, "
            "reviewed_at = excluded.reviewed_at, reviewed_by = excluded.reviewed_by",
            [article_id, int(reviewed), now_iso() if reviewed else None, user if reviewed else None],
        )
        _log(db, article_id, "review" if reviewed else "unreview", None, batch, user)


@retrying
def toggle_reviewed(db: Database, article_id: int, user: str | None = None) -> bool:
    """Flip the reviewed mark; returns the new state (already committed).

    The read and the write are one transaction holding the mark, so two app windows
    toggling the same article flip it twice rather than both writing the same state.
    """
    with write_transaction(db):
        new_state = not locked_mark(db, article_id).reviewed
        set_reviewed(db, article_id, new_state, user=user)
    return new_state


def tag_id(db: Database, name: str) -> int:
    """The id of tag ``name`` (any case), created if it is new (inside a write transaction)."""
    db.execute("INSERT INTO tag(name) VALUES (?) ON CONFLICT DO NOTHING", [name])
    return int(db.execute("SELECT id FROM tag WHERE lower(name) = lower(?)", [name]).fetchone()[0])


@retrying
def add_tag(
    db: Database, article_id: int, name: str, batch: str | None = None, user: str | None = None
) -> bool:
    """Tag an article as ``user``; returns False when it already had the tag."""
    tag, user = normalise_tag(name), analyst_name(user)
    with write_transaction(db):
        cursor = db.execute(
            "INSERT INTO article_tag(article_id, tag_id, tagged_at, tagged_by) VALUES (?, ?, ?, ?) "
            "ON CONFLICT DO NOTHING",
            [article_id, tag_id(db, tag), now_iso(), user],
        )
        added = cursor.rowcount > 0
        if added:
            _log(db, article_id, "tag", tag, batch, user)
    return added


@retrying
def remove_tag(
    db: Database, article_id: int, name: str, batch: str | None = None, user: str | None = None
) -> bool:
    """Untag an article as ``user``; returns False when it did not have the tag."""
    tag, user = normalise_tag(name), analyst_name(user)
    with write_transaction(db):
        cursor = db.execute(
            "DELETE FROM article_tag WHERE article_id = ? AND tag_id = "
            "(SELECT id FROM tag WHERE lower(name) = lower(?))",
            [article_id, tag],
        )
        removed = cursor.rowcount > 0
        if removed:
            _log(db, article_id, "untag", tag, batch, user)
    return removed


def all_tags(db: Database) -> list[tuple[str, int]]:
    """Every tag some article carries, with how many, most used first (for completion and the
    filter list: a tag whose last article lost it is gone from both)."""
    rows = db.execute(
        "SELECT tag.name, count(*) FROM tag JOIN article_tag ON article_tag.tag_id = tag.id "
        "GROUP BY tag.id ORDER BY 2 DESC, lower(tag.name)"
    ).fetchall()
    return [(name, count) for name, count in rows]


def tags_of(db: Database, article_ids: list[int]) -> dict[int, list[str]]:
    """Each article's tags in name order (articles without tags are left out)."""
    if not article_ids:
        return {}
    marks = ", ".join("?" * len(article_ids))
    tags: dict[int, list[str]] = {}
    for article_id, name in db.execute(
        f"SELECT at.article_id, t.name FROM article_tag at JOIN tag t ON t.id = at.tag_id "
        f"WHERE at.article_id IN ({marks}) ORDER BY lower(t.name)",
        article_ids,
    ):
        tags.setdefault(int(article_id), []).append(str(name))
    return tags
