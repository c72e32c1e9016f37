"""Choose what the list shows: all, unreviewed, reviewed, one tag, or one actor.

The window opens with the fixed choices, every tag and the most-mentioned actors
(:mod:`reader.tui.filter_data`); what the user types is looked up in the database by a
worker with its own connection, so the window never waits for SQLite and any of a
million actors can be found: ``Jokowi`` → Joko Widodo, ``subianto``, ``prabow`` while it
is being typed. Enter pressed before the lookup for the typed text is back picks from
its answer.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList
from textual.widgets.option_list import Option
from textual.worker import get_current_worker

from reader.store.worker_connections import ThreadConnections
from reader.tui import bindings
from reader.tui.data import Choice
from reader.tui.filter_data import FilterLists, find_choices, initial_choices

FIXED = (Choice("all"), Choice("unreviewed"), Choice("reviewed"))
FIXED_LABELS = {"all": "All articles", "unreviewed": "Unreviewed only", "reviewed": "Reviewed only"}


def fixed_choices(typed: str) -> list[Choice]:
    """The fixed choices (all, unreviewed, reviewed) that ``typed`` starts a word of, all of
    them when nothing is typed: they come before any tag or actor (``unrev`` is "Unreviewed only")."""
    words = typed.casefold().split()
    if not words:
        return list(FIXED)
    return [
        choice for choice in FIXED
        if all(any(w.startswith(t) for w in FIXED_LABELS[choice.kind].casefold().split()) for t in words)
    ]  # fmt: skip


@dataclass
class ChoicesFound(Message):
    typed: str
    choices: list[Choice]
    types: dict[str, str]


class FilterModal(ModalScreen[Choice | None]):
    BINDINGS = bindings.FILTER_DIALOG

    def __init__(self, current: Choice, lists: FilterLists, connections: ThreadConnections) -> None:
        super().__init__()
        self.current, self.lists, self.connections = current, lists, connections
        self.types = dict(lists.actors)
        self.shown: list[Choice] = []
        self.filled_for = ""  # the text the listed choices answer
        self._submit_when_found = False

    def compose(self) -> ComposeResult:
        with Vertical(id="filter-box") as box:
            box.border_title = "Filter"
            box.border_subtitle = "Enter picks · Esc cancels"
            yield Input(placeholder="type to find a tag or any actor (typos are fine)", id="filter-input")
            yield OptionList(id="filter-options")

    def on_mount(self) -> None:
        self._show("", initial_choices(self.lists))

    def _label(self, choice: Choice) -> Text:
        mark = "● " if choice == self.current else "  "
        if choice.kind in FIXED_LABELS:
            return Text(mark + FIXED_LABELS[choice.kind], style="bold")
        if choice.kind == "tag":
            return Text.assemble(mark, ("tag ", "dim"), f"#{choice.value}")
        kind = self.types.get(choice.value or "", "")
        return Text.assemble(mark, ("actor ", "dim"), choice.value or "", (f"  {kind}", "dim italic"))

    def _show(self, typed: str, found: list[Choice]) -> None:
        self.filled_for = typed
        self.shown = fixed_choices(typed) + found
        options = self.query_one("#filter-options", OptionList)
        options.clear_options()
        options.add_options(Option(self._label(c), id=f"c{n}") for n, c in enumerate(self.shown))
        more = self.lists.actor_count - len(self.lists.actors)
        if not typed.strip() and more > 0:
            options.add_option(Option(Text(f"… {more:,} more actors: type to find them", style="dim"),
                                      disabled=True))  # fmt: skip
        if not self.shown:
            options.add_option(Option(Text("no tag or actor matches", style="dim"), disabled=True))
        else:
            options.highlighted = 0

    @on(Input.Changed, "#filter-input")
    def _typed(self, event: Input.Changed) -> None:
        if not event.value.strip():
            self._show(event.value, initial_choices(self.lists))
            return
        lookup = self.connections.lent(partial(self._lookup, event.value))
        self.run_worker(lookup, group="filter-lookup", exclusive=True, thread=True, exit_on_error=False)

    def _lookup(self, typed: str) -> None:
        choices, types = find_choices(self.connections.get(), typed, self.lists)
        if not get_current_worker().is_cancelled:
            self.post_message(ChoicesFound(typed, choices, types))

    @on(ChoicesFound)
    def _found(self, event: ChoicesFound) -> None:
        if event.typed != self.query_one("#filter-input", Input).value:
            return  # an older text: the lookup for the newer one is on its way
        self.types.update(event.types)
        self._show(event.typed, event.choices)
        if self._submit_when_found:
            self._submitted()

    @on(Input.Submitted, "#filter-input")
    def _submitted(self) -> None:
        self._submit_when_found = self.filled_for != self.query_one("#filter-input", Input).value
        options = self.query_one("#filter-options", OptionList)
        if not self._submit_when_found and self.shown and options.highlighted is not None:
            self.dismiss(self.shown[options.highlighted])

    @on(OptionList.OptionSelected, "#filter-options")
    def _picked(self, event: OptionList.OptionSelected) -> None:
        if event.option_id:
            self.dismiss(self.shown[int(event.option_id[1:])])

    def action_move(self, step: int) -> None:
        """Arrows move through the choices while the focus stays in the field."""
        options = self.query_one("#filter-options", OptionList)
        if self.shown:
            current = options.highlighted if options.highlighted is not None else -step
            options.highlighted = max(0, min(current + step, len(self.shown) - 1))

    def action_cancel(self) -> None:
        self.dismiss(None)
