"""Statements a search finds: quotes, not articles (``reader quotes QUERY``, the statements view).

With ``said:`` the statements listed are the ones that match its terms (and are spoken
by a ``speaker:`` of the query, when it names one), in the articles that match the
rest of the query; without it, the quotes of the matching articles (by the query's
speakers, when it names any). The articles come from the same SQL as
:func:`reader.search.search` (:func:`reader.search.service.selection`), the hits from
the same highlighter, so the list, the article search and the marks never disagree.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass, replace
from typing import Any

from reader.search import estimate as estimate_module
from reader.search.backend_sql import SearchSql, query_errors, search_sql
from reader.search.expr import Expr
from reader.search.highlight import Highlighter
from reader.search.models import Expansion, SearchRequest
from reader.search.query import Filters, parse_query
from reader.search.service import DEADLINE_SECONDS, TOO_LONG, Selection, selection
from reader.search.sources import bounded
from reader.store.articles import newest_article_id
from reader.store.database import Database
from reader.store.quote_rows import QUOTE_KEYS, QUOTE_SELECT, quote_dict
from reader.store.schema_facts import SAID_KINDS

# The one shape of a quote (reader.store.quote_rows) plus the article facts a list of
# statements shows.
ARTICLE_KEYS = ("published", "outlet", "title")
STATEMENT_KEYS = (*QUOTE_KEYS, *ARTICLE_KEYS)
_SELECT = QUOTE_SELECT.replace(" FROM quote q ", ", a.published, a.outlet, a.title FROM quote q ", 1)
# Newest article first (undated last), then in the article's order. Past this many matches
# a page is read by walking the date index (and stops after the page) instead of sorting
# every match: 20 ms instead of 100 for 20,000 statements at 100k (SQLite).
DATE_WALK = 2_500
# Articles a page may walk asking each whether it matches (about 40 µs each on SQLite: a
# full-text probe for the article, one per quote) rather than collecting every match first.
PROBED_ARTICLES = 2_000


@dataclass(frozen=True, slots=True)
class StatementsResult:
    """A page of statements (each a dict of :data:`STATEMENT_KEYS` plus ``spans``, the hit
    offsets inside ``text``), the number of all matching ones and the expansions used."""

    quotes: tuple[dict[str, Any], ...]
    total: int
    expansions: tuple[Expansion, ...] = ()
    notes: str | None = None  # about the query (unknown filters, refused prefixes); it ran
    error: str | None = None  # the query could not run; ``quotes`` is empty
    estimated: bool = False  # ``total`` is an estimate (see ``estimate`` of search_statements)


def search_statements(
    db: Database,
    query: str | SearchRequest,
    limit: int | None = 50,
    offset: int = 0,
    *,
    speaker: str | None = None,
    article_id: int | None = None,
    kind: str | None = None,
    estimate: bool = False,
) -> StatementsResult:
    """The statements ``query`` finds, newest article first; never raises on user input.

    ``query`` is the query language (or the app's whole request: its tag, actor and
    reviewed filters narrow the articles too). ``speaker`` means ``speaker:"NAME"`` in the
    query; ``article_id`` and ``kind`` narrow the quotes. ``limit=None`` lists all.
    ``estimate``: a page of a very large match (at least
    :data:`reader.search.estimate.ESTIMATE_ABOVE` statements) may come with its total
    estimated from a sample of the archive (``StatementsResult.estimated``), as searches do.
    """
    request = query if isinstance(query, SearchRequest) else SearchRequest(query=query)
    if speaker is not None and speaker.replace('"', " ").strip():
        request = replace(request, query=f'{request.query} speaker:"{speaker.replace(chr(34), " ")}"')
    if kind is not None and kind not in SAID_KINDS:
        return StatementsResult((), 0, error=f"unknown kind '{kind}' (direct or indirect)")
    try:
        estimate = estimate and limit is not None and article_id is None
        return _run(db, selection(db, request), request, article_id, kind, limit, max(0, offset), estimate)
    except query_errors(db) as error:
        if search_sql(db).stopped(error):
            return StatementsResult((), 0, error=TOO_LONG)
        return StatementsResult((), 0, error=f"the search could not run ({error})")


Conditions = tuple[list[str], list[Any]]


def _article_conditions(
    chosen: Selection, request: SearchRequest, article_id: int | None, of: str
) -> Conditions:
    """Conditions on the article id ``of`` a quote: the request's articles, ``article_id``."""
    where: list[str] = []
    params: list[Any] = []
    if _narrows_articles(request):
        where.append(f"{of} IN (SELECT {chosen.id} FROM {chosen.source} WHERE {chosen.where})")
        params += chosen.params
    if article_id is not None:
        where.append(f"{of} = ?")
        params.append(int(article_id))
    return where, params


