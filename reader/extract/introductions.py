"""Where an article introduces a person: the role it gives before the name.

`Ketua Bawaslu Rahmat Bagja mengatakan …` or only `… dihadiri Ketua Bawaslu Rahmat
Bagja.`: later quotes (`"…," kata Bagja`) carry that role even when their cue names no
role. The introduction is read backwards from a mention of the name, with the same
phrase reader the cues use, so the role ends where a cue's role would.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from reader.extract.actors import Catalogue
from reader.extract.appositives import appositive
from reader.extract.lexicon import LOWER_ROLE_STARTS, OBJECT_MARKS, is_number, is_ordinary_word, is_role_word
from reader.extract.names import NONE, SpeakerPhrase, is_name_word, tidy_role
from reader.extract.owned_posts import owned_post
from reader.extract.phrase_words import word_before
from reader.extract.phrases import parse_after, parse_before
from reader.extract.resolve import holds, name_words
from reader.extract.rolesearch import role_runs

MAX_MENTIONS = 4  # mentions of a name read for its introduction
_REST_OF_NAME = re.compile(r"(?:[ \t]+[A-Z][\w'’-]*)+")  # `X, Pakar komunikasi … dari …,`


def introduction(text: str, name: str, catalogue: Catalogue | None) -> SpeakerPhrase | None:
    """The first mention of ``name`` (or a fuller form of it) that comes with a role."""
    wanted = name_words(name)
    if not wanted:
        return None
    surface = name.split()[-1]
    for count, end in enumerate(_mention_ends(text, surface)):
        if count >= MAX_MENTIONS:
            break
        phrase = _introduced_at(text, end, surface, catalogue)
        if phrase is None:
            continue
        owned = owned_post(text, phrase.role, phrase.start)
        if owned:
            phrase = SpeakerPhrase("name", phrase.name, owned, phrase.start, phrase.end)
        if phrase.kind != "name" or not tidy_role(phrase.role) or not phrase.name:
            continue  # `Istri calon presiden X, Siti`: kinship, not the person's post
        found = name_words(phrase.name)
        if holds(found, wanted) or holds(wanted, found) or _same_actor(phrase.name, name, catalogue):
            return phrase
    return None


def _introduced_at(
    text: str, end: int, surface: str, catalogue: Catalogue | None
) -> SpeakerPhrase | None:
    """The phrase a mention of a name ending at ``end`` stands in, with the post before the
    name or, failing that, the one after it (`Suryo Hadinoto, Pakar … dari …, menilai`)."""
    phrase = None
    if _may_have_role(text, end - len(surface)):
        # a post before the name, after `dengan` or `oleh` too (`bertemu dengan Ketum X Nama`)
        phrase = parse_before(text, end, catalogue, mention=True)
        if phrase.kind != "name" or tidy_role(phrase.role):
            return phrase
        if word_before(text, phrase.start, 12).casefold() in OBJECT_MARKS:
            return NONE  # a post after the name only for a subject (`dengan Bawaslu, dan …`)
    rest = _REST_OF_NAME.match(text, end)  # `kata Suryo` meets `Suryo Hadinoto, …`
    name_end = rest.end() if rest else end
    post = appositive(text, name_end, sebagai=True)
    if not post:
        return phrase
    if phrase is None or name_end != end:
        phrase = parse_before(text, name_end, catalogue)
    if phrase.kind != "name" or not phrase.name:
        return phrase
    return SpeakerPhrase("name", phrase.name, post, phrase.start, phrase.end)


def _mention_ends(text: str, word: str) -> Iterator[int]:
    """Where each whole-word occurrence of ``word`` in ``text`` ends."""
    start = text.find(word)
    while start != -1:
        end = start + len(word)
        before = text[start - 1 : start] if start else ""
        after = text[end : end + 1]
        if not (before.isalnum() or before in "'’-" and before) and not (
            after.isalnum() or after and after in "'’-"
        ):
            yield end
        start = text.find(word, end)


_RUN_BEFORE = re.compile(r"(?:[A-Z][\w'’.-]*|\([^()\n]{1,40}\))[ \t]+$")


def _may_have_role(text: str, start: int) -> bool:
    """Could a role stand before the name whose last word starts at ``start``?

    Only then is the phrase read: a capitalised word before the name's own words
    (`Ketua KPU Hasyim`), or a comma, number or role word before them (`Ketua X,
    Nama`, `nomor urut 1 Anies`, `calon presiden Ganjar`).
    """
    lo = max(0, start - 60)
    runs = 0
    pos = start
    while True:
        found = _RUN_BEFORE.search(text, lo, pos)
        if found is None:
            break
        runs += 1
        pos = found.start()
    if runs >= 2:
        return True  # more capitalised words than a two-word name: a role may be in them
    head = text[lo:pos].rstrip()
    if not head:
        return False
    if head[-1] in ",)":
        return True
    last = head.split()[-1]
    return is_number(last) or is_role_word(last) or last.casefold() in LOWER_ROLE_STARTS


def _same_actor(a: str, b: str, catalogue: Catalogue | None) -> bool:
    if catalogue is None:
        return False
    known = catalogue.resolve(a)
    return known is not None and known == catalogue.resolve(b)


# Short forms of the posts most often used to refer back to someone (`capres itu`).
_SHORT_FORMS = {
    "capres": "calon presiden",
    "cawapres": "calon wakil presiden",
    "bacapres": "bakal calon presiden",
    "bacawapres": "bakal calon wakil presiden",
    "ketum": "ketua umum",
    "sekjen": "sekretaris jenderal",
    "jubir": "juru bicara",
    "wapres": "wakil presiden",
}
_REFERENCE_WORDS = frozenset({"itu", "tersebut", "ini", "sang", "si", "pria", "wanita"})


def role_words(role: str) -> list[str]:
    """A role's words for comparing roles: short forms spelt out, asides and `itu` left out."""
    found: list[str] = []
    for word in re.sub(r"\([^)]*\)", " ", role).casefold().split():
        word = word.strip(",.")
        if word and word not in _REFERENCE_WORDS:
            found.extend(_SHORT_FORMS.get(word, word).split())
    return found


