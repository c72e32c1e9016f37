"""The analyst's short note on an article: one per article, committed before the call returns.

A note is one paragraph of plain text (whitespace folded, at most :data:`MAX_NOTE_LENGTH`
characters); setting an empty note clears it. ``note:`` in a search finds articles by it.
"""

from __future__ import annotations

from sqlite_utils import Database

from reader.errors import ReaderError
from reader.store.retry import retrying
from reader.store.writes import now_iso, write_transaction

MAX_NOTE_LENGTH = 1_000


def normalise_note(text: str) -> str:
    note = " ".join(text.split())
    if len(note) > MAX_NOTE_LENGTH:
        raise ReaderError(
            f"a note can be at most {MAX_NOTE_LENGTH:,} characters (this one has {len(note):,})"
        )
    return note


def get_note(db: Database, article_id: int) -> str | None:
    row = db.execute("SELECT text FROM article_note WHERE article_id = ?", [article_id]).fetchone()
    return str(row[0]) if row else None


@retrying
def set_note(db: Database, article_id: int, text: str) -> str | None:
    """Store ``text`` as the article's note (empty: remove it); returns the note as stored."""
    note = normalise_note(text)
    with write_transaction(db):
        if not db.execute("SELECT 1 FROM article WHERE id = ?", [article_id]).fetchone():
            raise ReaderError(f"no article with id {article_id}")
        if not note:
            db.execute("DELETE FROM article_note WHERE article_id = ?", [article_id])
            return None
        db.execute(
            "INSERT INTO article_note(article_id, text, updated_at) VALUES (?, ?, ?) "
            "ON CONFLICT(article_id) DO UPDATE SET text = excluded.text, updated_at = excluded.updated_at",
            [article_id, note, now_iso()],
        )
    return note


def clear_note(db: Database, article_id: int) -> None:
    set_note(db, article_id, "")


def like_pattern(text: str) -> str:
    """A LIKE pattern (``ESCAPE '\'``) matching notes that contain ``text``."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"
