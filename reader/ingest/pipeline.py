"""The importer: files -> raw records -> cleaned articles -> extraction -> the store.

Idempotent: an article whose source id or cleaned text (content hash) is
already stored counts as a duplicate and is not written again. Articles are
written in batches, one transaction each: a failure or a kill loses at most the
batch in flight and never leaves half an article behind.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterable
from pathlib import Path

from sqlite_utils import Database

from reader.ingest.clean import clean, content_hash
from reader.ingest.files import Skip, find_files
from reader.ingest.readers import read_file
from reader.models import CleanArticle, Extraction, ImportReport, RawArticle
from reader.store.writes import ActorIds, insert_article, is_known

BATCH_SIZE = 500
Extractor = Callable[[str, str | None], Extraction]
Progress = Callable[[int], None]  # called with bytes read since the last call


def default_extractor() -> Extractor:
    from reader.extract import extract_article

    return lambda body, title: extract_article(body, title)


class _Batch:
    """Cleaned articles waiting to be written together."""

    def __init__(self, db: Database, report: ImportReport, extractor: Extractor) -> None:
        self.db, self.report, self.extractor = db, report, extractor
        self.pending: list[tuple[CleanArticle, str]] = []
        self.hashes: set[str] = set()
        self.sources: set[str] = set()
        self.actors = ActorIds(db)

    def add(self, raw: RawArticle) -> None:
        article = clean(raw, detect_header=raw.origin.endswith(".txt"))
        if not article.body.strip():
            self.report.skipped.append((raw.origin, "no article text left after cleaning"))
            return
        digest = content_hash(article.body)
        if digest in self.hashes or article.source in self.sources:
            self.report.duplicates += 1
            return
        self.hashes.add(digest)
        self.sources.add(article.source)
        self.pending.append((article, digest))
        if len(self.pending) >= BATCH_SIZE:
            self.flush()

    def flush(self) -> None:
        if not self.pending:
            return
        extractions = [self.extractor(a.body, a.title) for a, _ in self.pending]
        written = 0
        with self.db.atomic():
            for (article, digest), extraction in zip(self.pending, extractions, strict=True):
                if is_known(self.db, article.source, digest):
                    self.report.duplicates += 1
                    continue
                insert_article(self.db, article, digest, extraction, self.actors)
                written += 1
        self.report.imported += written
        self.pending.clear()


def import_records(
    db: Database, items: Iterable[RawArticle | Skip], extractor: Extractor | None = None
) -> ImportReport:
    """Import already-read records (used by :func:`import_paths`, tests and benchmarks)."""
    report = ImportReport()
    batch = _Batch(db, report, extractor or default_extractor())
    for item in items:
        if isinstance(item, Skip):
            if item.why:
                report.skipped.append((item.where, item.why))
        else:
            batch.add(item)
    batch.flush()
    return report


def import_paths(
    db: Database,
    paths: Iterable[Path],
    progress: Progress | None = None,
    extractor: Extractor | None = None,
) -> ImportReport:
    """Import every supported file under ``paths``; bad files and records become skips."""

    def items() -> Iterable[RawArticle | Skip]:
        for found in find_files(list(paths)):
            if isinstance(found, Skip):
                yield found
                continue
            done_before = 0
            for item, done in read_file(found):
                if progress is not None and done > done_before:
                    progress(done - done_before)
                    done_before = done
                yield item

    return import_records(db, items(), extractor)


def total_bytes(paths: Iterable[Path]) -> int:
    """The size of everything :func:`import_paths` would read, for a progress bar."""
    total = 0
    for found in find_files(list(paths)):
        if isinstance(found, Path):
            with contextlib.suppress(OSError):
                total += found.stat().st_size
    return total
