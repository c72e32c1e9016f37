"""Reading the speaker named right before a verb (`Ketua KPU Hasyim Asy'ari mengatakan`)."""

from __future__ import annotations

import re

from reader.extract.actors import Catalogue
from reader.extract.cues import PRONOUNS
from reader.extract.lexicon import (
    HONORIFICS,
    KINSHIP_WORDS,
    LOWER_ROLE_STARTS,
    NAME_LIKE_WORDS,
    OBJECT_MARKS,
    OFFICE_WORDS,
    PRONOUN_WORDS,
    SENTENCE_STARTERS,
    TITLES,
    is_date_word,
    is_ordinary_word,
    is_place,
    is_role_word,
)
from reader.extract.names import NONE, SpeakerPhrase, is_name_word
from reader.extract.phrase_parts import (
    MAX_WORDS,
    NEAR,
    REFERENCE_ENDS,
    WINDOW,
    between_words,
    make_phrase,
    post_then_demonstrative,
)
from reader.extract.phrase_words import Word, common_word_here, is_capitalised, word_before, words
from reader.extract.role_before import role_before, role_from
from reader.extract.role_reach import reach_back

MAX_SKIPPED = 3
PREPOSITIONS = frozenset("di ke dari kepada untuk dengan oleh pada dalam bagi terhadap".split())
COMITATIVES = frozenset({"bersama", "beserta"})  # `X bersama Y berharap`: X is the subject
# Words that put the capitalised phrase before them out of the subject position.
NOT_SKIPPED = frozenset(
    "kepada oleh untuk bahwa tentang terhadap dari pada di ke yang dan atau serta agar "
    "supaya karena sehingga ketika saat".split()
)


def parse_before(
    text: str, pos: int, catalogue: Catalogue | None, mention: bool = False
) -> SpeakerPhrase:
    """The speaker of a verb starting at ``pos`` (`Komisioner … Daini Rahmat mengatakan`).

    ``mention``: the phrase of a mention ending at ``pos``, not of a subject, so a person
    after `dengan`, `oleh` or `kepada` is read too (`bertemu dengan Ketum Partai X Nama`).
    The words of the last :data:`NEAR` characters usually decide: they are read first, and
    the whole window only when the reading reached their first word.
    """
    lo = max(0, pos - WINDOW)
    space = text.rfind(" ", lo + 1, pos - NEAR) if pos - NEAR > lo + 1 else -1
    if space != -1 and between_words(text, lo, space):
        phrase, first_read = _parse_before(text, words(text, space, pos), catalogue, mention)
        if first_read > 0:
            return phrase
    return _parse_before(text, words(text, lo, pos), catalogue, mention)[0]


def subject_before(text: str, pos: int, catalogue: Catalogue | None) -> SpeakerPhrase:
    """The subject of a cue verb starting at ``pos``: :func:`parse_before`'s phrase, unless
    it follows `bersama` (`dirinya bersama Calon Presiden Prabowo berharap`): then whoever
    stands before that word speaks (the pronoun here); when no one does, the phrase itself
    (`KPU Kota Batam bersama KPU Provinsi Kepulauan Riau memastikan`: both). A name with a
    description of one among many after it (`Rasya, salah satu pemilih pemula(,) mengaku`)
    is the subject too."""
    phrase = parse_before(text, pos, catalogue)
    if phrase.kind == "none":
        return _described_person(text, pos) or phrase
    if phrase.kind not in ("name", "reference") or phrase.start <= 0:
        return phrase
    before = word_before(text, phrase.start, 12)
    if before.casefold() not in COMITATIVES:
        return phrase
    subject = parse_before(text, text.rfind(before, 0, phrase.start), catalogue)
    return subject if subject.kind in ("name", "pronoun") else phrase


_DESCRIBED_PERSON = re.compile(
    r"(?<![\w'’-])([A-Z][a-z'’-]+(?:[ \t]+[A-Z][a-z'’-]+){0,3}),[ \t]+(?:salah[ \t]+satu|seorang|"
    r"satu[ \t]+dari)[ \t]+[a-z][\w-]*(?:[ \t]+[a-z][\w-]*){0,5},?[ \t]*$"
)


def _described_person(text: str, pos: int) -> SpeakerPhrase | None:
    found = _DESCRIBED_PERSON.search(text, max(0, pos - 120), pos)
    if found is None:
        return None
    parts = found.group(1).split()
    while len(parts) > 1 and parts[0].rstrip(".").casefold() in TITLES | HONORIFICS:
        parts = parts[1:]  # `Prof Hardinsyah, seorang ahli gizi mengatakan`
    if parts[0].casefold() in SENTENCE_STARTERS or any(is_place(w) or is_role_word(w) for w in parts):
        return None  # `Di Jakarta, salah satu …`, `Sementara itu, seorang …`
    name = " ".join(parts)
    return SpeakerPhrase("name", name, None, found.end(1) - len(name), found.end(1))


