"""Writing imported articles with their quotes and actor mentions.

The caller wraps a batch of these in one transaction (:func:`write_transaction`), so an
interrupted import leaves whole batches or nothing.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager
from datetime import UTC, datetime
from typing import Any

from reader.models import Prepared, Quote
from reader.store.backend import IndexColumn, backend_of
from reader.store.correction_apply import has_corrections, reapply_corrections
from reader.store.database import Database
from reader.store.identities import ActorIds as ActorIds  # the importer's actor cache
from reader.store.schema_facts import SAID_KINDS
from reader.store.terms import TermCounts, text_terms
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


def after_import(db: Database, added: int) -> None:
    """The indexes' upkeep an import owes for its ``added`` articles (see the backends)."""
    backend_of(db).after_import(db, added)


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


QUOTE_COLUMNS = ("article_id", "seq", "text", "text_stem", "speaker", "role", "cue", "kind", "start", "end")
ARTICLE_COLUMNS = (
    "source", "content_hash", "title", "section", "outlet", "url", "published", "body",
    "title_stem", "body_stem", "origin", "imported_at",
)  # fmt: skip


def _quote_rows(
    article_id: int, quotes: Sequence[Quote], stems: Sequence[str], extra: IndexColumn
) -> list[tuple[Any, ...]]:
    return [
        (article_id, seq, q.text, stems[seq], q.speaker, q.role, q.cue, q.kind, q.start, q.end)
        + extra.values(q.text, stems[seq], q.kind in SAID_KINDS)
        for seq, q in enumerate(quotes)
    ]


def _quote_columns(extra: IndexColumn) -> tuple[str, ...]:
    return QUOTE_COLUMNS + ((extra.column.removeprefix(", "),) if extra.column else ())


def write_quotes(
    db: Database,
    article_id: int,
    source: str,
    quotes: Sequence[Quote],
    actors: ActorIds,
    stems: Sequence[str] = (),
) -> None:
    """Store an article's quotes (it has none stored) and apply the analyst's corrections to them.

    Every write of quote rows goes through here (or :class:`_BatchRows`, which applies
    them the same way), so a correction is never lost to an import or a re-extraction (see
    :mod:`reader.store.correction_apply`). ``stems`` are :func:`quote_stems` of ``quotes``
    when the caller has them (import workers do).
    """
    if len(stems) != len(quotes):
        stems = quote_stems(quotes)
    backend = backend_of(db)
    extra = backend.quote_index_column
    backend.insert_rows(db, "quote", _quote_columns(extra), _quote_rows(article_id, quotes, stems, extra))
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
    backend_of(db).statements_changed(db, [article_id])


def insert_article(
    db: Database, item: Prepared, actors: ActorIds, terms: TermCounts | None = None
) -> int | None:
    """Store one prepared article, its quotes and its mentions (see :func:`insert_articles`);
    returns the new article id, or None when it is stored already. Its terms join the search
    vocabulary: through ``terms`` at the end of the caller's batch, or at once."""
    counts = terms if terms is not None else TermCounts()
    article_id = insert_articles(db, [item], actors, counts)[0]
    if terms is None:
        counts.flush(db)
    return article_id


