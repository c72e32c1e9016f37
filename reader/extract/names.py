"""Reading a speaker phrase and splitting it into role and name.

`Komisioner Bawaslu Kaltim Daini Rahmat` → role `Komisioner Bawaslu Kaltim`, name
`Daini Rahmat`. The name is the run of name-like words at the end of the phrase:
capitalised, not a title, place, date, acronym or known organisation.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from reader.extract.actors import Catalogue
from reader.extract.glued import unglued
from reader.extract.lexicon import (
    COORDINATORS,
    ENGLISH_GLUE,
    FOREIGN_BODY_WORDS,
    FULL_MONTHS,
    HONORIFICS,
    KINSHIP_WORDS,
    NAME_LIKE_WORDS,
    ORGANISATION_WORDS,
    PRONOUN_WORDS,
    RANK_PARTS,
    RANKS,
    SAID_NOUNS,
    SENTENCE_STARTERS,
    TITLES,
    is_common_word,
    is_date_word,
    is_ordinary_word,
    is_place,
    is_role_word,
)
from reader.extract.name_bodies import (
    COMPLEMENTED_POSTS,
    PLACE_TYPES,
    acronym_of_body,
    body_named_elsewhere,
    known_inside,
    named_as_place,
)
from reader.extract.pair_posts import PAIR_WORDS, pair_post
from reader.extract.phrase_words import DESCRIPTIONS, Word, is_description
from reader.extract.role_edges import trim_role
from reader.extract.short_forms import speaks_alone

# Bodies whose own name follows the word (`Universitas Al Azhar`, `Partai Ummat`).
NAMED_BODIES = frozenset(
    """universitas institut sekolah yayasan perkumpulan partai pesantren ponpes pondok masjid
    gereja stadion bandara pelabuhan gedung""".split()
)
PUBLIC_BODIES = frozenset("dinas badan komisi kementerian direktorat komite lembaga biro".split())
MIN_LONG_WORD = 9  # letters of a dictionary word too long to be a given name
MAX_PAIR_TAIL = 3  # words after `Prabowo Subianto-Gibran`: the rest of the second name
MAX_NAME_AFTER_COMMA = 4  # words of a name standing alone after a comma
NAME_PARTICLES = frozenset("bin binti van der de al el von da".split())



@dataclass(frozen=True, slots=True)
class SpeakerPhrase:
    """What a cue points at: a name (with role), a pronoun, or a reference (`pria itu`)."""

    kind: str  # "name", "pronoun", "reference", "unnamed" (`para santri`) or "none"
    name: str | None = None
    role: str | None = None
    start: int = -1
    end: int = -1


NONE = SpeakerPhrase("none")


def is_name_word(word: str, catalogue: Catalogue | None = None) -> bool:
    """Could ``word`` be part of a person's name?"""
    if catalogue is None:
        return _name_shaped(word)
    memo: dict[str, bool] | None = catalogue.cache.get("name_words")
    if memo is None or len(memo) > MAX_MEMO:
        memo = catalogue.cache["name_words"] = {}
    found = memo.get(word)
    if found is None:
        found = memo[word] = _name_shaped(word) and not _non_person(word, catalogue)
    return found


MIN_INDO_COMPOUND = 7  # letters of an `Indo-` compound (`Indopol`); `Indah`, `Indra` are names
MAX_MEMO = 200_000  # words remembered per catalogue before the memo starts again


def _non_person(word: str, catalogue: Catalogue) -> bool:
    """A catalogue alias of an organisation, party or pair (`Gerindra`), not a person."""
    actor = catalogue.get(catalogue.resolve(word.rstrip(".")) or "")
    return actor is not None and actor.type != "person"


