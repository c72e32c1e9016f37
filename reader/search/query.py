"""The query language: words, "phrases", OR, -exclusions, prefix*, and field:value filters.

* ``kecurangan gibran`` — every word must match (stems and typos included).
* ``"politik uang"`` — an exact phrase (no stemming, no typo fixing).
* ``curang OR suap`` — either word (``OR`` in capitals, between two terms).
* ``-hoaks`` / ``-"politik uang"`` / ``NOT hoaks`` — exclude.
* ``kecur*`` — any word starting with ``kecur``.
* ``actor:NAME speaker:NAME tag:NAME outlet:NAME reviewed:yes|no from:YYYY-MM-DD to:YYYY-MM-DD``
  (quote multi-word values: ``actor:"Cak Imin"``); ``note:TEXT`` (the analyst's note contains
  it, ``note:*`` any note); ``reviewer:NAME`` (reviewed by that analyst, any case) and
  ``reviewed:me`` (by the analyst searching; also ``reviewer:me``).
* ``said:WORD`` / ``said:"a phrase"`` / ``said:kecur*`` — inside one statement (a quote) of the
  article, with stems and typos like body words; every ``said:`` term must hold in the same
  statement, ``said:a OR said:b`` for either, and with ``speaker:`` that statement is the
  speaker's own.

Parsing never fails: anything unusable is dropped and explained in ``problems``.
Words are split exactly as the index splits them (:func:`reader.text.tokenize.tokens`),
so ``Prabowo-Gibran`` becomes the phrase ``prabowo gibran`` and ``Asy'ari`` ``asy ari``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from reader.text.tokenize import tokens

MAX_TERMS = 24  # words beyond this are ignored (a pasted paragraph must stay fast)
MAX_QUERY_CHARS = 2_000
MIN_PREFIX = 2  # "p*" would merge thousands of index terms
FILTER_NAMES = ("actor", "speaker", "tag", "outlet", "reviewed", "reviewer", "from", "to", "note")
SAID = "said"  # the field whose terms match inside statements
YES = {"yes", "y", "ya", "true", "1", "sudah"}
NO = {"no", "n", "tidak", "false", "0", "belum"}
ME = "me"  # reviewed:me, reviewer:me: the analyst the search runs for (SearchRequest.user)
_DATE = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")


@dataclass(frozen=True, slots=True)
class Term:
    """One searchable unit: a word, a compound (``Prabowo-Gibran``) or a quoted phrase."""

    text: str  # as the user typed it (for "why it matched")
    words: tuple[str, ...]  # folded tokens, as indexed
    quoted: bool = False  # "exact phrase": no stems, no typo fixing, no actor lookup
    prefix: bool = False  # the last word is a prefix (``kecur*``)

    @property
    def initials(self) -> bool:
        """Initials written with dots (``M.D.``, ``K.H.``): one name word, like ``MD``."""
        return (
            not self.quoted and not self.prefix and len(self.words) > 1
            and all(len(w) == 1 and w.isalpha() for w in self.words)
        )  # fmt: skip


@dataclass(frozen=True, slots=True)
class Filters:
    actor: tuple[str, ...] = ()
    speaker: tuple[str, ...] = ()
    tag: tuple[str, ...] = ()
    outlet: tuple[str, ...] = ()
    reviewed: bool | None = None
    date_from: str | None = None  # inclusive, YYYY-MM-DD
    date_to: str | None = None  # inclusive, YYYY-MM-DD
    note: tuple[str, ...] = ()  # the analyst's note contains this text ("*": has a note)
    reviewer: tuple[str, ...] = ()  # reviewed by each of these analysts (:data:`ME`: the searcher)

    def is_empty(self) -> bool:
        return self == Filters()


@dataclass(frozen=True, slots=True)
class ParsedQuery:
    """All groups must match; a group matches when any of its terms does."""

    groups: tuple[tuple[Term, ...], ...] = ()
    excluded: tuple[Term, ...] = ()
    filters: Filters = field(default_factory=Filters)
    problems: tuple[str, ...] = ()
    said: tuple[tuple[Term, ...], ...] = ()  # said: groups, all to hold in one statement

    @property
    def has_text(self) -> bool:
        return bool(self.groups or self.excluded)


# One lexical item: an optional "-", an optional "field:", then a quoted string or a bare chunk.
# Spaced initials (``M. D.``): written together (``M.D.``) they are one term, as in a name.
_SPACED_INITIALS = re.compile(r"(?<![\w.])[^\W\d_]\.(?:[ \t]+[^\W\d_]\.)+(?!\w)")
_ITEM = re.compile(r'(?P<neg>-?)(?:(?P<field>[A-Za-z]+):)?(?:"(?P<quoted>[^"]*)"?|(?P<bare>[^\s"]*))')


def parse_query(text: str) -> ParsedQuery:
    """Parse the user's query; never raises."""
    parser = _Parser()
    if len(text) > MAX_QUERY_CHARS:
        parser.problems.append(f"the query is too long; only its first {MAX_QUERY_CHARS} characters are used")
        text = text[:MAX_QUERY_CHARS]
    parser.feed(_SPACED_INITIALS.sub(lambda m: "".join(m.group().split()), text))
    return parser.result()


