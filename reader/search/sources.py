"""The pieces a search's SQL is built from: the driving FROM clause and WHERE conditions."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

# Table-valued form: inside a query over article_fts, a bare "article_fts MATCH" would
# refer to the outer table.
MATCHING = "SELECT rowid FROM article_fts(?)"
MENTIONED = "SELECT m.article_id FROM mention m JOIN actor ac ON ac.id = m.actor_id WHERE ac.name IN ({})"


@dataclass(slots=True)
class Source:
    """What a search reads: the FROM clause, the article id and score expressions."""

    sql: str
    id: str
    score: str
    params: list[Any] = field(default_factory=list)
    fts: bool = False  # driven by one FTS5 MATCH (so the ranking window applies)
    rank_order: str = ""  # ORDER BY for relevance when not "score, id DESC"
    # The ids the first WHERE condition selects, as a subquery taking that condition's
    # parameter: lets a newest-first page walk the date index (see _Search._newest).
    driver: str = ""

    @property
    def filter_id(self) -> str:
        # "+" keeps "rowid IN (...)" away from FTS5, which would look up each id separately.
        return "+" + self.id if self.fts else self.id


@dataclass(slots=True)
class Sql:
    """WHERE conditions on ``a`` (the article row) with their parameters."""

    where: list[str] = field(default_factory=list)
    params: list[Any] = field(default_factory=list)

    def add(self, condition: str, *params: Any) -> None:
        self.where.append(condition)
        self.params.extend(params)

    def clause(self, id_expression: str) -> str:
        where = " AND ".join(self.where) if self.where else "1"
        return where.replace("@id", id_expression)


def one_actor(name: str, sql: Sql, meta: str) -> Source:
    """Articles naming one actor, the most mentions first, read in that order from the index."""
    sql.where.insert(0, "m.actor_id = (SELECT id FROM actor WHERE name = ?)")
    sql.params.insert(0, name)
    return Source(
        "mention m INDEXED BY mention_actor_count " + meta.format("m.article_id"),
        "m.article_id",
        "-m.count",
        rank_order="m.count DESC, m.article_id DESC",
        driver=f"SELECT m.article_id FROM mention m WHERE {sql.where[0]}",
    )


def marks(values: Any) -> str:
    return ",".join("?" * len(values))
