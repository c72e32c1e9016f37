"""The saved searches with their live progress; Enter opens one, S saves the current search."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from reader.store.saved import Progress, SavedSearch
from reader.tui import bindings

EMPTY = "No saved searches yet. Press S on the main screen to save the current search."


class SavedSearchesModal(ModalScreen[SavedSearch | str | None]):
    """Returns the chosen :class:`SavedSearch`, ``"save"`` to save the current search, or None."""

    BINDINGS = bindings.SAVED_DIALOG

    def __init__(self, items: list[Progress]) -> None:
        super().__init__()
        self.items = items

    def compose(self) -> ComposeResult:
        with Vertical(id="saved-box", classes="dialog") as box:
            box.border_title = "Saved searches"
            box.border_subtitle = "Enter opens · S saves the current search · Esc closes"
            if not self.items:
                yield Label(Text(EMPTY, style="italic"), id="saved-empty")
            yield OptionList(
                *[self._option(n, item) for n, item in enumerate(self.items)], id="saved-options"
            )

    @staticmethod
    def _option(number: int, item: Progress) -> Option:
        done = item.total and item.reviewed == item.total
        prompt = Text.assemble(
            (item.saved.name, "bold"),
            ": ",
            (item.text(), "red" if item.error else ("green" if done else "")),
            "\n  ",
            (item.saved.query or "(every article)", "dim"),
        )
        return Option(prompt, id=f"s{number}")

    def on_mount(self) -> None:
        options = self.query_one("#saved-options", OptionList)
        options.display = bool(self.items)
        if self.items:
            options.highlighted = 0
            options.focus()

    @on(OptionList.OptionSelected, "#saved-options")
    def _picked(self, event: OptionList.OptionSelected) -> None:
        if event.option_id:
            self.dismiss(self.items[int(event.option_id[1:])].saved)

    def action_save(self) -> None:
        self.dismiss("save")

    def action_close(self) -> None:
        self.dismiss(None)
