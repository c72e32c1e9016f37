"""Generate a deterministic synthetic corpus of Indonesian election news for benchmarks.

Usage::

    python benchmarks/make_corpus.py --n 100000 --seed 1 -o benchmarks/data/corpus-100k.jsonl
    python benchmarks/make_corpus.py --n 1000 --no-shared -o /tmp/small.jsonl

Each output line is one JSON object with the importer's keys ``id, title, text, url,
published, outlet``. The text is deliberately dirty (datelines, "Baca Juga" lines, ads,
editor initials, related-headline lists) and full of quotes, cue verbs, actor aliases and
typos. The word and bigram frequencies come from ``seeds/`` and, when present,
``../shared/corpus/``; see ``benchmarks/corpus/vocab.py``.

The same ``--seed`` and ``--n`` (and the same vocabulary sources) give byte-identical output,
whatever ``--jobs`` is. Article ``i`` does not depend on ``n``, so smaller corpora are
prefixes of bigger ones.

From Python::

    vocab = build_vocab()                   # or build_vocab(use_shared=False)
    for record in generate(1000, seed=1, vocab=vocab): ...
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import sys
import time
from collections.abc import Iterator
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make ``benchmarks.corpus`` importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.corpus.article import make_article  # noqa: E402
from benchmarks.corpus.vocab import DATA_DIR, Vocab, build_vocab  # noqa: E402

__all__ = ["build_vocab", "generate", "write_corpus", "Vocab"]

CHUNK = 500  # articles per worker task: big enough to amortise IPC, small enough to stream


def generate(n: int, seed: int, vocab: Vocab, start: int = 0) -> Iterator[dict[str, str | None]]:
    """Articles ``start .. start+n-1`` of the corpus for ``seed``, one dict each."""
    for index in range(start, start + n):
        yield make_article(vocab, seed, index)


def _lines(vocab: Vocab, seed: int, start: int, stop: int) -> str:
    return "".join(json.dumps(rec, ensure_ascii=False) + "\n"
                   for rec in generate(stop - start, seed, vocab, start))


_WORKER_VOCAB: Vocab | None = None  # set before forking; workers inherit it without pickling


def _work(task: tuple[int, int, int]) -> str:
    seed, start, stop = task
    assert _WORKER_VOCAB is not None
    return _lines(_WORKER_VOCAB, seed, start, stop)


def write_corpus(path: Path, n: int, seed: int, vocab: Vocab, jobs: int = 1) -> int:
    """Stream ``n`` articles to ``path`` (JSONL); returns bytes written. Memory stays flat."""
    global _WORKER_VOCAB
    path.parent.mkdir(parents=True, exist_ok=True)
    tasks = [(seed, s, min(n, s + CHUNK)) for s in range(0, n, CHUNK)]
    written = 0
    tmp = path.with_name(path.name + ".part")
    with tmp.open("w", encoding="utf-8", newline="\n") as out:
        use_pool = jobs > 1 and len(tasks) > 1 and "fork" in multiprocessing.get_all_start_methods()
        if use_pool:
            _WORKER_VOCAB = vocab
            with multiprocessing.get_context("fork").Pool(jobs) as pool:
                # imap keeps task order, so the file does not depend on scheduling.
                for chunk in pool.imap(_work, tasks):
                    written += out.write(chunk)
            _WORKER_VOCAB = None
        else:
            for seed_, start, stop in tasks:
                written += out.write(_lines(vocab, seed_, start, stop))
    tmp.replace(path)
    return written


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
    return ap.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    out = args.output or DATA_DIR / f"corpus-{args.n}-s{args.seed}.jsonl"
    t0 = time.perf_counter()
    vocab = build_vocab(use_shared=not args.no_shared, cache_dir=None if args.no_cache else DATA_DIR)
    t1 = time.perf_counter()
    print(f"vocabulary: {vocab.size:,} words from {', '.join(vocab.sources)} ({t1 - t0:.1f} s)",
          file=sys.stderr)
    size = write_corpus(out, args.n, args.seed, vocab, jobs=max(1, args.jobs))
    secs = time.perf_counter() - t1
    print(f"wrote {args.n:,} articles to {out}: {size / 1e6:,.1f} MB in {secs:.1f} s "
          f"({args.n / max(secs, 1e-9):,.0f} articles/s, jobs={args.jobs})", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
