"""Workers for saved searches, bulk tags, export and the timeline (same rules as workers.py).

Reads are ``exclusive`` in their group; bulk writes and undo are in ``writes`` (never
cancelled) and post their message only after the commit. The export writes a file, not
the database, in its own non-exclusive group.
"""

from __future__ import annotations

from textual import work

from reader.search import SearchRequest
from reader.tui import workflow_data as data
from reader.tui.data import tag_names
from reader.tui.messages import WriteFailed
from reader.tui.screens.workers import DB_ERRORS, Workers
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


class WorkflowWorkers(Workers):
    @work(thread=True, exclusive=True, group="timeline", exit_on_error=False)
    def timeline_worker(self, generation: int, request: SearchRequest) -> None:
        try:
            line = data.view_timeline(self.connections.get(), request)
        except DB_ERRORS:
            line = None
        self._post_unless_cancelled(TimelineReady(generation, line))

    @work(thread=True, exclusive=True, group="lookups", exit_on_error=False)
    def saved_lookup_worker(self) -> None:
        try:
            items = data.saved_progress(self.connections.get())
        except DB_ERRORS as error:
            self.post_message(WorkflowFailed("The saved searches could not be read", str(error)))
            return
        self._post_unless_cancelled(SavedReady(items))

    @work(thread=True, exclusive=True, group="lookups", exit_on_error=False)
    def bulk_lookup_worker(self) -> None:
        self._post_unless_cancelled(BulkTagsReady(tag_names(self.connections.get())))

    @work(thread=True, exclusive=True, group="lookups", exit_on_error=False)
    def undo_lookup_worker(self) -> None:
        self._post_unless_cancelled(UndoReady(data.last_step(self.connections.get())))

    # -- writes ---------------------------------------------------------------------
    @work(thread=True, group="writes", exit_on_error=False)
    def save_search_worker(self, name: str, query: str) -> None:
        try:
            item = data.save(self.connections.get(), name, query)
        except DB_ERRORS as error:
            self.post_message(WriteFailed(f"the saved search “{name}”", str(error)))
            return
        self.post_message(SearchSaved(item))

    @work(thread=True, group="writes", exit_on_error=False)
    def saved_opened_worker(self, name: str) -> None:
        try:
            data.opened(self.connections.get(), name)
        except DB_ERRORS as error:
            self.post_message(WriteFailed(f"when “{name}” was opened", str(error)))

    @work(thread=True, group="writes", exit_on_error=False)
    def bulk_worker(self, request: SearchRequest, tag: str, add: bool) -> None:
        try:
            result = data.bulk(self.connections.get(), request, tag, add)
        except DB_ERRORS as error:
            self.post_message(WriteFailed(f"the tag “{tag}” on this search", str(error)))
            return
        self.post_message(BulkDone(result))

    @work(thread=True, group="writes", exit_on_error=False)
    def undo_worker(self) -> None:
        try:
            step = data.undo_last(self.connections.get())
        except DB_ERRORS as error:
            self.post_message(WriteFailed("the undo", str(error)))
            return
        if step is not None:
            self.post_message(UndoDone(step))

    @work(thread=True, group="writes", exit_on_error=False)
    def review_all_worker(self, request: SearchRequest) -> None:
        try:
            result = data.review_all(self.connections.get(), request)
        except DB_ERRORS as error:
            self.post_message(WriteFailed("the reviewed marks of this search", str(error)))
            return
        self.post_message(ReviewAllDone(result))

    @work(thread=True, group="export", exit_on_error=False)
    def export_worker(self, request: SearchRequest, path: str) -> None:
        try:
            stats = data.export_view(self.connections.get(), request, path)
        except DB_ERRORS as error:
            self.post_message(WorkflowFailed(f"Nothing was exported to {path}", str(error)))
            return
        self.post_message(ExportDone(path, stats.articles, stats.quotes))
