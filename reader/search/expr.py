"""The full-text part of a plan: a small immutable expression tree over already-folded words.

The planner builds these nodes without knowing the backend; each backend renders them
(:func:`reader.search.fts.render_fts5` for SQLite FTS5, :func:`reader.search.tsquery.render_tsquery`
for a PostgreSQL ``tsquery``). A :class:`Phrase` names a column group, not columns: the
article's text as written (:data:`RAW`) or as stems (:data:`STEM`), either (:data:`ANY`), and
a statement's text as written or as stems (:data:`SAID_RAW`, :data:`SAID_STEM`).

The builders (:func:`phrase`, :func:`any_of`, :func:`all_of`, :func:`excluding`) drop empty
parts and repeated parts, and a group of one part is that part. The empty expression is
:data:`EMPTY`, the only false node, so ``if clause.fts:`` asks whether there is any text to match.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import Enum


class Columns(Enum):
    """Where a phrase must occur."""

    RAW = "raw"  # article title and body as written
    STEM = "stem"  # article title and body as stems
    ANY = "any"  # any of the four article columns
    SAID_RAW = "said_raw"  # a statement as written
    SAID_STEM = "said_stem"  # a statement as stems


RAW = Columns.RAW
STEM = Columns.STEM
ANY = Columns.ANY
SAID_RAW = Columns.SAID_RAW
SAID_STEM = Columns.SAID_STEM


@dataclass(frozen=True, slots=True)
class Empty:
    """Nothing to match (a group whose every part fell away)."""

    def __bool__(self) -> bool:
        return False


@dataclass(frozen=True, slots=True)
class Phrase:
    """``words`` in this order, next to each other, in one column of ``columns``; with
    ``prefix`` the last word is a prefix. One word is a phrase of one."""

    columns: Columns
    words: tuple[str, ...]
    prefix: bool = False


@dataclass(frozen=True, slots=True)
class AnyOf:
    """At least one of ``parts`` (two or more, when built by :func:`any_of`)."""

    parts: tuple[Expr, ...]

    def __bool__(self) -> bool:
        return bool(self.parts)


@dataclass(frozen=True, slots=True)
class AllOf:
    """Every one of ``parts`` (two or more, when built by :func:`all_of`)."""

    parts: tuple[Expr, ...]

    def __bool__(self) -> bool:
        return bool(self.parts)


@dataclass(frozen=True, slots=True)
class Excluding:
    """``positive`` and not ``negative``."""

    positive: Expr
    negative: Expr


Expr = Empty | Phrase | AnyOf | AllOf | Excluding

EMPTY = Empty()


def has_prefix(expression: Expr) -> bool:
    """Whether any phrase of ``expression`` ends in a prefix (`kecur*`)."""
    if isinstance(expression, Phrase):
        return expression.prefix
    if isinstance(expression, AnyOf | AllOf):
        return any(has_prefix(part) for part in expression.parts)
    if isinstance(expression, Excluding):
        return has_prefix(expression.positive) or has_prefix(expression.negative)
    return False


def matches_alone(expression: Expr) -> bool:
    """Whether ``expression`` is met by one phrase alone (a phrase, or any of such): a text made
    of several parts, a phrase never running across two, matches it exactly where one part does.
    An ``AllOf`` or ``Excluding`` may be met only by parts taken together."""
    if isinstance(expression, Phrase):
        return True
    if isinstance(expression, AnyOf):
        return all(matches_alone(part) for part in expression.parts)
    return False


def phrase(columns: Columns, words: Sequence[str], prefix: bool = False) -> Phrase:
    return Phrase(columns, tuple(words), prefix)


def _unique(parts: Iterable[Expr]) -> tuple[Expr, ...]:
    return tuple(dict.fromkeys(p for p in parts if p))


def any_of(parts: Iterable[Expr]) -> Expr:
    unique = _unique(parts)
    if not unique:
        return EMPTY
    if len(unique) == 1:
        return unique[0]
    return AnyOf(unique)


def all_of(parts: Iterable[Expr]) -> Expr:
    unique = _unique(parts)
    if not unique:
        return EMPTY
    if len(unique) == 1:
        return unique[0]
    return AllOf(unique)


def excluding(positive: Expr, negative: Expr) -> Expr:
    if not negative:
        return positive
    return Excluding(positive, negative)
