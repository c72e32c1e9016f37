"""Putting the analyst's corrections into the quote rows, and back after re-extraction.

A correction (table ``quote_correction``) is the source of truth. It is keyed by the
article's source id and the quote's text (:func:`text_key`: its folded words, so
whitespace, punctuation and offsets may change) plus which occurrence of that text
it is in the article. Applying it writes the result into the quote row itself
(speaker, role, ``correction_id``) or, for "not a quote", deletes the row, so every
reader of ``quote`` (listings, ``speaker:`` search, counts, export) sees the analyst's
value without knowing about corrections. The correction keeps a snapshot of the row
as extracted, which is what undoing it restores.

Whoever replaces an article's quotes (an import, a re-extraction) calls
:func:`reapply_corrections` in the same transaction; the import does.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from reader.store.backend import backend_of
from reader.store.database import Database
from reader.store.schema_facts import SAID_KINDS
from reader.text.tokenize import tokens

FUZZY_CUTOFF = 90  # rapidfuzz ratio of two text keys: a word changed in a long quote
FUZZY_MIN_LENGTH = 24  # short texts re-attach only by their exact key

NoteSpeakers = Callable[[Iterable[str | None]], None]

CORRECTION_COLUMNS = (
    "id", "source", "text_key", "occurrence", "speaker", "role", "not_a_quote", "extracted",
    "quote_id", "corrected_by", "corrected_at",
)  # fmt: skip


def text_key(text: str) -> str:
    """What identifies a quote's text across cleaning changes: its folded words."""
    return " ".join(tokens(text))


def load_corrections(db: Database, where: str, params: Sequence[Any]) -> list[dict[str, Any]]:
    rows = db.execute(
        f"SELECT {', '.join(CORRECTION_COLUMNS)} FROM quote_correction WHERE {where} ORDER BY id", params
    ).fetchall()
    return [dict(zip(CORRECTION_COLUMNS, row, strict=True)) for row in rows]


def _index_columns(db: Database) -> set[str]:
    """The quote columns a store fills for its own index (PostgreSQL's ``said``): not the quote's."""
    column = backend_of(db).quote_index_column.column
    return {column.strip(", ")} if column else set()


def quote_rows(db: Database, where: str, params: Sequence[Any]) -> list[dict[str, Any]]:
    """Every column of the stored quote rows ``where`` picks (whatever columns the schema has by
    now, but a store's own index column), in article order."""
    cursor = db.execute(f"SELECT * FROM quote WHERE {where} ORDER BY article_id, seq", params)
    names = [d[0] for d in cursor.description]
    skip = _index_columns(db)
    return [
        {k: v for k, v in zip(names, row, strict=True) if k not in skip} for row in cursor.fetchall()
    ]


def quote_row(db: Database, quote_id: int) -> dict[str, Any] | None:
    """Every column of one stored quote row (see :func:`quote_rows`)."""
    rows = quote_rows(db, "id = ?", [quote_id])
    return rows[0] if rows else None


def snapshot(row: dict[str, Any]) -> str:
    """The row as extracted, for undoing: every column but its id and correction link."""
    return json.dumps({k: v for k, v in row.items() if k not in ("id", "correction_id")}, ensure_ascii=False)


def _restore(db: Database, correction: dict[str, Any]) -> int:
    """Re-create a removed quote row from the snapshot, under its old id when that is free."""
    cursor = db.execute("SELECT * FROM quote LIMIT 0")
    columns_now = {d[0] for d in cursor.description} - _index_columns(db)
    cursor.fetchall()
    values = {k: v for k, v in json.loads(correction["extracted"]).items() if k in columns_now}
    taken = correction["quote_id"] is None or quote_row(db, correction["quote_id"]) is not None
    if not taken:
        values["id"] = correction["quote_id"]
    index = backend_of(db).quote_index_column
    statement = values.get("kind") in SAID_KINDS
    extra = index.values(values.get("text", ""), values.get("text_stem", ""), statement)
    columns = ", ".join(f'"{name}"' for name in values)
    row = db.execute(
        f"INSERT INTO quote({columns}{index.column}) VALUES ({', '.join('?' for _ in values)}"
        f"{index.placeholder}) RETURNING id",
        [*values.values(), *extra],
    ).fetchone()
    return int(row[0])


def has_corrections(db: Database, source: str) -> bool:
    """Whether the analyst corrected quotes of this source (one index lookup; the table is small)."""
    row = db.conn.execute("SELECT 1 FROM quote_correction WHERE source = ? LIMIT 1", (source,)).fetchone()
    return row is not None


