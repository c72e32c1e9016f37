"""A word the article uses alone as a speaker belongs to the person's name.

`Direktur Jenderal … KLHK Rasio Ridho Sani` puts `Rasio` (an ordinary word, ratio) before
the name, where a post's words stand; the same article writes `kata Rasio` and `Rasio
menuturkan`, so the word is the short form the article calls him by, and the name is
`Rasio Ridho Sani`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from reader.extract.cues import AFTER_CUES, SPEAKER_VERBS
from reader.extract.lexicon import (
    FOREIGN_BODY_WORDS,
    HONORIFICS,
    ORGANISATION_WORDS,
    SENTENCE_STARTERS,
    TITLES,
    is_date_word,
    is_place,
    is_role_word,
)
from reader.extract.name_bodies import contexts_of, named_as_place

if TYPE_CHECKING:
    from reader.extract.actors import Catalogue

# Styles a person is called by before the name, alone too (`kata Sultan`): no name's own word.
_STYLES = frozenset("sultan sri raden kiai kyai habib syekh gus ning cak raja ratu".split())


def speaks_alone(text: str, word: str, name: str, catalogue: Catalogue | None) -> bool:
    """Does the article name a speaker by ``word`` alone (`kata Rasio`, `Rasio menuturkan`),
    not followed by the first word of ``name`` (the name it stood before here)?

    Only a plain capitalised word is asked about: posts, bodies, places, dates, titles and
    the catalogue's actors stay out of names whatever the article does with them."""
    if not _plain_word(word) or text.count(word) < 2 or named_as_place(text, word):
        return False  # `Wali Kota Batu Aries …` where the article writes `Kota Batu`
    if catalogue is not None and (catalogue.resolve(word) or catalogue.resolve(name)):
        # `Sedulur Jokowi Dodi …`: a known actor is someone (or something) else; `Sri Sultan
        # HB X`: the catalogue knows the name as it stands
        return False
    following = name.split()[0]
    for before, after in contexts_of(text, word, -1):
        cue = before.casefold()
        if (cue in AFTER_CUES or cue.removesuffix("nya") in AFTER_CUES) and not (
            after[:1].isupper() or after == following
        ):
            return True  # `kata Rasio.`, `ujar Rasio di Jakarta`
        if after.rstrip(",.:").casefold() in SPEAKER_VERBS:
            return True  # `Rasio menuturkan`
    return False


def _plain_word(word: str) -> bool:
    if len(word) < 3 or not word.isalpha() or not word[0].isupper() or not word[1:].islower():
        return False
    folded = word.casefold()
    if folded in ORGANISATION_WORDS or folded in FOREIGN_BODY_WORDS or folded in HONORIFICS:
        return False
    if folded in TITLES or folded in SENTENCE_STARTERS or folded in _STYLES:
        return False
    return not (is_role_word(word) or is_place(word) or is_date_word(word))
