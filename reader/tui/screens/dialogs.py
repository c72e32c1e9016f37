"""Two small modals: a one-line prompt (a name, a file path) and a yes/no confirmation."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label

from reader.tui import bindings


class PromptModal(ModalScreen[str | None]):
    """Asks for one line of text; Enter returns it (stripped), Esc returns None."""

    BINDINGS = bindings.PROMPT

    def __init__(
        self, title: str, question: str, value: str = "", placeholder: str = "", allow_empty: bool = False
    ) -> None:
        super().__init__()
        self.allow_empty = allow_empty  # Enter on an empty field returns "" (e.g. to clear a note)
        self.title_text = title
        self.question = question
        self.value = value
        self.placeholder = placeholder

    def compose(self) -> ComposeResult:
        with Vertical(id="prompt-box", classes="dialog") as box:
            box.border_title = self.title_text
            box.border_subtitle = "Enter accepts · Esc cancels"
            yield Label(Text(self.question), id="prompt-question")
            yield Input(value=self.value, placeholder=self.placeholder, id="prompt-input")

    @on(Input.Submitted, "#prompt-input")
    def _submitted(self, event: Input.Submitted) -> None:
        value = event.value.strip()
        if not value and not self.allow_empty:
            self.notify("Type something first, or press Esc.", severity="warning")
            return
        self.dismiss(value)

    def action_cancel(self) -> None:
        self.dismiss(None)


class ConfirmModal(ModalScreen[bool]):
    """States what is about to happen; y or Enter confirms, n or Esc cancels."""

    BINDINGS = bindings.CONFIRM

    def __init__(self, title: str, question: str) -> None:
        super().__init__()
        self.title_text = title
        self.question = question

    def compose(self) -> ComposeResult:
        with Vertical(id="confirm-box", classes="dialog") as box:
            box.border_title = self.title_text
            yes, no = (bindings.shown_keys(b, self.app) for b in bindings.CONFIRM)
            box.border_subtitle = f"{yes}: yes · {no}: no"
            yield Label(Text(self.question), id="confirm-question")

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)
