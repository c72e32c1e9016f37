"""Search latency on a synthetic corpus, compared with grep/ripgrep and a LIKE scan.

Usage::

    python benchmarks/bench_search.py --n 100000          # builds or reuses the corpus and database
    python benchmarks/bench_search.py --n 10000 --runs 20 --md benchmarks/out/search-10k.md
    python benchmarks/bench_search.py --db real100k.db --process --runs 15 --against /tmp/old-checkout

The corpus comes from ``benchmarks/make_corpus.py``
(``benchmarks/data/corpus-<n>-s<seed>-g<G>.jsonl``, generated when missing, or the head of a
bigger one; ``G`` is the generator version); the database (``benchmarks/data/search-<n>-g<G>.db``)
is built with the real importer once and reused. Each query asks for what the app waits for on
every keystroke before it paints the list: the first page of 50 results with snippets plus the
total, estimated (marked ≈) above 100,000 matches as the app and ``reader search`` ask; the exact
total, which the app counts next, is timed too (its own column). The reviewed count, which the
app asks for next, is timed apart. Per query
class the script reports p50/p95 over ``--runs`` timed runs of every query in the class
(after one warm-up run each). Baselines, in the same run: ``rg -il`` and ``grep -ril``
over the same articles written as one plain file each, and ``LIKE '%word%'`` over title
and body (count plus first 50), for the same single words.

``--process`` times whole processes instead, in the same run so that start-up cost is
visible: ``python -c pass``, ``reader --help`` and ``reader search WORD --json`` for each of
:data:`PROCESS_WORDS`, taking turns, each ``--runs`` times, with the wall time and the CPU
time (user + system) of every process. ``--against DIR`` adds the same commands run from
another source tree (``git archive COMMIT | tar -x -C DIR``), alternating with this one.
Bytecode is read from a cache filled by one unmeasured run, as an installed reader's is.

``--estimates`` checks the estimated totals of large matches: with the threshold lowered to 1,
each of :data:`ESTIMATE_QUERIES` is estimated from samples of 4, 16 and the default number of
windows and compared with its exact total, with the time of each way of counting.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import sqlite3
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.corpus import GENERATION  # noqa: E402

DATA = ROOT / "benchmarks" / "data"

# Query classes: what analysts type (see the issue), with typos and filters.
CLASSES: dict[str, list[tuple[str, str]]] = {
    "word": [("kecurangan", "relevance"), ("Bawaslu", "relevance"), ("rekapitulasi", "relevance"),
             ("curang", "relevance"), ("pemilu", "relevance")],
    "two words": [("kecurangan pemilu", "relevance"), ("politik uang", "relevance"),
                  ("suara ulang", "relevance"), ("gugatan sengketa", "relevance")],
    "phrase": [('"politik uang"', "relevance"), ('"pemungutan suara ulang"', "relevance"),
               ('"Mahkamah Konstitusi"', "relevance")],
    "prefix": [("kecur*", "relevance"), ("rekap*", "relevance"), ("sengke*", "relevance")],
    "actor": [("Gibran", "relevance"), ("cak imin", "relevance"), ("Prabowo-Gibran", "relevance"),
              ("Giban", "relevance"), ("gibran rakabumin", "relevance")],
    "typo": [("kecurangn", "relevance"), ("rekapitulsi", "relevance"), ("bawasul", "relevance"),
             ("pemilo", "relevance")],
    "filter combo": [("curang outlet:kompas.com from:2024-01-01 to:2024-02-29", "relevance"),
                     ("actor:Gibran reviewed:no", "relevance"),
                     ("pemilu -hoaks from:2024-02-01", "relevance"),
                     ("speaker:Anies kecurangan", "relevance")],
    "said": [("said:curang", "relevance"), ("said:kecurangn", "relevance"),
             ('said:"pemungutan suara ulang"', "relevance"), ("speaker:Anies said:curang", "relevance"),
             ("said:curang outlet:kompas.com", "relevance"), ("said:suara pemilu", "relevance")],
    "sort by date": [("kecurangan", "date"), ("Gibran", "date"), ("", "date")],
    "empty (list all)": [("", "relevance")],
}  # fmt: skip
FUZZY_WORDS = ["kecurangn", "rekapitulsi", "bawasul", "pemilo", "giban", "sengketaa", "penghitngan"]
BASELINE_WORDS = ["kecurangan", "rekapitulasi", "sirekap"]
PROCESS_WORDS = ["kecurangan", "pemilu", "kecurangn"]
# Words that most articles hold, for --estimates (the estimate is used only on large matches).
ESTIMATE_QUERIES = ["yang", "dan", "tidak", "juga", "bahwa", "pemerintah", "presiden", "jakarta",
                    "indonesia", "kata", "ekonomi", "polisi", "harga", "yang -dan", "presiden jakarta"]


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(q / 100 * (len(ordered) - 1))))
    return ordered[index]


def timed(action: Callable[[], object], runs: int) -> list[float]:
    action()  # warm-up
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        samples.append((time.perf_counter() - start) * 1000)
    return samples


def corpus_path(n: int, seed: int) -> Path:
    return DATA / f"corpus-{n}-s{seed}-g{GENERATION}.jsonl"


def db_path_for(n: int) -> Path:
    """The benchmark database of ``n`` articles of the current generator's corpus."""
    return DATA / f"search-{n}-g{GENERATION}.db"


