"""Renaming and deleting a saved search from the saved-searches list (keys r and x there).

Rename asks for the new name (starting from the old one); delete asks first. Each write runs
in a worker and commits; only then does :class:`SavedChanged` say so and reopen the list.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from reader.errors import ReaderError
from reader.tui.messages import WriteFailed
from reader.tui.workflow_messages import WorkflowMessage

if TYPE_CHECKING:
    from reader.tui.screens.main import MainScreen
    from reader.tui.screens.saved_modal import SavedEdit


@dataclass
class SavedChanged(WorkflowMessage):
    text: str


def edit_saved(screen: MainScreen, edit: SavedEdit) -> None:
    from reader.tui.screens.dialogs import ConfirmModal, PromptModal

    name = edit.saved.name
    if edit.kind == "rename":

        def renamed(new: str | None) -> None:
            if new and new != name:
                _write(screen, f"the name of “{name}”", lambda db: _rename(db, name, new))

        question = f"New name for the saved search “{name}” ({edit.saved.query or 'every article'}):"
        screen.app.push_screen(PromptModal("Rename saved search", question, value=name), renamed)
        return

    def confirmed(yes: bool | None) -> None:
        if yes:
            _write(screen, f"the deletion of “{name}”", lambda db: _delete(db, name))

    question = f"Delete the saved search “{name}”?\n\nIts articles, tags and reviews stay as they are."
    screen.app.push_screen(ConfirmModal("Delete saved search", question), confirmed)


def _rename(db: object, old: str, new: str) -> str:
    from reader.store.saved import rename_saved

    return f"Renamed “{old}” to “{rename_saved(db, old, new).name}”"  # type: ignore[arg-type]


def _delete(db: object, name: str) -> str:
    from reader.store.saved import remove_saved

    if not remove_saved(db, name):  # type: ignore[arg-type]
        raise ReaderError(f"no saved search named '{name}'")
    return f"Deleted the saved search “{name}”"


def _write(screen: MainScreen, what: str, change: Callable[[object], str]) -> None:
    def run() -> None:
        try:
            text = change(screen.connections.get())
        except (sqlite3.Error, ReaderError) as error:
            screen.post_message(WriteFailed(what, str(error)))
            return
        screen.post_message(SavedChanged(text))

    screen.run_worker(run, thread=True, group="writes", exit_on_error=False)
