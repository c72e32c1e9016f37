"""Placeholders: the store's SQL is written with ``?`` (sqlite3's style); psycopg wants ``%s``.

The translation skips quoted strings and identifiers, and doubles a literal ``%``
(``LIKE 'x%'``) so that psycopg does not read it as a placeholder.
"""

from __future__ import annotations

import re
from functools import lru_cache

_PIECES = re.compile(r"'(?:[^']|'')*'|\"(?:[^\"]|\"\")*\"|\?|%")


@lru_cache(maxsize=2048)
def to_psycopg(sql: str, mark: str = "%s") -> str:
    """``sql`` with each ``?`` outside quotes turned into ``mark`` (``%s``, or ``%b`` for a
    value sent in binary) and each ``%`` into ``%%``."""

    def replace(match: re.Match[str]) -> str:
        piece = match.group(0)
        if piece == "?":
            return mark
        return piece.replace("%", "%%")

    return _PIECES.sub(replace, sql)
