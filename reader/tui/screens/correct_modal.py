"""Correcting one quote: its speaker and role, or that it is not a quote at all.

The modal only returns the analyst's decision; the screen writes it in a worker,
and the sidebar shows the quote as corrected once the write is committed.
"""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label

from reader.tui import bindings
from reader.tui.data import QuoteCorrection

MAX_SHOWN = 300


class CorrectModal(ModalScreen[QuoteCorrection | None]):
    BINDINGS = bindings.CORRECT

    def __init__(self, quote: dict[str, Any]) -> None:
        super().__init__()
        self.quote = quote

    def compose(self) -> ComposeResult:
        words = " ".join(str(self.quote.get("text") or "").split())
        if len(words) > MAX_SHOWN:
            words = words[: MAX_SHOWN - 1] + "…"
        with Vertical(id="correct-box", classes="dialog") as box:
            box.border_title = "Correct this quote"
            box.border_subtitle = "Enter saves · Ctrl+N not a quote · Ctrl+Z undo correction · Esc cancels"
            yield Label(Text(f"“{words}”", style="italic"), id="correct-quote")
            yield Label("Speaker")
            yield Input(value=self.quote.get("speaker") or "", placeholder="the person or organisation",
                        id="correct-speaker")  # fmt: skip
            yield Label("Role")
            yield Input(value=self.quote.get("role") or "", placeholder="post and organisation (optional)",
                        id="correct-role")  # fmt: skip

    @on(Input.Submitted)
    def _submitted(self) -> None:
        speaker = " ".join(self.query_one("#correct-speaker", Input).value.split())
        role = " ".join(self.query_one("#correct-role", Input).value.split())
        if not speaker:
            self.notify("Type the speaker, or press Ctrl+N if this is not a quote.", severity="warning")
            return
        self.dismiss(QuoteCorrection(int(self.quote["id"]), speaker=speaker, role=role or None))

    def action_not_a_quote(self) -> None:
        self.dismiss(QuoteCorrection(int(self.quote["id"]), not_a_quote=True))

    def action_reset(self) -> None:
        if not self.quote.get("corrected"):
            self.notify("This quote has no correction to undo.", severity="warning")
            return
        self.dismiss(QuoteCorrection(int(self.quote["id"]), reset=True))

    def action_cancel(self) -> None:
        self.dismiss(None)
