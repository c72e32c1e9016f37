"""Reading the speaker phrase next to a cue: forwards (`kata X`) or backwards (`X mengatakan`)."""

from __future__ import annotations

from reader.extract.actors import Catalogue
from reader.extract.cues import PHRASE_STOPS, PRONOUNS
from reader.extract.lexicon import (
    KINSHIP_WORDS,
    LOWER_ROLE_STARTS,
    OFFICE_WORDS,
    PRONOUN_WORDS,
    SENTENCE_STARTERS,
    is_date_word,
    is_ordinary_word,
    is_place,
    is_role_word,
)
from reader.extract.names import (
    NONE,
    SpeakerPhrase,
    Word,
    is_capitalised,
    split_role,
    words,
)

WINDOW = 160  # characters read on either side of a cue
MAX_WORDS = 24
REFERENCE_ENDS = frozenset({"itu", "tersebut", "ini"})
MAX_SKIPPED = 3
PREPOSITIONS = frozenset("di ke dari kepada untuk dengan oleh pada dalam bagi terhadap".split())
# Words that put the capitalised phrase before them out of the subject position.
NOT_SKIPPED = frozenset(
    "kepada oleh untuk bahwa tentang terhadap dari pada di ke yang dan atau serta agar "
    "supaya karena sehingga ketika saat".split()
)


def _phrase(text: str, run: list[Word], catalogue: Catalogue | None) -> SpeakerPhrase:
    """Turn a run of words into a name (with role) or a reference."""
    while run and run[-1].text.startswith("("):
        run = run[:-1]
    if not run:
        return NONE
    start, end = run[0].start, run[-1].end
    role, name = split_role(text, run, catalogue)
    if name is None and run:
        org = _organisation(text, run, catalogue)
        if org:
            return SpeakerPhrase("name", org, None, start, end)
    if name is None:
        return SpeakerPhrase("reference", None, role, start, end)
    return SpeakerPhrase("name", name, role, start, end)


def _organisation(text: str, run: list[Word], catalogue: Catalogue | None) -> str | None:
    """`kata Bawaslu`: an organisation speaking (known, or an acronym)."""
    phrase = " ".join(w.text for w in run if w.text != "," and w.text[0] != "(")
    if catalogue is not None and catalogue.resolve(phrase):
        return catalogue.resolve(phrase)
    if len(run) == 1 and run[0].text.isupper() and 2 <= len(run[0].text) <= 8:
        return run[0].text
    return None


def parse_after(text: str, pos: int, catalogue: Catalogue | None) -> SpeakerPhrase:
    """The speaker named right after a cue word ending at ``pos`` (`kata Anies di …`).

    The words of the next :data:`NEAR` characters usually decide: they are read first, and
    the whole window only when the reading ran to their end.
    """
    end = min(len(text), pos + WINDOW)
    space = text.find(" ", pos + NEAR, end)
    if space != -1 and _between_words(text, pos, space):
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
    first = items[0].text
    if first.casefold() in PRONOUNS:
        return SpeakerPhrase("pronoun", start=items[0].start, end=items[0].end), False
    run: list[Word] = []
    ran_out = False
    for index, item in enumerate(items):
        word = item.text
        folded = word.casefold()
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
            if run and is_capitalised(nxt) and not is_date_word(nxt) and _role_so_far(run):
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
        if folded.isdigit() and run and run[-1].text.casefold() in ("urut", "nomor"):
            run.append(item)  # `calon wakil presiden nomor urut 3 itu`
            continue
        if _stop(word) and (run or folded not in LOWER_ROLE_STARTS):
            if folded in REFERENCE_ENDS and run:
                run.append(item)
            break
        if run and not is_capitalised(word) and any(is_capitalised(w.text) for w in run):
            if folded in REFERENCE_ENDS:
                run.append(item)
            break  # `kata … Wisnu Yuas dihubungi dari …`: the name ended
        if not run and not is_capitalised(word) and folded not in LOWER_ROLE_STARTS:
            if folded in ("pria", "wanita", "perempuan", "lelaki", "sosok", "orang", "politikus"):
                run.append(item)
                continue
            return NONE, ran_out
        run.append(item)
    else:
        ran_out = True
    return _phrase_after(text, run, catalogue), ran_out


