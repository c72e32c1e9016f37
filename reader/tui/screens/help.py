"""The help screen: every key, read from :mod:`reader.tui.bindings` with the user's keymap applied."""

from __future__ import annotations

from rich.console import Group
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from reader.tui import bindings

SECTIONS = (
    ("Everywhere (except while typing)", bindings.SCREEN),
    ("Article list", bindings.LIST),
    ("Article text", bindings.TEXT),
    ("Filter, outlet, dates, sort", bindings.VIEW),
    ("The article's source and the clipboard", bindings.SOURCE),
    ("Who said what", bindings.WHO_SAID),
    ("Quote sidebar", bindings.QUOTES),
    ("Statements view (w)", bindings.STATEMENTS),
    ("Correcting a quote (c in the sidebar)", bindings.CORRECT),
    ("Speakers (I)", bindings.SPEAKERS),
    ("Search field", bindings.SEARCH),
    ("Saved searches, tag all, export, timeline", bindings.WORKFLOW),
    ("Copy menu (y)", bindings.COPY),
    ("Dialogs", [*bindings.DIALOGS, *bindings.PICKER, *bindings.DATES]),
)

INTRO = (
    "Search words are matched in their Indonesian forms (curang finds kecurangan), typos are "
    "corrected from the articles' own vocabulary, and actor names match their aliases. The line "
    "under the search field says which expansions were used. reviewed:me finds what you reviewed, "
    "reviewer:NAME what NAME did (✓ NAME in the list). Your reviewed marks and tags are saved to "
    "the database before they appear on screen. Ctrl+P opens the command palette."
)


def key_tables(keymap: dict[str, str], display: object) -> Group:
    """One heading and one two-column table (keys, what they do) per section."""
    parts: list[Text | Table] = []
    for title, group in SECTIONS:
        table = Table(box=None, show_header=False, padding=(0, 2, 0, 1), expand=True)
        table.add_column("key", style="bold", no_wrap=True, width=14)
        table.add_column("does", ratio=1)
        table.add_column("id", style="dim", no_wrap=True)
        for binding in group:
            table.add_row(
                _keys(binding, keymap, display), binding.tooltip or binding.description, binding.id or ""
            )
        parts += [Text(title, style="bold underline"), table, Text("")]
    return Group(*parts)


def _keys(binding: Binding, keymap: dict[str, str], display: object) -> str:
    keys = keymap.get(binding.id or "", binding.key)
    shown = []
    for key in keys.split(","):
        get = getattr(display, "get_key_display", None)
        shown.append(get(Binding(key.strip(), "")) if get else key)
    return " ".join(shown)


class HelpScreen(ModalScreen[None]):
    BINDINGS = bindings.HELP_SCREEN

    def compose(self) -> ComposeResult:
        keymap = dict(getattr(self.app, "user_keymap", {}))
        with VerticalScroll(id="help-box") as box:
            box.border_title = "reader: keys"
            box.border_subtitle = "Esc closes"
            yield Static(Text(INTRO), id="help-intro")
            yield Static(key_tables(keymap, self.app), id="help-keys")

    def action_close(self) -> None:
        self.dismiss(None)
