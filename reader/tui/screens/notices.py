"""What the main screen says in place of a list (no articles, no match, a failed search),
when a write could not be saved and when another process imported articles."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from textual.screen import Screen

    from reader.search import SearchRequest, SearchResult
    from reader.tui.messages import WriteFailed
    from reader.tui.screens.main import MainScreen
    from reader.tui.view import View

EMPTY_DB = "No articles yet.\n\nImport some from a terminal:\n  reader import PATH\n\nthen open reader again."
NO_RESULTS = (
    "No articles match “{query}”{filtered}.\n\nTry fewer or shorter words, or press Esc\nto clear the search."
)
QUERY_ERROR = "This search could not run:\n{error}\n\nEdit the query, or press Esc to clear it."
DB_FAILED = "The database could not be read:\n{error}"


def notice(result: SearchResult, request: SearchRequest, view: View) -> str:
    """The list's text when it has no rows ("" when it has some)."""
    if result.error and not result.total:
        return QUERY_ERROR.format(error=result.error)
    if result.total:
        return ""
    if not request.query.strip() and not view.narrowed():
        return EMPTY_DB
    filtered = f" with filter {', '.join(view.labels())}" if view.narrowed() else ""
    query = request.query.strip() or "(everything)"
    return NO_RESULTS.format(query=query, filtered=filtered)


def write_failed(screen: Screen[None], event: WriteFailed) -> None:
    screen.notify(
        f"Could not save {event.what}: {event.error}. Nothing was changed.",
        title="Not saved",
        severity="error",
        timeout=10,
    )


def new_articles(screen: MainScreen) -> None:
    """Articles newer than the last poll knew of were imported elsewhere."""
    if screen.total == 0:
        screen.start_search()  # nothing on screen to lose: show them at once
        return
    # Re-listing would move the cursor under the reader's eyes: update the counts and say so.
    screen.searches.counts(screen.request)
    screen.notify("New articles were imported. Press Ctrl+R to list them.", title="New articles", timeout=8)


def unreachable(screen: MainScreen, error: str) -> None:
    """Said once when the server goes away; the poll keeps trying every second."""
    if screen.offline:
        return
    screen.offline = True
    screen.notify(
        f"{error}. Reconnecting… Changes are shown as saved only once the server has them.",
        title="Database server unreachable", severity="warning", timeout=30,
    )  # fmt: skip


def reconnected(screen: MainScreen) -> None:
    screen.offline = False
    screen.notify("Reconnected to the database server.", title="Database", timeout=5)
    screen.start_search()


def database_failed(screen: MainScreen, error: str) -> None:
    from reader.tui.screens.layout import show_footer

    screen.article_list.reset(screen.generation, 0, (), DB_FAILED.format(error=error))
    screen.call_after_refresh(show_footer, screen)
    screen.notify(error, title="Database problem", severity="error", timeout=10)
