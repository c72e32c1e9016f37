"""Generate a deterministic synthetic corpus of Indonesian election news for benchmarks.

Usage::

    python benchmarks/make_corpus.py --n 100000 --seed 1 -o benchmarks/data/corpus-100k.jsonl
    python benchmarks/make_corpus.py --n 1000 --no-shared -o /tmp/small.jsonl
    python benchmarks/make_corpus.py --n 100000 --from-real ../shared/corpus/real.jsonl -o real100k.jsonl

Each output line is one JSON object with the importer's keys ``id, title, text, url,
published, outlet``. The text is deliberately dirty (datelines, "Baca Juga" lines, ads,
editor initials, related-headline lists) and full of quotes, cue verbs, actor aliases and
typos. The word and bigram frequencies come from ``seeds/`` and, when present,
``../shared/corpus/``; see ``benchmarks/corpus/vocab.py``.

The same ``--seed`` and ``--n`` (and the same vocabulary sources) give byte-identical output,
whatever ``--jobs`` is. Article ``i`` does not depend on ``n``, so smaller corpora are
prefixes of bigger ones. ``--from-real`` writes issue 13's real-derived corpus instead: the
real articles in turn, each made unique by one added sentence (``benchmarks/corpus/real_derived.py``).

From Python::

    vocab = build_vocab()                   # or build_vocab(use_shared=False)
    for record in generate(1000, seed=1, vocab=vocab): ...
"""

from __future__ import annotations

import argparse
import multiprocessing
import sys
import time
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make ``benchmarks.corpus`` importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.corpus.real_derived import write_derived  # noqa: E402
from benchmarks.corpus.vocab import DATA_DIR, Vocab, build_vocab  # noqa: E402
from benchmarks.corpus.writer import generate, write_corpus  # noqa: E402

__all__ = ["Vocab", "build_vocab", "generate", "main", "write_corpus"]


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, default=10_000, help="number of articles (default 10000)")
    ap.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    ap.add_argument("-o", "--output", type=Path, default=None,
                    help="output JSONL (default benchmarks/data/corpus-<n>-s<seed>.jsonl)")
    ap.add_argument("--no-shared", action="store_true",
                    help="learn the vocabulary from seeds/ only, even if ../shared/corpus exists")
    ap.add_argument("--no-cache", action="store_true", help="do not read or write the vocab cache")
    ap.add_argument("--jobs", type=int, default=min(2, multiprocessing.cpu_count()),
                    help="worker processes (output is identical for any value)")
    ap.add_argument("--from-real", type=Path, default=None, metavar="JSONL",
                    help="derive the articles from these real ones (each with one unique sentence added)")
    return ap.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    out = args.output or DATA_DIR / f"corpus-{args.n}-s{args.seed}.jsonl"
    t0 = time.perf_counter()
    if args.from_real is not None:
        write_derived(args.from_real, out, args.n)
        print(f"wrote {args.n:,} articles derived from {args.from_real} to {out} "
              f"({time.perf_counter() - t0:.1f} s)", file=sys.stderr)
        return 0
    vocab = build_vocab(use_shared=not args.no_shared, cache_dir=None if args.no_cache else DATA_DIR)
    t1 = time.perf_counter()
    print(f"vocabulary: {vocab.size:,} words from {', '.join(vocab.sources)} ({t1 - t0:.1f} s)",
          file=sys.stderr)
    write_corpus(out, args.n, args.seed, vocab, jobs=max(1, args.jobs))
    secs = time.perf_counter() - t1
    print(f"wrote {args.n:,} articles to {out}: {out.stat().st_size / 1e6:,.1f} MB in {secs:.1f} s "
          f"({args.n / max(secs, 1e-9):,.0f} articles/s, jobs={args.jobs})", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
