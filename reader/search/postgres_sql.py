"""A search's SQL on PostgreSQL: ``tsvector`` columns with GIN indexes, ``ts_rank``, arrays.

The pieces :class:`reader.search.backend_sql.SearchSql` names, for the schema of
:mod:`reader.store.postgres.schema_steps`: an article's ``search`` vector (title A,
body B, title stems C, body stems D) and a statement's ``quote.said`` (text A, stems B),
written from the project's own tokens and stems (:mod:`reader.store.postgres.fulltext`).
The planner's expressions become ``tsquery`` text (:func:`reader.search.tsquery.render_tsquery`)
bound as a parameter and cast, so PostgreSQL's own parser never reads the user's words.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Callable, Iterator, Sequence
from typing import Any

import psycopg

from reader.search.backend_sql import Part
from reader.search.expr import Expr, matches_alone
from reader.search.sources import Source, Sql, in_window, marks
from reader.search.tsquery import rank_query, render_tsquery

# ts_rank's weights for D, C, B, A (body stems, title stems, body, title): FTS5's bm25
# weights (1, 3, 10, 30; see reader.search.fts.BM25) scaled into ts_rank's range, so a
# title hit ranks above a body hit and an exact form above a stem. A stem is a lexeme of
# its own (marked), found only in C and D, so one ts_rank over the exact forms and the
# stems together weighs each by its columns: one reading of each match's vector.
# Normalisation 1 divides by the logarithm of the length, as bm25 prefers the shorter
# of two matches.
RANK_WEIGHTS = "'{0.0333, 0.1, 0.3333, 1.0}'::real[]"
TEXT = "a.search @@ ?::tsquery"
MATCHING = "SELECT id FROM article WHERE search @@ ?::tsquery" + in_window("id")
_META_JOIN = re.compile(r"\s*JOIN article a ON a\.id = [\w.]+")
_QUOTES_OF_ARTICLES = "FROM quote q JOIN article a ON a.id = q.article_id"
_ARTICLES_BY_DATE = "FROM article a JOIN quote q ON q.article_id = a.id"
QUERY_CANCELED = "57014"  # statement_timeout
# While a search runs, a full-text condition is answered from the GIN index, never by reading
# every article: the planner does not count the cost of unpacking each row's (TOASTed) vector,
# so on its own it scans a table of a few thousand articles at ~10 µs an article (20 ms for
# 2,000) where the index answers in 1-2 ms. A scan the planner must still make then looks
# very costly (enable_seqscan adds 1e10), which would start JIT compilation on a server built
# with it: no JIT for a search's small statements.
SEARCH_SETTINGS = "SET enable_seqscan = off; SET jit = off"
RESET_SETTINGS = "RESET statement_timeout; RESET enable_seqscan; RESET jit"
NUL = "\x00"
SAID = "q.said @@ ?::tsquery"
A_STATEMENT_OF = (
    "EXISTS (SELECT 1 FROM quote q WHERE q.article_id = {}.id AND " + SAID + in_window("q.article_id") + ")"
)


class PostgresSearchSql:
    meta = "JOIN article a ON a.id = {}"
    no_limit = "ALL"
    # ts_rank reads each match's vector (~6 µs a match at 100,000 articles): above this many
    # the newest RANK_WINDOW are ranked, as FTS5 does only above 10,000.
    rank_all = 2_500
    errors: tuple[type[BaseException], ...] = (psycopg.Error,)
    stored_outlets = (
        "WITH RECURSIVE seen(name) AS (SELECT {first} UNION ALL "
        "SELECT {following} FROM seen WHERE seen.name IS NOT NULL) "
        "SELECT name FROM seen WHERE name IS NOT NULL"
    ).format(
        # Each step seeks the next spelling in the index on lower(outlet).
        first="(SELECT outlet FROM article WHERE lower(outlet) > '' ORDER BY lower(outlet) LIMIT 1)",
        following="(SELECT outlet FROM article WHERE lower(outlet) > lower(seen.name) "
        "ORDER BY lower(outlet) LIMIT 1)",
    )

    # -- article matches ------------------------------------------------------------------

    def text_source(self, match: Expr, sql: Sql, meta: str) -> Source:
        sql.where.insert(0, TEXT)
        sql.params.insert(0, render_tsquery(match))
        ranked = rank_query(match)
        score = f"-ts_rank({RANK_WEIGHTS}, a.search, ?::tsquery, 1)" if ranked else "0.0"
        params = [ranked] if ranked else []
        # The article row is ``a`` already: no join of its row for dates or outlets.
        return Source("article a", "a.id", score, fts=True, driver=TEXT, score_params=params)

    def matching(self, match: Expr) -> Part:
        return MATCHING, [render_tsquery(match)]

    def one_actor(self, name: str, sql: Sql, meta: str, ranked: bool = True) -> Source:
        sql.where.insert(0, "m.actor_id = (SELECT id FROM actor WHERE name = ?)")
        sql.params.insert(0, name)
        return Source(
            "mention m " + meta.format("m.article_id"),
            "m.article_id",
            "-m.count" if ranked else "0.0",
            rank_order="m.count DESC, m.article_id DESC" if ranked else "",
            # OFFSET 0 keeps the test a check per article as the date index is walked: joined,
            # the planner guesses a few hundred mentions for an actor id it cannot see (it
            # comes from a subquery) and sorts all of them (62,000 for Gibran: 100 ms, not 1).
            driver=f"EXISTS (SELECT 1 FROM mention m WHERE m.article_id = a.id AND {sql.where[0]} OFFSET 0)",
        )

    def actor_union(self, actors: Sequence[str], text: Expr, meta: str) -> Source:
        mentioned = (
            "SELECT m.article_id AS id, -m.count AS score FROM mention m "
            f"WHERE m.actor_id IN (SELECT id FROM actor WHERE name IN ({marks(actors)}))"
        )
        params: list[Any] = list(actors)
        if text and len(actors) == 1:
            actor_id = "(SELECT id FROM actor WHERE name = ?)"
            mentioned = (
                f"SELECT m.article_id AS id, -m.count AS score FROM mention m WHERE m.actor_id = {actor_id} "
                "UNION ALL SELECT t.id, 0 FROM article t WHERE t.search @@ ?::tsquery AND NOT EXISTS "
                f"(SELECT 1 FROM mention WHERE article_id = t.id AND actor_id = {actor_id})"
            )
            params += [render_tsquery(text), actors[0]]
        elif text:
            mentioned = (
                f"SELECT id, min(score) AS score FROM ({mentioned} UNION ALL "
                "SELECT id, 0 FROM article WHERE search @@ ?::tsquery) matched GROUP BY id"
            )
            params.append(render_tsquery(text))
        return Source(f"({mentioned}) s " + meta.format("s.id"), "s.id", "s.score", params=params)

    def listing(self, index: str) -> str:
        return "article a"  # the planner chooses the index by its statistics

    def strip_meta(self, source_sql: str) -> str:
        return _META_JOIN.sub("", source_sql)

    # -- filters --------------------------------------------------------------------------

    def one_of(self, column: str, values: Sequence[str], *, any_case: bool = False) -> Part:
        if any_case:
            return f"lower({column}) = ANY(?::text[])", [[value.lower() for value in values]]
        return f"{column} = ANY(?::text[])", [list(values)]

    def speakers_of_article(self, names: Sequence[str]) -> Part:
        return "@id IN (SELECT q.article_id FROM quote q WHERE q.speaker = ANY(?::text[]))", [list(names)]

    def same_name(self, column: str, name: str) -> Part:
        if NUL in name:
            return "FALSE", []  # PostgreSQL stores no text with NUL: nothing is named so
        return f"lower({column}) = lower(?)", [name]

    def contains_text(self, column: str, pattern: str) -> Part:
        if NUL in pattern:
            return "FALSE", []
        return f"{column} ILIKE ? ESCAPE '\\'", [pattern]

    def newest(self, id_expression: str) -> str:
        return f"a.published DESC NULLS LAST, {id_expression} DESC"

    def nth_highest(self, id_expression: str, matches: str) -> str:
        # OFFSET 0 keeps the matches a query of their own, read from the GIN index and then
        # sorted: otherwise the planner may walk the primary key down from the highest id,
        # unpacking each article's vector to test it (2 s for a typo's expansions at 100k).
        inner = f"SELECT {id_expression} AS id {matches} OFFSET 0"
        return f"SELECT id FROM ({inner}) m ORDER BY id DESC LIMIT 1 OFFSET ?"

    # -- statements -----------------------------------------------------------------------

    def statement_where(self, said: Expr, speakers: Sequence[str] | None, probe: bool = False) -> Part:
        # Only statements have a ``said`` vector (see reader.store.postgres.backend).
        if speakers is None:
            return SAID, [render_tsquery(said)]
        return f"q.speaker = ANY(?::text[]) AND {SAID}", [list(speakers), render_tsquery(said)]

    def said_articles(self, said: Expr, speakers: Sequence[str] | None) -> Part:
        if speakers is None:
            where, params = _said_of("sa", said)
            return f"SELECT sa.id AS article_id FROM article sa WHERE {where}" + in_window("sa.id"), params
        where, params = self.statement_where(said, speakers)  # the speakers' quotes (quote_speaker)
        return f"SELECT q.article_id FROM quote q WHERE {where}" + in_window("q.article_id"), params

    def said_on_row(self, said: Expr) -> Part | None:
        return _said_of("a", said)

    def statements_count(
        self, said: Expr, articles: Callable[[str], tuple[list[str], list[Any]]]
    ) -> Part | None:
        return None  # the quote rows' own index answers

    def statements_page(self, select: str, walk: bool) -> tuple[str, str]:
        if not walk:
            return select, "a.published DESC NULLS LAST, q.article_id DESC, q.seq"
        walked = select.replace(_QUOTES_OF_ARTICLES, _ARTICLES_BY_DATE)
        return walked, "a.published DESC NULLS LAST, a.id DESC, q.seq"

    # -- running --------------------------------------------------------------------------

    def stopped(self, error: BaseException) -> bool:
        return getattr(error, "sqlstate", None) == QUERY_CANCELED

    @contextlib.contextmanager
    def window_scans(self, db: Any) -> Iterator[None]:
        """No plain index scans while the window of newest matches is read: the planner would
        walk the primary key over the id range and unpack every article's vector to test it
        (38 ms for 7,800 articles), where the GIN index and the primary key's range combined
        as bitmaps read only the matches (7 ms); the date listings elsewhere need index scans."""
        db.execute("SET enable_indexscan = off")
        try:
            yield
        finally:
            db.execute("RESET enable_indexscan")

    @contextlib.contextmanager
    def deadline(self, db: Any, seconds: float) -> Iterator[None]:
        """The search's time limit and :data:`SEARCH_SETTINGS`, set and reset in one round trip each."""
        db.execute(f"SET statement_timeout = {max(1, int(seconds * 1000))}; {SEARCH_SETTINGS}")
        try:
            yield
        finally:
            with contextlib.suppress(psycopg.Error):
                db.execute(RESET_SETTINGS)


POSTGRES_SQL = PostgresSearchSql()


def _said_of(alias: str, said: Expr) -> Part:
    """The article row ``alias`` has a statement matching ``said``. Its ``said`` vector holds
    all its statements, a gap between any two (reader.store.postgres.fulltext), so its GIN
    index answers a match that one phrase meets; one that needs several words together is then
    asked of each statement of the articles found."""
    match = render_tsquery(said)
    if matches_alone(said):
        return f"{alias}.said @@ ?::tsquery", [match]
    return f"{alias}.said @@ ?::tsquery AND {A_STATEMENT_OF.format(alias)}", [match, match]