def _quote_conditions(
    q: SearchSql, said: Expr, speakers: list[str] | None, kind: str | None, probe: bool = False
) -> Conditions:
    """Conditions on the quote row ``q``: a matching statement (by ``speakers``), its kind;
    ``probe``: asked of each quote in turn (see ``statement_where``)."""
    where: list[str] = []
    params: list[Any] = []
    if said:
        condition, values = q.statement_where(said, speakers, probe)
        where.append(condition)
        params += values
    elif speakers is not None:
        condition, values = q.one_of("q.speaker", speakers)
        where.append(condition)
        params += values
    if kind is not None:
        where.append("q.kind = ?")
        params.append(kind)
    return where, params


def _dense(db: Database, total: int, needed: int) -> bool:
    """Whether a walk of the newest articles meets ``needed`` of ``total`` statements within
    :data:`PROBED_ARTICLES` articles (statements spread about evenly over time)."""
    articles = newest_article_id(db)
    return needed * articles <= PROBED_ARTICLES * total


def _narrows_articles(request: SearchRequest) -> bool:
    """Whether the request says more about the articles than its speaker: and said: do
    (those two are checked on the quote itself)."""
    parsed = parse_query(request.query)
    others = replace(parsed.filters, speaker=())
    return bool(
        parsed.groups or parsed.excluded or others != Filters() or request.tag or request.actor
        or request.reviewed is not None or request.outlet or request.date_from or request.date_to
    )  # fmt: skip


def _run(
    db: Database,
    chosen: Selection,
    request: SearchRequest,
    article_id: int | None,
    kind: str | None,
    limit: int | None,
    offset: int,
    estimate: bool = False,
) -> StatementsResult:
    plan = chosen.plan
    assert plan is not None
    q = search_sql(db)
    named = [names for names in chosen.speakers if names is not None]
    speakers = sorted({name for names in named for name in names}) if named else None
    # Articles chosen by a full-text match are read without said:, which each statement is
    # asked anyway (the match of a dense word would otherwise be read twice over); other
    # narrowings (an outlet, a tag) are cheaper read through the statements' articles.
    lean = selection(db, request, said=False, meta=False) if plan.said and chosen.fts else None
    articles, article_params = _article_conditions(lean or chosen, request, article_id, "q.article_id")
    quotes_where, quote_params = _quote_conditions(q, plan.said, speakers, kind)
    where = [*articles, *quotes_where]
    params = [*article_params, *quote_params]
    clause = " WHERE " + " AND ".join(where) if where else ""
    counted = None
    if plan.said and speakers is None and kind is None:
        counted = q.statements_count(
            plan.said, lambda of: _article_conditions(lean or chosen, request, article_id, of)
        )
    total_sql, total_params = counted or (f"SELECT count(*) FROM quote q{clause}", params)
    total_sql, clause = bounded(total_sql, None), bounded(clause, None)  # every statement, no window
    # A page for the screen runs under the search's time limit and settings; a whole
    # listing (an export) is waited for.
    limited = q.deadline(db, DEADLINE_SECONDS) if limit is not None else contextlib.nullcontext()
    with limited:
        estimated = _estimated_total(db, chosen, request, q, plan.said, speakers, kind) if estimate else None
        total = estimated if estimated is not None else int(db.execute(total_sql, total_params).fetchone()[0])
        if total > DATE_WALK and limit is not None and _dense(db, total, offset + limit):
            # So many that most articles hold one: the page walks the newest articles and
            # asks each whether it matches, instead of collecting every match first (the
            # whole index of a dense word: 760,000 articles at 1M).
            clause, params = _probes(db, request, q, plan.said, speakers, kind, lean)
        page = f" LIMIT {max(0, int(limit))} OFFSET {offset}" if limit is not None else (
            f" LIMIT {q.no_limit} OFFSET {offset}" if offset else ""
        )  # fmt: skip
        select, order = q.statements_page(_SELECT, walk=total > DATE_WALK)
        rows = db.execute(f"{select}{clause} ORDER BY {order}{page}", params).fetchall() if total else []
    highlighter = Highlighter(plan.said_marks if plan.said else plan.marks)
    quotes = []
    for row in rows:
        quote = quote_dict(row[: len(QUOTE_KEYS)])
        quote.update(zip(ARTICLE_KEYS, row[len(QUOTE_KEYS) :], strict=True))
        quote["spans"] = [list(span) for span in highlighter.spans(quote["text"])]
        quotes.append(quote)
    expansions = tuple(plan.expansions)
    return StatementsResult(tuple(quotes), total, expansions, chosen.notes, estimated=estimated is not None)


