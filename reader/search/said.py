"""``said:``: articles with a statement that matches, optionally a statement of given speakers.

A statement is a quote row of a kind in :data:`reader.store.migrations.SAID_KINDS`,
indexed in ``quote_fts`` (its text as written and as stems). The speaker names
come from the same resolver as ``speaker:``; with them the match is the speaker's
own statement, not any statement of an article that also quotes the speaker.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from reader.search.expr import Expr
from reader.search.fts import render_fts5
from reader.search.sources import Source, Sql
from reader.store.migrations import SAID_ID

STATEMENTS = "SELECT rowid FROM quote_fts(?)"
BY_SPEAKERS = "q.speaker IN (SELECT value FROM json_each(?))"
# A statement's rowid in quote_fts holds its article id (see reader.store.migrations.SAID_ID).
QUOTE_SAID_ID = SAID_ID.format(row="q")
ARTICLE_OF = "rowid >> 32"


def statement_where(expression: Expr, speakers: Sequence[str] | None) -> tuple[str, list[Any]]:
    """Conditions on a quote row ``q``: it is a statement matching ``expression`` and, when
    ``speakers`` is given, spoken by one of them."""
    match = render_fts5(expression)
    if speakers is None:
        return "q.id IN (SELECT rowid & 4294967295 FROM quote_fts(?))", [match]
    return f"{BY_SPEAKERS} AND {QUOTE_SAID_ID} IN ({STATEMENTS})", [json.dumps(list(speakers)), match]


def said_articles(expression: Expr, speakers: Sequence[str] | None) -> tuple[str, list[Any]]:
    """``SELECT`` of the articles with such a statement (column ``article_id``), and its
    parameters: from the index alone, or from the speakers' quotes (``quote_speaker``
    holds their article ids) probed in the index."""
    if speakers is None:
        return f"SELECT {ARTICLE_OF} AS article_id FROM quote_fts(?)", [render_fts5(expression)]
    where, params = statement_where(expression, speakers)
    return f"SELECT q.article_id FROM quote q INDEXED BY quote_speaker WHERE {where}", params


def said_parts(expression: Expr, speaker_lists: Sequence[list[str] | None]) -> list[tuple[str, list[Any]]]:
    """One article subquery per ``speaker:`` filter (each speaker's own statement must match),
    or a single one for any speaker."""
    lists = [names for names in speaker_lists if names is not None] or [None]
    return [said_articles(expression, names) for names in lists]


def add_said(sql: Sql, parts: Sequence[tuple[str, list[Any]]]) -> None:
    """Every part as a condition on the article id."""
    for subquery, params in parts:
        sql.add(f"@id IN ({subquery})", *params)


def said_source(part: tuple[str, list[Any]], meta: str) -> Source:
    """Articles with a matching statement as the driving source, unscored (newest first);
    ``meta`` joins the article row as ``a`` for the date order."""
    subquery, params = part
    return Source(
        f"(SELECT DISTINCT article_id AS id FROM ({subquery})) s {meta.format('s.id')}",
        "s.id",
        "0.0",
        params=list(params),
    )
