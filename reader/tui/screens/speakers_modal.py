"""Speaker identities: each person with the names folded into them; merge and split.

Type to find a person (the database is searched as you type, in a worker). ``m``
merges another name into the highlighted person, ``x`` splits one of its variants
off as a person of its own. Both ask for the name, write in a worker and list again.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Input, Label, OptionList
from textual.widgets.option_list import Option
from textual.worker import get_current_worker

from reader.store.worker_connections import ThreadConnections
from reader.tui import bindings
from reader.tui.data import Identity, list_identities, merge_identities, split_identity
from reader.tui.screens.workers import db_errors

SHOWN = 200


class SpeakersModal(ModalScreen[None]):
    BINDINGS = bindings.SPEAKERS

    @dataclass
    class Listed(Message):
        identities: list[Identity]

    @dataclass
    class Changed(Message):
        summary: str

    def __init__(self, connections: ThreadConnections) -> None:
        super().__init__()
        self.connections = connections
        self.shown: list[Identity] = []

    def compose(self) -> ComposeResult:
        with Vertical(id="speakers-box", classes="dialog") as box:
            box.border_title = "Speakers"
            box.border_subtitle = "m merge a name in · x split a variant off · Esc closes"
            yield Input(placeholder="find a person (typos are fine)", id="speakers-input")
            yield Label(Text("", style="dim"), id="speakers-count")
            yield OptionList(id="speakers-options")

    def on_mount(self) -> None:
        self.list_worker("")

    @on(Input.Changed, "#speakers-input")
    def _typed(self, event: Input.Changed) -> None:
        self.list_worker(event.value)

    @on(Input.Submitted, "#speakers-input")
    def _to_list(self) -> None:
        self.query_one("#speakers-options", OptionList).focus()

    @work(thread=True, exclusive=True, group="speakers", exit_on_error=False)
    def list_worker(self, typed: str) -> None:
        with self.connections.lend():  # one connection for the whole job
            try:
                found = list_identities(self.connections.get(), typed, SHOWN)
            except db_errors() as error:
                self.post_message(self.Changed(f"The speakers could not be read: {error}"))
                return
            if not get_current_worker().is_cancelled:
                self.post_message(self.Listed(found))

    @on(Listed)
    def _listed(self, event: Listed) -> None:
        self.shown = event.identities
        options = self.query_one("#speakers-options", OptionList)
        options.clear_options()
        for number, identity in enumerate(self.shown):
            prompt = Text.assemble((identity.name, "bold"), (f"  {identity.statements:,} statements", "dim"))
            others = [v for v in identity.variants if v != identity.name]
            if others:
                prompt.append("\n  also: " + ", ".join(others), style="italic")
            options.add_option(Option(prompt, id=f"p{number}"))
        if self.shown:
            options.highlighted = 0
        else:
            options.add_option(Option(Text("nobody by that name", style="dim italic"), disabled=True))
        self.query_one("#speakers-count", Label).update(Text(f"{len(self.shown):,} listed", style="dim"))

    def _highlighted(self) -> Identity | None:
        options = self.query_one("#speakers-options", OptionList)
        if options.highlighted is None or options.highlighted >= len(self.shown):
            self.notify("Highlight a person first (Tab to the list).", severity="warning", timeout=3)
            return None
        return self.shown[options.highlighted]

    def action_merge(self) -> None:
        from reader.tui.screens.dialogs import PromptModal

        if (target := self._highlighted()) is None:
            return
        question = f"Which name is also {target.name}? Its quotes join {target.name}."

        def merge(other: str | None) -> None:
            if other:
                self.change_worker("merge", target.name, other)

        self.app.push_screen(PromptModal("Merge into " + target.name, question), merge)

    def action_split(self) -> None:
        from reader.tui.screens.dialogs import PromptModal

        if (source := self._highlighted()) is None:
            return
        others = [v for v in source.variants if v != source.name]
        question = f"Which name is not {source.name}? ({', '.join(others) or 'no variants'})"

        def split(variant: str | None) -> None:
            if variant:
                self.change_worker("split", source.name, variant)

        value = others[0] if len(others) == 1 else ""
        self.app.push_screen(PromptModal("Split from " + source.name, question, value=value), split)

    @work(thread=True, group="writes", exit_on_error=False)
    def change_worker(self, what: str, name: str, other: str) -> None:
        with self.connections.lend():  # one connection for the whole job
            try:
                db = self.connections.get()
                change = merge_identities if what == "merge" else split_identity
                summary = change(db, name, other)
            except db_errors() as error:
                summary = f"Not saved: {error}"
            self.post_message(self.Changed(summary))

    @on(Changed)
    def _changed(self, event: Changed) -> None:
        self.notify(event.summary, timeout=5)
        self.list_worker(self.query_one("#speakers-input", Input).value)

    def action_close(self) -> None:
        self.dismiss(None)
