"""The analyst's workflow on the main screen: saved searches, tag all, undo, export, timeline.

A helper the main screen owns: the screen's keys call its methods and the screen hands
it every :class:`~reader.tui.workflow_messages.WorkflowMessage`; the state (``request``,
``total``, ``generation``) stays on the main screen. Every bulk write asks first, stating
how many articles it touches.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import datetime
from typing import TYPE_CHECKING, Any

from reader.tui import messages as msg
from reader.tui import workflow_messages as wmsg
from reader.tui.screens.saved_flow import SavedChanged
from reader.tui.screens.tags_flow import TagsChanged
from reader.tui.screens.workflow_workers import WorkflowWorkers
from reader.tui.widgets.search_bar import SearchBar
from reader.tui.widgets.timeline_chart import TimelineChart
from reader.tui.workflow_data import default_export_path, describe, export_target
from reader.tui.workflow_messages import WorkflowMessage

if TYPE_CHECKING:
    from reader.store.saved import SavedSearch
    from reader.store.worker_connections import ThreadConnections
    from reader.tui.screens.main import MainScreen
    from reader.tui.screens.tag_modal import TagChange


class Workflow:
    """Owned by the main screen, which hands it its keys and every :class:`WorkflowMessage`."""

    def __init__(self, screen: MainScreen, connections: ThreadConnections) -> None:
        self.screen = screen
        self.jobs = WorkflowWorkers(screen, connections)
        self.handlers: dict[type[WorkflowMessage], Callable[[Any], None]] = {
            wmsg.TimelineReady: self._timeline_ready,
            wmsg.SavedReady: self._saved_ready,
            TagsChanged: self._tags_changed,
            SavedChanged: self._saved_changed,
            wmsg.SearchSaved: self._search_saved,
            wmsg.BulkTagsReady: self._bulk_tags_ready,
            wmsg.UndoReady: self._undo_ready,
            wmsg.UndoDone: self._undo_done,
            wmsg.ReviewAllDone: self._review_all_done,
            wmsg.BulkDone: self._bulk_done,
            wmsg.ExportDone: self._exported,
            wmsg.WorkflowFailed: self._workflow_failed,
        }

    def handle(self, event: WorkflowMessage) -> None:
        self.handlers[type(event)](event)

    # -- timeline -------------------------------------------------------------------
    def search_finished(self, event: msg.SearchFinished) -> None:
        chart = self.screen.query_one(TimelineChart)
        if event.generation == self.screen.generation and chart.display:
            self.jobs.timeline(event.generation, self.screen.request)

    def _timeline_ready(self, event: wmsg.TimelineReady) -> None:
        if event.generation == self.screen.generation:
            self.screen.query_one(TimelineChart).show(event.timeline)

    def toggle_timeline(self) -> None:
        chart = self.screen.query_one(TimelineChart)
        self.screen.timeline_shown = not chart.display  # the screen's watcher shows or hides it
        self.screen.app.remember(self.screen.ui_state())  # type: ignore[attr-defined]
        if chart.display:
            self.jobs.timeline(self.screen.generation, self.screen.request)

    # -- saved searches ---------------------------------------------------------------
    def saved_searches(self) -> None:
        self.jobs.saved_lookup()

    def _saved_ready(self, event: wmsg.SavedReady) -> None:
        from reader.store.saved import SavedSearch
        from reader.tui.screens.saved_flow import edit_saved
        from reader.tui.screens.saved_modal import SavedEdit, SavedSearchesModal

        def chosen(choice: SavedSearch | SavedEdit | str | None) -> None:
            if choice == "save":
                self.save_search()
            elif isinstance(choice, SavedSearch):
                self.open_saved(choice)
            elif isinstance(choice, SavedEdit):
                edit_saved(self.screen, choice)

        self.screen.app.push_screen(SavedSearchesModal(event.items), chosen)

    # -- the tags window ------------------------------------------------------------------
    def tags_window(self) -> None:
        from reader.tui.screens.tags_flow import open_tags

        open_tags(self.screen)

    def _tags_changed(self, event: TagsChanged) -> None:
        self.screen.notify(event.text, timeout=5)
        self.screen.start_search()  # the list shows the tags as stored now
        self.tags_window()

    def _saved_changed(self, event: SavedChanged) -> None:
        self.screen.notify(event.text, timeout=4)
        self.saved_searches()  # back to the list, as it is stored now

    def open_saved(self, saved: SavedSearch) -> None:
        """Show the saved query with no other filter, and remember that it was opened now."""
        self.screen.view = self.screen.view.cleared()
        self.screen.request = replace(self.screen.view.apply(self.screen.request), query=saved.query)
        self.jobs.saved_opened(saved.name)
        search_bar = self.screen.query_one(SearchBar)
        if search_bar.value == saved.query:
            self.screen.start_search()
        else:
            search_bar.input.value = saved.query  # the bar sends it like a typed query
        self.screen.notify(f"Opened saved search “{saved.name}”", timeout=3)

    def save_search(self) -> None:
        from reader.tui.screens.dialogs import PromptModal  # dialogs load on first use

        query = self.screen.view.as_query(self.screen.request.query)  # the filter, outlet and dates too

        def named(name: str | None) -> None:
            if name:
                self.jobs.save_search(name, query)

        question = f"Save “{query or '(every article)'}” as (an existing name is replaced):"
        self.screen.app.push_screen(PromptModal("Save search", question, value=query[:80]), named)

    def _search_saved(self, event: wmsg.SearchSaved) -> None:
        self.screen.notify(f"Saved “{event.item.saved.name}”: {event.item.text()}", timeout=4)

    def _count(self) -> str:
        """The list's total as the dialogs show it: marked ≈ while it is an estimate."""
        return ("≈ " if self.screen.estimated else "") + f"{self.screen.total:,}"

    # -- bulk tags and undo -----------------------------------------------------------
    def bulk_tags(self) -> None:
        if not self.screen.total:
            self.screen.notify("This view has no articles to tag.", severity="warning", timeout=3)
            return
        self.jobs.bulk_lookup()

    def _bulk_tags_ready(self, event: wmsg.BulkTagsReady) -> None:
        from reader.tui.screens.bulk_modal import BulkTagModal
        from reader.tui.screens.dialogs import ConfirmModal

        request, count, shown = self.screen.request, self.screen.total, self._count()

        def chosen(change: TagChange | None) -> None:
            if change is None:
                return
            noun = "article" if count == 1 else "articles"
            question = (
                f"Add the tag “{change.name}” to all {shown} {noun} of {describe(request)}?"
                if change.add
                else f"Remove the tag “{change.name}” from all {shown} {noun} of {describe(request)}?"
            ) + "\n\nz undoes it afterwards."
            self.screen.app.push_screen(
                ConfirmModal("Tag all" if change.add else "Untag all", question),
                lambda yes: self.jobs.bulk(request, change.name, change.add) if yes else None,
            )

        self.screen.app.push_screen(BulkTagModal(count, describe(request), event.known), chosen)

    def undo_bulk(self) -> None:
        self.jobs.undo_lookup()

    def _undo_ready(self, event: wmsg.UndoReady) -> None:
        from reader.tui.screens.dialogs import ConfirmModal

        last = event.last
        if last is None:
            self.screen.notify("Nothing to undo: no review or tag change is left.", timeout=3)
            return
        if not last.many:  # one article: undone at once, the notification says what
            self.jobs.undo()
            return
        question = f"Undo: {last.summary} (search “{last.query or 'every article'}”)?"
        undo = ConfirmModal("Undo", question)
        self.screen.app.push_screen(undo, lambda yes: self.jobs.undo() if yes else None)

    def _undo_done(self, event: wmsg.UndoDone) -> None:
        self.screen.notify(f"Undone: {event.step.summary}", timeout=5)
        if event.step.kind == "review" and not event.step.many:
            self.screen.focus_id = self.screen.undo_focus_id or self.screen.current_id
        self.screen.start_search()  # the list shows the marks and tags as stored now

    # -- review all -------------------------------------------------------------------
    def review_all(self) -> None:
        from reader.tui.screens.dialogs import ConfirmModal

        if not self.screen.total:
            self.screen.notify("This view has no articles to mark.", severity="warning", timeout=3)
            return
        request, count = self.screen.request, self.screen.total
        noun = "article" if count == 1 else "articles"
        question = (
            f"Mark all {self._count()} {noun} of {describe(request)} reviewed?\n\nz undoes it afterwards."
        )
        self.screen.app.push_screen(
            ConfirmModal("Review all", question),
            lambda yes: self.jobs.review_all(request) if yes else None,
        )

    def _review_all_done(self, event: wmsg.ReviewAllDone) -> None:
        text = event.result.text()
        self.screen.notify(f"{text[0].upper()}{text[1:]} (z undoes)", timeout=5)
        self.screen.start_search()

    def _bulk_done(self, event: wmsg.BulkDone) -> None:
        text = event.result.text()
        shown = f"Undone: {text}" if event.undone else f"{text[0].upper()}{text[1:]} (z undoes)"
        self.screen.notify(shown, timeout=5)
        self.screen.start_search()  # the list shows the tags as stored now

    # -- export -----------------------------------------------------------------------
    def export(self) -> None:
        if not self.screen.total:
            self.screen.notify("This view has no articles to export.", severity="warning", timeout=3)
            return
        from reader.tui.screens.dialogs import PromptModal

        request, count = self.screen.request, self.screen.total
        default = default_export_path(datetime.now())
        question = f"Export the {self._count()} articles of {describe(request)} to (.csv, .jsonl or .md):"

        def chosen(path: str | None) -> None:
            if path:
                self.screen.notify(f"Exporting {count:,} articles…", timeout=3)
                self.jobs.export(request, str(export_target(path)))

        self.screen.app.push_screen(PromptModal("Export", question, value=str(default)), chosen)

    def _exported(self, event: wmsg.ExportDone) -> None:
        shown = f"Exported {event.articles:,} articles ({event.quotes:,} quotes) to {event.path}"
        self.screen.notify(shown, timeout=8)

    def _workflow_failed(self, event: wmsg.WorkflowFailed) -> None:
        self.screen.notify(f"{event.what}: {event.error}", title="Failed", severity="error", timeout=10)
