"""CPU an import spends per article, by process: the writer, its preparation workers, the server.

Usage::

    python benchmarks/bench_import_cpu.py --n 5000 --stores postgresql,sqlite,postgresql
    python benchmarks/bench_import_cpu.py --n 5000 --stores postgresql --tree /tmp/other-tree

Each store in ``--stores`` gets the first N articles of ``--articles`` in a fresh database (a
fresh schema of one throwaway pgserver for PostgreSQL), in the order given. CPU time rather than
wall time, since a shared 2-core machine's rate moves with whatever else runs: the writer's own
(``RUSAGE_SELF``), its workers' (``RUSAGE_CHILDREN``) and, on PostgreSQL, every server process's
(``/proc``). The workers do the same work on either store and in any tree that prepares articles
alike, so their figure shows how fast the machine ran. ``--tree`` runs another checkout's
``reader`` package (its importer and writer) with this file's harness.
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def server_cpu_seconds() -> float:
    """CPU time of every running PostgreSQL process (the pgserver's, on this machine)."""
    ticks = 0
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            if not Path(f"/proc/{pid}/comm").read_text().startswith("postgres"):
                continue
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue  # ended meanwhile
        ticks += sum(int(value) for value in fields[11:15])  # utime, stime, cutime, cstime
    return ticks / os.sysconf("SC_CLK_TCK")


def own_cpu_seconds() -> tuple[float, float]:
    me, workers = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime, workers.ru_utime + workers.ru_stime


def measured_import(location: str, corpus: Path) -> str:
    from reader.ingest.pipeline import import_paths
    from reader.store.connect import open_db

    db = open_db(location)
    (writer0, workers0), server0, started = own_cpu_seconds(), server_cpu_seconds(), time.perf_counter()
    report = import_paths(db, [corpus])
    seconds = time.perf_counter() - started
    (writer1, workers1), server1 = own_cpu_seconds(), server_cpu_seconds()
    db.close()
    n = max(report.imported, 1)
    parts = {"writer": writer1 - writer0, "workers": workers1 - workers0, "server": server1 - server0}
    per_article = "  ".join(f"{name} {value / n * 1000:.2f}" for name, value in parts.items())
    return f"{n:,} articles, {seconds:.1f} s ({n / seconds:,.0f}/s); ms of CPU an article: {per_article}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=Path, default=ROOT.parent / "shared" / "corpus" / "real.jsonl")
    parser.add_argument("--n", type=int, default=5000)
    parser.add_argument("--stores", default="postgresql,sqlite")
    parser.add_argument("--tree", type=Path, default=ROOT, help="the checkout whose reader is measured")
    args = parser.parse_args()
    sys.path[:0] = [str(args.tree), str(ROOT)]
    from benchmarks.bench_postgres import fresh_schema, head, start_server

    corpus = head(args.articles, args.n)
    stores = args.stores.split(",")
    server = start_server() if "postgresql" in stores else None
    print(f"tree {args.tree}, load average {os.getloadavg()[0]:.1f}")
    for number, store in enumerate(stores):
        if store == "sqlite":
            location = str(Path(tempfile.mkdtemp(prefix="reader-bench-")) / "bench.db")
        else:
            location = fresh_schema(server, f"cpu{number}")
        print(f"{store}: {measured_import(location, corpus)}", flush=True)


if __name__ == "__main__":
    main()
