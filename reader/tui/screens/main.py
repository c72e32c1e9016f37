"""The main screen: list | text | quotes, the search bar and the status line.

Its state lives in reactives (request and view, counts, selected article, layout toggles);
watchers repaint the widgets from them. Helpers the screen owns do the work: a
:class:`~reader.tui.screens.workers.SearchWorkers` (every database call, in workers) and a
:class:`~reader.tui.screens.workflow.Workflow` (saved searches, bulk tags, undo, export, timeline).
"""

from __future__ import annotations

from dataclasses import replace

from textual import on
from textual.app import ComposeResult
from textual.containers import Container, Horizontal, Vertical
from textual.reactive import reactive

from reader.search import SearchRequest
from reader.store.worker_connections import ThreadConnections
from reader.tui import messages as msg
from reader.tui import workflow_messages as wmsg
from reader.tui.bindings import SCREEN, SOURCE, VIEW, WHO_SAID, WORKFLOW
from reader.tui.data import PAGE_SIZE
from reader.tui.screens import dialog_keys, edits, layout, note_flow, notices
from reader.tui.screens.change_watch import ChangeWatch
from reader.tui.screens.claim_workers import RENEW_SECONDS, ClaimWorkers
from reader.tui.screens.main_keys import MainKeys
from reader.tui.screens.workers import SearchWorkers
from reader.tui.screens.workflow import Workflow
from reader.tui.ui_state import UiState
from reader.tui.view import View, view_of
from reader.tui.widgets.article_list import ArticleList
from reader.tui.widgets.article_view import ArticleView
from reader.tui.widgets.quote_sidebar import QuoteSidebar
from reader.tui.widgets.search_bar import SearchBar
from reader.tui.widgets.status_bar import StatusBar
from reader.tui.widgets.timeline_chart import TimelineChart

POLL_SECONDS = 1.0  # how often to look for new articles and other analysts' open articles


