"""The key bar: Textual's footer, which leaves a few keys out when the terminal is narrow.

Under :data:`reader.tui.screens.layout.NARROW_BELOW` columns it is compact, drops the palette
hint and the keys in :data:`NARROW_HIDDEN` (they stay in the help screen and the palette),
so ``? Help`` and ``q Quit`` still fit at 80 columns.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.reactive import reactive
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

NARROW_HIDDEN = frozenset({"open", "saved_searches", "statements"})


class KeyBar(Footer):
    narrow: reactive[bool] = reactive(False, recompose=True)

    def compose(self) -> ComposeResult:
        for widget in super().compose():
            if self.narrow and isinstance(widget, FooterKey) and widget.action in NARROW_HIDDEN:
                continue
            yield widget
