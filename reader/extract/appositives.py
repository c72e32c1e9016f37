"""A role written after the name: `kata Supardi, koordinator relawan Kota Pasuruan`,
`Suko Widodo, Pakar komunikasi politik dari Universitas Airlangga, menilai …`,
`melantik Maruli Simanjuntak sebagai Kepala Staf TNI Angkatan Darat` and the
full name a short one stands for (`Effendy Choirie atau Gus Choi`, `Abdul Muhaimin
Iskandar (Gus Muhaimin)`)."""

from __future__ import annotations

import re

from reader.extract.cues import PHRASE_STOPS
from reader.extract.lexicon import (
    HONORIFICS,
    KINSHIP_WORDS,
    LOWER_ROLE_STARTS,
    SENTENCE_STARTERS,
    is_date_word,
    is_role_word,
)
from reader.extract.names import split_role
from reader.extract.phrase_words import words

_OPENING = re.compile(r"[ \t]*,[ \t]*")
_AS = re.compile(r"[ \t]+(?:sebagai|selaku)[ \t]+")
_WORD = re.compile(r"\([^()\n]{1,40}\)|[^\s,.;:!?\"“”()]+")
MAX_ROLE_WORDS = 14
_NOT_POSTS = frozenset("warga pria wanita sosok orang relawan simpatisan pendukung".split())
# Lower-case words that may sit inside a post written after a name (`dari`, `bidang`).
_INSIDE = frozenset("dari bidang nomor urut untuk dan periode se".split())


def appositive(text: str, pos: int, *, sebagai: bool = False) -> str | None:
    """The post written right after a name ending at ``pos``, or None.

    It opens with a comma (or `sebagai`, when asked) and a post word, and runs to the next
    comma, full stop or a word that ends a speaker phrase (`di`, `saat`).
    """
    opening = _OPENING.match(text, pos) or (_AS.match(text, pos) if sebagai else None)
    if opening is None:
        return None
    found: list[re.Match[str]] = []
    at = opening.end()
    while len(found) < MAX_ROLE_WORDS:
        match = _WORD.match(text, at)
        if match is None:
            break
        word = match.group()
        folded = word.casefold()
        if not found:
            if not (is_role_word(word) or folded in LOWER_ROLE_STARTS):
                return None
            if folded in KINSHIP_WORDS or folded in SENTENCE_STARTERS or folded in _NOT_POSTS:
                return None  # `kata Budi, warga setempat`: a description, not a post
        elif folded not in _INSIDE and (
            folded in PHRASE_STOPS or is_date_word(word) or not _inside(word, found)
        ):
            break
        found.append(match)
        space = re.compile(r"[ \t]+").match(text, match.end())
        if space is None:
            break
        at = space.end()
    while found and found[-1].group().casefold() in _INSIDE:
        found.pop()
    if not found:
        return None
    return " ".join(text[found[0].start() : found[-1].end()].split())


def _inside(word: str, found: list[re.Match[str]]) -> bool:
    """Can ``word`` continue a post (`koordinator relawan Kota Pasuruan`)?"""
    if word[:1].isupper() or word[:1].isdigit() or word.startswith("(") or "-" in word:
        return True
    folded = word.casefold()
    if folded in _INSIDE or folded in LOWER_ROLE_STARTS or is_role_word(word):
        return True
    # a lower-case word right after the head (`pakar komunikasi politik`)
    return len(found) <= 2 and word.isalpha() and word.islower() and not _verb_like(folded)


def _verb_like(folded: str) -> bool:
    return folded.startswith(("me", "di", "ber", "ter")) or folded in ("yang", "itu", "ini")


_ALIAS_BEFORE = re.compile(
    r"((?:[A-Z][\w'’.-]*[ \t]+){1,4}[A-Z][\w'’.-]*)[ \t]*(?:\([ \t]*|,?[ \t]+(?:atau|alias)[ \t]+"
    r"|,?[ \t]+yang[ \t]+(?:akrab[ \t]+)?(?:disapa|dipanggil)[ \t]+)$"
)
# `kata Sukowi, sapaan akrab Suko Widodo`: the full name after the call name.
_CALL_NAME_OF = re.compile(
    r",?[ \t]+(?:yang[ \t]+)?(?:sapaan|panggilan)(?:[ \t]+akrab(?:nya)?)?[ \t]+(?:dari[ \t]+)?"
    r"((?:[A-Z][\w'’.-]*[ \t]+){0,3}[A-Z][\w'’-]*)"
)
_CALLED_REST = re.compile(r"[a-z]+(?:[ \t]+[A-Z][\w'’-]*)+")
ALIAS_REACH = 120  # characters read before a nickname for the full name
MIN_CALL_NAME = 3
ADDRESS_WORDS = HONORIFICS | {"bung"}  # forms of address before a call name
MAX_CALLED_WORDS = 3  # words of the full name kept


def _whole_word_at(text: str, start: int, end: int) -> bool:
    before = text[start - 1 : start] if start else ""
    after = text[end : end + 1]
    return not (before.isalnum() or before in "'’-" and before) and not after.isalnum()


def full_name_for(text: str, short: str) -> str | None:
    """The full name the article gives for ``short``: before it (`X atau Gus Choi`, `X (Gus
    Muhaimin)`, `X yang akrab disapa Choi`) or after it (`Choi, sapaan akrab X`)."""
    start = text.find(short)
    while start != -1:
        end = start + len(short)
        if _whole_word_at(text, start, end):
            match = _ALIAS_BEFORE.search(text, max(0, start - ALIAS_REACH), start)
            if match is None:
                match = _CALL_NAME_OF.match(text, end)
            if match:
                run = words(text, match.start(1), match.end(1))
                return split_role(text, run, None)[1]
        start = text.find(short, end)
    return None


def called_from(text: str, short: str) -> str | None:
    """The one full name whose first word ``short`` shortens (`Amin` for `Aminuddin Ma'ruf`,
    `Budi` for `Budisatrio Djiwandono`, `Bung Komar` for `Komarudin Watubun`): a call name
    cut from the given name."""
    address, _, rest = short.partition(" ")
    if rest and address.casefold() in ADDRESS_WORDS:
        short = rest  # `Bung Komar, panggilan akrabnya`
    if " " in short or len(short) < MIN_CALL_NAME or not short[:1].isupper():
        return None
    found = []
    start = text.find(short)
    while start != -1:
        end = start + len(short)
        before = text[start - 1 : start] if start else ""
        if not (before.isalnum() or before and before in "'’-"):
            rest = _CALLED_REST.match(text, end)
            if rest:
                found.append(" ".join(text[start : rest.end()].split()[:MAX_CALLED_WORDS]))
        start = text.find(short, end)
    given = {name.split()[0] for name in found}
    return found[0] if len(given) == 1 else None
