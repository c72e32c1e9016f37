"""Facts of the SQLite schema that code outside the migrations relies on.

Kept apart from the migration steps so that searching, which needs these names, does not
load every step of the schema's history.
"""

from __future__ import annotations

FTS_TOKENIZER = "unicode61 remove_diacritics 2"

# Quote kinds whose words are searchable with said: (statements, not other kinds of spans).
SAID_KINDS = ("direct", "indirect")

# A statement's rowid in quote_fts: its article id and the low 32 bits of its quote id, so the
# articles of matching statements come from the index alone (no lookup of each quote row).
SAID_SHIFT = 32
SAID_ID = "(({row}.article_id << 32) | ({row}.id & 4294967295))"
