"""What a search asks of its store's SQL: one implementation per backend.

The service (:mod:`reader.search.service`), ``said:`` (:mod:`reader.search.said`), the
statements view and bulk selection build their queries from these pieces and never
test which store they run on; :mod:`reader.search.sqlite_sql` writes them for FTS5,
:mod:`reader.search.postgres_sql` for ``tsvector`` columns. :func:`search_sql` picks the
one of a database through :func:`reader.store.backend.backend_of`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager
from typing import Any, Protocol

from reader.search.expr import Expr
from reader.search.sources import Source, Sql

Part = tuple[str, list[Any]]  # SQL text and its parameters


class SearchSql(Protocol):
    """The backend-specific pieces of a search's SQL (see the module)."""

    meta: str  # joins the article row as ``a`` on the id ``{}`` (for dates and outlets)
    no_limit: str  # LIMIT for "all rows" with an OFFSET
    rank_all: int  # up to this many text matches are all ranked in one pass (see service._page)

    # -- article matches ------------------------------------------------------------------
    def text_source(self, match: Expr, sql: Sql, meta: str) -> Source:
        """Articles whose text matches ``match``, ranked; inserts the match as ``sql``'s first condition."""
        ...

    def matching(self, match: Expr) -> Part:
        """A subquery of the ids of the articles whose text matches ``match``."""
        ...

    def one_actor(self, name: str, sql: Sql, meta: str, ranked: bool = True) -> Source: ...

    def actor_union(self, actors: Sequence[str], text: Expr, meta: str) -> Source:
        """Articles naming any of ``actors`` or matching ``text``, the most mentions first."""
        ...

    def listing(self, index: str) -> str:
        """The article table as ``a``, read through ``index`` where the store needs telling."""
        ...

    def strip_meta(self, source_sql: str) -> str:
        """``source_sql`` without the join of the article row (for counting)."""
        ...

    # -- filters --------------------------------------------------------------------------
    def one_of(self, column: str, values: Sequence[str], *, any_case: bool = False) -> Part:
        """``column`` is one of ``values`` (in any case: outlets)."""
        ...

    def speakers_of_article(self, names: Sequence[str]) -> Part:
        """``@id`` has a quote by one of ``names``."""
        ...

    def same_name(self, column: str, name: str) -> Part:
        """``column`` equals ``name``, ignoring case (tag names)."""
        ...

    def contains_text(self, column: str, pattern: str) -> Part:
        """``column`` matches the LIKE ``pattern`` in any case (notes)."""
        ...

    def newest(self, id_expression: str) -> str:
        """ORDER BY newest first (undated last), then the highest id."""
        ...

    def nth_highest(self, id_expression: str, matches: str) -> str:
        """A SELECT of the id of the match at offset ``?`` from the highest id, of the matches
        ``FROM ... WHERE ...`` (``matches``)."""
        ...

    stored_outlets: str  # SELECT of every outlet spelling stored, one per spelling in any case

    # -- statements -----------------------------------------------------------------------
    def statement_where(self, said: Expr, speakers: Sequence[str] | None, probe: bool = False) -> Part:
        """Conditions on a quote ``q``: a statement matching ``said`` (by one of ``speakers``);
        ``probe``: asked of each quote in turn rather than of every match collected first."""
        ...

    def said_articles(self, said: Expr, speakers: Sequence[str] | None) -> Part:
        """A SELECT of ``article_id`` of the articles with such a statement."""
        ...

    def said_on_row(self, said: Expr) -> Part | None:
        """A condition on the article row ``a``: it has a statement matching ``said`` (any
        speaker), where the store keeps an article's statements on its row (PostgreSQL);
        None: the articles come from :meth:`said_articles`."""
        ...

    def statements_count(
        self, said: Expr, articles: Callable[[str], tuple[list[str], list[Any]]]
    ) -> Part | None:
        """A cheaper count of the statements matching ``said`` (any speaker, any kind) in
        the articles ``articles(id expression)`` asks for; None: count the quote rows."""
        ...

    def statements_page(self, select: str, walk: bool) -> tuple[str, str]:
        """The statements SELECT (``select`` as the store writes it) and ORDER BY: in date
        order, and for a large match (``walk``) one that walks the date index."""
        ...

    # -- running --------------------------------------------------------------------------
    errors: tuple[type[BaseException], ...]  # what a query that cannot run raises

    def stopped(self, error: BaseException) -> bool:
        """Whether ``error`` is the :meth:`deadline` stopping a query."""
        ...

    def deadline(self, db: Any, seconds: float) -> AbstractContextManager[None]:
        """Stop any statement still running ``seconds`` from now."""
        ...

    def window_scans(self, db: Any) -> AbstractContextManager[None]:
        """While the newest matches' window is read: matches and ids both from their indexes."""
        ...


def search_sql(db: Any) -> SearchSql:
    """The search SQL of ``db``'s store."""
    from reader.store.backend import backend_of

    return backend_of(db).search_sql()


def query_errors(db: Any) -> tuple[type[BaseException], ...]:
    """What a search on ``db`` may raise for a query that cannot run (user input included)."""
    return (*search_sql(db).errors, ValueError, RecursionError)