def _phrase_after(text: str, run: list[Word], catalogue: Catalogue | None) -> SpeakerPhrase:
    if not run:
        return NONE
    if run[-1].text.casefold() in REFERENCE_ENDS:
        return SpeakerPhrase("reference", None, _role_text(text, run), run[0].start, run[-1].end)
    if is_capitalised(run[0].text):
        return _phrase(text, run, catalogue)
    # `kata pengamat politik Ujang Komarudin`: lower-case role, then the name
    first_cap = next((i for i, w in enumerate(run) if is_capitalised(w.text)), len(run))
    phrase = _phrase(text, run[first_cap:], catalogue)
    lower_role = _role_text(text, run[:first_cap])
    if phrase.kind == "name":
        role = f"{lower_role} {phrase.role}" if phrase.role else lower_role
        return SpeakerPhrase("name", phrase.name, role, run[0].start, phrase.end)
    return SpeakerPhrase("reference", None, _role_text(text, run), run[0].start, run[-1].end)


def _inside_role(items: list[Word], index: int, run: list[Word]) -> tuple[bool, bool]:
    """A number, dash or `dan` between capitalised parts of a long title (`Covid - 19 Kota`).

    Also whether the test read to the end of ``items``.
    """
    if not _role_so_far(run):
        return False, False
    j = index
    while j < len(items) and (items[j].text.isdigit() or items[j].text in _TITLE_GLUE):
        j += 1
    if j >= len(items):
        return False, True
    if j == index:
        return False, False
    nxt = items[j].text
    return is_capitalised(nxt) and not is_date_word(nxt), False


_TITLE_GLUE = frozenset({"-", "–", "/", "dan", "and", "&"})


def _stop(word: str) -> bool:
    if word[:1].isupper():
        return False  # `Menteri Dalam Negeri`: capitalised, part of a title
    folded = word.casefold()
    return folded in PHRASE_STOPS or folded in REFERENCE_ENDS or folded.isdigit()


def _role_so_far(run: list[Word]) -> bool:
    return any(is_role_word(w.text) or is_place(w.text) for w in run)


def _role_text(text: str, run: list[Word]) -> str:
    return " ".join(text[run[0].start : run[-1].end].split())


def parse_before(text: str, pos: int, catalogue: Catalogue | None) -> SpeakerPhrase:
    """The speaker of a verb starting at ``pos`` (`Komisioner … Daini Rahmat mengatakan`).

    The words of the last :data:`NEAR` characters usually decide: they are read first, and
    the whole window only when the reading reached their first word.
    """
    lo = max(0, pos - WINDOW)
    space = text.rfind(" ", lo + 1, pos - NEAR) if pos - NEAR > lo + 1 else -1
    if space != -1 and _between_words(text, lo, space):
        phrase, first_read = _parse_before(text, words(text, space, pos), catalogue)
        if first_read > 0:
            return phrase
    return _parse_before(text, words(text, lo, pos), catalogue)[0]


NEAR = 60  # characters next to a cue read first


def _between_words(text: str, lo: int, space: int) -> bool:
    """Does the space at ``space`` lie between two words of ``words(text, lo, …)``?

    Only a bracketed aside (at most 62 characters) can hold a space, so a space with no `(`
    in the 61 characters before it (after ``lo``) does: the words on either side of it are
    the same whatever the window.
    """
    return space > lo and text.rfind("(", max(lo, space - 61), space) == -1


