"""Spaces lost where a scraper joined link text to its neighbours.

Antara and detik dumps drop the space around a link: `calon wakil presidenMuhaimin`,
`nomor urut 1Anies`, `Guz Jazilmengemukakan`, `Kata PKSJuru Bicara PKS`. A space goes
back where a lower-case word runs into a capitalised one, a small number into a
capitalised word, an acronym into a capitalised word, or a name into a speech verb.
Brand names that mix cases (`NasDem`, `iPhone`, `detikNews`) are left alone: they open
with a capital, have fewer than three lower-case letters before the capital, or are the
outlet's own.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from reader.extract.cues import _ME_VERB
from reader.extract.lexicon import dictionary_words, is_ordinary_word

# A capital right after a letter or a digit and before two lower-case letters (the search
# jumps from capital to capital), and a me- speech verb glued to the end of a word.
_CASE_JOIN = re.compile(r"[A-Z](?<=[A-Za-z0-9][A-Z])(?=[a-z]{2})")
_VERB_JOIN = re.compile(rf"m(?<=[a-z]m)e{_ME_VERB}(?![\w-])")
# A name with a common word glued on (`Erwin Aksaingin mempercepat`, `Ganjar Pranowoyang`):
# a capitalised word of lower-case letters that ends in one of these after four letters or more.
# It is found as the whole word (opening with its capital, so `re` jumps from capital to
# capital) and its end compared in Python: a pattern with the words in it backtracks through
# every letter of every capitalised word.
GLUED_WORDS = ("ingin", "yang", "tidak", "juga", "sudah", "telah", "bahwa")
_LONG_CAPITALISED = re.compile(r"[A-Z](?<!\w[A-Z])[a-z]{7,}+(?!\w)")
MIN_NAME_BEFORE_WORD = 4
_WORD_BEFORE = re.compile(r"[\w'’-]*$")
_WORD_AFTER = re.compile(r"[A-Za-z]*")
MIN_GLUED_WORD = 3
# A word run on from an acronym (`PKSJuru Bicara`, `DKIJakarta`) is found by the same search,
# as a capital after another capital.
_ACRONYM_BEFORE = re.compile(r"[A-Z]*$")
_WORD_END = re.compile(r"[a-z]*(?![\w'’-])")
MAX_ACRONYM = 6
OWN_NAMES = ("detik",)  # the outlet's own names: detikNews, detikJabar


def unglue(text: str) -> str:
    """``text`` with a space put back at each glued join."""
    cuts = [m.start() for m in _CASE_JOIN.finditer(text) if _glued_join(text, m.start())]
    cuts += [m.start() for m in _VERB_JOIN.finditer(text) if _glued_verb(text, m.start())]
    alone: dict[str, bool] = {}
    cuts += [cut for cut, whole, name in _word_joins(text) if _glued_word(text, whole, name, alone)]
    if not cuts:
        return text
    cuts.sort()
    pieces = []
    last = 0
    for cut in cuts:
        pieces.append(text[last:cut])
        last = cut
    pieces.append(text[last:])
    return " ".join(pieces)


def _word_before(text: str, pos: int) -> str:
    found = _WORD_BEFORE.search(text, max(0, pos - 40), pos)
    return found.group() if found else ""


def _glued_join(text: str, pos: int) -> bool:
    return _glued_acronym(text, pos) if text[pos - 1].isupper() else _glued_case(text, pos)


def _glued_case(text: str, pos: int) -> bool:
    """`presidenMuhaimin`, `1Anies` (not `NasDem`, `iPhone`, `detikNews`, `G20Summit`)."""
    before = _word_before(text, pos)
    if before.isdigit():
        return len(before) <= 2
    if before[:1].isupper() and before[1:].islower() and len(before) > MIN_GLUED_WORD:
        # `Kementerian AgamaNizar Ali`: a capitalised Indonesian word runs into a name
        after = _WORD_AFTER.match(text, pos).group().casefold()
        words = dictionary_words()
        return before.casefold() in words and after not in words  # not `BeritaSatu`
    return (
        len(before) >= MIN_GLUED_WORD
        and before.isalpha()
        and before.islower()
        and not any(name in before for name in OWN_NAMES)
    )


def _glued_acronym(text: str, pos: int) -> bool:
    """`PKSJuru`: a capitalised word at ``pos`` after an acronym of 3 to 6 capitals that the
    article writes on its own too, the word an Indonesian one or written on its own as well
    (not `TVOne`, `KPUDnya`)."""
    before = _ACRONYM_BEFORE.search(text, max(0, pos - MAX_ACRONYM - 1), pos)
    acronym = before.group() if before else ""
    start = pos - len(acronym)
    joined = start > 0 and (text[start - 1].isalnum() or text[start - 1] in "'’-")
    if joined or not 3 <= len(acronym) <= MAX_ACRONYM:
        return False
    rest = _WORD_END.match(text, pos + 1)
    if rest is None or rest.end() - pos < 3:
        return False
    word = text[pos : rest.end()]
    if not _written_alone(text, acronym):
        return False
    return word.casefold() in dictionary_words() or _written_alone(text, word)


def _written_alone(text: str, word: str) -> bool:
    """Does ``text`` hold ``word`` as a whole word? (A scan, not a regex: each acronym would
    compile its own.)"""
    at = text.find(word)
    while at != -1:
        end = at + len(word)
        before = text[at - 1] if at else " "
        after = text[end] if end < len(text) else " "
        if not (before.isalnum() or before in "'’-" or after.isalnum() or after in "'’-"):
            return True
        at = text.find(word, end)
    return False


def _glued_verb(text: str, pos: int) -> bool:
    """`Jazilmengemukakan`: a capitalised name with a speech verb glued on."""
    before = _word_before(text, pos)
    return len(before) >= MIN_GLUED_WORD and before[:1].isupper() and before[1:].islower()


def _word_joins(text: str) -> Iterator[tuple[int, str, str]]:
    """Each capitalised word ending in a glued word (`Aksaingin`): where the glued word
    starts, the whole word and the name before it (`Aksa`)."""
    for match in _LONG_CAPITALISED.finditer(text):
        whole = match.group()
        for word in GLUED_WORDS:  # none of them ends another, so at most one matches
            if whole.endswith(word) and len(whole) - len(word) >= MIN_NAME_BEFORE_WORD:
                yield match.end() - len(word), whole, whole[: -len(word)]


def _glued_word(text: str, whole: str, name: str, alone: dict[str, bool]) -> bool:
    """`Aksaingin` when the article also writes `Aksa` on its own: a name and a word joined.

    ``alone`` remembers, per name, whether the text writes it on its own.
    """
    if is_ordinary_word(whole.casefold()):
        return False
    if name not in alone:
        alone[name] = re.search(rf"\b{name}\b", text) is not None
    return alone[name]
