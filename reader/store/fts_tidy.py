"""After an import on SQLite: the full-text indexes merged back towards one segment each.

FTS5 writes each transaction's rows as a new segment and merges segments only when 16
pile up on one level (``automerge``), so an imported archive keeps dozens of them
(68 in ``article_fts`` after 100,000 articles). Reading a whole doclist hardly minds,
but every seek to a range of ids does it once per segment: the windows of an estimate,
the newest matches ranked first and ``said:`` inside a window took 0.8-1.0 ms instead of
0.03 (benchmarks/RESULTS.md). FTS5's ``merge`` command with a negative budget is an
incremental ``optimize``: at most that many pages are written, and the merge goes on at the
next call. Each import pays for merging in proportion to what it added (a first import of
a whole archive ends fully merged; a small one into a large archive does a small share of
the work, and later imports finish it), so its cost follows the import, not the archive.
"""

from __future__ import annotations

import math

from reader.store.articles import newest_article_id
from reader.store.database import Database

# The full-text tables an import writes to.
TABLES = ("article_fts", "quote_fts", "actor_name_fts", "speaker_fts")
# Pages merged per page the import added: above 1 so that an import of a whole archive
# finishes the merge (merging writes each page once, and a little more).
MERGE_FACTOR = 1.5


def merge_budget(pages: int, added: int, articles: int) -> int:
    """Pages of merging owed for ``added`` of ``articles`` articles in an index of ``pages``."""
    if added <= 0 or pages <= 0:
        return 0
    return max(1, math.ceil(MERGE_FACTOR * pages * min(1.0, added / max(articles, 1))))


def tidy_after_import(db: Database, added: int) -> None:
    """Merge each full-text index in proportion to the ``added`` articles (each table in a
    transaction of its own, so readers and the app's writes wait at most one table's merge)."""
    if added <= 0:
        return
    articles = newest_article_id(db)
    for table in TABLES:
        pages = int(db.execute(f"SELECT count(*) FROM {table}_data").fetchone()[0])
        budget = merge_budget(pages, added, articles)
        if budget and segments(db, table) > 1:
            with db.conn:  # one statement: it takes the write lock as it starts
                db.execute(f"INSERT INTO {table}({table}, rank) VALUES ('merge', ?)", [-budget])


def segments(db: Database, table: str) -> int:
    """How many segments the full-text index ``table`` has (1: fully merged)."""
    return int(db.execute(f"SELECT count(DISTINCT segid) FROM {table}_idx").fetchone()[0])
