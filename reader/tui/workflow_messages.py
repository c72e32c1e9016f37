"""Messages the workflow workers post back to the main screen (which owns the state)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual.message import Message

if TYPE_CHECKING:
    from reader.search.select import Timeline
    from reader.store.bulk import BulkResult
    from reader.store.history import ReviewAllResult, Step
    from reader.store.saved import Progress


@dataclass
class TimelineReady(Message):
    """Articles per day for the request of ``generation`` (``None``: it could not be counted)."""

    generation: int
    timeline: Timeline | None


@dataclass
class SavedReady(Message):
    """Every saved search with its live progress, for the saved-searches list."""

    items: list[Progress]


@dataclass
class SearchSaved(Message):
    item: Progress


@dataclass
class BulkTagsReady(Message):
    """Known tags, for completion in the tag-all dialog."""

    known: list[str]


@dataclass
class BulkDone(Message):
    """A bulk tag, untag or undo is committed; ``undone`` says which of the two."""

    result: BulkResult
    undone: bool = False


@dataclass
class UndoReady(Message):
    """The last undoable action (of any kind), or None."""

    last: Step | None


@dataclass
class UndoDone(Message):
    step: Step


@dataclass
class ReviewAllDone(Message):
    result: ReviewAllResult


@dataclass
class ExportDone(Message):
    path: str
    articles: int
    quotes: int


@dataclass
class WorkflowFailed(Message):
    """A read or an export failed; the database is unchanged."""

    what: str
    error: str
