"""Stream a generated corpus to a JSONL file, optionally with a process pool.

This lives in the package (not in the script) so that the worker function pickles by a
stable module name however ``make_corpus.py`` itself was loaded.
"""

from __future__ import annotations

import json
import multiprocessing
from collections.abc import Iterator
from pathlib import Path

from .article import make_article
from .vocab import Vocab

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


def write_corpus(path: Path, n: int, seed: int, vocab: Vocab, jobs: int = 1,
                 chunk: int = CHUNK) -> int:
    """Stream ``n`` articles to ``path`` (JSONL); returns characters written.

    Memory stays flat whatever ``n`` is. The file is the same for any ``jobs``: every article
    has its own random stream and ``imap`` returns the chunks in order.
    """
    global _WORKER_VOCAB
    path.parent.mkdir(parents=True, exist_ok=True)
    tasks = [(seed, s, min(n, s + chunk)) for s in range(0, n, chunk)]
    written = 0
    tmp = path.with_name(path.name + ".part")
    use_pool = jobs > 1 and len(tasks) > 1 and "fork" in multiprocessing.get_all_start_methods()
    with tmp.open("w", encoding="utf-8", newline="\n") as out:
        if use_pool:
            _WORKER_VOCAB = vocab
            try:
                with multiprocessing.get_context("fork").Pool(jobs) as pool:
                    for text in pool.imap(_work, tasks):
                        written += out.write(text)
            finally:
                _WORKER_VOCAB = None
        else:
            for task_seed, start, stop in tasks:
                written += out.write(_lines(vocab, task_seed, start, stop))
    tmp.replace(path)
    return written
