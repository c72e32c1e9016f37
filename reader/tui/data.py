"""What the app's workers ask of the core. Plain functions, run in worker threads only.

Nothing here searches or extracts by itself: it calls :mod:`reader.search` and
:mod:`reader.store` and packs the answers into small frozen dataclasses.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from reader.search import SearchRequest, SearchResult, hit_offsets, parse_query, search, warm_up
from reader.search.select import Counts, count_matching
from reader.store.articles import get_article
from reader.store.claims import claim, holders
from reader.store.database import Database
from reader.store.history import new_batch, record
from reader.store.history import toggle_review as toggle_reviewed
from reader.store.marks import Mark, review_mark
from reader.store.retry import retrying
from reader.store.review import add_tag, all_tags, remove_tag
from reader.store.writes import write_transaction

PAGE_SIZE = 100
STATEMENTS_PAGE = 500  # statements listed at once in the statements view
SCAN_PAGE = 500


@dataclass(frozen=True, slots=True)
class ArticleDetail:
    """One article as the text pane and the quote sidebar show it."""

    article: dict[str, Any]
    hits: tuple[tuple[int, int], ...]
    matching_quotes: frozenset[int] = frozenset()  # quotes a speaker:/said: search asks for


@dataclass(frozen=True, slots=True)
class Choice:
    """A filter the user picked: kind is all, unreviewed, reviewed, tag or actor."""

    kind: str = "all"
    value: str | None = None

    def label(self) -> str:
        if self.kind in ("tag", "actor"):
            return f"{self.kind}: {self.value}"
        return self.kind

    def apply(self, request: SearchRequest) -> SearchRequest:
        reviewed = {"unreviewed": False, "reviewed": True}.get(self.kind)
        return replace(
            request,
            reviewed=reviewed,
            tag=self.value if self.kind == "tag" else None,
            actor=self.value if self.kind == "actor" else None,
        )


@dataclass(frozen=True, slots=True)
class QuoteCorrection:
    """What the analyst decided about a quote: a speaker and role, ``not_a_quote``, or ``reset``
    (back to what the extractor found)."""

    quote_id: int
    speaker: str | None = None
    role: str | None = None
    not_a_quote: bool = False
    reset: bool = False


def correct_quote(db: Database, correction: QuoteCorrection, user: str | None = None) -> str:
    """Store one correction (committed before it returns); says what was done."""
    from reader.store.corrections import correct_quote as store_correction
    from reader.store.corrections import reset_quote

    if correction.reset:
        quote = reset_quote(db, correction.quote_id)
        return f"Correction undone: {quote.get('speaker') or 'no speaker'} again"
    if correction.not_a_quote:
        store_correction(db, correction.quote_id, not_a_quote=True, user=user)
        return "Removed: not a quote"
    quote = store_correction(
        db, correction.quote_id, speaker=correction.speaker, role=correction.role or "", user=user
    )
    role = f" · {quote['role']}" if quote.get("role") else ""
    return f"Corrected: {quote.get('speaker')}{role}"


def run_search(db: Database, request: SearchRequest) -> SearchResult:
    return search(db, request)


def count_matches(db: Database, request: SearchRequest) -> Counts:
    """The total and reviewed count of a search, without its page."""
    return count_matching(db, request)


def warm(db: Database) -> None:
    """Preload what the first typo-tolerant search would otherwise load on the keystroke."""
    warm_up(db)


def load_article(db: Database, article_id: int, query: str) -> ArticleDetail | None:
    article = get_article(db, article_id)
    if article is None:
        return None
    hits = tuple(hit_offsets(db, article_id, query)) if query.strip() else ()
    return ArticleDetail(article=article, hits=hits, matching_quotes=matching_quotes(db, article_id, query))


def matching_quotes(db: Database, article_id: int, query: str) -> frozenset[int]:
    """The ids of the article's quotes that the query's ``speaker:`` and ``said:`` ask for
    (empty when it asks for neither): the sidebar narrows to them."""
    parsed = parse_query(query)
    if not parsed.said and not parsed.filters.speaker:
        return frozenset()
    from reader.search.statements import search_statements  # loads on the first such search

    found = search_statements(db, SearchRequest(query=query), limit=None, article_id=article_id)
    return frozenset(int(quote["id"]) for quote in found.quotes)


@dataclass(frozen=True, slots=True)
class Statements:
    """The statements view's list: quotes with article facts and hit spans, and the total."""

    quotes: tuple[dict[str, Any], ...]
    total: int
    expansions: tuple[str, ...]
    error: str | None
    estimated: bool = False  # the total is an estimate; the exact one is counted next


def find_statements(db: Database, request: SearchRequest, limit: int) -> Statements:
    """The statements the app's search (query and filters) finds, newest article first."""
    from reader.search.statements import search_statements

    found = search_statements(db, replace(request, offset=0), limit=limit, estimate=True)
    expansions = tuple(str(e) for e in found.expansions)
    return Statements(found.quotes, found.total, expansions, found.error, found.estimated)


def count_statements(db: Database, request: SearchRequest) -> int | None:
    """The exact number of statements the app's search finds (after an estimate); None when
    it could not be counted in the search's time limit."""
    from reader.search.statements import search_statements

    found = search_statements(db, replace(request, offset=0), limit=0)
    return None if found.error else found.total


@dataclass(frozen=True, slots=True)
class Identity:
    """A person or organisation with its statement count and the names folded into it."""

    name: str
    statements: int
    variants: tuple[str, ...]


