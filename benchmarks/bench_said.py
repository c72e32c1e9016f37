"""``said:`` queries on one database, timed as a search runs them (page of 50 and the total).

Usage::

    python benchmarks/bench_said.py LOCATION [--repeat 7]

LOCATION is a SQLite file or a PostgreSQL URI. Each query runs once as a warm-up, then
``--repeat`` times; printed: the total and the median and slowest time in ms. To compare two
trees on the same machine, run this file from each checkout in turn (``cd TREE && python
/path/to/bench_said.py ...``: the ``reader`` package is the current directory's), alternating.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path.cwd()))  # the checkout this is run from (see above)

from benchmarks.bench_search import CLASSES  # noqa: E402
from reader.search import SearchRequest, search  # noqa: E402
from reader.store.connect import open_db  # noqa: E402

# Beyond the benchmark's class: statements that must hold together, and an excluded dense word.
EXTRA = ["said:curang said:suara", "said:curang -pemilu"]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("location")
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    db = open_db(args.location)
    for query in [query for query, _sort in CLASSES["said"]] + EXTRA:
        request = SearchRequest(query=query, limit=50, count_reviewed=False)
        total = search(db, request).total
        times = []
        for _ in range(args.repeat):
            started = time.perf_counter()
            search(db, request)
            times.append((time.perf_counter() - started) * 1000)
        median = statistics.median(times)
        print(f"{query:40} total {total:8,}  median {median:7.1f}  max {max(times):7.1f} ms")
    db.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
