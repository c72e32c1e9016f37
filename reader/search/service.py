"""Running a search: the plan's SQL on the store's full-text index, totals, hits with snippets.

:func:`search` never raises on user input: a query that cannot run comes back
with ``SearchResult.error`` set. A deadline stops a runaway query so a keystroke can
never hang the terminal app. The SQL pieces that differ between stores come from the
store's :class:`reader.search.backend_sql.SearchSql`; this module only puts them together.
"""

from __future__ import annotations

import math
from contextlib import suppress
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Any

from reader.search import estimate
from reader.search.backend_sql import query_errors, search_sql
from reader.search.expr import has_prefix
from reader.search.hits import build_hits, hit_offsets
from reader.search.models import SORTS, SearchRequest, SearchResult, date_order
from reader.search.outlets import resolve_outlet, stored_outlets
from reader.search.plan import Plan, Planner
from reader.search.query import ME, Filters, parse_query
from reader.search.request_filters import merge_filters, uses_meta
from reader.search.said import add_said, said_parts, said_source
from reader.search.sources import (
    MENTIONED,
    REVIEWED_COUNTS,
    Source,
    Sql,
    Window,
    follows_the_window,
    in_window,
    marks,
    review_join,
)
from reader.store.analyst import analyst_name, same_analyst
from reader.store.articles import newest_article_id
from reader.store.database import Database
from reader.store.notes import like_pattern
from reader.store.speakers import resolve_actor, resolve_speaker
from reader.text.tokenize import tokens

DEADLINE_SECONDS = 2.0
TOO_LONG = "the search took too long; add words or filters to narrow it"
RANK_WINDOW = 2_500  # matches ranked at most (the newest); see _Search._windowed
MAX_LIMIT = 1_000

__all__ = ["hit_offsets", "parse_query", "search", "searcher", "warm_up"]


def searcher(request: SearchRequest) -> str:
    """The analyst a search runs for: ``reviewed:me`` and the "by you" count mean them."""
    return analyst_name(request.user)


def search(db: Database, request: SearchRequest) -> SearchResult:
    """One page of articles matching ``request``, with totals and the expansions used."""
    try:
        return _Search(db, request).run()
    except query_errors(db) as error:
        if search_sql(db).stopped(error):
            return _empty(request, TOO_LONG)
        return _empty(request, f"the search could not run ({_first_line(error)})")


def _first_line(error: BaseException) -> str:
    lines = str(error).strip().splitlines()  # a server's message can add LINE and HINT lines
    return lines[0] if lines else type(error).__name__


@dataclass(frozen=True, slots=True)
class Selection:
    """Every article a request matches: ``SELECT {id} FROM {source} WHERE {where}``.

    Built by the same planner and SQL as :func:`search` (no paging, no ranking);
    ``source`` always has the article row as ``a``, for dates and ordering.
    """

    source: str
    id: str
    where: str
    params: tuple[Any, ...]
    notes: str | None = None  # what search() would report in SearchResult.error
    plan: Plan | None = None  # the query's plan (expansions, marks, said: expression)
    speakers: tuple[list[str] | None, ...] = ()  # the names each speaker: filter means
    # ``where`` before rendering, so that it can be read over one window of ids
    # (:meth:`windowed`), and whether the full-text index drives it.
    conditions: tuple[str, ...] = ()
    filter_id: str = ""
    fts: bool = False
    seeks: bool = True  # see Source.seeks

    def windowed(self, window: Window) -> str | None:
        """``where`` with the ids and every subquery kept to ``window``; None when some
        subquery cannot be bounded (it would be read whole for each window)."""
        sql = Sql(list(self.conditions))
        if not (self.seeks and follows_the_window(self.source) and sql.follows_the_window()):
            return None
        return sql.clause(self.filter_id, window)


