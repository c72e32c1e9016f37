"""PostgreSQL: a plan's expression (:mod:`reader.search.expr`) as ``tsquery`` text.

The text is meant for ``%s::tsquery``: PostgreSQL's own parser never sees the user's
words (no ``to_tsquery``), since they are already folded and stemmed by the project's
tokenizer and stemmer, exactly as the indexed ``tsvector`` holds them. The column group
of a phrase becomes a weight restriction; an article's ``tsvector`` weighs its title
as written A, its body as written B, the title's stems C and the body's stems D, and
a statement's ``tsvector`` its text as written A and its stems B.

A word asked for both as written and as a stem, whose two forms are the same lexeme
(``pemilu``: ``'pemilu':AB | 'pemilu':CD``), is the lexeme in any column: it is written
without a weight. The matches are the same, and the GIN index answers an unweighted lexeme
by itself, where a weight makes PostgreSQL read every match's vector again to check it
(about 10 µs a match: 100 ms for the 4,300 articles that say *pemilu* in 100,000).
"""

from __future__ import annotations

from reader.search.expr import AllOf, AnyOf, Columns, Empty, Excluding, Expr, Phrase

# Column groups that together are every column of their vector (article; statement).
WHOLE_VECTOR = (frozenset({Columns.RAW, Columns.STEM}), frozenset({Columns.SAID_RAW, Columns.SAID_STEM}))
WEIGHTS = {
    Columns.RAW: "AB",
    Columns.STEM: "CD",
    Columns.ANY: "",  # no restriction
    Columns.SAID_RAW: "A",
    Columns.SAID_STEM: "B",
}


def lexeme(word: str) -> str:
    """One quoted tsquery lexeme (``'`` doubled, ``\\`` escaped)."""
    return "'" + word.replace("\\", "\\\\").replace("'", "''") + "'"


def render_tsquery(expr: Expr) -> str:
    """The tsquery text for ``expr`` ("" for the empty expression, which matches nothing:
    callers test the expression before rendering it)."""
    match expr:
        case Empty():
            return ""
        case Phrase(columns, words, prefix):
            return _phrase(WEIGHTS[columns], words, prefix)
        case AnyOf(parts):
            return _group(" | ", _unweighted(parts))
        case AllOf(parts):
            return _group(" & ", parts)
        case Excluding(positive, negative):
            if not negative:
                return render_tsquery(positive)
            negated = "!" + _operand(negative)
            return f"{render_tsquery(positive)} & {negated}" if positive else negated
    raise TypeError(f"not a search expression: {expr!r}")


def _phrase(weights: str, words: tuple[str, ...], prefix: bool) -> str:
    if not words:
        raise ValueError("a phrase needs at least one word")
    labels = [f"{lexeme(word)}:{weights}" if weights else lexeme(word) for word in words]
    if prefix:
        labels[-1] = f"{lexeme(words[-1])}:*{weights}"
    return " <-> ".join(labels)


def _unweighted(parts: tuple[Expr, ...]) -> tuple[Expr, ...]:
    """The alternatives of an OR, with each word they ask for in every column of its vector
    (as written and as a stem) once, without a column restriction, where it first stood."""
    found: dict[tuple[str, bool], set[Columns]] = {}
    for part in parts:
        if isinstance(part, Phrase) and len(part.words) == 1:
            found.setdefault((part.words[0], part.prefix), set()).add(part.columns)
    whole = {
        key for key, columns in found.items()
        if len(columns) > 1 and (Columns.ANY in columns or any(group <= columns for group in WHOLE_VECTOR))
    }  # fmt: skip
    if not whole:
        return parts
    merged: list[Expr] = []
    placed: set[tuple[str, bool]] = set()
    for part in parts:
        key = (part.words[0], part.prefix) if isinstance(part, Phrase) and len(part.words) == 1 else None
        if key is None or key not in whole:
            merged.append(part)
        elif key not in placed and isinstance(part, Phrase):  # the word's first place
            placed.add(key)
            merged.append(Phrase(Columns.ANY, part.words, part.prefix))
    return tuple(merged)


def _group(operator: str, parts: tuple[Expr, ...]) -> str:
    rendered = [render_tsquery(part) for part in parts if part]
    if len(rendered) <= 1:
        return "".join(rendered)
    return "(" + operator.join(rendered) + ")"


def _operand(expr: Expr) -> str:
    """``expr`` as the operand of ``!``, which binds tighter than ``<->``, ``&`` and ``|``."""
    text = render_tsquery(expr)
    if isinstance(expr, AnyOf | AllOf) and sum(1 for part in expr.parts if part) > 1:
        return text  # already in parentheses
    if isinstance(expr, Phrase) and len(expr.words) == 1:
        return text
    return f"({text})"


def rank_queries(expr: Expr) -> tuple[str, str]:
    """Tsquery texts for ranking: every word of ``expr``'s positive part that must be found
    as written, OR-ed, and every one that must be found as a stem. ``ts_rank`` counts a
    lexeme in any column whatever the query's weights say, so a ranking that weighs the
    exact forms above the stems scores the two groups apart, each over its own columns."""
    groups: tuple[dict[str, None], dict[str, None]] = ({}, {})
    _collect(expr, groups)
    return " | ".join(groups[0]), " | ".join(groups[1])


def _collect(expr: Expr, groups: tuple[dict[str, None], dict[str, None]]) -> None:
    match expr:
        case Phrase(columns, words, prefix):
            targets = {Columns.RAW: (0,), Columns.STEM: (1,), Columns.ANY: (0, 1)}.get(columns, ())
            for index, word in enumerate(words):
                text = lexeme(word) + (":*" if prefix and index == len(words) - 1 else "")
                for target in targets:
                    groups[target][text] = None
        case AnyOf(parts) | AllOf(parts):
            for part in parts:
                _collect(part, groups)
        case Excluding(positive, _negative):
            _collect(positive, groups)
