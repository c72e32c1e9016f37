"""Every article a search matches, not a page of it: for bulk tags, export and the timeline.

Built on :func:`reader.search.service.selection`, so a bulk action or an export
touches exactly the articles the same request lists in the app and in
``reader search``. Unlike :func:`reader.search.search` these raise
:class:`reader.errors.ReaderError` when the query cannot run, and have no deadline.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from reader.errors import ReaderError
from reader.search.backend_sql import query_errors, search_sql
from reader.search.models import SearchRequest
from reader.search.service import Selection, searcher, selection
from reader.search.sources import REVIEWED_COUNTS, review_join
from reader.store.database import Database

ORDERS = {
    "date": "a.published IS NULL, a.published DESC, {id} DESC",  # newest first, undated last
    "oldest": "a.published IS NULL, a.published, {id}",  # oldest first, undated last
    "id": "{id}",
}


@dataclass(frozen=True, slots=True)
class Counts:
    total: int
    reviewed: int
    newer: int  # matches with an id above the ``since_id`` asked about
    mine: int = 0  # of ``reviewed``, those the request's analyst reviewed


@dataclass(frozen=True, slots=True)
class Timeline:
    days: tuple[tuple[str, int], ...]  # (YYYY-MM-DD, articles), only days with articles
    undated: int

    @property
    def total(self) -> int:
        return sum(count for _day, count in self.days) + self.undated


def _selection(db: Database, request: SearchRequest) -> Selection:
    try:
        return selection(db, request)
    except query_errors(db) as error:
        raise ReaderError(f"the search could not run ({_first_line(error)})") from error


def _run(db: Database, sql: str, params: tuple[object, ...]) -> Any:
    try:
        return db.execute(sql, list(params))
    except search_sql(db).errors as error:
        raise ReaderError(f"the search could not run ({_first_line(error)})") from error


def _first_line(error: BaseException) -> str:
    lines = str(error).strip().splitlines()
    return lines[0] if lines else type(error).__name__


def matching_ids(db: Database, request: SearchRequest, order: str = "date") -> Iterator[int]:
    """Ids of every match of ``request``, streamed from a cursor (newest first by default)."""
    chosen = _selection(db, request)
    ordering = ORDERS[order].format(id=chosen.id)
    cursor = _run(
        db,
        f"SELECT {chosen.id} FROM {chosen.source} WHERE {chosen.where} ORDER BY {ordering}",
        chosen.params,
    )
    for (article_id,) in cursor:
        yield int(article_id)


def count_matching(db: Database, request: SearchRequest, since_id: int = 0) -> Counts:
    """How many articles match, how many of them are reviewed (and by the request's analyst),
    how many have ids above ``since_id``."""
    chosen = _selection(db, request)
    row = _run(
        db,
        f"SELECT count(*), {REVIEWED_COUNTS}, count(CASE WHEN {chosen.id} > ? THEN 1 END) "
        f"FROM {chosen.source} {review_join(chosen.id)} WHERE {chosen.where}",
        (searcher(request), since_id, *chosen.params),
    ).fetchone()
    return Counts(int(row[0]), int(row[1]), int(row[3]), mine=int(row[2]))


def timeline(db: Database, request: SearchRequest) -> Timeline:
    """Matching articles per publication day, oldest day first; undated ones counted apart."""
    chosen = _selection(db, request)
    rows = _run(
        db,
        f"SELECT substr(a.published, 1, 10) AS day, count(*) FROM {chosen.source} "
        f"WHERE {chosen.where} GROUP BY day ORDER BY day",
        chosen.params,
    ).fetchall()
    undated = sum(count for day, count in rows if not day)
    return Timeline(tuple((day, int(count)) for day, count in rows if day), undated)


def notes(db: Database, request: SearchRequest) -> str | None:
    """What the search would report about the query (unknown filters, refused prefixes)."""
    return _selection(db, request).notes