def _parse_before(
    text: str, items: list[Word], catalogue: Catalogue | None
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
    read = min(read, index)
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
    if index >= 0 and items[index].text.casefold() in PREPOSITIONS and not _role_from(items, index):
        return NONE, read  # `tim di Sugapa akan mengungkapkan`: a place, not the subject
    phrase = _phrase(text, run, catalogue)
    role, role_read = _role_before(text, items, index, phrase)
    read = min(read, role_read)
    if role and phrase.kind == "name":
        joined = f"{role} {phrase.role}" if phrase.role else role
        return SpeakerPhrase("name", phrase.name, joined, phrase.start, phrase.end), read
    return phrase, read


def _ordinary_opener(text: str, run: list[Word], catalogue: Catalogue | None) -> bool:
    """The run opens a sentence on an ordinary word that is not part of a name or role."""
    if run[1].text.startswith("("):
        return False
    first = run[0].text
    folded = first.casefold()
    if not is_ordinary_word(folded) or is_role_word(first) or is_place(first):
        return False
    if folded in OFFICE_WORDS:
        return False  # `Tenaga Ahli Utama …`: a title opens with it
    before = text[max(0, run[0].start - 3) : run[0].start].rstrip(" \t")
    if before and before[-1] not in ".!?\n\"”":
        return False  # inside a sentence: a capitalised word there is a name or a title
    # `Ganjar`, `Puan Maharani`: names that are words too
    return catalogue is None or not any(
        catalogue.resolve(" ".join(w.text for w in run[:size])) for size in (1, 2)
    )


def _drop_trailing_date(items: list[Word]) -> int:
    """Remove `, Senin (20/4/2020)` or `, Jumat` from the end of ``items``; the lowest index read."""
    end = len(items)
    while end and (items[end - 1].text.startswith("(") or is_date_word(items[end - 1].text)):
        end -= 1
    read = end - 1  # -1 when every word was read
    if end < len(items) and end and items[end - 1].text == ",":
        del items[end - 1 :]
    return read


def _role_before(
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
        segment = _role_tail(segment)
        if segment and len(segment) <= 10:
            first = segment[0].text.casefold()
            opens = is_capitalised(segment[0].text) or first in LOWER_ROLE_STARTS
            if opens and first not in SENTENCE_STARTERS and (
                first in LOWER_ROLE_STARTS or _caps(segment)
            ):
                return _role_text(text, segment), j
        return None, j
    segment = []
    j = index
    while j >= 0 and items[j].text not in (",", ".") and not items[j].sentence_end:
        segment.insert(0, items[j])
        j -= 1
    segment = _role_tail(segment)
    if 0 < len(segment) <= 8 and segment[0].text.casefold() in LOWER_ROLE_STARTS:
        return _role_text(text, segment), j
    return None, j


def _role_tail(segment: list[Word]) -> list[Word]:
    """The words at the end of ``segment`` that make a role, from its first role word.

    `Rakornas dihadiri Ketua Umum PDI Perjuangan`, `JAKARTA - Bakal calon presiden dari`.
    """
    cut = len(segment)
    while cut and _role_part(segment[cut - 1].text):
        cut -= 1
    if any(w.text.casefold() in KINSHIP_WORDS for w in segment[max(0, cut - 3) : cut + 1]):
        return []  # `putra bungsu Presiden, Raka`: whose son he is, not his post
    while cut < len(segment) and not (
        is_role_word(segment[cut].text) or segment[cut].text.casefold() in LOWER_ROLE_STARTS
    ):
        cut += 1
    return segment[cut:]


def _role_from(items: list[Word], index: int) -> bool:
    """`Bakal calon presiden dari Koalisi …`: `dari` inside a role, not before a place."""
    if items[index].text != "dari":
        return False
    for item in reversed(items[max(0, index - 4) : index]):
        if item.text in (",", ".") or item.sentence_end:
            return False
        if is_role_word(item.text) or item.text.casefold() in LOWER_ROLE_STARTS:
            return True
    return False


def _role_part(word: str) -> bool:
    """Can ``word`` be inside a role (`Calon presiden nomor urut 1`, `Ketua DPD (Ketum)`)?"""
    folded = word.casefold()
    return (
        is_capitalised(word)
        or word.isdigit()
        or word[:1] == "("
        or word in _TITLE_GLUE
        or folded in ("nomor", "urut", "dari")
        or folded in LOWER_ROLE_STARTS
        or is_role_word(word)
    )


def _caps(segment: list[Word]) -> bool:
    return any(is_role_word(w.text) for w in segment)
