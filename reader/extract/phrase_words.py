"""The words of a phrase near a cue, with their offsets, and what each word is like.

A word keeps an initial's dot (`B.`); a full stop, a glued sentence end (`2023).Ali`) and
a line break become a sentence-end word of their own, so the phrase readers stop there.
"""

from __future__ import annotations

import functools
import re
from typing import NamedTuple

from reader.extract.lexicon import (
    NAME_LIKE_WORDS,
    PRONOUN_WORDS,
    SENTENCE_STARTERS,
    dictionary_words,
    is_ordinary_word,
    is_role_word,
)

# One word, a comma, or a bracketed aside, each with its offsets. Group 1 is a word with no
# punctuation that :func:`words` would cut or split (most words): it is taken as it is.
TOKEN = re.compile(
    r"([^\s,().!?:;\"“”'’]+)(?![^\s,()])|\([^()\n]{0,60}\)|,|[^\s,()]+"
)
_GLUED_SENTENCE = re.compile(
    r"(?:(?<=[a-z0-9)\]])|^)[.!?](?=[\"“”'‘’]?[A-Z])|(?<=[A-Z]{2})\.(?=[A-Z][a-z]{2})"
)
ABBREVIATIONS = frozenset("dr ir h hj kh k.h prof st drs dra m moh muh mr mrs ny sdr".split())

DESCRIPTIONS = frozenset("warga penduduk pria wanita sosok".split())


class Word(NamedTuple):  # a tuple: built for every word near a cue, so it must be cheap
    text: str
    start: int
    end: int
    sentence_end: bool = False  # the word carried a full stop that ends a sentence


def words(text: str, start: int, end: int) -> list[Word]:
    """The words of ``text[start:end]``; a word keeps an initial's dot (`B.`). A line break
    ends a sentence as a full stop does (a headline or a list item has none)."""
    found: list[Word] = []
    append = found.append
    line_break = text.find("\n", start, end) % (end + 1)  # none: `end`, after every token's start
    for match in TOKEN.finditer(text, start, end):
        if match.start() > line_break:  # no token holds a line break: it is before this one
            if found and not found[-1].sentence_end:
                append(Word(".", line_break, line_break + 1, True))
            line_break = text.find("\n", match.start(), end) % (end + 1)
        plain = match.group(1)
        if plain is not None:
            append(_new_word(Word, (plain, match.start(), match.end(), False)))
            continue
        raw = match.group()
        glued = _GLUED_SENTENCE.search(raw) if ("." in raw or "!" in raw or "?" in raw) else None
        if glued is None and raw[1:2] == "." and raw[:1].isupper() and raw[2:3].isupper():
            glued = _LETTER_THEN_SENTENCE.search(raw)  # `Formula E.Musim kesepuluh`
            if glued is not None and not sentence_after_letter(text, raw[2:]):
                glued = None  # `M.Taufik`: an initial glued to the name
        if glued:  # `(21/2/2023).Ali mengatakan`: a sentence glued to the previous one
            cut = match.start() + glued.start()  # the full stop
            found.extend(words(text, match.start(), cut))
            append(Word(".", cut, cut + 1, True))
            found.extend(words(text, cut + 1, match.end()))
            continue
        if raw[-1] not in _TRAILING:  # most words: nothing to strip
            append(Word(raw, match.start(), match.end()))
            continue
        word, stop = raw, match.end()
        full_stop = False
        while word and word[-1] in _TRAILING and not _is_initial(word):
            full_stop = full_stop or word[-1] in ".!?:;"
            word, stop = word[:-1], stop - 1
        if len(word) == 2 and word[0].isupper() and word[1] == "." and _next_ends(text, stop):
            word, stop, full_stop = word[0], stop - 1, True  # `Formula E. Musim kesepuluh`
        if word:
            append(Word(word, match.start(), stop, full_stop))
        if full_stop:
            append(Word(".", stop, stop + 1, True))
    return found


_TRAILING = ".!?:;\"“”'’"
_LETTER_THEN_SENTENCE = re.compile(r"(?<=^[A-Z])\.(?=[A-Z][a-z]+$)")
_WORD_AHEAD = re.compile(r"[ \t]*([A-Z][a-z]+)(?=[\s,])")


def _next_ends(text: str, stop: int) -> bool:
    """Does the capitalised word after a letter's dot at ``stop`` open a new sentence?"""
    ahead = _WORD_AHEAD.match(text, stop)
    return ahead is not None and sentence_after_letter(text, ahead.group(1))


def sentence_after_letter(text: str, word: str) -> bool:
    """Is ``word``, written after one capital letter and a dot (`E. Musim`, `M. Taufik`), the
    first word of a new sentence rather than the name the initial stands before?

    A word that never opens a name does (`Mereka`, `Namun`, `Pasalnya`), and so does an
    ordinary word the article also writes in lower case (`musim` in `musim depan`); a name
    (`Syarif`, `Purba`) is not written so.
    """
    folded = word.casefold()
    if folded in SENTENCE_STARTERS or folded in PRONOUN_WORDS or is_description(folded):
        return True
    if folded in NAME_LIKE_WORDS or not is_ordinary_word(folded):
        return False
    return _written_lower(text, folded)


def common_word_here(text: str, word: str) -> bool:
    """Is ``word`` an ordinary word that ``text`` also writes in lower case (`Suporter`,
    `Lanjut`, `Menduga` opening a sentence), so that, capitalised, it only opens a sentence?
    A name that is a word too (`Indah`, `Budi`) is kept by NAME_LIKE_WORDS."""
    folded = word.casefold()
    return is_ordinary_word(folded) and _written_lower(text, folded)


def _written_lower(text: str, folded: str) -> bool:
    """Does ``text`` hold ``folded`` as a whole word in lower case?"""
    at = text.find(folded)
    while at != -1:
        end = at + len(folded)
        if not text[at - 1 : at].isalpha() and not text[end : end + 1].isalpha():
            return True
        at = text.find(folded, end)
    return False
_new_word = tuple.__new__  # Word(...) without the Python-level __new__ of a NamedTuple


def word_before(text: str, at: int, reach: int = 20) -> str:
    """The whitespace-separated token that ends right before ``at`` ("" at the start)."""
    before = text[max(0, at - reach) : at].split()
    return before[-1] if before else ""


def run_words(text: str, start: int, end: int) -> list[Word]:
    """The words of a run that holds only letters and spaces (faster than :func:`words`)."""
    found = []
    pos = start
    for part in text[start:end].split():
        begin = text.index(part, pos)
        pos = begin + len(part)
        found.append(Word(part, begin, pos))
    return found


def _is_initial(word: str) -> bool:
    bare = word.rstrip(".")
    return word.endswith(".") and (len(bare) == 1 or bare.casefold() in ABBREVIATIONS)


def is_capitalised(word: str) -> bool:
    return word[:1].isupper() or word[:1].isdigit() and word[1:2].isalpha()


@functools.lru_cache(maxsize=65536)
def is_description(folded: str) -> bool:
    """`pengacaranya`, `awalnya`: an ordinary word with -nya (his lawyer, at first)."""
    if not folded.endswith("nya") or len(folded) < 6 or folded in NAME_LIKE_WORDS:
        return False
    root = folded[:-3]
    if root in dictionary_words() or is_ordinary_word(root) or is_role_word(root):
        return True
    from reader.text.stem import stem  # the stemmer loads a dictionary: only when needed

    stemmed = stem(root)
    return stemmed != root and stemmed in dictionary_words()
