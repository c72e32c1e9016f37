"""The search field: debounced as-you-type queries, plus the line that explains what matched."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from time import monotonic
from typing import Any

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.timer import Timer
from textual.widgets import Input, Static

from reader.search import Expansion
from reader.tui.bindings import SEARCH

DEBOUNCE_SECONDS = 0.15


class QueryInput(Input):
    BINDINGS = SEARCH

    class Leave(Message):
        pass

    def action_leave(self) -> None:
        self.post_message(self.Leave())


class SearchBar(Vertical):
    """Posts :class:`SearchBar.Changed` for what the user types (debounced), at once on Enter.

    Debounce with a leading edge: a keystroke after a quiet spell of
    ``DEBOUNCE_SECONDS`` searches immediately (so one edit shows results in the
    time the search takes); keystrokes in a burst restart a timer, and the query
    is sent once the burst pauses. Results of superseded queries are dropped by
    the screen, so sending early never shows a stale list.
    """

    @dataclass
    class Changed(Message):
        query: str

    @dataclass
    class Left(Message):
        pass

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._timer: Timer | None = None
        self._sent: str | None = None
        self._sent_at = 0.0

    def compose(self) -> ComposeResult:
        yield QueryInput(
            placeholder='/ to search: kecurangan, "surat suara", actor names, typos are fine', id="query"
        )
        yield Static("", id="expansions")

    @property
    def input(self) -> QueryInput:
        return self.query_one(QueryInput)

    @property
    def value(self) -> str:
        return self.input.value

    def show_initial(self, query: str) -> None:
        """Put a query the screen already searches for in the field, without sending it again."""
        self._sent = query
        self.input.value = query

    def clear(self) -> None:
        self.input.value = ""
        self._send()

    @on(Input.Changed)
    def _typed(self, event: Input.Changed) -> None:
        """The first keystroke after a pause searches at once; a burst waits for a pause."""
        event.stop()
        if self._timer is None and monotonic() - self._sent_at >= DEBOUNCE_SECONDS:
            self._send()
            return
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.set_timer(DEBOUNCE_SECONDS, self._send)

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self._send()
        self.post_message(self.Left())

    @on(QueryInput.Leave)
    def _leave(self, event: QueryInput.Leave) -> None:
        event.stop()
        self.post_message(self.Left())

    def _send(self) -> None:
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        query = self.input.value
        self._sent_at = monotonic()
        if query != self._sent:
            self._sent = query
            self.post_message(self.Changed(query))

    def show_expansions(self, expansions: Sequence[Expansion], error: str | None = None) -> None:
        label = self.query_one("#expansions", Static)
        if error:
            text = Text(f"⚠ {error}", style="bold red")
        elif expansions:
            text = Text("also matching: " + ", ".join(str(e) for e in expansions), style="italic")
        else:
            text = Text("")
        # The line keeps its row when empty, so the list never jumps as the user types, and
        # the screen is laid out again only when the text wraps to another number of lines:
        # a layout pass re-arranges and repaints every widget (most keystrokes change the line).
        label.update(text, layout=False)
        region = label.content_region
        if label.get_content_height(region.size, region.size, region.width) != region.height:
            label.refresh(layout=True)

    def show_filter(self, label: str) -> None:
        """Name what narrows every query (the filter, outlet, dates) on the field's border."""
        self.input.border_title = f"only {label} · F clears" if label else None
