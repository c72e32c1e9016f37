"""Who has an article open: short claims that keep two analysts off the same article.

An analyst who opens an article claims it for a few minutes; the app renews the claim
while the article stays open and releases it when the analyst moves on. A claim that is
not renewed (the app was closed, the laptop went to sleep) expires by itself: nothing has
to run in the background. Times are the database's own clock (UTC ISO text, as every
stored timestamp), so analysts whose computers' clocks differ still agree on who holds what.

Taking a claim is one conditional upsert: the row is written when the article is free,
its claim has expired or the claim is already the caller's, and never over another
analyst's live claim. Two analysts claiming the same article at the same moment get one
answer each: exactly one of them holds it. Names compare without regard to case.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from reader.store.backend import backend_of
from reader.store.writes import write_transaction

CLAIM_MINUTES = 5.0
CHUNK = 500  # ids per IN (...) list


@dataclass(frozen=True, slots=True)
class Claim:
    """The live claim on an article: who holds it, until when (UTC ISO text)."""

    article_id: int
    analyst: str
    expires_at: str

    def held_by(self, analyst: str) -> bool:
        return self.analyst.casefold() == analyst.casefold()


def _now(db: Any) -> str:
    return backend_of(db).clock("0")


def claim(db: Any, article_id: int, analyst: str, minutes: float = CLAIM_MINUTES) -> Claim:
    """Take or renew ``analyst``'s claim on the article for ``minutes``; returns the live claim
    afterwards: the caller's own when it was free, expired or already the caller's, else the
    other analyst's (which is left as it was)."""
    clock = backend_of(db).clock
    upsert = (
        f"INSERT INTO article_claim(article_id, analyst, claimed_at, expires_at) "
        f"VALUES (?, ?, {clock('0')}, {clock('?')}) "
        "ON CONFLICT(article_id) DO UPDATE SET analyst = excluded.analyst, "
        "claimed_at = CASE WHEN lower(article_claim.analyst) = lower(excluded.analyst) "
        "AND article_claim.expires_at > excluded.claimed_at "
        "THEN article_claim.claimed_at ELSE excluded.claimed_at END, "
        "expires_at = excluded.expires_at "
        "WHERE lower(article_claim.analyst) = lower(excluded.analyst) "
        "OR article_claim.expires_at <= excluded.claimed_at "
        "RETURNING analyst, expires_at"
    )
    for _attempt in range(3):  # the other analyst may release between the two statements
        with write_transaction(db):
            rows = db.execute(upsert, [article_id, analyst, minutes * 60]).fetchall()
            row = rows[0] if rows else None  # no row: another analyst's live claim stands
            if row is None:
                row = db.execute(
                    "SELECT analyst, expires_at FROM article_claim WHERE article_id = ?", [article_id]
                ).fetchone()
        if row is not None:
            return Claim(article_id, str(row[0]), str(row[1]))
    raise RuntimeError(f"article {article_id} could not be claimed")  # pragma: no cover


def release(db: Any, article_id: int, analyst: str) -> bool:
    """Give up ``analyst``'s claim on the article (another analyst's is left alone); says
    whether there was one. Expired claims of anyone are cleared on the way."""
    with write_transaction(db):
        mine = db.execute(
            "DELETE FROM article_claim WHERE article_id = ? AND lower(analyst) = lower(?)",
            [article_id, analyst],
        ).rowcount
        db.execute(f"DELETE FROM article_claim WHERE expires_at <= {_now(db)}")
    return bool(mine and mine > 0)


def holders(db: Any, article_ids: Iterable[int]) -> dict[int, str]:
    """Who holds a live claim on each of ``article_ids`` (articles nobody holds are left out)."""
    ids = sorted(set(article_ids))
    found: dict[int, str] = {}
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start : start + CHUNK]
        rows = db.execute(
            f"SELECT article_id, analyst FROM article_claim WHERE article_id IN "
            f"({', '.join('?' * len(chunk))}) AND expires_at > {_now(db)}",
            chunk,
        ).fetchall()
        found.update((int(article_id), str(name)) for article_id, name in rows)
    return found


def claimed_by_others(db: Any, analyst: str) -> dict[int, str]:
    """Every live claim held by someone other than ``analyst``: article id -> name. There are
    about as many as analysts at work (one open article each), read through the expiry index."""
    rows = db.execute(
        f"SELECT article_id, analyst FROM article_claim WHERE expires_at > {_now(db)} "
        "AND lower(analyst) != lower(?)",
        [analyst],
    ).fetchall()
    return {int(article_id): str(name) for article_id, name in rows}
