"""The main screen's workers: thin thread wrappers over :mod:`reader.tui.data`.

Rules: only these threads touch SQLite (each through its own connection);
they never touch widgets, they post a message. Reads that a newer request
makes stale are ``exclusive`` in their group; writes are in ``writes``, which
is never exclusive, so no search, page load or keystroke can cancel a write.
"""

from __future__ import annotations

import sqlite3
from dataclasses import replace

from textual import work
from textual.screen import Screen
from textual.worker import get_current_worker

from reader.errors import ReaderError
from reader.search import SearchRequest
from reader.store.connect import ThreadConnections
from reader.tui import data
from reader.tui.messages import (
    ArticleLoaded,
    CountsChanged,
    DatabaseFailed,
    FilterReady,
    NewestArticle,
    OutletsReady,
    PageLoaded,
    PositionFound,
    QuoteCorrected,
    ReviewSaved,
    SearchFinished,
    TagsReady,
    TagsSaved,
    UnreviewedFound,
    WriteFailed,
)

DB_ERRORS = (ReaderError, sqlite3.Error, OSError)


class Workers(Screen[None]):
    connections: ThreadConnections

    def _post_unless_cancelled(self, message: object) -> None:
        if not get_current_worker().is_cancelled:
            self.post_message(message)  # type: ignore[arg-type]

    @work(thread=True, exclusive=True, group="search", exit_on_error=False)
    def search_worker(self, generation: int, request: SearchRequest) -> None:
        # The list is painted from the page and its total; the reviewed count (one review
        # lookup per match: the slow part of a huge match) follows in the same worker, so
        # a newer keystroke cancels it together with the search it belongs to.
        try:
            result = data.run_search(self.connections.get(), replace(request, count_reviewed=False))
        except DB_ERRORS as error:
            self._post_unless_cancelled(DatabaseFailed(str(error)))
            return
        self._post_unless_cancelled(SearchFinished(generation, result))
        # A warning (a short prefix, a bad date) still ran the search: its count is owed too.
        if result.reviewed_total is None and not get_current_worker().is_cancelled:
            self._count_reviewed(request)

    @work(thread=True, exclusive=True, group="poll", exit_on_error=False)
    def poll_worker(self) -> None:
        try:
            newest = data.newest_article_id(self.connections.get())
        except DB_ERRORS:
            return  # a busy or vanished database: try again at the next tick
        self._post_unless_cancelled(NewestArticle(newest))

    @work(thread=True, exclusive=True, group="counts", exit_on_error=False)
    def counts_worker(self, request: SearchRequest) -> None:
        self._recount(request)

    @work(thread=True, group="warm", exit_on_error=False)
    def warm_worker(self) -> None:
        data.warm(self.connections.get())

    @work(thread=True, group="pages", exit_on_error=False)
    def page_worker(self, generation: int, request: SearchRequest, offset: int) -> None:
        try:
            page = data.run_search(self.connections.get(), replace(request, offset=offset))
        except DB_ERRORS as error:
            self.post_message(DatabaseFailed(str(error)))
            return
        self.post_message(PageLoaded(generation, offset, page.hits))

    @work(thread=True, exclusive=True, group="article", exit_on_error=False)
    def article_worker(self, article_id: int, query: str) -> None:
        try:
            detail = data.load_article(self.connections.get(), article_id, query)
        except DB_ERRORS as error:
            self._post_unless_cancelled(DatabaseFailed(str(error)))
            return
        self._post_unless_cancelled(ArticleLoaded(article_id, detail))

    @work(thread=True, exclusive=True, group="lookups", exit_on_error=False)
    def unreviewed_worker(self, generation: int, request: SearchRequest, after: int, total: int) -> None:
        index = data.find_unreviewed(self.connections.get(), request, after, total)
        self._post_unless_cancelled(UnreviewedFound(generation, index))

    @work(thread=True, exclusive=True, group="lookups", exit_on_error=False)
    def position_worker(self, generation: int, request: SearchRequest, article_id: int, total: int) -> None:
        try:
            index = data.find_position(self.connections.get(), request, article_id, total)
        except DB_ERRORS:
            return  # the list stays at its top
        self._post_unless_cancelled(PositionFound(generation, index))

    @work(thread=True, exclusive=True, group="lookups", exit_on_error=False)
    def tags_lookup_worker(self, article_id: int, title: str) -> None:
        db = self.connections.get()
        article = data.get_article(db, article_id)
        current = tuple(article["tags"]) if article else ()
        self._post_unless_cancelled(TagsReady(article_id, title, current, data.tag_names(db)))

    @work(thread=True, exclusive=True, group="lookups", exit_on_error=False)
    def filter_lookup_worker(self) -> None:
        db = self.connections.get()
        self._post_unless_cancelled(FilterReady(data.tag_names(db), data.actor_names(db)))

    @work(thread=True, exclusive=True, group="lookups", exit_on_error=False)
    def outlets_lookup_worker(self) -> None:
        try:
            outlets = data.outlet_counts(self.connections.get())
        except DB_ERRORS as error:
            self._post_unless_cancelled(DatabaseFailed(str(error)))
            return
        self._post_unless_cancelled(OutletsReady(outlets))

    # -- writes: committed before the message that lets the UI show them --------------
    @work(thread=True, group="writes", exit_on_error=False)
    def review_worker(self, article_id: int, request: SearchRequest) -> None:
        try:
            db = self.connections.get()
            reviewed = data.toggle_review(db, article_id)
        except DB_ERRORS as error:
            self.post_message(WriteFailed("the reviewed mark", str(error)))
            return
        self.post_message(ReviewSaved(article_id, reviewed))
        self._recount(request)

    @work(thread=True, group="writes", exit_on_error=False)
    def tag_worker(self, article_id: int, name: str, add: bool, request: SearchRequest) -> None:
        try:
            tags = data.change_tag(self.connections.get(), article_id, name, add)
        except DB_ERRORS as error:
            self.post_message(WriteFailed(f"the tag “{name}”", str(error)))
            return
        self.post_message(TagsSaved(article_id, tags, f"{'Added' if add else 'Removed'} tag “{name}”"))
        self._recount(request)

    @work(thread=True, group="writes", exit_on_error=False)
    def correct_worker(self, article_id: int, correction: data.QuoteCorrection) -> None:
        try:
            summary = data.correct_quote(self.connections.get(), correction)
        except DB_ERRORS as error:
            self.post_message(WriteFailed("the correction", str(error)))
            return
        self.post_message(QuoteCorrected(article_id, summary))

    def _count_reviewed(self, request: SearchRequest) -> None:
        try:
            counts = data.count_matches(self.connections.get(), request)
        except DB_ERRORS:
            self._recount(request)  # the search's own count, under its deadline
            return
        self._post_unless_cancelled(CountsChanged(request, counts.total, counts.reviewed))

    def _recount(self, request: SearchRequest) -> None:
        try:
            counts = data.run_search(self.connections.get(), replace(request, offset=0, limit=1))
        except DB_ERRORS:
            return
        if not counts.failed:  # a warning still counts; a query that could not run does not
            self.post_message(CountsChanged(request, counts.total, counts.reviewed_total))
