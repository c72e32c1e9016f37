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
    # The first WHERE condition restated on the article row ``a`` (same parameter): lets a
    # newest-first page walk the date index (see _Search._newest).
    driver: str = ""
    count_sql: str = ""  # the FROM clause for counting, when lighter than ``sql``

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


def one_actor(name: str, sql: Sql, meta: str, ranked: bool = True) -> Source:
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


def marks(values: Any) -> str:
    return ",".join("?" * len(values))
