"""CPU per article of each import preparation stage, in one process.

Usage::

    python benchmarks/bench_prep.py [--n 2000] [--skip 0] [--profile 25]

Reads the first ``--n`` articles of the real corpus and of the synthetic one and times,
with ``time.process_time()``, each stage the import runs per article: reading a JSONL line
into a raw article (main process), cleaning, extraction, stemming, hashing, and the
pickling that carries a prepared article from a pool worker back to the main process.
``--profile N`` also prints the N costliest functions (cProfile) of the whole preparation.
"""

from __future__ import annotations

import argparse
import cProfile
import pickle
import pstats
import sys
import time
from collections.abc import Callable
from itertools import islice
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from reader.ingest.clean import clean, content_hash  # noqa: E402
from reader.ingest.files import Skip  # noqa: E402
from reader.ingest.prepare import _warm_up, prepare  # noqa: E402
from reader.ingest.readers import read_file  # noqa: E402
from reader.models import RawArticle  # noqa: E402
from reader.text.stem import stem_text  # noqa: E402

CORPORA = {
    "real": ROOT.parent / "shared" / "corpus" / "real.jsonl",
    "synthetic": ROOT / "benchmarks" / "data" / "corpus-10k.jsonl",
}


def _timed(function: Callable[[], object]) -> tuple[float, object]:
    start = time.process_time()
    result = function()
    return time.process_time() - start, result


def measure(path: Path, n: int, skip: int) -> dict[str, float]:
    """Milliseconds of CPU per article for each stage over ``n`` articles of ``path``."""
    read_seconds, items = _timed(lambda: list(islice(read_file(path), skip + n)))
    raws: list[RawArticle] = [item for item, _done in items[skip:] if not isinstance(item, Skip)]
    costs: dict[str, float] = {"read JSONL (main)": read_seconds / (skip + n)}
    seconds, cleaned = _timed(lambda: [clean(raw) for raw in raws])
    costs["clean"] = seconds / len(raws)
    kept = [article for article in cleaned if article.body.strip()]  # type: ignore[union-attr]
    from reader.extract import extract_article

    seconds, _ = _timed(lambda: [extract_article(a.body, a.title) for a in kept])
    costs["extract"] = seconds / len(raws)
    seconds, _ = _timed(lambda: [(stem_text(a.title or ""), stem_text(a.body)) for a in kept])
    costs["stem title+body"] = seconds / len(raws)
    seconds, _ = _timed(lambda: [content_hash(a.body) for a in kept])
    costs["content hash"] = seconds / len(raws)
    seconds, prepared = _timed(lambda: [prepare(raw) for raw in raws])
    costs["prepare (all of the above)"] = seconds / len(raws)
    seconds, blobs = _timed(lambda: [pickle.dumps(p, pickle.HIGHEST_PROTOCOL) for p in prepared])
    costs["pickle (worker)"] = seconds / len(raws)
    seconds, _ = _timed(lambda: [pickle.loads(blob) for blob in blobs])  # type: ignore[union-attr]
    costs["unpickle (main)"] = seconds / len(raws)
    in_ms = {stage: value * 1000 for stage, value in costs.items()}
    in_ms["pickle bytes"] = sum(map(len, blobs)) / len(raws)  # type: ignore[arg-type]
    return in_ms


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=2000, help="articles per corpus (default 2000)")
    parser.add_argument("--skip", type=int, default=0, help="articles to skip first")
    parser.add_argument("--profile", type=int, default=0, help="print the N costliest functions")
    args = parser.parse_args(argv)
    _warm_up(None)  # the bundled catalogue, as an import without a database catalogue
    print(f"ms of CPU per article (pickle size in bytes), first {args.n} articles after {args.skip}")
    for name, path in CORPORA.items():
        costs = measure(path, args.n, args.skip)
        print(f"\n{name}")
        for stage, value in costs.items():
            print(f"  {stage:<28} {value:9.3f}")
        if args.profile:
            items = [item for item, _ in islice(read_file(path), args.skip + args.n)][args.skip :]
            raws = [item for item in items if not isinstance(item, Skip)]
            profiler = cProfile.Profile()
            profiler.runcall(list, map(prepare, raws))
            pstats.Stats(profiler).sort_stats("tottime").print_stats(args.profile)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
