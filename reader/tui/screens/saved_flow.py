"""Renaming and deleting a saved search from the saved-searches list (keys r and x there).

Rename asks for the new name (starting from the old one); delete asks first. Each write runs
in a worker and commits; only then does :class:`SavedChanged` say so and reopen the list.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from reader.errors import ReaderError
from reader.tui.screens.name_edit import NameEdit, ask
from reader.tui.workflow_messages import WorkflowMessage

if TYPE_CHECKING:
    from reader.store.database import Database
    from reader.tui.screens.main import MainScreen
    from reader.tui.screens.saved_modal import SavedEdit


@dataclass
class SavedChanged(WorkflowMessage):
    text: str


def edit_saved(screen: MainScreen, edit: SavedEdit) -> None:
    name = edit.saved.name
    texts = NameEdit(
        name=name,
        rename_title="Rename saved search",
        rename_question=f"New name for the saved search “{name}” ({edit.saved.query or 'every article'}):",
        delete_title="Delete saved search",
        delete_question=(
            f"Delete the saved search “{name}”?\n\nIts articles, tags and reviews stay as they are."
        ),
        rename=_rename,
        delete=_delete,
        what=f"the saved search “{name}”",
        done=SavedChanged,
    )
    ask(screen, texts, edit.kind)


def _rename(db: Database, old: str, new: str) -> str:
    from reader.store.saved import rename_saved

    return f"Renamed “{old}” to “{rename_saved(db, old, new).name}”"


def _delete(db: Database, name: str) -> str:
    from reader.store.saved import remove_saved

    if not remove_saved(db, name):
        raise ReaderError(f"no saved search named '{name}'")
    return f"Deleted the saved search “{name}”"
