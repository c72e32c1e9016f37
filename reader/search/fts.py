"""Building FTS5 MATCH expressions from already-folded words.

Every word goes into the expression as a quoted phrase (``"` doubled), so no
user input can reach FTS5's own syntax. Raw columns (``title body``) carry the
exact forms; stem columns (``title_stem body_stem``) carry Indonesian stems.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

RAW = "{title body}"
STEM = "{title_stem body_stem}"
ANY = "{title body title_stem body_stem}"
# The statement index (quote_fts): a statement's text as written and as stems.
SAID_RAW = "{text}"
SAID_STEM = "{text_stem}"

# bm25 weights for (title, body, title_stem, body_stem): exact forms weigh ten
# times more than stems, and the title three times more than the body, so an
# exact hit ranks above a stem-only hit and a title hit above a body hit.
BM25 = "bm25(article_fts, 30.0, 10.0, 3.0, 1.0)"


def quote(text: str) -> str:
    """One FTS5 string (a phrase when it holds several words)."""
    return '"' + text.replace('"', '""') + '"'


def phrase(columns: str, words: Sequence[str], prefix: bool = False) -> str:
    expression = f"{columns}: {quote(' '.join(words))}"
    return expression + " *" if prefix else expression


def any_of(parts: Iterable[str]) -> str:
    unique = list(dict.fromkeys(p for p in parts if p))
    if not unique:
        return ""
    if len(unique) == 1:
        return unique[0]
    return "(" + " OR ".join(unique) + ")"


def all_of(parts: Iterable[str]) -> str:
    unique = list(dict.fromkeys(p for p in parts if p))
    if not unique:
        return ""
    if len(unique) == 1:
        return unique[0]
    return "(" + " AND ".join(unique) + ")"


def excluding(positive: str, negative: str) -> str:
    if not negative:
        return positive
    return f"{positive} NOT {negative}"
