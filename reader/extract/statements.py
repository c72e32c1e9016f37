"""Is a span between quote marks a statement, or a term, title or scare quote?

The sidebar lists what people said. A quoted word (`istilah "gemoy"`), a title or
slogan in Title Case (`bertajuk "Pesta Demokrasi Damai"`), or a fragment of one or
two words (`"Tentu saja," ucapnya`) is not a statement, even with a cue next to it.
A two-word clause with a pronoun subject (`"Kami siap," katanya`) still is.
"""

from __future__ import annotations

MIN_WORDS = 3
SUBJECT_PRONOUNS = frozenset("saya aku kami kita dia ia beliau mereka anda kamu kalian".split())
# A word between a speech verb and the quote mark that still introduces the quote:
# `menegaskan kembali, "…"`; any other word there names a thing (`menjelaskan makna ‘…’`).
INTRODUCING_WORDS = frozenset(
    "kembali juga pula lagi bahwa singkat tegas lantang sambil dengan secara".split()
)
TITLE_SHARE = 0.75


def is_statement(inner: str) -> bool:
    """Does the quoted text read as something said (not a term, title or fragment)?"""
    words = inner.split()
    if len(words) < MIN_WORDS:
        return len(words) == 2 and any(_bare(w) in SUBJECT_PRONOUNS for w in words)
    return not _title_case(words)


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