def list_identities(db: Database, typed: str, limit: int) -> list[Identity]:
    """Speaker identities, most quoted first; ``typed`` narrows them through the resolver
    (a short name, an alias or a typo finds the person) or by the words of their names."""
    from reader.store.quotes import list_speakers
    from reader.store.speakers import resolve_speaker

    people = list_speakers(db)
    wanted = typed.strip()
    if wanted:
        ids = set(resolve_speaker(db, wanted).ids)
        needle = wanted.casefold()
        people = [
            p for p in people
            if p["id"] in ids or any(needle in n.casefold() for n in _names(p))
        ]  # fmt: skip
    return [Identity(p["name"], p["quotes"], tuple(_names(p))) for p in people[:limit]]


def _names(person: dict[str, Any]) -> list[str]:
    return [person["name"], *(v["name"] for v in person["variants"])]


def merge_identities(db: Database, keep: str, join: str) -> str:
    """``join`` becomes part of ``keep`` (committed; later imports keep it); says so."""
    from reader.store.identity_edits import merge_identities as merge

    target, source = merge(db, keep, join)
    return f"Merged: {source.name} is now part of {target.name}"


def split_identity(db: Database, identity: str, variant: str) -> str:
    """Name ``variant`` of ``identity`` becomes a person of its own (committed); says so."""
    from reader.store.identity_edits import split_identity as split

    whole, part = split(db, identity, variant)
    return f"Split: {part.name} is no longer counted as {whole.name}"


@dataclass(frozen=True, slots=True)
class Unreviewed:
    """Where ``u`` goes: a list position and its article, claimed for the analyst (both None:
    nowhere), and how many unreviewed articles were passed over as open by someone else."""

    index: int | None = None
    article_id: int | None = None
    open_by_others: int = 0


def find_unreviewed(
    db: Database,
    request: SearchRequest,
    after: int,
    total: int,
    analyst: str | None = None,
    take: bool = True,
) -> Unreviewed:
    """The first unreviewed article after list position ``after``, wrapping round.

    With ``analyst``, one that no other analyst has open: it is claimed for ``analyst``
    before it is returned, and one another analyst claimed a moment earlier is passed over
    (``take=False``: not claimed, for an account that cannot write).
    """
    passed = 0
    for start, stop in ((after + 1, total), (0, after + 1)):
        offset = start
        while offset < stop:
            page = search(db, replace(request, offset=offset, limit=SCAN_PAGE))
            if page.error or not page.hits:
                break
            wanted = [
                (index, hit.article_id)
                for index, hit in enumerate(page.hits, start=offset)
                if index < stop and not hit.reviewed
            ]
            found, skipped = (
                _first_free(db, wanted, analyst, take) if analyst else (next(iter(wanted), None), 0)
            )
            passed += skipped
            if found is not None:
                return Unreviewed(*found, open_by_others=passed)
            offset += len(page.hits)
    return Unreviewed(open_by_others=passed)


def _first_free(
    db: Database, wanted: list[tuple[int, int]], analyst: str, take: bool
) -> tuple[tuple[int, int] | None, int]:
    """The first of ``wanted`` (position, article id) that ``analyst`` could claim, claimed
    (with ``take``), and how many before it are open by other analysts."""
    held = holders(db, [article_id for _index, article_id in wanted])
    skipped = 0
    for index, article_id in wanted:
        holder = held.get(article_id)
        if holder is not None and holder.casefold() != analyst.casefold():
            skipped += 1  # open by someone else
        elif not take or claim(db, article_id, analyst).held_by(analyst):
            return (index, article_id), skipped
        else:
            skipped += 1  # claimed by someone else a moment ago
    return None, skipped


def find_position(db: Database, request: SearchRequest, article_id: int, total: int) -> int | None:
    """The list position of ``article_id`` in the search's results (None: it is not there)."""
    offset = 0
    while offset < total:
        page = search(db, replace(request, offset=offset, limit=SCAN_PAGE))
        if page.error or not page.hits:
            return None
        for index, hit in enumerate(page.hits, start=offset):
            if hit.article_id == article_id:
                return index
        offset += len(page.hits)
    return None


def toggle_review(db: Database, article_id: int, user: str | None, take_others: bool = False) -> Mark:
    """Flip the mark as ``user`` and return it as stored; a mark another analyst set is taken
    away only with ``take_others`` (else :class:`reader.store.marks.MarkHeld` says whose it is)."""
    toggle_reviewed(db, article_id, user, take_others=take_others)
    return review_mark(db, article_id)


@retrying
def change_tag(
    db: Database, article_id: int, name: str, add: bool, user: str | None = None
) -> tuple[str, ...]:
    """Add or remove one tag as ``user`` (an undo step when it changed anything); returns the
    article's tags as stored afterwards."""
    with write_transaction(db):
        batch = new_batch("tag")
        if (add_tag if add else remove_tag)(db, article_id, name, batch, user=user):
            record(db, "tag", batch, user)
    rows = db.execute(
        "SELECT tag.name FROM article_tag JOIN tag ON tag.id = article_tag.tag_id "
        "WHERE article_tag.article_id = ? ORDER BY lower(tag.name)",
        [article_id],
    ).fetchall()
    return tuple(row[0] for row in rows)


def tag_names(db: Database) -> list[str]:
    return [name for name, _count in all_tags(db)]


def outlet_counts(db: Database) -> list[tuple[str, int]]:
    """Every outlet with how many articles it has, most first."""
    rows = db.execute(
        "SELECT outlet, count(*) FROM article WHERE coalesce(outlet, '') != '' "
        "GROUP BY outlet ORDER BY 2 DESC, lower(outlet)"
    ).fetchall()
    return [(str(name), int(n)) for name, n in rows]
