"""What the two phrase readers share: turning a run of words into a speaker phrase."""

from __future__ import annotations

from reader.extract.actors import Catalogue
from reader.extract.cues import PHRASE_STOPS
from reader.extract.lexicon import LOWER_ROLE_STARTS, is_place, is_role_word
from reader.extract.names import NONE, SpeakerPhrase, Word, is_capitalised, split_role

WINDOW = 160  # characters read on either side of a cue
MAX_WORDS = 24
NEAR = 60  # characters next to a cue read first
REFERENCE_ENDS = frozenset({"itu", "tersebut", "ini"})
TITLE_GLUE = frozenset({"-", "–", "/", "dan", "and", "&"})


def make_phrase(text: str, run: list[Word], catalogue: Catalogue | None) -> SpeakerPhrase:
    """Turn a run of words into a name (with role) or a reference."""
    while run and run[-1].text.startswith("("):
        run = run[:-1]
    if not run:
        return NONE
    start, end = run[0].start, run[-1].end
    role, name = split_role(text, run, catalogue)
    if name is None and run:
        org = organisation(text, run, catalogue)
        if org:
            return SpeakerPhrase("name", org, None, start, end)
    if name is None:
        return SpeakerPhrase("reference", None, role, start, end)
    return SpeakerPhrase("name", name, role, start, end)


def organisation(text: str, run: list[Word], catalogue: Catalogue | None) -> str | None:
    """`kata Bawaslu`: an organisation speaking (known, or an acronym)."""
    phrase = " ".join(w.text for w in run if w.text != "," and w.text[0] != "(")
    if catalogue is not None and catalogue.resolve(phrase):
        return catalogue.resolve(phrase)
    if len(run) == 1 and run[0].text.isupper() and 2 <= len(run[0].text) <= 8:
        return run[0].text
    return None


def stop(word: str) -> bool:
    if word[:1].isupper():
        return False  # `Menteri Dalam Negeri`: capitalised, part of a title
    folded = word.casefold()
    return folded in PHRASE_STOPS or folded in REFERENCE_ENDS or folded.isdigit()


def role_so_far(run: list[Word]) -> bool:
    return any(is_role_word(w.text) or is_place(w.text) for w in run)


def role_text(text: str, run: list[Word]) -> str:
    return " ".join(text[run[0].start : run[-1].end].split())


def between_words(text: str, lo: int, space: int) -> bool:
    """Does the space at ``space`` lie between two words of ``words(text, lo, …)``?

    Only a bracketed aside (at most 62 characters) can hold a space, so a space with no `(`
    in the 61 characters before it (after ``lo``) does: the words on either side of it are
    the same whatever the window.
    """
    return space > lo and text.rfind("(", max(lo, space - 61), space) == -1


def role_part(word: str) -> bool:
    """Can ``word`` be inside a role (`Calon presiden nomor urut 1`, `Ketua DPD (Ketum)`)?"""
    folded = word.casefold()
    return (
        is_capitalised(word)
        or word.isdigit()
        or word[:1] == "("
        or word in TITLE_GLUE
        or folded in ("nomor", "urut", "dari")
        or folded in LOWER_ROLE_STARTS
        or is_role_word(word)
    )


def has_role_word(segment: list[Word]) -> bool:
    return any(is_role_word(w.text) for w in segment)
