"""PostgreSQL: a plan's expression (:mod:`reader.search.expr`) as ``tsquery`` text.

The text is meant for ``%s::tsquery``: PostgreSQL's own parser never sees the user's
words (no ``to_tsquery``), since they are already folded and stemmed by the project's
tokenizer and stemmer, exactly as the indexed ``tsvector`` holds them. The column group
of a phrase is told by the lexeme, never by a weight: the vectors write a word as written
plainly and a stem with :data:`~reader.store.postgres.fulltext.STEM_MARK` before it
(``'kecurangan' | '~curang'``; a stem that is its own stem is asked for as written too,
``'~curang' | 'curang'``, since the vectors do not write it twice), so the GIN index
answers every query without reading a match's vector again, except where positions must be
checked (phrases). Weights stay in the vectors (title and body) for ranking only.
"""

from __future__ import annotations

from reader.search.expr import AllOf, AnyOf, Columns, Empty, Excluding, Expr, Phrase
from reader.store.postgres.fulltext import STEM_MARK
from reader.text.stem import stem

# The marks a column group's lexemes carry (several: the group is any of them).
MARKS = {
    Columns.RAW: ("",),
    Columns.STEM: (STEM_MARK,),
    Columns.ANY: ("", STEM_MARK),
    Columns.SAID_RAW: ("",),
    Columns.SAID_STEM: (STEM_MARK,),
}


def lexeme(word: str, mark: str = "") -> str:
    """One quoted tsquery lexeme (``'`` doubled, ``\\`` escaped)."""
    return "'" + mark + word.replace("\\", "\\\\").replace("'", "''") + "'"


def render_tsquery(expr: Expr) -> str:
    """The tsquery text for ``expr`` ("" for the empty expression, which matches nothing:
    callers test the expression before rendering it)."""
    match expr:
        case Empty():
            return ""
        case Phrase(columns, words, prefix):
            return _phrase(MARKS[columns], words, prefix)
        case AnyOf(parts):
            return _any_of(parts)
        case AllOf(parts):
            return _group(" & ", parts)
        case Excluding(positive, negative):
            if not negative:
                return render_tsquery(positive)
            negated = "!" + _operand(negative)
            return f"{render_tsquery(positive)} & {negated}" if positive else negated
    raise TypeError(f"not a search expression: {expr!r}")


def stem_lexemes(word: str) -> tuple[str, ...]:
    """The lexemes of the stem ``word`` in a vector: marked, and as written where ``word`` is
    its own stem (the vectors leave out a stem that is the word itself)."""
    return (lexeme(word, STEM_MARK), lexeme(word)) if stem(word) == word else (lexeme(word, STEM_MARK),)


def _label(word: str, mark: str) -> str:
    if mark != STEM_MARK:
        return lexeme(word, mark)
    forms = stem_lexemes(word)
    return forms[0] if len(forms) == 1 else "(" + " | ".join(forms) + ")"


# Each stem column group and the column group of the same text as written.
AS_WRITTEN = {Columns.STEM: Columns.RAW, Columns.SAID_STEM: Columns.SAID_RAW}


def _any_of(parts: tuple[Expr, ...]) -> str:
    """``parts`` OR-ed; a stem that a part asks for as written too (``curang`` OR its stem
    ``curang``) is asked for as marked only, so each lexeme is looked up in the index once."""
    written = {(p.columns, p.words[0]) for p in parts if isinstance(p, Phrase) and len(p.words) == 1}
    rendered = [
        _phrase(MARKS[p.columns], p.words, p.prefix, marked_only=True)
        if isinstance(p, Phrase) and len(p.words) == 1 and (AS_WRITTEN.get(p.columns), p.words[0]) in written
        else render_tsquery(p)
        for p in parts
        if p
    ]
    return _joined(" | ", rendered)


def _phrase(
    marks: tuple[str, ...], words: tuple[str, ...], prefix: bool, marked_only: bool = False
) -> str:
    if not words:
        raise ValueError("a phrase needs at least one word")
    # One word asked for as written too (``Columns.ANY``) needs no stem as written besides.
    marked_only = marked_only or ("" in marks and len(words) == 1)
    forms = []
    for mark in marks:
        labels = [lexeme(word, mark) if marked_only else _label(word, mark) for word in words]
        if prefix:  # only words as written are asked for by prefix (stems never are)
            labels[-1] = lexeme(words[-1], mark) + ":*"
        forms.append(" <-> ".join(labels))
    return forms[0] if len(forms) == 1 else "(" + " | ".join(forms) + ")"


def _group(operator: str, parts: tuple[Expr, ...]) -> str:
    return _joined(operator, [render_tsquery(part) for part in parts if part])


def _joined(operator: str, rendered: list[str]) -> str:
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


def rank_query(expr: Expr) -> str:
    """Tsquery text for ranking: every word of ``expr``'s positive part, as written and as a
    stem where it is asked for so, OR-ed ("" for none)."""
    words: dict[str, None] = {}
    _collect(expr, words)
    return " | ".join(words)


def _collect(expr: Expr, words: dict[str, None]) -> None:
    match expr:
        case Phrase(columns, phrase, prefix):
            # Ranked over the article's columns only: a statement's words do not rank it.
            marks = MARKS[columns] if columns in (Columns.RAW, Columns.STEM, Columns.ANY) else ()
            for index, word in enumerate(phrase):
                # A stem is ranked as marked only: the same word as written would rank a
                # stem-only match as an exact one (an article that says *curang*, asked for
                # *kecurangan*); where the vectors leave such a stem out, it adds nothing.
                for mark in marks:
                    text = lexeme(word, mark) + (":*" if prefix and index == len(phrase) - 1 else "")
                    words[text] = None
        case AnyOf(parts) | AllOf(parts):
            for part in parts:
                _collect(part, words)
        case Excluding(positive, _negative):
            _collect(positive, words)
