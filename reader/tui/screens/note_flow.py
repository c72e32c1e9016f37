"""The note on the highlighted article (key ``m``): edit it in a prompt, saved before it is shown.

The prompt starts with the current note; Enter saves it, an emptied field removes it, Esc
changes nothing. The write runs in a worker thread and commits; only then does the
:class:`NoteSaved` message update the text pane and say so.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual.message import Message

from reader.errors import ReaderError
from reader.store.errors import database_errors, describe
from reader.tui.messages import WriteFailed

if TYPE_CHECKING:
    from reader.tui.screens.main import MainScreen


@dataclass
class NoteSaved(Message):
    article_id: int
    note: str | None


def edit_note(screen: MainScreen, article_id: int, title: str) -> None:
    """Read the article's note (a worker), then ask for the new one."""

    def lookup() -> None:
        from reader.store.notes import get_note

        try:
            current = get_note(screen.connections.get(), article_id)
        except database_errors() as error:
            screen.post_message(WriteFailed("the note", describe(error)))
            return
        screen.app.call_from_thread(_ask, screen, article_id, title, current)

    screen.run_worker(screen.connections.lent(lookup), thread=True, group="lookups", exit_on_error=False)


def _ask(screen: MainScreen, article_id: int, title: str, current: str | None) -> None:
    from reader.tui.screens.dialogs import PromptModal

    def entered(text: str | None) -> None:
        if text is not None:
            save = screen.connections.lent(lambda: _save(screen, article_id, text))
            screen.run_worker(save, thread=True, group="writes", exit_on_error=False)

    question = f"Note on “{title}” (empty removes it):"
    screen.app.push_screen(
        PromptModal("Note", question, value=current or "", placeholder="a short note", allow_empty=True),
        entered,
    )


def _save(screen: MainScreen, article_id: int, text: str) -> None:
    from reader.store.notes import set_note

    try:
        note = set_note(screen.connections.get(), article_id, text, screen.connections.user)
    except (ReaderError, *database_errors()) as error:
        screen.post_message(WriteFailed("the note", describe(error)))
        return
    screen.post_message(NoteSaved(article_id, note))


def show_saved(screen: MainScreen, event: NoteSaved) -> None:
    view = screen.article_view
    if view.article and view.article.get("id") == event.article_id:
        view.update_article(note=event.note)
    screen.notify("Note saved" if event.note else "Note removed", timeout=3)