@functools.lru_cache(maxsize=65536)
def _name_shaped(word: str) -> bool:
    bare = word.rstrip(".")
    if not bare or not bare[0].isupper():
        return False
    folded = bare.casefold()
    if is_role_word(bare) or is_place(bare) or is_date_word(bare) or folded in HONORIFICS:
        return False
    if folded in ORGANISATION_WORDS or folded in FOREIGN_BODY_WORDS or folded in TITLES:
        return False
    if folded.startswith("indo") and len(folded) >= MIN_INDO_COMPOUND:  # (`Indonesia`: a place, above)
        return False  # `Indostrategic`, `Indobarometer`, `Indopol`: a body's name, not a person's
    if "." in bare:
        return False  # `Prof.`, `Beritasatu.com`, `K.H`
    if "-" in bare and is_ordinary_word(bare.split("-")[0].casefold()) and bare[1:].islower():
        return False  # `Tiba-tiba`, `Kadang-kadang`: a reduplicated word opening a sentence
    if folded in SENTENCE_STARTERS or folded in PRONOUN_WORDS or folded in SAID_NOUNS:
        return False  # `Postingan Donghae`: his post, not part of his name
    if any(ch.isdigit() for ch in bare):
        return False
    if is_description(folded):
        return False
    # acronyms and brand names (KPU, KontraS, NasDem) are not names; MD/Md, McX and an Arabic
    # article before a name (Al-Habsyi, Asy-Syafii) are
    inner_caps = any(ch.isupper() for ch in bare[1:])
    return not inner_caps or len(bare) <= 2 or bare[:2] == "Mc" or _arabic_article(bare)


ARABIC_ARTICLES = frozenset("al el ad as asy ash at ar an az adz".split())


def _arabic_article(word: str) -> bool:
    """`Al-Habsyi`, `Asy-Syafii`: an article, a hyphen and one capitalised word. It ends a
    person's name; opening a run of name words, it ends a body's (`Ponpes Al-Hidayah`)."""
    head, _, rest = word.partition("-")
    return (
        head.casefold() in ARABIC_ARTICLES
        and rest[:1].isupper()
        and rest[1:].islower()
        and rest.isalpha()
    )


def tidy_role(role: str | None) -> str | None:
    """A role as the sidebar shows it, or None when it names no post.

    Kinship (`anak Gus Ali`), a description with a relative clause (`politikus yang akrab
    disapa`) or with -nya (`Wakil Ketua Umumnya`) is not a post; a pair's description gives
    its first post (`Pasangan calon presiden dan wakil presiden …` -> `Calon presiden`).
    """
    role = _without_stray_end(role or "")
    if not role:
        return None
    parts = role.split()
    if _pair_of_candidates(parts):  # `Capres dan cawapres nomor urut dua`: the first post
        role = pair_post(f"pasangan {role}") or role
        parts = role.split()
    if parts[0].casefold() in PAIR_WORDS:  # `Pasangan calon presiden dan wakil presiden …`
        role = pair_post(role)
        if role is None:
            return None
        parts = role.split()
    if parts[0].casefold() in KINSHIP_WORDS or "yang" in parts:
        return None
    if parts[0].casefold() in SAID_NOUNS:  # `Pernyataan Ketua Umum PDI-P Megawati`: her words
        parts = parts[1:]
        if not parts:
            return None
        role = " ".join(parts)
    if parts[0].casefold() in DESCRIPTIONS:
        return None  # `warga setempat`: who someone is, not a post
    if is_description(parts[-1].casefold()):
        return None
    return _without_stray_end(trim_role(role) or "") or None


_CANDIDATE_WORDS = frozenset("capres cawapres bacapres bacawapres calon bakal wakil".split())


def _pair_of_candidates(parts: list[str]) -> bool:
    """`Capres dan cawapres …`: the two posts of a pair of candidates, joined by `dan`."""
    folded = [w.casefold() for w in parts]
    if "dan" not in folded or folded[0] not in _CANDIDATE_WORDS:
        return False
    after = folded.index("dan") + 1
    return after < len(folded) and folded[after] in _CANDIDATE_WORDS


def _without_stray_end(role: str) -> str:
    """``role`` without the space, punctuation or glue word a cut left at its ends
    (`pengamat politik,`, `Director of`)."""
    role = role.strip().rstrip(",;:").strip()
    head, _, last = role.rpartition(" ")
    return head.rstrip(",;:").strip() if head and last.casefold() in _DANGLING else role


