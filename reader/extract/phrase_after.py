"""Reading the speaker named right after a cue (`kata Ketua KPU Hasyim Asy'ari di …`)."""

from __future__ import annotations

import re

from reader.extract.actors import Catalogue
from reader.extract.appositives import appositive
from reader.extract.cues import PHRASE_STOPS, PRONOUNS
from reader.extract.lexicon import (
    LOWER_ROLE_STARTS,
    ORGANISATION_WORDS,
    PERSON_WORDS,
    dictionary_words,
    is_date_word,
    is_number,
    is_ordinary_word,
    is_role_word,
)
from reader.extract.names import NONE, SpeakerPhrase
from reader.extract.phrase_parts import (
    MAX_WORDS,
    NEAR,
    REFERENCE_ENDS,
    TITLE_GLUE,
    WINDOW,
    between_words,
    make_phrase,
    role_so_far,
    role_text,
    stop,
)
from reader.extract.phrase_words import Word, is_capitalised, words

# Words naming where a written statement comes from, before who wrote it.
SOURCE_WORDS = frozenset("keterangan pernyataan rilis resmi tertulis akun unggahan".split())
# Words that open an unnamed group or person after a cue.
GROUP_WORDS = frozenset("para salah sejumlah ratusan ribuan puluhan seorang mereka".split())


# Lower-case words after a cue that leave the subject out (`ujar dia lagi`, `kata sang ayah`
# is the person just named) or address someone by name (`kata pak Budi`): not a description.
_NOT_A_DESCRIPTION = PHRASE_STOPS | frozenset(
    "lagi kembali pun sang si pak bu bapak ibu mas mbak bang kak".split()
)
_VERB_PREFIXES = ("me", "di", "ber", "ter")


def _names_a_speaker(folded: str) -> bool:
    """Whether a lower-case word right after a cue describes who spoke (`kata jaksa`,
    `ujar petugas`, `kata pria`): an ordinary noun, not a function word or a verb."""
    if len(folded) < 3 or not folded.isalpha() or folded in _NOT_A_DESCRIPTION:
        return False
    if folded.startswith(_VERB_PREFIXES) and folded not in dictionary_words():
        return False  # `ujar menirukan`, `kata ditemui`: a verb, the subject left out
    return folded in dictionary_words() or folded.startswith("pe")  # `petugas`, `pelatih`


def _nominalisation(folded: str) -> bool:
    """`penuturan`, `pengakuan`, `keterangan`: what someone gave, not someone."""
    return len(folded) > 6 and folded.startswith(("pe", "ke")) and folded.endswith("an") and folded.isalpha()


def _account_of(items: list[Word]) -> bool:
    """`menurut penuturan Aris`, `pengakuan Samsudin`: someone's account, then who gave it."""
    folded = items[0].text.casefold()
    return _nominalisation(folded) and folded not in LOWER_ROLE_STARTS and is_capitalised(items[1].text)


def _not_a_person(text: str, name: str, catalogue: Catalogue | None) -> bool:
    """After a description (`ucap pemain asli Parepare`, `ungkap sumber dari Layanan Pajak
    Nasional`): a name made of ordinary words, or a word the article uses as a place
    (`di Parepare`), names a body or a place, not the speaker."""
    words = name.split()
    if catalogue is not None and catalogue.resolve(name) is not None:
        return False
    if len(words) > 1 and all(is_ordinary_word(word.casefold()) for word in words):
        return True  # one ordinary word may still be a person's only name (`Jali`, `Budi`)
    return len(words) == 1 and re.search(rf"\b(?:di|ke|dari)\s+{re.escape(name)}\b", text) is not None


def _body_acronym(name: str, catalogue: Catalogue | None) -> bool:
    """`kata presiden kelima RI`: an acronym after a lower-case post is the body or the
    country, not the person (unless the catalogue knows a person by it: `SBY`)."""
    if not (name.isupper() and " " not in name):
        return False
    actor = catalogue.get(catalogue.resolve(name) or "") if catalogue is not None else None
    return actor is None or actor.type != "person"