def _parse_before(
    text: str, items: list[Word], catalogue: Catalogue | None, mention: bool = False
) -> tuple[SpeakerPhrase, int]:
    """The phrase before the end of ``items``, and the lowest index of ``items`` it read.

    When that index is above 0 the words before ``items[1]`` could not change the phrase.
    """
    if not items:
        return NONE, -1
    read = len(items) - 1
    comma = items[-1].text == ","
    if comma:
        items.pop()  # `Anies Baswedan, mengatakan`
        # `Daeng M Faqih, Senin (20 / 4 / 2020), mengatakan`
        read = min(read, _drop_trailing_date(items))
    if not items:
        return NONE, -1
    place = _place_after_name(items, catalogue, comma)
    if place is not None:  # `Rizal Akbar, di Garut, Jawa Barat, Minggu, mengatakan`
        read = min(read, place)
        del items[place:]
        if items[-1].text == ",":
            items.pop()
    last = items[-1].text
    read = min(read, len(items) - 1)
    if last.casefold() in PRONOUN_WORDS:
        if last.casefold() in PRONOUNS:
            return SpeakerPhrase("pronoun", start=items[-1].start, end=items[-1].end), read
        return NONE, read
    index = len(items) - 1
    skipped = 0
    # `Ali juga tak menepis`, `Cak Imin meresponsnya dengan menyatakan`: adverbs and the like
    while (
        index > 0
        and skipped < MAX_SKIPPED
        and not is_capitalised(items[index].text)
        and items[index].text.isalpha()
        and items[index].text.casefold() not in NOT_SKIPPED
        and not items[index].sentence_end
    ):
        if items[index].text.casefold() in PRONOUNS:  # `ia bahkan menegaskan`
            item = items[index]
            return SpeakerPhrase("pronoun", start=item.start, end=item.end), min(read, index)
        index -= 1
        skipped += 1
    read = min(read, index)
    if skipped and not is_capitalised(items[index].text):
        index = len(items) - 1
    run: list[Word] = []
    while index >= 0 and len(run) < MAX_WORDS:
        item = items[index]
        read = min(read, index)
        if item.text == "." or item.sentence_end:
            break
        if item.text.startswith("("):
            if run:
                run.insert(0, item)  # inside the phrase: split_role reads it
            index -= 1
            continue
        if not is_capitalised(item.text):
            break
        run.insert(0, item)
        index -= 1
    run, index, reached = reach_back(items, index, run)
    read = min(read, index, reached)
    while run and run[0].text.startswith("("):
        run = run[1:]
    if run and run[0].text.casefold() in SENTENCE_STARTERS:
        run = run[1:]
    elif len(run) > 1 and _ordinary_opener(text, run, catalogue):
        run = run[1:]  # `Apalagi Prabowo mengatakan` (a lone `Pilar` may be a name)
    if not run:
        return NONE, read
    if index > 0 and items[index].text == "atau" and is_capitalised(items[index - 1].text):
        # `Bambang Wuryanto atau Bambang Pacul, membeberkan`: the full name comes first
        fuller, fuller_read = _parse_before(text, items[:index], catalogue)
        if fuller.kind == "name":
            return fuller, min(read, fuller_read)
    if comma and index >= 0 and items[index].text not in (",", ".") and not items[index].sentence_end:
        return NONE, read  # `aksi di kantor Bawaslu Kaltim, menuntut …`: not the subject
    before = items[index].text.casefold() if index >= 0 else ""
    if before in PREPOSITIONS and not role_from(items, index) and not (mention and before in OBJECT_MARKS):
        return NONE, read  # `tim di Sugapa akan mengungkapkan`: a place, not the subject
    if _relative_of(items, index, len(items) - 1 - skipped):
        # `suami Chacha Frederica ini mengaku`: Chacha's husband, named before; not Chacha
        described = items[index:]
        role = _span(text, described)
        return SpeakerPhrase("reference", None, role, described[0].start, described[-1].end), read
    phrase = make_phrase(text, run, catalogue)
    if skipped and phrase.kind == "name" and post_then_demonstrative(
        text, phrase.role, phrase.name, items[len(items) - skipped].start, catalogue
    ):
        # `Mantan Pangdam I Bukit Barisan ini menuturkan`: a unit's name ends the post
        return SpeakerPhrase("reference", None, _span(text, run), run[0].start, run[-1].end), read
    if phrase.kind == "name" and len(run) == 1 and _common_noun_subject(text, run[0]):
        return SpeakerPhrase("unnamed", start=run[0].start, end=run[0].end), read
    role, role_read = role_before(text, items, index, phrase, catalogue)
    read = min(read, role_read)
    if role and phrase.kind == "name":
        joined = f"{role} {phrase.role}" if phrase.role else role
        return SpeakerPhrase("name", phrase.name, joined, phrase.start, phrase.end), read
    return phrase, read


