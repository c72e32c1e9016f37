"""Export every article a search matches, streamed: constant memory whatever the size.

Ids come from a cursor over the search's own SQL (:func:`reader.search.select.matching_ids`)
and each article is read and written before the next one, so nothing holds the
whole export. A file is written next to its target and renamed into place at the
end, so a failed or interrupted export never leaves half a file behind.
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, TextIO

from reader.search.models import SearchRequest
from reader.search.select import matching_ids
from reader.store.backend import backend_of
from reader.store.database import Database
from reader.store.export_formats import Stats, writer_for

QUOTE_KEYS = (
    "id", "seq", "text", "speaker", "role", "cue", "kind", "start", "end",
    "corrected", "corrected_by", "corrected_at",
)  # fmt: skip

_RECORD_SQL = """
SELECT a.id, a.source, a.title, a.section, a.outlet, a.url, a.published, a.origin, a.imported_at,
  coalesce(r.reviewed, 0), r.reviewed_at,
  (SELECT {tags} FROM (SELECT t.name FROM article_tag at JOIN tag t ON t.id = at.tag_id
     WHERE at.article_id = a.id ORDER BY lower(t.name)) t),
  (SELECT {quotes}
     FROM (SELECT * FROM quote WHERE article_id = a.id ORDER BY seq) q
     LEFT JOIN quote_correction c ON c.id = q.correction_id),
  a.body, n.text
FROM article a LEFT JOIN review r ON r.article_id = a.id LEFT JOIN article_note n ON n.article_id = a.id
WHERE a.id = ?
"""
_QUOTE_VALUES = (
    "q.id", "q.seq", "q.text", "q.speaker", "q.role", "q.cue", "q.kind", "q.start", 'q."end"',
    "c.id IS NOT NULL", "c.corrected_by", "c.corrected_at",
)  # fmt: skip


def record_sql(db: Database) -> str:
    """The one query that reads an article's record, tags and quotes as JSON, in the store's SQL."""
    backend = backend_of(db)
    return _RECORD_SQL.format(
        tags=backend.json_list("t.name", "lower(t.name)"),
        quotes=backend.json_list(backend.json_row(*_QUOTE_VALUES), "q.seq"),
    )
_FIELDS = ("id", "source", "title", "section", "outlet", "url", "published", "origin", "imported_at")


def article_records(db: Database, ids: Iterable[int]) -> Iterator[dict[str, Any]]:
    """One JSON-ready dict per article id: metadata, review state, tags, quotes and body."""
    sql = record_sql(db)
    for article_id in ids:
        row = db.execute(sql, [article_id]).fetchone()
        if row is None:
            continue  # deleted since the search ran
        record: dict[str, Any] = dict(zip(_FIELDS, row[:9], strict=True))
        record["reviewed"] = bool(row[9])
        record["reviewed_at"] = row[10]
        record["tags"] = json.loads(row[11])
        record["quotes"] = [_quote(q) for q in json.loads(row[12])]
        record["body"] = row[13]
        record["note"] = row[14]
        yield record


def _quote(values: list[Any]) -> dict[str, Any]:
    quote = dict(zip(QUOTE_KEYS, values, strict=True))
    quote["corrected"] = bool(quote["corrected"])
    return quote


def export(
    db: Database,
    request: SearchRequest,
    out: TextIO,
    fmt: str,
    quotes_only: bool = False,
    title: str = "",
    raw_cells: bool = False,
) -> Stats:
    """Write every match of ``request`` to ``out`` as ``csv``, ``jsonl`` or ``md``; returns the counts.

    CSV text cells that a spreadsheet would run as a formula start with an apostrophe unless
    ``raw_cells``."""
    writer = writer_for(fmt, out, quotes_only, title or describe(request), raw_cells)
    writer.begin()
    for record in article_records(db, matching_ids(db, request)):
        writer.write(record)
    writer.end()
    return writer.stats


def describe(request: SearchRequest) -> str:
    """The view in words: ``“kecurangan” · tag: cek · unreviewed``."""
    parts = [f"“{request.query.strip()}”" if request.query.strip() else "all articles"]
    if request.tag:
        parts.append(f"tag: {request.tag}")
    if request.actor:
        parts.append(f"actor: {request.actor}")
    if request.outlet:
        parts.append(f"outlet: {request.outlet}")
    if request.date_from or request.date_to:
        parts.append(f"{request.date_from or '…'} to {request.date_to or '…'}")
    if request.reviewed is not None:
        parts.append("reviewed" if request.reviewed else "unreviewed")
    return " · ".join(parts)


@contextlib.contextmanager
def atomic_output(path: str | os.PathLike[str], bom: bool = False) -> Iterator[TextIO]:
    """A UTF-8 text file (``newline=""``) that appears at ``path`` only when the block succeeds."""
    target = Path(path)
    temporary = target.with_name(f".{target.name}.{os.getpid()}-{secrets.token_hex(4)}.part")
    try:
        # Opened like any new file (the user's umask applies), unlike tempfile's 0600.
        with open(temporary, "x", encoding="utf-8", newline="") as handle:
            if bom:
                handle.write("\ufeff")
            yield handle
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