def parse_after(text: str, pos: int, catalogue: Catalogue | None) -> SpeakerPhrase:
    """The speaker named right after a cue word ending at ``pos`` (`kata Anies di …`).

    The words of the next :data:`NEAR` characters usually decide: they are read first, and
    the whole window only when the reading ran to their end.
    """
    end = min(len(text), pos + WINDOW)
    space = text.find(" ", pos + NEAR, end)
    if space != -1 and between_words(text, pos, space):
        near = words(text, pos, space)[:MAX_WORDS]
        phrase, ran_out = _parse_after(text, near, catalogue)
        if not ran_out or len(near) == MAX_WORDS:
            return phrase
    return _parse_after(text, words(text, pos, end)[:MAX_WORDS], catalogue)[0]


def _parse_after(
    text: str, items: list[Word], catalogue: Catalogue | None
) -> tuple[SpeakerPhrase, bool]:
    """The phrase at the start of ``items``, and whether the reading ran to their end."""
    if not items:
        return NONE, True
    while len(items) > 1 and (items[0].text.casefold() in SOURCE_WORDS or _account_of(items)):
        items = items[1:]  # `tulis keterangan resmi Formula E`, `tanya akun @nama`
    first = items[0].text
    if first.casefold() in PRONOUNS:
        return SpeakerPhrase("pronoun", start=items[0].start, end=items[0].end), False
    if first.startswith("@") and len(first) > 1:
        return SpeakerPhrase("name", first, None, items[0].start, items[0].end), False
    if first.casefold() in GROUP_WORDS:
        # `seru para ustaz dan santri`, `kata salah seorang keluarga`: no one by name
        return SpeakerPhrase("unnamed", start=items[0].start, end=items[0].end), False
    run: list[Word] = []
    ran_out = False
    for index, item in enumerate(items):
        word = item.text
        folded = word.casefold()
        if word.startswith("@"):
            break  # `kata Raihan Pratama @raihanp`: a social-media handle ends the name
        if word == "." or item.sentence_end and run:
            if word != ".":
                run.append(item)
            break
        if word == ",":
            ran_out = ran_out or index + 2 >= len(items)
            nxt = items[index + 1].text if index + 1 < len(items) else ""
            # `Kepala Dusun X, Kelurahan Y, Wahyu Wibowo`: keep reading capitalised parts
            after = items[index + 2].text if index + 2 < len(items) else ""
            if nxt == "dan" and is_capitalised(after):
                nxt = after  # `Bidang Politik, Hukum, dan Keamanan Mahfud MD`
            # (not after a bare description: `kata hakim, Galumbang Menak mengaku …`)
            described = run and not any(is_capitalised(w.text) for w in run) and (
                run[0].text.casefold() not in LOWER_ROLE_STARTS
            )
            if run and is_capitalised(nxt) and not is_date_word(nxt) and role_so_far(run) and not described:
                run.append(item)
                continue
            break
        if word.startswith("("):
            if run:
                run.append(item)  # `Ketua Badan … (Bawaslu) Rahmat Bagja`: split_role reads it
                continue
            break
        if run:
            inside, read_all = _inside_role(items, index, run)
            ran_out = ran_out or read_all
            if inside:
                run.append(item)  # `Satuan Tugas Covid - 19 Kabupaten Bekasi Alamsyah`
                continue
        if is_number(folded) and run and run[-1].text.casefold() in ("urut", "nomor"):
            run.append(item)  # `calon wakil presiden nomor urut 3 itu`
            continue
        if _year_inside(items, index, run):
            run.append(item)  # `juara Olimpiade 2016 Tontowi Ahmad`
            continue
        if stop(word) and (run or folded not in LOWER_ROLE_STARTS):
            if folded in REFERENCE_ENDS and run:
                run.append(item)
            break
        if run and _inside_title(items, index, run):
            run.append(item)  # `Sekretaris Tim kampanye Nasional (TKN)`: a slip of case
            continue
        if run and not is_capitalised(word) and any(is_capitalised(w.text) for w in run):
            if folded in REFERENCE_ENDS:
                run.append(item)
            break  # `kata … Wisnu Yuas dihubungi dari …`: the name ended
        if not run and not is_capitalised(word) and folded not in LOWER_ROLE_STARTS:
            if folded in PERSON_WORDS or _names_a_speaker(folded):
                run.append(item)  # `kata jaksa`, `ujar warga setempat`: who, not how or when
                continue
            return NONE, ran_out  # `ujar saat ditemui`: the subject is left out
        run.append(item)
    else:
        ran_out = True
    phrase = _phrase_after(text, run, catalogue)
    if phrase.kind == "name" and not phrase.role and run and index < len(items):
        post = appositive(text, run[-1].end)  # `kata Supardi, koordinator relawan …`
        if post:
            phrase = SpeakerPhrase("name", phrase.name, post, phrase.start, phrase.end)
    return phrase, ran_out


