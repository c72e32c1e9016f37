"""The role written before a name and cut off from it: `Pembina Kompak Kaltim, Anas`."""

from __future__ import annotations

from reader.extract.lexicon import (
    KINSHIP_WORDS,
    LOWER_ROLE_STARTS,
    SENTENCE_STARTERS,
    is_common_word,
    is_role_word,
)
from reader.extract.names import SpeakerPhrase, is_name_word
from reader.extract.phrase_parts import has_role_word, role_part, role_text
from reader.extract.phrase_words import Word, is_capitalised


def role_before(
    text: str, items: list[Word], index: int, phrase: SpeakerPhrase
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
    segment = role_tail(segment)
    if 0 < len(segment) <= 8 and segment[0].text.casefold() in LOWER_ROLE_STARTS:
        return role_text(text, segment), j
    return None, j


def role_tail(segment: list[Word]) -> list[Word]:
    """The words at the end of ``segment`` that make a role, from its first role word.

    `Rakornas dihadiri Ketua Umum PDI Perjuangan`, `JAKARTA - Bakal calon presiden dari`.
    """
    cut = len(segment)
    while cut and role_part(segment[cut - 1].text):
        cut -= 1
    if any(w.text.casefold() in KINSHIP_WORDS for w in segment[max(0, cut - 3) : cut + 1]):
        return []  # `putra bungsu Presiden, Raka`: whose son he is, not his post
    cut = max(cut, _after_another_person(segment))
    while cut < len(segment) and not (
        is_role_word(segment[cut].text) or segment[cut].text.casefold() in LOWER_ROLE_STARTS
    ):
        cut += 1
    return segment[cut:]


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
