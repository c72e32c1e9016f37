"""The pieces a search's SQL is built from: the driving FROM clause and WHERE conditions.

Each store writes its own (:mod:`reader.search.sqlite_sql`, :mod:`reader.search.postgres_sql`);
what is portable is here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

MENTIONED = "SELECT m.article_id FROM mention m JOIN actor ac ON ac.id = m.actor_id WHERE ac.name IN ({})"


@dataclass(slots=True)
class Source:
    """What a search reads: the FROM clause, the article id and score expressions."""

    sql: str
    id: str
    score: str
    params: list[Any] = field(default_factory=list)
    fts: bool = False  # driven by one full-text match (so the ranking window applies)
    rank_order: str = ""  # ORDER BY for relevance when not "score, id DESC"
    # The first WHERE condition restated on the article row ``a`` (same parameter): lets a
    # newest-first page walk the date index (see _Search._newest).
    driver: str = ""
    count_sql: str = ""  # the FROM clause for counting, when lighter than ``sql``
    score_params: list[Any] = field(default_factory=list)  # the parameters of ``score``
    id_filter: str = ""  # the id as filters name it, when not ``id`` itself

    @property
    def filter_id(self) -> str:
        return self.id_filter or self.id


@dataclass(slots=True)
class Sql:
    """WHERE conditions on ``a`` (the article row) with their parameters."""

    where: list[str] = field(default_factory=list)
    params: list[Any] = field(default_factory=list)

    def add(self, condition: str, *params: Any) -> None:
        self.where.append(condition)
        self.params.extend(params)

    def clause(self, id_expression: str) -> str:
        where = " AND ".join(self.where) if self.where else "TRUE"
        return where.replace("@id", id_expression)


def marks(values: Any) -> str:
    return ",".join("?" * len(values))


# How many of a match's articles are reviewed, and how many of those by the analyst named by
# the one parameter: the one way every count of a search (exact, estimated, the app's
# recount) counts them, over ``review_join``.
REVIEWED_COUNTS = "count(r.article_id), count(CASE WHEN lower(r.reviewed_by) = lower(?) THEN 1 END)"


def review_join(article_id: str) -> str:
    """The join ``REVIEWED_COUNTS`` counts over: the match's reviewed articles' marks as ``r``."""
    return f"LEFT JOIN review r ON r.article_id = {article_id} AND r.reviewed = 1"
