"""Name words that belong to a body instead: where a person's name starts inside a run.

`Bendahara Umum Sedulur Jokowi Dodi Iwakusumo` (a known person inside a body's name),
`Ketua Umum Bara JP Utje …` (the body's short form), `Bupati Indramayu Nina Agustina`
where the article also writes `di Indramayu` (the word names a place or body elsewhere).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from reader.extract.lexicon import HONORIFICS, ORGANISATION_WORDS, TITLES, is_role_word

if TYPE_CHECKING:
    from reader.extract.actors import Catalogue
    from reader.extract.phrase_words import Word

PLACE_TYPES = frozenset("kabupaten kota provinsi kecamatan kelurahan desa dusun kampung".split())
# Posts written with their field or area right after them (`Menko Polhukam`, `Kapolres
# Sumber`, `Dandim Kota`): the word after one belongs to the post, not to the name.
COMPLEMENTED_POSTS = frozenset(
    """menko kapolres kapolresta kapolrestabes kapolda kapolsek pangdam danrem dandim kajati
    kajari danlanal danlantamal kakanwil camat lurah kepala""".split()
)


def known_inside(name_words: list[Word], catalogue: Catalogue) -> int:
    """How many leading words end at a known person followed by another person's name.

    The words after the known person must not be that person's own (`Anies Rasyid
    Baswedan` is one man), and at least two must remain.
    """
    texts = [w.text for w in name_words]
    for start in range(min(len(texts) - 2, MAX_NAME_RUN)):
        for size in range(min(len(texts) - start - 2, MAX_ALIAS_WORDS), 0, -1):
            known = catalogue.resolve(" ".join(texts[start : start + size]))
            if not known:
                continue
            actor = catalogue.get(known)
            own = {
                part.casefold()
                for alias in (actor.all_aliases() if actor else (known,))
                for part in alias.split()
            }
            if not any(t.casefold() in own for t in texts[start + size :]):
                return start + size
    return 0


def acronym_of_body(name_words: list[Word]) -> bool:
    """An all-capital short word opening a long name run ends the organisation before it."""
    first, second = name_words[0].text, name_words[1].text
    return 2 <= len(first) <= 4 and first.isupper() and first.isalpha() and not second.isupper()


def body_named_elsewhere(
    text: str, items: list[Word], cut: int, name_words: list[Word], catalogue: Catalogue | None
) -> tuple[int, list[Word]]:
    """Leading name words that the article uses elsewhere as (part of) a place or body.

    `Bupati Indramayu Nina Agustina` where the article also writes `Kabupaten Indramayu`
    or `di Indramayu`; `Direktur United Tractors Iwan` where it also writes `PT United
    Tractors Tbk`: the words before the last two are the body's, not the person's. A word
    the article also uses on its own to name the person (`kata Heru`) stays in the name.
    """
    first = name_words[0]
    if len(name_words) > MAX_NAME_RUN or text.count(first.text) < 2:
        return cut, name_words  # the article names the word only here: no evidence
    if catalogue is not None and catalogue.resolve(" ".join(w.text for w in name_words)):
        return cut, name_words
    before = items[cut - 1].text if cut > 0 else ""
    if before.rstrip(".").casefold() in TITLES or before.casefold() in HONORIFICS:
        return cut, name_words  # `Prof Yusril Ihza Mahendra`: a title opens the name
    same_before = bool(before) and not is_role_word(before)
    for size in range(len(name_words) - 2, 0, -1):
        rest = name_words[size]
        if len(rest.text.rstrip(".")) <= 2 and len(name_words) - size < 3:
            continue  # `Mashud S. Asngari`: the rest would be an initial and one word
        head = name_words[:size]
        if size == 1 and _short_form_of_body(text, head[0]):
            return cut + size, name_words[size:]  # `Persatuan Islam (Persis)` elsewhere
        phrase = " ".join(w.text for w in head)
        contexts = [raw for raw, after in contexts_of(text, phrase, first.start) if after != rest.text]
        if any(raw[:1].isupper() and raw.casefold() in ORGANISATION_WORDS for raw in contexts):
            return cut + size, name_words[size:]  # `Universitas Muhammadiyah` elsewhere: a body
        elsewhere = [raw.rstrip(",.").casefold() for raw in contexts]
        if any(_named_alone(text, w) for w in head):
            continue
        if any(p in _PLACE_MARKERS or same_before and p == before.casefold() for p in elsewhere):
            return cut + size, name_words[size:]
    return cut, name_words


_PLACE_MARKERS = PLACE_TYPES | {"di", "ke"}
_NOT_A_REFERENCE = frozenset({"di", "ke", "dari"})
MAX_ALIAS_WORDS = 4  # words of a known person's name looked up inside a longer run
MAX_NAME_RUN = 7  # longer runs of name-like words are not one person's name
MAX_CONTEXTS = 12  # other occurrences read per word: a text repeating a name stays linear


def contexts_of(text: str, phrase: str, skip: int) -> list[tuple[str, str]]:
    """(word before, word after) each other time ``phrase`` stands as whole words in ``text``."""
    found = []
    start = text.find(phrase)
    while start != -1 and len(found) < MAX_CONTEXTS:
        end = start + len(phrase)
        whole = (start == 0 or not text[start - 1].isalnum()) and (
            end == len(text) or not text[end].isalnum()
        )
        if whole and start != skip:
            before = text[max(0, start - 40) : start].split()
            after = text[end : end + 40].split()
            found.append(
                (before[-1] if before else "", after[0] if after else "")
            )
        start = text.find(phrase, end)
    return found


def needs_the_article(name: str) -> bool:
    """Should a name split from its run alone (a result memoised across articles) be split
    again with the article around it? Only a name of three or more words can open with a
    body's word that the article names elsewhere (:func:`body_named_elsewhere`)."""
    return name.count(" ") >= 2


def named_as_place(text: str, name: str) -> bool:
    """Does the article write ``name`` after a place type (`Kabupaten Parigi Moutong`)? Then
    `KPU Parigi Moutong` names the regency's commission, not a person."""
    global _places_of
    article, answers = _places_of
    if article is not text:  # the readers of one article ask about the same names again
        answers = {}
        _places_of = (text, answers)
    found = answers.get(name)
    if found is None:
        found = answers[name] = _after_place_type(text, name)
    return found


_places_of: tuple[str, dict[str, bool]] = ("", {})


def _after_place_type(text: str, name: str) -> bool:
    start = text.find(name)
    for _ in range(MAX_CONTEXTS):
        if start == -1:
            return False
        before = text[max(0, start - 40) : start].rstrip()
        word = before[max(before.rfind(" "), before.rfind("\n")) + 1 :]
        if word.casefold() in PLACE_TYPES:
            previous = before[: len(before) - len(word)].split()[-1:]
            if not previous or previous[0].casefold() != "wali":  # `Wali Kota Airin`: a mayor
                return True
        start = text.find(name, start + len(name))
    return False


def _short_form_of_body(text: str, word: Word) -> bool:
    """Does the article write ``word`` in brackets after a capitalised name, as a body's
    short form (`Pimpinan Pusat Persatuan Islam (Persis)`, `Relawan Kebangsaan Nasional
    (Rekabnas)`)? A person's short form follows the person's own name (`Agus Harimurti
    Yudhoyono (AHY)`), which does not hold ``word``'s name."""
    bracketed = f"({word.text})"
    at = text.find(bracketed)
    while at != -1:
        before = text[max(0, at - 40) : at].split()
        if at != word.start - 1 and before and before[-1][:1].isupper() and before[-1].isalpha():
            return True
        at = text.find(bracketed, at + len(bracketed))
    return False


def _named_alone(text: str, word: Word) -> bool:
    """Is ``word`` used elsewhere on its own after an ordinary lower-case word (`kata Heru`)?"""
    for previous, following in contexts_of(text, word.text, word.start):
        # `bersama Food Station`: a capitalised word after it makes it part of a longer name
        alone = not following[:1].isupper()
        if alone and previous.isalpha() and previous.islower() and previous not in _NOT_A_REFERENCE:
            return True
    return False
