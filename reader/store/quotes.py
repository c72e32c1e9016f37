"""Reading quotes, speakers and actors across the whole database."""

from __future__ import annotations

from typing import Any

from reader.store.backend import backend_of
from reader.store.database import Database
from reader.store.quote_rows import QUOTE_SELECT, quote_dict
from reader.store.speakers import resolve_speaker


def speaker_names(db: Database, wanted: str) -> list[str]:
    """The stored speaker names whose quotes ``wanted`` asks for: every name of the
    identities it means (the resolver's rules, as ``speaker:`` in search)."""
    return list(resolve_speaker(db, wanted).speaker_names)


def list_quotes(
    db: Database,
    speakers: list[str] | None = None,
    article_id: int | None = None,
    kind: str | None = None,
    limit: int | None = None,
) -> list[dict[str, Any]]:
    """Quotes in article order, optionally only by ``speakers`` / in one article / of one kind."""
    where, params = [], []
    if speakers is not None:
        if not speakers:
            return []
        where.append(f"q.speaker IN ({', '.join('?' for _ in speakers)})")
        params += speakers
    if article_id is not None:
        where.append("q.article_id = ?")
        params.append(article_id)
    if kind is not None:
        where.append("q.kind = ?")
        params.append(kind)
    sql = QUOTE_SELECT + (" WHERE " + " AND ".join(where) if where else "")
    sql += " ORDER BY q.article_id, q.seq"
    if limit is not None:
        sql += f" LIMIT {int(limit)}"
    rows = db.execute(sql, params).fetchall()
    return [quote_dict(row) for row in rows]


# Quotes per identity: every speaker name that belongs to it (``quote_speaker`` per name).
_IDENTITY_QUOTES = (
    "(SELECT count(*) FROM speaker s JOIN quote q {hint} ON q.speaker = s.name "
    "WHERE s.actor_id = actor.id)"
)


def list_actors(db: Database, include_discovered: bool = True) -> list[dict[str, Any]]:
    """Every actor with the articles and mentions that name it and the quotes it speaks."""
    sql = """
        SELECT actor.name, actor.type, actor.discovered,
               count(mention.article_id), coalesce(sum(mention.count), 0), {quotes}
        FROM actor LEFT JOIN mention ON mention.actor_id = actor.id
        {where}
        GROUP BY actor.id
        ORDER BY count(mention.article_id) DESC, actor.name
    """.format(
        quotes=_IDENTITY_QUOTES.format(hint=_speaker_hint(db)),
        where="" if include_discovered else "WHERE actor.discovered = 0",
    )
    return [
        {"name": name, "type": kind, "discovered": bool(discovered), "articles": articles,
         "mentions": mentions, "quotes": quotes}
        for name, kind, discovered, articles, mentions, quotes in db.execute(sql).fetchall()
    ]


def list_speakers(db: Database) -> list[dict[str, Any]]:
    """Every identity that has quotes: its statement count and the names folded into it
    (each with its own count), most quoted first."""
    rows = db.execute(
        "SELECT a.id, a.name, a.type, a.discovered, s.name, s.decided, "
        f"(SELECT count(*) FROM quote q {_speaker_hint(db)} WHERE q.speaker = s.name) "
        "FROM speaker s JOIN actor a ON a.id = s.actor_id ORDER BY a.id, s.name"
    ).fetchall()
    people: dict[int, dict[str, Any]] = {}
    for actor_id, name, kind, discovered, variant, decided, quotes in rows:
        person = people.setdefault(actor_id, {
            "id": actor_id, "name": name, "type": kind, "discovered": bool(discovered),
            "quotes": 0, "variants": [],
        })  # fmt: skip
        person["quotes"] += quotes
        if variant != name:
            person["variants"].append({"name": variant, "quotes": quotes, "decided": bool(decided)})
    found = [p for p in people.values() if p["quotes"]]
    found.sort(key=lambda p: (-p["quotes"], p["name"]))
    return found


def _speaker_hint(db: Database) -> str:
    return backend_of(db).index_hint("quote_speaker")
