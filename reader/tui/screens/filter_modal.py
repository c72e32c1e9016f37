"""Choose what the list shows: all, unreviewed, reviewed, one tag, or one actor (fuzzy picker).

Typing narrows the tags and actors: the actors the name resolver says the text means
come first (``Jokowi`` → Joko Widodo, ``Giban`` → Gibran Rakabuming Raka, as ``actor:``
in a search), then rapidfuzz's closest tags and actors, so ``prabow`` finds
"Prabowo Subianto" while it is being typed.
"""

from __future__ import annotations

from rapidfuzz import fuzz, process, utils
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList
from textual.widgets.option_list import Option

from reader.extract.actors import default_catalogue
from reader.extract.resolve import NameIndex, identities, resolve, typed_names
from reader.tui import bindings
from reader.tui.data import Choice

FIXED = (Choice("all"), Choice("unreviewed"), Choice("reviewed"))
FIXED_LABELS = {"all": "All articles", "unreviewed": "Unreviewed only", "reviewed": "Reviewed only"}
MAX_MATCHES = 30
MIN_SCORE = 55


def actor_index(actors: list[tuple[str, str]]) -> NameIndex[str]:
    index: NameIndex[str] = NameIndex()
    for name, _kind in actors:
        index.add(name, name)
    return index


def resolved_actors(typed: str, index: NameIndex[str]) -> list[str]:
    """The actors in ``index`` that ``typed`` means by the resolver's rules (a catalogue
    alias or typo first, as ``actor:`` in a search)."""
    aliases = typed_names(default_catalogue()).resolve(typed, rules="exact typo")
    found = [hit.identity for hit in aliases if index.identity_of(hit.identity) is not None]
    return (found or identities(resolve(typed, index)))[:MAX_MATCHES]


def fuzzy_choices(
    typed: str, tags: list[str], actors: list[tuple[str, str]], index: NameIndex[str] | None = None
) -> list[Choice]:
    """Tags and actors for ``typed``: all of them (tags first) when empty, else the actors
    it names, then the best matches. ``index`` is :func:`actor_index` of ``actors``."""
    if not typed.strip():
        return [Choice("tag", t) for t in tags] + [Choice("actor", name) for name, _ in actors]
    index = index if index is not None else actor_index(actors)
    named = [Choice("actor", name) for name in resolved_actors(typed, index)]
    pool = {f"tag\0{t}": t for t in tags} | {f"actor\0{name}": name for name, _ in actors}
    found = process.extract(
        typed,
        pool,
        scorer=fuzz.WRatio,
        processor=utils.default_process,
        limit=MAX_MATCHES,
        score_cutoff=MIN_SCORE,
    )
    close = [Choice(*key.split("\0", 1)) for _name, _score, key in found]
    return named + [choice for choice in close if choice not in named]


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


class FilterModal(ModalScreen[Choice | None]):
    BINDINGS = bindings.FILTER_DIALOG

    def __init__(self, current: Choice, tags: list[str], actors: list[tuple[str, str]]) -> None:
        super().__init__()
        self.current, self.tags, self.actors = current, tags, actors
        self.types = dict(actors)
        self.shown: list[Choice] = []
        self._index: NameIndex[str] | None = None

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
        if typed.strip() and self._index is None:
            self._index = actor_index(self.actors)
        found = fuzzy_choices(typed, self.tags, self.actors, self._index)
        self.shown = fixed_choices(typed) + found
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
