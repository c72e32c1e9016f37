"""``said:``: articles with a statement that matches, optionally a statement of given speakers.

A statement is a quote row of a kind in :data:`reader.store.schema_facts.SAID_KINDS`,
indexed by each store its own way (SQLite's ``quote_fts``, PostgreSQL's ``quote.said``;
see :meth:`reader.search.backend_sql.SearchSql.said_articles`). The speaker names come
from the same resolver as ``speaker:``; with them the match is the speaker's own
statement, not any statement of an article that also quotes the speaker.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reader.search.backend_sql import SearchSql
from reader.search.expr import Expr
from reader.search.sources import Source, Sql, bounded

Parts = Sequence[tuple[str, list[Any]]]  # (SQL, parameters) each


def said_parts(
    q: SearchSql, expression: Expr, speaker_lists: Sequence[list[str] | None]
) -> tuple[list[tuple[str, list[Any]]], list[tuple[str, list[Any]]]]:
    """One article subquery per ``speaker:`` filter (each speaker's own statement must match),
    or for any speaker a single one, or a condition on the article row where the store has
    one (:meth:`~reader.search.backend_sql.SearchSql.said_on_row`): (subqueries, row conditions)."""
    lists = [names for names in speaker_lists if names is not None]
    if not lists and (on_row := q.said_on_row(expression)) is not None:
        return [], [on_row]
    return [q.said_articles(expression, names) for names in lists or [None]], []


def add_said(sql: Sql, parts: Parts, on_row: Parts) -> None:
    """Every part as a condition on the article id, every row condition as it is."""
    for subquery, params in parts:
        sql.add(f"@id IN ({subquery})", *params)
    for condition, params in on_row:
        sql.add(condition, *params)


def said_source(part: tuple[str, list[Any]], meta: str) -> Source:
    """The articles of a :meth:`~reader.search.backend_sql.SearchSql.said_articles` part as the
    driving source, unscored (newest first); ``meta`` joins the article row as ``a``."""
    subquery, params = part
    return Source(
        f"(SELECT DISTINCT article_id AS id FROM ({bounded(subquery, None)}) said) s {meta.format('s.id')}",
        "s.id",
        "0.0",
        params=list(params),
    )
