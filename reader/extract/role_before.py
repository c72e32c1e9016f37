"""The role written before a name and cut off from it: `Pembina Kompak Kaltim, Anas`."""

from __future__ import annotations

from reader.extract.actors import Catalogue
from reader.extract.lexicon import (
    KINSHIP_WORDS,
    LOWER_ROLE_STARTS,
    ORGANISATION_WORDS,
    SENTENCE_STARTERS,
    is_common_word,
    is_role_word,
)
from reader.extract.names import SpeakerPhrase, is_name_word
from reader.extract.pair_posts import PAIR_WORDS, pair_post
from reader.extract.phrase_parts import has_role_word, role_part, role_text
from reader.extract.phrase_words import Word, is_capitalised

MAX_MODIFIERS = 3  # lower-case words after a post's head (`Pakar hukum tata negara`)


def role_before(
    text: str, items: list[Word], index: int, phrase: SpeakerPhrase, catalogue: Catalogue | None = None
) -> tuple[str | None, int]:
    """A role before the name: `Pembina Kompak Kaltim, Anas` or `Calon presiden … Ganjar`.

    Also the lowest index of ``items`` read (-1 when the reading ran past the first).
    """
    if index < 0:
        return None, -1
    if items[index].text == ",":
        segment: list[Word] = []
        j = index - 1
        while j >= 0 and items[j].text not in (",", ".") and not items[j].sentence_end:
            segment.insert(0, items[j])
            j -= 1
        segment = role_tail(segment)
        if _post_and_name(segment, catalogue):
            return None, j  # `dihadiri bakal cawapres Mahfud MD, Ketua DPP … Puan`: another person
        if segment and len(segment) <= 10:
            first = segment[0].text.casefold()
            opens = is_capitalised(segment[0].text) or first in LOWER_ROLE_STARTS
            if opens and first not in SENTENCE_STARTERS and (
                first in LOWER_ROLE_STARTS or has_role_word(segment)
            ):
                return role_text(text, segment), j
        return None, j
    segment = []
    j = index
    while j >= 0 and items[j].text not in (",", ".") and not items[j].sentence_end:
        segment.insert(0, items[j])
        j -= 1
    segment = _from_lower_start(role_tail(segment))
    if 0 < len(segment) <= 8:
        if _modifier_end(segment) and phrase.role and is_role_word(phrase.role.split()[0]):
            return None, j  # `Politikus kepercayaan Ketua Umum PDIP Megawati`: her confidant's post
        return role_text(text, segment), j
    return None, j


def _from_lower_start(segment: list[Word]) -> list[Word]:
    """``segment`` from its first word that opens a post written in lower case, or a pair's
    description (`Tim pasangan calon presiden`, `Pasangan calon presiden dan wakil presiden`
    before the names); empty without one."""
    for index, word in enumerate(segment):
        folded = word.text.casefold()
        if folded in LOWER_ROLE_STARTS:
            return segment[index:]
        if folded in PAIR_WORDS and pair_post(" ".join(w.text for w in segment[index:])):
            return segment[index:]  # not `menambah suara pasangan Ganjar …`: no post in it
    return []


def role_tail(segment: list[Word]) -> list[Word]:
    """The words at the end of ``segment`` that make a role, from its first role word.

    `Rakornas dihadiri Ketua Umum PDI Perjuangan`, `JAKARTA - Bakal calon presiden dari`.
    """
    if len(segment) > 2 and _at_that_time(segment[-2:]):
        segment = segment[:-2]  # `Kapolda Jatim saat itu, Irjen Luki`: the post he held then
    cut = len(segment)
    while cut:
        if role_part(segment[cut - 1].text):
            cut -= 1
        else:
            head = _head_of_modifiers(segment, cut)
            if head is None:
                break
            cut = head
    if any(w.text.casefold() in KINSHIP_WORDS for w in segment[max(0, cut - 3) : cut + 1]):
        return []  # `putra bungsu Presiden, Raka`: whose son he is, not his post
    cut = max(cut, _after_another_person(segment))
    while cut < len(segment) and not (
        is_role_word(segment[cut].text) or segment[cut].text.casefold() in LOWER_ROLE_STARTS
    ):
        cut += 1
    return segment[cut:]


