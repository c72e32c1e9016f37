"""Is a span between quote marks a statement, or a term, title or scare quote?

The sidebar lists what people said. A quoted word (`istilah "gemoy"`), a title or
slogan in Title Case (`bertajuk "Pesta Demokrasi Damai"`), or a fragment of one or
two words (`"Tentu saja," ucapnya`) is not a statement, even with a cue next to it.
A two-word clause with a pronoun subject (`"Kami siap," katanya`) still is.
A crowd cheering a name (`"Mas Gibran…, Mas Gibran…"`) and the wording of a law
(`diatur dalam Pasal 514. "Setiap orang yang …"`) are not statements either.
"""

from __future__ import annotations

import re

from reader.extract.lexicon import HONORIFICS, is_ordinary_word

MIN_WORDS = 3
SUBJECT_PRONOUNS = frozenset("saya aku kami kita dia ia beliau mereka anda kamu kalian".split())
# A word between a speech verb and the quote mark that still introduces the quote:
# `menegaskan kembali, "…"`; any other word there names a thing (`menjelaskan makna ‘…’`).
INTRODUCING_WORDS = frozenset(
    "kembali juga pula lagi bahwa singkat tegas lantang sambil dengan secara".split()
)
TITLE_SHARE = 0.75
_CHANT_BREAK = re.compile(r"[\s.,!?…]*[.,!?…]+[\s.,!?…]*")
# Legal drafting (`sebagaimana dimaksud dalam Pasal 344`, `dipidana dengan penjara`), and a
# law article named right before the quote mark (`diatur dalam Pasal 514.`, `berbunyi,`).
_LAW_DRAFTING = re.compile(r"sebagaimana dimaksud (?:dalam|pada)|\bdipidana (?:dengan|penjara)", re.I)
_LAW_BEFORE = re.compile(
    r"(?:\b(?:Pasal|pasal|ayat)\s+[\w()]+(?:\s+(?:ayat|huruf)\s+[\w()]+)*|\bberbunyi)"
    r"\s*[.:,]?\s*$"
)
LAW_LOOK_BACK = 80  # characters before the opening mark searched for the article named


def is_statement(inner: str) -> bool:
    """Does the quoted text read as something said (not a term, title or fragment)?"""
    words = inner.split()
    if len(words) < MIN_WORDS:
        return len(words) == 2 and any(_bare(w) in SUBJECT_PRONOUNS for w in words)
    return not _title_case(words) and not _cheers_a_name(inner)


def is_law_wording(text: str, open_mark: int, inner: str) -> bool:
    """Is the quote opening at ``open_mark`` the wording of a law article?"""
    if ("imaksud" in inner or "ipidana" in inner) and _LAW_DRAFTING.search(inner):
        return True
    before = text[max(0, open_mark - LAW_LOOK_BACK) : open_mark]
    return _may_cite(before) and _LAW_BEFORE.search(before) is not None


def _may_cite(before: str) -> bool:
    """A cheap test before the pattern: `Pasal`, `pasal`, `ayat` or `berbunyi` is there."""
    return "asal" in before or "ayat" in before or "bunyi" in before


def _cheers_a_name(inner: str) -> bool:
    """The same name called again and again (`Mas Gibran…, Mas Gibran…`), not words.

    A call is at most three capitalised words: a form of address and a name, or only
    names (`Hidup Prabowo!` opens with a word, so it is a chant of words).
    """
    first = inner.split(maxsplit=1)[0] if inner.strip() else ""
    if not first or inner.count(first) < 2:
        return False  # a call repeated repeats its first word
    parts = [p for p in _CHANT_BREAK.split(inner.strip(" \"'“”‘’")) if p]
    if len(parts) < 2 or len({p.casefold() for p in parts}) != 1:
        return False
    words = parts[0].split()
    if not 0 < len(words) <= 3 or not all(w[:1].isupper() for w in words):
        return False
    addressed = words[0].casefold() in HONORIFICS and len(words) > 1
    return addressed or not any(is_ordinary_word(w.casefold()) for w in words)


def _bare(word: str) -> str:
    return word.strip(".,;:!?…\"'“”‘’()").casefold()


def _title_case(words: list[str]) -> bool:
    """Most longer words capitalised and no sentence in it: a title or a slogan.

    A statement that names many places (`di Manado, Tomohon, …,`) still ends the way
    speech does, with a comma or a full stop before the closing mark.
    """
    if words[-1][-1:] in ".,!?…" or any(w[-1:] in ".!?" for w in words[:-1]):
        return False
    longer = [w.strip("\"'“”‘’(") for w in words[1:]]
    longer = [w for w in longer if len(w) > 3 and w[:1].isalpha()]
    if len(longer) < 2:
        return False
    capitalised = sum(w[0].isupper() for w in longer)
    return capitalised >= TITLE_SHARE * len(longer)


def introduces_quote(tail: str) -> bool:
    """``tail`` lies between a speech verb and a quote mark: does it still introduce it?"""
    words = tail.split()
    return not words or all(w.casefold().strip(",:") in INTRODUCING_WORDS for w in words)
