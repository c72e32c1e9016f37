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


class WorkflowMessage(Message):
    """A result for :class:`reader.tui.screens.workflow.Workflow`; the main screen hands it on."""


@dataclass
class TimelineReady(WorkflowMessage):
    """Articles per day for the request of ``generation`` (``None``: it could not be counted)."""

    generation: int
    timeline: Timeline | None


@dataclass
class SavedReady(WorkflowMessage):
    """Every saved search with its live progress, for the saved-searches list."""

    items: list[Progress]


@dataclass
class SearchSaved(WorkflowMessage):
    item: Progress


@dataclass
class BulkTagsReady(WorkflowMessage):
    """Known tags, for completion in the tag-all dialog."""

    known: list[str]


@dataclass
class BulkDone(WorkflowMessage):
    """A bulk tag, untag or undo is committed; ``undone`` says which of the two."""

    result: BulkResult
    undone: bool = False


@dataclass
class UndoReady(WorkflowMessage):
    """The last undoable action (of any kind), or None."""

    last: Step | None


@dataclass
class UndoDone(WorkflowMessage):
    step: Step


@dataclass
class ReviewAllDone(WorkflowMessage):
    result: ReviewAllResult


@dataclass
class ExportDone(WorkflowMessage):
    path: str
    articles: int
    quotes: int


@dataclass
class WorkflowFailed(WorkflowMessage):
    """A read or an export failed; the database is unchanged."""

    what: str
    error: str
