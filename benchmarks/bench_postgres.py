"""Team mode against SQLite on the same articles, in one run: import, search, many analysts.

Usage::

    python benchmarks/bench_postgres.py --articles ../shared/corpus/real.jsonl --n 3000 [--runs 2]
        [--analysts 8 --seconds 60] [--import-only]
    python benchmarks/bench_postgres.py --sqlite big.db --pg postgresql:///big [--search-runs 10]

A throwaway PostgreSQL server (pgserver, on this machine: it shares the cores with the
importer) and a SQLite file get the same first N articles, alternately, ``--runs`` times;
the import rate of each and their ratio are reported (the target: PostgreSQL at least 0.8x).
Then the same queries run on both (p50/p95 per query, equal totals checked), and
``--analysts`` processes act as analysts on the PostgreSQL database, each doing one action
(search, open, review) every two seconds: p95 per action against one analyst alone, and
the review marks counted at the end (none may be lost).

Per query class (the classes of ``benchmarks/bench_search.py``: what the app waits for on a
keystroke, a page of 50 with snippets and the exact total), p50/p95 on both stores, the two
taking turns query by query, with the PostgreSQL / SQLite ratio of each. ``--sqlite`` and
``--pg`` name databases holding the same articles (a big one built once, e.g. with
``reader copy``) instead of importing: no import is timed then.
"""

from __future__ import annotations

import argparse
import contextlib
import multiprocessing
import os
import platform
import random
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

QUERIES = [
    "kecurangan", "curang", "pemilu", "politik uang", '"pemungutan suara ulang"', "kecur*",
    "Gibran", "Giban", "Anies -hoaks", "bawaslu OR dkpp", "said:curang", "kecurangn",
]  # fmt: skip


def start_server() -> Any:
    import pgserver

    data = Path(tempfile.mkdtemp(prefix="reader-bench-pg-"))
    data.chmod(0o755)
    return pgserver.get_server(str(data), cleanup_mode="delete")


def fresh_schema(server: Any, name: str) -> str:
    import psycopg

    with psycopg.connect(server.get_uri(), autocommit=True) as conn:
        conn.execute(f'DROP SCHEMA IF EXISTS "{name}" CASCADE')
        conn.execute(f'CREATE SCHEMA "{name}"')
    return f"{server.get_uri()}&options=-csearch_path%3D{name}"


def timed_import(location: str, corpus: Path) -> tuple[float, int]:
    from reader.ingest.pipeline import import_paths
    from reader.store.connect import open_db

    db = open_db(location)
    started = time.perf_counter()
    report = import_paths(db, [corpus])
    seconds = time.perf_counter() - started
    db.close()
    return seconds, report.imported


def head(path: Path, n: int) -> Path:
    out = Path(tempfile.mkdtemp(prefix="reader-bench-")) / f"head-{n}.jsonl"
    with path.open(encoding="utf-8") as source, out.open("w", encoding="utf-8") as target:
        for number, line in enumerate(source):
            if number >= n:
                break
            target.write(line)
    return out


def imports(server: Any, corpus: Path, runs: int) -> tuple[list[str], str, str]:
    lines = ["| run | store | articles | seconds | articles/s |", "|---|---|---|---|---|"]
    rates: dict[str, list[float]] = {"sqlite": [], "postgresql": []}
    sqlite_path = pg_uri = ""
    for run in range(1, runs + 1):
        for store in ("sqlite", "postgresql"):
            if store == "sqlite":
                sqlite_path = str(Path(tempfile.mkdtemp(prefix="reader-bench-")) / "bench.db")
                location = sqlite_path
            else:
                pg_uri = location = fresh_schema(server, f"bench{run}")
            seconds, count = timed_import(location, corpus)
            rates[store].append(count / seconds)
            lines.append(f"| {run} | {store} | {count:,} | {seconds:.1f} | {count / seconds:,.0f} |")
    ratio = statistics.median(rates["postgresql"]) / statistics.median(rates["sqlite"])
    lines.append("")
    lines.append(f"PostgreSQL / SQLite import rate (medians): **{ratio:.2f}x** (target >= 0.8x)")
    return lines, sqlite_path, pg_uri


