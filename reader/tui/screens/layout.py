"""The main screen's layout by width, and the state the next run starts from.

Under :data:`NARROW_BELOW` columns (80x24 terminals) the screen carries the ``-narrow``
class (the stylesheet hides the quote sidebar until ``s`` shows it) and the key bar is
compact, without the palette hint. :func:`state_of` is what :mod:`reader.tui.ui_state`
writes at each layout toggle and when the app closes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from reader.tui.ui_state import UiState
from reader.tui.widgets.key_bar import KeyBar

if TYPE_CHECKING:
    from reader.tui.screens.main import MainScreen

NARROW_BELOW = 100  # columns


def paint_status(screen: MainScreen) -> None:
    """The status line and the search bar's filter, from the screen's reactives."""
    from reader.tui.widgets.status_bar import StatusBar

    label = ", ".join(screen.view.labels()) or "all"
    status = screen.query_one(StatusBar)
    status.show(screen.total, screen.reviewed_total, label, screen.request.query, screen.busy,
                screen.view.sort, screen.estimated, screen.reviewed_by_you)  # fmt: skip
    screen.search_bar.show_filter(label if screen.view.narrowed() else "")


def fit_key_bar(screen: MainScreen) -> None:
    narrow = screen.size.width < NARROW_BELOW
    for bar in screen.query(KeyBar):
        bar.compact, bar.show_command_palette, bar.narrow = narrow, not narrow, narrow


async def show_footer(screen: MainScreen) -> None:
    """The key bar costs a few dozen widgets; building them waits for the first painted list."""
    slot = screen.query_one("#footer-slot")
    if not slot.children:
        await slot.mount(KeyBar())
        fit_key_bar(screen)
        screen.refresh_bindings()  # a footer lists the keys when the bindings are announced


def toggle_quotes(screen: MainScreen) -> None:
    screen.quotes_choice = not screen.quotes.display
    screen.app.remember(screen.ui_state())  # type: ignore[attr-defined]


def focus_quotes(screen: MainScreen) -> None:
    screen.quotes_choice = True
    if screen.quotes.highlighted is None and screen.quotes.quotes:
        screen.quotes.highlighted = 0
    screen.quotes.focus()


def state_of(screen: MainScreen) -> UiState:
    """Layout toggles, search, view and the highlighted article, as the next run restores them."""
    view = screen.view
    return UiState(
        quotes=screen.quotes_choice,
        timeline=screen.timeline_shown,
        query=screen.request.query,
        sort=view.sort,
        outlet=view.outlet,
        date_from=view.date_from,
        date_to=view.date_to,
        filter_kind=view.choice.kind,
        filter_value=view.choice.value,
        article_id=screen.current_id,
    )
