"""The whole collection's reviewed counts, yours among them, on a large team's marks.

Usage::

    python benchmarks/bench_review_counts.py --marks 1000000 --reviewed-every 5 --analysts 8

Writes ``--marks`` review rows into a fresh SQLite database of the current schema (no
articles: the listing of every article counts the marks alone), one in ``--reviewed-every``
reviewed by one of ``--analysts`` names, then times in turns, in the same run: the search that
lists every article (``search(query="", limit=0)``: its total, reviewed and "by you" counts)
with the ``review_reviewer`` index and without it, and the reviewed count alone as the store
counted it before "by you" existed. Reported: the best of ``--runs`` per round, ms, and ratios.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from reader.search import SearchRequest, search  # noqa: E402
from reader.store.connect import open_db  # noqa: E402

REVIEWED_ONLY = "SELECT count(*) FROM review WHERE reviewed = 1"


def best_ms(run: object, runs: int) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        run()  # type: ignore[operator]
        times.append(time.perf_counter() - started)
    return min(times) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--marks", type=int, default=1_000_000)
    parser.add_argument("--reviewed-every", type=int, default=5)
    parser.add_argument("--analysts", type=int, default=8)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    path = Path(tempfile.mkdtemp(prefix="reader-bench-review-")) / "reader.db"
    db = open_db(path)
    db.execute("PRAGMA foreign_keys = OFF")  # marks without their articles: only counts are timed
    names = [f"analyst{n}" for n in range(args.analysts)]
    rng = random.Random(1)
    rows = (
        (i, int(i % args.reviewed_every == 0), "2024-02-15T08:00:00+00:00", rng.choice(names))
        for i in range(1, args.marks + 1)
    )
    with db.conn:
        db.conn.executemany(
            "INSERT INTO review(article_id, reviewed, reviewed_at, reviewed_by) VALUES (?,?,?,?)", rows
        )
    request = SearchRequest(query="", limit=0, user=names[0].upper())
    found = search(db, request)
    print(f"{args.marks:,} marks, {found.reviewed_total:,} reviewed, {found.reviewed_by_you:,} by {names[0]}")
    for round_number in range(1, args.rounds + 1):
        before = best_ms(lambda: db.execute(REVIEWED_ONLY).fetchone(), args.runs)
        indexed = best_ms(lambda: search(db, request), args.runs)
        db.execute("DROP INDEX review_reviewer")
        scanned = best_ms(lambda: search(db, request), args.runs)
        db.execute("CREATE INDEX review_reviewer ON review(reviewed, lower(reviewed_by))")
        print(
            f"round {round_number}: reviewed count alone {before:.1f} ms; every article's counts with "
            f"yours: {indexed:.1f} ms with review_reviewer, {scanned:.1f} ms without "
            f"({scanned / indexed:.1f}x; {indexed / before:.2f}x the reviewed count alone)"
        )
    db.close()


if __name__ == "__main__":
    main()