def searches(sqlite_path: str, pg_uri: str, repeat: int = 5) -> list[str]:
    from reader.search import SearchRequest, search
    from reader.store.connect import open_db

    lines = ["| query | SQLite total | PostgreSQL total | SQLite p50 / p95 ms | PostgreSQL p50 / p95 ms |",
             "|---|---|---|---|---|"]  # fmt: skip
    dbs = {"sqlite": open_db(sqlite_path), "postgresql": open_db(pg_uri)}
    for query in QUERIES:
        cells: dict[str, tuple[int, list[float]]] = {}
        for store, db in dbs.items():
            times, total = [], 0
            for _ in range(repeat):
                started = time.perf_counter()
                result = search(db, SearchRequest(query=query, limit=50))
                times.append((time.perf_counter() - started) * 1000)
                total = result.total
            cells[store] = (total, sorted(times))
        (st, stimes), (pt, ptimes) = cells["sqlite"], cells["postgresql"]
        mark = "" if st == pt else " (differs)"
        lines.append(
            f"| `{query}` | {st:,} | {pt:,}{mark} | {statistics.median(stimes):.1f} / {stimes[-1]:.1f} "
            f"| {statistics.median(ptimes):.1f} / {ptimes[-1]:.1f} |"
        )
    for db in dbs.values():
        db.close()
    return lines


def classes(sqlite_path: str, pg_uri: str, runs: int) -> list[str]:
    """p50/p95 per query class of bench_search.py on both stores, alternating, equal totals checked."""
    from benchmarks.bench_search import CLASSES, percentile
    from reader.search import SearchRequest, search
    from reader.store.connect import open_db

    lines = ["| query class | queries | SQLite p50 / p95 ms | PostgreSQL p50 / p95 ms | p95 ratio |",
             "|---|---|---|---|---|"]  # fmt: skip
    dbs = {"sqlite": open_db(sqlite_path), "postgresql": open_db(pg_uri)}
    differ = []
    for name, queries in CLASSES.items():
        samples: dict[str, list[float]] = {store: [] for store in dbs}
        for query, sort in queries:
            request = SearchRequest(query=query, sort=sort, limit=50, count_reviewed=False)
            totals = {store: search(db, request).total for store, db in dbs.items()}  # also a warm-up
            if len(set(totals.values())) > 1:
                differ.append(f"{query!r} ({totals['sqlite']:,} / {totals['postgresql']:,})")
            for _ in range(runs):
                for store, db in dbs.items():
                    started = time.perf_counter()
                    search(db, request)
                    samples[store].append((time.perf_counter() - started) * 1000)
        cells = {store: (statistics.median(v), percentile(v, 95)) for store, v in samples.items()}
        (s50, s95), (p50, p95_) = cells["sqlite"], cells["postgresql"]
        lines.append(f"| {name} | {len(queries)} | {s50:.1f} / {s95:.1f} | {p50:.1f} / {p95_:.1f} "
                     f"| {p95_ / s95:.2f}x |")  # fmt: skip
        print(lines[-1], file=sys.stderr)
    for db in dbs.values():
        db.close()
    lines.append("")
    lines.append("Totals differ: " + ", ".join(differ) if differ else "Totals are equal on every query.")
    return lines


def analyst(pg_uri: str, number: int, seconds: float, ids: list[int], ready: Any) -> dict[str, list[float]]:
    """One analyst: one action every 2 s (search, open, review in turn) for ``seconds``;
    the timings per action and, under ``marked``, the articles it marked reviewed."""
    from reader.search import SearchRequest, search
    from reader.store.articles import get_article
    from reader.store.connect import open_db
    from reader.store.review import set_reviewed

    timings: dict[str, list[float]] = {"search": [], "open": [], "review": [], "marked": []}
    db = open_db(pg_uri)
    rng = random.Random(number)
    for query in QUERIES:  # an app warms up at start (catalogue, vocabulary, connection): untimed
        search(db, SearchRequest(query=query, limit=50))
    ready.wait()  # every analyst starts once all have warmed up
    end = time.monotonic() + seconds
    step = 0
    while time.monotonic() < end:
        action = ("search", "open", "review")[step % 3]
        started = time.perf_counter()
        if action == "search":
            search(db, SearchRequest(query=rng.choice(QUERIES), limit=50))
        elif action == "open":
            get_article(db, rng.choice(ids))
        else:
            article_id = rng.choice(ids)
            set_reviewed(db, article_id, True)
            timings["marked"].append(float(article_id))
        timings[action].append((time.perf_counter() - started) * 1000)
        step += 1
        time.sleep(max(0.0, 2.0 - (time.perf_counter() - started)))
    db.close()
    return timings


