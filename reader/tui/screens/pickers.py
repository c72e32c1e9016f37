"""Two pickers that narrow the list: one outlet (with its article count) and a date range.

The outlet picker narrows as the user types (any part of the name); Enter takes the
highlighted outlet, "Every outlet" drops the outlet. The date picker takes ``From`` and
``To`` (either may stay empty) and refuses a date that is not a day or a range that runs
backwards, saying why in the dialog.
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
from reader.tui.view import check_dates

ANY_OUTLET = ""  # the choice that drops the outlet


class OutletModal(ModalScreen[str | None]):
    """Dismisses with the outlet's name, ``ANY_OUTLET`` for every outlet, None on Esc."""

    BINDINGS = bindings.PICKER

    def __init__(self, outlets: list[tuple[str, int]], current: str | None) -> None:
        super().__init__()
        self.outlets, self.current = outlets, current
        self.shown: list[str] = []

    def compose(self) -> ComposeResult:
        with Vertical(id="outlet-box", classes="dialog") as box:
            box.border_title = "Outlet"
            box.border_subtitle = "Enter picks · Esc cancels"
            yield Input(placeholder="type part of an outlet's name", id="outlet-input")
            yield OptionList(id="outlet-options")

    def on_mount(self) -> None:
        self._fill("")

    def _fill(self, typed: str) -> None:
        needle = typed.casefold().strip()
        found = [(name, n) for name, n in self.outlets if needle in name.casefold()]
        self.shown = ([ANY_OUTLET] if not needle else []) + [name for name, _ in found]
        options = self.query_one("#outlet-options", OptionList)
        options.clear_options()
        if not needle:
            options.add_option(Option(Text(self._mark(None) + "Every outlet", style="bold")))
        for name, count in found:
            options.add_option(Option(Text.assemble(self._mark(name), name, (f"  {count:,}", "dim"))))
        if not self.shown:
            options.add_option(Option(Text("no outlet matches", style="dim"), disabled=True))
        else:
            options.highlighted = 0

    def _mark(self, name: str | None) -> str:
        return "● " if name == self.current else "  "

    @on(Input.Changed, "#outlet-input")
    def _typed(self, event: Input.Changed) -> None:
        self._fill(event.value)

    @on(Input.Submitted, "#outlet-input")
    def _submitted(self) -> None:
        highlighted = self.query_one("#outlet-options", OptionList).highlighted
        if self.shown and highlighted is not None:
            self.dismiss(self.shown[highlighted])

    @on(OptionList.OptionSelected, "#outlet-options")
    def _picked(self, event: OptionList.OptionSelected) -> None:
        if event.option_index < len(self.shown):
            self.dismiss(self.shown[event.option_index])

    def action_move(self, step: int) -> None:
        options = self.query_one("#outlet-options", OptionList)
        if self.shown:
            current = options.highlighted if options.highlighted is not None else -step
            options.highlighted = max(0, min(current + step, len(self.shown) - 1))

    def action_cancel(self) -> None:
        self.dismiss(None)


class DatesModal(ModalScreen[tuple[str | None, str | None] | None]):
    """Dismisses with (from, to) as ISO days (None: open end), None on Esc."""

    BINDINGS = bindings.DATES

    def __init__(self, start: str | None, end: str | None) -> None:
        super().__init__()
        self.start, self.end = start or "", end or ""

    def compose(self) -> ComposeResult:
        with Vertical(id="dates-box", classes="dialog") as box:
            box.border_title = "Published"
            box.border_subtitle = "Tab: next field · Enter applies · Esc cancels"
            yield Label("From (YYYY-MM-DD, empty: no start)")
            yield Input(value=self.start, placeholder="2024-02-01", id="dates-from")
            yield Label("To (YYYY-MM-DD, empty: no end; the day itself is included)")
            yield Input(value=self.end, placeholder="2024-02-29", id="dates-to")
            yield Label("", id="dates-problem")

    @on(Input.Submitted)
    def _submitted(self) -> None:
        start = self.query_one("#dates-from", Input).value
        end = self.query_one("#dates-to", Input).value
        try:
            self.dismiss(check_dates(start, end))
        except ValueError as problem:
            self.query_one("#dates-problem", Label).update(Text(f"⚠ {problem}", style="bold red"))

    def action_cancel(self) -> None:
        self.dismiss(None)