_DANGLING = ENGLISH_GLUE | {"dan", "dari", "untuk"}  # glue a post never ends on


def split_role(
    text: str, phrase: list[Word], catalogue: Catalogue | None
) -> tuple[str | None, str | None]:
    """(role, name) for a capitalised phrase such as `Ketua KPU Jabar Ummi Wahyuni`.

    Commas split the phrase (`Kepala Dusun X, Kecamatan Y, Wahyu Wibowo`); the name is
    sought in the last part first.
    """
    while phrase and phrase[-1].text.startswith("("):
        phrase = phrase[:-1]  # `Joko Widodo (Jokowi)`
    items = [w for w in phrase if not w.text.startswith("(") or _short_form(w.text)]
    segments: list[list[Word]] = [[]]
    after_comma = [False]
    for item in items:
        # `Ikatan Mahasiswa Contoh (IMC) Abdul Karim`: the short form ends the body's name
        if item.text == "," or item.text.startswith("("):
            segments.append([])
            after_comma.append(item.text == ",")
        else:
            segments[-1].append(item)
    before: list[Word] = []
    for index in range(len(segments) - 1, -1, -1):
        segment = segments[index]
        cut, name_words = _name_at_end(segment, catalogue)
        if name_words and cut > 0:
            found = " ".join(w.text for w in name_words)
            if speaks_alone(text, segment[cut - 1].text, found, catalogue):
                cut -= 1  # `KLHK Rasio Ridho Sani` where the article writes `kata Rasio`
                name_words = segment[cut:]
        if len(name_words) > 2:
            cut, name_words = body_named_elsewhere(text, segment, cut, name_words, catalogue)
        if (
            name_words
            and after_comma[index]
            and cut > 0
            and len(segment) <= MAX_NAME_AFTER_COMMA
            and all(is_name_word(w.text, catalogue) for w in segment[:cut])
        ):
            cut, name_words = 0, segment  # `Ketua Bawaslu X, Muhammad Bahrun`: all the name
        if name_words and len(name_words) <= 3 and named_as_place(text, " ".join(w.text for w in name_words)):
            name_words = []  # `KPU Parigi Moutong` where the article writes `Kabupaten Parigi Moutong`
        if len(name_words) <= MAX_PAIR_TAIL and cut > 1 and _pair_after(segment, cut, catalogue):
            name_words = []  # `Anies Baswedan-Muhaimin Iskandar`: a pair, not a person named `Iskandar`
        if name_words:
            # `…, Kompol I Putu Bayu Pati`: the rank is neither the name nor the post
            rank_start, rank_end = _rank_span(name_words)
            kept = segment[: cut + rank_start]
            name_words = name_words[rank_end:]
            before = [w for seg in segments[:index] for w in seg] + kept
            role_words = [w for w in before if w.text.casefold() not in HONORIFICS]
            while role_words and role_words[-1].text.rstrip(".").casefold() in TITLES:
                role_words.pop()  # `Pimpinan Pesantren Al Badar, KH Uwais`: KH is no role
            if role_words and role_words[-1].text.casefold() in COORDINATORS and not (
                catalogue is not None and catalogue.resolve(" ".join(w.text for w in name_words))
            ):
                # `Menteri Komunikasi dan Informatika Rudiantara`, `Badan Meteorologi,
                # Klimatologi, dan Geofisika`: ordinary words after `dan` end the post
                # (`Presiden Jokowi dan Ganjar Pranowo`: two people)
                while name_words and _ordinary(name_words[0].text):
                    role_words.append(name_words.pop(0))
                if not name_words:
                    return _span_text(text, role_words), None
            if kept and not rank_end and _names_the_body(kept[-1].text, name_words):
                # `dosen tetap Universitas Al Azhar`, `Dinas Lingkungan Hidup`: the words after
                # it name the body
                return _span_text(text, role_words + name_words), None
            role = _span_text(text, role_words) if role_words else None
            return role, _name_text(text, name_words)
    role_words = [
        w for w in items if w.text != "," and w.text[0] != "(" and w.text.casefold() not in HONORIFICS
    ]
    return (_span_text(text, role_words) if role_words else None), None


