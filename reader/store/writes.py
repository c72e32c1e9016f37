"""Writing imported articles with their quotes and actor mentions.

The caller wraps a batch of these in one transaction (:func:`write_transaction`), so an
interrupted import leaves whole batches or nothing.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator, Sequence
from datetime import UTC, datetime

from sqlite_utils import Database

from reader.models import Prepared, Quote
from reader.store.correction_apply import has_corrections, reapply_corrections
from reader.store.identities import ActorIds as ActorIds  # the importer's actor cache
from reader.store.migrations import SAID_ID, SAID_KINDS
from reader.store.terms import TermCounts, add_terms, text_terms
from reader.text.stem import stem_text

IMPORT_CACHE_KIB = -65536  # PRAGMA cache_size in KiB when negative: 64 MiB


def now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


@contextlib.contextmanager
def write_transaction(db: Database) -> Iterator[Database]:
    """One transaction that takes SQLite's write lock at the start (``BEGIN IMMEDIATE``).

    A plain ``BEGIN`` reads first and asks for the write lock at its first write;
    in WAL mode that fails at once with "database is locked" when another
    connection (the app, a second import) committed in between, because a stale
    read snapshot cannot be upgraded. Asking for the lock up front lets the busy
    timeout do its job: the writer waits its turn instead of failing.
    """
    if db.conn.in_transaction:  # nested: a savepoint inside the caller's transaction
        with db.atomic():
            yield db
        return
    db.conn.execute("BEGIN IMMEDIATE")
    try:
        yield db
    except BaseException:
        db.rollback()
        raise
    try:
        db.conn.execute("COMMIT")
    except BaseException:
        db.rollback()
        raise


def is_known(db: Database, source: str, content_hash: str) -> bool:
    row = db.execute(
        "SELECT 1 FROM article WHERE source = ? OR content_hash = ? LIMIT 1", [source, content_hash]
    ).fetchone()
    return row is not None


def known_sources(db: Database, sources: list[str]) -> set[str]:
    """Which of ``sources`` are already stored (one query per few hundred)."""
    found: set[str] = set()
    unique = sorted(set(sources))
    for start in range(0, len(unique), 500):
        chunk = unique[start : start + 500]
        marks = ", ".join("?" * len(chunk))
        rows = db.execute(f"SELECT source FROM article WHERE source IN ({marks})", chunk).fetchall()
        found.update(row[0] for row in rows)
    return found


@contextlib.contextmanager
def import_session(db: Database) -> Iterator[Database]:
    """Cheaper settings while an import writes its batches, restored afterwards.

    ``synchronous = NORMAL`` in WAL mode: a power cut can lose the last committed
    batches but never corrupts the database, and an interrupted import is simply run
    again. A larger page cache keeps the full-text index's merges in memory.
    Review and tag writes outside the session keep ``synchronous = FULL``.
    """
    synchronous = db.execute("PRAGMA synchronous").fetchone()[0]
    cache_size = db.execute("PRAGMA cache_size").fetchone()[0]
    db.execute("PRAGMA synchronous = NORMAL")
    db.execute(f"PRAGMA cache_size = {IMPORT_CACHE_KIB}")
    try:
        yield db
    finally:
        db.execute(f"PRAGMA synchronous = {int(synchronous)}")
        db.execute(f"PRAGMA cache_size = {int(cache_size)}")


@contextlib.contextmanager
def statements_indexed_at_end(db: Database) -> Iterator[Database]:
    """Inside the caller's transaction: index the statements of the articles written in the
    block once at its end, instead of one by one as they are written.

    One ``INSERT ... SELECT`` for a whole import batch costs the writer a fifth of the
    row-by-row trigger. While the block runs, a row in ``said_deferred`` (never committed:
    the block ends before the transaction does) holds the first new article id and keeps
    the trigger quiet; every other writer of quotes is indexed by the trigger.
    """
    db.execute("INSERT INTO said_deferred(first_article_id) SELECT coalesce(max(id), 0) + 1 FROM article")
    yield db
    db.execute(
        f"INSERT INTO quote_fts(rowid, text, text_stem) SELECT {SAID_ID.format(row='quote')}, text, "
        f"text_stem FROM quote WHERE article_id >= (SELECT min(first_article_id) FROM said_deferred) "
        f"AND kind IN ({', '.join('?' * len(SAID_KINDS))})",
        list(SAID_KINDS),
    )
    db.execute("DELETE FROM said_deferred")


def quote_stems(quotes: Sequence[Quote]) -> tuple[str, ...]:
    """The indexed stems of each quote's text: statements only (the said: index), else ''."""
    return tuple(stem_text(q.text) if q.kind in SAID_KINDS else "" for q in quotes)


