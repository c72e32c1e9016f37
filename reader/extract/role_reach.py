"""A role that runs on across small words before the name it belongs to.

`Pengamat politik dari Universitas Indonesia Ade`, `Presiden ke-6 Republik Indonesia
Susilo`, `Menteri Investasi/Kepala BKPM Bahlil`, `Menteri Koordinator Bidang Politik,
Hukum, dan Keamanan Mahfud`, `Pengasuh Pesantren An-Nur 2 Malang KH Khoirudin`: the
capitalised run before a verb stops at `dari`, `ke-6`, a slash, a number or a comma,
but the post opens further back. Read backwards from such a word to the post's head.
"""

from __future__ import annotations

import re

from reader.extract.lexicon import (
    DEMONSTRATIVES,
    ENGLISH_GLUE,
    KINSHIP_WORDS,
    LOWER_ROLE_STARTS,
    NUMBER_WORDS,
    is_common_word,
    is_role_word,
)
from reader.extract.names import is_name_word
from reader.extract.phrase_words import Word, is_capitalised

# English glue too: `Center for Strategic and International Studies`, `Institute of …`.
_GLUE = ENGLISH_GLUE | frozenset("dari bidang untuk dan & / - – , nomor urut ke periode masa bakti".split())
# `ke-6`, `2005-2015`, a military unit's number and area (`Kodim 0726/Sukoharjo`)
_ORDINAL = re.compile(r"ke-?\d+$|\d+(?:[-–/]\d+)+$|\d{2,}/[a-z]+$")
_COORDINATION = frozenset({"dan", "&", ","})
MAX_REACH = 14  # words read back from the glue for the post's head
MAX_MODIFIERS = 2  # lower-case words after a head (`Pakar komunikasi politik`)


def reach_back(items: list[Word], index: int, run: list[Word]) -> tuple[list[Word], int, int]:
    """``run`` grown back over a post it continues; the new index and the lowest index read."""
    lowest = index
    while run and index >= 0 and _glue(items[index].text):
        # `gelar juara umum tersebut, Gubernur X`: with a post of its own the run takes no
        # phrase that a demonstrative ends (`Penggagas petisi tersebut, X` has none)
        head, low = _head(items, index, stop_at_demonstrative=is_role_word(run[0].text))
        lowest = min(lowest, low)
        if head < 0:
            break
        glue = items[index].text.casefold()
        if glue in _COORDINATION and _ends_with_name(items[head:index], post_too=glue != ","):
            break  # `Ketua KPU Hasyim Asy'ari dan Anggota KPU Idham`: two people
        run = items[head : index + 1] + run
        index = head - 1
        while index >= 0 and _capital(items[index]):
            run.insert(0, items[index])
            index -= 1
        lowest = min(lowest, index)
    return run, index, lowest


def _glue(word: str) -> bool:
    if word in _GLUE or word.isdigit():
        return True
    first = word[:1]
    if first.isdigit() or first in "kK":
        return bool(_ORDINAL.match(word.casefold()))  # `ke-6`, `2005-2015`
    folded = word.casefold()
    return folded in _GLUE or folded in NUMBER_WORDS  # `nomor urut tiga`


def _capital(item: Word) -> bool:
    return is_capitalised(item.text) and not item.sentence_end and item.text != "."


def _head(items: list[Word], index: int, stop_at_demonstrative: bool = False) -> tuple[int, int]:
    """The farthest post head before the glue at ``index`` (-1 if none), and how far it read."""
    best = -1
    modifiers = 0
    j = index - 1
    while j >= 0 and index - j <= MAX_REACH:
        item = items[j]
        word = item.text
        if item.sentence_end or word == ".":
            break
        folded = word.casefold()
        if folded in KINSHIP_WORDS:
            return -1, j  # `Istri calon presiden nomor urut 3 X`: whose wife, not her post
        if stop_at_demonstrative and folded in DEMONSTRATIVES:
            break
        if is_role_word(word) or folded in LOWER_ROLE_STARTS:
            best, modifiers = j, 0
        elif word.startswith("(") or _glue(word):
            pass
        elif is_capitalised(word):
            if modifiers:
                break  # `Ganjar bertemu warga dari …`: a verb, not a modifier of a post
        elif word.isalpha() and word.islower():
            modifiers += 1
            if modifiers > MAX_MODIFIERS:
                break
        else:
            break
        j -= 1
    return best, j


def _ends_with_name(segment: list[Word], post_too: bool) -> bool:
    """Do two name words end ``segment`` (a person: `Hasyim Asy'ari`; not `Bidang Politik,
    Hukum`), or, with ``post_too`` (before `dan`), a post and a name word (`Presiden
    Jokowi dan Ganjar Pranowo`; before a comma that is the post of the name after it:
    `pelatih Persela, Nilmaizar`)?"""
    tail = [w for w in segment if not w.text.startswith("(")][-2:]
    if len(tail) < 2 or not _person_word(tail[1]):
        return False
    return _person_word(tail[0]) or post_too and is_role_word(tail[0].text)


def _person_word(word: Word) -> bool:
    return word.text != "," and is_name_word(word.text) and not is_common_word(word.text)
