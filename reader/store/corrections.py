"""The analyst has the last word: correcting a quote's speaker or role, or removing a false quote.

The API the CLI (``reader correct``) and the app call:

* :func:`correct_quote` sets a speaker and/or role, or marks a quote "not a quote";
* :func:`reset_quote` undoes that, giving back the quote as extracted;
* :func:`list_corrections` lists every correction, attached to a quote or not.

Corrections live in ``quote_correction``, apart from what extraction writes, keyed by
the article's source id and the quote's text (see :mod:`reader.store.correction_apply`),
so re-importing or re-extracting an article never loses them. Each change is its own
committed transaction before the function returns (the database runs with
``synchronous = FULL`` outside imports), so what the app shows as corrected is on disk.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from reader.errors import UsageError
from reader.store.analyst import USER_ENV as USER_ENV
from reader.store.analyst import analyst_name as analyst_name
from reader.store.correction_apply import (
    NoteSpeakers,
    enforce,
    load_corrections,
    quote_row,
    snapshot,
    text_key,
)
from reader.store.database import Database
from reader.store.quote_rows import QUOTE_KEYS, get_quote
from reader.store.retry import retrying
from reader.store.writes import ActorIds, now_iso, write_transaction

MAX_NAME_LENGTH = 200


class QuoteNotFound(UsageError):
    """No quote (listed, or removed as not a quote) has this id."""


def _clean(value: str | None, what: str) -> str | None:
    if value is None:
        return None
    text = " ".join(value.split())
    if len(text) > MAX_NAME_LENGTH:
        raise UsageError(f"a {what} can be at most {MAX_NAME_LENGTH} characters")
    return text  # "" clears it: no speaker / no role


@retrying
def correct_quote(
    db: Database,
    quote_id: int,
    *,
    speaker: str | None = None,
    role: str | None = None,
    not_a_quote: bool = False,
    user: str | None = None,
) -> dict[str, Any]:
    """Correct one quote and commit; returns the quote as it now reads.

    ``speaker`` / ``role`` replace the extracted values (``""`` clears one; ``None``
    keeps what is there, so a role can be corrected alone). ``not_a_quote`` removes
    the quote from every listing, search and export. Correcting the speaker of a
    quote marked not a quote lists it again. The result has the keys of a listed
    quote (:data:`reader.store.quote_rows.QUOTE_KEYS`) plus ``not_a_quote``.
    Raises :class:`QuoteNotFound` for an unknown id and :class:`UsageError` for
    a request that says nothing or contradicts itself.
    """
    speaker, role = _clean(speaker, "speaker"), _clean(role, "role")
    if not_a_quote and (speaker is not None or role is not None):
        raise UsageError("a quote marked not a quote has no speaker or role to correct")
    if not not_a_quote and speaker is None and role is None:
        raise UsageError("say what to correct: a speaker, a role, or not a quote")
    with write_transaction(db):
        correction, article_id = _locate(db, quote_id)
        if article_id is None:
            raise UsageError(f"the article of quote {quote_id} is no longer stored")
        if not_a_quote:
            correction.update(not_a_quote=1)
        else:
            correction["not_a_quote"] = 0
            correction["speaker"] = speaker if speaker is not None else correction["speaker"]
            correction["role"] = role if role is not None else correction["role"]
        correction.update(corrected_by=analyst_name(user), corrected_at=now_iso())
        _save(db, correction)
        enforce(db, correction, article_id, _note_speakers(db))
    return _as_quote(db, correction, article_id)


@retrying
def reset_quote(db: Database, quote_id: int) -> dict[str, Any]:
    """Undo the correction of a quote (listed again if it was marked not a quote); commits.

    Returns the quote as extracted, with ``not_a_quote`` False. Raises
    :class:`QuoteNotFound` for an unknown id and :class:`UsageError` when the quote
    has no correction.
    """
    with write_transaction(db):
        correction, article_id = _locate(db, quote_id)
        if correction["id"] is None:
            raise UsageError(f"quote {quote_id} has no correction to undo")
        db.execute("DELETE FROM quote_correction WHERE id = ?", [correction["id"]])
        if article_id is None:  # its article is gone: only the record was left
            return _as_quote(db, {**correction, "id": None, "not_a_quote": 0}, None)
        undone = {**correction, "speaker": None, "role": None, "not_a_quote": 0}
        enforce(db, undone, article_id, _note_speakers(db))
        db.execute("UPDATE quote SET correction_id = NULL WHERE id = ?", [undone["quote_id"]])
    return _as_quote(db, {**undone, "id": None}, article_id)


def _note_speakers(db: Database) -> NoteSpeakers:
    """Store a corrected speaker name with its identity, unless it is stored already (the
    importer's resolver loads every speaker name, which one correction need not pay for)."""

    def note(names: Iterable[str | None]) -> None:
        stored = "SELECT 1 FROM speaker WHERE name = ?"
        new = [name for name in names if name and db.execute(stored, [name]).fetchone() is None]
        if new:
            ActorIds(db).note_speakers(new)

    return note


def list_corrections(db: Database) -> list[dict[str, Any]]:
    """Every correction, oldest first: what it says, what was extracted, and where it is attached.

    ``attached`` is False when the quote it belongs to is not in the database (its
    article was removed, or re-extraction no longer finds the quote); ``quote_id``
    is then the id it last had.
    """
    result = []
    for correction in load_corrections(db, "true", []):
        extracted = json.loads(correction["extracted"])
        row = db.execute(
            "SELECT q.id FROM quote q WHERE q.id = ? AND q.correction_id = ?",
            [correction["quote_id"], correction["id"]],
        ).fetchone()
        result.append(
            {
                "quote_id": correction["quote_id"],
                "source": correction["source"],
                "text": extracted.get("text"),
                "not_a_quote": bool(correction["not_a_quote"]),
                "speaker": correction["speaker"],
                "role": correction["role"],
                "extracted_speaker": extracted.get("speaker"),
                "extracted_role": extracted.get("role"),
                "attached": row is not None or _removed_here(db, correction),
                "corrected_by": correction["corrected_by"],
                "corrected_at": correction["corrected_at"],
            }
        )
    return result


def _removed_here(db: Database, correction: dict[str, Any]) -> bool:
    """A "not a quote" that matched the article's current extraction (and so hides a quote)."""
    if not correction["not_a_quote"] or correction["quote_id"] is None:
        return False
    return db.execute("SELECT 1 FROM article WHERE source = ?", [correction["source"]]).fetchone() is not None


def _locate(db: Database, quote_id: int) -> tuple[dict[str, Any], int | None]:
    """The correction of quote ``quote_id`` (a new, unsaved one if it has none) and its article."""
    row = quote_row(db, quote_id)
    if row is not None:
        if row["correction_id"] is not None:
            found = load_corrections(db, "id = ?", [row["correction_id"]])
            if found:
                return found[0], int(row["article_id"])
        return _new_correction(db, row), int(row["article_id"])
    removed = load_corrections(db, "quote_id = ? AND not_a_quote = 1", [quote_id])
    if not removed:
        raise QuoteNotFound(f"no quote with id {quote_id}")
    correction = removed[-1]
    article = db.execute("SELECT id FROM article WHERE source = ?", [correction["source"]]).fetchone()
    return correction, int(article[0]) if article else None


def _new_correction(db: Database, row: dict[str, Any]) -> dict[str, Any]:
    source = str(db.execute("SELECT source FROM article WHERE id = ?", [row["article_id"]]).fetchone()[0])
    key = text_key(row["text"])
    # Which occurrence of this text in the article: the listed quotes before it, and
    # those removed as not a quote (still counted: they are in the extraction).
    earlier = db.execute(
        "SELECT id, text FROM quote WHERE article_id = ? AND seq < ? ORDER BY seq",
        [row["article_id"], row["seq"]],
    ).fetchall()
    occurrence = sum(1 for _, text in earlier if text_key(text) == key)
    removed_here = "source = ? AND text_key = ? AND not_a_quote = 1 AND quote_id IS NOT NULL"
    for removed in load_corrections(db, removed_here, [source, key]):
        if json.loads(removed["extracted"]).get("seq", 0) < row["seq"]:
            occurrence += 1
    return {
        "id": None, "source": source, "text_key": key, "occurrence": occurrence, "speaker": None,
        "role": None, "not_a_quote": 0, "extracted": snapshot(row), "quote_id": row["id"],
        "corrected_by": "", "corrected_at": "",
    }  # fmt: skip


def _save(db: Database, correction: dict[str, Any]) -> None:
    fields = ("source", "text_key", "occurrence", "speaker", "role", "not_a_quote", "extracted",
              "quote_id", "corrected_by", "corrected_at")  # fmt: skip
    values = [correction[f] for f in fields]
    if correction["id"] is None:
        # A correction left unattached under the same key (its quote went missing in an
        # earlier extraction) is this quote's: it is taken over, not duplicated.
        updates = ", ".join(f"{f} = excluded.{f}" for f in fields)
        db.execute(
            f"INSERT INTO quote_correction({', '.join(fields)}) VALUES ({', '.join('?' for _ in fields)}) "
            f"ON CONFLICT(source, text_key, occurrence) DO UPDATE SET {updates}",
            values,
        )
        correction["id"] = int(db.execute(
            "SELECT id FROM quote_correction WHERE source = ? AND text_key = ? AND occurrence = ?",
            [correction["source"], correction["text_key"], correction["occurrence"]],
        ).fetchone()[0])  # fmt: skip
    else:
        db.execute(
            f"UPDATE quote_correction SET {', '.join(f + ' = ?' for f in fields)} WHERE id = ?",
            [*values, correction["id"]],
        )


def _as_quote(db: Database, correction: dict[str, Any], article_id: int | None) -> dict[str, Any]:
    """The quote as it now reads (listed), or as last extracted with the correction (removed)."""
    if not correction["not_a_quote"] and correction["quote_id"] is not None and article_id is not None:
        listed = get_quote(db, correction["quote_id"])
        if listed is not None:
            return {**listed, "not_a_quote": False}
    extracted = json.loads(correction["extracted"])
    quote = {key: extracted.get(key) for key in QUOTE_KEYS}
    corrected = correction["id"] is not None
    quote.update(
        id=correction["quote_id"], source=correction["source"], corrected=corrected,
        corrected_by=correction["corrected_by"] if corrected else None,
        corrected_at=correction["corrected_at"] if corrected else None,
        not_a_quote=bool(correction["not_a_quote"]),
    )  # fmt: skip
    return quote
