"""The terminal app on a big database: launch to first painted list, keystroke to results, memory.

Usage::

    python benchmarks/bench_app.py --n 100000            # benchmarks/data/search-100000.db
    python benchmarks/bench_app.py --db path/to/reader.db --runs 5
    python benchmarks/bench_app.py --db big.db --db postgresql:///big --runs 5   # taking turns

The database is the one ``benchmarks/bench_search.py`` builds from the synthetic corpus
(``make_corpus.py``) with the real importer; build it first. Each run starts a fresh Python
process (cold imports, cold connections) that runs the app headless at 120x36 and reports:

* launch: from just before the process is spawned to the first list row painted with a
  real article (interpreter start, imports, migrations check, first search, first paint);
  also the CPU time the process (all its threads) had used by then, which is what a busy
  shared machine inflates least;
* keystroke: the query minus its last character is typed and settled, the app idles past
  the debounce, then the last key is pressed; time until the list is repainted with that
  query's results (the search runs in a worker, so this is search + message + paint);
* end: right after launch, ``End`` on the list (jump to the last article) until that row
  is painted, which needs a page fetched at offset total-1;
* peak RSS of the process after all of the above.

``--filter`` measures the filter window instead: ``f`` until its list of choices is painted,
then each of :data:`FILTER_QUERIES` put into its field until the choices for it are painted
(the actors are looked up in the database as the user types), and the process's memory
before ``f`` and at the end.

Imports read compiled bytecode, as an installed reader does: with ``PYTHONDONTWRITEBYTECODE``
set, Python would compile every ``reader`` module on every launch (about 90 ms here), so one
unmeasured run first fills a temporary bytecode cache that the measured runs read.
``--compile-each-run`` measures without that cache.

``--db`` takes a SQLite file or a PostgreSQL location; given several times (the same articles
on both stores), the databases take turns run by run and each gets its own table.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
QUERIES = ["kecurangan", "Bawaslu", "rekapitulsi", "prabowo", "politik uang", "curang from:2024-01-01",
           "sirekap reviewed:no", "gibran rakabumin"]  # fmt: skip
SIZE = (120, 36)
FILTER_QUERIES = ["prab", "gibran", "anies bas", "kpu", "jokowi", "prabowo subianto", "giban", "zzqx"]


def child(db: str, spawned: float) -> dict[str, object]:
    import resource

    from reader.config import Settings
    from reader.tui.app import make_app
    from reader.tui.widgets.article_list import ArticleList

    paints: dict[str, float | int | None] = {
        "first": None, "first_cpu": None, "generation": -1, "at": 0.0, "last_row": None
    }  # fmt: skip
    render_line = ArticleList.render_line

    def probed(self: ArticleList, y: int):  # type: ignore[no-untyped-def]
        strip = render_line(self, y)
        now = time.time()
        if self.total and self.hit_at(self.cursor) is not None:
            if paints["first"] is None:
                paints["first"], paints["first_cpu"] = now, time.process_time()
            paints["generation"], paints["at"] = self.generation, now
            if self.cursor == self.total - 1:
                paints["last_row"] = paints["last_row"] or now
        return strip

    ArticleList.render_line = probed  # type: ignore[method-assign]

    async def wait_for(condition, timeout: float = 10.0) -> None:  # type: ignore[no-untyped-def]
        deadline = time.time() + timeout
        while not condition():
            if time.time() > deadline:
                raise TimeoutError("the app did not paint in time")
            await asyncio.sleep(0.001)

    async def settled(app) -> None:  # type: ignore[no-untyped-def]
        """Every worker done; one cancelled by a newer request (likelier at 1M) just ends."""
        from textual.worker import WorkerCancelled

        while True:
            try:
                await app.workers.wait_for_complete()
                return
            except WorkerCancelled:
                await asyncio.sleep(0.01)

    async def run() -> dict[str, object]:
        app = make_app(db, Settings())
        async with app.run_test(size=SIZE) as pilot:
            await wait_for(lambda: paints["first"] is not None, 30)
            launch = float(paints["first"]) - spawned  # type: ignore[arg-type]
            screen = app.screen
            article_list = screen.query_one(ArticleList)
            total = article_list.total
            await pilot.pause(0.3)
            start = time.time()
            await pilot.press("end")
            await wait_for(lambda: paints["last_row"] is not None, 60)
            end_ms = (float(paints["last_row"]) - start) * 1000  # type: ignore[arg-type]
            keystrokes = []
            for query in QUERIES:
                bar = screen.search_bar
                bar.input.focus()
                await pilot.pause()
                bar.input.value = query[:-1]
                bar.input.action_end()  # the cursor after the text, nothing selected
                await pilot.pause(0.3)
                await settled(app)
                await pilot.pause(0.3)  # idle past the debounce
                start = time.time()
                await pilot.press(query[-1] if query[-1] != " " else "space")
                await wait_for(lambda q=query: screen.request.query == q)
                target = screen.generation
                try:  # at 1M articles a dense query can run into the search deadline
                    await wait_for(lambda t=target, s=start: paints["generation"] == t and paints["at"] >= s)
                except TimeoutError:
                    keystrokes.append(None)  # no list painted: reported as such
                    continue
                keystrokes.append((float(paints["at"]) - start) * 1000)
        rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        return {"articles": total, "launch_s": launch, "launch_cpu_s": paints["first_cpu"],
                "keystroke_ms": keystrokes, "end_ms": end_ms, "rss_mb": rss_mb,
                "search_ms": core_search_ms(db)}  # fmt: skip

    return asyncio.run(run())


def current_rss_mb() -> float:
    with open("/proc/self/statm") as handle:
        return int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 1e6


def child_filter(db: str) -> dict[str, object]:
    """The filter window: open it, then type into it (see ``--filter``)."""
    import resource

    from textual.widgets import Input, OptionList

    from reader.config import Settings
    from reader.tui.app import make_app

    # The first paint of the choices for ``target`` after ``since`` (the old window filled its
    # list as the key was handled and has no ``filled_for``: any paint after the key counts).
    painted: dict[str, object] = {"since": 0.0, "first": None, "target": ""}
    render_line = OptionList.render_line

    def probed(self: OptionList, y: int):  # type: ignore[no-untyped-def]
        now = time.time()
        target = painted["target"]
        if (self.option_count and painted["first"] is None and now >= painted["since"]  # type: ignore[operator]
                and type(self.screen).__name__ == "FilterModal"
                and getattr(self.screen, "filled_for", target) == target):  # fmt: skip
            painted["first"] = now
        return render_line(self, y)

    def expect(target: str) -> float:
        painted.update(since=time.time(), first=None, target=target)
        return float(painted["since"])  # type: ignore[arg-type]

    OptionList.render_line = probed  # type: ignore[method-assign]

    async def wait_for(condition, timeout: float = 30.0) -> None:  # type: ignore[no-untyped-def]
        deadline = time.time() + timeout
        while not condition():
            if time.time() > deadline:
                raise TimeoutError("the filter window did not paint in time")
            await asyncio.sleep(0.001)

    async def run() -> dict[str, object]:
        app = make_app(db, Settings())
        async with app.run_test(size=SIZE) as pilot:
            await wait_for(lambda: getattr(app.screen, "total", 0))  # the first list is painted
            await pilot.pause(0.5)
            await app.workers.wait_for_complete()
            before = current_rss_mb()
            start = expect("")
            await pilot.press("f")
            await wait_for(lambda: type(app.screen).__name__ == "FilterModal" and painted["first"])
            open_ms = (float(painted["first"]) - start) * 1000  # type: ignore[arg-type]
            modal = app.screen
            shown = len(modal.shown)
            typed = []
            for query in FILTER_QUERIES:
                await pilot.pause(0.2)
                field = modal.query_one(Input)
                start = expect(query)
                field.value = query  # one change, as a paste: the window answers the whole text
                await wait_for(lambda: painted["first"])
                typed.append((float(painted["first"]) - start) * 1000)  # type: ignore[arg-type]
            after = current_rss_mb()
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        actors = database_actors(db)
        return {"open_ms": open_ms, "typed_ms": typed, "shown": shown, "rss_before_mb": before,
                "rss_after_mb": after, "rss_peak_mb": peak, "actors": actors}  # fmt: skip

    return asyncio.run(run())


def database_actors(db: str) -> int:
    from reader.store.connect import open_db

    conn = open_db(db, migrate=False)
    try:
        return int(conn.execute("SELECT count(*) FROM actor").fetchone()[0])
    finally:
        conn.close()


def filter_report(db: str, runs: list[dict[str, object]]) -> str:
    opens = [float(r["open_ms"]) for r in runs]
    typed = sorted(t for r in runs for t in r["typed_ms"])  # type: ignore[attr-defined]
    p95 = typed[min(len(typed) - 1, round(0.95 * (len(typed) - 1)))]
    lines = [
        f"database: {db} ({int(runs[0]['actors']):,} actors), {len(runs)} runs, terminal {SIZE[0]}x{SIZE[1]}",
        "| measure | median | worst | budget |",
        "|---|---|---|---|",
        f"| `f` → filter window painted ({int(runs[0]['shown']):,} choices listed) "
        f"| {statistics.median(opens):.0f} ms | {max(opens):.0f} ms | < 200 ms |",
        f"| text typed → its choices painted ({len(typed)} samples) | {statistics.median(typed):.0f} ms "
        f"| p95 {p95:.0f} ms, max {max(typed):.0f} ms | |",
        f"| RSS before `f` → after typing | {statistics.median(float(r['rss_before_mb']) for r in runs):.0f}"
        f" → {statistics.median(float(r['rss_after_mb']) for r in runs):.0f} MB "
        f"| peak {max(float(r['rss_peak_mb']) for r in runs):.0f} MB | < 250 MB |",
    ]
    return "\n".join(lines)


def core_search_ms(db: str) -> list[float]:
    """The same queries through search() alone (warm), to split core time from UI time."""
    from reader.search import SearchRequest, search
    from reader.store.connect import open_db

    database = open_db(db)
    samples = []
    for query in QUERIES:
        start = time.perf_counter()
        search(database, SearchRequest(query, limit=100))
        samples.append((time.perf_counter() - start) * 1000)
    return samples


def bytecode_env(cache: str) -> dict[str, str]:
    """The environment for children that write and read their bytecode in ``cache``."""
    env = {**os.environ, "PYTHONPYCACHEPREFIX": cache}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def spawn(db: str, env: dict[str, str] | None, mode: str = "app") -> dict[str, object]:
    started = time.time()
    done = subprocess.run(
        [sys.executable, str(Path(__file__).resolve()), "--child", db, "--spawned", repr(started),
         "--mode", mode],
        capture_output=True, text=True, cwd=ROOT, timeout=600, env=env,
    )  # fmt: skip
    if done.returncode != 0:
        raise SystemExit(done.stderr)
    return json.loads(done.stdout.strip().splitlines()[-1])


def report(db: str, runs: list[dict[str, object]]) -> str:
    launches = [float(r["launch_s"]) for r in runs]
    launch_cpu = [float(r["launch_cpu_s"]) for r in runs]
    all_keys = [k for r in runs for k in r["keystroke_ms"]]  # type: ignore[attr-defined]
    keys = sorted(k for k in all_keys if k is not None)
    unpainted = len(all_keys) - len(keys)
    p95 = keys[min(len(keys) - 1, round(0.95 * (len(keys) - 1)))]
    ends = [float(r["end_ms"]) for r in runs]
    core = [k for r in runs for k in r["search_ms"]]  # type: ignore[attr-defined]
    lines = [
        f"database: {db} ({int(runs[0]['articles']):,} articles), {len(runs)} runs, "
        f"terminal {SIZE[0]}x{SIZE[1]}",
        "| measure | median | worst | budget |",
        "|---|---|---|---|",
        f"| launch → first painted list | {statistics.median(launches):.2f} s "
        f"| {max(launches):.2f} s | < 0.6 s |",
        f"| of which CPU time of the process | {statistics.median(launch_cpu):.2f} s "
        f"| {max(launch_cpu):.2f} s | |",
        f"| keystroke → list repainted ({len(keys)} samples) | {statistics.median(keys):.0f} ms "
        f"| p95 {p95:.0f} ms, max {max(keys):.0f} ms"
        + (f"; {unpainted} showed no list within 10 s" if unpainted else "")
        + " | < 100 ms |",
        f"| of which search() alone, same queries | {statistics.median(core):.0f} ms "
        f"| max {max(core):.0f} ms | |",
        f"| End → last article painted | {statistics.median(ends):.0f} ms | {max(ends):.0f} ms | |",
        f"| peak RSS | {statistics.median(float(r['rss_mb']) for r in runs):.0f} MB "
        f"| {max(float(r['rss_mb']) for r in runs):.0f} MB | < 250 MB |",
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, default=100_000, help="use benchmarks/data/search-<n>-g<G>.db")
    ap.add_argument(
        "--db",
        action="append",
        default=None,
        help="any reader database instead: a file or a PostgreSQL URI (repeat to take turns)",
    )
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument(
        "--compile-each-run", action="store_true", help="no bytecode cache: compile reader at every launch"
    )
    ap.add_argument("--filter", action="store_true", help="measure the filter window (f) instead")
    ap.add_argument("--child", default=None, help=argparse.SUPPRESS)
    ap.add_argument("--mode", default="app", help=argparse.SUPPRESS)
    ap.add_argument("--spawned", type=float, default=None, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.child:
        found = child_filter(args.child) if args.mode == "filter" else child(args.child, args.spawned)
        print(json.dumps(found))
        return 0
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    from benchmarks.bench_search import db_path_for
    from reader.store.location import parse_location

    dbs = args.db or [str(db_path_for(args.n))]
    for db in dbs:
        if not parse_location(db).is_postgres and not Path(db).exists():
            raise SystemExit(f"{db} is missing: build it with python benchmarks/bench_search.py --n {args.n}")
    with tempfile.TemporaryDirectory(prefix="reader-bytecode-") as cache:
        env = None if args.compile_each_run else bytecode_env(cache)
        if env is not None:
            for db in dbs:
                spawn(db, env)  # fills the cache (and each database's page cache)
        mode = "filter" if args.filter else "app"
        runs: dict[str, list[dict[str, object]]] = {db: [] for db in dbs}
        for _ in range(args.runs):
            for db in dbs:
                runs[db].append(spawn(db, env, mode))
    for db in dbs:
        for run in runs[db]:
            print(json.dumps(run), file=sys.stderr)
        shown = parse_location(db).shown
        print(filter_report(shown, runs[db]) if args.filter else report(shown, runs[db]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
