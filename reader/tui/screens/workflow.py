"""The analyst's workflow on the main screen: saved searches, tag all, undo, export, timeline.

A base class of :class:`reader.tui.screens.main.MainScreen`: the actions and message
handlers live here, the state (``request``, ``total``, ``generation``) stays on the
main screen. Every bulk write asks first, stating how many articles it touches.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from typing import TYPE_CHECKING

from textual import on

from reader.search import SearchRequest
from reader.tui import messages as msg
from reader.tui import workflow_messages as wmsg
from reader.tui.bindings import WORKFLOW
from reader.tui.screens.saved_flow import SavedChanged
from reader.tui.screens.tags_flow import TagsChanged
from reader.tui.screens.workflow_workers import WorkflowWorkers
from reader.tui.widgets.search_bar import SearchBar
from reader.tui.widgets.timeline_chart import TimelineChart
from reader.tui.workflow_data import default_export_path, describe, export_target

if TYPE_CHECKING:
    from reader.store.saved import SavedSearch
    from reader.tui.screens.tag_modal import TagChange
    from reader.tui.ui_state import UiState
    from reader.tui.view import View


class WorkflowScreen(WorkflowWorkers):
    BINDINGS = WORKFLOW
    request: SearchRequest
    generation: int
    total: int
    view: View
    focus_id: int | None
    undo_focus_id: int | None
    current_id: int | None
    timeline_shown: bool

    def ui_state(self) -> UiState:
        raise NotImplementedError

    def start_search(self) -> None:
        raise NotImplementedError

    # -- timeline -------------------------------------------------------------------
    @on(msg.SearchFinished)
    def _count_days(self, event: msg.SearchFinished) -> None:
        chart = self.query_one(TimelineChart)
        if event.generation == self.generation and chart.display:
            self.timeline_worker(event.generation, self.request)

    @on(wmsg.TimelineReady)
    def _timeline_ready(self, event: wmsg.TimelineReady) -> None:
        if event.generation == self.generation:
            self.query_one(TimelineChart).show(event.timeline)

    def action_toggle_timeline(self) -> None:
        chart = self.query_one(TimelineChart)
        chart.display = self.timeline_shown = not chart.display
        self.app.remember(self.ui_state())  # type: ignore[attr-defined]
        if chart.display:
            self.timeline_worker(self.generation, self.request)

    # -- saved searches ---------------------------------------------------------------
    def action_saved_searches(self) -> None:
        self.saved_lookup_worker()

    @on(wmsg.SavedReady)
    def _saved_ready(self, event: wmsg.SavedReady) -> None:
        from reader.store.saved import SavedSearch
        from reader.tui.screens.saved_flow import edit_saved
        from reader.tui.screens.saved_modal import SavedEdit, SavedSearchesModal

        def chosen(choice: SavedSearch | SavedEdit | str | None) -> None:
            if choice == "save":
                self.action_save_search()
            elif isinstance(choice, SavedSearch):
                self.open_saved(choice)
            elif isinstance(choice, SavedEdit):
                edit_saved(self, choice)

        self.app.push_screen(SavedSearchesModal(event.items), chosen)

    # -- the tags window ------------------------------------------------------------------
    def action_tags_window(self) -> None:
        from reader.tui.screens.tags_flow import open_tags

        open_tags(self)

    @on(TagsChanged)
    def _tags_changed(self, event: TagsChanged) -> None:
        self.notify(event.text, timeout=5)
        self.start_search()  # the list shows the tags as stored now
        self.action_tags_window()

    @on(SavedChanged)
    def _saved_changed(self, event: SavedChanged) -> None:
        self.notify(event.text, timeout=4)
        self.action_saved_searches()  # back to the list, as it is stored now

    def open_saved(self, saved: SavedSearch) -> None:
        """Show the saved query with no other filter, and remember that it was opened now."""
        self.view = self.view.cleared()
        self.request = replace(self.view.apply(self.request), query=saved.query)
        self.saved_opened_worker(saved.name)
        search_bar = self.query_one(SearchBar)
        if search_bar.value == saved.query:
            self.start_search()
        else:
            search_bar.input.value = saved.query  # the bar sends it like a typed query
        self.notify(f"Opened saved search “{saved.name}”", timeout=3)

    def action_save_search(self) -> None:
        from reader.tui.screens.dialogs import PromptModal  # dialogs load on first use

        query = self.view.as_query(self.request.query)  # the filter, outlet and dates too

        def named(name: str | None) -> None:
            if name:
                self.save_search_worker(name, query)

        question = f"Save “{query or '(every article)'}” as (an existing name is replaced):"
        self.app.push_screen(PromptModal("Save search", question, value=query[:80]), named)

    @on(wmsg.SearchSaved)
    def _search_saved(self, event: wmsg.SearchSaved) -> None:
        self.notify(f"Saved “{event.item.saved.name}”: {event.item.text()}", timeout=4)

    # -- bulk tags and undo -----------------------------------------------------------
    def action_bulk_tags(self) -> None:
        if not self.total:
            self.notify("This view has no articles to tag.", severity="warning", timeout=3)
            return
        self.bulk_lookup_worker()

    @on(wmsg.BulkTagsReady)
    def _bulk_tags_ready(self, event: wmsg.BulkTagsReady) -> None:
        from reader.tui.screens.bulk_modal import BulkTagModal
        from reader.tui.screens.dialogs import ConfirmModal

        request, count = self.request, self.total

        def chosen(change: TagChange | None) -> None:
            if change is None:
                return
            noun = "article" if count == 1 else "articles"
            question = (
                f"Add the tag “{change.name}” to all {count:,} {noun} of {describe(request)}?"
                if change.add
                else f"Remove the tag “{change.name}” from all {count:,} {noun} of {describe(request)}?"
            ) + "\n\nz undoes it afterwards."
            self.app.push_screen(
                ConfirmModal("Tag all" if change.add else "Untag all", question),
                lambda yes: self.bulk_worker(request, change.name, change.add) if yes else None,
            )

        self.app.push_screen(BulkTagModal(count, describe(request), event.known), chosen)

    def action_undo_bulk(self) -> None:
        self.undo_lookup_worker()

    @on(wmsg.UndoReady)
    def _undo_ready(self, event: wmsg.UndoReady) -> None:
        from reader.tui.screens.dialogs import ConfirmModal

        last = event.last
        if last is None:
            self.notify("Nothing to undo: no review or tag change is left.", timeout=3)
            return
        if not last.many:  # one article: undone at once, the notification says what
            self.undo_worker()
            return
        question = f"Undo: {last.summary} (search “{last.query or 'every article'}”)?"
        self.app.push_screen(ConfirmModal("Undo", question), lambda yes: self.undo_worker() if yes else None)

    @on(wmsg.UndoDone)
    def _undo_done(self, event: wmsg.UndoDone) -> None:
        self.notify(f"Undone: {event.step.summary}", timeout=5)
        if event.step.kind == "review" and not event.step.many:
            self.focus_id = self.undo_focus_id or self.current_id
        self.start_search()  # the list shows the marks and tags as stored now

    # -- review all -------------------------------------------------------------------
    def action_review_all(self) -> None:
        from reader.tui.screens.dialogs import ConfirmModal

        if not self.total:
            self.notify("This view has no articles to mark.", severity="warning", timeout=3)
            return
        request, count = self.request, self.total
        noun = "article" if count == 1 else "articles"
        question = (
            f"Mark all {count:,} {noun} of {describe(request)} reviewed?\n\nz undoes it afterwards."
        )
        self.app.push_screen(
            ConfirmModal("Review all", question),
            lambda yes: self.review_all_worker(request) if yes else None,
        )

    @on(wmsg.ReviewAllDone)
    def _review_all_done(self, event: wmsg.ReviewAllDone) -> None:
        text = event.result.text()
        self.notify(f"{text[0].upper()}{text[1:]} (z undoes)", timeout=5)
        self.start_search()

    @on(wmsg.BulkDone)
    def _bulk_done(self, event: wmsg.BulkDone) -> None:
        text = event.result.text()
        shown = f"Undone: {text}" if event.undone else f"{text[0].upper()}{text[1:]} (z undoes)"
        self.notify(shown, timeout=5)
        self.start_search()  # the list shows the tags as stored now

    # -- export -----------------------------------------------------------------------
    def action_export(self) -> None:
        if not self.total:
            self.notify("This view has no articles to export.", severity="warning", timeout=3)
            return
        from reader.tui.screens.dialogs import PromptModal

        request, count = self.request, self.total
        default = default_export_path(datetime.now())
        question = f"Export the {count:,} articles of {describe(request)} to (.csv, .jsonl or .md):"

        def chosen(path: str | None) -> None:
            if path:
                self.notify(f"Exporting {count:,} articles…", timeout=3)
                self.export_worker(request, str(export_target(path)))

        self.app.push_screen(PromptModal("Export", question, value=str(default)), chosen)

    @on(wmsg.ExportDone)
    def _exported(self, event: wmsg.ExportDone) -> None:
        shown = f"Exported {event.articles:,} articles ({event.quotes:,} quotes) to {event.path}"
        self.notify(shown, timeout=8)

    @on(wmsg.WorkflowFailed)
    def _workflow_failed(self, event: wmsg.WorkflowFailed) -> None:
        self.notify(f"{event.what}: {event.error}", title="Failed", severity="error", timeout=10)
