"""The ``tsvector`` values PostgreSQL searches, built from the project's own tokens and stems.

PostgreSQL's parser and stemmers are never used (its ``indonesian`` stemmer turns
*pemilu* into *pilu*): a vector is written as a literal from
:func:`reader.text.tokenize.tokens` and the stored stem columns, so both stores match
the same words. Each column has a weight, as FTS5 has a column:

- an article: title as written ``A``, body as written ``B``, title stems ``C``, body stems ``D``;
- a statement: its text as written ``A``, its stems ``B``; an article's statements, one after
  another, make its ``said`` vector (:func:`statements_vector`).

A stem is written with :data:`STEM_MARK` before it (``~curang``) at its word's position, so a
word as written and a stem are different lexemes even where they are spelt alike; a stem that
is the word itself is not written twice (see :func:`vector_literal`). A query then tells them apart by
the lexeme alone, which the GIN index answers by itself: a weight in a query (``'curang':CD``)
makes PostgreSQL read every match's vector again to check it (measured at 100,000 articles:
264 ms against 6 ms to count the 9,721 that say *curang*). The weights stay for ranking.

Columns follow one another with a gap of one position, so a phrase never runs from one
into the next. PostgreSQL keeps positions up to 16,383 and 256 per word: phrases that
lie beyond the 16,383rd position of a very long article are matched as separate words.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import lru_cache

from reader.text.tokenize import tokens

MAX_POSITION = 16_383
MAX_POSITIONS_PER_WORD = 256
MAX_WORD_BYTES = 2_046  # PostgreSQL refuses longer lexemes
STEM_MARK = "~"  # never in a token: tokens are letters and digits


@lru_cache(maxsize=8)
def _labels(weight: str) -> list[str]:
    """``"1A"``, ``"2A"`` ... ``"16383A"``: each position with its weight, formatted once."""
    return ["", *(f"{position}{weight}" for position in range(1, MAX_POSITION + 1))]


VectorColumns = Sequence[tuple[Sequence[str], str, Sequence[str], str]]


def vector_literal(columns: VectorColumns) -> str:
    """A tsvector literal of ``(words, weight, stems, stem weight)`` columns, in order.

    Each stem lies at its word's position, marked with :data:`STEM_MARK`, and is left out
    where it is the word itself (most words are their own stem): a query for a stem also
    asks for the word as written where the stem is its own stem
    (:mod:`reader.search.tsquery`), which matches the same articles with fewer index keys.
    Stems that do not pair with the words one to one follow them, all written."""
    plain: dict[str, list[str]] = {}
    marked: dict[str, list[str]] = {}
    position = 1
    for words, weight, stems, stem_weight in columns:
        aligned = len(stems) == len(words)
        _add(plain, zip(words, _spots(weight, position, len(words)), strict=True))
        if aligned:
            spots = zip(stems, words, _spots(stem_weight, position, len(words)), strict=True)
            _add(marked, ((stem, spot) for stem, word, spot in spots if stem != word))
        position += len(words) + 1
        if not aligned and stems:
            _add(marked, zip(stems, _spots(stem_weight, position, len(stems)), strict=True))
            position += len(stems) + 1
    return " ".join([*_entries(plain, ""), *_entries(marked, STEM_MARK)])


def _spots(weight: str, position: int, count: int) -> list[str]:
    """The labels of ``count`` positions from ``position``; past the last position PostgreSQL
    keeps, all on it."""
    labels = _labels(weight)[position : position + count]
    if len(labels) < count:
        labels += [labels[-1] if labels else _labels(weight)[MAX_POSITION]] * (count - len(labels))
    return labels


def _add(positions: dict[str, list[str]], spots: Iterable[tuple[str, str]]) -> None:
    """Each ``(word, label)`` of ``spots`` into ``positions``."""
    get = positions.get
    for word, label in spots:
        entries = get(word)
        if entries is None:
            positions[word] = [label]
        else:
            entries.append(label)


def _entries(positions: dict[str, list[str]], mark: str) -> list[str]:
    parts = []
    for word, entries in positions.items():
        # A word of at most 511 characters fits (4 bytes a character at most).
        if len(word) > 511 and len(word.encode("utf-8")) > MAX_WORD_BYTES - len(mark):
            continue
        if "'" in word or "\\" in word:  # never from the tokenizer, but a literal must stay one
            word = _escaped(word)
        parts.append(f"'{mark}{word}':{','.join(entries[:MAX_POSITIONS_PER_WORD])}")
    return parts


def article_vector(title: str | None, body: str, title_stem: str, body_stem: str) -> str:
    return vector_literal(
        [(tokens(title or ""), "A", title_stem.split(), "C"), (tokens(body), "B", body_stem.split(), "D")]
    )


def statement_vector(text: str, text_stem: str) -> str:
    return vector_literal([(tokens(text), "A", text_stem.split(), "B")])


def statements_vector(statements: Iterable[tuple[str, str]]) -> str | None:
    """An article's statements ``(text, text_stem)``, in order, as one vector: each as its
    :func:`statement_vector`, a gap of one position after the one before (what SQL's
    ``reader_said_agg`` of their vectors gives); None when there is none."""
    columns = [(words, "A", stems.split(), "B") for text, stems in statements if (words := tokens(text))]
    return vector_literal(columns) if columns else None


def _escaped(word: str) -> str:
    return word.replace("\\", "\\\\").replace("'", "''")