def ensure_corpus(n: int, seed: int, path: Path | None) -> Path:
    if path is not None:
        return path
    # A smaller corpus is the prefix of a bigger one with the same seed.
    for size in (n, 100_000, 1_000_000):
        candidate = corpus_path(size, seed)
        if size >= n and candidate.exists() and _lines(candidate) >= n:
            return candidate
    out = corpus_path(n, seed)
    print(f"generating {n:,} articles into {out} ...", file=sys.stderr)
    subprocess.run([sys.executable, str(ROOT / "benchmarks" / "make_corpus.py"), "--n", str(n),
                    "--seed", str(seed), "-o", str(out)], check=True)  # fmt: skip
    return out


def _lines(path: Path) -> int:
    with path.open("rb") as handle:
        return sum(1 for _ in handle)


def corpus_head(corpus: Path, n: int) -> Path:
    """The first ``n`` lines of ``corpus`` (a corpus of n articles is a prefix of a bigger one)."""
    if _lines(corpus) <= n:
        return corpus
    out = DATA / f"{corpus.stem}-first{n}.jsonl"
    if not out.exists():
        out.parent.mkdir(parents=True, exist_ok=True)  # a given corpus: nothing generated yet
        with corpus.open("rb") as src, out.open("wb") as dst:
            for i, line in enumerate(src):
                if i >= n:
                    break
                dst.write(line)
    return out


def ensure_db(corpus: Path, n: int, path: Path) -> tuple[Path, float | None]:
    """Build (or reuse) the benchmark database; returns it and the import time if built now."""
    from reader.ingest.pipeline import import_paths
    from reader.store.connect import open_db

    if path.exists():
        db = open_db(path)
        count = db.execute("SELECT count(*) FROM article").fetchone()[0]
        db.close()
        if count >= n * 0.95:
            return path, None
        path.unlink()
    source = corpus_head(corpus, n)
    print(f"importing {source} into {path} (takes a while) ...", file=sys.stderr)
    db = open_db(path)
    db.execute("PRAGMA synchronous = NORMAL")
    start = time.perf_counter()
    import_paths(db, [source])
    elapsed = time.perf_counter() - start
    _mark_some_reviewed(db)  # the full-text indexes are as `reader import` leaves them
    db.conn.commit()
    db.close()
    return path, elapsed


