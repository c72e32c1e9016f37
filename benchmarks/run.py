"""One command that measures everything and writes it into benchmarks/RESULTS.md.

Usage::

    python benchmarks/run.py              # 10k and 100k articles (corpora and databases reused)
    python benchmarks/run.py --full       # also 1,000,000 articles (hours on a 2-core machine)
    python benchmarks/run.py --sizes 10000 --quick

Each step is one of the benchmark scripts in this folder, run as its own process so that
memory and start-up figures are not shared: the synthetic corpus (`make_corpus.py`), import
throughput against a plain load (`bench_import.py`), search latency against ripgrep, grep and
a LIKE scan (`bench_search.py`), the terminal app (`bench_app.py`) and export memory
(`bench_export.py`, when present). Their Markdown output is collected, with the machine and
the exact commands, between the `<!-- run.py -->` markers of RESULTS.md; the rest of the file
(notes written by hand) is left alone.
"""

from __future__ import annotations

import argparse
import os
import platform
import sqlite3
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.bench_search import db_path_for  # noqa: E402

BENCH = ROOT / "benchmarks"
RESULTS = BENCH / "RESULTS.md"
START, END = "<!-- run.py: start -->", "<!-- run.py: end -->"


def machine() -> str:
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    return (
        f"{platform.machine()}, {os.cpu_count()} cores, {platform.system()} {platform.release()}, "
        f"Python {platform.python_version()}, SQLite {sqlite3.sqlite_version}, "
        f"load average at start {load:.1f}"
    )


def step(title: str, args: list[str]) -> str:
    """Run one benchmark script; its output (or its failure) becomes a subsection."""
    command = [sys.executable, *args]
    shown = "python " + " ".join(args)
    print(f"== {title}: {shown}", file=sys.stderr, flush=True)
    started = time.perf_counter()
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    body = result.stdout.strip() if result.returncode == 0 else (
        f"failed (exit {result.returncode}):\n\n```\n{result.stderr.strip()[-2000:]}\n```"
    )
    return f"### {title}\n\n`{shown}` ({seconds:.0f} s)\n\n{body}\n"


def plan(sizes: list[int], quick: bool) -> list[tuple[str, list[str]]]:
    runs = "5" if quick else "20"
    steps: list[tuple[str, list[str]]] = [
        ("Import throughput, 10k", ["benchmarks/bench_import.py", "--n", "10000"]),
    ]
    for n in sizes:
        label = f"{n // 1000:,}k" if n < 1_000_000 else f"{n // 1_000_000}M"
        db = str(db_path_for(n).relative_to(ROOT))
        search = ["benchmarks/bench_search.py", "--n", str(n), "--runs", runs]
        if n >= 1_000_000:
            search.append("--no-baselines")  # a LIKE scan and grep over 1M files take many minutes
        steps.append((f"Search, {label}", search))
        steps.append((f"Terminal app, {label}", ["benchmarks/bench_app.py", "--db", db, "--runs", "3"]))
    if (BENCH / "bench_export.py").exists():
        db = str(db_path_for(min(max(sizes), 100_000)).relative_to(ROOT))
        steps.append(("Export memory", ["benchmarks/bench_export.py", "--db", db]))
    return steps


def write_results(sections: list[str]) -> None:
    stamp = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    block = "\n".join(
        [START, f"## Full run ({stamp})", "", f"Machine: {machine()}.", "", *sections, END]
    )
    text = RESULTS.read_text(encoding="utf-8") if RESULTS.exists() else "# Benchmark results\n"
    if START in text and END in text:
        head, rest = text.split(START, 1)
        text = head + block + rest.split(END, 1)[1]
    else:
        text = text.rstrip() + "\n\n" + block + "\n"
    RESULTS.write_text(text, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--full", action="store_true", help="add 1,000,000 articles")
    parser.add_argument("--quick", action="store_true", help="fewer timed runs per query")
    args = parser.parse_args(argv)
    sizes = sorted(set(args.sizes + ([1_000_000] if args.full else [])))
    sections = [step(title, command) for title, command in plan(sizes, args.quick)]
    write_results(sections)
    print(f"wrote {RESULTS.relative_to(ROOT)}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