def _estimated_total(
    db: Database, chosen: Selection, request: SearchRequest, q: SearchSql, said: Expr,
    speakers: list[str] | None, kind: str | None,
) -> int | None:
    """The number of matching statements scaled up from the windows of article ids an
    estimate samples (:mod:`reader.search.estimate`), or None when it is not large (or a
    condition cannot be read by window)."""
    max_id = newest_article_id(db)
    if max_id < estimate_module.ESTIMATE_ABOVE:
        return None
    counted = sampled = 0
    narrows = _narrows_articles(request)
    for index, window in enumerate(estimate_module.windows(max_id)):
        where, params = [f"q.article_id BETWEEN {window[0]} AND {window[1]}"], []
        if narrows:
            articles = chosen.windowed(window)
            if articles is None:
                return None
            where.append(f"q.article_id IN (SELECT {chosen.id} FROM {chosen.source} WHERE {articles})")
            params += chosen.params
        quotes_where, quote_params = _quote_conditions(q, said, speakers, kind)
        sql = bounded(f"SELECT count(*) FROM quote q WHERE {' AND '.join([*where, *quotes_where])}", window)
        counted += int(db.execute(sql, [*params, *quote_params]).fetchone()[0])
        sampled += window[1] - window[0] + 1
        if estimate_module.small_so_far(index, counted, sampled, max_id):
            return None
    total = counted * max_id // max(sampled, 1)
    return estimate_module.rounded(total) if total >= estimate_module.ESTIMATE_ABOVE else None


def _probes(
    db: Database, request: SearchRequest, q: SearchSql, said: Expr, speakers: list[str] | None,
    kind: str | None, lean: Selection | None = None,
) -> tuple[str, list[Any]]:
    """The WHERE clause of a page that asks each article and quote walked whether it matches."""
    where: list[str] = []
    params: list[Any] = []
    if _narrows_articles(request):
        chosen = lean or selection(db, request, said=False, meta=False)  # said: is asked of each quote
        if chosen.fts:  # the full-text index finds one article's row by its id
            # (q.article_id: the outer article may share the alias `a` with the selection's)
            found = f"SELECT 1 FROM {chosen.source} WHERE {chosen.where} AND {chosen.id} = q.article_id"
            where.append(f"EXISTS ({found})")
        else:
            where.append(f"q.article_id IN (SELECT {chosen.id} FROM {chosen.source} WHERE {chosen.where})")
        params += chosen.params
    quotes_where, quote_params = _quote_conditions(q, said, speakers, kind, probe=True)
    conditions = [*where, *quotes_where]
    clause = " WHERE " + " AND ".join(conditions) if conditions else ""
    return bounded(clause, None), [*params, *quote_params]