def _mark_some_reviewed(db: object) -> None:
    """Every 7th article reviewed and every 11th tagged, so the filters have work to do."""
    conn = db.conn  # type: ignore[attr-defined]
    with conn:
        conn.execute(
            "INSERT OR REPLACE INTO review(article_id, reviewed, reviewed_at) "
            "SELECT id, 1, '2024-03-01T00:00:00+00:00' FROM article WHERE id % 7 = 0"
        )
        conn.execute("INSERT OR IGNORE INTO tag(name) VALUES ('sengketa')")
        conn.execute(
            "INSERT OR IGNORE INTO article_tag(article_id, tag_id, tagged_at) SELECT a.id, t.id, "
            "'2024-03-01T00:00:00+00:00' FROM article a, tag t WHERE t.name = 'sengketa' AND a.id % 11 = 0"
        )


def write_plain_files(db_path: Path, folder: Path) -> int:
    """Every article as ``<id>.txt`` (title + body), as a grep user would have them."""
    conn = sqlite3.connect(db_path)
    count = conn.execute("SELECT count(*) FROM article").fetchone()[0]
    if folder.exists() and sum(1 for _ in folder.iterdir()) == count:
        conn.close()
        return count
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    for article_id, title, body in conn.execute("SELECT id, title, body FROM article"):
        (folder / f"{article_id}.txt").write_text(f"{title or ''}\n{body}", "utf-8")
    conn.close()
    return count


def run_tool(command: list[str]) -> int:
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    return len(done.stdout.splitlines())


def process_times(db: Path, runs: int, against: Path | None, against_db: Path | None = None) -> str:
    """Whole ``reader`` processes against ``python -c pass`` (see ``--process``)."""
    import resource
    import tempfile

    trees = [("this tree", ROOT, db)] + ([("--against", against, against_db or db)] if against else [])

    def commands(database: Path) -> list[tuple[str, list[str]]]:
        searches = [
            (f"reader search {w} --json", ["-m", "reader", "--db", str(database), "search", w, "--json"])
            for w in PROCESS_WORDS
        ]
        return [("python -c pass", ["-c", "pass"]), ("reader --help", ["-m", "reader", "--help"]), *searches]

    samples: dict[tuple[str, str], list[tuple[float, float]]] = {}
    with tempfile.TemporaryDirectory(prefix="reader-bytecode-") as cache:
        env = {**os.environ, "PYTHONPYCACHEPREFIX": cache}
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        for round_ in range(runs + 1):  # round 0 fills the bytecode cache, unmeasured
            for tree_name, tree, database in trees:
                for name, args in commands(database):
                    before = resource.getrusage(resource.RUSAGE_CHILDREN)
                    start = time.perf_counter()
                    subprocess.run([sys.executable, *args], cwd="/", env={**env, "PYTHONPATH": str(tree)},
                                   capture_output=True, check=True)  # fmt: skip
                    wall = time.perf_counter() - start
                    after = resource.getrusage(resource.RUSAGE_CHILDREN)
                    cpu = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
                    if round_:
                        samples.setdefault((tree_name, name), []).append((wall * 1000, cpu * 1000))
    lines = [
        f"- {runs} runs of each, taking turns; database {db} ({_articles(db):,} articles); "
        f"load average before: {os.getloadavg()[0]:.1f}",
        "",
        "| tree | command | wall median ms | wall min ms | CPU median ms | CPU min ms |",
        "|---|---|---:|---:|---:|---:|",
    ]
    for (tree_name, name), values in samples.items():
        walls, cpus = [w for w, _ in values], [c for _, c in values]
        lines.append(f"| {tree_name} | `{name}` | {statistics.median(walls):.0f} | {min(walls):.0f} | "
                     f"{statistics.median(cpus):.0f} | {min(cpus):.0f} |")  # fmt: skip
    return "\n".join(lines)