def _relative_of(items: list[Word], index: int, name_end: int) -> bool:
    """A kinship word, a name and a demonstrative (`suami Chacha Frederica ini`): someone's
    relative, the person the article has been talking about."""
    if index < 0 or items[index].text.casefold() not in KINSHIP_WORDS:
        return False
    return any(item.text.casefold() in REFERENCE_ENDS for item in items[name_end + 1 :])


def _span(text: str, items: list[Word]) -> str:
    return " ".join(text[items[0].start : items[-1].end].split())


def _ordinary_opener(text: str, run: list[Word], catalogue: Catalogue | None) -> bool:
    """The run opens a sentence on an ordinary word that is not part of a name or role."""
    if run[1].text.startswith("("):
        return False
    first = run[0].text
    folded = first.casefold()
    if not is_ordinary_word(folded) or is_role_word(first) or is_place(first):
        return False
    if folded in OFFICE_WORDS or folded in LOWER_ROLE_STARTS:
        return False  # `Tenaga Ahli Utama …`: a title opens with it
    if not _opens_sentence(text, run[0]):
        return False  # inside a sentence: a capitalised word there is a name or a title
    # `Ganjar`, `Puan Maharani`: names that are words too
    return catalogue is None or not any(
        catalogue.resolve(" ".join(w.text for w in run[:size])) for size in (1, 2)
    )


def _common_noun_subject(text: str, word: Word) -> bool:
    """`Suporter terus menuntut`, `Polisi menyatakan`: one capitalised word opening the
    sentence that the article also writes in lower case is a common noun, naming no one."""
    return _opens_sentence(text, word) and common_word_here(text, word.text)


def _opens_sentence(text: str, word: Word) -> bool:
    before = text[max(0, word.start - 3) : word.start].rstrip(" \t")
    return not before or before[-1] in ".!?\n\"”"


MAX_PLACE_WORDS = 6  # words and commas of `di Garut, Jawa Barat` skipped after a name


def _place_after_name(
    items: list[Word], catalogue: Catalogue | None, set_off: bool
) -> int | None:
    """Where `di <Place>` starts when it stands between a name and its verb, else None.

    `Rizal Akbar di Garut mengatakan`, `Rizal Akbar, di Garut, Jawa Barat, mengatakan`: the
    place is where he spoke, and the name before it is the subject. ``set_off``: a comma
    stands before the verb. A lower-case word or a non-name before `di` (`tim di Sugapa`,
    `Warga di Desa X`), a name that is the object of a lower-case word (`bersama Gibran di
    …`), or ordinary words with no comma around the place (a headline `Kredit Melambat di
    Tahun Politik` glued to the next sentence) keep the place in the subject.
    """
    index = len(items) - 1
    stop = max(0, index - MAX_PLACE_WORDS)
    while index > stop and (items[index].text == "," or is_capitalised(items[index].text)):
        if items[index].sentence_end:
            return None
        index -= 1
    if index < 1 or index == len(items) - 1 or items[index].text != "di":
        return None
    before = index - 1
    if items[before].text == "," and before > 0:
        before, set_off = before - 1, True
    if not is_name_word(items[before].text, catalogue):
        return None
    opening = before
    while opening > 0 and (
        is_capitalised(items[opening - 1].text) or items[opening - 1].text.startswith("(")
    ):
        opening -= 1
    if opening > 0 and items[opening - 1].text.isalpha():
        return None  # `usai acara bersama Gibran di Penjaringan`: the name is not the subject
    if not set_off and not any(_names_someone(w.text, catalogue) for w in items[opening : before + 1]):
        return None  # `Kredit Melambat di Tahun Politik`: ordinary words, a headline
    return index


def _names_someone(word: str, catalogue: Catalogue | None) -> bool:
    """A name word that is no ordinary word (`Akbar`, `Mellaz`), or a known person's."""
    if not is_name_word(word, catalogue):
        return False
    folded = word.casefold()
    if folded in NAME_LIKE_WORDS or not is_ordinary_word(folded):
        return True
    actor = catalogue.get(catalogue.resolve(word) or "") if catalogue is not None else None
    return actor is not None and actor.type == "person"


def _drop_trailing_date(items: list[Word]) -> int:
    """Remove `, Senin (20/4/2020)` or `, Jumat` from the end of ``items``; the lowest index read."""
    end = len(items)
    while end and (items[end - 1].text.startswith("(") or is_date_word(items[end - 1].text)):
        end -= 1
    read = end - 1  # -1 when every word was read
    if end < len(items) and end and items[end - 1].text == ",":
        del items[end - 1 :]
    return read
