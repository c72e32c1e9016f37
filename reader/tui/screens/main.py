"""The main screen: list | text | quotes, the search bar and the status line.

The screen owns the state (the current request and its generation, the filter,
the highlighted article). Widgets only display and post messages; the workers
in :mod:`reader.tui.screens.workers` do every database call.
"""

from __future__ import annotations

from dataclasses import replace

from textual import on
from textual.app import ComposeResult
from textual.containers import Container, Horizontal, Vertical

from reader.search import SearchRequest, SearchResult, parse_query
from reader.store.connect import ThreadConnections
from reader.tui import messages as msg
from reader.tui.bindings import SCREEN, SOURCE, VIEW, WHO_SAID
from reader.tui.data import PAGE_SIZE, Choice
from reader.tui.screens import layout, view_keys
from reader.tui.screens.note_flow import NoteSaved
from reader.tui.screens.workflow import WorkflowScreen
from reader.tui.ui_state import UiState
from reader.tui.view import View, view_of
from reader.tui.widgets.article_list import ArticleList
from reader.tui.widgets.article_view import ArticleView
from reader.tui.widgets.quote_sidebar import QuoteSidebar
from reader.tui.widgets.search_bar import SearchBar
from reader.tui.widgets.status_bar import StatusBar
from reader.tui.widgets.timeline_chart import TimelineChart

EMPTY_DB = "No articles yet.\n\nImport some from a terminal:\n  reader import PATH\n\nthen open reader again."
NO_RESULTS = (
    "No articles match “{query}”{filtered}.\n\nTry fewer or shorter words, or press Esc\nto clear the search."
)
QUERY_ERROR = "This search could not run:\n{error}\n\nEdit the query, or press Esc to clear it."
DB_FAILED = "The database could not be read:\n{error}"
POLL_SECONDS = 3.0  # how often to look for articles imported by another process


