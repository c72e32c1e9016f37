"""The saved searches with their live progress; Enter opens one, S saves the current search,
r renames the highlighted one and x (or Delete) deletes it (the screen asks first)."""

from __future__ import annotations

from dataclasses import dataclass

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


@dataclass(frozen=True, slots=True)
class SavedEdit:
    """Rename or delete a saved search (the screen asks for the name or the confirmation)."""

    kind: str  # "rename" or "delete"
    saved: SavedSearch


class SavedSearchesModal(ModalScreen[SavedSearch | SavedEdit | str | None]):
    """Returns the chosen :class:`SavedSearch`, a :class:`SavedEdit`, ``"save"`` to save the
    current search, or None."""

    BINDINGS = bindings.SAVED_DIALOG

    def __init__(self, items: list[Progress]) -> None:
        super().__init__()
        self.items = items

    def compose(self) -> ComposeResult:
        with Vertical(id="saved-box", classes="dialog") as box:
            box.border_title = "Saved searches"
            box.border_subtitle = "Enter opens · S saves the current · r renames · x deletes · Esc closes"
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

    def _highlighted(self) -> SavedSearch | None:
        index = self.query_one("#saved-options", OptionList).highlighted
        if index is None or not self.items:
            self.notify("No saved search to change.", severity="warning", timeout=3)
            return None
        return self.items[index].saved

    def action_rename(self) -> None:
        if saved := self._highlighted():
            self.dismiss(SavedEdit("rename", saved))

    def action_delete(self) -> None:
        if saved := self._highlighted():
            self.dismiss(SavedEdit("delete", saved))

    def action_save(self) -> None:
        self.dismiss("save")

    def action_close(self) -> None:
        self.dismiss(None)
