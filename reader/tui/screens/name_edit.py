"""Renaming or deleting a named thing from a list (a saved search, a tag): one dialog flow.

Rename asks for the new name, starting from the old one; delete asks first. The write runs
in a worker and commits; only then does the caller's message say what was done.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from reader.errors import ReaderError
from reader.store.errors import database_errors, describe
from reader.tui.messages import WriteFailed

if TYPE_CHECKING:
    from textual.message import Message

    from reader.store.database import Database
    from reader.tui.screens.main import MainScreen


@dataclass(frozen=True, slots=True)
class NameEdit:
    """What the dialogs say and do for one rename or delete of ``name``."""

    name: str
    rename_title: str
    rename_question: str
    delete_title: str
    delete_question: str
    rename: Callable[[Database, str, str], str]  # (db, old, new) -> what was done
    delete: Callable[[Database, str], str]  # (db, name) -> what was done
    what: str  # named in a failure: "the tag “x”"
    done: Callable[[str], Message]  # the message that reports success


def ask(screen: MainScreen, edit: NameEdit, kind: str) -> None:
    """Ask for the new name (``kind`` "rename") or for a yes (anything else), then write."""
    from reader.tui.screens.dialogs import ConfirmModal, PromptModal

    name = edit.name
    if kind == "rename":

        def renamed(new: str | None) -> None:
            if new and new != name:
                write(screen, edit.what, lambda db: edit.rename(db, name, new), edit.done)

        screen.app.push_screen(PromptModal(edit.rename_title, edit.rename_question, value=name), renamed)
        return

    def confirmed(yes: bool | None) -> None:
        if yes:
            write(screen, edit.what, lambda db: edit.delete(db, name), edit.done)

    screen.app.push_screen(ConfirmModal(edit.delete_title, edit.delete_question), confirmed)


def write(
    screen: MainScreen, what: str, change: Callable[[Database], str], done: Callable[[str], Message]
) -> None:
    """Run ``change`` in a worker with its own connection; report success or the failure."""

    def run() -> None:
        try:
            text = change(screen.connections.get())
        except (ReaderError, *database_errors()) as error:
            screen.post_message(WriteFailed(what, describe(error)))
            return
        screen.post_message(done(text))

    screen.run_worker(screen.connections.lent(run), thread=True, group="writes", exit_on_error=False)
