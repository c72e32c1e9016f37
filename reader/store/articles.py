"""Reading articles, their tags, review state, quotes and actors."""

from __future__ import annotations

import json
from typing import Any

from reader.store.database import Database
from reader.store.marks import review_mark
from reader.store.notes import get_note, note_writer
from reader.store.quote_rows import QUOTE_SELECT, quote_dict

ARTICLE_FIELDS = "id, source, title, section, outlet, url, published, origin, imported_at"


def newest_article_id(db: Database) -> int:
    """The highest article id. Articles are never deleted, so it is also how many there are;
    it grows when another process imports."""
    return int(db.execute("SELECT coalesce(max(id), 0) FROM article").fetchone()[0])


def find_article_id(db: Database, ref: str) -> int | None:
    """The id of the article ``ref`` names: its numeric id or its source id."""
    if ref.isdigit():
        row = db.execute("SELECT id FROM article WHERE id = ?", [int(ref)]).fetchone()
        if row:
            return int(row[0])
    row = db.execute("SELECT id FROM article WHERE source = ?", [ref]).fetchone()
    return int(row[0]) if row else None


def article_tags(db: Database, article_id: int) -> list[str]:
    rows = db.execute(
        "SELECT tag.name FROM article_tag JOIN tag ON tag.id = article_tag.tag_id "
        "WHERE article_tag.article_id = ? ORDER BY lower(tag.name)",
        [article_id],
    ).fetchall()
    return [row[0] for row in rows]


def article_quotes(db: Database, article_id: int) -> list[dict[str, Any]]:
    rows = db.execute(QUOTE_SELECT + " WHERE q.article_id = ? ORDER BY q.seq", [article_id]).fetchall()
    return [quote_dict(row) for row in rows]


def article_actors(db: Database, article_id: int) -> list[dict[str, Any]]:
    rows = db.execute(
        "SELECT actor.name, actor.type, actor.discovered, mention.count, mention.offsets "
        "FROM mention JOIN actor ON actor.id = mention.actor_id WHERE mention.article_id = ? "
        "ORDER BY mention.count DESC, actor.name",
        [article_id],
    ).fetchall()
    return [
        {"name": n, "type": t, "discovered": bool(d), "count": c, "offsets": json.loads(o)}
        for n, t, d, c, o in rows
    ]


def get_article(db: Database, article_id: int) -> dict[str, Any] | None:
    """Everything about one article, as the ``reader show --json`` document."""
    row = db.execute(
        f"SELECT {ARTICLE_FIELDS}, body FROM article WHERE id = ?", [article_id]
    ).fetchone()
    if row is None:
        return None
    keys = [*ARTICLE_FIELDS.split(", "), "body"]
    article: dict[str, Any] = dict(zip(keys, row, strict=True))
    mark = review_mark(db, article_id)
    article.update(
        tags=article_tags(db, article_id),
        reviewed=mark.reviewed,
        reviewed_at=mark.at if mark.reviewed else None,
        reviewed_by=mark.by if mark.reviewed else None,
        quotes=article_quotes(db, article_id),
        actors=article_actors(db, article_id),
        note=get_note(db, article_id),
        note_by=note_writer(db, article_id),
    )
    return article


def stats(db: Database) -> dict[str, Any]:
    """Counts for ``reader stats``."""

    def scalar(sql: str) -> Any:
        return db.execute(sql).fetchone()[0]

    outlets = db.execute(
        "SELECT coalesce(outlet, '(unknown)'), count(*) FROM article GROUP BY 1 ORDER BY 2 DESC, 1"
    ).fetchall()
    return {
        "articles": scalar("SELECT count(*) FROM article"),
        "reviewed": scalar("SELECT count(*) FROM review WHERE reviewed = 1"),
        "quotes": scalar("SELECT count(*) FROM quote"),
        "actors": scalar("SELECT count(*) FROM actor"),
        "tags": scalar("SELECT count(DISTINCT tag_id) FROM article_tag"),
        "dated": scalar("SELECT count(*) FROM article WHERE published IS NOT NULL"),
        "first_date": scalar("SELECT min(published) FROM article"),
        "last_date": scalar("SELECT max(published) FROM article"),
        "outlets": {name: count for name, count in outlets},
    }
