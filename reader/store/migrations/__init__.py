"""The schema, built by versioned migrations (one function per step, each in a transaction).

Full-text search uses FTS5 external-content tables kept in sync by triggers.
Every text column is indexed twice: as written (names, exact forms) and as
Indonesian stems (``*_stem`` columns, filled by :mod:`reader.text.stem`), so a
query for ``curang`` reaches ``kecurangan`` while exact matches rank higher.

The steps live in ``steps_001`` (m001–m009) and ``steps_010`` (m010 on); a new step goes
at the end of the last module, or in a new one when that one grows past about 300 lines,
and its name at the end of :data:`STEP_NAMES`.

Opening a database only compares the names it has applied with :data:`STEP_NAMES`; the
step modules, and sqlite-utils with them, load when a step is pending
(:attr:`migrations`, loaded on first use).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sqlite_utils.migrations import Migrations

MIGRATION_SET = "reader"

# Every step, in the order it runs; the registry checks that its steps are exactly these.
STEP_NAMES = (
    "m001_articles",
    "m002_quotes_actors",
    "m003_review",
    "m004_search_meta",
    "m005_mention_rank",
    "m006_search_vocab",
    "m006_workflow",
    "m007_speaker_names",
    "m008_quote_corrections",
    "m009_identities",
    "m010_said_index",
    "m011_undo_history",
    "m012_article_note",
    "m013_search_terms",
    "m014_actor_lookup",
    "m015_actor_catalogue",
    "m016_who",
    "m017_article_claims",
    "m018_review_reviewer",
)

__all__ = ["MIGRATION_SET", "STEP_NAMES", "known_migration_names", "migrations"]


def known_migration_names() -> set[str]:
    return set(STEP_NAMES)


def _registered() -> Migrations:
    # Importing the step modules registers their steps, in this order.
    from reader.store.migrations import steps_001, steps_010  # noqa: F401
    from reader.store.migrations.registry import migrations

    registered = tuple(m.name for m in migrations._migrations)
    if registered != STEP_NAMES:
        raise RuntimeError(f"migration steps {registered} differ from STEP_NAMES {STEP_NAMES}")
    return migrations


def __getattr__(name: str) -> Any:
    if name == "migrations":
        return _registered()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
