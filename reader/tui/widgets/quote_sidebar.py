"""The quotes of the open article, each with its speaker and role; choosing one shows it in the text."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from rich.text import Text
from textual import on
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

MAX_QUOTE_CHARS = 220


def quote_prompt(quote: dict[str, Any]) -> Text:
    speaker = quote.get("speaker") or "unknown speaker"
    text = Text(speaker, style="bold")
    if quote.get("role"):
        text.append(f" · {quote['role']}", style="italic")
    if quote.get("kind") == "indirect":
        text.append(" (reported)", style="dim")
    words = " ".join(str(quote.get("text", "")).split())
    if len(words) > MAX_QUOTE_CHARS:
        words = words[: MAX_QUOTE_CHARS - 1].rstrip() + "…"
    text.append(f"\n“{words}”" if quote.get("kind") == "direct" else f"\n{words}")
    return text


class QuoteSidebar(OptionList):
    """An option list of quotes; Enter or a click posts :class:`QuoteSidebar.Chosen`."""

    @dataclass
    class Chosen(Message):
        start: int
        end: int

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.quotes: list[dict[str, Any]] = []
        self.border_title = "Quotes"

    def show_quotes(self, quotes: list[dict[str, Any]] | None) -> None:
        self.quotes = list(quotes or [])
        self.clear_options()
        if self.quotes:
            for number, quote in enumerate(self.quotes):
                if number:
                    self.add_option(None)  # a rule between quotes
                self.add_option(Option(quote_prompt(quote), id=f"q{number}"))
            self.border_title = f"Quotes ({len(self.quotes)})"
        else:
            message = "No quotes found in this article." if quotes is not None else ""
            self.add_option(Option(Text(message, style="dim italic"), disabled=True))
            self.border_title = "Quotes"

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if not event.option_id:
            return
        quote = self.quotes[int(event.option_id[1:])]
        self.post_message(self.Chosen(int(quote["start"]), int(quote["end"])))
