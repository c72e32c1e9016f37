"""What the main screen's view and source keys do: clear the filters (F), pick an outlet (p)
or dates (d), open the article's source (b) and copy to the clipboard (y).

Plain functions over the main screen; the pickers and the copy menu load on first use.
Copying goes through the terminal (``App.copy_to_clipboard``, OSC 52).
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from reader.tui.screens.main import MainScreen

PREVIEW = 50  # characters of a copied quote shown in the notification


def clear_filters(screen: MainScreen) -> None:
    if not screen.view.narrowed():
        screen.notify("No filter is on: the search alone decides the list.", timeout=3)
        return
    screen.set_view(screen.view.cleared())
    screen.notify("Filters cleared: the search alone decides the list.", timeout=3)


def pick_outlet(screen: MainScreen, outlets: list[tuple[str, int]]) -> None:
    from reader.tui.screens.pickers import OutletModal

    def apply(outlet: str | None) -> None:
        if outlet is not None:
            screen.set_view(replace(screen.view, outlet=outlet or None))

    screen.app.push_screen(OutletModal(outlets, screen.view.outlet), apply)


def pick_dates(screen: MainScreen) -> None:
    from reader.tui.screens.pickers import DatesModal

    def apply(dates: tuple[str | None, str | None] | None) -> None:
        if dates is not None:
            screen.set_view(replace(screen.view, date_from=dates[0], date_to=dates[1]))

    screen.app.push_screen(DatesModal(screen.view.date_from, screen.view.date_to), apply)


def move_hit(screen: MainScreen, step: int) -> None:
    """n / N: the next or previous search hit in the text."""
    if not screen.article_view.next_hit(step):
        reason = "Search first (/)" if not screen.request.query.strip() else "No hits in this text"
        screen.notify(reason, timeout=2)


def _url(screen: MainScreen) -> str | None:
    article = screen.article_view.article
    if article is None or article.get("id") != screen.current_id:
        screen.notify("No article is shown.", severity="warning", timeout=3)
        return None
    if not article.get("url"):
        screen.notify("This article has no source URL.", severity="warning", timeout=3)
        return None
    return str(article["url"])


def open_url(screen: MainScreen) -> None:
    if url := _url(screen):
        screen.app.open_url(url)
        screen.notify(f"Opening {url}", timeout=4)


def copy(screen: MainScreen) -> None:
    from reader.tui.screens.copy_modal import CopyModal

    article = screen.article_view.article
    if article is None or article.get("id") != screen.current_id:
        screen.notify("No article is shown.", severity="warning", timeout=3)
        return
    screen.app.push_screen(CopyModal(), lambda kind: copy_part(screen, kind) if kind else None)


def copy_part(screen: MainScreen, kind: str) -> None:
    """Copy the article's text, the highlighted quote or the URL, and say what was copied."""
    article = screen.article_view.article
    if article is None:
        return
    if kind == "url":
        if url := _url(screen):
            screen.app.copy_to_clipboard(url)
            screen.notify(f"Copied the URL: {url}", title="Clipboard", timeout=4)
        return
    if kind == "quote":
        quote = screen.quotes.current_quote
        if quote is None:
            screen.notify("No quote is highlighted: Q, then j/k, picks one.", severity="warning", timeout=4)
            return
        speaker = f" — {quote['speaker']}" if quote.get("speaker") else ""
        text = f"“{quote['text']}”{speaker}"
        screen.app.copy_to_clipboard(text)
        shown = text if len(text) <= PREVIEW else text[: PREVIEW - 1] + "…"
        screen.notify(f"Copied the quote: {shown}", title="Clipboard", timeout=4)
        return
    title = article.get("title") or ""
    text = f"{title}\n\n{article.get('body') or ''}".strip()
    screen.app.copy_to_clipboard(text)
    shown = f"Copied the text of “{title[:40]}” ({len(text):,} characters)"
    screen.notify(shown, title="Clipboard", timeout=4)
