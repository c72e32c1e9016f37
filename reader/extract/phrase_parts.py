"""What the two phrase readers share: turning a run of words into a speaker phrase."""

from __future__ import annotations

from reader.extract.actors import Catalogue
from reader.extract.cues import PHRASE_STOPS
from reader.extract.lexicon import (
    DEMONSTRATIVES,
    ENGLISH_GLUE,
    FOREIGN_BODY_WORDS,
    LOWER_ROLE_STARTS,
    NUMBER_WORDS,
    ORGANISATION_WORDS,
    is_place,
    is_role_word,
)
from reader.extract.names import NONE, SpeakerPhrase, split_role
from reader.extract.phrase_words import Word, is_capitalised, word_before

WINDOW = 160  # characters read on either side of a cue
MAX_WORDS = 24
NEAR = 60  # characters next to a cue read first
REFERENCE_ENDS = DEMONSTRATIVES  # a phrase ending on one refers back
TITLE_GLUE = frozenset({"-", "–", "/", "dan", "and", "&"})
_FOREIGN_GLUE = ENGLISH_GLUE | {"&", "in"}
_FAN_WORDS = frozenset({"mania", "lovers", "fans"})  # `Budi Mania`: supporters, not a body that speaks


def make_phrase(text: str, run: list[Word], catalogue: Catalogue | None) -> SpeakerPhrase:
    """Turn a run of words into a name (with role) or a reference."""
    while run and run[-1].text.startswith("("):
        run = run[:-1]
    if not run:
        return NONE
    start, end = run[0].start, run[-1].end
    role, name = split_role(text, run, catalogue)
    if name is None and run:
        org = organisation(text, run, catalogue) or _foreign_body(text, run)
        if org:
            return SpeakerPhrase("name", org, None, start, end)
    if name is None:
        return SpeakerPhrase("reference", None, role, start, end)
    return SpeakerPhrase("name", name, role, start, end)


def post_then_demonstrative(
    text: str, role: str | None, name: str | None, after: int, catalogue: Catalogue | None
) -> bool:
    """A post and a "name" with a demonstrative at ``after`` (`Mantan Pangdam I Bukit Barisan
    ini`), the name written nowhere else and unknown to the catalogue, or standing right after
    a body's word (`Universitas`): the capitalised words end the post (a unit, a body, a
    place) of someone the article already named."""
    if not role or not name:
        return False
    following = text[after : after + 9].split()
    if not following or following[0].casefold().strip(",.") not in REFERENCE_ENDS:
        return False
    if role.split()[-1].casefold() in ORGANISATION_WORDS:
        return True  # `dosen tetap Universitas Al Azhar itu`: the words finish the body's name
    if text.count(name) > 1:
        return False
    return catalogue is None or catalogue.resolve(name) is None


def _foreign_body(text: str, run: list[Word]) -> str | None:
    """`International Energy Agency`, `Ipsos Public Affairs`: a run of capitalised words
    that ends on a word of a foreign body's name and holds no post is that body (unless the
    name goes on before it: `Jimly School of Law And Government`)."""
    if len(run) < 2 or not all(w.text[:1].isupper() for w in run):
        return None
    if word_before(text, run[0].start, 12).casefold() in _FOREIGN_GLUE:
        return None
    last = run[-1].text.casefold()
    if last not in FOREIGN_BODY_WORDS or last in _FAN_WORDS or any(is_role_word(w.text) for w in run):
        return None
    return " ".join(w.text for w in run)


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
        or folded in NUMBER_WORDS  # `nomor urut tiga`
    )


def has_role_word(segment: list[Word]) -> bool:
    return any(is_role_word(w.text) for w in segment)