def selection(db: Database, request: SearchRequest, said: bool = True, meta: bool = True) -> Selection:
    """The SQL for all of ``request``'s matches; raises what :func:`query_errors` names.

    ``said=False`` leaves the ``said:`` condition out (a caller that checks it on each
    statement itself); ``meta=False`` joins the article row as ``a`` only where a filter
    needs it."""
    runner = _Search(db, request, said_articles=said)
    plan, source, sql = runner.prepare(needs_meta=meta)
    params = (*source.params, *sql.params)
    notes = "; ".join(dict.fromkeys(runner.problems)) or None
    where = sql.clause(source.filter_id)
    return Selection(
        source.sql if meta else source.count_sql or source.sql, source.id, where, params, notes, plan,
        tuple(runner.speakers), tuple(sql.where), source.filter_id, source.fts, source.seeks,
    )  # fmt: skip


def warm_up(db: Database) -> None:
    """Build the actor catalogue's alias index and touch the vocabulary's pages now rather
    than on the first keystroke; call it from a background worker."""
    with suppress(*query_errors(db)):
        Planner(db).vocab.corrections("pemilu")


def _empty(request: SearchRequest, error: str | None) -> SearchResult:
    return SearchResult(
        request=request,
        hits=(),
        total=0,
        reviewed_total=0,
        expansions=(),
        error=error,
        failed=True,
        reviewed_by_you=0,
    )


