"""What the workflow workers ask of the core (saved searches, bulk tags, export, timeline).

Plain functions run in worker threads only; like :mod:`reader.tui.data`, they call
:mod:`reader.search` and :mod:`reader.store` and never touch widgets.
"""

from __future__ import annotations

from pathlib import Path

from sqlite_utils import Database

from reader.errors import ReaderError
from reader.search import SearchRequest
from reader.search.select import Timeline, timeline
from reader.store.bulk import BulkResult, bulk_tag, last_bulk, undo_last_bulk
from reader.store.export import atomic_output, describe, export
from reader.store.export_formats import Stats
from reader.store.saved import Progress, list_saved, mark_opened, progress, save_search

EXPORT_SUFFIXES = {".csv": "csv", ".jsonl": "jsonl", ".ndjson": "jsonl", ".md": "md", ".markdown": "md"}

__all__ = ["BulkResult", "Progress", "Stats", "Timeline", "describe", "last_bulk", "undo_last_bulk"]


def view_timeline(db: Database, request: SearchRequest) -> Timeline:
    return timeline(db, request)


def saved_progress(db: Database) -> list[Progress]:
    return [progress(db, saved) for saved in list_saved(db)]


def save(db: Database, name: str, query: str) -> Progress:
    """Save (or replace) ``name``; returns its progress as the list will show it."""
    return progress(db, save_search(db, name, query, replace=True))


def opened(db: Database, name: str) -> None:
    mark_opened(db, name)


def bulk(db: Database, request: SearchRequest, tag: str, add: bool) -> BulkResult:
    return bulk_tag(db, request, tag, add=add)


def export_format(path: str) -> str:
    fmt = EXPORT_SUFFIXES.get(Path(path).suffix.lower())
    if fmt is None:
        raise ReaderError("the file name must end in .csv, .jsonl or .md (that sets the format)")
    return fmt


def export_view(db: Database, request: SearchRequest, path: str) -> Stats:
    """Every article of the view to ``path`` (format from its suffix), written whole or not at all."""
    target = Path(path).expanduser()
    fmt = export_format(str(target))
    if not target.parent.is_dir():
        raise ReaderError(f"no such folder: {target.parent}")
    with atomic_output(target) as handle:
        return export(db, request, handle, fmt)
