"""Add or remove one tag: type with completion from the existing tags, or pick one from the list.

Enter takes the completion the field shows (a space typed at the end: the name as typed).
Typing a tag the article already has, or picking a ticked one, removes it.
The modal only returns the choice; the screen writes it in a worker.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, OptionList
from textual.widgets.option_list import Option

from reader.tui import bindings
from reader.tui.screens.tag_completion import TagSuggester, chosen_name


@dataclass(frozen=True, slots=True)
class TagChange:
    name: str
    add: bool


class TagModal(ModalScreen[TagChange | None]):
    BINDINGS = bindings.TAG_DIALOG

    def __init__(self, title: str, current: tuple[str, ...], known: list[str]) -> None:
        super().__init__()
        self.article_title = title
        self.current = {t.casefold(): t for t in current}
        self.known = list(dict.fromkeys([*current, *known]))
        self.shown: list[str] = []

    def compose(self) -> ComposeResult:
        with Vertical(id="tag-box") as box:
            box.border_title = "Tags"
            box.border_subtitle = "Enter adds or removes · Esc cancels"
            yield Label(Text(self.article_title, style="bold"), id="tag-article")
            yield Input(
                placeholder="tag (Enter takes the completion; end with a space: as typed)",
                suggester=TagSuggester(self.known),
                id="tag-input",
            )
            yield OptionList(id="tag-options")

    def on_mount(self) -> None:
        self._fill("")

    def _fill(self, typed: str) -> None:
        options = self.query_one("#tag-options", OptionList)
        options.clear_options()
        needle = typed.strip().casefold()
        self.shown = [name for name in self.known if needle in name.casefold()]
        for number, name in enumerate(self.shown):
            has = name.casefold() in self.current
            prompt = Text.assemble(("✓ " if has else "+ ", "bold"), name, (" (remove)" if has else "", "dim"))
            options.add_option(Option(prompt, id=f"t{number}"))
        if not options.option_count:
            options.add_option(Option(Text("no such tag yet: Enter creates it", style="dim"), disabled=True))

    @on(Input.Changed, "#tag-input")
    def _typed(self, event: Input.Changed) -> None:
        self._fill(event.value)

    @on(Input.Submitted, "#tag-input")
    def _submitted(self, event: Input.Submitted) -> None:
        highlighted = self.query_one("#tag-options", OptionList).highlighted
        if highlighted is not None and highlighted < len(self.shown):
            self._choose(self.shown[highlighted])  # picked with the arrows
        else:
            self._choose(chosen_name(event.value, self.known))

    @on(OptionList.OptionSelected, "#tag-options")
    def _picked(self, event: OptionList.OptionSelected) -> None:
        if event.option_id:
            self._choose(self.shown[int(event.option_id[1:])])

    def _choose(self, name: str) -> None:
        name = " ".join(name.split())
        if not name:
            self.notify("Type a tag name first.", severity="warning")
            return
        existing = self.current.get(name.casefold())
        self.dismiss(TagChange(existing, add=False) if existing else TagChange(name, add=True))

    def action_move(self, step: int) -> None:
        """Arrows pick from the existing tags while the focus stays in the field."""
        options = self.query_one("#tag-options", OptionList)
        if self.shown:
            current = options.highlighted if options.highlighted is not None else -1
            options.highlighted = max(0, min(current + step, len(self.shown) - 1))

    def action_cancel(self) -> None:
        self.dismiss(None)
