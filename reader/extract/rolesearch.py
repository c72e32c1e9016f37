"""Where a role's words stand in a row, ahead of a word: `calon wakil presiden nomor urut 3 Mahfud`.

:func:`role_runs` finds, case-insensitively and left to right without overlaps, the
``words`` separated by spaces or commas (with at most one bracketed aside of up to 40
characters after a separator: `Komisi Pemilihan Umum (KPU) RI`), followed by white space
and a letter. It is what ``re.compile(gap.join(words) + r"\\s+(?=[A-Z])", re.I)`` finds,
read with string methods instead: each role is searched for once or twice, so compiling a
pattern per role cost more than the search.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

ASIDE = 40  # characters inside a bracketed aside
_GAP = r"[\s,]+(?:\([^)]{0,40}\)[\s,]*)?"
# Characters whose case-insensitive matching `str.lower` does not reproduce exactly
# (`re`'s extra case equivalences and the dotted capital I): the pattern handles them.
_SPECIAL = frozenset("\u0130\u0131\u017f\u212a") | frozenset(
    c for c in "µͅΐΰβεθικμπρςσφϐϑϕϖϰϱϵвдостъѣᲀᲁᲂᲃᲄᲅᲆᲇᲈṡẛιΐΰꙋﬅﬆ"
)
_LETTER_AHEAD = frozenset("\u0130\u0131\u017f\u212a")  # letters `(?=[A-Z])` takes under re.I


def role_runs(text: str, words: list[str]) -> Iterator[tuple[int, int]]:
    """(start, end) of each run of ``words``; ``end`` is where the next word starts."""
    if not words:
        return
    if not _SPECIAL.isdisjoint(text) or any(_unusual(w) for w in words):
        pattern = re.compile(_GAP.join(re.escape(w) for w in words) + r"\s+(?=[A-Z])", re.I)
        yield from (match.span() for match in pattern.finditer(text))
        return
    lowered = text.lower()
    wanted = [w.lower() for w in words]
    first = wanted[0]
    at = lowered.find(first)
    while at != -1:
        end = _run_end(lowered, at, wanted)
        if end is not None:
            yield at, end
            at = lowered.find(first, end)
        else:
            at = lowered.find(first, at + 1)


def _unusual(word: str) -> bool:
    """A word the string reading might take otherwise than the pattern (empty, opening
    with a separator or a bracket, holding white space or a special character)."""
    return not word or word[0] in ",(" or any(c.isspace() for c in word) or not _SPECIAL.isdisjoint(word)


def _run_end(text: str, at: int, words: list[str]) -> int | None:
    """Where the run of ``words`` from ``at`` ends (after its white space), if it is one."""
    pos = at + len(words[0])
    if not text.startswith(words[0], at):
        return None
    for word in words[1:]:
        gap = _gap_end(text, pos)
        if gap is None:
            return None
        if text.startswith(word, gap):
            pos = gap + len(word)
            continue
        return None
    stop = pos
    while stop < len(text) and text[stop].isspace():
        stop += 1
    if stop == pos or stop >= len(text):
        return None
    ahead = text[stop]
    return stop if ahead.isascii() and ahead.isalpha() or ahead in _LETTER_AHEAD else None


def _gap_end(text: str, pos: int) -> int | None:
    """The end of a separator (spaces or commas, then an optional bracketed aside)."""
    stop = pos
    while stop < len(text) and (text[stop].isspace() or text[stop] == ","):
        stop += 1
    if stop == pos:
        return None
    if stop < len(text) and text[stop] == "(":
        close = text.find(")", stop + 1, stop + ASIDE + 2)
        if close != -1 and close - stop - 1 <= ASIDE:
            after = close + 1
            while after < len(text) and (text[after].isspace() or text[after] == ","):
                after += 1
            return after
    return stop
