"""What an extraction change changed: the quotes of a fixed sample, this tree against another.

Usage::

    git archive BASE | tar -x -C /tmp/base
    .venv/bin/python benchmarks/compare_extraction.py --against /tmp/base [--show 40 --seed 99]

The sample: 3,000 articles of ``../shared/corpus/real.jsonl`` drawn with seed 2029 and every
article of ``election.jsonl``, cleaned and extracted as the importer does (bundled catalogue).
Quotes are matched by article and the first 40 characters of their text, so a cleaning change
that moves offsets does not count as a change. Printed: the quote counts, how many quotes are
gone or new, how many name another speaker or only another role, how many still hold a
paragraph break a scrape joined with commas (`.,`), and ``--show`` changed quotes drawn at
random for reading against their articles (source id, speaker and role before and after).
"""

from __future__ import annotations

import argparse
import json
import os
import pickle
import random
import subprocess
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "corpus"
REAL_SAMPLE, REAL_SEED = 3000, 2029
Key = tuple[str, str]
Found = tuple[str, str | None, str | None, str]  # kind, speaker, role, text


def _lines(path: Path) -> list[str]:
    return [line for line in path.read_text("utf-8").split("\n") if line.strip()]


def _quotes_of(line: str) -> list[tuple[Key, Found]]:
    from reader.extract.actors import default_catalogue
    from reader.ingest.prepare import prepare
    from reader.ingest.records import record_to_raw

    record = json.loads(line)
    raw = record_to_raw(record, "sample")
    prepared = None if isinstance(raw, str) else prepare(raw, None, default_catalogue())
    if prepared is None:
        return []
    return [
        ((record["id"], q.text[:40]), (q.kind, q.speaker, q.role, q.text))
        for q in prepared.extraction.quotes
    ]


def extract_sample() -> dict[Key, Found]:
    """The quotes of the sample, by this process's ``reader``."""
    sample = random.Random(REAL_SEED).sample(_lines(SHARED / "real.jsonl"), REAL_SAMPLE)
    sample += _lines(SHARED / "election.jsonl")
    with ProcessPoolExecutor(os.cpu_count() or 1) as pool:
        return dict(pair for found in pool.map(_quotes_of, sample, chunksize=50) for pair in found)


def _joined(quotes: dict[Key, Found]) -> int:
    return sum(any(mark in q[3] for mark in ('., ', '.,,', '.,"')) for q in quotes.values())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--against", type=Path, help="another source tree (git archive of a commit)")
    parser.add_argument("--show", type=int, default=40, help="changed quotes to print (default 40)")
    parser.add_argument("--seed", type=int, default=99, help="seed for the quotes printed")
    parser.add_argument("--dump", type=Path, help=argparse.SUPPRESS)  # internal: write this tree's quotes
    args = parser.parse_args()
    if not (SHARED / "real.jsonl").exists():
        print(f"compare_extraction: {SHARED} is missing", file=sys.stderr)
        return 2
    if args.dump:
        args.dump.write_bytes(pickle.dumps(extract_sample()))
        return 0
    if args.against is None:
        parser.error("--against is required")
    other_file = Path(os.environ.get("TMPDIR", "/tmp")) / "compare-extraction-other.pickle"
    env = {**os.environ, "PYTHONPATH": str(args.against.resolve())}
    dump = [sys.executable, str(Path(__file__).resolve()), "--dump", str(other_file)]
    subprocess.run(dump, env=env, check=True)
    before: dict[Key, Found] = pickle.loads(other_file.read_bytes())
    after = extract_sample()
    gone = [k for k in before if k not in after]
    new = [k for k in after if k not in before]
    speaker = [k for k in before if k in after and before[k][1] != after[k][1]]
    role = [k for k in before if k in after and before[k][1] == after[k][1] and before[k][2] != after[k][2]]
    print(f"quotes: {len(before):,} -> {len(after):,}; gone {len(gone)}, new {len(new)}")
    print(f"another speaker: {len(speaker)}, another role only: {len(role)}, "
          f"in {len({k[0] for k in speaker + role})} articles")
    print(f"quotes holding a comma-joined paragraph break: {_joined(before)} -> {_joined(after)}")
    changed = speaker + role
    for key in random.Random(args.seed).sample(changed, min(args.show, len(changed))):
        (_, s0, r0, _), (_, s1, r1, _) = before[key], after[key]
        print(f"  {key[0]}: {s0!r} / {r0!r} -> {s1!r} / {r1!r}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
