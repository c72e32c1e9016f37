"""What narrows and orders the list besides the typed query: the filter, outlet, dates and sort.

The main screen holds one :class:`View`; :meth:`View.apply` turns it into the search
request, :meth:`View.labels` into the status line's words, and :meth:`View.as_query`
into query syntax, so a saved search keeps what the user saw.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date

from reader.search import SearchRequest
from reader.tui.data import Choice
from reader.tui.ui_state import UiState

SORTS = ("relevance", "newest", "oldest")


@dataclass(frozen=True, slots=True)
class View:
    choice: Choice = field(default_factory=Choice)
    outlet: str | None = None
    date_from: str | None = None
    date_to: str | None = None
    sort: str = "relevance"

    def apply(self, request: SearchRequest) -> SearchRequest:
        return replace(
            self.choice.apply(request),
            outlet=self.outlet,
            date_from=self.date_from,
            date_to=self.date_to,
            sort=self.sort,
        )

    def narrowed(self) -> bool:
        """Whether anything besides the query narrows the list (the sort does not)."""
        return self.choice.kind != "all" or bool(self.outlet or self.date_from or self.date_to)

    def cleared(self) -> View:
        return View(sort=self.sort)

    def next_sort(self) -> View:
        return replace(self, sort=SORTS[(SORTS.index(self.sort) + 1) % len(SORTS)])

    def labels(self) -> list[str]:
        """The narrowing in words, for the status line and the search bar."""
        parts = [self.choice.label()] if self.choice.kind != "all" else []
        if self.outlet:
            parts.append(f"outlet: {self.outlet}")
        if self.date_from or self.date_to:
            parts.append(f"{self.date_from or '…'} to {self.date_to or '…'}")
        return parts

    def as_query(self, query: str) -> str:
        """``query`` with the narrowing written in query syntax (for saving a search)."""
        words = [query.strip()] if query.strip() else []
        kind, value = self.choice.kind, self.choice.value
        if kind in ("tag", "actor") and value:
            words.append(f"{kind}:{quoted(value)}")
        elif kind in ("reviewed", "unreviewed"):
            words.append(f"reviewed:{'yes' if kind == 'reviewed' else 'no'}")
        if self.outlet:
            words.append(f"outlet:{quoted(self.outlet)}")
        if self.date_from:
            words.append(f"from:{self.date_from}")
        if self.date_to:
            words.append(f"to:{self.date_to}")
        return " ".join(words)


def view_of(state: UiState) -> View:
    """The view a remembered state describes (an unknown sort or filter falls back to the default)."""
    kinds = ("all", "unreviewed", "reviewed", "tag", "actor")
    kind = state.filter_kind if state.filter_kind in kinds else "all"
    value = state.filter_value if kind in ("tag", "actor") else None
    choice = Choice(kind, value) if value or kind not in ("tag", "actor") else Choice()
    try:
        start, end = check_dates(state.date_from or "", state.date_to or "")
    except ValueError:
        start = end = None
    sort = state.sort if state.sort in SORTS else "relevance"
    return View(choice, state.outlet or None, start, end, sort)


def quoted(value: str) -> str:
    return f'"{value}"' if any(c.isspace() for c in value) else value


def check_dates(start: str, end: str) -> tuple[str | None, str | None]:
    """Two typed dates (either may be empty) as ISO days; ReaderError-free: raises ValueError
    with a one-line reason the dialog shows."""
    parsed = [_day(text, name) for text, name in ((start, "From"), (end, "To"))]
    first, last = parsed
    if first and last and first > last:
        raise ValueError("“From” is after “To”")
    return first, last


def _day(text: str, name: str) -> str | None:
    text = text.strip()
    if not text:
        return None
    try:
        return date.fromisoformat(text).isoformat()
    except ValueError:
        raise ValueError(f"{name}: “{text}” is not a date (YYYY-MM-DD)") from None