class MainScreen(MainKeys):
    BINDINGS = [*WORKFLOW, *SCREEN, *VIEW, *SOURCE, *WHO_SAID]
    AUTO_FOCUS = "ArticleList"

    # Any change repaints the status line and filter (_paint_status); current_id shows the article.
    request: reactive[SearchRequest] = reactive(SearchRequest(query=""), init=False)
    view: reactive[View] = reactive(View(), init=False)
    total: reactive[int] = reactive(0, init=False)
    reviewed_total: reactive[int | None] = reactive(0, init=False)  # None: being counted
    reviewed_by_you: reactive[int | None] = reactive(0, init=False)  # of those, this analyst's
    estimated: reactive[bool] = reactive(False, init=False)  # both counts estimated (≈) for now
    busy: reactive[bool] = reactive(False, init=False)  # a search is running
    current_id: reactive[int | None] = reactive(None, init=False, always_update=True)
    # The layout toggles (s, l) as the next run restores them; None: the width decides.
    quotes_choice: reactive[bool | None] = reactive(None, init=False, always_update=True)
    timeline_shown: reactive[bool] = reactive(False, init=False, always_update=True)

    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (layout.NARROW_BELOW, "-wide")]

    def __init__(self, connections: ThreadConnections, remembered: UiState | None = None) -> None:
        super().__init__(id="main")
        self.connections = connections
        self.searches = SearchWorkers(self, connections)
        self.claims = ClaimWorkers(self, connections)  # the open article's claim
        self.watch = ChangeWatch(self, connections)  # other analysts' marks and tags, at once
        self.workflow = Workflow(self, connections)
        self.remembered = remembered or UiState()
        view = view_of(self.remembered)
        self.set_reactive(MainScreen.view, view)
        # A very large match is shown with estimated totals first; the exact ones follow.
        request = view.apply(
            SearchRequest(self.remembered.query, limit=PAGE_SIZE, estimate=True, user=connections.user)
        )
        self.set_reactive(MainScreen.request, request)
        self.generation = 0
        self.set_reactive(MainScreen.quotes_choice, self.remembered.quotes)
        self.set_reactive(MainScreen.timeline_shown, self.remembered.timeline)
        self.newest_id: int | None = None
        self.change_seen: int | None = None  # review_log position already shown
        self.offline = False  # the database server could not be reached at the last poll
        self.pending_quote: tuple[int, int, int] | None = None  # (article, start, end) to scroll to
        self._warmed = False
        self.undo_focus_id: int | None = None  # the row a review took out of the list
        # the article the next list puts the cursor on: where the last run left off
        self.focus_id: int | None = self.remembered.article_id

    def compose(self) -> ComposeResult:
        yield SearchBar(id="search-bar")
        with Horizontal(id="panes"):
            with Vertical(id="list-column"):
                yield ArticleList(id="article-list")
                yield TimelineChart(id="timeline")
            yield ArticleView(id="article-view")
            yield QuoteSidebar(id="quotes")
        yield StatusBar(id="status")
        yield Container(id="footer-slot")  # the key bar, mounted once the first list is painted

    @property
    def article_list(self) -> ArticleList:
        return self.query_one(ArticleList)

    @property
    def article_view(self) -> ArticleView:
        return self.query_one(ArticleView)

    @property
    def quotes(self) -> QuoteSidebar:
        return self.query_one(QuoteSidebar)

    @property
    def search_bar(self) -> SearchBar:
        return self.query_one(SearchBar)

    def on_mount(self) -> None:
        self.article_list.border_title = "Articles"
        self.article_list.user = self.connections.user
        self.article_view.border_title = "Text"
        self.quotes.show_quotes(None)
        self.watch_quotes_choice(self.quotes_choice)
        self.watch_timeline_shown(self.timeline_shown)
        if self.request.query:
            self.search_bar.show_initial(self.request.query)
        self.start_search()
        self.set_interval(POLL_SECONDS, self.poll_worker)
        self.watch.start()
        self.set_interval(RENEW_SECONDS, lambda: self.claims.keep(self.current_id, self.user))

    def watch_quotes_choice(self, shown: bool | None) -> None:
        if shown is not None:  # None: the stylesheet hides the sidebar when narrow
            self.quotes.display = shown

    def watch_timeline_shown(self, shown: bool) -> None:
        self.query_one(TimelineChart).display = shown

    # -- searching ---------------------------------------------------------------
    def start_search(self) -> None:
        self.generation += 1
        self.busy = True
        self.searches.search(self.generation, self.request)

    @on(SearchBar.Changed)
    def _query_changed(self, event: SearchBar.Changed) -> None:
        self.request = replace(self.request, query=event.query)
        self.start_search()

    @on(msg.SearchFinished)
    def _search_finished(self, event: msg.SearchFinished) -> None:
        self.call_after_refresh(event.shown.set)  # the worker's count may start (see workers)
        if event.generation != self.generation:
            return  # an older request: a newer one is already on its way
        result = event.result
        self.total, self.reviewed_total = result.total, result.reviewed_total
        self.reviewed_by_you, self.estimated = result.reviewed_by_you, result.estimated
        self.search_bar.show_expansions(result.expansions, result.error)
        notice = notices.notice(result, self.request, self.view)
        self.article_list.reset(self.generation, self.total, result.hits, notice)
        if self.focus_id is not None:  # back on the article an undo or a restart names
            found = [n for n, hit in enumerate(result.hits) if hit.article_id == self.focus_id]
            if found:
                self.article_list.cursor = found[0]
            elif self.total > len(result.hits):  # further down: looked up off the UI thread
                self.searches.position(self.generation, self.request, self.focus_id, self.total)
            self.focus_id = None
        self.busy = False
        if not self._warmed:  # once the first list is painted: loading it competes for the CPU
            self._warmed = True
            self.call_after_refresh(self.warm_worker)
        self.call_after_refresh(layout.show_footer, self)
        self.workflow.search_finished(event)

    @property
    def user(self) -> str:
        return str(self.app.user)  # type: ignore[attr-defined]

    def poll_worker(self) -> None:
        self.searches.poll(self.user)

    def warm_worker(self) -> None:
        self.searches.warm()

    @on(wmsg.WorkflowMessage)
    def _workflow_message(self, event: wmsg.WorkflowMessage) -> None:
        self.workflow.handle(event)

    @on(msg.PositionFound)
    def _position_found(self, event: msg.PositionFound) -> None:
        if event.generation == self.generation and event.index is not None and not self.article_list.cursor:
            self.article_list.cursor = event.index  # unless the user has moved already

    # -- articles imported by another process -----------------------------------------
    @on(msg.DatabaseUnreachable)
    def _database_unreachable(self, event: msg.DatabaseUnreachable) -> None:
        notices.unreachable(self, event.error)

    @on(msg.ClaimsSeen)
    def _claims_seen(self, event: msg.ClaimsSeen) -> None:
        self.article_list.show_claims(event.claims)

    @on(msg.NewestArticle)
    def _newest_article(self, event: msg.NewestArticle) -> None:
        if self.offline:
            notices.reconnected(self)
        previous, self.newest_id = self.newest_id, event.article_id
        if previous is not None and event.article_id > previous:
            notices.new_articles(self)

    @on(msg.ChangesWaiting)
    def _changes_waiting(self) -> None:
        self.searches.changes(self.change_seen)

    @on(msg.OthersChanged)
    def _others_changed(self, event: msg.OthersChanged) -> None:
        edits.others_changed(self, event.changes)

    def set_view(self, view: View) -> None:
        """Narrow or re-order the list (filter, outlet, dates, sort) and search again."""
        self.view = view
        self.request = view.apply(self.request)
        self.start_search()

    def action_refresh(self) -> None:
        self.start_search()

    @on(ArticleList.PageWanted)
    def _page_wanted(self, event: ArticleList.PageWanted) -> None:
        if event.generation == self.generation:
            self.searches.page(event.generation, self.request, event.offset)

    @on(msg.PageLoaded)
    def _page_loaded(self, event: msg.PageLoaded) -> None:
        self.article_list.add_page(event.generation, event.offset, event.hits)

    @on(msg.DatabaseFailed)
    def _database_failed(self, event: msg.DatabaseFailed) -> None:
        self.total = self.reviewed_total = self.reviewed_by_you = 0
        self.busy = self.estimated = False
        notices.database_failed(self, event.error)

    def _paint_status(self) -> None:
        layout.paint_status(self)  # the one place the status line and the filter are painted

    watch_request = watch_view = watch_total = watch_reviewed_total = watch_busy = _paint_status
    watch_estimated = watch_reviewed_by_you = _paint_status

    # -- the highlighted article ---------------------------------------------------
    @on(ArticleList.Highlighted)
    def _highlighted(self, event: ArticleList.Highlighted) -> None:
        self.current_id = event.article_id

    def watch_current_id(self, article_id: int | None) -> None:
        edits.show_selected(self, article_id)

    @on(msg.ArticleLoaded)
    def _article_loaded(self, event: msg.ArticleLoaded) -> None:
        edits.show_loaded(self, event)

    @on(QuoteSidebar.Chosen)
    def _quote_chosen(self, event: QuoteSidebar.Chosen) -> None:
        self.article_view.show_quote(event.start, event.end)

    @on(ArticleList.Opened)
    def _opened(self) -> None:
        self.article_view.focus()

    @on(ArticleView.Back)
    @on(QuoteSidebar.Back)
    @on(SearchBar.Left)
    def _back_to_list(self) -> None:
        self.article_list.focus()

    @on(ArticleList.ClearSearch)
    def _clear_search(self) -> None:
        if self.search_bar.value:
            self.search_bar.clear()

    # -- writes ----------------------------------------------------------------------
    @on(msg.ReviewSaved)
    def _review_saved(self, event: msg.ReviewSaved) -> None:
        edits.review_saved(self, event)

    @on(msg.ReviewHeld)
    def _review_held(self, event: msg.ReviewHeld) -> None:
        edits.ask_to_take_mark(self, event)

    @on(msg.TagsSaved)
    def _tags_saved(self, event: msg.TagsSaved) -> None:
        edits.tags_saved(self, event)

    @on(msg.CountsChanged)
    def _counts_changed(self, event: msg.CountsChanged) -> None:
        if event.request == self.request:
            if self.estimated and not event.estimated:  # the exact count replaces the estimate
                self.article_list.resize(event.total)
            self.total, self.reviewed_total = event.total, event.reviewed_total
            self.reviewed_by_you = event.reviewed_by_you
            self.busy, self.estimated = False, event.estimated

    @on(msg.WriteFailed)
    def _write_failed(self, event: msg.WriteFailed) -> None:
        notices.write_failed(self, event)

    # -- actions (keys, mouse, command palette) ---------------------------------------
    def _current(self) -> tuple[int, str] | None:
        hit = self.article_list.current
        if hit is None:
            self.notify("No article is selected.", severity="warning", timeout=3)
            return None
        return hit.article_id, hit.title or "(untitled)"

    def action_search(self) -> None:
        self.search_bar.input.focus()

    def action_toggle_reviewed(self) -> None:
        if current := self._current():
            self.searches.review(current[0], self.request)

    def action_tags(self) -> None:
        if current := self._current():
            self.searches.tags_lookup(*current)

    def action_note(self) -> None:
        if current := self._current():
            note_flow.edit_note(self, *current)

    @on(note_flow.NoteSaved)
    def _note_saved(self, event: note_flow.NoteSaved) -> None:
        note_flow.show_saved(self, event)

    @on(msg.TagsReady)
    def _tags_ready(self, event: msg.TagsReady) -> None:
        dialog_keys.edit_tags(self, event)

    def action_next_unreviewed(self) -> None:
        if self.total:
            self.searches.unreviewed(
                self.generation, self.request, self.article_list.cursor, self.total, self.user
            )

    @on(msg.UnreviewedFound)
    def _unreviewed_found(self, event: msg.UnreviewedFound) -> None:
        if event.generation == self.generation:
            edits.go_to_unreviewed(self, event.found)
        elif event.found.article_id is not None:  # claimed for a move the list no longer makes
            self.claims.drop(event.found.article_id, self.user)

    def action_filter(self) -> None:
        self.searches.filter_lookup()

    @on(msg.FilterReady)
    def _filter_ready(self, event: msg.FilterReady) -> None:
        dialog_keys.pick_filter(self, event)

    def ui_state(self) -> UiState:
        return layout.state_of(self)

    def on_unmount(self) -> None:
        self.app.remember(self.ui_state())  # type: ignore[attr-defined]
        self.claims.release_at_exit(self.user)
        self.watch.stop()

    def on_resize(self) -> None:
        layout.fit_key_bar(self)

    def action_focus_quotes(self) -> None:
        layout.focus_quotes(self)

    def action_cycle_sort(self) -> None:
        self.set_view(self.view.next_sort())

    def action_quit(self) -> None:
        self.app.exit()
