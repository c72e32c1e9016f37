"""The main screen's keys that hand their work to a helper module or a worker.

:class:`MainKeys` is the base of :class:`~reader.tui.screens.main.MainScreen`: the view's
keys (filter, outlet, dates, hits, the article's source; see ``view_keys``), the dialogs'
(statements, corrections, speakers, help; see ``dialog_keys``) and the workflow's. The
screen owns the state these read.
"""

from __future__ import annotations

from textual import on
from textual.screen import Screen

from reader.search import SearchRequest
from reader.tui import messages as msg
from reader.tui.screens import dialog_keys, layout, view_keys
from reader.tui.screens.workers import SearchWorkers
from reader.tui.screens.workflow import Workflow
from reader.tui.widgets.quote_sidebar import QuoteSidebar


class MainKeys(Screen[None]):
    # Owned by MainScreen (set in its __init__ or declared as its reactives).
    searches: SearchWorkers
    workflow: Workflow
    request: SearchRequest
    current_id: int | None

    # -- the view (filter, outlet, dates, sort) and the article's source: see view_keys -----
    def action_clear_filters(self) -> None:
        view_keys.clear_filters(self)

    def action_outlet(self) -> None:
        self.searches.outlets_lookup()

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
        view_keys.move_hit(self, +1)

    def action_previous_hit(self) -> None:
        view_keys.move_hit(self, -1)

    def action_toggle_quotes(self) -> None:
        layout.toggle_quotes(self)

    # -- statements, corrections, speakers, help: see dialog_keys ------------------------
    def action_statements(self) -> None:
        dialog_keys.statements(self)

    @on(QuoteSidebar.CorrectWanted)
    def _correct_wanted(self, event: QuoteSidebar.CorrectWanted) -> None:
        dialog_keys.correct_quote(self, event.quote)

    @on(msg.QuoteCorrected)
    def _quote_corrected(self, event: msg.QuoteCorrected) -> None:
        self.notify(event.summary, timeout=4)
        if event.article_id == self.current_id:
            self.searches.article(event.article_id, self.request.query)

    def action_speakers(self) -> None:
        dialog_keys.speakers(self)

    def action_help(self) -> None:
        dialog_keys.help(self)

    # -- the workflow's keys ------------------------------------------------------------
    def action_toggle_timeline(self) -> None:
        self.workflow.toggle_timeline()

    def action_saved_searches(self) -> None:
        self.workflow.saved_searches()

    def action_save_search(self) -> None:
        self.workflow.save_search()

    def action_tags_window(self) -> None:
        self.workflow.tags_window()

    def action_bulk_tags(self) -> None:
        self.workflow.bulk_tags()

    def action_undo_bulk(self) -> None:
        self.workflow.undo_bulk()

    def action_review_all(self) -> None:
        self.workflow.review_all()

    def action_export(self) -> None:
        self.workflow.export()
