"""Messages the workers post back to the main screen. Handlers on the screen own the state."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field

from textual.message import Message

from reader.search import SearchHit, SearchResult
from reader.store.marks import Mark
from reader.tui.data import ArticleDetail, Unreviewed
from reader.tui.filter_data import FilterLists


@dataclass
class SearchFinished(Message):
    """The first page of a search; ``generation`` says which request it answers. ``shown`` is
    set once the screen has painted it (or passed it over), so the worker's next query does
    not compete with the paint for the interpreter."""

    generation: int
    result: SearchResult
    shown: threading.Event = field(default_factory=threading.Event)


@dataclass
class PageLoaded(Message):
    generation: int
    offset: int
    hits: tuple[SearchHit, ...]


@dataclass
class ArticleLoaded(Message):
    article_id: int
    detail: ArticleDetail | None


@dataclass
class UnreviewedFound(Message):
    """Where ``u`` goes (its article already claimed for this analyst), or that nothing is left."""

    generation: int
    found: Unreviewed


@dataclass
class ClaimsSeen(Message):
    """The articles other analysts have open now (article id -> name), read by the poll."""

    claims: dict[int, str]


@dataclass
class ReviewSaved(Message):
    """Committed to the database: only now does the UI show it."""

    article_id: int
    reviewed: bool
    by: str | None = None
    at: str | None = None


@dataclass
class ReviewHeld(Message):
    """Nothing changed: another analyst holds the mark (the screen asks before taking it away)."""

    article_id: int
    mark: Mark


@dataclass
class TagsSaved(Message):
    article_id: int
    tags: tuple[str, ...]
    changed: str  # e.g. "added tag 'pemilu'"


@dataclass
class WriteFailed(Message):
    what: str
    error: str


@dataclass
class DatabaseFailed(Message):
    """The database could not be opened or read at all."""

    error: str


@dataclass
class TagsReady(Message):
    """What the tag modal needs: the article's tags and every known tag."""

    article_id: int
    title: str
    current: tuple[str, ...]
    known: list[str]


@dataclass
class FilterReady(Message):
    """What the filter window opens with (every tag, the most-mentioned actors)."""

    lists: FilterLists


@dataclass
class PositionFound(Message):
    """Where the article to return to (after a restart) is in the list of ``generation``."""

    generation: int
    index: int | None


@dataclass
class OutletsReady(Message):
    """Every outlet with its article count, most articles first (for the outlet picker)."""

    outlets: list[tuple[str, int]]


@dataclass
class CountsChanged(Message):
    """Fresh totals for ``request``: the exact ones after an estimate, or after a write (so
    the status line stays exact)."""

    request: object
    total: int
    reviewed_total: int
    estimated: bool = False
    reviewed_by_you: int | None = None  # of reviewed_total, this analyst's (None: not known)


@dataclass
class NewestArticle(Message):
    """The highest article id in the database, polled to notice imports by other processes."""

    article_id: int


@dataclass
class DatabaseUnreachable(Message):
    """The poll could not reach the database server (it is tried again every second)."""

    error: str


@dataclass
class ChangesWaiting(Message):
    """The store may have changed since the last read (another analyst's commit, or the
    watch just started): the screen reads the change log."""


@dataclass
class OthersChanged(Message):
    """Review marks and tags committed by another analyst (or process) since the last poll."""

    changes: object  # reader.store.changes.Changes


@dataclass
class QuoteCorrected(Message):
    """A correction of a quote is committed; the article's quotes are read again."""

    article_id: int
    summary: str