def estimate_table(db_path: Path, runs: int) -> str:
    """Estimated against exact totals of large matches (see ``--estimates``)."""
    from reader.search import SearchRequest, estimate, search
    from reader.search.select import count_matching
    from reader.store.connect import open_db

    db = open_db(db_path)
    estimate.ESTIMATE_ABOVE = 1  # every full-text match is estimated
    exact = {q: count_matching(db, SearchRequest(query=q)) for q in ESTIMATE_QUERIES}
    counting = {q: statistics.median(timed(lambda q=q: count_matching(db, SearchRequest(q)), runs))
                for q in ESTIMATE_QUERIES}  # fmt: skip
    rows = ["| windows of ids (20,000 ids in all) | median error | largest error | estimate p50 ms "
            "| estimate max ms | exact total + reviewed p50 / max ms |", "|---:|---:|---:|---:|---:|---:|"]
    chosen, detail = estimate.SAMPLE_WINDOWS, []
    for windows in sorted({4, 16, chosen}):
        estimate.SAMPLE_WINDOWS = windows
        errors, took = [], []
        for query in ESTIMATE_QUERIES:
            request = SearchRequest(query=query, estimate=True, count_reviewed=False, limit=0)
            took += timed(lambda request=request: search(db, request), runs)
            guess = search(db, request)
            errors.append(abs(guess.total - exact[query].total) / max(exact[query].total, 1) * 100)
            if windows == chosen:
                detail.append(f"`{query}` {exact[query].total:,} ≈ {guess.total:,}")
        rows.append(f"| {windows} | {statistics.median(errors):.1f} % | {max(errors):.1f} % | "
                    f"{statistics.median(took):.1f} | {max(took):.1f} | "
                    f"{statistics.median(counting.values()):.1f} / {max(counting.values()):.1f} |"
                    )  # fmt: skip
    db.close()
    return "\n".join([*rows, "", f"exact ≈ estimate with {chosen} windows: " + "; ".join(detail)])


