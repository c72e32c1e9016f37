"""Which stored outlets an ``outlet:`` filter means, as forgiving as names are for actors.

``Kompas.com``, ``KOMPAS``, ``kompas.co.id``, ``www.kompas.com`` and ``Kompass`` all mean the
outlet stored as ``kompas``; ``Pos Metro Medan`` means ``posmetro-medan``. Both sides are
reduced to a key (folded, ``www.`` and a trailing domain such as ``.com`` or ``.co.id``
dropped, spaces and punctuation removed), then tried in order until one finds something:

1. **exact**: the keys are equal;
2. **prefix**: the typed key begins a stored one (``outlet:kom`` while typing);
3. **typo**: the keys are within the resolver's typo scale
   (:func:`reader.extract.resolve.max_edits`) with the same first letter; the nearest win.
"""

from __future__ import annotations

from dataclasses import dataclass

from rapidfuzz.distance import Levenshtein
from sqlite_utils import Database

from reader.extract.resolve import max_edits
from reader.text.tokenize import tokens

DOMAIN_WORDS = frozenset({"com", "co", "id", "net", "org", "or", "go", "tv", "news", "www"})


@dataclass(frozen=True, slots=True)
class Outlets:
    """The stored outlet spellings ``typed`` means, and by which rule (None: nothing)."""

    names: tuple[str, ...]
    rule: str | None


def outlet_key(name: str) -> str:
    """``Kompas.com`` → ``kompas``; ``www.detik.com`` → ``detik``; ``Pos Metro-Medan`` → ``posmetromedan``."""
    words = tokens(name)
    if words and words[0] == "www":
        words = words[1:]
    while len(words) > 1 and words[-1] in DOMAIN_WORDS:
        words = words[:-1]
    return "".join(words)


def stored_outlets(db: Database) -> list[str]:
    """Every outlet spelling stored (one per case-insensitive spelling), from the outlet index."""
    rows = db.execute(
        "SELECT outlet FROM article INDEXED BY article_outlet WHERE outlet IS NOT NULL AND outlet != '' "
        "GROUP BY outlet COLLATE NOCASE"
    ).fetchall()
    return [str(row[0]) for row in rows]


def resolve_outlet(typed: str, stored: list[str]) -> Outlets:
    """The outlets of ``stored`` that ``typed`` means (see the module for the rules)."""
    key = outlet_key(typed)
    if not key:
        return Outlets((), None)
    keys = {name: outlet_key(name) for name in stored}
    exact = tuple(name for name, other in keys.items() if other == key)
    if exact:
        return Outlets(exact, "exact")
    starting = tuple(name for name, other in keys.items() if other.startswith(key))
    if starting:
        return Outlets(starting, "prefix")
    budget = max_edits(len(key))
    if budget == 0:
        return Outlets((), None)
    near = [
        (distance, name)
        for name, other in keys.items()
        if other and other[0] == key[0]
        and (distance := Levenshtein.distance(key, other, score_cutoff=budget)) <= budget
    ]
    if not near:
        return Outlets((), None)
    nearest = min(d for d, _ in near)
    return Outlets(tuple(name for d, name in near if d == nearest), "typo")
