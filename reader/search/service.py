"""Running a search: placeholder until the full engine lands (same signatures)."""

from __future__ import annotations

from sqlite_utils import Database

from reader.search.models import SearchRequest, SearchResult


def parse_query(text: str) -> object:
    return text


def search(db: Database, request: SearchRequest) -> SearchResult:
    return SearchResult(request=request, hits=(), total=0, reviewed_total=0, expansions=())


def hit_offsets(db: Database, article_id: int, query: str) -> list[tuple[int, int]]:
    return []