def _names_the_body(body: str, name_words: list[Word]) -> bool:
    """Do ``name_words`` after the word ``body`` name that body rather than a person?"""
    folded = body.casefold()
    if folded in NAMED_BODIES:
        return True
    # a public body's name is made of words (`Dinas Lingkungan Hidup`, `Badan Pengawas Pemilu`)
    return folded in PUBLIC_BODIES and all(is_ordinary_word(w.text.casefold()) for w in name_words)


def _pair_after(segment: list[Word], cut: int, catalogue: Catalogue | None) -> bool:
    """Do the name words at ``cut`` finish a pair's second name (`Prabowo Subianto-Gibran
    Rakabuming Raka`)? Not after a place's name (`Bandara Internasional Soekarno-Hatta`)."""
    if not _pair_joint(segment[cut - 1].text):
        return False
    first = segment[cut - 2].text
    # a long dictionary word is a place's or a body's (`Internasional`); a short one may be a
    # given name (`Wulan`, `Indah`)
    long_word = len(first) >= MIN_LONG_WORD and is_ordinary_word(first.casefold())
    return is_name_word(first, catalogue) and not long_word


def _pair_joint(word: str) -> bool:
    """`Baswedan-Muhaimin`: two capitalised names joined by a hyphen, where a pair's names meet."""
    head, _, tail = word.partition("-")
    if len(head) < 3 or head.casefold() in ARABIC_ARTICLES:
        return False  # `Al-Irsyad`: an article, not a first name
    return head[:1].isupper() and head[1:].islower() and tail[:1].isupper() and tail[1:].islower()


def _rank_span(name_words: list[Word]) -> tuple[int, int]:
    """Where a military or police rank stands in a name's words (`Kompol`, `Kombes Pol`,
    `Letkol Czi`): right before the person's own name, so words before it belong to the post
    (`Tana Toraja Letkol Czi Zaenal Arifin`); (0, 0) without one. At least one word stays."""
    folded = [w.text.rstrip(".").casefold() for w in name_words]
    start = next((i for i, word in enumerate(folded[:-1]) if word in RANKS), None)
    if start is None:
        if len(folded) > 2 and len(folded[0]) == 3 and folded[0] in RANK_PARTS:
            return 0, 1  # `Kolonel Cpl Eko Daryanto`: the corps after a rank the post took
        return 0, 0
    end = start + 1
    while end < len(name_words) - 1 and (folded[end] in RANKS or folded[end] in RANK_PARTS):
        end += 1
    return start, end


def _name_text(text: str, name_words: list[Word]) -> str:
    """The name's words; a word glued to its end that the article writes only here is cut
    (`Dimas Prasetyaingin mempercepat …` -> `Dimas Prasetya`)."""
    last = name_words[-1].text
    kept = unglued(last)
    if kept != last and text.count(last) < 2 and (len(name_words) >= 2 or _written_alone(text, kept)):
        # a one-word name is cut only when the article writes it on its own too (`Puadiusai`, `kata Puadi`)
        return " ".join([*(w.text for w in name_words[:-1]), kept])
    return " ".join(w.text for w in name_words)


def _written_alone(text: str, word: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(word)}(?!\w)", text) is not None


def _short_form(bracket: str) -> bool:
    """`(IMC)`, `(Bawaslu)`, `(Ketum)`: one capitalised word in brackets."""
    inner = bracket[1:-1].strip()
    return bool(inner) and " " not in inner and inner[:1].isupper() and inner.isalnum()