def described(text: str, role: str, catalogue: Catalogue | None) -> SpeakerPhrase | None:
    """The person the article names right after ``role`` (`calon wakil presiden nomor urut 3
    Mahfud MD`), for a later `tegas calon wakil presiden nomor urut 3 itu`."""
    wanted = [w for w in re.sub(r"\([^)]*\)", " ", role).split() if w.casefold() not in
              _REFERENCE_WORDS]  # fmt: skip
    if len(wanted) < 2 or not any(
        is_role_word(w) or w.casefold() in LOWER_ROLE_STARTS for w in wanted
    ):
        return None
    for start, end in role_runs(text, wanted):
        phrase = parse_after(text, end, catalogue)
        if phrase.kind == "name" and phrase.name:
            return SpeakerPhrase("name", phrase.name, " ".join(text[start:end].split()), start)
    return None


def role_text(text: str, match: re.Match[str]) -> str:
    return " ".join(text[match.start() : match.end()].split())


_SENTENCE_BREAK = re.compile(r"[.!?][\"”’']*(?=\s|[A-Z])|\n")  # `jelasnya.Cak Imin` too
_CAPITALISED_RUN = re.compile(r"[A-Z][\w'’.-]*(?:[ \t]+[A-Z][\w'’.-]*)+")
SENTENCE_REACH = 400  # characters searched back for the sentence before a cue


def previous_sentence(text: str, at: int) -> tuple[int, int] | None:
    """(start, end) of the sentence before the one ``at`` lies in (or opens)."""
    lo = max(0, at - SENTENCE_REACH)
    breaks = [m.end() for m in _SENTENCE_BREAK.finditer(text, lo, at)]
    if not breaks:
        return None
    end = breaks[-1]  # where the sentence of ``at`` starts
    for start in reversed(breaks[:-1]):
        if text[start:end].strip(_BLANK):
            return start, end
    return (0, end) if lo == 0 and text[:end].strip(_BLANK) else None


_BLANK = " \t\n\"“”'‘’"


