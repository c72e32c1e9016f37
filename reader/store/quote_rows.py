"""The one shape of a quote as every reader of quotes returns it (``reader quotes``, ``show``).

A quote row holds the analyst's correction already applied (see
:mod:`reader.store.corrections`); ``corrected``, ``corrected_by`` and
``corrected_at`` say whether and by whom. Quotes marked "not a quote" have no row,
so nothing built on this select can list them.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reader.store.database import Database

QUOTE_KEYS = (
    "id", "article_id", "source", "text", "speaker", "role", "cue", "kind", "start", "end",
    "corrected", "corrected_by", "corrected_at",
)  # fmt: skip
CORRECTION_KEYS = ("corrected", "corrected_by", "corrected_at")

QUOTE_SELECT = (
    'SELECT q.id, q.article_id, a.source, q.text, q.speaker, q.role, q.cue, q.kind, q.start, q."end", '
    "c.id IS NOT NULL, c.corrected_by, c.corrected_at "
    "FROM quote q JOIN article a ON a.id = q.article_id "
    "LEFT JOIN quote_correction c ON c.id = q.correction_id"
)


def quote_dict(row: Sequence[Any]) -> dict[str, Any]:
    """One row of :data:`QUOTE_SELECT` as the documented JSON object."""
    quote = dict(zip(QUOTE_KEYS, row, strict=True))
    quote["corrected"] = bool(quote["corrected"])
    return quote


def get_quote(db: Database, quote_id: int) -> dict[str, Any] | None:
    """The listed quote with this id, or None (no such id, or marked not a quote)."""
    row = db.execute(QUOTE_SELECT + " WHERE q.id = ?", [quote_id]).fetchone()
    return quote_dict(row) if row else None
