"""Hits and hit offsets: what a result shows of each matching article.

Snippets and offsets are computed in Python from the stored body with the same
highlighter, so stem, typo and actor hits are marked exactly like exact ones.
``said:`` terms are marked inside the article's statements (and in snippets).
"""

from __future__ import annotations

import json

from reader.search.backend_sql import query_errors
from reader.search.highlight import Highlighter, merge, snippet
from reader.search.models import SearchHit
from reader.search.plan import Plan, Planner
from reader.search.query import parse_query
from reader.store.database import Database
from reader.store.review import tags_of
from reader.store.schema_facts import SAID_KINDS

LEAD_CHARS = 160  # enough for a one-line stand-in title


def hit_offsets(db: Database, article_id: int, query: str) -> list[tuple[int, int]]:
    """Sorted spans of every hit of ``query`` (exact, stem, typo-fixed, actor) in the article body."""
    return HitOffsets(db, query).of(article_id)


class HitOffsets:
    """:func:`hit_offsets` for many articles of one query: the query is planned once (its
    typo and alias expansion read the vocabulary), not once per article."""

    def __init__(self, db: Database, query: str) -> None:
        self.db = db
        self.plan: Plan | None = None
        try:
            self.plan = Planner(db).build(parse_query(query))
        except query_errors(self.db):
            return
        self.body = Highlighter(self.plan.marks)
        self.said = Highlighter(self.plan.said_marks) if self.plan.said else None

    def of(self, article_id: int) -> list[tuple[int, int]]:
        if self.plan is None:
            return []
        try:
            row = self.db.execute("SELECT body FROM article WHERE id = ?", [article_id]).fetchone()
            if row is None:
                return []
            spans = self.body.spans(row[0])
            spans.extend(_mention_spans(self.db, article_id, self.plan.marks.actors, len(row[0])))
            if self.said is not None:
                spans.extend(_statement_spans(self.db, article_id, self.said, row[0]))
            return merge(spans)
        except query_errors(self.db):
            return []


def _mention_spans(db: Database, article_id: int, actors: set[str], size: int) -> list[tuple[int, int]]:
    if not actors:
        return []
    marks = ",".join("?" * len(actors))
    rows = db.execute(
        f"SELECT m.offsets FROM mention m JOIN actor ac ON ac.id = m.actor_id "
        f"WHERE m.article_id = ? AND ac.name IN ({marks})",
        [article_id, *sorted(actors)],
    ).fetchall()
    spans: list[tuple[int, int]] = []
    for (offsets,) in rows:
        try:
            for start, end in json.loads(offsets):
                if 0 <= int(start) < int(end) <= size:
                    spans.append((int(start), int(end)))
        except (ValueError, TypeError):
            continue
    return spans


def _statement_spans(db: Database, article_id: int, said: Highlighter, body: str) -> list[tuple[int, int]]:
    """Hits of the ``said:`` terms inside the article's statements, as body offsets."""
    marks = ",".join("?" * len(SAID_KINDS))
    spans: list[tuple[int, int]] = []
    for text, start in db.execute(
        f"SELECT text, start FROM quote WHERE article_id = ? AND kind IN ({marks})", [article_id, *SAID_KINDS]
    ):
        if body[start : start + len(text)] == text:  # offsets hold only where the text is verbatim
            spans.extend((start + s, start + e) for s, e in said.spans(text))
    return spans


def build_hits(db: Database, ids: list[tuple[int, float]], plan: Plan) -> tuple[SearchHit, ...]:
    """The page of hits for ``ids`` (in that order), with metadata, tags, lead and snippet."""
    if not ids:
        return ()
    marks = _marks(ids)
    id_list = [i for i, _ in ids]
    rows = {
        row[0]: row
        for row in db.execute(
            f"SELECT a.id, a.source, a.title, a.outlet, a.published, a.body, coalesce(r.reviewed, 0), "
            f"r.reviewed_by FROM article a LEFT JOIN review r ON r.article_id = a.id "
            f"WHERE a.id IN ({marks})",
            id_list,
        )
    }
    tags = tags_of(db, id_list)
    highlighter = Highlighter(plan.marks.union(plan.said_marks) if plan.said else plan.marks)
    hits = []
    for article_id, score in ids:
        if article_id not in rows:  # deleted between the two queries
            continue
        _, source, title, outlet, published, body, reviewed, reviewed_by = rows[article_id]
        text, spans = snippet(body, highlighter.spans(body))
        hits.append(
            SearchHit(
                article_id=article_id,
                source=source,
                title=title,
                outlet=outlet,
                published=published,
                reviewed=bool(reviewed),
                tags=tuple(tags.get(article_id, ())),
                snippet=text,
                snippet_spans=spans,
                score=-score,
                lead="" if title else body[:LEAD_CHARS],
                reviewed_by=reviewed_by if reviewed else None,
            )
        )
    return tuple(hits)


def _marks(values: object) -> str:
    return ",".join("?" * len(values))  # type: ignore[arg-type]
