"""The pieces a search's SQL is built from: the driving FROM clause and WHERE conditions.

Each store writes its own (:mod:`reader.search.sqlite_sql`, :mod:`reader.search.postgres_sql`);
what is portable is here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

# A subquery's bound on the article ids it yields, ``@window[AND](COLUMN,SHIFT)``: nothing
# for a whole search, `` AND COLUMN BETWEEN ...`` (or `` WHERE ...``) when the search reads one
# range of ids (an estimate's sample, the newest matches it ranks), so that the subquery reads
# that range, not the archive. ``SHIFT``: the column holds the article id shifted left (a
# statement's rowid in quote_fts).
_WINDOW = re.compile(r" @window\[(AND|WHERE)\]\(([^,()]+),(\d+)\)")
Window = tuple[int, int]  # inclusive article ids


def in_window(column: str, shift: int = 0, joiner: str = "AND") -> str:
    """The clause (`` AND …``, or `` WHERE …`` as a subquery's first) that bounds its
    ``column`` to the search's window of ids; written after the subquery's conditions."""
    return f" @window[{joiner}]({column},{shift})"


def bounded(sql: str, window: Window | None) -> str:
    """``sql`` with every :func:`in_window` clause made real for ``window`` (or dropped)."""

    def bound(match: re.Match[str]) -> str:
        if window is None:
            return ""
        joiner, column, shift = match.group(1), match.group(2), int(match.group(3))
        low, high = int(window[0]) << shift, ((int(window[1]) + 1) << shift) - 1
        return f" {joiner} {column} BETWEEN {low} AND {high}"

    return _WINDOW.sub(bound, sql)


def follows_the_window(conditions: str) -> bool:
    """Whether every subquery of ``conditions`` (before :func:`bounded`) is bounded by the
    window: one that is not would be read whole for every window."""
    return conditions.lower().count("select") <= conditions.count("@window[")


MENTIONED = (
    "SELECT m.article_id FROM mention m JOIN actor ac ON ac.id = m.actor_id WHERE ac.name IN ({})"
    + in_window("m.article_id")
)


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
    # Whether reading one range of ids costs less than the whole match: not for a prefix
    # (`kecur*`), whose terms' doclists FTS5 merges whole for each query (11 ms at 1M).
    seeks: bool = True

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

    def clause(self, id_expression: str, window: Window | None = None) -> str:
        """The conditions on ``id_expression``; with ``window``, the id and every subquery
        kept to that range of ids (the outer bound makes a bounded ``NOT IN`` exact)."""
        where = " AND ".join(self.where) if self.where else "TRUE"
        if window is not None:
            # On the id itself, not its "+" form: the full-text index seeks to the range.
            where += f" AND {id_expression.lstrip('+')} BETWEEN {int(window[0])} AND {int(window[1])}"
        return bounded(where.replace("@id", id_expression), window)

    def follows_the_window(self) -> bool:
        return follows_the_window(" AND ".join(self.where))


def marks(values: Any) -> str:
    return ",".join("?" * len(values))


# How many of a match's articles are reviewed, and how many of those by the analyst named by
# the one parameter: the one way every count of a search (exact, estimated, the app's
# recount) counts them, over ``review_join``.
REVIEWED_COUNTS = "count(r.article_id), count(CASE WHEN lower(r.reviewed_by) = lower(?) THEN 1 END)"


def review_join(article_id: str) -> str:
    """The join ``REVIEWED_COUNTS`` counts over: the match's reviewed articles' marks as ``r``."""
    return f"LEFT JOIN review r ON r.article_id = {article_id} AND r.reviewed = 1"