def _articles(db: Path) -> int:
    conn = sqlite3.connect(db)
    try:
        return int(conn.execute("SELECT count(*) FROM article").fetchone()[0])
    finally:
        conn.close()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, default=10_000, help="articles (default 10000)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--corpus", type=Path, default=None, help="corpus JSONL (default: generated)")
    ap.add_argument("--db", type=Path, default=None, 
                    help="database (default benchmarks/data/search-<n>-g<G>.db)")
    ap.add_argument("--runs", type=int, default=20, help="timed runs per query (default 20)")
    ap.add_argument("--baseline-runs", type=int, default=3, help="runs per grep/rg/LIKE baseline")
    ap.add_argument("--md", type=Path, default=None, help="also write the Markdown table here")
    ap.add_argument("--no-baselines", action="store_true",
                    help="skip LIKE, rg and grep (at 1M articles they take many minutes)")
    ap.add_argument("--process", action="store_true",
                    help="time whole reader processes (needs --db): python -c pass, --help, search --json")
    ap.add_argument("--against", type=Path, default=None,
                    help="with --process: another source tree to compare, run alternately")
    ap.add_argument("--against-db", type=Path, default=None,
                    help="the database the --against tree reads (a copy an older schema can open)")
    ap.add_argument("--estimates", action="store_true",
                    help="compare estimated totals of large matches with the exact ones (needs --db)")
    args = ap.parse_args(argv)
    if args.estimates:
        if args.db is None:
            raise SystemExit("--estimates needs --db")
        print(estimate_table(args.db, args.runs))
        return 0
    if args.process:
        if args.db is None:
            raise SystemExit("--process needs --db")
        print(process_times(args.db, args.runs, args.against, args.against_db))
        return 0

    from reader.search import SearchRequest, search
    from reader.search.estimate import ESTIMATE_ABOVE
    from reader.search.fuzzy import vocabulary
    from reader.search.select import count_matching
    from reader.search.statements import search_statements
    from reader.store.connect import open_db

    DATA.mkdir(parents=True, exist_ok=True)
    corpus = ensure_corpus(args.n, args.seed, args.corpus)
    db_path, import_secs = ensure_db(corpus, args.n, args.db or db_path_for(args.n))
    db = open_db(db_path)
    articles = db.execute("SELECT count(*) FROM article").fetchone()[0]
    mentions = db.execute("SELECT count(*) FROM mention").fetchone()[0]
    lines = [
        f"- machine: {os.cpu_count()} cores, {platform.machine()}, Python {platform.python_version()}, "
        f"SQLite {sqlite3.sqlite_version}",
        f"- corpus: {corpus.name}, {articles:,} articles, {mentions:,} actor mentions, "
        f"database {db_path.stat().st_size / 1e6:,.0f} MB"
        + (f", imported in {import_secs:,.0f} s ({articles / import_secs:,.0f} articles/s, "
           f"{db_path.stat().st_size / articles:,.0f} bytes/article)" if import_secs else " (reused)"),
    ]

    terms = db.execute("SELECT count(*) FROM search_term").fetchone()[0]
    vocab = vocabulary(db)
    lines.append(f"- typo vocabulary: {terms:,} indexed terms, kept by the writer and read through its "
                 "index (one first-letter, length bucket per typo); none is loaded per query")  # fmt: skip

    rows = [
        "| query class | queries | p50 ms | p95 ms | max ms | exact total: p50 / p95 ms | example total |",
        "|---|---|---|---|---|---|---|",
    ]
    word_p50 = 0.0
    reviewed_samples: list[float] = []
    large_reviewed: list[float] = []  # matches above ESTIMATE_ABOVE: the app shows an estimate first
    for name, queries in CLASSES.items():
        samples: list[float] = []
        exact_samples: list[float] = []
        totals = []
        for query, sort in queries:
            # What the app waits for before it paints the list: the page and the total, which
            # above ESTIMATE_ABOVE matches is estimated (marked ≈) and counted exactly after.
            request = SearchRequest(query=query, sort=sort, limit=50, count_reviewed=False, estimate=True)
            exact = replace(request, estimate=False)
            result = search(db, request)
            if result.error:
                print(f"  note: {query!r}: {result.error}", file=sys.stderr)
            totals.append(f"{'≈ ' if result.estimated else ''}{result.total:,}")
            samples += timed(lambda request=request: search(db, request), args.runs)
            exact_samples += timed(lambda exact=exact: search(db, exact), args.runs)
            if query:  # the reviewed count the status line shows next, a second query
                counted = timed(lambda exact=exact: count_matching(db, exact), args.runs)
                (large_reviewed if result.total > ESTIMATE_ABOVE else reviewed_samples).extend(counted)
        p50 = statistics.median(samples)
        word_p50 = p50 if name == "word" else word_p50
        rows.append(f"| {name} | {len(queries)} | {p50:.1f} | {percentile(samples, 95):.1f} | "
                    f"{max(samples):.1f} | {statistics.median(exact_samples):.1f} / "
                    f"{percentile(exact_samples, 95):.1f} | {queries[0][0] or '(all)'!s}: "
                    f"{totals[0]} |")  # fmt: skip
        print(rows[-1], file=sys.stderr)

    reviewed_rows = (
        ("up to 100,000 matches", reviewed_samples),
        ("above 100,000, after the estimate", large_reviewed),
    )
    for label, samples in reviewed_rows:
        if samples:
            rows.append(f"| exact reviewed count of the same queries, {label} | "
                        f"{len(samples) // args.runs} | {statistics.median(samples):.1f} | "
                        f"{percentile(samples, 95):.1f} | {max(samples):.1f} | | |")  # fmt: skip
    # The statements view and `reader quotes QUERY`: the first 50 matching quotes and their total.
    statement_samples: list[float] = []
    statement_total = 0
    exact_statements: list[float] = []
    for query, _sort in CLASSES["said"]:
        found = search_statements(db, query, limit=50, estimate=True)
        statement_total = statement_total or found.total
        statement_samples += timed(
            lambda query=query: search_statements(db, query, limit=50, estimate=True), args.runs
        )
        exact_statements += timed(lambda query=query: search_statements(db, query, limit=50), args.runs)
    rows.append(f"| statements of the said queries (quotes, page of 50 + total) | {len(CLASSES['said'])} | "
                f"{statistics.median(statement_samples):.1f} | {percentile(statement_samples, 95):.1f} | "
                f"{max(statement_samples):.1f} | {statistics.median(exact_statements):.1f} / "
                f"{percentile(exact_statements, 95):.1f} | "
                f"{CLASSES['said'][0][0]}: {statement_total:,} quotes |")  # fmt: skip
    fuzzy = []
    for word in FUZZY_WORDS:
        fuzzy += timed(lambda word=word: vocab.corrections(word), args.runs)
    fuzzy_p50, fuzzy_p95 = statistics.median(fuzzy), percentile(fuzzy, 95)
    rows.append(f"| fuzzy expansion only (read from the stored vocabulary) | {len(FUZZY_WORDS)} | "
                f"{fuzzy_p50:.1f} | {fuzzy_p95:.1f} | {max(fuzzy):.1f} | | |")  # fmt: skip

    if args.no_baselines:
        db.close()
        report = "\n".join([*lines, "", *rows, "", "(baselines skipped: --no-baselines)"])
        print(report)
        return 0
    base = ["| single word, count + first 50 | median ms | vs reader search |", "|---|---|---|"]
    ours = []
    for word in BASELINE_WORDS:
        request = SearchRequest(query=word, limit=50, count_reviewed=False)
        ours += timed(lambda request=request: search(db, request), args.runs)
    ours_ms = statistics.median(ours)
    base.append(f"| reader search (FTS5, stems, snippets) | {ours_ms:.1f} | 1× |")
    conn = sqlite3.connect(db_path)

    def like(word: str) -> None:
        pattern = f"%{word}%"
        where = "title LIKE ? OR body LIKE ?"
        conn.execute(f"SELECT count(*) FROM article WHERE {where}", [pattern, pattern]).fetchone()
        conn.execute(f"SELECT id FROM article WHERE {where} ORDER BY published DESC LIMIT 50",
                     [pattern, pattern]).fetchall()  # fmt: skip

    like_ms = statistics.median(
        [s for w in BASELINE_WORDS for s in timed(lambda w=w: like(w), args.baseline_runs)]
    )
    base.append(f"| SQLite `LIKE '%word%'` scan | {like_ms:,.0f} | {like_ms / ours_ms:,.0f}× slower |")
    folder = DATA / f"plain-{db_path.stem}"  # one folder per database: same articles
    write_plain_files(db_path, folder)
    for tool, command in (("rg -il", ["rg", "-il", "--no-messages"]), ("grep -ril", ["grep", "-ril"])):
        if shutil.which(command[0]) is None:
            base.append(f"| `{tool}` | not installed | |")
            continue
        tool_ms = statistics.median(
            [s for w in BASELINE_WORDS
             for s in timed(lambda w=w, c=command: run_tool([*c, w, str(folder)]), args.baseline_runs)]
        )  # fmt: skip
        base.append(f"| `{tool}` over {articles:,} plain files (warm page cache) | {tool_ms:,.0f} | "
                    f"{tool_ms / ours_ms:,.0f}× slower |")  # fmt: skip
    conn.close()
    db.close()

    report = "\n".join([*lines, "", *rows, "", *base])
    print(report)
    if args.md:
        args.md.parent.mkdir(parents=True, exist_ok=True)
        args.md.write_text(report + "\n", "utf-8")
    summary = {"n": articles, "word_p50_ms": word_p50, "fuzzy_p50_ms": statistics.median(fuzzy)}
    print(json.dumps(summary), file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
