"""Where a query hits inside an article's text, and a snippet around the best hit.

Highlighting is done in Python with the shared tokenizer and stemmer, so stem
hits (``dicurangi`` for ``curang``) and typo-fixed hits are marked too, with
offsets into the stored text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from reader.search.plan import Marks
from reader.text.stem import stem
from reader.text.tokenize import WORD, fold

SNIPPET_WIDTH = 220
SNIPPET_LEAD = 60  # characters shown before the first hit
ELLIPSIS = "…"
# Nasal prefixes swallow a stem's first letter: mengatakan -> kata, memilih -> pilih.
_ASSIMILATED = set("kpts")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")


class Highlighter:
    """Finds the spans of ``marks`` in texts (build once per query, use on many articles)."""

    def __init__(self, marks: Marks) -> None:
        self.words = frozenset(marks.words)
        self.stems = frozenset(marks.stems)
        self.prefixes = tuple(sorted(marks.prefixes))
        fragments = set(self.words) | set(self.prefixes)
        for root in self.stems:
            fragments.add(root)
            if len(root) > 3 and root[0] in _ASSIMILATED:
                fragments.add(root[1:])
        self._fragments = _minimal(fragments)
        self._phrases = [(words[0], _phrase_regex(words)) for words in sorted(marks.phrases)]

    def is_hit(self, word: str) -> bool:
        """Whether one folded token matches (exact form, prefix or shared stem)."""
        if word in self.words or (self.prefixes and word.startswith(self.prefixes)):
            return True
        return bool(self.stems) and stem(word) in self.stems

    def spans(self, text: str) -> list[tuple[int, int]]:
        """Sorted, non-overlapping spans of every hit in ``text``."""
        found: list[tuple[int, int]] = []
        if self._fragments:
            found.extend(self._word_spans(text))
        if self._phrases:
            found.extend(self._phrase_spans(text))
        return merge(found)

    def _phrase_spans(self, text: str) -> Iterable[tuple[int, int]]:
        lowered = text.lower()
        if len(lowered) != len(text) or _has_accented_letters(text):
            # Accents: let the (slower) case-insensitive regex walk the original text.
            for _, pattern in self._phrases:
                for match in pattern.finditer(text):
                    if _word_start(text, match.start()) == match.start():
                        yield match.span()
            return
        for first, pattern in self._phrases:  # find the first word fast, then match the rest
            at = lowered.find(first)
            while at >= 0:
                match = pattern.match(lowered, at)
                if match is not None and _word_start(text, at) == at:
                    yield match.span()
                at = lowered.find(first, at + 1)

    def _word_spans(self, text: str) -> Iterable[tuple[int, int]]:
        lowered = text.lower()
        if len(lowered) != len(text):  # rare letters whose lower case is longer: check every word
            for match in WORD.finditer(text):
                if self.is_hit(fold(match.group())):
                    yield match.span()
            return
        starts: set[int] = set()
        for fragment in self._fragments:  # str.find is far faster than a regex alternation
            at = lowered.find(fragment)
            while at >= 0:
                starts.add(_word_start(text, at))
                at = lowered.find(fragment, at + len(fragment))
        if not text.isascii():  # accented words fold to other letters: check those too
            starts.update(
                _word_start(text, m.start()) for m in _NON_ASCII.finditer(text) if m.group().isalpha()
            )
        end = 0
        for start in sorted(starts):
            word = WORD.match(text, start) if start >= end else None
            if word is not None:
                end = word.end()
                if self.is_hit(fold(word.group())):
                    yield word.span()


def _has_accented_letters(text: str) -> bool:
    return not text.isascii() and any(ch.isalpha() for ch in _NON_ASCII.findall(text))


def _word_start(text: str, at: int) -> int:
    while at > 0 and text[at - 1].isalnum() and text[at - 1] != "_":
        at -= 1
    return at


def _minimal(fragments: set[str]) -> tuple[str, ...]:
    """Fragments that do not contain a shorter one (finding ``curang`` finds ``kecurangan``)."""
    ordered = sorted((f for f in fragments if f), key=len)
    kept: list[str] = []
    for fragment in ordered:
        if not any(k in fragment for k in kept):
            kept.append(fragment)
    return tuple(kept)


def _phrase_regex(words: tuple[str, ...]) -> re.Pattern[str]:
    """The words in order, separated by anything but letters and digits (as FTS5 splits)."""
    body = r"[\W_]+".join(re.escape(w) for w in words)
    return re.compile(rf"{body}(?![^\W_])", re.IGNORECASE)


def merge(spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sort spans and join the overlapping ones."""
    result: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if result and start < result[-1][1]:
            if end > result[-1][1]:
                result[-1] = (result[-1][0], end)
            continue
        result.append((start, end))
    return result


def snippet(text: str, hits: list[tuple[int, int]]) -> tuple[str, tuple[tuple[int, int], ...]]:
    """About :data:`SNIPPET_WIDTH` characters around the densest run of hits, one line."""
    if not hits:
        return _one_line(_clip(text, 0, SNIPPET_WIDTH)[0]), ()
    best, best_count, j = 0, 0, 0
    reach = SNIPPET_WIDTH - SNIPPET_LEAD
    for i, (start, _) in enumerate(hits):  # the window holding the most hits
        j = max(j, i)
        while j < len(hits) and hits[j][0] < start + reach:
            j += 1
        if j - i > best_count:
            best, best_count = i, j - i
    start = max(0, hits[best][0] - SNIPPET_LEAD)
    clipped, offset = _clip(text, start, start + SNIPPET_WIDTH)
    first = 1 if start > 0 and clipped.startswith(ELLIPSIS) else 0
    last = len(clipped) - (1 if clipped.endswith(ELLIPSIS) else 0)
    inside = tuple((s - offset, e - offset) for s, e in hits if s - offset >= first and e - offset <= last)
    return _one_line(clipped), inside


def _clip(text: str, start: int, end: int) -> tuple[str, int]:
    """``text[start:end]`` widened/narrowed to word boundaries, with ellipses.

    Returns the piece and the offset to subtract from ``text`` positions to get
    positions in the piece (the leading ellipsis is accounted for).
    """
    if start > 0:
        space = text.rfind(" ", max(0, start - 20), start)
        start = space + 1 if space >= 0 else start
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > start else end
    piece = text[start:end].strip()
    lead = len(text[start:end]) - len(text[start:end].lstrip())
    offset = start + lead
    if start > 0 and piece:
        piece = ELLIPSIS + piece
        offset -= 1
    if end < len(text) and piece:
        piece += ELLIPSIS
    return piece, offset


def _one_line(text: str) -> str:
    # Same length, so spans stay valid.
    return text.replace("\r", " ").replace("\n", " ").replace("\t", " ")
