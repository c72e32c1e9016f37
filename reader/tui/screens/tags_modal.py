"""Every tag in use with its article and reviewed counts (key ``#``): r renames, x removes.

The modal only returns the choice (a :class:`TagEdit`); the screen asks for the new name or
the confirmation and writes in a worker (:mod:`reader.tui.screens.tags_flow`).
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from reader.store.tags import TagCount
from reader.tui import bindings

EMPTY = "No tags yet. Press t to tag the highlighted article, T to tag a whole search."


@dataclass(frozen=True, slots=True)
class TagEdit:
    kind: str  # "rename" or "delete"
    tag: TagCount


class TagsModal(ModalScreen[TagEdit | None]):
    BINDINGS = bindings.TAGS_DIALOG

    def __init__(self, tags: list[TagCount]) -> None:
        super().__init__()
        self.tags = tags

    def compose(self) -> ComposeResult:
        with Vertical(id="tags-box", classes="dialog") as box:
            box.border_title = "Tags"
            box.border_subtitle = "r renames · x removes from every article · Esc closes"
            if not self.tags:
                yield Label(Text(EMPTY, style="italic"), id="tags-empty")
            yield OptionList(*[self._option(n, t) for n, t in enumerate(self.tags)], id="tags-options")

    @staticmethod
    def _option(number: int, tag: TagCount) -> Option:
        noun = "article" if tag.articles == 1 else "articles"
        counts = f"  {tag.articles:,} {noun}, {tag.reviewed:,} reviewed"
        return Option(Text.assemble((f"#{tag.name}", "bold"), counts), id=f"t{number}")

    def on_mount(self) -> None:
        options = self.query_one("#tags-options", OptionList)
        options.display = bool(self.tags)
        if self.tags:
            options.highlighted = 0
            options.focus()

    def _highlighted(self) -> TagCount | None:
        index = self.query_one("#tags-options", OptionList).highlighted
        if index is None or not self.tags:
            self.notify("No tag to change.", severity="warning", timeout=3)
            return None
        return self.tags[index]

    def action_rename(self) -> None:
        if tag := self._highlighted():
            self.dismiss(TagEdit("rename", tag))

    def action_delete(self) -> None:
        if tag := self._highlighted():
            self.dismiss(TagEdit("delete", tag))

    def action_close(self) -> None:
        self.dismiss(None)
