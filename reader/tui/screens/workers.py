"""The main screen's workers: thin thread wrappers over :mod:`reader.tui.data`.

Rules: only these threads touch SQLite (each through its own connection);
they never touch widgets, they post a message. Reads that a newer request
makes stale are ``exclusive`` in their group; writes are in ``writes``, which
is never exclusive, so no search, page load or keystroke can cancel a write.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from functools import partial
from typing import Any

from textual.message import Message
from textual.screen import Screen
from textual.worker import get_current_worker

from reader.errors import ReaderError
from reader.search import SearchRequest
from reader.store.articles import newest_article_id
from reader.store.changes import Changes, changes_after, last_change
from reader.store.claims import claimed_by_others
from reader.store.errors import database_errors, describe, is_connection_lost
from reader.store.marks import MarkHeld
from reader.store.worker_connections import ThreadConnections
from reader.tui import data
from reader.tui.messages import (
    ArticleLoaded,
    ClaimsSeen,
    CountsChanged,
    DatabaseFailed,
    DatabaseUnreachable,
    FilterReady,
    NewestArticle,
    OthersChanged,
    OutletsReady,
    PageLoaded,
    PositionFound,
    QuoteCorrected,
    ReviewHeld,
    ReviewSaved,
    SearchFinished,
    TagsReady,
    TagsSaved,
    UnreviewedFound,
    WriteFailed,
)
from reader.tui.screens.pending_writes import PendingWrites, pending_writes


def db_errors() -> tuple[type[BaseException], ...]:
    """What a worker reports instead of crashing: the stores' errors, reader's own, OS errors."""
    return (ReaderError, OSError, *database_errors())


class ScreenJobs:
    """Runs database work in thread workers of ``screen``; results come back as messages to it."""

    def __init__(self, screen: Screen[Any], connections: ThreadConnections) -> None:
        self.screen = screen
        self.connections = connections

    def _run(self, job: Callable[..., None], *args: Any, group: str, exclusive: bool = False) -> None:
        name = job.__name__.lstrip("_")
        work = self.connections.lent(partial(job, *args))
        if group == "writes":
            work = partial(self._write, work)
            self.pending.started()
        self.screen.run_worker(
            work, name=name, group=group, exclusive=exclusive, thread=True, exit_on_error=False
        )

    @property
    def pending(self) -> PendingWrites:
        return pending_writes(self.screen)

    def _write(self, work: Callable[[], None]) -> None:
        try:
            work()
        finally:
            self.pending.finished()

    def post_message(self, message: Message) -> None:
        self.screen.post_message(message)

    def _post_unless_cancelled(self, message: Message) -> None:
        if not get_current_worker().is_cancelled:
            self.post_message(message)


PAINT_WAIT_SECONDS = 0.5  # at most, for a screen that never paints (headless, closing)


class SearchWorkers(ScreenJobs):
    """The main screen's reads and single-article writes."""

    def search(self, generation: int, request: SearchRequest) -> None:
        self._run(self._search, generation, request, group="search", exclusive=True)

    def _search(self, generation: int, request: SearchRequest) -> None:
        # The list is painted from the page and its total; the reviewed count (one review
        # lookup per match: the slow part of a huge match) follows in the same worker, so
        # a newer keystroke cancels it together with the search it belongs to.
        try:
            result = data.run_search(self.connections.get(), replace(request, count_reviewed=False))
        except db_errors() as error:
            self._post_unless_cancelled(DatabaseFailed(describe(error)))
            return
        finished = SearchFinished(generation, result)
        self._post_unless_cancelled(finished)
        # A warning (a short prefix, a bad date) still ran the search: its count is owed too,
        # and so are the exact counts of a match that was too large to count at once. It
        # waits for the list to be painted: planning it holds the interpreter lock, which on
        # two cores delayed the paint by up to 100 ms.
        owed = result.reviewed_total is None or result.reviewed_by_you is None or result.estimated
        if owed and not get_current_worker().is_cancelled:
            finished.shown.wait(PAINT_WAIT_SECONDS)
            if not get_current_worker().is_cancelled:
                self._count_reviewed(request)

    def poll(self, user: str) -> None:
        self._run(self._poll, user, group="poll", exclusive=True)

    def _poll(self, user: str) -> None:
        try:
            db = self.connections.get()
            newest = newest_article_id(db)
            claims = claimed_by_others(db, user)
        except db_errors() as error:
            if is_connection_lost(error):
                self._post_unless_cancelled(DatabaseUnreachable(describe(error)))
            return  # a busy or vanished database: try again at the next tick
        self._post_unless_cancelled(NewestArticle(newest))
        self._post_unless_cancelled(ClaimsSeen(claims))

    def changes(self, change_seen: int | None) -> None:
        """Read the marks and tags committed since ``change_seen`` (None: only where the log
        stands); the screen asks when the store may have changed (see change_watch)."""
        self._run(self._changes, change_seen, group="changes", exclusive=True)

    def _changes(self, change_seen: int | None) -> None:
        try:
            db = self.connections.get()
            changes = changes_after(db, change_seen) if change_seen is not None else None
            first = Changes(last_change(db), {}) if change_seen is None else None
        except db_errors():
            return  # the poll reports a lost server; the watch asks again once it is back
        if changes is not None and changes.last != change_seen:
            self._post_unless_cancelled(OthersChanged(changes))
        elif first is not None:
            self._post_unless_cancelled(OthersChanged(first))

    def counts(self, request: SearchRequest) -> None:
        self._run(self._counts, request, group="counts", exclusive=True)

    def _counts(self, request: SearchRequest) -> None:
        self._recount(request)

    def warm(self) -> None:
        self._run(self._warm, group="warm")

    def _warm(self) -> None:
        data.warm(self.connections.get())

    def page(self, generation: int, request: SearchRequest, offset: int) -> None:
        self._run(self._page, generation, request, offset, group="pages")

    def _page(self, generation: int, request: SearchRequest, offset: int) -> None:
        try:
            page = data.run_search(self.connections.get(), replace(request, offset=offset))
        except db_errors() as error:
            self.post_message(DatabaseFailed(describe(error)))
            return
        self.post_message(PageLoaded(generation, offset, page.hits))

    def article(self, article_id: int, query: str) -> None:
        self._run(self._article, article_id, query, group="article", exclusive=True)

    def _article(self, article_id: int, query: str) -> None:
        try:
            detail = data.load_article(self.connections.get(), article_id, query)
        except db_errors() as error:
            self._post_unless_cancelled(DatabaseFailed(describe(error)))
            return
        self._post_unless_cancelled(ArticleLoaded(article_id, detail))

    def unreviewed(self, generation: int, request: SearchRequest, after: int, total: int, user: str) -> None:
        self._run(self._unreviewed, generation, request, after, total, user, group="lookups", exclusive=True)

    def _unreviewed(self, generation: int, request: SearchRequest, after: int, total: int, user: str) -> None:
        # Claims its answer for ``user``: posted even when cancelled, so the screen can release
        # a claim it does not use (it compares the generation).
        self.pending.wait()  # the mark r just asked for counts: the next is after it
        try:
            db = self.connections.get()
            try:
                found = data.find_unreviewed(db, request, after, total, user)
            except db_errors():  # a claim this account may not write (a viewer): move all the same
                found = data.find_unreviewed(db, request, after, total, user, take=False)
        except db_errors() as error:
            self._post_unless_cancelled(DatabaseFailed(describe(error)))
            return
        self.post_message(UnreviewedFound(generation, found))

    def position(self, generation: int, request: SearchRequest, article_id: int, total: int) -> None:
        self._run(self._position, generation, request, article_id, total, group="lookups", exclusive=True)

    def _position(self, generation: int, request: SearchRequest, article_id: int, total: int) -> None:
        try:
            index = data.find_position(self.connections.get(), request, article_id, total)
        except db_errors():
            return  # the list stays at its top
        self._post_unless_cancelled(PositionFound(generation, index))

    def tags_lookup(self, article_id: int, title: str) -> None:
        self._run(self._tags_lookup, article_id, title, group="lookups", exclusive=True)

    def _tags_lookup(self, article_id: int, title: str) -> None:
        db = self.connections.get()
        article = data.get_article(db, article_id)
        current = tuple(article["tags"]) if article else ()
        self._post_unless_cancelled(TagsReady(article_id, title, current, data.tag_names(db)))

    def filter_lookup(self) -> None:
        self._run(self._filter_lookup, group="lookups", exclusive=True)

    def _filter_lookup(self) -> None:
        from reader.tui.filter_data import filter_lists

        try:
            lists = filter_lists(self.connections.get())
        except db_errors() as error:
            self._post_unless_cancelled(DatabaseFailed(str(error)))
            return
        self._post_unless_cancelled(FilterReady(lists))

    def outlets_lookup(self) -> None:
        self._run(self._outlets_lookup, group="lookups", exclusive=True)

    def _outlets_lookup(self) -> None:
        try:
            outlets = data.outlet_counts(self.connections.get())
        except db_errors() as error:
            self._post_unless_cancelled(DatabaseFailed(describe(error)))
            return
        self._post_unless_cancelled(OutletsReady(outlets))

    # -- writes: committed before the message that lets the UI show them --------------
    def review(self, article_id: int, request: SearchRequest, take_others: bool = False) -> None:
        self._run(self._review, article_id, request, take_others, group="writes")

    def _review(self, article_id: int, request: SearchRequest, take_others: bool) -> None:
        try:
            db = self.connections.get()
            mark = data.toggle_review(db, article_id, self.connections.user, take_others)
        except MarkHeld as held:
            self.post_message(ReviewHeld(article_id, held.mark))
            return
        except db_errors() as error:
            self.post_message(WriteFailed("the reviewed mark", describe(error)))
            return
        self.post_message(ReviewSaved(article_id, mark.reviewed, mark.by, mark.at))
        self._recount(request)

    def tag(self, article_id: int, name: str, add: bool, request: SearchRequest) -> None:
        self._run(self._tag, article_id, name, add, request, group="writes")

    def _tag(self, article_id: int, name: str, add: bool, request: SearchRequest) -> None:
        try:
            tags = data.change_tag(self.connections.get(), article_id, name, add, self.connections.user)
        except db_errors() as error:
            self.post_message(WriteFailed(f"the tag “{name}”", describe(error)))
            return
        self.post_message(TagsSaved(article_id, tags, f"{'Added' if add else 'Removed'} tag “{name}”"))
        self._recount(request)

    def correct(self, article_id: int, correction: data.QuoteCorrection) -> None:
        self._run(self._correct, article_id, correction, group="writes")

    def _correct(self, article_id: int, correction: data.QuoteCorrection) -> None:
        try:
            summary = data.correct_quote(self.connections.get(), correction, self.connections.user)
        except db_errors() as error:
            self.post_message(WriteFailed("the correction", describe(error)))
            return
        self.post_message(QuoteCorrected(article_id, summary))

    def _count_reviewed(self, request: SearchRequest) -> None:
        try:
            counts = data.count_matches(self.connections.get(), request)
        except db_errors():
            self._recount(request)  # the search's own count, under its deadline
            return
        self._post_unless_cancelled(
            CountsChanged(request, counts.total, counts.reviewed, reviewed_by_you=counts.mine)
        )

    def _recount(self, request: SearchRequest) -> None:
        try:
            exact = replace(request, offset=0, limit=1, estimate=False)
            counts = data.run_search(self.connections.get(), exact)
        except db_errors():
            return
        if not counts.failed:  # a warning still counts; a query that could not run does not
            total, reviewed, mine = counts.total, counts.reviewed_total, counts.reviewed_by_you
            self.post_message(CountsChanged(request, total, reviewed, reviewed_by_you=mine))
