"""A search's SQL on SQLite: FTS5 tables (``article_fts``, ``quote_fts``), bm25, index hints.

The pieces :class:`reader.search.backend_sql.SearchSql` names, for the FTS5 schema of
:mod:`reader.store.migrations`. The planner's expressions become MATCH strings here
(:func:`reader.search.fts.render_fts5`); a statement's rowid in ``quote_fts`` carries
its article id (:data:`reader.store.schema_facts.SAID_ID`), so ``said:`` reads article
ids from the index alone.
"""

from __future__ import annotations

import contextlib
import json
import re
import sqlite3
from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager
from typing import Any

from reader.search.backend_sql import Part
from reader.search.deadline import deadline
from reader.search.expr import Expr
from reader.search.fts import BM25, render_fts5
from reader.search.sources import Source, Sql, in_window, marks
from reader.store.schema_facts import SAID_ID, SAID_SHIFT

PROGRESS_STEPS = 10_000  # SQLite VM steps between deadline checks

# Table-valued form: inside a query over article_fts, a bare "article_fts MATCH" would
# refer to the outer table.
MATCHING = "SELECT rowid FROM article_fts(?)" + in_window("rowid", joiner="WHERE")
# A statement's rowid holds its article id.
SAID_WINDOW = in_window("rowid", SAID_SHIFT, joiner="WHERE")
STATEMENTS = f"SELECT rowid FROM quote_fts(?){SAID_WINDOW}"
BY_SPEAKERS = "q.speaker IN (SELECT value FROM json_each(?))"
# A statement's rowid in quote_fts holds its article id (see reader.store.schema_facts.SAID_ID).
QUOTE_SAID_ID = SAID_ID.format(row="q")
ARTICLE_OF = "rowid >> 32"
_META_JOIN = re.compile(r"\s*JOIN article a INDEXED BY article_search_meta ON a\.id = [\w.]+")
_QUOTES_OF_ARTICLES = "FROM quote q JOIN article a ON a.id = q.article_id"
_ARTICLES_BY_DATE = "FROM article a INDEXED BY article_published CROSS JOIN quote q ON q.article_id = a.id"


