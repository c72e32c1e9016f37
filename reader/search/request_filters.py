"""The filters a search applies: those typed in the query and those the request carries."""

from __future__ import annotations

from dataclasses import replace

from reader.search.models import SearchRequest
from reader.search.query import Filters, ParsedQuery


def uses_meta(filters: Filters) -> bool:
    """Whether the filters need the article's outlet or date."""
    return bool(filters.outlet or filters.date_from or filters.date_to)


def merge_filters(parsed: ParsedQuery, request: SearchRequest) -> Filters:
    """The query's own filters narrowed by the request's (the app's pickers, CLI options)."""
    filters = parsed.filters
    if request.reviewed is not None:
        filters = replace(filters, reviewed=request.reviewed)
    if request.tag:
        filters = replace(filters, tag=(*filters.tag, request.tag))
    if request.actor:
        filters = replace(filters, actor=(*filters.actor, request.actor))
    if request.outlet:
        filters = replace(filters, outlet=(*filters.outlet, request.outlet))
    if request.date_from and (not filters.date_from or request.date_from > filters.date_from):
        filters = replace(filters, date_from=request.date_from)
    if request.date_to and (not filters.date_to or request.date_to < filters.date_to):
        filters = replace(filters, date_to=request.date_to)
    return filters
