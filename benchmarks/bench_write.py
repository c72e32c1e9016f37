"""The writer's CPU per imported article: the store's insert loop alone, without preparation.

Usage::

    python benchmarks/bench_write.py --corpus benchmarks/data/corpus-10k.jsonl --n 3000

Articles are prepared once (cleaning, stemming, extraction, as the importer does) and cached
as a pickle under the system temp directory; then only the insert loop is timed with
``time.process_time()`` into a fresh database, in transactions of the importer's batch size.
Reported: CPU ms per article (per batch too, to show growth with the database) and database
bytes per article after a checkpoint.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import pickle
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from reader.ingest.pipeline import BATCH_SIZE  # noqa: E402
from reader.models import Prepared  # noqa: E402


def prepared_articles(corpus: Path, n: int) -> list[Prepared]:
    """The first ``n`` articles of ``corpus`` prepared, from a cache when one exists."""
    from reader.ingest.prepare import Preparer
    from reader.ingest.readers import read_file
    from reader.models import RawArticle

    key = hashlib.sha1(f"{corpus.resolve()}:{corpus.stat().st_mtime_ns}:{n}".encode()).hexdigest()[:12]
    cache = Path(tempfile.gettempdir()) / f"reader-prepared-{key}.pickle"
    if cache.exists():
        return pickle.loads(cache.read_bytes())
    raws = []
    for item, _done in read_file(corpus):
        if isinstance(item, RawArticle):
            raws.append(item)
            if len(raws) >= n:
                break
    preparer = Preparer(None)
    try:
        prepared = [p for p in preparer.map(raws) if p is not None]
    finally:
        preparer.close()
    seen: set[str] = set()
    items = []
    for item in prepared:  # the importer skips duplicates (same source or same text)
        if item.digest not in seen and item.article.source not in seen:
            seen.update((item.digest, item.article.source))
            items.append(item)
    cache.write_bytes(pickle.dumps(items, protocol=pickle.HIGHEST_PROTOCOL))
    return items


def time_inserts(items: list[Prepared], db_path: Path, session: bool = True) -> tuple[list[float], int]:
    """CPU seconds per batch for inserting ``items`` into a fresh database, and its size
    (with the import session's pragmas unless ``session`` is false)."""
    from reader.store.connect import open_db
    from reader.store.terms import TermCounts
    from reader.store.writes import (
        ActorIds,
        import_session,
        insert_article,
        statements_indexed_at_end,
        write_transaction,
    )

    db = open_db(db_path)
    actors = ActorIds(db)
    per_batch = []
    with import_session(db) if session else contextlib.nullcontext():
        for start in range(0, len(items), BATCH_SIZE):
            began = time.process_time()
            terms = TermCounts()
            with write_transaction(db), statements_indexed_at_end(db):
                for item in items[start : start + BATCH_SIZE]:
                    insert_article(db, item, actors, terms)
                terms.flush(db)
            per_batch.append(time.process_time() - began)
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    return per_batch, db_path.stat().st_size


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=ROOT / "benchmarks/data/corpus-10k.jsonl")
    parser.add_argument("--n", type=int, default=3000)
    parser.add_argument("--runs", type=int, default=1, help="repeat the insert loop, keep the best")
    parser.add_argument("--no-session", action="store_true", help="the connection's own pragmas")
    args = parser.parse_args()
    items = prepared_articles(args.corpus, args.n)
    quotes = sum(len(p.extraction.quotes) for p in items) / len(items)
    mentions = sum(len(p.extraction.mentions) for p in items) / len(items)
    print(f"{len(items)} articles from {args.corpus.name}: {quotes:.1f} quotes, {mentions:.1f} mentions each")
    best: tuple[list[float], int] | None = None
    for _ in range(args.runs):
        with tempfile.TemporaryDirectory() as tmp:
            result = time_inserts(items, Path(tmp) / "write.db", session=not args.no_session)
        if best is None or sum(result[0]) < sum(best[0]):
            best = result
    assert best is not None
    per_batch, size = best
    batches = " ".join(f"{1000 * t / BATCH_SIZE:.2f}" for t in per_batch)
    print(f"insert CPU: {1000 * sum(per_batch) / len(items):.3f} ms/article (per batch: {batches})")
    print(f"database: {size / len(items):,.0f} bytes/article")


if __name__ == "__main__":
    main()
