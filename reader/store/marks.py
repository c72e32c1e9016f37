"""An article's one review mark: whether it is reviewed, by whom and when, and marking several
articles at once from the command line (``reader review``) as one undoable step.

Marking an article that another analyst reviewed keeps their mark (it is reviewed already);
unmarking takes the mark away whoever holds it. The app asks first (:class:`MarkHeld`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from reader.errors import ReaderError
from reader.store.analyst import analyst_name, same_analyst
from reader.store.backend import backend_of
from reader.store.database import Database


@dataclass(frozen=True, slots=True)
class Mark:
    reviewed: bool
    by: str | None = None
    at: str | None = None  # ISO time, UTC

    def text(self, now: datetime | None = None) -> str:
        """``reviewed by rina, 14:02`` (the time in the local zone; the date too if not today)."""
        if not self.reviewed:
            return "not reviewed"
        text = f"reviewed by {self.by}" if self.by else "reviewed"
        when = when_text(self.at, now)
        return f"{text}{', ' if self.by else ' '}{when}" if when else text

    def held_by_other(self, user: str) -> bool:
        """Reviewed, and by someone else than ``user`` (a mark from before names were kept is no one's)."""
        return self.reviewed and self.by is not None and not same_analyst(self.by, user)


class MarkHeld(ReaderError):
    """The article is reviewed by another analyst: taking the mark away needs a yes first."""

    def __init__(self, article_id: int, mark: Mark) -> None:
        super().__init__(f"article {article_id} is {mark.text()}")
        self.article_id = article_id
        self.mark = mark


def when_text(at: str | None, now: datetime | None = None) -> str:
    """``14:02`` today, ``2024-02-15 14:02`` another day (local time); ``""`` when unknown."""
    if not at:
        return ""
    try:
        moment = datetime.fromisoformat(at).astimezone()
    except ValueError:
        return at
    today = (now or datetime.now().astimezone()).date()
    return moment.strftime("%H:%M" if moment.date() == today else "%Y-%m-%d %H:%M")


_MARK = "SELECT coalesce(reviewed, 0), reviewed_by, reviewed_at FROM review WHERE article_id = ?"


def review_mark(db: Database, article_id: int) -> Mark:
    row = db.execute(_MARK, [article_id]).fetchone()
    return Mark(bool(row[0]), row[1], row[2]) if row else Mark(False)


def locked_mark(db: Database, article_id: int) -> Mark:
    """The article's mark, read so that no other writer changes it before the caller's
    transaction ends (inside that transaction): a row is made for it first if it has none."""
    db.execute(
        "INSERT INTO review(article_id, reviewed) VALUES (?, 0) ON CONFLICT(article_id) DO NOTHING",
        [article_id],
    )
    row = db.execute(_MARK + backend_of(db).for_update, [article_id]).fetchone()
    return Mark(bool(row[0]), row[1], row[2]) if row else Mark(False)


@dataclass(frozen=True, slots=True)
class Marked:
    """One article of ``reader review``: its mark before and after."""

    article_id: int
    before: Mark
    after: Mark

    @property
    def changed(self) -> bool:
        return self.before.reviewed != self.after.reviewed


def review_articles(db: Database, ids: list[int], reviewed: bool, user: str | None = None) -> list[Marked]:
    """Mark (or unmark) ``ids`` as one undoable step; returns each article's mark before and after."""
    from reader.store.history import mark_reviews
    from reader.store.retry import run_retrying
    from reader.store.writes import write_transaction

    name = analyst_name(user)

    def write() -> list[Marked]:
        with write_transaction(db):
            before = {i: locked_mark(db, i) for i in dict.fromkeys(ids)}
            changing = [i for i, mark in before.items() if mark.reviewed != reviewed]
            if changing:
                mark_reviews(db, changing, len(before), reviewed, "", name)
            return [Marked(i, mark, review_mark(db, i)) for i, mark in before.items()]

    return run_retrying(db, write)