def _offsets_json(offsets: tuple[tuple[int, int], ...]) -> str:
    """``json.dumps`` of the spans as lists (``[[3, 9], [40, 46]]``), built directly."""
    return "[" + ", ".join([f"[{start:d}, {end:d}]" for start, end in offsets]) + "]"


def write_quotes(
    db: Database,
    article_id: int,
    source: str,
    quotes: Sequence[Quote],
    actors: ActorIds,
    stems: Sequence[str] = (),
) -> None:
    """Store an article's quotes (it has none stored) and apply the analyst's corrections to them.

    Every write of quote rows goes through here, so a correction is never lost to an
    import or a re-extraction (see :mod:`reader.store.correction_apply`). ``stems`` are
    :func:`quote_stems` of ``quotes`` when the caller has them (import workers do).
    """
    if len(stems) != len(quotes):
        stems = quote_stems(quotes)
    db.conn.executemany(
        """INSERT INTO quote(article_id, seq, text, text_stem, speaker, role, cue, kind, start, "end")
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        [
            (article_id, seq, q.text, stems[seq], q.speaker, q.role, q.cue, q.kind, q.start, q.end)
            for seq, q in enumerate(quotes)
        ],
    )
    actors.note_speakers(q.speaker for q in quotes)
    if has_corrections(db, source):  # an article stored before, corrected, then re-imported
        reapply_corrections(db, article_id, source, actors.note_speakers)


def replace_quotes(
    db: Database, article_id: int, quotes: Sequence[Quote], actors: ActorIds | None = None
) -> None:
    """Replace an article's quotes with a new extraction's; corrections re-attach by their text.

    The caller holds the transaction (:func:`write_transaction`); re-extracting many
    articles, it passes one :class:`ActorIds` for all of them.
    """
    row = db.execute("SELECT source FROM article WHERE id = ?", [article_id]).fetchone()
    if row is None:
        raise KeyError(article_id)
    db.execute("DELETE FROM quote WHERE article_id = ?", [article_id])
    if quotes:
        write_quotes(db, article_id, str(row[0]), quotes, actors or ActorIds(db))


def insert_article(db: Database, item: Prepared, actors: ActorIds, terms: TermCounts | None = None) -> int:
    """Store one prepared article, its quotes and its mentions; returns the new article id.

    Its terms join the search vocabulary: through ``terms`` at the end of the caller's
    batch (an import), or at once.
    """
    article, extraction = item.article, item.extraction
    conn = db.conn
    cursor = conn.execute(
        """INSERT INTO article(source, content_hash, title, section, outlet, url, published, body,
               title_stem, body_stem, origin, imported_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        (
            article.source, item.digest, article.title, article.section, article.outlet,
            article.url, article.published, article.body, item.title_stem, item.body_stem,
            article.origin, now_iso(),
        ),
    )  # fmt: skip
    article_id = int(cursor.lastrowid or 0)
    words = item.terms or text_terms(article.title, article.body)
    if terms is not None:
        terms.add(words)
    else:
        add_terms(db, dict.fromkeys(words.split(), 1))
    if extraction.quotes:
        write_quotes(db, article_id, article.source, extraction.quotes, actors, item.quote_stems)
    if extraction.mentions:
        # One row per actor (the last mention wins), so a plain INSERT never conflicts:
        # INSERT OR REPLACE costs much more with foreign keys on.
        rows = {
            actor_id: (article_id, actor_id, m.count, _offsets_json(m.offsets))
            for m in extraction.mentions
            for actor_id in (actors.get(m.actor, m.actor_type, m.discovered),)
        }
        conn.executemany(
            "INSERT INTO mention(article_id, actor_id, count, offsets) VALUES (?, ?, ?, ?)", rows.values()
        )
    return article_id
