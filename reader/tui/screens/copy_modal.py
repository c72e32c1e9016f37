"""The copy menu (y): t copies the article's text, c the highlighted quote, u the URL."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label

from reader.tui import bindings


class CopyModal(ModalScreen[str | None]):
    """Dismisses with ``"text"``, ``"quote"`` or ``"url"``; None on Esc."""

    BINDINGS = bindings.COPY

    def compose(self) -> ComposeResult:
        keys = [b for b in bindings.COPY if b.action.startswith("copy")]
        with Vertical(id="copy-box", classes="dialog") as box:
            box.border_title = "Copy to the clipboard"
            box.border_subtitle = "Esc cancels"
            for binding in keys:
                key = bindings.shown_keys(binding, self.app)
                yield Label(Text.assemble((f" {key} ", "bold reverse"), f"  {binding.tooltip}"))

    def action_copy(self, kind: str) -> None:
        self.dismiss(kind)

    def action_cancel(self) -> None:
        self.dismiss(None)