def _head_of_modifiers(segment: list[Word], end: int) -> int | None:
    """Where the post's head stands when lower-case words end ``segment[:end]`` after it
    (`Pengamat politik`, `Pakar hukum tata negara` before `Universitas Andalas Feri`)."""
    j = end
    while j > 0 and end - j < MAX_MODIFIERS and _lower_word(segment[j - 1].text):
        j -= 1
        if j > 0 and segment[j - 1].text.casefold() in LOWER_ROLE_STARTS:
            return j - 1
    return None


def _post_and_name(segment: list[Word], catalogue: Catalogue | None) -> bool:
    """Does ``segment`` end on a post (its word, office words after it) and then the two words
    of a person the catalogue knows? Not `Ketua Tim Pemenangan Anies Baswedan` (the team is
    Anies's), nor `Juru Bicara Anies Baswedan` (his spokesman)."""
    if len(segment) < 3 or catalogue is None:
        return False
    # only a person the catalogue knows: `Pelatih Manchester City, Pep` names a club
    actor = catalogue.get(catalogue.resolve(" ".join(w.text for w in segment[-2:])) or "")
    if actor is None or actor.type != "person":
        return False
    j = len(segment) - 3
    while j > 0 and is_common_word(segment[j].text):
        j -= 1  # `Menteri Keuangan Sri Mulyani`: office words between the post and the name
    if any(w.text.casefold() in _POSTS_OF_SOMEONE for w in segment[:-2]):
        return False
    post = segment[j].text.casefold()
    return (is_role_word(post) or post in LOWER_ROLE_STARTS) and post not in ORGANISATION_WORDS


# Posts held for someone: the name after them is that person's (`Juru Bicara Anies`).
_POSTS_OF_SOMEONE = frozenset(
    "bicara jubir hukum pengacara ajudan asisten staf stafsus pribadi sespri khusus utusan".split()
)


_THEN = frozenset("saat ketika kala waktu".split())


def _at_that_time(pair: list[Word]) -> bool:
    """`saat itu`, `ketika itu`: when the post was held, not part of it."""
    return pair[0].text.casefold() in _THEN and pair[1].text.casefold() == "itu"


# Small words that join a clause, not a post's modifiers (`Pengamat yang juga dosen`).
_NOT_MODIFIERS = frozenset("yang juga itu ini tersebut dan atau serta di ke dari pada untuk sebagai".split())


def _modifier_end(segment: list[Word]) -> bool:
    """Does ``segment`` end on a modifier of its post (`politik`), not on the post's head?"""
    last = segment[-1].text
    return _lower_word(last) and last not in LOWER_ROLE_STARTS and not is_role_word(last)


def _lower_word(word: str) -> bool:
    return word.isalpha() and word.islower() and word not in _NOT_MODIFIERS


def _after_another_person(segment: list[Word]) -> int:
    """Past the last `Nama Orang dan`: `Ketua KPU Hasyim Wibowo dan Anggota KPU …` names two."""
    for index in range(len(segment) - 1, 1, -1):
        if segment[index].text.casefold() in ("dan", "serta", "&"):
            pair = segment[index - 2 : index]
            if all(is_name_word(w.text) and not is_common_word(w.text) for w in pair):
                return index + 1
    return 0


def role_from(items: list[Word], index: int) -> bool:
    """`Bakal calon presiden dari Koalisi …`: `dari` inside a role, not before a place."""
    if items[index].text != "dari":
        return False
    for item in reversed(items[max(0, index - 4) : index]):
        if item.text in (",", ".") or item.sentence_end:
            return False
        if is_role_word(item.text) or item.text.casefold() in LOWER_ROLE_STARTS:
            return True
    return False