def _name_at_end(items: list[Word], catalogue: Catalogue | None) -> tuple[int, list[Word]]:
    """Where the name starts in ``items`` and its words (none if there is no name)."""
    cut = len(items)
    while cut > 0 and (
        is_name_word(items[cut - 1].text, catalogue) or _month_inside_name(items, cut - 1, catalogue)
    ):
        cut -= 1
    name_words = items[cut:]
    # Two all-capital or one-letter words can't make a name on their own (`MD`, `B`).
    if name_words and all(len(w.text.rstrip(".")) <= 2 for w in name_words):
        cut, name_words = len(items), []
    known = catalogue is not None and catalogue.resolve(" ".join(w.text for w in name_words))
    if known and len(name_words) > 2 and _ordinary(name_words[0].text) and known == (
        catalogue.resolve(" ".join(w.text for w in name_words[1:])) if catalogue else None
    ):
        cut, name_words = cut + 1, name_words[1:]  # `Koalisi Indonesia Maju Prabowo Subianto`
    # `Menteri Keuangan Sri Mulyani`, `Sekretaris Negara Pratikno`: office words before a name
    while name_words and not known and is_common_word(name_words[0].text.rstrip(".")):
        cut += 1
        name_words = name_words[1:]
    if catalogue is not None and len(name_words) > 2 and not known:
        # `Juru Bicara Anies Baswedan Angga Putra Fidrian`, `Bendahara Sedulur Jokowi Dodi
        # Iwakusumajaya`: a known person inside a role or a body's name, the name after it
        skip = known_inside(name_words, catalogue)
        cut, name_words = cut + skip, name_words[skip:]
    while len(name_words) > 2 and not known and _ordinary(name_words[0].text):
        # `Koalisi Aktivis Muda Ragil Setyo Cahyono`: the body's last word, not a given name
        cut, name_words = cut + 1, name_words[1:]
    if len(name_words) > 2 and not known and acronym_of_body(name_words):
        cut, name_words = cut + 1, name_words[1:]  # `Ketua Umum Bara JP Utje Gustaaf Patty`
    inside = [i for i, w in enumerate(name_words[:-1]) if _arabic_article(w.text)]
    if inside:  # `Ponpes Nurul Al-Hidayah Karim …`: the article ends a body's name, not his
        cut, name_words = cut + inside[-1] + 1, name_words[inside[-1] + 1 :]
    if cut > 0 and _names_a_body(items[cut - 1].text, len(name_words)):
        # `Kabupaten Pemalang`, `Gedung Putih Karoline Leavitt`: the word names the place
        cut, name_words = cut + 1, name_words[1:]
    if (
        cut > 0
        and 0 < len(name_words) <= 2
        and not known
        and items[cut - 1].text.casefold() in ORGANISATION_WORDS
        and _ordinary(name_words[0].text)
    ):
        # `Badan Pajak Nasional`, `Pengadilan Tinggi Paris`, `Stadion … Lautan Api`: words
        # go on naming the body after its organisation word; no person is named
        return len(items), []
    return cut, name_words


def _month_inside_name(items: list[Word], at: int, catalogue: Catalogue | None) -> bool:
    """A month's name between two name words is part of the name (`Raja Juli Antoni`): a
    date has a number or a lower-case word beside its month (`pada Juli 2023`)."""
    return (
        0 < at < len(items) - 1
        and items[at].text.casefold() in FULL_MONTHS
        and is_name_word(items[at - 1].text, catalogue)
        and is_name_word(items[at + 1].text, catalogue)
    )


def _ordinary(word: str) -> bool:
    folded = word.casefold()
    return folded not in NAME_LIKE_WORDS and is_ordinary_word(folded)


def _names_a_body(word: str, name_length: int) -> bool:
    """Does the first name word after ``word`` name the place or body ``word`` opens?

    A place type always takes it (`Kabupaten Pemalang`); an organisation word or a post
    written with its field (`Menko Polhukam Budi Santoso`) only when two name words remain
    (`Universitas Paramadina Hendri Satrio`, but `Tim Budi Santoso`).
    """
    folded = word.casefold()
    return folded in PLACE_TYPES and name_length > 0 or (
        name_length > 2 and (folded in ORGANISATION_WORDS or folded in COMPLEMENTED_POSTS)
    )


def _span_text(text: str, items: list[Word]) -> str:
    return " ".join(text[items[0].start : items[-1].end].split()).strip(" ,")
