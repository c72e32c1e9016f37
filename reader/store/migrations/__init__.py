"""The schema, built by versioned migrations (one function per step, each in a transaction).

Full-text search uses FTS5 external-content tables kept in sync by triggers.
Every text column is indexed twice: as written (names, exact forms) and as
Indonesian stems (``*_stem`` columns, filled by :mod:`reader.text.stem`), so a
query for ``curang`` reaches ``kecurangan`` while exact matches rank higher.

The steps live in ``steps_001`` (m001–m009) and ``steps_010`` (m010 on); a new step goes
at the end of the last module, or in a new one when that one grows past about 300 lines.
"""

from __future__ import annotations

# Importing the step modules registers their steps, in this order.
from reader.store.migrations import steps_001, steps_010  # noqa: F401
from reader.store.migrations.registry import MIGRATION_SET, migrations

__all__ = ["MIGRATION_SET", "known_migration_names", "migrations"]


def known_migration_names() -> set[str]:
    return {m.name for m in migrations._migrations}
