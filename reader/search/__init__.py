"""The search core: Indonesian-aware full-text search with typo and alias expansion.

No Textual here: the CLI (``reader search``) and the terminal app both call
:func:`search` and :func:`hit_offsets`.
"""

from __future__ import annotations

from reader.search.hits import hit_offsets
from reader.search.models import Expansion, SearchHit, SearchRequest, SearchResult
from reader.search.service import parse_query, search, warm_up

__all__ = [
    "Expansion",
    "SearchHit",
    "SearchRequest",
    "SearchResult",
    "hit_offsets",
    "parse_query",
    "search",
    "warm_up",
]
