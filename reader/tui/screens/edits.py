"""The main screen's text pane and quotes for the selected article, and a saved review mark
or tag change shown in the list and the text pane.

Under a reviewed/unreviewed filter (chosen or typed as ``reviewed:``) a review that takes the
row out of the view removes it; ``z`` brings it back and the cursor returns to it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from reader.search import parse_query

if TYPE_CHECKING:
    from reader.store.changes import Changes
    from reader.tui import messages as msg
    from reader.tui.data import Unreviewed
    from reader.tui.screens.main import MainScreen


def show_selected(screen: MainScreen, article_id: int | None) -> None:
    """A new selection: load the article (a worker) and claim it for the analyst (releasing
    the one before), or say that none is selected."""
    screen.claims.keep(article_id, screen.user)
    if article_id is None:
        screen.article_view.show_notice("No article selected.")
        screen.quotes.show_quotes(None)
    else:
        screen.searches.article(article_id, screen.request.query)


def show_loaded(screen: MainScreen, event: msg.ArticleLoaded) -> None:
    if event.article_id != screen.current_id:
        return  # the selection has moved on
    if event.detail is None:
        screen.article_view.show_notice("This article is no longer in the database.")
        screen.quotes.show_quotes(None)
        return
    screen.article_view.show(event.detail.article, event.detail.hits)
    screen.quotes.show_quotes(event.detail.article.get("quotes", []), event.detail.matching_quotes)
    if screen.pending_quote and screen.pending_quote[0] == event.article_id:
        _article, start, end = screen.pending_quote
        screen.pending_quote = None
        screen.article_view.show_quote(start, end)
        screen.article_view.focus()


def review_filter(screen: MainScreen) -> bool | None:
    """Which reviewed state the list is limited to (the filter, or ``reviewed:`` or ``reviewer:``
    typed), if any."""
    if screen.request.reviewed is not None:
        return screen.request.reviewed
    filters = parse_query(screen.request.query).filters
    return True if filters.reviewer and filters.reviewed is None else filters.reviewed


def review_saved(screen: MainScreen, event: msg.ReviewSaved) -> None:
    leaves = review_filter(screen) is (not event.reviewed)
    if leaves and screen.article_list.remove_hit(event.article_id):
        screen.total -= 1  # it left the reviewed/unreviewed view; z brings it back
        screen.undo_focus_id = event.article_id
        screen.busy = False
        return
    screen.undo_focus_id = None
    screen.article_list.update_hit(event.article_id, reviewed=event.reviewed, reviewed_by=event.by)
    if screen.article_view.article and screen.article_view.article.get("id") == event.article_id:
        mark = {"reviewed": event.reviewed, "reviewed_by": event.by, "reviewed_at": event.at}
        screen.article_view.update_article(**mark)


def ask_to_take_mark(screen: MainScreen, event: msg.ReviewHeld) -> None:
    """r on an article another analyst reviewed: their mark goes only after a yes."""
    from reader.tui.screens.dialogs import ConfirmModal

    def answered(yes: bool | None) -> None:
        if yes:
            screen.searches.review(event.article_id, screen.request, take_others=True)

    question = f"This article is {event.mark.text()}.\n\nTake the mark away (mark it not reviewed)?"
    screen.app.push_screen(ConfirmModal("Reviewed by another analyst", question), answered)


def tags_saved(screen: MainScreen, event: msg.TagsSaved) -> None:
    screen.article_list.update_hit(event.article_id, tags=event.tags)
    if screen.article_view.article and screen.article_view.article.get("id") == event.article_id:
        screen.article_view.update_article(tags=list(event.tags))
    screen.notify(event.changed, timeout=3)


def others_changed(screen: MainScreen, changes: Changes) -> None:
    """Marks and tags committed elsewhere: the rows (and the open article) show them, the
    counts follow; a change too large to read row by row searches again."""
    first = screen.change_seen is None
    screen.change_seen = changes.last
    if first:
        return  # the list was read after this point
    if changes.overflow:
        screen.start_search()
        return
    for article_id, state in changes.states.items():
        screen.article_list.update_hit(
            article_id, reviewed=state.reviewed, reviewed_by=state.reviewed_by, tags=state.tags
        )
        article = screen.article_view.article
        if article and article.get("id") == article_id:
            screen.article_view.update_article(
                reviewed=state.reviewed,
                reviewed_by=state.reviewed_by,
                reviewed_at=state.reviewed_at,
                tags=list(state.tags),
            )
    if changes.states:
        screen.searches.counts(screen.request)


def go_to_unreviewed(screen: MainScreen, found: Unreviewed) -> None:
    """u: the cursor on the next unreviewed article of the list that no other analyst has open
    (already claimed for this one), if one is left."""
    if found.index is not None:
        screen.article_list.cursor = found.index
    elif found.open_by_others:
        others = found.open_by_others
        screen.notify(
            f"The {others} unreviewed article{'s' if others > 1 else ''} left here "
            f"{'are' if others > 1 else 'is'} open by other analysts.",
            timeout=4,
        )
    else:
        screen.notify("Every article in this list is reviewed.", timeout=3)
