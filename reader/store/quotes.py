"""Reading quotes and actors across the whole database."""

from __future__ import annotations

from typing import Any

from sqlite_utils import Database

from reader.store.quote_rows import QUOTE_SELECT, quote_dict
from reader.store.speakers import closest_names, names_with_words
from reader.text.tokenize import tokens


def speaker_names(db: Database, wanted: str, canonical: str | None = None) -> list[str]:
    """The stored speaker names that ``wanted`` means.

    Exact (ignoring case) or the catalogue's canonical name first, then names that
    contain it as a word sequence (`Anies` → `Anies Baswedan`), then the closest
    spelling (`Giban` → `Gibran Rakabuming Raka`).
    """
    # Every name equal to or containing ``wanted`` (or the canonical name) has their words.
    names = names_with_words(db, [tokens(wanted), tokens(canonical or "")])
    targets = {wanted.casefold(), (canonical or wanted).casefold()}
    exact = [n for n in names if n.casefold() in targets]
    if exact:
        return exact
    words = wanted.casefold().split()
    containing = [n for n in names if _contains_words(n.casefold().split(), words)]
    if containing:
        return containing
    near = closest_names(db, wanted)
    return near[1] if near else []


def _contains_words(name: list[str], words: list[str]) -> bool:
    size = len(words)
    return any(name[i : i + size] == words for i in range(len(name) - size + 1))


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


def list_actors(db: Database, include_discovered: bool = True) -> list[dict[str, Any]]:
    """Every actor with the articles and mentions that name it and the quotes it speaks."""
    sql = """
        SELECT actor.name, actor.type, actor.discovered,
               count(mention.article_id), coalesce(sum(mention.count), 0),
               (SELECT count(*) FROM quote WHERE quote.speaker = actor.name)
        FROM actor LEFT JOIN mention ON mention.actor_id = actor.id
        {where}
        GROUP BY actor.id
        ORDER BY count(mention.article_id) DESC, actor.name
    """.format(where="" if include_discovered else "WHERE actor.discovered = 0")
    return [
        {"name": name, "type": kind, "discovered": bool(discovered), "articles": articles,
         "mentions": mentions, "quotes": quotes}
        for name, kind, discovered, articles, mentions, quotes in db.execute(sql).fetchall()
    ]
