"""Writing imported articles with their quotes and actor mentions.

The caller wraps a batch of these in one transaction (:func:`write_transaction`), so an
interrupted import leaves whole batches or nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from contextlib import AbstractContextManager
from datetime import UTC, datetime

from sqlite_utils import Database

from reader.models import Prepared, Quote
from reader.store.backend import backend_of
from reader.store.correction_apply import has_corrections, reapply_corrections
from reader.store.identities import ActorIds as ActorIds  # the importer's actor cache
from reader.store.schema_facts import SAID_KINDS
from reader.store.terms import TermCounts, add_terms, text_terms
from reader.text.stem import stem_text


def now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def write_transaction(db: Database) -> AbstractContextManager[Database]:
    """One transaction that holds the right to write from its start; nested, a savepoint.

    Everything it writes commits at its end or not at all (each store's way:
    :mod:`reader.store.sqlite_backend`, :mod:`reader.store.postgres.backend`).
    """
    return backend_of(db).write_transaction(db)


def import_session(db: Database) -> AbstractContextManager[Database]:
    """Cheaper write settings while an import writes its batches, restored afterwards."""
    return backend_of(db).import_session(db)


def statements_indexed_at_end(db: Database) -> AbstractContextManager[Database]:
    """Inside the caller's transaction: the statements of the articles written in the block are
    indexed for ``said:`` by its end (at once, or in one step at the end where that is cheaper)."""
    return backend_of(db).statements_indexed_at_end(db)


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
    backend = backend_of(db)
    extra = backend.quote_index_column
    db.conn.executemany(
        f"""INSERT INTO quote(article_id, seq, text, text_stem, speaker, role, cue, kind, start, "end"
               {extra.column}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ? {extra.placeholder})""",
        [
            (article_id, seq, q.text, stems[seq], q.speaker, q.role, q.cue, q.kind, q.start, q.end)
            + extra.values(q.text, stems[seq], q.kind in SAID_KINDS)
            for seq, q in enumerate(quotes)
        ],
    )
    actors.note_speakers(q.speaker for q in quotes)
    if actors.any_corrections and has_corrections(db, source):  # stored, corrected, re-imported
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


def insert_article(
    db: Database, item: Prepared, actors: ActorIds, terms: TermCounts | None = None
) -> int | None:
    """Store one prepared article, its quotes and its mentions; returns the new article id, or
    None when an article with the same source id or cleaned text is already stored.

    "Already stored" is the unique constraints' answer, not a look-up first, so two
    importers writing the same articles at once (two analysts' machines) store each once.
    Its terms join the search vocabulary: through ``terms`` at the end of the caller's
    batch (an import), or at once.
    """
    article, extraction = item.article, item.extraction
    conn = db.conn
    extra = backend_of(db).article_index_column
    row = conn.execute(
        f"""INSERT INTO article(source, content_hash, title, section, outlet, url, published, body,
               title_stem, body_stem, origin, imported_at {extra.column})
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ? {extra.placeholder})
           ON CONFLICT DO NOTHING RETURNING id""",
        (
            article.source, item.digest, article.title, article.section, article.outlet,
            article.url, article.published, article.body, item.title_stem, item.body_stem,
            article.origin, now_iso(),
        ) + extra.values(article.title, article.body, item.title_stem, item.body_stem),
    ).fetchone()  # fmt: skip
    if row is None:
        return None
    article_id = int(row[0])
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
