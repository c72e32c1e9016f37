"""Writing imported articles with their quotes and actor mentions.

The caller wraps a batch of these in one transaction (``db.atomic()``), so an
interrupted import leaves whole batches or nothing.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime

from sqlite_utils import Database

from reader.models import Prepared


def now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def is_known(db: Database, source: str, content_hash: str) -> bool:
    row = db.execute(
        "SELECT 1 FROM article WHERE source = ? OR content_hash = ? LIMIT 1", [source, content_hash]
    ).fetchone()
    return row is not None


class ActorIds:
    """Actor name -> row id, creating rows on first sight (cached for one import)."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self._ids: dict[str, int] = {}

    def get(self, name: str, actor_type: str, discovered: bool) -> int:
        actor_id = self._ids.get(name)
        if actor_id is None:
            self.db.execute(
                "INSERT INTO actor(name, type, discovered) VALUES (?, ?, ?) ON CONFLICT(name) DO NOTHING",
                [name, actor_type, int(discovered)],
            )
            row = self.db.execute("SELECT id FROM actor WHERE name = ?", [name]).fetchone()
            actor_id = self._ids[name] = int(row[0])
        return actor_id


def insert_article(db: Database, item: Prepared, actors: ActorIds) -> int:
    """Store one prepared article, its quotes and its mentions; returns the new article id."""
    article, extraction = item.article, item.extraction
    cursor = db.execute(
        """INSERT INTO article(source, content_hash, title, section, outlet, url, published, body,
               title_stem, body_stem, origin, imported_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        [
            article.source, item.digest, article.title, article.section, article.outlet,
            article.url, article.published, article.body, item.title_stem, item.body_stem,
            article.origin, now_iso(),
        ],
    )  # fmt: skip
    article_id = int(cursor.lastrowid or 0)
    db.conn.executemany(
        """INSERT INTO quote(article_id, seq, text, text_stem, speaker, role, cue, kind, start, "end")
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        [
            (article_id, seq, q.text, stem, q.speaker, q.role, q.cue, q.kind, q.start, q.end)
            for seq, (q, stem) in enumerate(zip(extraction.quotes, item.quote_stems, strict=True))
        ],
    )
    db.conn.executemany(
        "INSERT OR REPLACE INTO mention(article_id, actor_id, count, offsets) VALUES (?, ?, ?, ?)",
        [
            (
                article_id,
                actors.get(m.actor, m.actor_type, m.discovered),
                m.count,
                json.dumps([list(span) for span in m.offsets]),
            )
            for m in extraction.mentions
        ],
    )
    return article_id
