"""SQLite FTS5: a plan's expression (:mod:`reader.search.expr`) as a MATCH string.

Every word goes into the string as a quoted phrase (``"`` doubled), so no user input
can reach FTS5's own syntax. Raw columns (``title body``) carry the exact forms; stem
columns (``title_stem body_stem``) carry Indonesian stems; the statement index
(``quote_fts``) has ``text`` and ``text_stem``.
"""

from __future__ import annotations

from reader.search.expr import AllOf, AnyOf, Columns, Empty, Excluding, Expr, Phrase

COLUMNS = {
    Columns.RAW: "{title body}",
    Columns.STEM: "{title_stem body_stem}",
    Columns.ANY: "{title body title_stem body_stem}",
    Columns.SAID_RAW: "{text}",
    Columns.SAID_STEM: "{text_stem}",
}

# bm25 weights for (title, body, title_stem, body_stem): exact forms weigh ten
# times more than stems, and the title three times more than the body, so an
# exact hit ranks above a stem-only hit and a title hit above a body hit.
BM25 = "bm25(article_fts, 30.0, 10.0, 3.0, 1.0)"


def quote(text: str) -> str:
    """One FTS5 string (a phrase when it holds several words)."""
    return '"' + text.replace('"', '""') + '"'


def render_fts5(expr: Expr) -> str:
    """The FTS5 MATCH string for ``expr`` ("" for the empty expression)."""
    match expr:
        case Empty():
            return ""
        case Phrase(columns, words, prefix):
            text = f"{COLUMNS[columns]}: {quote(' '.join(words))}"
            return text + " *" if prefix else text
        case AnyOf(parts):
            return _group(" OR ", parts)
        case AllOf(parts):
            return _group(" AND ", parts)
        case Excluding(positive, negative):
            if not negative:
                return render_fts5(positive)
            return f"{render_fts5(positive)} NOT {render_fts5(negative)}"
    raise TypeError(f"not a search expression: {expr!r}")


def _group(operator: str, parts: tuple[Expr, ...]) -> str:
    rendered = [render_fts5(part) for part in parts if part]
    if len(rendered) <= 1:
        return "".join(rendered)
    return "(" + operator.join(rendered) + ")"