def _phrase_after(text: str, run: list[Word], catalogue: Catalogue | None) -> SpeakerPhrase:
    if not run:
        return NONE
    if run[-1].text.casefold() in REFERENCE_ENDS:
        return SpeakerPhrase("reference", None, role_text(text, run), run[0].start, run[-1].end)
    if is_capitalised(run[0].text):
        return make_phrase(text, run, catalogue)
    # `kata pengamat politik Ujang Komarudin`: lower-case role, then the name
    first_cap = next((i for i, w in enumerate(run) if is_capitalised(w.text)), len(run))
    phrase = make_phrase(text, run[first_cap:], catalogue)
    lower_role = role_text(text, run[:first_cap])
    described = run[0].text.casefold() not in LOWER_ROLE_STARTS  # `kata jaksa …`, not a post
    if phrase.kind == "name" and not _body_acronym(phrase.name or "", catalogue) and not (
        described and _not_a_person(text, phrase.name or "", catalogue)
    ):
        role = f"{lower_role} {phrase.role}" if phrase.role else lower_role
        return SpeakerPhrase("name", phrase.name, role, run[0].start, phrase.end)
    return SpeakerPhrase("reference", None, role_text(text, run), run[0].start, run[-1].end)


def _year_inside(items: list[Word], index: int, run: list[Word]) -> bool:
    """A year inside a post, between two capitalised words (`juara Olimpiade 2016 Tontowi`)."""
    word = items[index].text
    if not (len(word) == 4 and word.isdigit() and word[:2] in ("19", "20")) or not run:
        return False
    following = items[index + 1].text if index + 1 < len(items) else ""
    return is_capitalised(run[-1].text) and is_capitalised(following)


def _inside_title(items: list[Word], index: int, run: list[Word]) -> bool:
    """One lower-case word between capitalised words of a post (`Tim kampanye Nasional`)."""
    word = items[index].text
    if not word.isalpha() or not word.islower() or index + 1 >= len(items):
        return False
    last = run[-1].text
    if not (is_role_word(last) or last.casefold() in ORGANISATION_WORDS):
        return False  # after a name the lower-case word ends the phrase
    nxt = items[index + 1].text
    return is_capitalised(nxt) and not is_date_word(nxt) and not stop(word)


def _inside_role(items: list[Word], index: int, run: list[Word]) -> tuple[bool, bool]:
    """A number, dash or `dan` between capitalised parts of a long title (`Covid - 19 Kota`).

    Also whether the test read to the end of ``items``.
    """
    if not role_so_far(run):
        return False, False
    j = index
    while j < len(items) and (items[j].text.isdigit() or items[j].text in TITLE_GLUE):
        j += 1
    if j >= len(items):
        return False, True
    if j == index:
        return False, False
    nxt = items[j].text
    return is_capitalised(nxt) and not is_date_word(nxt), False
