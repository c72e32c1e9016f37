"""Choose what the list shows: all, unreviewed, reviewed, one tag, or one actor (fuzzy picker).

Typing narrows the tags and actors with rapidfuzz, so ``prabow`` finds
"Prabowo Subianto" and ``bawaslu`` finds the election supervisor.
"""

from __future__ import annotations

from rapidfuzz import fuzz, process, utils
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList
from textual.widgets.option_list import Option

from reader.tui.data import Choice

FIXED = (Choice("all"), Choice("unreviewed"), Choice("reviewed"))
FIXED_LABELS = {"all": "All articles", "unreviewed": "Unreviewed only", "reviewed": "Reviewed only"}
MAX_MATCHES = 30
MIN_SCORE = 55


def fuzzy_choices(typed: str, tags: list[str], actors: list[tuple[str, str]]) -> list[Choice]:
    """Tags and actors for ``typed``: all of them (tags first) when empty, else the best matches."""
    if not typed.strip():
        return [Choice("tag", t) for t in tags] + [Choice("actor", name) for name, _ in actors]
    pool = {f"tag\0{t}": t for t in tags} | {f"actor\0{name}": name for name, _ in actors}
    found = process.extract(
        typed,
        pool,
        scorer=fuzz.WRatio,
        processor=utils.default_process,
        limit=MAX_MATCHES,
        score_cutoff=MIN_SCORE,
    )
    return [Choice(*key.split("\0", 1)) for _name, _score, key in found]


class FilterModal(ModalScreen[Choice | None]):
    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="filter-cancel"),
        Binding("down", "move(1)", "Next choice", show=False, id="filter-next"),
        Binding("up", "move(-1)", "Previous choice", show=False, id="filter-previous"),
    ]

    def __init__(self, current: Choice, tags: list[str], actors: list[tuple[str, str]]) -> None:
        super().__init__()
        self.current, self.tags, self.actors = current, tags, actors
        self.types = dict(actors)
        self.shown: list[Choice] = []

    def compose(self) -> ComposeResult:
        with Vertical(id="filter-box") as box:
            box.border_title = "Filter"
            box.border_subtitle = "Enter picks · Esc cancels"
            yield Input(placeholder="type to find a tag or an actor (fuzzy)", id="filter-input")
            yield OptionList(id="filter-options")

    def on_mount(self) -> None:
        self._fill("")

    def _label(self, choice: Choice) -> Text:
        mark = "● " if choice == self.current else "  "
        if choice.kind in FIXED_LABELS:
            return Text(mark + FIXED_LABELS[choice.kind], style="bold")
        if choice.kind == "tag":
            return Text.assemble(mark, ("tag ", "dim"), f"#{choice.value}")
        kind = self.types.get(choice.value or "", "")
        return Text.assemble(mark, ("actor ", "dim"), choice.value or "", (f"  {kind}", "dim italic"))

    def _fill(self, typed: str) -> None:
        self.shown = ([] if typed.strip() else list(FIXED)) + fuzzy_choices(typed, self.tags, self.actors)
        options = self.query_one("#filter-options", OptionList)
        options.clear_options()
        options.add_options(Option(self._label(c), id=f"c{n}") for n, c in enumerate(self.shown))
        if not self.shown:
            options.add_option(Option(Text("no tag or actor matches", style="dim"), disabled=True))
        else:
            options.highlighted = 0

    @on(Input.Changed, "#filter-input")
    def _typed(self, event: Input.Changed) -> None:
        self._fill(event.value)

    @on(Input.Submitted, "#filter-input")
    def _submitted(self) -> None:
        options = self.query_one("#filter-options", OptionList)
        if self.shown and options.highlighted is not None:
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
