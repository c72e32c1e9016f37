"""Peak memory of ``reader export`` on a big database: it must stay flat as the export grows.

Usage::

    python benchmarks/bench_export.py --n 100000            # benchmarks/data/search-100000.db
    python benchmarks/bench_export.py --db path/to/reader.db --formats csv md

The database is the one ``benchmarks/bench_search.py`` builds from the synthetic corpus. It
is opened without schema migrations and only read. Each format runs in a fresh Python
process that exports every article (newest first, bodies and quotes included) to a file
in a temporary folder, through the same code as ``reader export -o FILE``
(``atomic_output`` + ``export``'s writer over ``article_records(matching_ids(...))``).
It reports the peak RSS once the first 10% of the articles are written and at the end: if
the export streams, the two are the same.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "benchmarks" / "data"
FORMATS = {"csv": ("csv", False), "jsonl": ("jsonl", False), "md": ("md", False), "quotes-csv": ("csv", True)}
LIMIT_MB = 150


def child(db_path: str, fmt: str, quotes_only: bool, out: str) -> dict[str, object]:
    import resource

    sys.path.insert(0, str(ROOT))
    from reader.search import SearchRequest
    from reader.search.select import count_matching, matching_ids
    from reader.store.connect import open_db
    from reader.store.export import article_records, atomic_output, describe
    from reader.store.export_formats import writer_for

    def peak_mb() -> float:
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    db = open_db(db_path, migrate=False)
    request = SearchRequest()
    total = count_matching(db, request).total
    start_mb = peak_mb()
    early_mb = 0.0
    started = time.perf_counter()
    with atomic_output(out, bom=fmt == "csv") as handle:
        writer = writer_for(fmt, handle, quotes_only, describe(request))
        writer.begin()
        for number, record in enumerate(article_records(db, matching_ids(db, request)), start=1):
            writer.write(record)
            if number == max(1, total // 10):
                early_mb = peak_mb()
        writer.end()
    return {
        "articles": writer.stats.articles,
        "quotes": writer.stats.quotes,
        "seconds": time.perf_counter() - started,
        "bytes": Path(out).stat().st_size,
        "start_mb": start_mb,
        "early_mb": early_mb,
        "peak_mb": peak_mb(),
    }


def measure(db: Path, name: str) -> dict[str, object]:
    fmt, quotes_only = FORMATS[name]
    with tempfile.TemporaryDirectory(prefix="bench-export-") as tmp:
        out = str(Path(tmp) / f"export.{fmt}")
        args = [sys.executable, __file__, "--child", str(db), fmt, str(int(quotes_only)), out]
        done = subprocess.run(args, capture_output=True, text=True, check=True)
    return json.loads(done.stdout)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv and argv[0] == "--child":
        db, fmt, quotes, out = argv[1:5]
        print(json.dumps(child(db, fmt, quotes == "1", out)))
        return 0
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=100_000)
    parser.add_argument("--db", type=Path, default=None, help="default benchmarks/data/search-<n>-g<G>.db")
    parser.add_argument("--formats", nargs="+", choices=list(FORMATS), default=list(FORMATS))
    args = parser.parse_args(argv)
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    from benchmarks.bench_search import db_path_for

    db = args.db or db_path_for(args.n)
    if not db.exists():
        print(f"no database at {db}: build it with benchmarks/bench_search.py --n {args.n}", file=sys.stderr)
        return 1
    rows = []
    for name in args.formats:
        r = measure(db, name)
        ok = "yes" if float(r["peak_mb"]) < LIMIT_MB else "**no**"  # type: ignore[arg-type]
        rows.append(
            f"| {name} | {r['articles']:,} | {r['quotes']:,} | {int(r['bytes']) / 1e6:,.0f} MB "  # type: ignore[call-overload]
            f"| {r['seconds']:.1f} s | {r['start_mb']:.0f} MB | {r['early_mb']:.0f} MB "
            f"| {r['peak_mb']:.0f} MB | {ok} |"
        )
        print(f"{name}: {r}", file=sys.stderr, flush=True)
    print(f"Database: `{db.relative_to(ROOT) if db.is_relative_to(ROOT) else db}`, every article exported.\n")
    print(
        "| format | articles | quotes | file | time | RSS before | peak RSS at 10% | peak RSS at end "
        f"| < {LIMIT_MB} MB |"
    )
    print("|---|---|---|---|---|---|---|---|---|")
    print("\n".join(rows))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
