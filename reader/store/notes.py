"""The analyst's short note on an article: one per article, committed before the call returns.

A note is one paragraph of plain text (whitespace folded, at most :data:`MAX_NOTE_LENGTH`
characters); setting an empty note clears it. ``note:`` in a search finds articles by it.
"""

from __future__ import annotations

from reader.errors import ReaderError
from reader.store.analyst import analyst_name
from reader.store.database import Database
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
def note_writer(db: Database, article_id: int) -> str | None:
    """Who wrote the article's note (None: no note, or one from before names were kept)."""
    row = db.execute("SELECT written_by FROM article_note WHERE article_id = ?", [article_id]).fetchone()
    return str(row[0]) if row and row[0] else None


def set_note(db: Database, article_id: int, text: str, user: str | None = None) -> str | None:
    """Store ``text`` as ``user``'s note on the article (empty: remove it); returns the note as stored."""
    note, user = normalise_note(text), analyst_name(user)
    with write_transaction(db):
        if not db.execute("SELECT 1 FROM article WHERE id = ?", [article_id]).fetchone():
            raise ReaderError(f"no article with id {article_id}")
        if not note:
            db.execute("DELETE FROM article_note WHERE article_id = ?", [article_id])
            return None
        db.execute(
            "INSERT INTO article_note(article_id, text, updated_at, written_by) VALUES (?, ?, ?, ?) "
            "ON CONFLICT(article_id) DO UPDATE SET text = excluded.text, updated_at = excluded.updated_at, "
            "written_by = excluded.written_by",
            [article_id, note, now_iso(), user],
        )
    return note


def clear_note(db: Database, article_id: int, user: str | None = None) -> None:
    set_note(db, article_id, "", user)


def like_pattern(text: str) -> str:
    """A LIKE pattern (``ESCAPE '\'``) matching notes that contain ``text``."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"