class _Search:
    def __init__(self, db: Database, request: SearchRequest, said_articles: bool = True) -> None:
        self.db = db
        self.said_articles = said_articles  # said: narrows the articles (not when checked per quote)
        self.q = search_sql(db)
        self.request = request
        self.problems: list[str] = []
        self.planner = Planner(db)
        self.listing_actor: str | None = None  # an actor: filter that drives a listing
        self.reviewed_filter: bool | None = None
        self.reviewers: tuple[str, ...] = ()  # reviewer: names, reviewed:me as the searcher's
        self.me = searcher(request)
        self.said: list[tuple[str, list[Any]]] = []  # said: article subqueries (see _filters)
        self.said_on_row: list[tuple[str, list[Any]]] = []  # said: as conditions on the article row
        self.speakers: list[list[str] | None] = []  # the names each speaker: filter means

    def run(self) -> SearchResult:
        request = self.request
        if request.sort not in SORTS:
            self.problems.append(f"unknown sort '{request.sort}'; sorting by relevance")
        limit = max(0, min(int(request.limit), MAX_LIMIT))
        offset = max(0, int(request.offset))
        by_date = date_order(request.sort)
        # Planning reads the vocabulary and the catalogue: not under the deadline.
        plan, source, sql = self.prepare(needs_meta=by_date is not None)
        with self.q.deadline(self.db, DEADLINE_SECONDS):
            estimated = self._estimate(source, sql) if request.estimate else None
            total, reviewed_total, mine = estimated or self._count(source, sql, request.count_reviewed)
            ids = self._page(source, sql, by_date, limit, offset, total)
            hits = build_hits(self.db, ids, plan)
        return SearchResult(
            request=request,
            hits=hits,
            total=total,
            reviewed_total=reviewed_total,
            reviewed_by_you=mine,
            expansions=tuple(plan.expansions),
            error="; ".join(dict.fromkeys(self.problems)) or None,
            estimated=estimated is not None,
        )

    def prepare(self, needs_meta: bool = False) -> tuple[Plan, Source, Sql]:
        """Plan the query and build its FROM clause and WHERE conditions."""
        parsed = parse_query(self.request.query)
        self.problems.extend(parsed.problems)
        plan = self.planner.build(parsed)
        filters = merge_filters(parsed, self.request)
        sql = Sql()
        self._filters(filters, plan, sql)
        on_row = uses_meta(filters) or bool(self.said_on_row)  # conditions read the article row
        source = self._source(plan, sql, needs_meta=needs_meta or on_row)
        if not on_row:
            # The article row is joined only for ordering by date: counting does without it.
            source.count_sql = self.q.strip_meta(source.sql)
        return plan, source, sql

    # -- FROM and score -----------------------------------------------------------------

    def _source(self, plan: Plan, sql: Sql, needs_meta: bool) -> Source:
        """The driving FROM clause: FTS matches, actor matches, or every article."""
        q = self.q
        text = [c for c in plan.clauses if not c.actors]
        actor_clauses = [c for c in plan.clauses if c.actors]
        meta = q.meta if needs_meta else ""
        if text:
            source = q.text_source(plan.text_match(), sql, meta)
        elif actor_clauses:
            # Ranked by how often the article names the actor; articles that only match
            # the typed text (a typo in the article, an alias the extractor missed) follow.
            first = actor_clauses.pop(0)
            if not first.fts and len(first.actors) == 1:
                source = q.one_actor(first.actors[0], sql, meta)
            else:
                source = q.actor_union(first.actors, first.fts, meta)
        elif self.listing_actor is not None:
            # Ordered by date: the article row is always joined.
            source = q.one_actor(self.listing_actor, sql, q.meta, ranked=False)
        elif self.said:
            source = said_source(self.said.pop(0), q.meta)  # newest first, like a listing
        else:
            source = Source("article a", "a.id", "0.0")
        add_said(sql, self.said, self.said_on_row)
        if plan.excluded and not text:
            matching, params = q.matching(plan.excluded)
            sql.add(f"@id NOT IN ({matching})", *params)
        for clause in actor_clauses:
            mentioned = MENTIONED.format(marks(clause.actors))
            if clause.fts:
                matching, params = q.matching(clause.fts)
                sql.add(f"(@id IN ({matching}) OR @id IN ({mentioned}))", *params, *clause.actors)
            else:
                sql.add(f"@id IN ({mentioned})", *clause.actors)
        if source.sql == "article a" and sql.where:
            # Filtered listing: the covering index spares reading the (large) article rows.
            source.sql = q.listing("article_search_meta")
        matched = (plan.text_match(), plan.excluded, plan.said, *(c.fts for c in plan.clauses))
        source.seeks = not any(has_prefix(expression) for expression in matched)
        return source

    # -- filters --------------------------------------------------------------------------

    def _filters(self, filters: Filters, plan: Plan, sql: Sql) -> None:
        for index, name in enumerate(filters.actor):
            canonical = self._actor_name(name, plan)
            if index == 0 and canonical and not plan.clauses and not plan.excluded:
                self.listing_actor = canonical  # read from the mention index (see _source)
                continue
            sql.add(
                "@id IN (SELECT m.article_id FROM mention m JOIN actor ac ON ac.id = m.actor_id "
                f"WHERE ac.name = ?{in_window('m.article_id')})",
                canonical or "",
            )
        self.speakers = [self._speakers(name, plan) for name in filters.speaker]
        if plan.said and self.said_articles:  # speaker: then means the speaker's own matching statements
            self.said, self.said_on_row = said_parts(self.q, plan.said, self.speakers)
        for speakers in self.speakers if not plan.said and self.said_articles else ():
            if speakers is not None:
                condition, params = self.q.speakers_of_article(speakers)
                sql.add(condition, *params)
        for name in filters.tag:
            condition, params = self.q.same_name("t.name", name)
            sql.add(
                "@id IN (SELECT at.article_id FROM article_tag at JOIN tag t ON t.id = at.tag_id "
                f"WHERE {condition}{in_window('at.article_id')})",
                *params,
            )
        for text in filters.note:
            if text == "*":
                sql.add("@id IN (SELECT article_id FROM article_note)")
            else:
                condition, params = self.q.contains_text("text", like_pattern(text))
                sql.add(f"@id IN (SELECT article_id FROM article_note WHERE {condition})", *params)
        for name in filters.outlet:
            condition, params = self.q.one_of("a.outlet", self._outlets(name, plan), any_case=True)
            sql.add(condition, *params)
        self.reviewed_filter = filters.reviewed
        if filters.reviewed is not None:
            negation = "" if filters.reviewed else "NOT "
            reviewed = f"SELECT article_id FROM review WHERE reviewed = 1{in_window('article_id')}"
            sql.add(f"@id {negation}IN ({reviewed})")
        self.reviewers = tuple(self.me if name == ME else name.replace("\0", "") for name in filters.reviewer)
        for name in self.reviewers:  # an analyst no one knows matches nothing
            sql.add("@id IN (SELECT article_id FROM review WHERE reviewed = 1 AND "
                    f"lower(reviewed_by) = lower(?){in_window('article_id')})", name)  # fmt: skip
        if filters.date_from:
            sql.add("a.published >= ?", filters.date_from)
        if filters.date_to:
            day_after = date.fromisoformat(filters.date_to) + timedelta(days=1)
            sql.add("a.published < ?", day_after.isoformat())

    def _actor_name(self, name: str, plan: Plan) -> str | None:
        """The identity ``name`` refers to (the one resolver: catalogue, then the actors stored)."""
        resolved = resolve_actor(self.db, name, self.planner.catalogue)
        canonical = resolved.names[0] if resolved.names else None
        if canonical is None:
            self.problems.append(f"no actor matches '{name}'")
        elif canonical != name:
            plan.add_expansion("actor", name, canonical)
        return canonical

    def _outlets(self, name: str, plan: Plan) -> list[str]:
        """The stored outlet spellings ``name`` means (``Kompas.com`` → ``kompas``)."""
        found = resolve_outlet(name, stored_outlets(self.db))
        if not found.names:
            self.problems.append(f"no outlet matches '{name}'")
        elif [n.casefold() for n in found.names] != [name.casefold()]:
            plan.add_expansion("outlet", name, ", ".join(found.names))
        return list(found.names)

    def _speakers(self, name: str, plan: Plan) -> list[str] | None:
        """The stored speaker names of the identities ``name`` means (the one resolver,
        as ``reader quotes --speaker``); None when it has no words."""
        if not tokens(name):
            return None
        resolved = resolve_speaker(self.db, name, self.planner.catalogue)
        target = resolved.target()
        if target is not None:
            plan.add_expansion("speaker", name, target)
        return list(resolved.speaker_names)

    # -- queries --------------------------------------------------------------------------

    def _estimate(self, source: Source, sql: Sql) -> tuple[int, int, int] | None:
        """Totals scaled up from a sample of the ids, for a match too large to count at once."""
        return estimate.estimate(self.db, source, sql, newest_article_id(self.db), self.me)

    def _count(self, source: Source, sql: Sql, with_reviewed: bool) -> tuple[int, int | None, int | None]:
        """(total, reviewed, reviewed by the searcher); the last two None when left for later."""
        if source.id == "a.id" and not sql.where:  # every article: the counts read indexes only
            row = self.db.execute(
                "SELECT (SELECT count(*) FROM article), (SELECT count(*) FROM review WHERE reviewed = 1), "
                "(SELECT count(*) FROM review WHERE reviewed = 1 AND lower(reviewed_by) = lower(?))",
                [self.me],
            ).fetchone()
            return int(row[0]), int(row[1]), int(row[2])
        where = sql.clause(source.filter_id)
        params = [*source.params, *sql.params]
        reviewed, mine = self._decided()
        if mine is not None or not with_reviewed:  # mine decided: reviewed is decided too
            total = int(self.db.execute(f"SELECT count(*) FROM {source.count_sql or source.sql} "
                                        f"WHERE {where}", params).fetchone()[0])  # fmt: skip
            if reviewed is None:
                return total, None, None
            return total, total if reviewed else 0, None if mine is None else (total if mine else 0)
        row = self.db.execute(
            f"SELECT count(*), {REVIEWED_COUNTS} FROM {source.count_sql or source.sql} "
            f"{review_join(source.id)} WHERE {where}",
            [self.me, *params],
        ).fetchone()
        return int(row[0]), int(row[1]), int(row[2])

    def _decided(self) -> tuple[bool | None, bool | None]:
        """Whether every match is reviewed, and by the searcher, when the filters alone say so
        (reviewed:yes/no; reviewer: names, an article having one reviewer); None: counted."""
        if self.reviewed_filter is False:
            return False, False
        if self.reviewers:
            return True, all(same_analyst(name, self.me) for name in self.reviewers)
        return self.reviewed_filter, None

    def _page(
        self, source: Source, sql: Sql, by_date: str | None, limit: int, offset: int, total: int
    ) -> list[tuple[int, float]]:
        if limit == 0 or offset >= total:
            return []
        if by_date == "ASC":
            # Oldest first, undated last: the order cannot walk the date index, so it sorts.
            order = f"a.published IS NULL, a.published, {source.id}"
            return self._select(source, sql, order, limit, offset)
        if (by_date or source.score == "0.0") and source.driver and total > RANK_WINDOW:
            return self._newest(source, sql, limit, offset)
        if by_date or source.score == "0.0":
            if source.sql.startswith("article a") and total > RANK_WINDOW:
                # Many matches: walking the date index stops after one page.
                source = replace(source, sql=self.q.listing("article_published"))
            # The article table or the meta index is joined as ``a`` here.
            return self._select(source, sql, self.q.newest(source.id), limit, offset)
        if not source.fts or total <= self.q.rank_all:
            # Up to rank_all matches ranking them all costs less than a second pass to find the newest.
            order = source.rank_order or f"score, {source.id} DESC"
            return self._select(source, sql, order, limit, offset)
        return self._windowed(source, sql, limit, offset, total)

    def _newest(self, source: Source, sql: Sql, limit: int, offset: int) -> list[tuple[int, float]]:
        """Newest first for a large match: walk the date index and stop after one page,
        instead of sorting every match."""
        newest = Sql([source.driver, *sql.where[1:]], list(sql.params))
        source = Source(self.q.listing("article_published"), "a.id", "0.0")
        return self._select(source, newest, self.q.newest("a.id"), limit, offset)

    def _windowed(
        self, source: Source, sql: Sql, limit: int, offset: int, total: int
    ) -> list[tuple[int, float]]:
        """Relevance over the :data:`RANK_WINDOW` most recently added matches, then the rest.

        Scoring every match of a very common word costs ~2.5 µs per article (bm25); this keeps
        a keystroke's search bounded while the total stays exact.
        """
        max_id = newest_article_id(self.db)
        with self.q.window_scans(self.db):
            threshold = self._rank_threshold(source, sql, total, max_id)
            ranked = Sql([*sql.where, f"{source.id} >= {threshold}"], list(sql.params))
            found: list[tuple[int, float]] = []
            if offset < RANK_WINDOW:
                newest = (threshold, max_id)
                found = self._select(source, ranked, f"score, {source.id} DESC", limit, offset, newest)
        rest = Sql([*sql.where, f"{source.id} < {threshold}"], list(sql.params))
        if len(found) < limit and threshold > 1:
            skip = max(0, offset - RANK_WINDOW)
            found += self._select(
                source, rest, f"{source.id} DESC", limit - len(found), skip, (1, threshold - 1)
            )
        return found

    def _rank_threshold(self, source: Source, sql: Sql, total: int, max_id: int) -> int:
        """The lowest id of the :data:`RANK_WINDOW` newest matches (1: all of them).

        Read over the newest ids only, widened until it holds that many matches: the width
        is guessed from the total, so one reading usually does, and its subqueries
        (``said:``, tags, reviews) read that range, not the archive."""
        if not (source.seeks and follows_the_window(source.sql) and sql.follows_the_window()):
            matches = f"FROM {source.sql} WHERE {sql.clause(source.filter_id)}"
            row = self.db.execute(
                self.q.nth_highest(source.id, matches), [*source.params, *sql.params, RANK_WINDOW - 1]
            ).fetchone()
            return int(row[0]) if row else 1
        width = math.ceil(RANK_WINDOW * 1.25 * max_id / max(total, 1))
        while True:
            low = max(1, max_id - width + 1)
            matches = f"FROM {source.sql} WHERE {sql.clause(source.filter_id, (low, max_id))}"
            row = self.db.execute(
                self.q.nth_highest(source.id, matches), [*source.params, *sql.params, RANK_WINDOW - 1]
            ).fetchone()
            if row is not None or low == 1:
                return int(row[0]) if row else 1
            width *= 4

    def _select(
        self, source: Source, sql: Sql, order: str, limit: int, offset: int, window: Window | None = None
    ) -> list[tuple[int, float]]:
        rows = self.db.execute(
            f"SELECT {source.id}, {source.score} AS score FROM {source.sql} "
            f"WHERE {sql.clause(source.filter_id, window)} ORDER BY {order} LIMIT ? OFFSET ?",
            [*source.score_params, *source.params, *sql.params, limit, offset],
        ).fetchall()
        return [(int(i), float(s or 0.0)) for i, s in rows]
