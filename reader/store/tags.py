"""The tags themselves: list them with their counts, rename (or merge) one, remove one everywhere.

A tag no article carries any more is not listed (nor offered for completion or filtering); its
row stays so that undoing a removal can bring it back under the same name. Removing a tag from
every article is a bulk untag (:func:`reader.store.bulk.bulk_tag`), so ``reader undo`` and the
app's ``z`` restore it exactly.
"""

from __future__ import annotations

from dataclasses import dataclass

from reader.errors import UsageError
from reader.search.models import SearchRequest
from reader.store.bulk import BulkResult, bulk_tag
from reader.store.database import Database
from reader.store.retry import retrying
from reader.store.review import normalise_tag
from reader.store.writes import write_transaction


@dataclass(frozen=True, slots=True)
class TagCount:
    name: str
    articles: int
    reviewed: int


@dataclass(frozen=True, slots=True)
class Renamed:
    old: str
    new: str
    articles: int  # articles that carry the new name now because of the rename
    merged: bool  # the new name existed: the two tags are one now


# The earlier tagging wins a merge: its time and who tagged.
_EARLIER = (
    "CASE WHEN excluded.tagged_at < article_tag.tagged_at THEN excluded.{0} ELSE article_tag.{0} END"
)


def tag_counts(db: Database) -> list[TagCount]:
    """Every tag in use with its article and reviewed counts, most used first."""
    rows = db.execute(
        "SELECT t.name, count(*), count(r.article_id) FROM tag t JOIN article_tag at ON at.tag_id = t.id "
        "LEFT JOIN review r ON r.article_id = at.article_id AND r.reviewed = 1 "
        "GROUP BY t.id ORDER BY 2 DESC, lower(t.name)"
    ).fetchall()
    return [TagCount(str(n), int(a), int(r)) for n, a, r in rows]


def _used_tag(db: Database, name: str) -> tuple[int, str]:
    row = db.execute(
        "SELECT t.id, t.name FROM tag t WHERE lower(t.name) = lower(?) AND EXISTS "
        "(SELECT 1 FROM article_tag WHERE tag_id = t.id)",
        [normalise_tag(name)],
    ).fetchone()
    if row is None:
        raise UsageError(f"no article has the tag '{name}' (reader tags lists them)")
    return int(row[0]), str(row[1])


@retrying
def rename_tag(db: Database, old: str, new: str) -> Renamed:
    """``old`` is called ``new`` on every article; when ``new`` exists the two are merged
    (an article with both keeps one, with the earlier tagging time)."""
    target = normalise_tag(new)
    with write_transaction(db):
        old_id, old_name = _used_tag(db, old)
        row = db.execute("SELECT id, name FROM tag WHERE lower(name) = lower(?)", [target]).fetchone()
        if row is None or int(row[0]) == old_id:  # a new name, or another spelling of the same
            db.execute("UPDATE tag SET name = ? WHERE id = ?", [target, old_id])
            count = db.execute("SELECT count(*) FROM article_tag WHERE tag_id = ?", [old_id]).fetchone()[0]
            new_name, merged = target, False
        else:
            new_id, new_name = int(row[0]), str(row[1])
            count = db.execute(
                "SELECT count(*) FROM article_tag WHERE tag_id = ? AND article_id NOT IN "
                "(SELECT article_id FROM article_tag WHERE tag_id = ?)",
                [old_id, new_id],
            ).fetchone()[0]
            db.execute(
                "INSERT INTO article_tag(article_id, tag_id, tagged_at, tagged_by) SELECT article_id, ?, "
                "tagged_at, tagged_by FROM article_tag WHERE tag_id = ? ON CONFLICT(article_id, tag_id) DO "
                f"UPDATE SET tagged_at = {_EARLIER.format('tagged_at')}, "
                f"tagged_by = {_EARLIER.format('tagged_by')}",
                [new_id, old_id],
            )
            db.execute("DELETE FROM tag WHERE id = ?", [old_id])
            merged = True
        # Undoing an earlier tag all or untag all reaches the tag under its new name.
        db.execute("UPDATE bulk_action SET tag = ? WHERE lower(tag) = lower(?)", [new_name, old_name])
    return Renamed(old_name, new_name, int(count), merged)


def remove_tag_everywhere(db: Database, name: str, user: str | None = None) -> BulkResult:
    """Take the tag off every article (one undoable untag all, ``user``'s)."""
    _id, stored = _used_tag(db, name)
    query = f'tag:"{stored}"' if '"' not in stored else ""
    request = SearchRequest(query=query, tag=None if query else stored)
    return bulk_tag(db, request, stored, add=False, user=user)
