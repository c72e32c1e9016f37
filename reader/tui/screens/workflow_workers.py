"""Workers for saved searches, bulk tags, export and the timeline (same rules as workers.py).

Reads are ``exclusive`` in their group; bulk writes and undo are in ``writes`` (never
cancelled) and post their message only after the commit. The export writes a file, not
the database, in its own non-exclusive group.
"""

from __future__ import annotations

from reader.search import SearchRequest
from reader.store.errors import describe
from reader.tui import workflow_data as data
from reader.tui.data import tag_names
from reader.tui.messages import WriteFailed
from reader.tui.screens.workers import ScreenJobs, db_errors
from reader.tui.workflow_messages import (
    BulkDone,
    BulkTagsReady,
    ExportDone,
    ReviewAllDone,
    SavedReady,
    SearchSaved,
    TimelineReady,
    UndoDone,
    UndoReady,
    WorkflowFailed,
)


class WorkflowWorkers(ScreenJobs):
    """Saved searches, bulk tags, undo, export and the timeline."""

    def timeline(self, generation: int, request: SearchRequest) -> None:
        self._run(self._timeline, generation, request, group="timeline", exclusive=True)

    def _timeline(self, generation: int, request: SearchRequest) -> None:
        try:
            line = data.view_timeline(self.connections.get(), request)
        except db_errors():
            line = None
        self._post_unless_cancelled(TimelineReady(generation, line))

    def saved_lookup(self) -> None:
        self._run(self._saved_lookup, group="lookups", exclusive=True)

    def _saved_lookup(self) -> None:
        try:
            items = data.saved_progress(self.connections.get())
        except db_errors() as error:
            self.post_message(WorkflowFailed("The saved searches could not be read", describe(error)))
            return
        self._post_unless_cancelled(SavedReady(items))

    def bulk_lookup(self) -> None:
        self._run(self._bulk_lookup, group="lookups", exclusive=True)

    def _bulk_lookup(self) -> None:
        self._post_unless_cancelled(BulkTagsReady(tag_names(self.connections.get())))

    def undo_lookup(self) -> None:
        self._run(self._undo_lookup, group="lookups", exclusive=True)

    def _undo_lookup(self) -> None:
        self._post_unless_cancelled(UndoReady(data.last_step(self.connections.get(), self.connections.user)))

    # -- writes ---------------------------------------------------------------------
    def save_search(self, name: str, query: str) -> None:
        self._run(self._save_search, name, query, group="writes")

    def _save_search(self, name: str, query: str) -> None:
        try:
            item = data.save(self.connections.get(), name, query)
        except db_errors() as error:
            self.post_message(WriteFailed(f"the saved search “{name}”", describe(error)))
            return
        self.post_message(SearchSaved(item))

    def saved_opened(self, name: str) -> None:
        self._run(self._saved_opened, name, group="writes")

    def _saved_opened(self, name: str) -> None:
        try:
            data.opened(self.connections.get(), name)
        except db_errors() as error:
            self.post_message(WriteFailed(f"when “{name}” was opened", describe(error)))

    def bulk(self, request: SearchRequest, tag: str, add: bool) -> None:
        self._run(self._bulk, request, tag, add, group="writes")

    def _bulk(self, request: SearchRequest, tag: str, add: bool) -> None:
        try:
            result = data.bulk(self.connections.get(), request, tag, add, self.connections.user)
        except db_errors() as error:
            self.post_message(WriteFailed(f"the tag “{tag}” on this search", describe(error)))
            return
        self.post_message(BulkDone(result))

    def undo(self) -> None:
        self._run(self._undo, group="writes")

    def _undo(self) -> None:
        try:
            step = data.undo_last(self.connections.get(), self.connections.user)
        except db_errors() as error:
            self.post_message(WriteFailed("the undo", describe(error)))
            return
        if step is not None:
            self.post_message(UndoDone(step))

    def review_all(self, request: SearchRequest) -> None:
        self._run(self._review_all, request, group="writes")

    def _review_all(self, request: SearchRequest) -> None:
        try:
            result = data.review_all(self.connections.get(), request, self.connections.user)
        except db_errors() as error:
            self.post_message(WriteFailed("the reviewed marks of this search", describe(error)))
            return
        self.post_message(ReviewAllDone(result))

    def export(self, request: SearchRequest, path: str) -> None:
        self._run(self._export, request, path, group="export")

    def _export(self, request: SearchRequest, path: str) -> None:
        try:
            stats = data.export_view(self.connections.get(), request, path)
        except db_errors() as error:
            self.post_message(WorkflowFailed(f"Nothing was exported to {path}", describe(error)))
            return
        self.post_message(ExportDone(path, stats.articles, stats.quotes))