def analysts(pg_uri: str, count: int, seconds: float, threads: bool = False) -> dict[str, list[float]]:
    """``count`` analysts at once, each a process of its own as each analyst runs an app of
    their own (``threads``: threads of this process, which also wait for each other's Python
    work under the GIL); the review marks are counted at the end."""
    from concurrent.futures import Executor, ProcessPoolExecutor, ThreadPoolExecutor

    from reader.store.connect import open_db

    ids_db = open_db(pg_uri)
    ids = [row[0] for row in ids_db.execute("SELECT id FROM article ORDER BY id")]
    marked_before = {row[0] for row in ids_db.execute("SELECT article_id FROM review WHERE reviewed = 1")}
    ids_db.close()
    with contextlib.ExitStack() as stack:
        if threads:
            ready: Any = threading.Barrier(count)
            pool: Executor = stack.enter_context(ThreadPoolExecutor(count))
        else:
            ready = stack.enter_context(multiprocessing.Manager()).Barrier(count)
            pool = stack.enter_context(ProcessPoolExecutor(count))
        runs = list(pool.map(analyst, [pg_uri] * count, range(count), [seconds] * count, [ids] * count,
                             [ready] * count))  # fmt: skip
    timings = {action: [t for run in runs for t in run[action]] for action in ("search", "open", "review")}
    marked = {int(a) for run in runs for a in run["marked"]}
    check = open_db(pg_uri)
    stored = {row[0] for row in check.execute("SELECT article_id FROM review WHERE reviewed = 1")}
    # The next round starts as this one did: only the analysts' own marks are taken away.
    mine = sorted(stored - marked_before)
    check.execute("UPDATE review SET reviewed = 0 WHERE article_id = ANY(?)", [mine])
    check.close()
    timings["lost"] = [float(len(marked - stored))]
    return timings


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))] if ordered else float("nan")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--articles", type=Path, default=ROOT.parent / "shared" / "corpus" / "real.jsonl")
    parser.add_argument("--n", type=int, default=3000)
    parser.add_argument("--runs", type=int, default=2)
    parser.add_argument("--analysts", type=int, default=8)
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument(
        "--analyst-threads",
        action="store_true",
        help="analysts as threads of one process (default: a process each)",
    )
    parser.add_argument("--skip-search", action="store_true", help="no search comparison")
    parser.add_argument("--import-only", action="store_true", help="the import rates alone")
    parser.add_argument("--search-runs", type=int, default=5, help="timed runs of each query per store")
    parser.add_argument("--sqlite", default=None, help="an existing SQLite database (with --pg: no import)")
    parser.add_argument("--pg", default=None, help="an existing PostgreSQL database of the same articles")
    args = parser.parse_args()
    if args.import_only:
        args.skip_search, args.analysts = True, 0
    load = os.getloadavg()[0]
    machine = (f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
               f"load average at start {load:.1f}")  # fmt: skip
    if args.sqlite and args.pg:
        sqlite_path, pg_uri = args.sqlite, args.pg
        print(f"{machine}; databases {sqlite_path} and {pg_uri.split('?')[0]}\n")
    else:
        server = start_server()
        corpus = head(args.articles, args.n)
        print(f"{machine}; {args.n:,} articles of {args.articles.name}\n")
        lines, sqlite_path, pg_uri = imports(server, corpus, args.runs)
        print("\n".join(lines) + "\n")
    if not args.skip_search:
        print("\n".join(searches(sqlite_path, pg_uri, args.search_runs)) + "\n")
        print("\n".join(classes(sqlite_path, pg_uri, args.search_runs)) + "\n")
    if args.analysts:
        alone = analysts(pg_uri, 1, args.seconds, args.analyst_threads)
        many = analysts(pg_uri, args.analysts, args.seconds, args.analyst_threads)
        print(f"| action | 1 analyst p95 ms | {args.analysts} analysts p95 ms | ratio |")
        print("|---|---|---|---|")
        for action in ("search", "open", "review"):
            one, all_ = p95(alone[action]), p95(many[action])
            print(f"| {action} | {one:.1f} | {all_:.1f} | {all_ / one:.2f}x |")
        print(f"\nreview marks lost: {int(alone['lost'][0])} (1 analyst), {int(many['lost'][0])} "
              f"({args.analysts} analysts)")  # fmt: skip


if __name__ == "__main__":
    main()