class _Parser:
    def __init__(self) -> None:
        self.items: list[tuple[str, Term] | str] = []  # (channel, term) and the operator "OR"
        self.excluded: list[Term] = []
        self.filters: dict[str, list[str]] = {name: [] for name in FILTER_NAMES}
        self.problems: list[str] = []
        self.negate_next = False
        self.word_count = 0

    def feed(self, text: str) -> None:
        pos = 0
        while pos < len(text):
            if text[pos].isspace():
                pos += 1
                continue
            match = _ITEM.match(text, pos)
            if match is None or match.end() == pos:  # a lone quote mark and the like
                pos += 1
                continue
            pos = match.end()
            self._item(match)

    def _item(self, match: re.Match[str]) -> None:
        negative = bool(match["neg"])
        name = (match["field"] or "").lower()
        quoted = match["quoted"] is not None
        value = match["quoted"] if quoted else match["bare"] or ""
        if name in FILTER_NAMES:
            self._filter(name, value.strip(), negative)
            return
        if name == SAID:
            self._said(value, quoted, negative)
            return
        if match["field"]:  # an unknown "field:" is just more words
            value = f"{match['field']} {value}"
        if not quoted and not negative and value in ("OR", "AND", "NOT"):
            if value == "OR":
                self.items.append("OR")
            elif value == "NOT":
                self.negate_next = True
            return
        term = self._term(value, quoted)
        if term is None:
            return
        if negative or self.negate_next:
            self.negate_next = False
            self.excluded.append(term)
        else:
            self.items.append(("text", term))

    def _said(self, value: str, quoted: bool, negative: bool) -> None:
        if negative or self.negate_next:
            self.negate_next = False
            self.problems.append("-said: is not supported; use said: without the minus")
            return
        term = self._term(value, quoted) if value.strip() else None  # "said:" while typing
        if term is not None:
            self.items.append((SAID, term))

    def _term(self, value: str, quoted: bool) -> Term | None:
        prefix = not quoted and value.rstrip().endswith("*")
        words = tuple(tokens(value))
        if not words:
            return None
        if self.word_count + len(words) > MAX_TERMS:
            if self.word_count < MAX_TERMS + 1:
                self.problems.append(f"only the first {MAX_TERMS} words of the query are used")
                self.word_count = MAX_TERMS + 1
            return None
        self.word_count += len(words)
        if prefix and len(words[-1]) < MIN_PREFIX:
            self.problems.append(f"a prefix needs at least {MIN_PREFIX} letters before *")
            prefix = False
        return Term(text=value.strip().rstrip("*") or value, words=words, quoted=quoted, prefix=prefix)

    def _filter(self, name: str, value: str, negative: bool) -> None:
        if not value:
            return  # "actor:" while still typing
        if negative:
            self.problems.append(f"-{name}: is not supported; use {name}: without the minus")
            return
        self.filters[name].append(value)

    def result(self) -> ParsedQuery:
        return ParsedQuery(
            groups=_group(self.items, "text"),
            excluded=tuple(self.excluded),
            filters=self._filters(),
            problems=tuple(self.problems),
            said=_group(self.items, SAID),
        )

    def _filters(self) -> Filters:
        f = self.filters
        reviewed: bool | None = None
        reviewers = [ME if name.casefold() == ME else " ".join(name.split()) for name in f["reviewer"]]
        for value in f["reviewed"]:
            folded = value.casefold()
            if folded in YES:
                reviewed = True
            elif folded in NO:
                reviewed = False
            elif folded == ME:
                reviewers.append(ME)
            else:
                self.problems.append(f"reviewed: expects yes, no or me, not '{value}'")
        return Filters(
            actor=tuple(f["actor"]),
            speaker=tuple(f["speaker"]),
            tag=tuple(f["tag"]),
            outlet=tuple(f["outlet"]),
            reviewed=reviewed,
            date_from=self._date(f["from"], "from", end=False),
            date_to=self._date(f["to"], "to", end=True),
            note=tuple(f["note"]),
            reviewer=tuple(dict.fromkeys(reviewers)),
        )

    def _date(self, values: list[str], name: str, end: bool) -> str | None:
        if not values:
            return None
        value = values[-1]
        parsed = parse_date(value, end=end)
        if parsed is None:
            self.problems.append(f"{name}: expects a date as YYYY-MM-DD, not '{value}'")
        return parsed


def parse_date(value: str, end: bool = False) -> str | None:
    """``2024``, ``2024-02`` or ``2024-02-14`` as a YYYY-MM-DD bound (the last day if ``end``)."""
    match = _DATE.match(value.strip())
    if match is None:
        return None
    year = int(match[1])
    month = int(match[2]) if match[2] else (12 if end else 1)
    day = int(match[3]) if match[3] else None
    try:
        if day is None:
            day = _last_day(year, month) if end else 1
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def _last_day(year: int, month: int) -> int:
    if month == 12:
        return 31
    return (date(year, month + 1, 1) - date(year, month, 1)).days


def _group(items: list[tuple[str, Term] | str], channel: str) -> tuple[tuple[Term, ...], ...]:
    """Turn ``a b OR c d`` into ((a,), (b, c), (d,)) for the terms of ``channel``; an OR joins
    two neighbouring terms of the same channel only (``a OR said:b`` is ``a said:b``), and a
    stray OR is ignored."""
    groups: list[list[Term]] = []
    pending_or = False
    previous = ""
    for item in items:
        if item == "OR":
            pending_or = bool(previous)
            continue
        assert not isinstance(item, str)
        item_channel, term = item
        if item_channel == channel:
            if pending_or and previous == channel:
                groups[-1].append(term)
            else:
                groups.append([term])
        previous, pending_or = item_channel, False
    return tuple(tuple(group) for group in groups)
