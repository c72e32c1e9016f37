"""Which stored outlets an ``outlet:`` filter means, as forgiving as names are for actors.

``Kompas.com``, ``KOMPAS``, ``kompas.co.id``, ``www.kompas.com`` and ``Kompass`` all mean the
outlet stored as ``kompas``; ``Pos Metro Medan`` means ``posmetro-medan``. Both sides are
reduced to a key (folded, ``www.`` and a trailing domain such as ``.com`` or ``.co.id``
dropped, spaces and punctuation removed), then tried in order until one finds something:

1. **exact**: the keys are equal;
2. **prefix**: the typed key begins a stored one (``outlet:kom`` while typing);
3. **typo**: the one name resolver's typo rule (:func:`reader.extract.resolve.resolve`: the
   typo scale, the same first letter, the nearest win), over the keys.
"""

from __future__ import annotations

from dataclasses import dataclass

from reader.extract.resolve import NameIndex, identities, resolve
from reader.search.backend_sql import search_sql
from reader.store.database import Database
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
    """Every outlet spelling stored (one per case-insensitive spelling), from the outlet index.

    Each step seeks the next spelling in the index, so the cost grows with the number of
    outlets (dozens), not with the articles (a GROUP BY walks the whole index).
    """
    rows = db.execute(search_sql(db).stored_outlets).fetchall()
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
    index: NameIndex[str] = NameIndex()
    for other in set(keys.values()) - {""}:
        index.add(other, other)
    near = set(identities(resolve(key, index, rules="typo")))
    found = tuple(name for name, other in keys.items() if other in near)
    return Outlets(found, "typo" if found else None)