def introduced_in(
    text: str, window: tuple[int, int], catalogue: Catalogue | None
) -> SpeakerPhrase | None:
    """Who ``text[window]`` brings in: its subject when a person opens it (`Mardani
    merasa yakin …`, `Bakal Capres Ganjar Pranowo yakin Presiden Jokowi …`), else the one
    person it names with a post (`Rakornas dihadiri Ketua Umum X, Nama`); a sentence that
    names several (`dibahas bersama Menko PMK Puan …, Wapres Jusuf Kalla di depan Presiden
    Joko Widodo`) brings in no one in particular."""
    start, end = window
    opening = _OPENING_NAME.match(text, start)
    if opening and _may_open_with_name(opening.group()):
        phrase = parse_before(text, opening.end(), catalogue)
        if phrase.kind == "name" and phrase.name and _person(phrase.name, catalogue):
            return None if only_described(text, opening.end()) else phrase
        if phrase.kind == "name":
            return None  # an organisation opens it: no one is introduced
    found: SpeakerPhrase | None = None
    for match in reversed(list(_CAPITALISED_RUN.finditer(text, start, end))):
        stop = match.end()
        while text[stop - 1] in ".-":
            stop -= 1
        if found is not None and stop > found.start:
            continue  # inside the phrase found already
        if not _may_have_role(text, text.rfind(" ", start, stop) + 1):
            continue
        phrase = parse_before(text, stop, catalogue)
        if phrase.kind != "name" or not phrase.role or not phrase.name or phrase.start < start:
            continue
        if not names_a_post(phrase.role):
            continue  # `Pabrik Smelter Grade Alumina Refinery`, `Net Zero Emission`: a thing
        if len(phrase.name.split()) >= 2 and _person(phrase.name, catalogue):
            if found is not None and phrase.name != found.name:
                return None
            found = found or phrase
    if found is not None and word_before(text, _role_start(text, found)).casefold() in _COMPANION_MARKS:
        return None  # `… bersama dengan Ganjar dan Ketua Umum PDI-P Megawati`: beside the subject
    return found


# Words before a person who accompanies the sentence's subject or is its object.
_COMPANION_MARKS = frozenset("dengan bersama beserta dan serta kepada terhadap untuk".split())


def _role_start(text: str, phrase: SpeakerPhrase) -> int:
    """Where the phrase's post starts (a post read back over `dan` starts before the run)."""
    at = text.rfind(phrase.role or "", max(0, phrase.start - 200), phrase.end)
    return at if at != -1 else phrase.start


def names_a_post(role: str) -> bool:
    """Does ``role`` hold a word for a post (`Ketua Umum …`, `calon presiden`)?"""
    return any(is_role_word(word) or word.casefold() in LOWER_ROLE_STARTS for word in role.split())


# The capitalised words opening a sentence, up to the first lower-case word.
_WORD = r"(?:[A-Z][\w'’.-]*|\([^()\n]{1,40}\))"
_OPENING_NAME = re.compile(rf"[\s\"“”'‘]*{_WORD}(?:[ \t]+(?:{_WORD}|\d+))*(?=[ \t,]+[a-z])")


_COPULA = re.compile(r"[ \t,]+(?:merupakan|adalah|ialah)[ \t]+([\w-]+)")


def only_described(text: str, end: int) -> bool:
    """Does the sentence only say what the person opening it is (`Sinta merupakan tokoh yang
    …`)? That is the writer describing someone, not bringing in who speaks next; a post
    after the copula (`… merupakan Ketua DPD …`) still introduces the person."""
    copula = _COPULA.match(text, end)
    if copula is None:
        return False
    word = copula.group(1)
    return not is_role_word(word) and word.casefold() not in LOWER_ROLE_STARTS


def _may_open_with_name(opening: str) -> bool:
    """A name or a role opens the sentence, not an ordinary word (`Acara itu …`)."""
    first = opening.split()[0].strip("\"“”'‘(")
    folded = first.casefold()
    return is_role_word(first) or folded in LOWER_ROLE_STARTS or not is_ordinary_word(folded)


def _person(name: str, catalogue: Catalogue | None) -> bool:
    """A person's name: a catalogue person, else no organisation and not an acronym."""
    known = catalogue.get(catalogue.resolve(name) or "") if catalogue is not None else None
    if known is not None:
        return known.type == "person"
    parts = name.split()
    if len(parts) == 1 and is_ordinary_word(parts[0].casefold()):
        return False  # `Acara itu …`
    return not name.isupper() and is_name_word(parts[0], catalogue)
