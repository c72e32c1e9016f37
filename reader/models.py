"""Plain data passed between the core and its front ends (CLI, terminal app, tests)."""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from operator import attrgetter
from typing import Any, TypeVar

_Class = TypeVar("_Class", bound=type)


def _pickled_as_arguments(cls: _Class) -> _Class:
    """Pickle instances as their constructor arguments.

    Import workers send every prepared article back to the main process; the default
    pickling of frozen slotted dataclasses goes through a Python-level state loop per
    object, several times slower on both sides.
    """
    arguments = attrgetter(*(f.name for f in fields(cls)))

    def reduce(self: Any) -> tuple[type, tuple[Any, ...]]:
        return cls, arguments(self)

    cls.__reduce__ = reduce  # type: ignore[method-assign, assignment]
    return cls


@_pickled_as_arguments
@dataclass(frozen=True, slots=True)
class RawArticle:
    """One article as read from a file, before cleaning."""

    source: str
    text: str
    title: str | None = None
    url: str | None = None
    published: str | None = None
    outlet: str | None = None
    section: str | None = None
    origin: str = ""  # the file (and line) it came from, for messages


@_pickled_as_arguments
@dataclass(frozen=True, slots=True)
class CleanArticle:
    """An article after boilerplate removal and metadata detection: what is stored."""

    source: str
    body: str
    title: str | None
    section: str | None
    outlet: str | None
    published: str | None  # YYYY-MM-DD
    url: str | None
    origin: str


@_pickled_as_arguments
@dataclass(frozen=True, slots=True)
class Quote:
    """A direct or indirect quote with its speaker; offsets index the cleaned body."""

    text: str
    speaker: str | None
    role: str | None
    cue: str | None
    kind: str  # "direct" or "indirect"
    start: int
    end: int


@_pickled_as_arguments
@dataclass(frozen=True, slots=True)
class Mention:
    """How often, and where, one actor is named in an article body."""

    actor: str  # canonical name
    actor_type: str  # person, organisation, party, pair, discovered
    count: int
    offsets: tuple[tuple[int, int], ...]
    discovered: bool = False


@_pickled_as_arguments
@dataclass(frozen=True, slots=True)
class Extraction:
    """Everything the extractor finds in one cleaned article."""

    quotes: tuple[Quote, ...] = ()
    mentions: tuple[Mention, ...] = ()


@_pickled_as_arguments
@dataclass(frozen=True, slots=True)
class Prepared:
    """An article ready to be written: cleaned, hashed, stemmed and extracted."""

    article: CleanArticle
    digest: str
    title_stem: str
    body_stem: str
    extraction: Extraction
    quote_stems: tuple[str, ...] = ()  # the stems of each statement's text (for said:), in order
    terms: str = ""  # the distinct terms the full-text index holds for it, space separated


@dataclass(slots=True)
class ImportReport:
    """What one import run did; ``skipped`` holds (where, why) pairs."""

    imported: int = 0
    duplicates: int = 0
    skipped: list[tuple[str, str]] = field(default_factory=list)
