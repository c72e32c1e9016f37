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
    # Canonical decomposition only: unicode61 keeps ² and º and splits at ™, as NFD leaves them.
    # FTS5 folds the micro sign to Greek mu, as Python's lower() does not.
    decomposed = unicodedata.normalize("NFD", text.lower().replace("\u00b5", "\u03bc"))
    # Remove each combining mark present (a handful) rather than testing every character.
    for mark in [ch for ch in set(decomposed) if unicodedata.combining(ch)]:
        decomposed = decomposed.replace(mark, "")
    return decomposed


# ASCII bytes that are not letters or digits -> spaces; WORD's tokens of ASCII text are then
# what ``split`` gives, without running the pattern over every character.
_ASCII_SEPARATORS = bytes.maketrans(
    bytes(range(128)), bytes(b if chr(b).isalnum() else 0x20 for b in range(128))
)


# Curly quotes, dashes and the ellipsis separate words, and folding leaves them (and their
# neighbours) alone, so spaces in their place give the same tokens; a text whose only
# non-ASCII characters they were then takes the fast ASCII path below.
_SEPARATORS = ("\u201c", "\u201d", "\u2018", "\u2019", "\u2013", "\u2014", "\u2026")


def tokens(text: str) -> list[str]:
    """The folded word tokens of ``text``."""
    if not text.isascii():
        for mark in _SEPARATORS:
            if mark in text:
                text = text.replace(mark, " ")
    folded = fold(text)
    if folded.isascii():
        return folded.encode("ascii").translate(_ASCII_SEPARATORS).decode("ascii").split()
    return WORD.findall(folded)


def spans(text: str) -> Iterator[tuple[int, int, str]]:
    """Each word of ``text`` as ``(start, end, folded_word)`` with offsets into ``text``."""
    for match in WORD.finditer(text):
        yield match.start(), match.end(), fold(match.group())
