"""What the workflow workers ask of the core (saved searches, bulk tags, export, timeline).

Plain functions run in worker threads only; like :mod:`reader.tui.data`, they call
:mod:`reader.search` and :mod:`reader.store` and never touch widgets. The store modules
are imported on first use: none of them is needed to show the first list.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from reader.errors import ReaderError
from reader.paths import export_dir

if TYPE_CHECKING:
    from reader.search import SearchRequest
    from reader.search.select import Timeline
    from reader.store.bulk import BulkResult
    from reader.store.database import Database
    from reader.store.export_formats import Stats
    from reader.store.history import ReviewAllResult, Step
    from reader.store.saved import Progress

EXPORT_SUFFIXES = {".csv": "csv", ".jsonl": "jsonl", ".ndjson": "jsonl", ".md": "md", ".markdown": "md"}


def view_timeline(db: Database, request: SearchRequest) -> Timeline:
    from reader.search.select import timeline

    return timeline(db, request)


def saved_progress(db: Database) -> list[Progress]:
    from reader.store.saved import list_saved, progress

    return [progress(db, saved) for saved in list_saved(db)]


def save(db: Database, name: str, query: str) -> Progress:
    """Save (or replace) ``name``; returns its progress as the list will show it."""
    from reader.store.saved import progress, save_search

    return progress(db, save_search(db, name, query, replace=True))


def opened(db: Database, name: str) -> None:
    from reader.store.saved import mark_opened

    mark_opened(db, name)


def bulk(db: Database, request: SearchRequest, tag: str, add: bool, user: str | None) -> BulkResult:
    from reader.store.bulk import bulk_tag

    return bulk_tag(db, request, tag, add=add, user=user)


def last_step(db: Database, user: str | None) -> Step | None:
    """``user``'s last action not yet undone (another analyst's never)."""
    from reader.store.history import last_step as last

    return last(db, user)


def undo_last(db: Database, user: str | None) -> Step | None:
    from reader.store.history import undo_last as undo

    return undo(db, user)


def review_all(db: Database, request: SearchRequest, user: str | None) -> ReviewAllResult:
    from reader.store.history import review_all as mark_all

    return mark_all(db, request, user)


def describe(request: SearchRequest) -> str:
    """The view in words, as the dialogs name it: ``“kecurangan” · tag: cek · unreviewed``."""
    from reader.store import export as exports

    return exports.describe(request)


def export_format(path: str) -> str:
    fmt = EXPORT_SUFFIXES.get(Path(path).suffix.lower())
    if fmt is None:
        raise ReaderError("the file name must end in .csv, .jsonl or .md (that sets the format)")
    return fmt


def default_export_path(stamp: datetime) -> Path:
    """The file the export dialog suggests: a timestamped .csv in :func:`reader.paths.export_dir`."""
    return export_dir() / f"reader-export-{stamp:%Y%m%d-%H%M}.csv"


def export_target(typed: str) -> Path:
    """The absolute file a typed export path means (``~`` expanded, relative to the current folder)."""
    return Path(typed).expanduser().absolute()


def export_view(db: Database, request: SearchRequest, path: str) -> Stats:
    """Every article of the view to ``path`` (format from its suffix), written whole or not at all.

    The suggested export folder is created when missing; any other folder must exist."""
    target = Path(path).expanduser()
    from reader.store.export import atomic_output, export

    fmt = export_format(str(target))
    if target.parent == export_dir():
        target.parent.mkdir(parents=True, exist_ok=True)
    if not target.parent.is_dir():
        raise ReaderError(f"no such folder: {target.parent}")
    with atomic_output(target) as handle:
        return export(db, request, handle, fmt)
