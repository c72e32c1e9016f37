"""``kill -9`` during a large import, at random points: nothing committed is lost, nothing is half-written.

One database and one corpus file serve every trial. Each trial starts
``reader import`` on the same file (the importer skips what is already stored,
so it resumes where the last kill stopped), writes review marks and tags from
this process while the import runs, then kills the importer with SIGKILL after
a random delay (seeded). After every kill the database must pass SQLite's and
FTS5's integrity checks, hold whole batches only (articles are stored in file
order, so the stored set is always a prefix of the file whose length is a
multiple of the batch size), keep every article stored by earlier trials
unchanged, have no quote or mention without its article, and keep every review
mark and tag written before the kill.
"""

from __future__ import annotations

import contextlib
import json
import os
import random
import signal
import sqlite3
import subprocess
import time
from pathlib import Path

import pytest
from robustkit import fts_consistent, integrity, reader_cmd, reader_env, synthetic_article, write_jsonl

from reader.ingest.prepare import prepare
from reader.models import RawArticle
from reader.store.connect import open_db
from reader.store.review import add_tag, set_reviewed

pytestmark = pytest.mark.slow

SEED = 20240214
TRIALS = 22
BATCH = 25
CORPUS = 40000  # more than 22 trials can import, so every kill can land mid-import
DELAY = (0.3, 2.6)  # seconds from start to SIGKILL (interpreter start-up is part of the range)
SAMPLE = 120  # stored articles re-prepared at the end to prove each has all its quotes and mentions


def _kill(proc: subprocess.Popen[bytes]) -> bool:
    """SIGKILL the importer; True when it was still running (the kill interrupted it)."""
    running = proc.poll() is None
    with contextlib.suppress(ProcessLookupError):
        os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(proc.pid, signal.SIGKILL)  # any pool worker left behind
    return running


def _state(path: Path) -> tuple[list[tuple[int, str, str]], dict[int, tuple[int, int]]]:
    conn = sqlite3.connect(path)
    try:
        articles = conn.execute("SELECT id, source, content_hash FROM article ORDER BY id").fetchall()
        quotes = dict(conn.execute("SELECT article_id, count(*) FROM quote GROUP BY article_id").fetchall())
        mentions = dict(
            conn.execute("SELECT article_id, count(*) FROM mention GROUP BY article_id").fetchall()
        )
        counts = {aid: (quotes.get(aid, 0), mentions.get(aid, 0)) for aid, _s, _h in articles}
        return articles, counts
    finally:
        conn.close()


def _check(path: Path, earlier: dict[int, tuple[str, str, tuple[int, int]]]) -> int:
    assert integrity(path) == "ok"
    conn = sqlite3.connect(path)
    try:
        assert fts_consistent(conn), "full-text index does not match the tables"
        stored = conn.execute("SELECT count(*) FROM article").fetchone()[0]
        assert conn.execute("SELECT count(*) FROM article_fts_docsize").fetchone()[0] == stored
        orphans = conn.execute(
            "SELECT (SELECT count(*) FROM quote WHERE article_id NOT IN (SELECT id FROM article))"
            " + (SELECT count(*) FROM mention WHERE article_id NOT IN (SELECT id FROM article))"
            " + (SELECT count(*) FROM mention WHERE actor_id NOT IN (SELECT id FROM actor))"
        ).fetchone()[0]
        assert orphans == 0
    finally:
        conn.close()
    articles, counts = _state(path)
    # Whole batches, in file order: article i is line i of the corpus.
    assert stored % BATCH == 0 or stored == CORPUS, f"{stored} articles is not a whole number of batches"
    assert [(aid, source) for aid, source, _h in articles] == [
        (index + 1, f"synthetic-7-{index}") for index in range(stored)
    ]
    now = {aid: (source, digest, counts[aid]) for aid, source, digest in articles}
    lost = {aid for aid in earlier if now.get(aid) != earlier[aid]}
    assert not lost, f"articles changed or lost: {sorted(lost)[:10]}"
    earlier.update(now)
    return stored


def test_kill_9_during_import_loses_nothing(tmp_path: Path) -> None:
    rng = random.Random(SEED)
    corpus = write_jsonl(tmp_path / "corpus.jsonl", CORPUS)
    path = tmp_path / "reader.db"
    open_db(path).close()  # created up front: the test writes reviews from the first trial on
    env = reader_env(READER_IMPORT_BATCH=str(BATCH))
    earlier: dict[int, tuple[str, str, tuple[int, int]]] = {}
    reviewed: dict[int, bool] = {}
    tags: dict[int, set[str]] = {}
    interrupted = marks_written = 0
    started = time.monotonic()

    for trial in range(TRIALS):
        proc = subprocess.Popen(
            reader_cmd(path, "import", "--quiet", str(corpus)),
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            start_new_session=True,
        )
        deadline = time.monotonic() + rng.uniform(*DELAY)
        db = open_db(path)
        try:
            while time.monotonic() < deadline:
                newest = db.execute("SELECT max(id) FROM article").fetchone()[0]
                if newest:
                    article_id = rng.randint(1, newest)
                    state = rng.random() < 0.7
                    set_reviewed(db, article_id, state, batch=f"trial-{trial}")
                    reviewed[article_id] = state
                    tag = f"t{trial % 5}"
                    add_tag(db, article_id, tag)
                    tags.setdefault(article_id, set()).add(tag)
                    marks_written += 1  # committed: set_reviewed and add_tag return after COMMIT
                time.sleep(rng.uniform(0.02, 0.25))
        finally:
            db.close()
        interrupted += _kill(proc)
        assert proc.returncode in (0, -signal.SIGKILL), proc.stderr.read().decode() if proc.stderr else ""
        if proc.stderr:
            proc.stderr.close()

        stored = _check(path, earlier)
        print(f"trial {trial}: {stored} articles", flush=True)
        conn = sqlite3.connect(path)
        try:
            got_reviews = dict(conn.execute("SELECT article_id, reviewed FROM review").fetchall())
            got_tags: dict[int, set[str]] = {}
            for article_id, name in conn.execute(
                "SELECT article_id, tag.name FROM article_tag JOIN tag ON tag.id = tag_id"
            ):
                got_tags.setdefault(article_id, set()).add(name)
        finally:
            conn.close()
        assert {aid: bool(got_reviews.get(aid)) for aid in reviewed} == reviewed
        assert {aid: got_tags.get(aid, set()) for aid in tags} == tags

    # Every stored article has exactly the quotes and mentions a clean, uninterrupted import gives.
    sample = rng.sample(sorted(earlier), min(SAMPLE, len(earlier)))
    for article_id in sample:
        record = synthetic_article(article_id - 1)
        raw = RawArticle(
            source=record["id"], text=record["text"], title=record["title"], url=record["url"],
            published=record["published"], outlet=record["outlet"], origin="corpus.jsonl",
        )  # fmt: skip
        prepared = prepare(raw)
        assert prepared is not None
        expected = (len(prepared.extraction.quotes), len(prepared.extraction.mentions))
        assert earlier[article_id][1] == prepared.digest
        assert earlier[article_id][2] == expected, f"article {article_id} is incomplete"

    elapsed = time.monotonic() - started
    summary = {
        "trials": TRIALS,
        "interrupted": interrupted,
        "articles_stored": stored,
        "review_marks_written": marks_written,
        "articles_rechecked": len(sample),
        "lost_or_corrupted": 0,
        "seconds": round(elapsed, 1),
    }
    print("kill trials:", json.dumps(summary))
    assert interrupted >= TRIALS // 2, summary  # most kills must land while the import is running