class SqliteSearchSql:
    meta = "JOIN article a INDEXED BY article_search_meta ON a.id = {}"
    no_limit = "-1"
    rank_all = 10_000  # bm25 scores ~2.5 µs a match: up to here one pass beats finding the newest
    errors: tuple[type[BaseException], ...] = (sqlite3.Error,)
    stored_outlets = (
        "WITH RECURSIVE seen(name) AS (SELECT {first} UNION ALL "
        "SELECT {following} FROM seen WHERE seen.name IS NOT NULL) "
        "SELECT name FROM seen WHERE name IS NOT NULL"
    ).format(
        # Each step seeks the next spelling in the outlet index.
        first="(SELECT outlet FROM article INDEXED BY article_outlet WHERE outlet COLLATE NOCASE > '' "
        "ORDER BY outlet COLLATE NOCASE LIMIT 1)",
        following="(SELECT outlet FROM article INDEXED BY article_outlet WHERE outlet COLLATE NOCASE > "
        "seen.name COLLATE NOCASE ORDER BY outlet COLLATE NOCASE LIMIT 1)",
    )

    # -- article matches ------------------------------------------------------------------

    def text_source(self, match: Expr, sql: Sql, meta: str) -> Source:
        sql.where.insert(0, "article_fts MATCH ?")
        sql.params.insert(0, render_fts5(match))
        return Source(
            f"article_fts {meta.format('article_fts.rowid')}", "article_fts.rowid", BM25,
            fts=True, driver=f"a.id IN ({MATCHING})",
            # "+" keeps "rowid IN (...)" away from FTS5, which would look up each id separately.
            id_filter="+article_fts.rowid",
        )  # fmt: skip

    def matching(self, match: Expr) -> Part:
        return MATCHING, [render_fts5(match)]

    def one_actor(self, name: str, sql: Sql, meta: str, ranked: bool = True) -> Source:
        """Articles naming one actor, read from the mention index: ``ranked``, the most mentions
        first (in index order); otherwise unscored, for a listing by date."""
        sql.where.insert(0, "m.actor_id = (SELECT id FROM actor WHERE name = ?)")
        sql.params.insert(0, name)
        return Source(
            "mention m INDEXED BY mention_actor_count " + meta.format("m.article_id"),
            "m.article_id",
            "-m.count" if ranked else "0.0",
            rank_order="m.count DESC, m.article_id DESC" if ranked else "",
            # Correlated: one index probe per article walked, instead of collecting every id first.
            driver=f"EXISTS (SELECT 1 FROM mention m WHERE m.article_id = a.id AND {sql.where[0]})",
        )

    def actor_union(self, actors: Sequence[str], text: Expr, meta: str) -> Source:
        mentioned = (
            "SELECT m.article_id AS id, -m.count AS score FROM mention m INDEXED BY mention_actor_count "
            f"WHERE m.actor_id IN (SELECT id FROM actor WHERE name IN ({marks(actors)}))"
        )
        params = list(actors)
        if text and len(actors) == 1:
            # One actor: its articles, then those matching only the text. Disjoint parts
            # need no GROUP BY over every match.
            actor_id = "(SELECT id FROM actor WHERE name = ?)"
            mentioned = (
                "SELECT m.article_id AS id, -m.count AS score FROM mention m INDEXED BY mention_actor_count "
                f"WHERE m.actor_id = {actor_id} UNION ALL SELECT rowid, 0.0 FROM article_fts(?) "
                f"WHERE NOT EXISTS (SELECT 1 FROM mention WHERE article_id = rowid AND actor_id = {actor_id})"
            )
            params += [render_fts5(text), actors[0]]
        elif text:
            mentioned = (
                f"SELECT id, min(score) AS score FROM ({mentioned} UNION ALL "
                "SELECT rowid, 0.0 FROM article_fts(?)) GROUP BY id"
            )
            params.append(render_fts5(text))
        return Source(f"({mentioned}) s " + meta.format("s.id"), "s.id", "s.score", params=params)

    def listing(self, index: str) -> str:
        return f"article a INDEXED BY {index}"

    def strip_meta(self, source_sql: str) -> str:
        return _META_JOIN.sub("", source_sql)

    # -- filters --------------------------------------------------------------------------

    def one_of(self, column: str, values: Sequence[str], *, any_case: bool = False) -> Part:
        collate = " COLLATE NOCASE" if any_case else ""
        return f"{column}{collate} IN (SELECT value FROM json_each(?))", [json.dumps(list(values))]

    def speakers_of_article(self, names: Sequence[str]) -> Part:
        return (
            f"@id IN (SELECT q.article_id FROM quote q INDEXED BY quote_speaker WHERE {BY_SPEAKERS} "
            f"{in_window('q.article_id')})",
            [json.dumps(list(names))],
        )

    def same_name(self, column: str, name: str) -> Part:
        return f"{column} = ?", [name]  # the column is COLLATE NOCASE

    def contains_text(self, column: str, pattern: str) -> Part:
        return f"{column} LIKE ? ESCAPE '\\'", [pattern]  # LIKE ignores case

    def newest(self, id_expression: str) -> str:
        return f"a.published DESC, {id_expression} DESC"  # NULL sorts first, so last here

    def nth_highest(self, id_expression: str, matches: str) -> str:
        return f"SELECT {id_expression} {matches} ORDER BY {id_expression} DESC LIMIT 1 OFFSET ?"

    # -- statements -----------------------------------------------------------------------

    def statement_where(self, said: Expr, speakers: Sequence[str] | None, probe: bool = False) -> Part:
        match = render_fts5(said)
        if probe:  # the statement's own row of the index, found by its rowid
            probed = f"EXISTS (SELECT 1 FROM quote_fts(?) WHERE rowid = {QUOTE_SAID_ID})"
            if speakers is None:
                return probed, [match]
            return f"{BY_SPEAKERS} AND {probed}", [json.dumps(list(speakers)), match]
        if speakers is None:
            return f"q.id IN (SELECT rowid & 4294967295 FROM quote_fts(?){SAID_WINDOW})", [match]
        return f"{BY_SPEAKERS} AND {QUOTE_SAID_ID} IN ({STATEMENTS})", [json.dumps(list(speakers)), match]

    def said_articles(self, said: Expr, speakers: Sequence[str] | None) -> Part:
        # From the index alone, or from the speakers' quotes (``quote_speaker`` holds their
        # article ids) probed in the index.
        if speakers is None:
            statements = f"SELECT {ARTICLE_OF} AS article_id FROM quote_fts(?){SAID_WINDOW}"
            return statements, [render_fts5(said)]
        where, params = self.statement_where(said, speakers)
        return (
            f"SELECT q.article_id FROM quote q INDEXED BY quote_speaker WHERE {where}"
            + in_window("q.article_id"),
            params,
        )

    def said_on_row(self, said: Expr) -> Part | None:
        return None  # statements are indexed apart (quote_fts)

    def statements_count(
        self, said: Expr, articles: Callable[[str], tuple[list[str], list[Any]]]
    ) -> Part | None:
        # Counted in the statement index alone: its rowids carry the article id.
        where, params = articles(f"({ARTICLE_OF})")
        extra = " WHERE " + " AND ".join(where) if where else ""
        return f"SELECT count(*) FROM quote_fts(?){extra}", [render_fts5(said), *params]

    def statements_page(self, select: str, walk: bool) -> tuple[str, str]:
        if not walk:
            return select, "a.published DESC, q.article_id DESC, q.seq"
        # The same order, as walking the date index gives it.
        return select.replace(_QUOTES_OF_ARTICLES, _ARTICLES_BY_DATE), "a.published DESC, a.id DESC, q.seq"

    # -- running --------------------------------------------------------------------------

    def stopped(self, error: BaseException) -> bool:
        return isinstance(error, sqlite3.OperationalError) and "interrupted" in str(error)

    def deadline(self, db: Any, seconds: float) -> AbstractContextManager[None]:
        return deadline(db, seconds, PROGRESS_STEPS)

    def window_scans(self, db: Any) -> AbstractContextManager[None]:
        return contextlib.nullcontext()  # FTS5 seeks the id range in its own index


SQLITE_SQL = SqliteSearchSql()
