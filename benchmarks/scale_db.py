"""Make a 1,000,000-article benchmark database by replicating a 100,000-article one.

Usage::

    python benchmarks/scale_db.py --source benchmarks/data/search-100000.db --copies 10

Importing a million synthetic articles through the real importer takes over an hour on the
2-core machine; for measuring how search and the app behave at that size, copies of an
imported database are enough. Each copy gets new ids, source ids and content hashes, and the
same text, review marks and actor mentions, so the FTS5 index, the mention table and the
review table all grow tenfold (quotes are not copied, so `speaker:` queries see the first
100,000 articles only). Word frequencies per article stay those of the synthetic corpus.
The result is `benchmarks/data/search-<n>.db`, which bench_search.py and bench_app.py pick up.
"""

from __future__ import annotations

import argparse
import shutil
import sqlite3
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "benchmarks" / "data"

ARTICLE_COLUMNS = (
    "title, section, outlet, url, published, body, title_stem, body_stem, origin, imported_at"
)


def replicate(conn: sqlite3.Connection, copy: int, count: int) -> None:
    """Append copy number ``copy`` of the first ``count`` articles (ids shifted by copy*count)."""
    offset = copy * count
    with conn:
        conn.execute(
            f"INSERT INTO article(id, source, content_hash, {ARTICLE_COLUMNS}) "
            f"SELECT id + ?, source || '#' || ?, content_hash || '#' || ?, {ARTICLE_COLUMNS} "
            "FROM article WHERE id <= ?",
            (offset, copy, copy, count),
        )
        conn.execute(
            "INSERT INTO mention(article_id, actor_id, count, offsets) "
            "SELECT article_id + ?, actor_id, count, offsets FROM mention WHERE article_id <= ?",
            (offset, count),
        )
        conn.execute(
            "INSERT INTO review(article_id, reviewed, reviewed_at) "
            "SELECT article_id + ?, reviewed, reviewed_at FROM review WHERE article_id <= ?",
            (offset, count),
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--source", type=Path, default=DATA / "search-100000.db")
    parser.add_argument("--copies", type=int, default=10, help="total copies, the original included")
    args = parser.parse_args(argv)
    source = sqlite3.connect(args.source)
    count = source.execute("SELECT max(id) FROM article").fetchone()[0]
    source.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    source.close()
    target = DATA / f"search-{count * args.copies}.db"
    if target.exists():
        print(f"{target} exists; delete it to rebuild", file=sys.stderr)
        return 0
    shutil.copyfile(args.source, target)
    conn = sqlite3.connect(target)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = OFF")  # a benchmark artefact: rebuilt if a run dies
    if _has(conn, "search_vocab_stamp"):
        conn.execute("DELETE FROM search_vocab_stamp")  # the saved typo vocabulary is rebuilt
    started = time.perf_counter()
    for copy in range(1, args.copies):
        replicate(conn, copy, count)
        print(f"copy {copy}/{args.copies - 1} done at {time.perf_counter() - started:.0f} s", file=sys.stderr)
    conn.execute("INSERT INTO article_fts(article_fts) VALUES ('optimize')")
    conn.commit()
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    print(f"{target}: {count * args.copies:,} articles in {time.perf_counter() - started:.0f} s")
    return 0


def _has(conn: sqlite3.Connection, table: str) -> bool:
    return conn.execute("SELECT 1 FROM sqlite_master WHERE name = ?", (table,)).fetchone() is not None


if __name__ == "__main__":
    raise SystemExit(main())
