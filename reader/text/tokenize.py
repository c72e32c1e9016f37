"""Tokenisation that agrees with SQLite FTS5's ``unicode61`` tokenizer.

FTS5 splits on every character that is not a letter or a digit (hyphens,
apostrophes, underscores and punctuation all separate tokens) and folds case.
Indexing the stemmed column and stemming a query both go through
:func:`tokens`, so the two sides always agree on what a word is.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

# Letters and digits only: "Prabowo-Gibran" -> prabowo, gibran; "Asy'ari" -> asy, ari.
WORD = re.compile(r"[^\W_]+")


def fold(text: str) -> str:
    """Lower-case and strip diacritics, as ``unicode61 remove_diacritics 2`` does."""
    if text.isascii():  # almost all Indonesian news text: nothing to decompose
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text.lower())
    # Remove each combining mark present (a handful) rather than testing every character.
    for mark in [ch for ch in set(decomposed) if unicodedata.combining(ch)]:
        decomposed = decomposed.replace(mark, "")
    return decomposed


# ASCII bytes that are not letters or digits -> spaces; WORD's tokens of ASCII text are then
# what ``split`` gives, without running the pattern over every character.
_ASCII_SEPARATORS = bytes.maketrans(
    bytes(range(128)), bytes(b if chr(b).isalnum() else 0x20 for b in range(128))
)


def tokens(text: str) -> list[str]:
    """The folded word tokens of ``text``."""
    folded = fold(text)
    if folded.isascii():
        return folded.encode("ascii").translate(_ASCII_SEPARATORS).decode("ascii").split()
    return WORD.findall(folded)


def spans(text: str) -> Iterator[tuple[int, int, str]]:
    """Each word of ``text`` as ``(start, end, folded_word)`` with offsets into ``text``."""
    for match in WORD.finditer(text):
        yield match.start(), match.end(), fold(match.group())