class MainScreen(WorkflowScreen):
    BINDINGS = [*SCREEN, *VIEW, *SOURCE, *WHO_SAID]
    AUTO_FOCUS = "ArticleList"

    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (layout.NARROW_BELOW, "-wide")]

    def __init__(self, connections: ThreadConnections, remembered: UiState | None = None) -> None:
        super().__init__(id="main")
        self.connections = connections
        self.remembered = remembered or UiState()
        self.view = view_of(self.remembered)
        self.request = self.view.apply(SearchRequest(query=self.remembered.query, limit=PAGE_SIZE))
        self.generation = 0
        self.quotes_choice = self.remembered.quotes  # None: the width decides (hidden when narrow)
        self.timeline_shown = self.remembered.timeline
        self.total = 0
        self.reviewed_total: int | None = 0  # None: being counted after the list was shown
        self.current_id: int | None = None
        self.newest_id: int | None = None
        self.pending_quote: tuple[int, int, int] | None = None  # (article, start, end) to scroll to
        self._warmed = False
        self.focus_id: int | None = None  # the article the next list puts the cursor on
        self.undo_focus_id: int | None = None  # the row a review took out of the list
        self.focus_id = self.remembered.article_id  # back where the last run left off

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
        self.article_view.border_title = "Text"
        self.quotes.show_quotes(None)
        if self.quotes_choice is not None:
            self.quotes.display = self.quotes_choice
        self.query_one(TimelineChart).display = self.timeline_shown = self.remembered.timeline
        if self.request.query:
            self.search_bar.show_initial(self.request.query)
        self.start_search()
        self.set_interval(POLL_SECONDS, self.poll_worker)

    # -- searching ---------------------------------------------------------------
    def start_search(self) -> None:
        self.generation += 1
        self._show_status(busy=True)
        self.search_worker(self.generation, self.request)

    @on(SearchBar.Changed)
    def _query_changed(self, event: SearchBar.Changed) -> None:
        self.request = replace(self.request, query=event.query)
        self.start_search()

    @on(msg.SearchFinished)
    def _search_finished(self, event: msg.SearchFinished) -> None:
        if event.generation != self.generation:
            return  # an older request: a newer one is already on its way
        result = event.result
        self.total, self.reviewed_total = result.total, result.reviewed_total
        self.search_bar.show_expansions(result.expansions, result.error)
        self.article_list.reset(self.generation, self.total, result.hits, self._notice(result))
        if self.focus_id is not None:  # back on the article an undo or a restart names
            found = [n for n, hit in enumerate(result.hits) if hit.article_id == self.focus_id]
            if found:
                self.article_list.cursor = found[0]
            elif self.total > len(result.hits):  # further down: looked up off the UI thread
                self.position_worker(self.generation, self.request, self.focus_id, self.total)
            self.focus_id = None
        self._show_status()
        if not self._warmed:  # once the first list is painted: loading it competes for the CPU
            self._warmed = True
            self.call_after_refresh(self.warm_worker)
        self.call_after_refresh(self._show_footer)

    async def _show_footer(self) -> None:
        """The key bar costs a few dozen widgets; building them waits for the first painted list."""
        slot = self.query_one("#footer-slot")
        if not slot.children:
            await slot.mount(layout.KeyBar())
            layout.fit_key_bar(self)
            self.refresh_bindings()  # a footer lists the keys when the bindings are announced

    def _notice(self, result: SearchResult) -> str:
        if result.error and not result.total:
            return QUERY_ERROR.format(error=result.error)
        if result.total:
            return ""
        if not self.request.query.strip() and not self.view.narrowed():
            return EMPTY_DB
        filtered = f" with filter {', '.join(self.view.labels())}" if self.view.narrowed() else ""
        query = self.request.query.strip() or "(everything)"
        return NO_RESULTS.format(query=query, filtered=filtered)

    @on(msg.PositionFound)
    def _position_found(self, event: msg.PositionFound) -> None:
        if event.generation == self.generation and event.index is not None and not self.article_list.cursor:
            self.article_list.cursor = event.index  # unless the user has moved already

    # -- articles imported by another process -----------------------------------------
    @on(msg.NewestArticle)
    def _newest_article(self, event: msg.NewestArticle) -> None:
        previous, self.newest_id = self.newest_id, event.article_id
        if previous is None or event.article_id <= previous:
            return
        if self.total == 0:
            self.start_search()  # nothing on screen to lose: show them at once
            return
        # Re-listing would move the cursor under the reader's eyes: update the counts and say so.
        self.counts_worker(self.request)
        self.notify(
            "New articles were imported. Press Ctrl+R to list them.", title="New articles", timeout=8
        )

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
            self.page_worker(event.generation, self.request, event.offset)

    @on(msg.PageLoaded)
    def _page_loaded(self, event: msg.PageLoaded) -> None:
        self.article_list.add_page(event.generation, event.offset, event.hits)

    @on(msg.DatabaseFailed)
    def _database_failed(self, event: msg.DatabaseFailed) -> None:
        self.total = self.reviewed_total = 0
        self.article_list.reset(self.generation, 0, (), DB_FAILED.format(error=event.error))
        self._show_status()
        self.call_after_refresh(self._show_footer)
        self.notify(event.error, title="Database problem", severity="error", timeout=10)

    def _show_status(self, busy: bool = False) -> None:
        label = ", ".join(self.view.labels()) or "all"
        self.query_one(StatusBar).show(
            self.total, self.reviewed_total, label, self.request.query, busy, self.view.sort
        )
        self.search_bar.show_filter(label if self.view.narrowed() else "")

    # -- the highlighted article ---------------------------------------------------
    @on(ArticleList.Highlighted)
    def _highlighted(self, event: ArticleList.Highlighted) -> None:
        self.current_id = event.article_id
        if event.article_id is None:
            self.article_view.show_notice("No article selected.")
            self.quotes.show_quotes(None)
        else:
            self.article_worker(event.article_id, self.request.query)

    @on(msg.ArticleLoaded)
    def _article_loaded(self, event: msg.ArticleLoaded) -> None:
        if event.article_id != self.current_id:
            return
        if event.detail is None:
            self.article_view.show_notice("This article is no longer in the database.")
            self.quotes.show_quotes(None)
            return
        self.article_view.show(event.detail.article, event.detail.hits)
        self.quotes.show_quotes(event.detail.article.get("quotes", []), event.detail.matching_quotes)
        if self.pending_quote and self.pending_quote[0] == event.article_id:
            _article, start, end = self.pending_quote
            self.pending_quote = None
            self.article_view.show_quote(start, end)
            self.article_view.focus()

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
    def _review_filter(self) -> bool | None:
        """Which reviewed state the list is limited to (the filter or ``reviewed:`` typed), if any."""
        if self.request.reviewed is not None:
            return self.request.reviewed
        return parse_query(self.request.query).filters.reviewed

    @on(msg.ReviewSaved)
    def _review_saved(self, event: msg.ReviewSaved) -> None:
        leaves = self._review_filter() is (not event.reviewed)
        if leaves and self.article_list.remove_hit(event.article_id):
            self.total -= 1  # it left the reviewed/unreviewed view; z brings it back
            self.undo_focus_id = event.article_id
            self._show_status()
            return
        self.undo_focus_id = None
        self.article_list.update_hit(event.article_id, reviewed=event.reviewed)
        if self.article_view.article and self.article_view.article.get("id") == event.article_id:
            self.article_view.update_article(reviewed=event.reviewed)

    @on(msg.TagsSaved)
    def _tags_saved(self, event: msg.TagsSaved) -> None:
        self.article_list.update_hit(event.article_id, tags=event.tags)
        if self.article_view.article and self.article_view.article.get("id") == event.article_id:
            self.article_view.update_article(tags=list(event.tags))
        self.notify(event.changed, timeout=3)

    @on(msg.CountsChanged)
    def _counts_changed(self, event: msg.CountsChanged) -> None:
        if event.request == self.request:
            self.total, self.reviewed_total = event.total, event.reviewed_total
            self._show_status()

    @on(msg.WriteFailed)
    def _write_failed(self, event: msg.WriteFailed) -> None:
        self.notify(
            f"Could not save {event.what}: {event.error}. Nothing was changed.",
            title="Not saved",
            severity="error",
            timeout=10,
        )

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
            self.review_worker(current[0], self.request)

    def action_tags(self) -> None:
        if current := self._current():
            self.tags_lookup_worker(*current)

    def action_note(self) -> None:
        from reader.tui.screens.note_flow import edit_note

        if current := self._current():
            edit_note(self, *current)

    @on(NoteSaved)
    def _note_saved(self, event: NoteSaved) -> None:
        from reader.tui.screens.note_flow import show_saved

        show_saved(self, event)

    @on(msg.TagsReady)
    def _tags_ready(self, event: msg.TagsReady) -> None:
        from reader.tui.screens.tag_modal import TagChange, TagModal  # modals load on first use

        def apply(change: TagChange | None) -> None:
            if change is not None:
                self.tag_worker(event.article_id, change.name, change.add, self.request)

        self.app.push_screen(TagModal(event.title, event.current, event.known), apply)

    def action_next_unreviewed(self) -> None:
        if self.total:
            self.unreviewed_worker(self.generation, self.request, self.article_list.cursor, self.total)

    @on(msg.UnreviewedFound)
    def _unreviewed_found(self, event: msg.UnreviewedFound) -> None:
        if event.generation != self.generation:
            return
        if event.index is None:
            self.notify("Every article in this list is reviewed.", timeout=3)
        else:
            self.article_list.cursor = event.index

    def action_filter(self) -> None:
        self.filter_lookup_worker()

    @on(msg.FilterReady)
    def _filter_ready(self, event: msg.FilterReady) -> None:
        from reader.tui.screens.filter_modal import FilterModal

        def apply(choice: Choice | None) -> None:
            if choice is not None:
                self.set_view(replace(self.view, choice=choice))

        self.app.push_screen(FilterModal(self.view.choice, event.tags, event.actors), apply)

    # -- the view (filter, outlet, dates, sort) and the article's source: see view_keys -----
    def action_clear_filters(self) -> None:
        view_keys.clear_filters(self)

    def action_cycle_sort(self) -> None:
        self.set_view(self.view.next_sort())

    def action_outlet(self) -> None:
        self.outlets_lookup_worker()

    @on(msg.OutletsReady)
    def _outlets_ready(self, event: msg.OutletsReady) -> None:
        view_keys.pick_outlet(self, event.outlets)

    def action_dates(self) -> None:
        view_keys.pick_dates(self)

    def action_open_url(self) -> None:
        view_keys.open_url(self)

    def action_copy(self) -> None:
        view_keys.copy(self)

    def action_next_hit(self) -> None:
        self._move_hit(+1)

    def action_previous_hit(self) -> None:
        self._move_hit(-1)

    def _move_hit(self, step: int) -> None:
        if not self.article_view.next_hit(step):
            reason = "Search first (/)" if not self.request.query.strip() else "No hits in this text"
            self.notify(reason, timeout=2)

    def action_toggle_quotes(self) -> None:
        self.quotes.display = self.quotes_choice = not self.quotes.display
        self.app.remember(self.ui_state())  # type: ignore[attr-defined]

    def ui_state(self) -> UiState:
        return layout.state_of(self)

    def on_unmount(self) -> None:
        self.app.remember(self.ui_state())  # type: ignore[attr-defined]

    def on_resize(self) -> None:
        layout.fit_key_bar(self)

    def action_focus_quotes(self) -> None:
        self.quotes.display = self.quotes_choice = True
        if self.quotes.highlighted is None and self.quotes.quotes:
            self.quotes.highlighted = 0
        self.quotes.focus()

    # -- statements: who said what ------------------------------------------------------
    def action_statements(self) -> None:
        from reader.tui.screens.statements import StatementsScreen, StatementTarget

        def opened(target: StatementTarget | None) -> None:
            if target is not None:
                self.current_id = target.article_id
                self.pending_quote = (target.article_id, target.start, target.end)
                self.article_worker(target.article_id, self.request.query)

        request = self.view.apply(self.request)
        self.app.push_screen(StatementsScreen(self.connections, request), opened)

    @on(QuoteSidebar.CorrectWanted)
    def _correct_wanted(self, event: QuoteSidebar.CorrectWanted) -> None:
        from reader.tui.screens.correct_modal import CorrectModal, QuoteCorrection

        def apply(correction: QuoteCorrection | None) -> None:
            if correction is not None and self.current_id is not None:
                self.correct_worker(self.current_id, correction)

        self.app.push_screen(CorrectModal(event.quote), apply)

    @on(msg.QuoteCorrected)
    def _quote_corrected(self, event: msg.QuoteCorrected) -> None:
        self.notify(event.summary, timeout=4)
        if event.article_id == self.current_id:
            self.article_worker(event.article_id, self.request.query)

    def action_speakers(self) -> None:
        from reader.tui.screens.speakers_modal import SpeakersModal

        self.app.push_screen(SpeakersModal(self.connections))

    def action_help(self) -> None:
        from reader.tui.screens.help import HelpScreen

        self.app.push_screen(HelpScreen())

    def action_quit(self) -> None:
        self.app.exit()
