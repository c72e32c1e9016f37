"""Plain data passed between the core and its front ends (CLI, terminal app, tests)."""

from __future__ import annotations

from dataclasses import dataclass, field


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


@dataclass(frozen=True, slots=True)
class Mention:
    """How often, and where, one actor is named in an article body."""

    actor: str  # canonical name
    actor_type: str  # person, organisation, party, pair, discovered
    count: int
    offsets: tuple[tuple[int, int], ...]
    discovered: bool = False


@dataclass(frozen=True, slots=True)
class Extraction:
    """Everything the extractor finds in one cleaned article."""

    quotes: tuple[Quote, ...] = ()
    mentions: tuple[Mention, ...] = ()


@dataclass(frozen=True, slots=True)
class Prepared:
    """An article ready to be written: cleaned, hashed, stemmed and extracted."""

    article: CleanArticle
    digest: str
    title_stem: str
    body_stem: str
    extraction: Extraction
    quote_stems: tuple[str, ...]


@dataclass(slots=True)
class ImportReport:
    """What one import run did; ``skipped`` holds (where, why) pairs."""

    imported: int = 0
    duplicates: int = 0
    skipped: list[tuple[str, str]] = field(default_factory=list)
