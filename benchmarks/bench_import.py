"""Import throughput: `reader import` (cleaning, stemming, extraction, FTS) against a plain load.

Usage::

    python benchmarks/bench_import.py --n 10000 [--md benchmarks/out/import-10k.md]

The baseline, in the same run, is what a user could do without reader: load the same JSONL
records as they are into one SQLite table with an FTS5 index (no cleaning, no stemming, no
quotes or actors). Both write to a fresh database file with the same pragmas. Reported:
articles per second for each, their ratio, and database bytes per article.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.bench_search import corpus_head, ensure_corpus  # noqa: E402


def reader_import(corpus: Path, db_path: Path) -> tuple[float, int]:
    """Seconds and article count for a full reader import of ``corpus`` into ``db_path``."""
    from reader.ingest.pipeline import import_paths
    from reader.store.connect import open_db

    db = open_db(db_path)
    start = time.perf_counter()
    report = import_paths(db, [corpus])
    elapsed = time.perf_counter() - start
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    return elapsed, report.imported


def plain_load(corpus: Path, db_path: Path) -> tuple[float, int]:
    """Seconds and row count for loading the raw records into a table with FTS5 over the text."""
    conn = sqlite3.connect(db_path)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("CREATE TABLE raw(id INTEGER PRIMARY KEY, source TEXT, title TEXT, text TEXT)")
    conn.execute(
        "CREATE VIRTUAL TABLE raw_fts USING fts5(title, text, content='raw', content_rowid='id',"
        " tokenize='unicode61 remove_diacritics 2')"
    )
    start = time.perf_counter()
    rows = 0
    with corpus.open(encoding="utf-8") as handle, conn:
        for line in handle:
            record = json.loads(line)
            cursor = conn.execute(
                "INSERT INTO raw(source, title, text) VALUES (?, ?, ?)",
                (record.get("id"), record.get("title"), record.get("text")),
            )
            conn.execute(
                "INSERT INTO raw_fts(rowid, title, text) VALUES (?, ?, ?)",
                (cursor.lastrowid, record.get("title"), record.get("text")),
            )
            rows += 1
    elapsed = time.perf_counter() - start
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    return elapsed, rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=10_000, help="articles (default 10000)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--corpus", type=Path, default=None, help="corpus JSONL (default: generated)")
    parser.add_argument("--md", type=Path, default=None, help="also write the Markdown table here")
    args = parser.parse_args(argv)
    corpus = corpus_head(ensure_corpus(args.n, args.seed, args.corpus), args.n)
    with tempfile.TemporaryDirectory(dir=ROOT / "benchmarks" / "data") as tmp:
        reader_seconds, imported = reader_import(corpus, Path(tmp) / "reader.db")
        reader_bytes = (Path(tmp) / "reader.db").stat().st_size
        plain_seconds, rows = plain_load(corpus, Path(tmp) / "plain.db")
        plain_bytes = (Path(tmp) / "plain.db").stat().st_size
    reader_rate, plain_rate = imported / reader_seconds, rows / plain_seconds
    lines = [
        f"Import of {imported:,} articles from `{corpus.name}` "
        f"({platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}, SQLite {sqlite3.sqlite_version})",
        "",
        "| load | seconds | articles/s | DB bytes/article |",
        "|---|---|---|---|",
        f"| `reader import` (clean, stem, quotes, actors, FTS) | {reader_seconds:.1f} | "
        f"{reader_rate:,.0f} | {reader_bytes / max(imported, 1):,.0f} |",
        f"| plain JSON → table + FTS5 (baseline) | {plain_seconds:.1f} | {plain_rate:,.0f} | "
        f"{plain_bytes / max(rows, 1):,.0f} |",
        "",
        f"reader import takes {plain_rate / reader_rate:.1f}x the time of the plain load.",
    ]
    text = "\n".join(lines)
    print(text)
    if args.md:
        args.md.parent.mkdir(parents=True, exist_ok=True)
        args.md.write_text(text + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
