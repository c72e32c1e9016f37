"""The tags window's work: read the counts, rename or remove a tag, then show the list again.

Every read and write runs in a worker; a change commits before :class:`TagsChanged` reports
it, refreshes the article list (its rows show the tags) and reopens the window. Removing a tag
everywhere is one untag-all action, so ``z`` undoes it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from reader.store.errors import database_errors, describe
from reader.tui.messages import WriteFailed
from reader.tui.screens.name_edit import NameEdit, ask
from reader.tui.workflow_messages import WorkflowMessage

if TYPE_CHECKING:
    from reader.store.database import Database
    from reader.store.tags import TagCount
    from reader.tui.screens.main import MainScreen
    from reader.tui.screens.tags_modal import TagEdit


@dataclass
class TagsChanged(WorkflowMessage):
    text: str


def open_tags(screen: MainScreen) -> None:
    def lookup() -> None:
        from reader.store.tags import tag_counts

        try:
            tags = tag_counts(screen.connections.get())
        except database_errors() as error:
            screen.post_message(WriteFailed("the tags (reading them)", describe(error)))
            return
        screen.app.call_from_thread(_show, screen, tags)

    screen.run_worker(screen.connections.lent(lookup), thread=True, group="lookups", exit_on_error=False)


def _show(screen: MainScreen, tags: list[TagCount]) -> None:
    from reader.tui.screens.tags_modal import TagsModal

    def chosen(edit: TagEdit | None) -> None:
        if edit is not None:
            _edit(screen, edit)

    screen.app.push_screen(TagsModal(tags), chosen)


def _edit(screen: MainScreen, edit: TagEdit) -> None:
    name, count = edit.tag.name, edit.tag.articles
    noun = "article" if count == 1 else "articles"
    texts = NameEdit(
        name=name,
        rename_title="Rename tag",
        rename_question=f"New name for #{name} ({count:,} {noun}; an existing tag's name merges the two):",
        delete_title="Remove tag",
        delete_question=f"Remove the tag “{name}” from all {count:,} {noun}?\n\nz undoes it afterwards.",
        rename=_rename,
        delete=lambda db, name: _remove(db, name, screen.connections.user),
        what=f"the tag “{name}”",
        done=TagsChanged,
    )
    ask(screen, texts, edit.kind)


def _rename(db: Database, old: str, new: str) -> str:
    from reader.store.tags import rename_tag

    done = rename_tag(db, old, new)
    if done.merged:
        return f"Merged tag “{done.old}” into “{done.new}”"
    return f"Renamed tag “{done.old}” to “{done.new}”"


def _remove(db: Database, name: str, user: str | None) -> str:
    from reader.store.tags import remove_tag_everywhere

    done = remove_tag_everywhere(db, name, user)
    noun = "article" if done.changed == 1 else "articles"
    return f"Removed tag “{done.tag}” from {done.changed:,} {noun} (z undoes)"
