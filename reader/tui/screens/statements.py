"""The statements view: the quotes, not the articles, that the current search finds.

Each row shows who spoke (speaker and role), where and when (outlet, date) and
what was said, with the search hits marked. Enter returns the quote so the main
screen can open its article scrolled to it. The quotes are looked up in a worker.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option
from textual.worker import get_current_worker

from reader.search import SearchRequest
from reader.store.errors import describe
from reader.store.worker_connections import ThreadConnections
from reader.tui import bindings
from reader.tui.data import STATEMENTS_PAGE, Statements, count_statements, find_statements
from reader.tui.screens.workers import db_errors

MAX_TEXT_CHARS = 600


@dataclass(frozen=True, slots=True)
class StatementTarget:
    """The quote the user chose: its article and where it is in the body."""

    article_id: int
    start: int
    end: int


def statement_prompt(quote: dict[str, Any]) -> Text:
    """Speaker · role — outlet, date, then the quote with its hits highlighted."""
    text = Text(quote.get("speaker") or "unknown speaker", style="bold")
    if quote.get("role"):
        text.append(f" · {quote['role']}", style="italic")
    facts = [str(quote[key]) for key in ("outlet", "published") if quote.get(key)]
    if facts:
        text.append("  —  " + ", ".join(facts), style="dim")
    if quote.get("corrected"):
        text.append("  (corrected)", style="dim italic")
    body = str(quote.get("text") or "")
    spans = [tuple(span) for span in quote.get("spans") or ()]
    cut = len(body)
    if cut > MAX_TEXT_CHARS:
        cut = MAX_TEXT_CHARS
    said = Text(body[:cut] + ("…" if cut < len(body) else ""))
    for start, end in spans:
        if start < cut:
            said.stylize("bold reverse", start, min(end, cut))
    opening, closing = ("“", "”") if quote.get("kind") == "direct" else ("", "")
    text.append("\n" + opening)
    text.append_text(said)
    text.append(closing)
    return text


class StatementsScreen(ModalScreen[StatementTarget | None]):
    """Every statement of the search; Esc goes back, Enter opens the article at the quote."""

    BINDINGS = bindings.STATEMENTS

    @dataclass
    class Loaded(Message):
        statements: Statements

    @dataclass
    class Failed(Message):
        error: str

    @dataclass
    class Counted(Message):
        total: int

    def __init__(self, connections: ThreadConnections, request: SearchRequest) -> None:
        super().__init__()
        self.connections = connections
        self.request = request
        self.quotes: list[dict[str, Any]] = []
        self.found: Statements | None = None

    def compose(self) -> ComposeResult:
        with Vertical(id="statements-box") as box:
            box.border_title = "Statements"
            box.border_subtitle = "Enter opens the article at the quote · Esc goes back"
            yield Label(Text("Looking for statements…", style="dim"), id="statements-header")
            yield OptionList(id="statements-list")

    def on_mount(self) -> None:
        self.query_one("#statements-list", OptionList).focus()
        self.load_worker(self.request)

    @work(thread=True, exclusive=True, group="statements", exit_on_error=False)
    def load_worker(self, request: SearchRequest) -> None:
        with self.connections.lend():  # one connection for the whole job
            try:
                found = find_statements(self.connections.get(), request, STATEMENTS_PAGE)
            except db_errors() as error:
                message: Message = self.Failed(describe(error))
            else:
                message = self.Loaded(found)
            if get_current_worker().is_cancelled:
                return
            self.post_message(message)
            if isinstance(message, self.Loaded) and found.estimated:  # the exact total follows
                try:
                    exact = count_statements(self.connections.get(), request)
                except db_errors():
                    return  # the estimate stays, marked as one
                if exact is not None and not get_current_worker().is_cancelled:
                    self.post_message(self.Counted(exact))

    @on(Counted)
    def _counted(self, event: Counted) -> None:
        if self.found is not None:
            self.found = replace(self.found, total=event.total, estimated=False)
            self.query_one("#statements-header", Label).update(self._header(self.found))

    @on(Loaded)
    def _loaded(self, event: Loaded) -> None:
        found = self.found = event.statements
        self.quotes = list(found.quotes)
        options = self.query_one("#statements-list", OptionList)
        options.clear_options()
        for number, quote in enumerate(self.quotes):
            if number:
                options.add_option(None)
            options.add_option(Option(statement_prompt(quote), id=f"s{number}"))
        self.query_one("#statements-header", Label).update(self._header(found))
        if self.quotes:
            options.highlighted = 0
        else:
            options.add_option(Option(Text(self._empty(found), style="dim italic"), disabled=True))

    def _header(self, found: Statements) -> Text:
        query = self.request.query.strip() or "(everything)"
        about = "≈ " if found.estimated else ""
        shown = f"{about}{found.total:,} statements" if found.total != 1 else "1 statement"
        if found.total > len(found.quotes):
            shown += f" (the first {len(found.quotes):,} listed)"
        header = Text.assemble((shown, "bold"), f" for “{query}”")
        if found.expansions:
            header.append("\nalso matching: " + " · ".join(found.expansions), style="dim")
        return header

    @staticmethod
    def _empty(found: Statements) -> str:
        if found.error:
            return f"This search could not run: {found.error}"
        return "No statements match. Try speaker:NAME or said:WORD, or fewer words."

    @on(Failed)
    def _failed(self, event: Failed) -> None:
        self.query_one("#statements-header", Label).update(
            Text(f"The database could not be read: {event.error}", style="bold red")
        )

    @on(OptionList.OptionSelected, "#statements-list")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option_id:
            quote = self.quotes[int(event.option_id[1:])]
            self.dismiss(StatementTarget(int(quote["article_id"]), int(quote["start"]), int(quote["end"])))

    def action_cursor(self, step: int) -> None:
        options = self.query_one("#statements-list", OptionList)
        (options.action_cursor_down if step > 0 else options.action_cursor_up)()

    def action_close(self) -> None:
        self.dismiss(None)
