"""Tag or untag every article of the current search: pick the tag and whether to add or remove it.

The modal only returns the choice (a :class:`TagChange`); the screen then asks for a
confirmation that states the count, and writes in a worker.
"""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, OptionList
from textual.widgets.option_list import Option

from reader.tui import bindings
from reader.tui.screens.tag_completion import TagSuggester, chosen_name
from reader.tui.screens.tag_modal import TagChange


class BulkTagModal(ModalScreen[TagChange | None]):
    BINDINGS = bindings.BULK_DIALOG

    def __init__(self, count: int, view: str, known: list[str]) -> None:
        super().__init__()
        self.count = count
        self.view = view
        self.known = known

    def compose(self) -> ComposeResult:
        noun = "article" if self.count == 1 else "articles"
        with Vertical(id="bulk-box", classes="dialog") as box:
            box.border_title = "Tag all"
            box.border_subtitle = "Enter chooses · ↑↓ add or remove · Esc cancels"
            yield Label(Text.assemble(f"{self.count:,} {noun} in this view: ", (self.view, "bold")))
            yield Input(
                placeholder="tag (Enter takes the completion; end with a space: as typed)",
                suggester=TagSuggester(self.known),
                id="bulk-input",
            )
            yield OptionList(id="bulk-options")

    def on_mount(self) -> None:
        self._fill("")

    @on(Input.Changed, "#bulk-input")
    def _typed(self, event: Input.Changed) -> None:
        self._fill(event.value)

    def _fill(self, typed: str) -> None:
        options = self.query_one("#bulk-options", OptionList)
        highlighted = options.highlighted or 0
        tag = chosen_name(typed, self.known) or "…"
        options.clear_options()
        options.add_option(
            Option(Text.assemble("+ add ", (tag, "bold"), f" to all {self.count:,}"), id="add")
        )
        options.add_option(
            Option(Text.assemble("− remove ", (tag, "bold"), f" from all {self.count:,}"), id="rm")
        )
        options.highlighted = highlighted

    @on(Input.Submitted, "#bulk-input")
    def _submitted(self, event: Input.Submitted) -> None:
        self._choose(event.value, self.query_one("#bulk-options", OptionList).highlighted != 1)

    @on(OptionList.OptionSelected, "#bulk-options")
    def _picked(self, event: OptionList.OptionSelected) -> None:
        self._choose(self.query_one("#bulk-input", Input).value, event.option_id == "add")

    def _choose(self, typed: str, add: bool) -> None:
        name = chosen_name(typed, self.known)
        if not name:
            self.notify("Type a tag name first.", severity="warning")
            return
        self.dismiss(TagChange(name, add))

    def action_move(self, step: int) -> None:
        self.query_one("#bulk-options", OptionList).highlighted = 0 if step < 0 else 1

    def action_cancel(self) -> None:
        self.dismiss(None)
