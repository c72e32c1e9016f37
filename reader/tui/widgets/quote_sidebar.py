"""The quotes of the open article, each with its speaker and role; choosing one shows it in the text.

When the search asks for a speaker or for words said (``speaker:``, ``said:``), the
sidebar narrows to the quotes that match; ``a`` switches between those and all quotes.
``c`` asks the screen to correct the highlighted quote.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from rich.text import Text
from textual import on
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from reader.tui.bindings import QUOTES

MAX_QUOTE_CHARS = 220


def quote_prompt(quote: dict[str, Any]) -> Text:
    speaker = quote.get("speaker") or "unknown speaker"
    text = Text(speaker, style="bold")
    if quote.get("role"):
        text.append(f" · {quote['role']}", style="italic")
    if quote.get("kind") == "indirect":
        text.append(" (reported)", style="dim")
    if quote.get("corrected"):
        who = f" by {quote['corrected_by']}" if quote.get("corrected_by") else ""
        text.append(f" (corrected{who})", style="dim italic")
    words = " ".join(str(quote.get("text", "")).split())
    if len(words) > MAX_QUOTE_CHARS:
        words = words[: MAX_QUOTE_CHARS - 1].rstrip() + "…"
    text.append(f"\n“{words}”" if quote.get("kind") == "direct" else f"\n{words}")
    return text


class QuoteSidebar(OptionList):
    """An option list of quotes; Enter or a click posts :class:`QuoteSidebar.Chosen`."""

    BINDINGS = QUOTES

    @dataclass
    class Chosen(Message):
        start: int
        end: int

    @dataclass
    class CorrectWanted(Message):
        quote: dict[str, Any]

    class Back(Message):
        """Esc in the sidebar: the focus goes back to the list."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.all_quotes: list[dict[str, Any]] = []
        self.matching: frozenset[int] = frozenset()  # ids of the quotes the search asks for
        self.narrowed = True
        self.quotes: list[dict[str, Any]] = []  # what is listed
        self.border_title = "Quotes"

    def show_quotes(
        self, quotes: list[dict[str, Any]] | None, matching: frozenset[int] | None = None
    ) -> None:
        """List ``quotes`` (``None``: no article); ``matching`` narrows them when the search asks."""
        self.all_quotes = list(quotes or [])
        self.matching = matching or frozenset()
        self.narrowed = bool(self.matching)
        self._fill(empty=quotes is None)

    def _fill(self, empty: bool = False) -> None:
        narrow = self.narrowed and bool(self.matching)
        shown = self.all_quotes
        self.quotes = [q for q in shown if q.get("id") in self.matching] if narrow else shown
        self.clear_options()
        for number, quote in enumerate(self.quotes):
            if number:
                self.add_option(None)  # a rule between quotes
            self.add_option(Option(quote_prompt(quote), id=f"q{number}"))
        if not self.quotes:
            message = "" if empty else "No quotes found in this article."
            self.add_option(Option(Text(message, style="dim italic"), disabled=True))
        self.border_title = self._title(narrow)

    def _title(self, narrow: bool) -> str:
        if not self.all_quotes:
            return "Quotes"
        if narrow:
            return f"Quotes {len(self.quotes)}/{len(self.all_quotes)} match · a: all"
        if self.matching:
            return f"Quotes ({len(self.all_quotes)}) · a: matching"
        return f"Quotes ({len(self.all_quotes)})"

    def action_toggle_all(self) -> None:
        if not self.matching:
            self.notify("Search with speaker:NAME or said:WORD to narrow the quotes.", timeout=3)
            return
        self.narrowed = not self.narrowed
        self._fill()

    @property
    def current_quote(self) -> dict[str, Any] | None:
        """The highlighted quote, if any."""
        if self.highlighted is None or not self.quotes:
            return None
        option = self.get_option_at_index(self.highlighted)
        return self.quotes[int(option.id[1:])] if option.id else None

    def action_correct(self) -> None:
        if self.highlighted is None or not self.quotes:
            self.notify("No quote is highlighted.", severity="warning", timeout=3)
            return
        option = self.get_option_at_index(self.highlighted)
        if option.id:
            self.post_message(self.CorrectWanted(self.quotes[int(option.id[1:])]))

    def action_back(self) -> None:
        self.post_message(self.Back())

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if not event.option_id:
            return
        quote = self.quotes[int(event.option_id[1:])]
        self.post_message(self.Chosen(int(quote["start"]), int(quote["end"])))