def insert_articles(
    db: Database, items: Sequence[Prepared], actors: ActorIds, terms: TermCounts
) -> list[int | None]:
    """Store prepared articles, their quotes and their mentions, in order; returns each new
    article id, or None for an article whose source id or cleaned text is already stored
    (or comes earlier in ``items``). Their terms are counted in ``terms``.

    "Already stored" is the unique constraints' answer, not a look-up first, so two
    importers writing the same articles at once (two analysts' machines) store each once.
    The articles are one statement and their quotes and mentions a few more on PostgreSQL
    (:meth:`reader.store.backend.Backend.insert_rows`); speakers and actors are resolved
    article after article, as one by one.
    """
    backend = backend_of(db)
    extra, said = backend.article_index_column, backend.statements_index_column
    columns = ARTICLE_COLUMNS + tuple(c.column.removeprefix(", ") for c in (extra, said) if c.column)
    at = now_iso()
    rows = [
        (
            item.article.source, item.digest, item.article.title, item.article.section, item.article.outlet,
            item.article.url, item.article.published, item.article.body, item.title_stem, item.body_stem,
            item.article.origin, at,
        ) + extra.values(item.article.title, item.article.body, item.title_stem, item.body_stem)
        + said.values(_statements(item))
        for item in items
    ]  # fmt: skip
    stored = backend.insert_rows(
        db, "article", columns, rows, "ON CONFLICT DO NOTHING RETURNING id, source, content_hash"
    )
    new = {(source, digest): int(article_id) for article_id, source, digest in stored}
    ids = [new.pop((item.article.source, item.digest), None) for item in items]
    pending = _BatchRows(db, actors)
    try:
        actors.look_up(
            name for item, article_id in zip(items, ids, strict=True) if article_id is not None
            for name in _names_in(item)
        )  # fmt: skip
        for item, article_id in zip(items, ids, strict=True):
            if article_id is not None:
                terms.add(item.terms or text_terms(item.article.title, item.article.body))
                pending.add(article_id, item)
        pending.flush()
    finally:
        actors.before_absorb = None
        actors.hold(False)
    return ids


def _stems_of(item: Prepared) -> Sequence[str]:
    quotes = item.extraction.quotes
    return item.quote_stems if len(item.quote_stems) == len(quotes) else quote_stems(quotes)


def _statements(item: Prepared) -> Iterator[tuple[str, str]]:
    """The article's statements as (text, text_stem), in order."""
    quotes = item.extraction.quotes
    if quotes:
        stems = _stems_of(item)
        yield from ((q.text, stems[seq]) for seq, q in enumerate(quotes) if q.kind in SAID_KINDS)


def _names_in(item: Prepared) -> Iterator[str]:
    """The actor and speaker names an article's rows refer to."""
    yield from (m.actor for m in item.extraction.mentions)
    yield from (q.speaker for q in item.extraction.quotes if q.speaker)


class _BatchRows:
    """The quote and mention rows of a batch of new articles, written a few statements at a time.

    Speakers and actors are resolved as the rows are collected, article after article; the
    rows collected so far are written before anything reads or moves them: before an
    identity absorbs another (its mentions move) and before an article's corrections are
    re-applied (they read its quotes)."""

    def __init__(self, db: Database, actors: ActorIds) -> None:
        self.db, self.actors = db, actors
        self.backend = backend_of(db)
        self.extra = self.backend.quote_index_column
        self.quotes: list[tuple[Any, ...]] = []
        self.mentions: list[tuple[Any, ...]] = []
        actors.before_absorb = self.flush
        actors.hold(True)

    def add(self, article_id: int, item: Prepared) -> None:
        extraction, actors = item.extraction, self.actors
        if quotes := extraction.quotes:
            self.quotes.extend(_quote_rows(article_id, quotes, _stems_of(item), self.extra))
            actors.note_speakers(q.speaker for q in quotes)
            if actors.any_corrections and has_corrections(self.db, item.article.source):
                self.flush()
                reapply_corrections(self.db, article_id, item.article.source, actors.note_speakers)
        if extraction.mentions:
            # One row per actor (the last mention wins), so a plain INSERT never conflicts:
            # INSERT OR REPLACE costs much more with foreign keys on.
            rows = {
                actor_id: (article_id, actor_id, m.count, _offsets_json(m.offsets))
                for m in extraction.mentions
                for actor_id in (actors.get(m.actor, m.actor_type, m.discovered),)
            }
            self.mentions.extend(rows.values())

    def flush(self) -> None:
        self.actors.write_held()
        quotes, mentions, self.quotes, self.mentions = self.quotes, self.mentions, [], []
        self.backend.insert_rows(self.db, "quote", _quote_columns(self.extra), quotes)
        self.backend.insert_rows(self.db, "mention", MENTION_COLUMNS, mentions)


MENTION_COLUMNS = ("article_id", "actor_id", "count", "offsets")
