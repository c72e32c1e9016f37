"""The importer: files -> raw records -> prepared articles -> the store.

Idempotent: an article whose source id or cleaned text (content hash) is
already stored counts as a duplicate and is not written again. Articles are
written in batches, one transaction each: a failure or a kill loses at most the
batch in flight and never leaves half an article behind.
"""

from __future__ import annotations

import contextlib
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from reader.ingest.files import Skip, find_files
from reader.ingest.prepare import Extractor, Preparer
from reader.ingest.readers import read_file
from reader.models import ImportReport, Prepared, RawArticle
from reader.store.catalogue import catalogue_of
from reader.store.database import Database
from reader.store.terms import TermCounts
from reader.store.writes import (
    ActorIds,
    after_import,
    import_session,
    insert_articles,
    known_sources,
    statements_indexed_at_end,
    write_transaction,
)

BATCH_SIZE = 500
TAIL_PARTS = 4  # the last batch of an import is prepared and written in this many parts
AHEAD = 2  # batches handed to the preparer beyond the one being written
BATCH_ENV = "READER_IMPORT_BATCH"  # a smaller batch for tests that kill imports mid-way
# Called with the bytes read since the last call and the number of articles read so far.
Progress = Callable[[int, int], None]


def batch_size() -> int:
    """Articles per transaction: :data:`BATCH_SIZE`, unless ``READER_IMPORT_BATCH`` says otherwise."""
    value = os.environ.get(BATCH_ENV, "").strip()
    return int(value) if value.isdigit() and int(value) > 0 else BATCH_SIZE


class _Writer:
    """Collects raw articles and writes them a batch (one transaction) at a time.

    Batches are pipelined: while batch n is written here, the pool already has batches
    n+1 and n+2, so the workers never run dry while the writer finishes a slow batch (with
    one batch ahead they often did: writing and preparing a batch take about as long).
    """

    def __init__(self, db: Database, report: ImportReport, preparer: Preparer) -> None:
        self.db, self.report, self.preparer = db, report, preparer
        self.pending: list[RawArticle] = []
        self.in_flight: deque[tuple[list[RawArticle], Iterator[Prepared | None]]] = deque()
        self.actors = ActorIds(db, preparer.catalogue)
        self.batch_size = batch_size()

    def add(self, raw: RawArticle) -> None:
        self.pending.append(raw)
        if len(self.pending) >= self.batch_size:
            self._submit()

    def flush(self) -> None:
        """Write everything still pending or in flight (at the end of the input).

        The last batch of a longer import goes to the pool in parts, all at once, and each
        part is written as soon as it is prepared: the workers are still busy with the next
        part meanwhile, where the whole batch written at the end would keep them waiting.
        """
        pending, self.pending = self.pending, []
        parts = TAIL_PARTS if self.in_flight else 1  # a one-batch import: as it is
        size = max(1, -(-len(pending) // parts))
        queued = [self._prepared(pending[start : start + size]) for start in range(0, len(pending), size)]
        self.in_flight.extend(batch for batch in queued if batch is not None)
        while self.in_flight:
            self._write(*self.in_flight.popleft())

    def _submit(self) -> None:
        batch, self.pending = self.pending, []
        following = self._prepared(batch)
        if following is not None:
            self.in_flight.append(following)
        while len(self.in_flight) > AHEAD:
            self._write(*self.in_flight.popleft())

    def _prepared(self, batch: list[RawArticle]) -> tuple[list[RawArticle], Iterator[Prepared | None]] | None:
        """``batch`` handed to the preparer (None when it is empty or stored already)."""
        # Re-running an interrupted import must not clean and extract every stored article again.
        stored = known_sources(self.db, [raw.source for raw in batch]) if batch else set()
        self.report.duplicates += sum(raw.source in stored for raw in batch)
        batch = [raw for raw in batch if raw.source not in stored]
        return (batch, self.preparer.map(batch)) if batch else None

    def _write(self, batch: list[RawArticle], results: Iterator[Prepared | None]) -> None:
        prepared = list(results)  # prepared before the transaction takes the write lock
        terms = TermCounts()
        items = []
        for raw, item in zip(batch, prepared, strict=True):
            if item is None:
                self.report.skipped.append((raw.origin, "no article text left after cleaning"))
            else:
                items.append(item)
        with write_transaction(self.db), statements_indexed_at_end(self.db):
            # The database, not a set in memory, knows what is stored: articles written
            # earlier in this transaction or by another importer included.
            ids = insert_articles(self.db, items, self.actors, terms)
            written = sum(article_id is not None for article_id in ids)
            self.report.duplicates += len(ids) - written
            terms.flush(self.db)
            self.actors.end_batch()
        self.report.imported += written


def import_records(
    db: Database, items: Iterable[RawArticle | Skip], extractor: Extractor | None = None
) -> ImportReport:
    """Import already-read records (used by :func:`import_paths`, tests and benchmarks).

    The database's actor catalogue is read once, here: every article of the import is
    extracted and its speakers resolved with it."""
    report = ImportReport()
    preparer = Preparer(extractor, catalogue_of(db))
    writer = _Writer(db, report, preparer)
    try:
        with import_session(db):
            for item in items:
                if isinstance(item, Skip):
                    if item.why:
                        report.skipped.append((item.where, item.why))
                else:
                    writer.add(item)
            writer.flush()
    finally:
        preparer.close()
    after_import(db, report.imported)
    return report


def import_paths(
    db: Database,
    paths: Iterable[Path],
    progress: Progress | None = None,
    extractor: Extractor | None = None,
) -> ImportReport:
    """Import every supported file under ``paths``; bad files and records become skips."""

    def items() -> Iterable[RawArticle | Skip]:
        articles = 0
        for found in find_files(list(paths)):
            if isinstance(found, Skip):
                yield found
                continue
            done_before = 0
            for item, done in read_file(found):
                articles += isinstance(item, RawArticle)
                if progress is not None:
                    progress(max(done - done_before, 0), articles)
                    done_before = max(done, done_before)
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