def _belongs(row: dict[str, Any], correction: dict[str, Any], article_id: int) -> bool:
    if row["article_id"] != article_id:
        return False
    if row["correction_id"] is not None:
        return bool(row["correction_id"] == correction["id"])
    return text_key(row["text"]) == correction["text_key"]


def enforce(db: Database, correction: dict[str, Any], article_id: int, note: NoteSpeakers) -> None:
    """Make the quote row say what ``correction`` says.

    ``note`` stores a speaker name the row now carries (the importer's
    ``ActorIds.note_speakers``), so ``speaker:`` finds the corrected name.
    """
    row = quote_row(db, correction["quote_id"]) if correction["quote_id"] is not None else None
    if row is not None and not _belongs(row, correction, article_id):
        row = None  # the id was given to another quote since
    if correction["not_a_quote"]:
        if row is not None:
            db.execute("DELETE FROM quote WHERE id = ?", [row["id"]])
            backend_of(db).statements_changed(db, [article_id])
        return
    extracted = json.loads(correction["extracted"])
    if row is not None:
        quote_id = row["id"]
    else:
        quote_id = _restore(db, correction)
        backend_of(db).statements_changed(db, [article_id])
    speaker = extracted.get("speaker") if correction["speaker"] is None else correction["speaker"] or None
    role = extracted.get("role") if correction["role"] is None else correction["role"] or None
    db.execute(
        "UPDATE quote SET speaker = ?, role = ?, correction_id = ? WHERE id = ?",
        [speaker, role, correction["id"], quote_id],
    )
    if quote_id != correction["quote_id"]:
        db.execute("UPDATE quote_correction SET quote_id = ? WHERE id = ?", [quote_id, correction["id"]])
        correction["quote_id"] = quote_id
    note([speaker])


def keyed(rows: list[dict[str, Any]]) -> list[tuple[str, int]]:
    """``(text_key, occurrence)`` of each row, rows in article order."""
    seen: dict[str, int] = {}
    keys = []
    for row in rows:
        key = text_key(row["text"])
        keys.append((key, seen.get(key, 0)))
        seen[key] = seen.get(key, 0) + 1
    return keys


def _match(correction: dict[str, Any], keys: list[tuple[str, int]], free: set[int]) -> int | None:
    """Which fresh row (index) a correction belongs to: its exact key, else one clear near match."""
    wanted = (correction["text_key"], correction["occurrence"])
    for index in sorted(free):
        if keys[index] == wanted:
            return index
    if len(correction["text_key"]) < FUZZY_MIN_LENGTH:
        return None
    from rapidfuzz import fuzz  # loaded by the first correction that has moved, not by every command

    scored = sorted(
        ((fuzz.ratio(correction["text_key"], keys[i][0]), i) for i in free), reverse=True
    )
    if scored and scored[0][0] >= FUZZY_CUTOFF and (len(scored) == 1 or scored[1][0] < scored[0][0]):
        return scored[0][1]
    return None


def reapply_corrections(db: Database, article_id: int, source: str, note: NoteSpeakers) -> int:
    """Re-attach the corrections of an article whose quotes were just (re)written.

    Call it after replacing all of the article's quote rows, inside the same
    transaction. Returns how many corrections found their quote again; the others
    stay stored (unattached) and re-attach if a later extraction finds the quote.
    """
    corrections = load_corrections(db, "source = ?", [source])
    if not corrections:
        return 0
    rows = quote_rows(db, "article_id = ?", [article_id])
    if any(row["correction_id"] is not None for row in rows):
        return 0  # these quotes carry their corrections already: nothing was re-extracted
    keys = keyed(rows)
    free = set(range(len(rows)))
    attached = 0
    for correction in corrections:
        index = _match(correction, keys, free)
        if index is None:  # kept, unattached, for a later extraction that finds the quote
            db.execute("UPDATE quote_correction SET quote_id = NULL WHERE id = ?", [correction["id"]])
            continue
        free.discard(index)
        row = rows[index]
        key, occurrence = keys[index]
        clash = db.execute(
            "SELECT 1 FROM quote_correction WHERE source = ? AND text_key = ? AND occurrence = ? AND id != ?",
            [source, key, occurrence, correction["id"]],
        ).fetchone()
        if clash is None:
            correction.update(text_key=key, occurrence=occurrence)
        correction.update(extracted=snapshot(row), quote_id=row["id"])
        db.execute(
            "UPDATE quote_correction SET text_key = ?, occurrence = ?, extracted = ?, quote_id = ? "
            "WHERE id = ?",
            [correction["text_key"], correction["occurrence"], correction["extracted"], row["id"],
             correction["id"]],
        )  # fmt: skip
        enforce(db, correction, article_id, note)
        attached += 1
    return attached
