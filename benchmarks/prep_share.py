"""CPU of one import worker's share of a file: :func:`prepare` over every other chunk of 25.

Usage::

    python benchmarks/prep_share.py [--n 5000] [--corpus ../shared/corpus/real.jsonl]
    valgrind --tool=callgrind python benchmarks/prep_share.py --n 400   # instructions

Two pool workers take the chunks of an import in turn, so this is what one of them does for
``--n`` of its articles, in a fresh process (its caches fill as a worker's do). Prints CPU ms
per article. On a shared machine the time swings with the load; the instruction count of a
run under callgrind does not: run it with ``--n 0`` too and take the difference.
"""

from __future__ import annotations

import argparse
import sys
import time
from itertools import islice
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from reader.ingest.files import Skip  # noqa: E402
from reader.ingest.prepare import CHUNK_SIZE, _warm_up, prepare  # noqa: E402
from reader.ingest.readers import read_file  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=5000, help="articles of the share (default 5000)")
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus" / "real.jsonl")
    args = parser.parse_args(argv)
    _warm_up(None)  # as the importer does before its pool forks
    records = [item for item, _done in islice(read_file(args.corpus), 2 * args.n + 2 * CHUNK_SIZE)]
    share = [r for i, r in enumerate(records) if (i // CHUNK_SIZE) % 2 == 0 and not isinstance(r, Skip)]
    share = share[: args.n]
    started = time.process_time()
    for raw in share:
        prepare(raw)
    seconds = time.process_time() - started
    print(f"{len(share)} articles: {1000 * seconds / max(1, len(share)):.3f} ms CPU per article")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
