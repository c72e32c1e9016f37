"""What a search asks for and what it returns (no Textual; shared by the CLI and the app)."""

from __future__ import annotations

from dataclasses import dataclass

SORTS = ("relevance", "newest", "oldest", "date")  # "date" is the older name of "newest"


def date_order(sort: str) -> str | None:
    """``"DESC"`` for a newest-first sort, ``"ASC"`` for oldest first, None for relevance."""
    if sort in ("date", "newest"):
        return "DESC"
    return "ASC" if sort == "oldest" else None


@dataclass(frozen=True, slots=True)
class SearchRequest:
    """One search: the user's query text plus the app's extra filters.

    ``query`` uses the query language (see :mod:`reader.search.query`); ``""``
    lists every article. ``sort`` is ``"relevance"``, ``"newest"`` (also
    ``"date"``) or ``"oldest"``; undated articles come last either way, and with an empty
    query relevance means newest first. ``reviewed``, ``tag``,
    ``actor``, ``outlet`` and the dates are AND-ed with any filters written in the query.
    ``count_reviewed=False`` leaves ``reviewed_total`` out (``None``) unless it is
    free (the whole collection, a ``reviewed:`` filter): over a very large match it
    costs more than the page and the total together, so the app asks for it
    separately (:func:`reader.search.select.count_matching`) after showing the page.
    ``estimate=True`` lets a very large full-text match (above
    :data:`reader.search.estimate.ESTIMATE_ABOVE`) be counted over a sample of the archive
    instead; the result then says ``estimated`` and both totals are approximate.
    ``user`` is the analyst searching: ``reviewed:me`` and the count of matches reviewed by
    them (``SearchResult.reviewed_by_you``); None: :func:`reader.store.analyst.analyst_name`.
    """

    query: str = ""
    sort: str = "relevance"
    limit: int = 50
    offset: int = 0
    reviewed: bool | None = None
    tag: str | None = None
    actor: str | None = None  # canonical actor name, or anything resolvable to one
    outlet: str | None = None  # as ``outlet:`` in a query
    date_from: str | None = None  # YYYY-MM-DD, inclusive (as ``from:``)
    date_to: str | None = None  # YYYY-MM-DD, inclusive (as ``to:``)
    count_reviewed: bool = True
    estimate: bool = False
    user: str | None = None


@dataclass(frozen=True, slots=True)
class Expansion:
    """Why a query word matched more than itself.

    ``kind`` is ``"stem"`` (Indonesian morphology), ``"fuzzy"`` (a typo fixed
    from the index vocabulary), ``"actor"`` (a name resolved to a catalogue
    actor), ``"speaker"`` (a misspelt ``speaker:`` name fixed from the stored speakers)
    ``"outlet"`` (an ``outlet:`` name matched to the stored outlets: ``Kompas.com → outlet kompas``)
    or ``"prefix"`` (``word*``).
    """

    kind: str
    term: str
    target: str

    def __str__(self) -> str:
        if self.kind == "actor":
            return f"{self.term} → actor {self.target}"
        if self.kind == "speaker":
            return f"{self.term} → speaker {self.target}"
        if self.kind == "outlet":
            return f"{self.term} → outlet {self.target}"
        if self.kind == "stem":
            return f"{self.term} → stem {self.target}"
        return f"{self.term} → {self.target}"


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One matching article, with a snippet around its best hit."""

    article_id: int
    source: str
    title: str | None
    outlet: str | None
    published: str | None
    reviewed: bool
    tags: tuple[str, ...]
    snippet: str  # plain text around the best hit
    snippet_spans: tuple[tuple[int, int], ...]  # hit spans inside ``snippet``, for highlighting
    score: float
    lead: str = ""  # the opening words of the body, for articles that have no title
    reviewed_by: str | None = None  # the analyst who holds the review mark (None: no one named)


@dataclass(frozen=True, slots=True)
class SearchResult:
    """A page of hits, the totals for the whole match and the expansions used."""

    request: SearchRequest
    hits: tuple[SearchHit, ...]
    total: int  # all matching articles, not just this page
    reviewed_total: int | None  # how many of the matching articles are reviewed (None: not counted)
    expansions: tuple[Expansion, ...]
    error: str | None = None  # a one-line message: a warning, or why the query cannot run
    failed: bool = False  # the query could not run at all (``error`` says why); totals are 0
    estimated: bool = False  # the totals are estimates (a very large match)
    reviewed_by_you: int | None = None  # of reviewed_total, those the request's user reviewed
